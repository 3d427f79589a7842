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

# The treaty-conference pattern: the conference reconsiders its own
# revisions, but each state judges a revision when it decides whether to
# ratify it.
conference_appeal := {"id": "reconsideration", "from": "conference", "to": "conference"}

test_pass_reconsideration_of_outputs_bound_only_by_ratification if {
	got := rule.deny with input as {"charter": {"accountability": {
		"appeals": [conference_appeal],
		"recourse": [{"id": "ratification", "kind": "ratification", "of": ["conference"]}],
	}}}
	count(got) == 0
	got_all := rule.deny with input as {"charter": {"accountability": {
		"appeals": [conference_appeal],
		"recourse": [{"id": "reservations", "kind": "reservation"}],
	}}}
	count(got_all) == 0
}

test_fail_ratification_of_another_body_does_not_cover if {
	got := rule.deny with input as {"charter": {"accountability": {
		"appeals": [conference_appeal],
		"recourse": [
			{"id": "ratification", "kind": "ratification", "of": ["assembly"]},
			{"id": "denunciation", "kind": "withdrawal"},
		],
	}}}
	{f.element | some f in got} == {"reconsideration"}
}
