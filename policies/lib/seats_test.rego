# Test helper shared by the seat rules' tests: flattens seat groups written
# as in a charter into input.facts.seats, as internal/facts does
# (TestFactsValueMatchesJSON and the fixture tests hold the Go side to it).
package charterlint.test.seats

facts(body, pointer, deciding, seats) := [s |
	some i, seat in seats
	s := {
		"id": seat.id,
		"pointer": sprintf("%s/seats/%d", [pointer, i]),
		"body": body,
		"deciding": deciding,
		"vote": seat.vote,
		"count": object.get(seat, "count", 1),
		"kind": object.get(seat, "kind", "member"),
		"actor": object.get(seat, "actor", ""),
		"appointedBy": object.get(seat, "appointedBy", ""),
		"selection": object.get(seat, ["selection", "method"], ""),
		"selectedBy": object.get(seat, ["selection", "by"], []),
		"termYears": object.get(seat, ["term", "years"], 0),
		"maxConsecutive": object.get(seat, ["term", "maxConsecutive"], 0),
		"delegation": delegation(seat),
	}
]

# delegation mirrors SeatFacts.Delegation: appointed by its own actor
# alone, with no term.
delegation(seat) if {
	object.get(seat, ["term", "years"], 0) == 0
	object.get(seat, ["selection", "method"], "") == "appointment"
	object.get(seat, ["selection", "by"], []) == [object.get(seat, "actor", "")]
} else := false
