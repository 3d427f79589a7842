package charterlint.rules.capture.single_class_majority_test

import data.charterlint.rules.capture.single_class_majority as rule

functions := {
	"peering": {"category": "access-and-interconnection"},
	"root-zone": {"category": "critical-internet-resources"},
}

board(decides, votes, majority) := {
	"pointer": "/bodies/0",
	"decides": decides,
	"votes": votes,
	"votingSeats": total,
	"totalVotes": total,
	"shares": shares,
	"votingClasses": [c | some c, _ in votes],
	"majorityClass": majority,
	"decisiveClass": majority,
	"governmentalShare": object.get(votes, "government", 0) / total,
} if {
	total := sum([n | some n in votes])
	shares := {c: share | some c, n in votes; share := n / total}
}

test_fail_firms_hold_majority if {
	got := rule.deny with input as {"facts": {
		"functions": functions,
		"bodies": {"board": board(["peering"], {"private-sector": 7, "civil-society": 2, "academia": 1}, "private-sector")},
	}}
	got == {{
		"pointer": "/bodies/0",
		"element": "board",
		"message": `body "board": private-sector holds 7 of 10 votes (70%), enough to carry decisions alone under majority voting, while academia, civil-society also vote`,
	}}
}

test_fail_majority_beside_mixed_seats if {
	got := rule.deny with input as {"facts": {
		"functions": functions,
		"bodies": {"board": board(["peering"], {"technical-community": 6, "mixed": 4}, "technical-community")},
	}}
	got == {{
		"pointer": "/bodies/0",
		"element": "board",
		"message": `body "board": technical-community holds 6 of 10 votes (60%), enough to carry decisions alone under majority voting, while mixed seats also vote`,
	}}
}

test_fail_governmental_majority_outside_critical_resources if {
	got := rule.deny with input as {"facts": {
		"functions": functions,
		"bodies": {"board": board(["peering"], {"government": 6, "private-sector": 4}, "government")},
	}}
	count(got) == 1
}

test_pass_without_majority_class if {
	got := rule.deny with input as {"facts": {
		"functions": functions,
		"bodies": {"board": board(["peering"], {"private-sector": 5, "civil-society": 5}, "")},
	}}
	count(got) == 0
}

test_pass_when_only_one_class_votes if {
	got := rule.deny with input as {"facts": {
		"functions": functions,
		"bodies": {"board": board(["peering"], {"private-sector": 5}, "private-sector")},
	}}
	count(got) == 0
}

test_pass_for_body_deciding_nothing if {
	got := rule.deny with input as {"facts": {
		"functions": functions,
		"bodies": {"general-assembly": board([], {"private-sector": 82, "civil-society": 17}, "private-sector")},
	}}
	count(got) == 0
}

# CL-CAP-004 reports a governmental majority over critical Internet
# resources; this rule must not report it a second time.
test_pass_governmental_majority_on_critical_resources_left_to_cap_004 if {
	got := rule.deny with input as {"facts": {
		"functions": functions,
		"bodies": {"council": board(["peering", "root-zone"], {"government": 12, "private-sector": 4}, "government")},
	}}
	count(got) == 0
}

test_fail_when_cap_004_threshold_is_raised_above_the_share if {
	got := rule.deny with input as {"facts": {
		"functions": functions,
		"bodies": {"council": board(["root-zone"], {"government": 6, "private-sector": 4}, "government")},
	}}
		with data.charterlint.config.params.majority_share as 0.67
	count(got) == 1
}

# A majority of seats on a body that decides by consensus: every member can
# block, so no class carries a decision alone (the facts leave
# decisiveClass empty) and the rule stays silent.
test_pass_majority_on_consensus_body if {
	b := object.union(board(["peering"], {"private-sector": 270, "academia": 45}, "private-sector"), {"decisiveClass": ""})
	got := rule.deny with input as {"facts": {"functions": functions, "bodies": {"wg": b}}}
	count(got) == 0
}

test_fail_supermajority_threshold_reached if {
	got := rule.deny with input as {
		"facts": {"functions": functions, "bodies": {"board": object.union(
			board(["peering"], {"private-sector": 7, "civil-society": 3}, "private-sector"),
			{"decision": {"method": "supermajority", "threshold": 0.66}},
		)}},
	}
	{f.message | some f in got} == {`body "board": private-sector holds 7 of 10 votes (70%), enough to carry decisions alone under its 66% threshold, while civil-society also votes`}
}

