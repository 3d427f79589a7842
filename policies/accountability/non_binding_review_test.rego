package charterlint.rules.accountability.non_binding_review_test

import data.charterlint.rules.accountability.non_binding_review as rule

test_fail_non_binding_review if {
	got := rule.deny with input as {"charter": {"accountability": {"independentReview": {"id": "review-panel", "body": "panel", "binding": false}}}}
	got == {{
		"pointer": "/accountability/independentReview/binding",
		"element": "review-panel",
		"message": `independent review "review-panel" (by body "panel") does not bind: the body whose decision is reviewed may set its result aside`,
	}}
}

test_fail_non_binding_review_outside_the_charter if {
	got := rule.deny with input as {"charter": {"accountability": {"independentReview": {"id": "ombuds", "binding": false}}}}
	{f.message | some f in got} == {`independent review "ombuds" does not bind: the body whose decision is reviewed may set its result aside`}
}

test_pass_binding_review if {
	got := rule.deny with input as {"charter": {"accountability": {"independentReview": {"id": "irp", "body": "panel", "binding": true}}}}
	count(got) == 0
}

# No review at all is CL-ACC-003's finding, not this one.
test_pass_no_review if {
	got := rule.deny with input as {"charter": {"accountability": {"appeals": [{"id": "a", "to": "panel", "binding": false}]}}}
	count(got) == 0
}
