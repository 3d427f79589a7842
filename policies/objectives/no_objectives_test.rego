package charterlint.rules.objectives.no_objectives_test

import data.charterlint.rules.objectives.no_objectives as rule

test_fail_missing_objectives if {
	got := rule.deny with input as {"charter": {"id": "forum"}}
	got == {{
		"pointer": "",
		"element": "forum",
		"message": `charter "forum" states no public-interest objectives; list what it serves in "objectives" (for example stability, security, openness)`,
	}}
}

test_fail_empty_objectives if {
	got := rule.deny with input as {"charter": {"id": "forum", "objectives": []}}
	count(got) == 1
}

test_pass_with_objectives if {
	got := rule.deny with input as {"charter": {"id": "forum", "objectives": ["stability"]}}
	count(got) == 0
}
