package charterlint.rules.accountability.no_recall_test

import data.charterlint.rules.accountability.no_recall as rule

facts := {"bodies": {
	"board": {"pointer": "/bodies/0", "decides": ["dns-policy"]},
	"executive": {"pointer": "/bodies/1", "decides": ["registry"]},
	"forum": {"pointer": "/bodies/2", "decides": []},
}}

test_fail_no_recall if {
	got := rule.deny with input as {"facts": facts, "charter": {"id": "registry", "accountability": {"reviewCycle": {"years": 5}}}}
	got == {{
		"pointer": "/accountability",
		"element": "registry",
		"message": `charter "registry" gives nobody the power to recall members of bodies board, executive before their term ends (accountability.recall)`,
	}}
}

test_fail_no_accountability_section if {
	got := rule.deny with input as {"facts": facts, "charter": {"id": "registry"}}
	{f.pointer | some f in got} == {""}
}

test_pass_with_recall if {
	got := rule.deny with input as {"facts": facts, "charter": {"id": "registry", "accountability": {"recall": {"by": ["general-meeting"], "of": ["executive"]}}}}
	count(got) == 0
}

# The appointed advisory forum pattern: nobody decides, so no recall check.
test_pass_advisory_forum_deciding_nothing if {
	got := rule.deny with input as {
		"facts": {"bodies": {"mag": {"pointer": "/bodies/0", "decides": []}}},
		"charter": {"id": "igf"},
	}
	count(got) == 0
}

# The IETF pattern: working groups are open and have no seats, so there
# are no members to recall.
test_pass_every_deciding_body_open if {
	got := rule.deny with input as {
		"facts": {"bodies": {
			"working-groups": {"pointer": "/bodies/0", "decides": ["protocols"], "open": true, "seats": 0},
			"plenary": {"pointer": "/bodies/1", "decides": ["liaisons"], "open": true, "seats": 0},
			"nomcom": {"pointer": "/bodies/2", "decides": [], "open": false, "seats": 10},
		}},
		"charter": {"id": "ietf"},
	}
	count(got) == 0
}

# An open body beside a board: only the board is named.
test_fail_board_beside_open_body if {
	got := rule.deny with input as {
		"facts": {"bodies": {
			"working-groups": {"pointer": "/bodies/0", "decides": ["policy"], "open": true, "seats": 0},
			"board": {"pointer": "/bodies/1", "decides": ["budget"], "open": false, "seats": 5},
		}},
		"charter": {"id": "ripe", "accountability": {"reviewCycle": {"years": 5}}},
	}
	got == {{
		"pointer": "/accountability",
		"element": "ripe",
		"message": `charter "ripe" gives nobody the power to recall members of body board before their term ends (accountability.recall)`,
	}}
}

# An open body that also has seats (chairs, say) has members to recall.
test_fail_open_body_with_seats if {
	got := rule.deny with input as {
		"facts": {"bodies": {"forum": {"pointer": "/bodies/0", "decides": ["policy"], "open": true, "seats": 2}}},
		"charter": {"id": "forum"},
	}
	count(got) == 1
}

# The OECD pattern: each Member names and replaces its own representatives
# on the Council, so the Members recall them at will.
test_pass_body_of_delegations if {
	got := rule.deny with input as {
		"facts": {
			"bodies": {"council": {"pointer": "/bodies/0", "decides": ["recommendations"], "seats": 38, "delegated": true}},
		},
		"charter": {"id": "oecd"},
	}
	count(got) == 0
}

# A body with one voting seat that is not a delegation (delegates with a
# fixed term, or chosen by someone else; facts.bodies[_].delegated, from
# internal/facts) has members the charter must say how to recall.
test_fail_not_all_delegations if {
	got := rule.deny with input as {
		"facts": {
			"bodies": {"council": {"pointer": "/bodies/0", "decides": ["recommendations"], "seats": 38, "delegated": false}},
		},
		"charter": {"id": "oecd"},
	}
	count(got) == 1
}
