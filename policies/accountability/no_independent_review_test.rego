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

# The treaty-conference pattern: the conference's revisions bind only the
# states that ratify them; the board's rules bind without ratification.
treaty_facts := {"bodies": {
	"conference": {"pointer": "/bodies/0", "decides": ["spectrum-allotment"]},
	"regulations-board": {"pointer": "/bodies/1", "decides": ["rules-of-procedure"]},
}}

test_pass_every_deciding_body_bound_only_by_ratification if {
	got := rule.deny with input as {"facts": treaty_facts, "charter": {"id": "radio-treaty", "accountability": {"recourse": [
		{"id": "ratification", "kind": "ratification", "of": ["conference"]},
		{"id": "reservations", "kind": "reservation", "of": ["regulations-board"]},
	]}}}
	count(got) == 0
}

test_pass_recourse_without_of_covers_every_body if {
	got := rule.deny with input as {"facts": treaty_facts, "charter": {"id": "radio-treaty", "accountability": {"recourse": [{"id": "ratification", "kind": "ratification"}]}}}
	count(got) == 0
}

test_fail_only_some_bodies_bound_only_by_ratification if {
	got := rule.deny with input as {"facts": treaty_facts, "charter": {"id": "radio-treaty", "accountability": {"recourse": [
		{"id": "ratification", "kind": "ratification", "of": ["conference"]},
		{"id": "denunciation", "kind": "withdrawal"},
	]}}}
	got == {{
		"pointer": "/accountability",
		"element": "radio-treaty",
		"message": `charter "radio-treaty" provides no independent review (accountability.independentReview) of the decisions of body regulations-board (left out: body conference, whose outputs bind only the parties that ratify them or accept them with reservations)`,
	}}
}

# A charter that claims to be multistakeholder is held to its claim: a
# regulator does not stand in for an independent review.
test_fail_regulator_recourse_does_not_count_under_a_claim if {
	facts := object.union(treaty_facts, {"claimsOpenness": true})
	got := rule.deny with input as {"facts": facts, "charter": {"id": "radio-treaty", "accountability": {"recourse": [{"id": "regulator", "kind": "regulator"}]}}}
	count(got) == 1
}

# A private or national body that claims nothing of the kind answers to
# courts, regulators, markets or peers (Grant and Keohane 2005).
test_pass_courts_and_regulator_for_a_body_without_the_claim if {
	facts := object.union(treaty_facts, {"claimsOpenness": false})
	got := rule.deny with input as {"facts": facts, "charter": {"id": "registry", "principles": ["accountable"], "accountability": {"recourse": [{"id": "courts", "kind": "courts"}]}}}
	count(got) == 0
}
