package charterlint.rules.accountability.appeal_to_decider_test

import data.charterlint.rules.accountability.appeal_to_decider as rule

self_appeal := {"id": "admission-review", "from": "board", "to": "board", "binding": true}

test_fail_only_reconsideration_by_decider if {
	got := rule.deny with input as {"charter": {"accountability": {"appeals": [
		{"id": "wg-appeal", "from": "wg", "to": "chairs"},
		self_appeal,
	]}}}
	got == {{
		"pointer": "/accountability/appeals/1",
		"element": "admission-review",
		"message": `appeal "admission-review" sends decisions of body "board" back to "board" itself, and there is no independent review or appeal to another body: the decider is the only judge of its own decisions`,
	}}
}

# The ICANN pattern: reconsideration by the board plus a binding
# independent review.
test_pass_reconsideration_with_independent_review if {
	got := rule.deny with input as {"charter": {"accountability": {
		"appeals": [{"id": "reconsideration", "from": "board", "to": "board"}],
		"independentReview": {"id": "irp", "body": "panel", "binding": true},
	}}}
	count(got) == 0
}

test_pass_reconsideration_with_appeal_to_another_body if {
	got := rule.deny with input as {"charter": {"accountability": {"appeals": [
		self_appeal,
		{"id": "to-panel", "from": "board", "to": "panel"},
	]}}}
	count(got) == 0
}

# An appeal that names no body covers the decisions of every body.
test_pass_reconsideration_with_general_appeal if {
	got := rule.deny with input as {"charter": {"accountability": {"appeals": [
		self_appeal,
		{"id": "ombudsman", "to": "ombudsman"},
	]}}}
	count(got) == 0
}

test_pass_appeal_to_separate_body if {
	got := rule.deny with input as {"charter": {"accountability": {"appeals": [{"id": "a", "from": "wg", "to": "iesg"}]}}}
	count(got) == 0
}
