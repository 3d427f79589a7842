package charterlint.rules.accountability.no_review_cycle_test

import data.charterlint.rules.accountability.no_review_cycle as rule

test_fail_no_review_cycle if {
	got := rule.deny with input as {"charter": {"id": "w3c", "accountability": {"appeals": [{"id": "a", "from": "wg", "to": "council"}]}}}
	got == {{
		"pointer": "/accountability",
		"element": "w3c",
		"message": `charter "w3c" sets no periodic review of the arrangement itself (accountability.reviewCycle)`,
	}}
}

test_fail_no_accountability_section if {
	got := rule.deny with input as {"charter": {"id": "alliance"}}
	got == {{
		"pointer": "",
		"element": "alliance",
		"message": `charter "alliance" sets no periodic review of the arrangement itself (accountability.reviewCycle)`,
	}}
}

test_pass_with_review_cycle if {
	got := rule.deny with input as {"charter": {"id": "icann", "accountability": {"reviewCycle": {"years": 5}}}}
	count(got) == 0
}

# An advisory forum is reviewed too: the rule does not depend on deciding bodies.
test_pass_advisory_forum_with_review_cycle if {
	got := rule.deny with input as {
		"facts": {"bodies": {"mag": {"pointer": "/bodies/0", "decides": []}}},
		"charter": {"id": "igf", "accountability": {"reviewCycle": {"years": 10}}},
	}
	count(got) == 0
}
