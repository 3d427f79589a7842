package charterlint.rules.participation.closed_while_claiming_open_test

import data.charterlint.rules.participation.closed_while_claiming_open as rule

test_fail_closed_while_claiming_inclusive if {
	got := rule.deny with input as {"charter": {
		"id": "gulf",
		"principles": ["inclusive", "collaborative", "transparent"],
		"participation": {"openness": "closed"},
	}}
	got == {{
		"pointer": "/participation/openness",
		"element": "gulf",
		"message": `charter "gulf" claims to be inclusive but its participation is closed (participation.openness is "closed": fixed membership or by invitation only)`,
	}}
}

test_fail_closed_while_claiming_open_and_inclusive if {
	got := rule.deny with input as {"charter": {
		"id": "club",
		"principles": ["open", "inclusive"],
		"participation": {"openness": "closed"},
	}}
	{f.message | some f in got} == {`charter "club" claims to be inclusive and open but its participation is closed (participation.openness is "closed": fixed membership or by invitation only)`}
}

test_pass_open_participation if {
	got := rule.deny with input as {"charter": {"id": "ietf", "principles": ["open"], "participation": {"openness": "open"}}}
	count(got) == 0
}

# Admission under stated rules is not closed; sponsorship gates are the
# incumbent-capture rules' concern.
test_pass_admission_rules if {
	got := rule.deny with input as {"charter": {"id": "w3c", "principles": ["inclusive"], "participation": {"openness": "admission"}}}
	count(got) == 0
}

# A closed body that does not claim openness is honest about it.
test_pass_closed_without_claim if {
	got := rule.deny with input as {"charter": {"id": "treaty", "principles": ["transparent"], "participation": {"openness": "closed"}}}
	count(got) == 0
}
