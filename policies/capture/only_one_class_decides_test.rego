package charterlint.rules.capture.only_one_class_decides_test

import data.charterlint.rules.capture.only_one_class_decides as rule

functions := {
	"root-zone": {"declaredModality": "multistakeholder"},
	"cctld-policy": {"declaredModality": "multistakeholder"},
	"registry-operations": {"declaredModality": "private"},
}

body(power, members, nonvoting, modality) := {
	"pointer": "/bodies/0",
	"decides": ["root-zone", "cctld-policy"],
	"powerClasses": power,
	"theoryClasses": sort({theory[c] | some c in power}),
	"memberClasses": members,
	"nonVotingClasses": nonvoting,
	"limitedVotes": {},
	"effectiveModality": modality,
}

# theory is each group's usual class of the theory (facts.TheoryClass).
theory := {
	"government": "state", "intergovernmental": "igo", "private-sector": "firm",
	"civil-society": "civil-society", "technical-community": "civil-society", "academia": "civil-society",
}

facts(id, b) := {"claimsMultistakeholder": true, "functions": functions, "bodies": {id: b}}

test_fail_only_government_decides if {
	got := rule.deny with input as {"facts": facts("council", body(["government"], ["government"], [], "intergovernmental"))}
	got == {{
		"pointer": "/bodies/0",
		"element": "council",
		"message": `body "council": only government holds decision power although the charter claims multistakeholder for the functions it decides (cctld-policy, root-zone); the body is effectively intergovernmental`,
	}}
}

test_fail_only_igos_decide if {
	got := rule.deny with input as {"facts": facts("council", body(["intergovernmental"], ["intergovernmental"], [], "intergovernmental"))}
	got == {{
		"pointer": "/bodies/0",
		"element": "council",
		"message": `body "council": only intergovernmental holds decision power although the charter claims multistakeholder for the functions it decides (cctld-policy, root-zone); the body is effectively intergovernmental`,
	}}
}

test_fail_single_ministry_is_national if {
	got := rule.deny with input as {"facts": facts("regulator", body(["government"], ["government"], [], "national"))}
	got == {{
		"pointer": "/bodies/0",
		"element": "regulator",
		"message": `body "regulator": only government holds decision power although the charter claims multistakeholder for the functions it decides (cctld-policy, root-zone); the body is effectively national`,
	}}
}

test_fail_only_firms_decide if {
	b := object.union(body(["private-sector"], ["private-sector"], [], "private"), {"decides": ["registry-operations", "root-zone"]})
	got := rule.deny with input as {"facts": facts("board", b)}
	got == {{
		"pointer": "/bodies/0",
		"element": "board",
		"message": `body "board": only private-sector holds decision power although the charter claims multistakeholder for the functions it decides (root-zone); the body is effectively private`,
	}}
}

test_fail_non_voting_mixed_appointee_does_not_hide_the_finding if {
	got := rule.deny with input as {"facts": facts("board", body(["private-sector"], ["private-sector"], ["mixed"], "private"))}
	count(got) == 1
}

test_pass_when_charter_does_not_claim_multistakeholder if {
	f := object.union(facts("council", body(["government"], ["government"], [], "intergovernmental")), {"claimsMultistakeholder": false})
	got := rule.deny with input as {"facts": f}
	count(got) == 0
}

# The RIPE NCC pattern: the charter claims multistakeholder for its policy
# process, and a board elected by the (mostly commercial) members runs the
# registry, a function honestly declared private.
test_pass_body_deciding_only_functions_declared_otherwise if {
	b := object.union(body(["private-sector"], ["private-sector"], [], "private"), {"decides": ["registry-operations"]})
	got := rule.deny with input as {"facts": facts("executive-board", b)}
	count(got) == 0
}

test_pass_when_two_classes_hold_power if {
	got := rule.deny with input as {"facts": facts("council", body(["government", "private-sector"], ["government", "private-sector"], [], "multistakeholder"))}
	count(got) == 0
}

