package charterlint.rules.process.no_term_limits_test

import data.charterlint.rules.process.no_term_limits as rule
import data.charterlint.test.seats

board_facts(decides) := {"bodies": {"board": {"pointer": "/bodies/0", "decides": decides}}}

board(seats) := {"bodies": [{"id": "board", "role": "decision", "seats": seats}]}

# given builds the input for seat groups on body "board" deciding decides.
given(decides, list) := {
	"facts": object.union(board_facts(decides), {"seats": seats.facts("board", "/bodies/0", count(decides) > 0, list)}),
	"charter": board(list),
}

elected := {"method": "election", "by": ["members"]}

test_fail_no_term_and_no_limit if {
	got := rule.deny with input as given(["policy"], [
		{"id": "limited-directors", "actor": "members", "count": 5, "vote": "full", "selection": elected, "term": {"years": 3, "maxConsecutive": 2}},
		{"id": "directors", "actor": "members", "count": 7, "vote": "full", "selection": elected, "term": {"years": 3}},
		{"id": "appointees", "actor": "states", "vote": "limited", "selection": {"method": "appointment", "by": ["ministers"]}},
	])
	got == {
		{
			"pointer": "/bodies/0/seats/1",
			"element": "directors",
			"message": `seat group "directors" on deciding body "board": 7 seats with a full vote and 3-year terms but no limit on consecutive terms (term.maxConsecutive), so the same holders may serve indefinitely`,
		},
		{
			"pointer": "/bodies/0/seats/2",
			"element": "appointees",
			"message": `seat group "appointees" on deciding body "board": 1 seat with a limited vote and no term or limit on consecutive terms (term), so the same holders may serve indefinitely`,
		},
	}
}

test_fail_seat_without_selection if {
	got := rule.deny with input as given(["policy"], [{"id": "directors", "actor": "members", "vote": "full"}])
	{f.element | some f in got} == {"directors"}
}

test_pass_term_limited_seats if {
	got := rule.deny with input as given(["policy"], [
		{"id": "directors", "actor": "members", "count": 7, "vote": "full", "selection": elected, "term": {"years": 3, "maxConsecutive": 3}},
	])
	count(got) == 0
}

# The ICANN board pattern: the CEO votes ex officio; liaisons do not vote.
test_pass_ex_officio_and_liaisons if {
	got := rule.deny with input as given(["policy"], [
		{"id": "ceo", "appointedBy": "board", "vote": "full", "selection": {"method": "ex-officio", "by": ["board"]}},
		{"id": "gac-liaison", "actor": "governments", "vote": "none", "kind": "liaison", "selection": {"method": "appointment", "by": ["gac"]}},
	])
	count(got) == 0
}

# Members of a general meeting who vote because they joined hold no office.
test_pass_self_selected_members if {
	got := rule.deny with input as given(["policy"], [
		{"id": "members", "actor": "operators", "count": 17500, "vote": "full", "selection": {"method": "self-selection"}},
	])
	count(got) == 0
}

# An appointed advisory forum decides nothing: not a deciding body.
test_pass_body_deciding_nothing if {
	got := rule.deny with input as given([], [
		{"id": "directors", "actor": "members", "vote": "full", "selection": elected},
	])
	count(got) == 0
}

# The IETF pattern: open body, no seats.
test_pass_open_body_without_seats if {
	got := rule.deny with input as {
		"facts": {"bodies": {"wg": {"pointer": "/bodies/0", "open": true, "decides": ["protocols"]}}, "seats": []},
		"charter": {"bodies": [{"id": "wg", "role": "decision", "open": true, "participants": ["engineers"]}]},
	}
	count(got) == 0
}

# The ITU and W3C pattern: each member appoints its own delegation, which
# has no term; the seat is the member's, not an office.
test_pass_member_delegations_without_term if {
	got := rule.deny with input as given(["standards"], [
		{"id": "member-states", "actor": "states", "count": 193, "vote": "full", "selection": {"method": "appointment", "by": ["states"]}},
		{"id": "company-participants", "actor": "companies", "count": 270, "vote": "full", "selection": {"method": "appointment", "by": ["companies"]}},
	])
	count(got) == 0
}

# Seats appointed by someone else, or delegates given a term, are offices.
test_fail_appointed_by_another_or_with_term if {
	got := rule.deny with input as given(["policy"], [
		{"id": "experts", "actor": "experts", "vote": "full", "selection": {"method": "appointment", "by": ["team"]}},
		{"id": "state-delegates", "actor": "states", "count": 12, "vote": "full", "selection": {"method": "appointment", "by": ["states"]}, "term": {"years": 3}},
	])
	{f.element | some f in got} == {"experts", "state-delegates"}
}
