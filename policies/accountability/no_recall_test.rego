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
