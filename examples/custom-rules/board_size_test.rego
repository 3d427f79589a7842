package acme.board_size_test

import data.acme.board_size

# Tests give the rule its input with "with input as": here only the facts
# it reads, as internal/facts derives them from a charter.
body(seats, decides) := {"pointer": "/bodies/0", "votingSeats": seats, "decides": decides}

test_fires_on_a_large_deciding_body if {
	got := board_size.deny with input as {"facts": {"bodies": {"council": body(40, ["policy"])}}}
	got == {{
		"pointer": "/bodies/0",
		"element": "council",
		"message": `body "council" decides policy with 40 voting seats; our ceiling is 25`,
	}}
}

test_silent_at_the_ceiling if {
	got := board_size.deny with input as {"facts": {"bodies": {"council": body(25, ["policy"])}}}
	count(got) == 0
}

# A general assembly of hundreds that decides nothing is not a board.
test_silent_on_a_large_body_that_decides_nothing if {
	got := board_size.deny with input as {"facts": {"bodies": {"assembly": body(300, [])}}}
	count(got) == 0
}

# The ceiling comes from the rules' data, which a test can replace too.
test_ceiling_read_from_the_rules_data if {
	got := board_size.deny with input as {"facts": {"bodies": {"council": body(20, ["policy"])}}}
		with data.charterlint.config.custom as {"acme": {"max_voting_seats": 15}}
	count(got) == 1
}
