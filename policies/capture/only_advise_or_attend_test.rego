package charterlint.rules.capture.only_advise_or_attend_test

import data.charterlint.rules.capture.only_advise_or_attend as rule

# body builds the facts of one body: the classes that are members, vote,
# sit without a vote or hold a limited vote, its links and the functions
# it decides.
body(members, power, nonvoting, limited, links, decides) := {
	"memberClasses": members,
	"powerClasses": power,
	"nonVotingClasses": nonvoting,
	"limitedVotes": limited,
	"links": [{"kind": kind, "class": class} | some [kind, class] in links],
	"decides": decides,
}

# The ICANN pattern: governments advise the board through the GAC, hold a
# liaison seat on the board and the NomCom and a limited vote in the
# Empowered Community; intergovernmental organisations observe the GAC.
icann := {
	"claimsMultistakeholder": true,
	"classes": ["government", "intergovernmental", "private-sector", "civil-society", "technical-community"],
	"variety": {
		"powerClasses": ["private-sector", "civil-society", "technical-community"],
		"advisoryClasses": ["government", "intergovernmental"],
	},
	"bodies": {
		"board": body(
			["private-sector", "civil-society", "technical-community"],
			["private-sector", "civil-society", "technical-community"],
			[], {}, [["liaison", "government"], ["liaison", "technical-community"], ["liaison", "technical-community"]],
			["names"],
		),
		"nomcom": body(["private-sector", "civil-society"], ["private-sector", "civil-society"], [], {}, [["liaison", "government"]], []),
		"gac": body(["government"], ["government"], [], {}, [["observer", "intergovernmental"]], []),
		"empowered-community": body(["government", "civil-society"], ["civil-society"], [], {"government": 1}, [], []),
		"ssac": body(["technical-community"], ["technical-community"], [], {}, [], []),
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

# Academics sit on the deciding body without a vote and vote in an expert
# group that advises nobody; a class named among the actors but seated
# nowhere has no role at all.
test_fail_members_without_a_vote_and_a_class_seated_nowhere if {
	facts := {
		"claimsMultistakeholder": true,
		"classes": ["government", "private-sector", "civil-society", "academia"],
		"variety": {"powerClasses": ["government", "private-sector"], "advisoryClasses": ["civil-society", "academia"]},
		"bodies": {
			"council": body(["government", "private-sector", "academia"], ["government", "private-sector"], ["academia"], {}, [], ["spectrum"]),
			"experts": body(["academia"], ["academia"], [], {}, [], []),
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
	contains(f.message, "but government holds decision power on no body that decides a function: government (")
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
		"variety": {"powerClasses": ["government"], "advisoryClasses": ["intergovernmental", "private-sector", "academia"]},
		"bodies": {"conference": body(["government", "private-sector"], ["government"], ["private-sector"], {}, [], ["treaty"])},
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
		"variety": {"powerClasses": ["government", "private-sector"], "advisoryClasses": ["intergovernmental"]},
		"bodies": {"council": body(["government", "private-sector"], ["government", "private-sector"], [], {}, [["observer", "intergovernmental"]], ["peering"])},
		"advice": {},
	}
	got := rule.deny with input as {"charter": {"id": "c"}, "facts": facts}
	{f.message | some f in got} == {concat("", [
		"the charter claims multistakeholder and government, private-sector decide, ",
		"but intergovernmental holds decision power on no body that decides a function: ",
		`intergovernmental (observer on body "council")`,
	])}
}

# A class whose only part is to fund a body or to have chosen its first
# members is said to do so, not to have no seat.
test_fail_funder_is_named_as_such if {
	facts := {
		"claimsMultistakeholder": true,
		"classes": ["government", "private-sector", "civil-society"],
		"actors": {"sponsor": {"class": "private-sector"}, "states": {"class": "government"}},
		"variety": {"powerClasses": ["government", "civil-society"], "advisoryClasses": ["private-sector"]},
		"bodies": {"council": object.union(
			body(["government", "civil-society"], ["government", "civil-society"], [], {}, [], ["spectrum"]),
			{"fundedBy": ["sponsor", "states"], "firstAppointedBy": ["sponsor"]},
		)},
		"advice": {},
	}
	got := rule.deny with input as {"charter": {"id": "c"}, "facts": facts}
	{f.message | some f in got} == {concat("", [
		"the charter claims multistakeholder and civil-society, government decide, ",
		"but private-sector holds decision power on no body that decides a function: ",
		`private-sector (funds body "council"; chose the first members of body "council")`,
	])}
}
