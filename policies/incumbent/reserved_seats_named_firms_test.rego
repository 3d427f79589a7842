package charterlint.rules.incumbent.reserved_seats_named_firms_test

import data.charterlint.rules.incumbent.reserved_seats_named_firms as rule
import data.charterlint.test.seats

actors := {
	"meridian": {"class": "private-sector", "organisation": true, "incumbent": true},
	"newco": {"class": "private-sector", "organisation": true, "incumbent": false},
	"operators": {"class": "private-sector", "organisation": false, "incumbent": false},
	"ietf": {"class": "technical-community", "organisation": true, "incumbent": false},
	"ministry": {"class": "government", "organisation": true, "incumbent": false, "governmental": true},
	"other-ministry": {"class": "government", "organisation": true, "incumbent": false, "governmental": true},
}

charter(seats) := {"bodies": [
	{"id": "forum", "role": "advisory"},
	{"id": "board", "role": "decision", "seats": seats},
]}

facts(decides) := {
	"actors": actors,
	"bodies": {
		"forum": {"pointer": "/bodies/0", "decides": [], "participants": 0},
		"board": {"pointer": "/bodies/1", "decides": decides, "participants": 0},
	},
}

# given builds the input for seat groups on body "board" deciding decides.
given(list, decides) := {
	"charter": charter(list),
	"facts": object.union(facts(decides), {"seats": seats.facts("board", "/bodies/1", count(decides) > 0, list)}),
}

test_fail_seats_for_named_firms if {
	got := rule.deny with input as given([
			{"id": "operator-seats", "actor": "operators", "count": 3, "vote": "full"},
			{"id": "meridian-seat", "actor": "meridian", "vote": "full"},
			{"id": "newco-observers", "actor": "newco", "count": 2, "vote": "none", "kind": "observer"},
		], ["peering"])
	got == {
		{
			"pointer": "/bodies/1/seats/1",
			"element": "meridian-seat",
			"message": `seat group "meridian-seat" on body "board": 1 seat with a full vote is reserved for the named firm "meridian", an incumbent`,
		},
		{
			"pointer": "/bodies/1/seats/2",
			"element": "newco-observers",
			"message": `seat group "newco-observers" on body "board": 2 seats without a vote are reserved for the named firm "newco"`,
		},
	}
}

test_pass_constituency_seats if {
	got := rule.deny with input as given([{"id": "operator-seats", "actor": "operators", "count": 3, "vote": "full"}], ["peering"])
	count(got) == 0
}

# The ICANN board pattern: a liaison from one named technical
# organisation reserves no say.
test_pass_liaison_of_a_named_technical_organisation if {
	got := rule.deny with input as given([
			{"id": "ietf-liaison", "actor": "ietf", "vote": "none", "kind": "liaison"},
			{"id": "operator-seats", "actor": "operators", "count": 3, "vote": "full"},
		], ["peering"])
	count(got) == 0
}

# A vote reserved to one named ministry, or one named technical body,
# entrenches it as a firm's seat would.
test_fail_votes_for_a_named_state_and_a_named_technical_body if {
	got := rule.deny with input as given([
			{"id": "ietf-seat", "actor": "ietf", "vote": "full"},
			{"id": "ministry-seat", "actor": "ministry", "vote": "full"},
			{"id": "operator-seats", "actor": "operators", "count": 3, "vote": "full"},
		], ["peering"])
	{f.message | some f in got} == {
		`seat group "ietf-seat" on body "board": 1 seat with a full vote is reserved for the named technical-community organisation "ietf"`,
		`seat group "ministry-seat" on body "board": 1 seat with a full vote is reserved for the named government organisation "ministry"`,
	}
}

test_pass_mixed_seats_appointed_by_a_body if {
	got := rule.deny with input as given([{"id": "nomcom-seats", "appointedBy": "nomcom", "count": 8, "vote": "full"}], ["peering"])
	count(got) == 0
}

test_pass_body_deciding_nothing if {
	got := rule.deny with input as given([{"id": "meridian-seat", "actor": "meridian", "vote": "full"}], [])
	count(got) == 0
}

# A firm's own body, where it holds every seat: its internal committee, not
# seats reserved against anyone.
test_pass_firm_holds_every_seat_of_the_body if {
	got := rule.deny with input as given([
			{"id": "meridian-directors", "actor": "meridian", "count": 5, "vote": "full"},
			{"id": "meridian-secretary", "actor": "meridian", "vote": "none", "kind": "observer"},
		], ["peering"])
	count(got) == 0
}

# Another actor's liaison sits on the body too: the firm's seats are
# reserved on a body others attend.
test_fail_firm_holds_every_vote_beside_a_liaison if {
	got := rule.deny with input as given([
			{"id": "meridian-directors", "actor": "meridian", "count": 5, "vote": "full"},
			{"id": "ietf-liaison", "actor": "ietf", "vote": "none", "kind": "liaison"},
		], ["peering"])
	{f.element | some f in got} == {"meridian-directors"}
}

# Two firms share the body: each holds seats reserved for it alone.
test_fail_two_firms_share_the_body if {
	got := rule.deny with input as given([
			{"id": "meridian-seats", "actor": "meridian", "count": 3, "vote": "full"},
			{"id": "newco-seats", "actor": "newco", "count": 2, "vote": "full"},
		], ["peering"])
	{f.element | some f in got} == {"meridian-seats", "newco-seats"}
}

# Open participants take part beside the firm's seats.
test_fail_firm_seats_on_a_body_with_participants if {
	base := given([{"id": "meridian-seat", "actor": "meridian", "vote": "full"}], ["peering"])
	got := rule.deny with input as base with input.facts.bodies.board.participants as 1
	count(got) == 1
}

# A council of named states parties: each seat is a member's membership.
test_pass_council_of_named_states if {
	got := rule.deny with input as given([
			{"id": "fr", "actor": "ministry", "vote": "full"},
			{"id": "de", "actor": "other-ministry", "vote": "full"},
			{"id": "observers", "actor": "operators", "count": 3, "vote": "none", "kind": "observer"},
		], ["spectrum"])
	count(got) == 0
}
