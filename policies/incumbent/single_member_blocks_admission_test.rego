package charterlint.rules.incumbent.single_member_blocks_admission_test

import data.charterlint.rules.incumbent.single_member_blocks_admission as rule
import data.charterlint.test.decision as decisions

actors := {
	"carriers": {"class": "private-sector", "organisation": false, "incumbent": false},
	"founders": {"class": "private-sector", "organisation": false, "incumbent": true},
	"meridian": {"class": "private-sector", "organisation": true, "incumbent": false},
	"member-states": {"class": "government", "organisation": false, "incumbent": false},
}

veto(holder, scope, each) := {
	"id": "v",
	"pointer": "/bodies/0/vetoes/0",
	"holder": holder,
	"scope": scope,
	"each": each,
	"incumbent": object.get(actors, [holder, "incumbent"], false),
}

# given builds the input for one body "assembly" with vetoes and decision
# rules, and the charter's admission procedure.
given(vetoes, decision, admission) := decisions.given(
	{
		"actors": actors,
		"bodies": {"assembly": {"pointer": "/bodies/0", "votingSeats": 12, "vetoes": vetoes}},
	},
	{
		"bodies": [{"id": "assembly", "role": "decision", "decision": decision}],
		"participation": {"admission": admission},
	},
)

test_fail_each_member_vetoes_admission if {
	got := rule.deny with input as given([veto("carriers", "admission", true)], {"method": "majority"}, {})
	got == {{
		"pointer": "/bodies/0/vetoes/0",
		"element": "v",
		"message": `body "assembly": any single member of the constituency "carriers" can block the admission of a newcomer (veto "v", over admissions)`,
	}}
}

test_fail_each_member_of_a_body_vetoes_admission if {
	got := rule.deny with input as given([veto("general-meeting", "admission", true)], {"method": "majority"}, {})
	{f.message | some f in got} == {`body "assembly": any single member of body "general-meeting" can block the admission of a newcomer (veto "v", over admissions)`}
}

# Each state can block every decision of the body that approves
# applications: admissions included.
test_fail_each_member_vetoes_everything_on_the_admitting_body if {
	got := rule.deny with input as given([veto("member-states", "all", true)], {"method": "majority"}, {"approvedBy": "assembly"})
	{f.message | some f in got} == {`body "assembly": any single member of the constituency "member-states" can block the admission of a newcomer (veto "v", over every decision, admissions included)`}
}

test_fail_each_member_vetoes_everything_on_a_body_with_an_admission_rule if {
	decision := {"method": "majority", "matters": [{"matter": "admission", "method": "supermajority", "threshold": 0.6}]}
	got := rule.deny with input as given([veto("member-states", "all", true)], decision, {})
	count(got) == 1
}

# A per-member veto over every decision held by incumbents is not an
# admission veto, so CL-INC-002 does not report it; this rule does.
test_fail_incumbents_each_veto_everything_on_the_admitting_body if {
	got := rule.deny with input as given([veto("founders", "all", true)], {"method": "majority"}, {"approvedBy": "assembly"})
	count(got) == 1
}

test_fail_admission_by_unanimity if {
	decision := {"method": "majority", "matters": [
		{"matter": "budget", "method": "supermajority", "threshold": 0.6},
		{"matter": "admission", "method": "unanimity"},
	]}
	got := rule.deny with input as given([], decision, {"approvedBy": "assembly"})
	got == {{
		"pointer": "/bodies/0/decision/matters/1",
		"element": "assembly",
		"message": `body "assembly": any single member of body "assembly" can block the admission of a newcomer (admissions need unanimity, decision.matters)`,
	}}
}

test_pass_admission_by_supermajority if {
	decision := {"method": "majority", "matters": [{"matter": "admission", "method": "supermajority", "threshold": 0.667}]}
	got := rule.deny with input as given([], decision, {"approvedBy": "assembly"})
	count(got) == 0
}

test_pass_unanimity_on_a_body_with_one_voting_member if {
	decision := {"method": "majority", "matters": [{"matter": "admission", "method": "unanimity"}]}
	input_ := given([], decision, {})
	got := rule.deny with input as object.union(input_, {"facts": {"bodies": {"assembly": {"votingSeats": 1}}}})
	count(got) == 0
}

# A veto held by the constituency as a whole: its members must agree to
# use it, so no single member blocks alone.
test_pass_veto_of_the_constituency_as_a_whole if {
	got := rule.deny with input as given([veto("carriers", "admission", false)], {"method": "majority"}, {})
	count(got) == 0
}

# A per-member veto over every decision of a body that does not admit
# members keeps nobody out.
test_pass_each_member_vetoes_everything_on_a_body_that_admits_nobody if {
	got := rule.deny with input as given([veto("member-states", "all", true)], {"method": "majority"}, {"approvedBy": "board"})
	count(got) == 0
}

test_pass_each_member_vetoes_the_budget if {
	got := rule.deny with input as given([veto("member-states", "budget", true)], {"method": "majority"}, {"approvedBy": "assembly"})
	count(got) == 0
}

# One organisation has no members to speak of: CL-INC-002 reports a
# single firm's admission veto.
test_pass_single_organisation_holder if {
	got := rule.deny with input as given([veto("meridian", "admission", true)], {"method": "majority"}, {})
	count(got) == 0
}

# An admission veto held by each member of an incumbent constituency is
# CL-INC-002's case, reported there as an error.
test_pass_incumbent_admission_veto_left_to_inc_002 if {
	got := rule.deny with input as given([veto("founders", "admission", true)], {"method": "majority"}, {})
	count(got) == 0
}

# The WHATWG pattern: the body decides admissions by unanimity and each of
# its members holds a veto over them. One finding, on the veto.
test_fail_unanimity_and_per_member_veto_reported_once if {
	decision := {"method": "consensus", "matters": [{"matter": "admission", "method": "unanimity"}]}
	got := rule.deny with input as given([veto("assembly", "admission", true)], decision, {"approvedBy": "assembly"})
	{f.pointer | some f in got} == {"/bodies/0/vetoes/0"}
}

# The OECD pattern: admission by unanimity, and each member of the
# incumbent constituency holds a veto over it, which CL-INC-002 reports.
test_pass_unanimity_beside_an_incumbent_per_member_veto if {
	decision := {"method": "consensus", "matters": [{"matter": "admission", "method": "unanimity"}]}
	got := rule.deny with input as given([veto("founders", "admission", true)], decision, {"approvedBy": "assembly"})
	count(got) == 0
}

# A per-member veto held by one organisation is no per-member veto: the
# unanimity rule is reported.
test_fail_unanimity_beside_an_organisation_veto if {
	decision := {"method": "consensus", "matters": [{"matter": "admission", "method": "unanimity"}]}
	got := rule.deny with input as given([veto("meridian", "admission", true)], decision, {"approvedBy": "assembly"})
	{f.pointer | some f in got} == {"/bodies/0/decision/matters/0"}
}
