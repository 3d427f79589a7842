package charterlint.rules.process.undocumented_selection_test

import data.charterlint.rules.process.undocumented_selection as rule
import data.charterlint.test.seats

facts := {"bodies": {"board": {"pointer": "/bodies/1"}}}

board(seats) := {"bodies": [{"id": "board", "role": "decision", "seats": seats}]}

# given builds the input for seat groups on body "board".
given(list) := {
	"facts": object.union(facts, {"seats": seats.facts("board", "/bodies/1", true, list)}),
	"charter": board(list),
}

test_fail_voting_seats_without_selection if {
	got := rule.deny with input as given([
		{"id": "elected", "actor": "members", "count": 7, "vote": "full", "selection": {"method": "election", "by": ["members"]}},
		{"id": "directors", "actor": "members", "count": 4, "vote": "full"},
		{"id": "budget-seat", "actor": "sponsors", "vote": "limited"},
	])
	got == {
		{
			"pointer": "/bodies/1/seats/1",
			"element": "directors",
			"message": `seat group "directors" on body "board": 4 seats with a full vote, but no selection says how the holders are chosen or by whom`,
		},
		{
			"pointer": "/bodies/1/seats/2",
			"element": "budget-seat",
			"message": `seat group "budget-seat" on body "board": 1 seat with a limited vote, but no selection says how the holders are chosen or by whom`,
		},
	}
}

test_pass_documented_selection if {
	got := rule.deny with input as given([
		{"id": "elected", "actor": "members", "count": 7, "vote": "full", "selection": {"method": "election", "by": ["members"]}},
		{"id": "chair", "actor": "members", "vote": "full", "selection": {"method": "ex-officio"}},
	])
	count(got) == 0
}

# Liaisons and observers without a vote are not the rule's concern.
test_pass_non_voting_liaison_without_selection if {
	got := rule.deny with input as given([{"id": "gac-liaison", "actor": "governments", "vote": "none", "kind": "liaison"}])
	count(got) == 0
}

# The IETF pattern: an open body with participants and no seats.
test_pass_open_body_without_seats if {
	got := rule.deny with input as {
		"facts": {"bodies": {"wg": {"pointer": "/bodies/0", "open": true}}, "seats": []},
		"charter": {"bodies": [{"id": "wg", "role": "decision", "open": true, "participants": ["engineers"]}]},
	}
	count(got) == 0
}
