package charterlint.rules.capture.only_advise_or_attend_test

import data.charterlint.rules.capture.only_advise_or_attend as rule

# The ICANN pattern: governments advise the board through the GAC, hold a
# liaison seat on the board and the NomCom and a limited vote in the
# Empowered Community; intergovernmental organisations observe the GAC.
# internal/facts derives the roles (TestRolesOfClassesWithoutPower).
icann := {
	"claimsMultistakeholder": true,
	"classes": ["government", "intergovernmental", "private-sector", "civil-society", "technical-community"],
	"variety": {
		"powerClasses": ["private-sector", "civil-society", "technical-community"],
		"advisoryClasses": ["government", "intergovernmental"],
		"roles": {
			"government": [
				{"kind": "only a limited vote on", "bodies": ["empowered-community"]},
				{"kind": "liaison on", "bodies": ["board", "nomcom"]},
			],
			"intergovernmental": [{"kind": "observer on", "bodies": ["gac"]}],
		},
	},
	"advice": {
		"gac-advice": {"from": "gac", "to": "board", "weight": "must-consider", "classes": ["government"]},
		"ssac-advice": {"from": "ssac", "to": "board", "weight": "non-binding", "classes": ["technical-community"]},
	},
}

test_fail_governments_advise_a_private_board if {
	got := rule.deny with input as {"charter": {"id": "icann-like"}, "facts": icann}
	got == {{
		"pointer": "/actors",
		"element": "icann-like",
		"message": concat("", [
			"the charter claims multistakeholder and civil-society, private-sector, technical-community decide, ",
			"but government, intergovernmental hold decision power on no body that decides a function: ",
			`government (advises body "board" through body "gac" (must-consider); only a limited vote on body "empowered-community"; liaison on bodies "board", "nomcom"), `,
			`intergovernmental (observer on body "gac")`,
		]),
	}}
}

# A class with roles of several kinds and a class named among the actors
# but seated nowhere, which has no role at all.
test_fail_members_without_a_vote_and_a_class_seated_nowhere if {
	facts := {
		"claimsMultistakeholder": true,
		"classes": ["government", "private-sector", "civil-society", "academia"],
		"variety": {
			"powerClasses": ["government", "private-sector"],
			"advisoryClasses": ["civil-society", "academia"],
			"roles": {"academia": [
				{"kind": "member without a vote on", "bodies": ["council"]},
				{"kind": "member of non-deciding", "bodies": ["experts"]},
			]},
		},
		"advice": {},
	}
	got := rule.deny with input as {"charter": {"id": "c"}, "facts": facts}
	{f.message | some f in got} == {concat("", [
		"the charter claims multistakeholder and government, private-sector decide, ",
		"but academia, civil-society hold decision power on no body that decides a function: ",
		`academia (member without a vote on body "council"; member of non-deciding body "experts"), `,
		"civil-society (no seat on any body)",
	])}
}

test_fail_one_class_left_out_speaks_in_the_singular if {
	facts := object.union(icann, {
		"classes": ["government", "private-sector", "civil-society", "technical-community"],
		"variety": {"advisoryClasses": ["government"]},
	})
	got := rule.deny with input as {"charter": {"id": "icann-like"}, "facts": facts}
	some f in got
	contains(f.message, "but government holds decision power on no body that decides a function (what it does: ")
}

test_pass_when_every_class_holds_power if {
	facts := object.union(icann, {"variety": {"advisoryClasses": []}})
	got := rule.deny with input as {"charter": {"id": "icann-like"}, "facts": facts}
	count(got) == 0
}

test_pass_when_no_claim if {
	facts := object.union(icann, {"claimsMultistakeholder": false})
	got := rule.deny with input as {"charter": {"id": "icann-like"}, "facts": facts}
	count(got) == 0
}

# The IGF pattern: nobody decides anything, so nobody is left out of a
# decision others take.
test_pass_when_nobody_decides if {
	facts := object.union(icann, {"variety": {"powerClasses": [], "advisoryClasses": ["government", "private-sector"]}})
	got := rule.deny with input as {"charter": {"id": "igf-like"}, "facts": facts}
	count(got) == 0
}

# Only governments decide and the non-governmental classes only advise:
# CL-CAP-003 reports that, as an error, and this rule stays silent, even
# for a governmental class left out as well.
test_pass_case_left_to_cap_003 if {
	facts := {
		"claimsMultistakeholder": true,
		"classes": ["government", "intergovernmental", "private-sector", "academia"],
		"variety": {"powerClasses": ["government"], "advisoryClasses": ["intergovernmental", "private-sector", "academia"], "roles": {}},
		"advice": {},
	}
	got := rule.deny with input as {"charter": {"id": "itu-like"}, "facts": facts}
	count(got) == 0
}

# Governments decide with firms; only intergovernmental organisations are
# left out. That is not CL-CAP-003's case (a non-governmental class
# decides), so this rule reports it.
test_fail_governmental_class_left_out_beside_a_deciding_nongovernmental_one if {
	facts := {
		"claimsMultistakeholder": true,
		"classes": ["government", "intergovernmental", "private-sector"],
		"variety": {
			"powerClasses": ["government", "private-sector"],
			"advisoryClasses": ["intergovernmental"],
			"roles": {"intergovernmental": [{"kind": "observer on", "bodies": ["council"]}]},
		},
		"advice": {},
	}
	got := rule.deny with input as {"charter": {"id": "c"}, "facts": facts}
	{f.message | some f in got} == {concat("", [
		"the charter claims multistakeholder and government, private-sector decide, ",
		"but intergovernmental holds decision power on no body that decides a function ",
		`(what it does: observer on body "council")`,
	])}
}

# A class whose only part is to fund a body or to have chosen its first
# members is said to do so, not to have no seat.
test_fail_funder_is_named_as_such if {
	facts := {
		"claimsMultistakeholder": true,
		"classes": ["government", "private-sector", "civil-society"],
		"variety": {
			"powerClasses": ["government", "civil-society"],
			"advisoryClasses": ["private-sector"],
			"roles": {"private-sector": [
				{"kind": "funds", "bodies": ["council"]},
				{"kind": "chose the first members of", "bodies": ["council"]},
			]},
		},
		"advice": {},
	}
	got := rule.deny with input as {"charter": {"id": "c"}, "facts": facts}
	{f.message | some f in got} == {concat("", [
		"the charter claims multistakeholder and civil-society, government decide, ",
		"but private-sector holds decision power on no body that decides a function ",
		`(what it does: funds body "council"; chose the first members of body "council")`,
	])}
}
