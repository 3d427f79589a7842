package charterlint.rules.accountability.no_independent_review_test

import data.charterlint.rules.accountability.no_independent_review as rule

facts := {"bodies": {
	"board": {"pointer": "/bodies/0", "decides": ["dns-policy"]},
	"forum": {"pointer": "/bodies/1", "decides": []},
}}

test_fail_no_independent_review if {
	got := rule.deny with input as {"facts": facts, "charter": {"id": "alliance", "accountability": {"appeals": [{"id": "a", "from": "board", "to": "board"}]}}}
	got == {{
		"pointer": "/accountability",
		"element": "alliance",
		"message": `charter "alliance" provides no independent review (accountability.independentReview) of the decisions of body board`,
	}}
}

test_fail_no_accountability_section if {
	got := rule.deny with input as {"facts": facts, "charter": {"id": "alliance"}}
	{f.pointer | some f in got} == {""}
}

test_pass_with_independent_review if {
	got := rule.deny with input as {"facts": facts, "charter": {"id": "icann", "accountability": {"independentReview": {"id": "irp", "binding": true}}}}
	count(got) == 0
}

# The appointed advisory forum pattern: no decisions, nothing to review.
test_pass_advisory_forum_deciding_nothing if {
	got := rule.deny with input as {
		"facts": {"bodies": {"mag": {"pointer": "/bodies/0", "decides": []}}},
		"charter": {"id": "igf"},
	}
	count(got) == 0
}
