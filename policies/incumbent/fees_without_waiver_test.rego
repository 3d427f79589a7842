package charterlint.rules.incumbent.fees_without_waiver_test

import data.charterlint.rules.incumbent.fees_without_waiver as rule

charter(fees) := {"id": "alliance", "participation": {"fees": fees}}

test_fail_fee_with_waiver_false if {
	got := rule.deny with input as {"charter": charter({"amount": 120000, "currency": "EUR", "waiver": false})}
	got == {{
		"pointer": "/participation/fees",
		"element": "alliance",
		"message": "participation costs 120000 EUR a year with no waiver or reduction for under-resourced participants",
	}}
}

test_fail_fee_with_waiver_absent if {
	got := rule.deny with input as {"charter": charter({"amount": 1550.5, "currency": "EUR"})}
	got == {{
		"pointer": "/participation/fees",
		"element": "alliance",
		"message": "participation costs 1550.5 EUR a year with no waiver or reduction for under-resourced participants",
	}}
}

test_pass_fee_with_waiver if {
	got := rule.deny with input as {"charter": charter({"amount": 7900, "currency": "USD", "waiver": true})}
	count(got) == 0
}

# The IETF pattern: no membership fee at all.
test_pass_free_participation if {
	got := rule.deny with input as {"charter": charter({"amount": 0, "currency": "USD"})}
	count(got) == 0
}

test_pass_no_fees_section if {
	got := rule.deny with input as {"charter": {"id": "forum", "participation": {"openness": "open"}}}
	count(got) == 0
}

# The RIPE NCC pattern: members pay for registry services, while anyone
# takes part in the RIPE community's policy-making for free.
test_pass_fee_for_services if {
	got := rule.deny with input as {"charter": charter({"amount": 1550, "currency": "EUR", "covers": "services"})}
	count(got) == 0
}

test_fail_fee_said_to_cover_participation if {
	got := rule.deny with input as {"charter": charter({"amount": 1550, "currency": "EUR", "covers": "participation"})}
	count(got) == 1
}
