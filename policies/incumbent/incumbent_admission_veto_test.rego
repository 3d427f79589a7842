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

# One named ministry deciding who may join: the same capture as a firm's.
test_fail_admission_veto_by_a_ministry if {
	got := rule.deny with input as {"facts": {"actors": actors, "bodies": board("ministry", "admission")}}
	{f.message | some f in got} == {`veto "v": the single government organisation "ministry" can block the admission of new members to body "board"`}
}

test_pass_admission_veto_by_a_body if {
	got := rule.deny with input as {"facts": {"actors": actors, "bodies": board("general-assembly", "admission")}}
	count(got) == 0
}

test_pass_no_vetoes if {
	got := rule.deny with input as {"facts": {"actors": actors, "bodies": {"board": {"pointer": "/bodies/0", "vetoes": null}}}}
	count(got) == 0
}

# each_member builds a veto over admissions that each member of the holder
# can use alone.
each_member(holder) := {"board": object.union(board(holder, "admission").board, {"vetoes": [object.union(
	board(holder, "admission").board.vetoes[0],
	{"each": true},
)]})}

# Each founding member can keep a newcomer out on its own: still incumbent
# capture, and the message says each member blocks.
test_fail_each_incumbent_member_vetoes_admission if {
	got := rule.deny with input as {"facts": {"actors": actors, "bodies": each_member("founders")}}
	got == {{
		"pointer": "/bodies/0/vetoes/0",
		"element": "v",
		"message": `veto "v": each member of incumbent "founders" can block the admission of new members to body "board"`,
	}}
}

# A firm has no members to speak of: veto.each changes nothing.
test_fail_each_on_an_incumbent_firm_is_the_firm if {
	got := rule.deny with input as {"facts": {"actors": actors, "bodies": each_member("meridian")}}
	{f.message | some f in got} == {`veto "v": incumbent firm "meridian" can block the admission of new members to body "board"`}
}

# Each member of a constituency that is not incumbent: CL-INC-005 reports it.
test_pass_each_member_of_a_constituency_that_is_not_incumbent if {
	got := rule.deny with input as {"facts": {"actors": actors, "bodies": each_member("operators")}}
	count(got) == 0
}

# Each member of a steering group on which named incumbents vote (the
# WHATWG pattern) can keep a newcomer out: each incumbent holds the veto.
test_fail_each_member_of_a_body_of_incumbents if {
	bodies := {"board": object.union(each_member("steering-group").board, {"vetoes": [object.union(
		each_member("steering-group").board.vetoes[0],
		{"incumbent": true, "incumbents": ["apple", "google"]},
	)]})}
	got := rule.deny with input as {"facts": {"actors": actors, "bodies": bodies}}
	got == {{
		"pointer": "/bodies/0/vetoes/0",
		"element": "v",
		"message": `veto "v": each member of body "steering-group", among them the incumbents "apple", "google", can block the admission of new members to body "board"`,
	}}
}

# Each member of a body without incumbents: CL-INC-005's case.
test_pass_each_member_of_a_body_without_incumbents if {
	bodies := {"board": object.union(each_member("steering-group").board, {"vetoes": [object.union(
		each_member("steering-group").board.vetoes[0],
		{"incumbent": false, "incumbents": []},
	)]})}
	got := rule.deny with input as {"facts": {"actors": actors, "bodies": bodies}}
	count(got) == 0
}