# Members without a vote: CL-CAP-002 reports them, this rule stays silent.
test_pass_when_other_classes_sit_without_vote if {
	got := rule.deny with input as {"facts": facts("council", body(["government"], ["government", "private-sector"], ["private-sector"], "intergovernmental"))}
	count(got) == 0
}

test_pass_when_other_classes_hold_limited_votes if {
	b := object.union(body(["government"], ["government"], [], "intergovernmental"), {"limitedVotes": {"civil-society": 2}})
	got := rule.deny with input as {"facts": facts("council", b)}
	count(got) == 0
}

# The IETF pattern: an open body deciding by rough consensus; every
# participant class holds power.
test_pass_open_consensus_body_spanning_classes if {
	classes := ["private-sector", "civil-society", "technical-community", "academia"]
	b := object.union(body(classes, classes, [], "multistakeholder"), {"open": true, "votingClasses": []})
	got := rule.deny with input as {"facts": facts("working-groups", b)}
	count(got) == 0
}

test_pass_for_body_deciding_nothing if {
	b := object.union(body(["government"], ["government"], [], "intergovernmental"), {"decides": []})
	got := rule.deny with input as {"facts": facts("forum", b)}
	count(got) == 0
}

# Firms alone vote while civil society sits without a vote: CL-CAP-002 only
# covers governments silencing others, so this rule reports it.
test_fail_firms_decide_while_civil_society_sits_without_vote if {
	got := rule.deny with input as {"facts": facts("board", body(["private-sector"], ["private-sector", "civil-society"], ["civil-society"], "private"))}
	got == {{
		"pointer": "/bodies/0",
		"element": "board",
		"message": `body "board": only private-sector holds decision power although the charter claims multistakeholder for the functions it decides (cctld-policy, root-zone); the body is effectively private`,
	}}
}


# Engineers and academics are one class of the theory, civil society: the
# body is not multistakeholder.
test_fail_engineers_and_academics if {
	got := rule.deny with input as {"facts": facts("council", body(["technical-community", "academia"], ["technical-community", "academia"], [], "technical-community"))}
	{f.message | some f in got} == {`body "council": only academia, technical-community (together one class of the theory, civil society) hold decision power although the charter claims multistakeholder for the functions it decides (cctld-policy, root-zone); the body is effectively technical-community`}
}

# One group whose actors are of two classes (volunteers and a technical
# firm): two classes of the theory share power.
test_pass_one_group_of_two_classes if {
	b := object.union(body(["technical-community"], ["technical-community"], [], "multistakeholder"), {"theoryClasses": ["firm", "civil-society"]})
	got := rule.deny with input as {"facts": facts("council", b)}
	count(got) == 0
}

# A registry run as a business decides alone: the message says the
# technical community acts as firms, which is why the body is private.
test_fail_names_a_group_acting_as_firms if {
	b := object.union(body(["technical-community"], ["technical-community"], [], "private"), {"theoryClasses": ["firm"]})
	got := rule.deny with input as {"facts": facts("registry", b)}
	{f.message | some f in got} == {`body "registry": only technical-community, acting as firms, holds decision power although the charter claims multistakeholder for the functions it decides (cctld-policy, root-zone); the body is effectively private`}
}

# Firms and a technical group acting as firms decide together: one class
# of the theory, and the message says which group acts as firms.
test_fail_names_groups_acting_as_firms_in_one_class if {
	b := object.union(body(["private-sector", "technical-community"], ["private-sector", "technical-community"], [], "private"), {"theoryClasses": ["firm"]})
	got := rule.deny with input as {"facts": facts("board", b)}
	{f.message | some f in got} == {`body "board": only private-sector, technical-community acting as firms (together one class of the theory, firms) hold decision power although the charter claims multistakeholder for the functions it decides (cctld-policy, root-zone); the body is effectively private`}
}
