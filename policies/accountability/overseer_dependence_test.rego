package charterlint.rules.accountability.overseer_dependence_test

import data.charterlint.rules.accountability.overseer_dependence as rule

# A registry board on which registrars vote and the ministry holds a veto
# over the budget, and a committee that oversees it.
registry := {"pointer": "/bodies/0", "oversees": [], "fundedBy": [], "firstAppointedBy": [], "vetoes": [
	{"id": "budget-veto", "holder": "ministry", "scope": "budget"},
]}

seats := [
	{"id": "registrar-directors", "body": "registry-board", "actor": "registrars", "vote": "full"},
	{"id": "registrant-directors", "body": "registry-board", "actor": "registrants", "vote": "full"},
	{"id": "observer", "body": "registry-board", "actor": "auditors", "vote": "none"},
	{"id": "registrar-overseers", "body": "oversight-committee", "actor": "registrars", "vote": "full"},
]

committee(funded, first) := {
	"pointer": "/bodies/1",
	"oversees": ["registry-board"],
	"fundedBy": funded,
	"firstAppointedBy": first,
	"vetoes": [],
}

run(funded, first) := got if {
	got := rule.deny with input as {"facts": {
		"bodies": {"registry-board": registry, "oversight-committee": committee(funded, first)},
		"seats": seats,
	}}
}

test_fail_funded_by_the_overseen_body if {
	run(["registry-board"], []) == {{
		"pointer": "/bodies/1/fundedBy",
		"element": "oversight-committee",
		"message": `body "oversight-committee" oversees body "registry-board" but depends on it: funded by "registry-board" itself`,
	}}
}

test_fail_funded_by_a_voter_on_the_overseen_body if {
	run(["registrars", "donors"], []) == {{
		"pointer": "/bodies/1/fundedBy",
		"element": "oversight-committee",
		"message": `body "oversight-committee" oversees body "registry-board" but depends on it: funded by "registrars", which holds votes on it`,
	}}
}

test_fail_first_members_appointed_by_a_veto_holder if {
	run([], ["ministry"]) == {{
		"pointer": "/bodies/1/firstAppointedBy",
		"element": "oversight-committee",
		"message": `body "oversight-committee" oversees body "registry-board" but depends on it: first members appointed by "ministry", which holds a veto on it`,
	}}
}

# Both dependences: one finding each, and several funders in one message.
test_fail_both_dependences if {
	got := run(["registry-board", "registrants"], ["registry-board"])
	got == {
		{
			"pointer": "/bodies/1/fundedBy",
			"element": "oversight-committee",
			"message": `body "oversight-committee" oversees body "registry-board" but depends on it: funded by "registrants", which holds votes on it; "registry-board" itself`,
		},
		{
			"pointer": "/bodies/1/firstAppointedBy",
			"element": "oversight-committee",
			"message": `body "oversight-committee" oversees body "registry-board" but depends on it: first members appointed by "registry-board" itself`,
		},
	}
}

# Funders and appointers with no vote or veto on the overseen body:
# donors from outside, auditors who sit on the registry board as observers
# without a vote, a court that appointed the first members.
test_pass_independent_funders_and_appointers if {
	count(run(["donors", "auditors"], ["courts"])) == 0
}

# Only votes on the overseen body count: members who vote on the committee
# alone do not make it dependent.
test_pass_votes_on_the_overseer_only if {
	got := rule.deny with input as {"facts": {
		"bodies": {"registry-board": registry, "oversight-committee": committee(["members"], ["members"])},
		"seats": array.concat(seats, [{"id": "member-overseers", "body": "oversight-committee", "actor": "members", "vote": "full"}]),
	}}
	count(got) == 0
}

# A body that oversees nothing is not checked, whoever funds it.
test_pass_no_oversight if {
	got := rule.deny with input as {"facts": {
		"bodies": {
			"registry-board": registry,
			"council": {"pointer": "/bodies/1", "oversees": [], "fundedBy": ["registry-board"], "firstAppointedBy": ["registrars"], "vetoes": []},
		},
		"seats": seats,
	}}
	count(got) == 0
}

# A body listed as overseeing itself is not an overseer of another body.
test_pass_self_oversight_is_not_checked if {
	got := rule.deny with input as {"facts": {
		"bodies": {"registry-board": object.union(registry, {"oversees": ["registry-board"], "fundedBy": ["registry-board"]})},
		"seats": seats,
	}}
	count(got) == 0
}
