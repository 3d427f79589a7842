package charterlint.rules.incumbent.incumbents_block_charter_changes_test

import data.charterlint.rules.incumbent.incumbents_block_charter_changes as rule

actors := {
	"alpha": {"class": "private-sector", "organisation": true, "incumbent": true},
	"beta": {"class": "private-sector", "organisation": true, "incumbent": true},
	"founders": {"class": "private-sector", "organisation": false, "incumbent": true},
	"users": {"class": "civil-society", "organisation": false, "incumbent": false},
}

seats := [
	{"body": "steering", "actor": "alpha", "vote": "full"},
	{"body": "steering", "actor": "beta", "vote": "full"},
	{"body": "steering", "actor": "users", "vote": "full"},
]

body(decision, vetoes) := {"steering": {"pointer": "/bodies/0", "decision": decision, "vetoes": vetoes, "votingSeats": 3, "decides": ["standards"]}}

given(decision, vetoes) := {"facts": {"actors": actors, "seats": seats, "bodies": body(decision, vetoes)}}

# The WHATWG pattern: bylaw changes need every Member, each a named
# incumbent browser vendor.
test_fail_bylaws_by_unanimity if {
	got := rule.deny with input as given({"method": "majority", "rules": [{"field": "matters/1", "matter": "bylaws", "method": "unanimity"}]}, [])
	got == {{
		"pointer": "/bodies/0/decision/matters/1",
		"element": "steering",
		"message": `body "steering": any one of its members, among them the incumbents "alpha", "beta", can block a change to the charter (bylaw changes need unanimity)`,
	}}
}

test_fail_every_decision_by_unanimity if {
	got := rule.deny with input as given({"method": "unanimity", "rules": []}, [])
	{f.pointer | some f in got} == {"/bodies/0/decision"}
}

test_fail_each_member_vetoes_bylaws if {
	got := rule.deny with input as given({"method": "majority", "rules": []}, [{"id": "v", "pointer": "/bodies/0/vetoes/0", "holder": "steering", "each": true, "scope": "bylaws"}])
	{f.message | some f in got} == {`body "steering": any one of its members, among them the incumbents "alpha", "beta", can block a change to the charter (each member holds veto "v" over bylaw changes)`}
}

test_pass_bylaws_by_supermajority if {
	got := rule.deny with input as given({"method": "unanimity", "rules": [{"field": "matters/0", "matter": "bylaws", "method": "supermajority", "threshold": 0.75}]}, [])
	count(got) == 0
}

test_pass_without_incumbents if {
	facts := {"actors": actors, "seats": [{"body": "steering", "actor": "users", "vote": "full"}], "bodies": body({"method": "unanimity", "rules": []}, [])}
	got := rule.deny with input as {"facts": facts}
	count(got) == 0
}

# A body that decides no function by unanimity, and a one-member body,
# cannot block a change to the charter on their own account.
test_pass_advisory_body_by_unanimity if {
	facts := {"actors": actors, "seats": seats, "bodies": {"steering": {"pointer": "/bodies/0", "decision": {"method": "unanimity", "rules": []}, "vetoes": [], "votingSeats": 3, "decides": []}}}
	got := rule.deny with input as {"facts": facts}
	count(got) == 0
}

test_pass_single_member if {
	facts := {"actors": actors, "seats": [{"body": "steering", "actor": "alpha", "vote": "full"}], "bodies": {"steering": {"pointer": "/bodies/0", "decision": {"method": "unanimity", "rules": []}, "vetoes": [], "votingSeats": 1, "decides": ["standards"]}}}
	got := rule.deny with input as {"facts": facts}
	count(got) == 0
}

# An incumbent constituency is no named incumbent (CL-INC-005 speaks of
# such members).
test_pass_incumbent_constituency if {
	facts := {"actors": actors, "seats": [{"body": "steering", "actor": "founders", "vote": "full"}, {"body": "steering", "actor": "users", "vote": "full"}], "bodies": body({"method": "unanimity", "rules": []}, [])}
	got := rule.deny with input as {"facts": facts}
	count(got) == 0
}
