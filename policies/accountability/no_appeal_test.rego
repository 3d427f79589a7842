package charterlint.rules.accountability.no_appeal_test

import data.charterlint.rules.accountability.no_appeal as rule

facts := {"bodies": {
	"council": {"pointer": "/bodies/0", "decides": ["dns-policy", "cyber"]},
	"ministers": {"pointer": "/bodies/1", "decides": ["budget"]},
	"forum": {"pointer": "/bodies/2", "decides": []},
}}

test_fail_no_appeals if {
	got := rule.deny with input as {"facts": facts, "charter": {"id": "gulf", "accountability": {"recall": {"by": ["ministers"], "of": ["council"]}}}}
	got == {{
		"pointer": "/accountability",
		"element": "gulf",
		"message": `charter "gulf" has no appeal path (accountability.appeals): decisions of bodies council, ministers cannot be challenged`,
	}}
}

test_fail_empty_appeals_without_accountability_section if {
	got := rule.deny with input as {
		"facts": {"bodies": {"board": {"pointer": "/bodies/0", "decides": ["policy"]}}},
		"charter": {"id": "alliance"},
	}
	got == {{
		"pointer": "",
		"element": "alliance",
		"message": `charter "alliance" has no appeal path (accountability.appeals): decisions of body board cannot be challenged`,
	}}
	got_empty := rule.deny with input as {
		"facts": {"bodies": {"board": {"pointer": "/bodies/0", "decides": ["policy"]}}},
		"charter": {"id": "alliance", "accountability": {"appeals": []}},
	}
	count(got_empty) == 1
}

test_pass_with_appeal if {
	got := rule.deny with input as {"facts": facts, "charter": {"id": "gulf", "accountability": {"appeals": [{"id": "a", "from": "council", "to": "panel"}]}}}
	count(got) == 0
}

# The appointed advisory forum pattern: nothing is decided, so there is
# nothing to appeal.
test_pass_advisory_forum_deciding_nothing if {
	got := rule.deny with input as {
		"facts": {"bodies": {"mag": {"pointer": "/bodies/0", "decides": []}}},
		"charter": {"id": "igf", "accountability": {"reviewCycle": {"years": 10}}},
	}
	count(got) == 0
}

# The treaty-conference pattern: a revision binds only the states that
# ratify it, and a state may accept it with reservations. Non-ratification
# is the recourse; no appeal is needed.
treaty_facts := {"bodies": {
	"conference": {"pointer": "/bodies/0", "decides": ["spectrum-allotment"]},
	"regulations-board": {"pointer": "/bodies/1", "decides": ["rules-of-procedure"]},
	"tribunal": {"pointer": "/bodies/2", "decides": []},
}}

test_pass_every_deciding_body_bound_only_by_ratification if {
	got := rule.deny with input as {"facts": treaty_facts, "charter": {"id": "radio-treaty", "accountability": {"recourse": [
		{"id": "ratification", "kind": "ratification", "of": ["conference", "regulations-board"]},
		{"id": "denunciation", "kind": "withdrawal"},
	]}}}
	count(got) == 0
}

# A recourse that names no body covers them all.
test_pass_recourse_without_of_covers_every_body if {
	got := rule.deny with input as {"facts": treaty_facts, "charter": {"id": "radio-treaty", "accountability": {"recourse": [{"id": "reservations", "kind": "reservation"}]}}}
	count(got) == 0
}

test_fail_only_some_bodies_bound_only_by_ratification if {
	got := rule.deny with input as {"facts": treaty_facts, "charter": {"id": "radio-treaty", "accountability": {"recourse": [
		{"id": "ratification", "kind": "ratification", "of": ["conference"]},
		{"id": "reservations", "kind": "reservation", "of": ["conference"]},
	]}}}
	got == {{
		"pointer": "/accountability",
		"element": "radio-treaty",
		"message": `charter "radio-treaty" has no appeal path (accountability.appeals): decisions of body regulations-board cannot be challenged (left out: body conference, whose outputs bind only the parties that ratify them or accept them with reservations)`,
	}}
}

# Under a multistakeholder claim, leaving, courts and markets, which act
# after a decision has bound the objector, do not stand in for an appeal.
test_fail_other_recourse_kinds_do_not_count_under_a_claim if {
	facts := object.union(treaty_facts, {"claimsOpenness": true})
	got := rule.deny with input as {"facts": facts, "charter": {"id": "radio-treaty", "accountability": {"recourse": [
		{"id": "denunciation", "kind": "withdrawal"},
		{"id": "courts", "kind": "courts", "of": ["conference", "regulations-board"]},
		{"id": "market", "kind": "market"},
	]}}}
	got == {{
		"pointer": "/accountability",
		"element": "radio-treaty",
		"message": `charter "radio-treaty" has no appeal path (accountability.appeals): decisions of bodies conference, regulations-board cannot be challenged`,
	}}
}

# A private or national arrangement that claims neither multistakeholder
# nor openness answers to courts, regulators, markets or peers instead
# (Grant and Keohane 2005): the bodies such recourse covers need no appeal.
test_pass_courts_for_an_arrangement_without_the_claim if {
	got := rule.deny with input as {"facts": treaty_facts, "charter": {"id": "registry", "principles": ["accountable"], "accountability": {"recourse": [
		{"id": "courts", "kind": "courts", "of": ["conference", "regulations-board"]},
	]}}}
	count(got) == 0
}

test_fail_courts_cover_only_one_body if {
	got := rule.deny with input as {"facts": treaty_facts, "charter": {"id": "registry", "accountability": {"recourse": [
		{"id": "courts", "kind": "courts", "of": ["conference"]},
	]}}}
	{f.message | some f in got} == {`charter "registry" has no appeal path (accountability.appeals): decisions of body regulations-board cannot be challenged (left out: body conference, answerable to courts, regulators, markets or peers, as a private or national arrangement is)`}
}
