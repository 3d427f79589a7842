package charterlint.rules.objectives.only_multistakeholderism_test

import data.charterlint.rules.objectives.only_multistakeholderism as rule

test_fail_only_multistakeholderism if {
	got := rule.deny with input as {"charter": {"id": "forum", "objectives": ["multistakeholderism"]}}
	got == {{
		"pointer": "/objectives",
		"element": "forum",
		"message": `charter "forum" names "multistakeholderism" as its only objective; being multistakeholder is a means, so list the public interests it serves (for example stability, security, openness)`,
	}}
}

test_pass_multistakeholderism_among_other_objectives if {
	got := rule.deny with input as {"charter": {"id": "forum", "objectives": ["multistakeholderism", "access", "development"]}}
	count(got) == 0
}

test_pass_public_interest_objectives_only if {
	got := rule.deny with input as {"charter": {"id": "forum", "objectives": ["stability"]}}
	count(got) == 0
}

# No objectives at all is CL-OBJ-001's finding, not this one.
test_pass_no_objectives if {
	got := rule.deny with input as {"charter": {"id": "forum"}}
	count(got) == 0
	got_empty := rule.deny with input as {"charter": {"id": "forum", "objectives": []}}
	count(got_empty) == 0
}