# Weighted votes: 10 seats, but the three operator seats cast 5 votes each,
# 15 of 22. The message counts votes, not seats.
test_fail_counts_weighted_votes_not_seats if {
	b := object.union(
		board(["peering"], {"private-sector": 15, "civil-society": 7}, "private-sector"),
		{"votingSeats": 10},
	)
	got := rule.deny with input as {"facts": {"functions": functions, "bodies": {"board": b}}}
	{f.message | some f in got} == {`body "board": private-sector holds 15 of 22 votes (68%), enough to carry decisions alone under majority voting, while civil-society also votes`}
}

# With houses the rule of the voting game is named: the class carries in
# each house.
test_fail_names_the_rule_of_each_house if {
	b := object.union(
		board(["peering"], {"private-sector": 8, "civil-society": 4}, "private-sector"),
		{"power": {"rule": "majority in each house"}},
	)
	got := rule.deny with input as {"facts": {"functions": functions, "bodies": {"board": b}}}
	{f.message | some f in got} == {`body "board": private-sector holds 8 of 12 votes (67%), enough to carry decisions alone under its rule (majority in each house), while civil-society also votes`}
}

# A consensus body that votes when consensus fails: the class carries the
# fallback vote.
test_fail_names_the_fallback_of_a_consensus_body if {
	b := object.union(
		board(["peering"], {"private-sector": 7, "civil-society": 3}, "private-sector"),
		{"decision": {"method": "consensus"}, "power": {"rule": "consensus, else supermajority of 66.7 %"}},
	)
	got := rule.deny with input as {"facts": {"functions": functions, "bodies": {"board": b}}}
	{f.message | some f in got} == {`body "board": private-sector holds 7 of 10 votes (70%), enough to carry decisions alone under its rule (consensus, else supermajority of 66.7 %), while civil-society also votes`}
}

# A majority of the seats is not enough when the voting game says the class
# cannot carry alone (another class's veto, a house it does not control):
# the facts leave decisiveClass empty and the rule stays silent.
test_pass_majority_of_seats_that_carries_nothing if {
	b := object.union(
		board(["peering"], {"private-sector": 7, "civil-society": 3}, "private-sector"),
		{"decisiveClass": "", "power": {"rule": "majority in each house"}},
	)
	got := rule.deny with input as {"facts": {"functions": functions, "bodies": {"board": b}}}
	count(got) == 0
}

# Registrars and engineers acting as firms: no stakeholder group carries
# alone, but together they are one class of the theory, firms, with 6 of
# 7 votes (facts.decisiveTheory).
test_fail_theory_class_carries_alone if {
	b := object.union(
		board(["peering"], {"private-sector": 3, "technical-community": 3, "civil-society": 1}, ""),
		{"decisiveTheory": {"class": "firm", "groups": ["private-sector", "technical-community"], "votes": 6, "others": ["civil-society"]}},
	)
	got := rule.deny with input as {"facts": {"functions": functions, "bodies": {"board": b}}}
	{f.message | some f in got} == {`body "board": firms (private-sector, technical-community acting as firms) hold 6 of 7 votes (86%), enough to carry decisions alone under majority voting, while civil society also votes`}
}

# Among the others, seats filled by a body of several classes are named
# as such, and several others agree with the verb.
test_fail_theory_class_beside_several_others if {
	b := object.union(
		board(["peering"], {"private-sector": 5, "technical-community": 3, "civil-society": 1, "government": 1}, ""),
		{"decisiveTheory": {"class": "firm", "groups": ["private-sector", "technical-community"], "votes": 8, "others": ["state", "civil-society", "mixed"]}},
	)
	got := rule.deny with input as {"facts": {"functions": functions, "bodies": {"board": b}}}
	{f.message | some f in got} == {`body "board": firms (private-sector, technical-community acting as firms) hold 8 of 10 votes (80%), enough to carry decisions alone under majority voting, while civil society, mixed seats, states also vote`}
}

# The same seats where the engineers act as civil society: no class of
# the theory carries alone, and the facts say so.
test_pass_theory_classes_balanced if {
	b := object.union(
		board(["peering"], {"private-sector": 3, "technical-community": 3, "civil-society": 1}, ""),
		{"decisiveTheory": null},
	)
	got := rule.deny with input as {"facts": {"functions": functions, "bodies": {"board": b}}}
	count(got) == 0
}
