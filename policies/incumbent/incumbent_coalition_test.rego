package charterlint.rules.incumbent.incumbent_coalition_test

import data.charterlint.rules.incumbent.incumbent_coalition as rule

org(name, class, incumbent, votes) := {"name": name, "class": class, "organisation": name != class, "incumbent": incumbent, "votes": votes}

# board: Meridian (private-sector) and the national registry (technical
# community) hold 3 votes each of 11; the other operators 2, users 3.
# Under majority (6 votes) no class carries alone, the two incumbents do.
board(decides, rule_, carriers, coalition) := {
	"pointer": "/bodies/0",
	"decides": decides,
	"totalVotes": 11,
	"power": {
		"rule": rule_,
		"carriers": carriers,
		"organisations": [
			org("meridian", "private-sector", true, 3),
			org("nic", "technical-community", true, 3),
			org("private-sector", "private-sector", false, 2),
			org("civil-society", "civil-society", false, 3),
		],
		"incumbentCoalition": coalition,
	},
}

test_fail_two_incumbents_carry_together if {
	got := rule.deny with input as {"facts": {"bodies": {"board": board(["peering"], "majority", [], ["meridian", "nic"])}}}
	got == {{
		"pointer": "/bodies/0",
		"element": "board",
		"message": `body "board": the incumbent organisations "meridian" (3 of 11 votes), "nic" (3 of 11 votes) can together carry an ordinary decision under its rule (majority), although no class can carry one alone`,
	}}
}

# On a body with houses the rule is the houses' rule.
test_fail_under_the_rule_of_each_house if {
	got := rule.deny with input as {"facts": {"bodies": {"board": board(["peering"], "majority in each house", [], ["meridian", "nic"])}}}
	{f.message | some f in got} == {`body "board": the incumbent organisations "meridian" (3 of 11 votes), "nic" (3 of 11 votes) can together carry an ordinary decision under its rule (majority in each house), although no class can carry one alone`}
}

test_pass_incumbents_cannot_carry_together if {
	got := rule.deny with input as {"facts": {"bodies": {"board": board(["peering"], "majority", [], [])}}}
	count(got) == 0
}

# The peering-alliance pattern: the incumbents' class carries alone, which
# CL-CAP-005 (or a single-class body) is about.
test_pass_when_a_class_carries_alone if {
	got := rule.deny with input as {"facts": {"bodies": {"board": board(["peering"], "majority", ["private-sector"], ["meridian", "nic"])}}}
	count(got) == 0
}

test_pass_body_deciding_nothing if {
	got := rule.deny with input as {"facts": {"bodies": {"committee": board([], "majority", [], ["meridian", "nic"])}}}
	count(got) == 0
}

# Nobody votes: the facts give no power.
test_pass_body_without_votes if {
	got := rule.deny with input as {"facts": {"bodies": {"forum": {"pointer": "/bodies/0", "decides": ["peering"], "totalVotes": 0, "power": null}}}}
	count(got) == 0
}
