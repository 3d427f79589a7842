package charterlint.rules.incumbent.incumbent_admission_veto_test

import data.charterlint.rules.incumbent.incumbent_admission_veto as rule

actors := {
	"meridian": {"class": "private-sector", "organisation": true, "incumbent": true},
	"newco": {"class": "private-sector", "organisation": true, "incumbent": false},
	"founders": {"class": "private-sector", "organisation": false, "incumbent": true},
	"operators": {"class": "private-sector", "organisation": false, "incumbent": false},
	"ministry": {"class": "government", "organisation": true, "incumbent": false},
}

board(holder, scope) := {"board": {
	"pointer": "/bodies/0",
	"vetoes": [{
		"id": "v",
		"pointer": "/bodies/0/vetoes/0",
		"holder": holder,
		"scope": scope,
		"incumbent": object.get(actors, [holder, "incumbent"], false),
	}],
}}

test_fail_incumbent_firm_vetoes_admission if {
	got := rule.deny with input as {"facts": {"actors": actors, "bodies": board("meridian", "admission")}}
	got == {{
		"pointer": "/bodies/0/vetoes/0",
		"element": "v",
		"message": `veto "v": incumbent firm "meridian" can block the admission of new members to body "board"`,
	}}
}

test_fail_incumbent_constituency_vetoes_admission if {
	got := rule.deny with input as {"facts": {"actors": actors, "bodies": board("founders", "admission")}}
	got == {{
		"pointer": "/bodies/0/vetoes/0",
		"element": "v",
		"message": `veto "v": incumbent "founders" can block the admission of new members to body "board"`,
	}}
}

test_fail_single_firm_vetoes_admission if {
	got := rule.deny with input as {"facts": {"actors": actors, "bodies": board("newco", "admission")}}
	got == {{
		"pointer": "/bodies/0/vetoes/0",
		"element": "v",
		"message": `veto "v": the single firm "newco" can block the admission of new members to body "board"`,
	}}
}

test_pass_incumbent_veto_on_other_matters if {
	got := rule.deny with input as {"facts": {"actors": actors, "bodies": board("meridian", "bylaws")}}
	count(got) == 0
}

test_pass_admission_veto_by_constituency if {
	got := rule.deny with input as {"facts": {"actors": actors, "bodies": board("operators", "admission")}}
	count(got) == 0
}

test_pass_admission_veto_by_a_ministry if {
	got := rule.deny with input as {"facts": {"actors": actors, "bodies": board("ministry", "admission")}}
	count(got) == 0
}

test_pass_admission_veto_by_a_body if {
	got := rule.deny with input as {"facts": {"actors": actors, "bodies": board("general-assembly", "admission")}}
	count(got) == 0
}

test_pass_no_vetoes if {
	got := rule.deny with input as {"facts": {"actors": actors, "bodies": {"board": {"pointer": "/bodies/0", "vetoes": null}}}}
	count(got) == 0
}
