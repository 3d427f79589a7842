package charterlint.rules.transparency.short_public_comment_test

import data.charterlint.rules.transparency.short_public_comment as rule

test_fail_short_period if {
	got := rule.deny with input as {"facts": {"claimsOpenness": true}, "charter": {"id": "council", "transparency": {"publicComment": {"days": 7}}}}
	got == {{
		"pointer": "/transparency/publicComment/days",
		"element": "council",
		"message": `charter "council": the public comment period of 7 days is shorter than the 14 days expected`,
	}}
}

test_fail_no_period if {
	got := rule.deny with input as {"facts": {"claimsOpenness": true}, "charter": {"id": "council", "transparency": {"publicRecords": true}}}
	got == {{
		"pointer": "/transparency",
		"element": "council",
		"message": `charter "council" sets no public comment period on proposed decisions (transparency.publicComment); at least 14 days are expected`,
	}}
}

test_fail_no_transparency_section if {
	got := rule.deny with input as {"facts": {"claimsOpenness": true}, "charter": {"id": "council"}}
	{f.pointer | some f in got} == {""}
}

test_pass_long_enough_period if {
	got := rule.deny with input as {"facts": {"claimsOpenness": true}, "charter": {"id": "council", "transparency": {"publicComment": {"days": 40}}}}
	count(got) == 0
}

test_pass_exactly_the_minimum if {
	got := rule.deny with input as {"facts": {"claimsOpenness": true}, "charter": {"id": "council", "transparency": {"publicComment": {"days": 14}}}}
	count(got) == 0
}

# The threshold is data: a user can raise it with --data.
test_fail_threshold_comes_from_params if {
	got := rule.deny with input as {"facts": {"claimsOpenness": true}, "charter": {"id": "council", "transparency": {"publicComment": {"days": 40}}}}
		with data.charterlint.config.params.min_public_comment_days as 60
	{f.message | some f in got} == {`charter "council": the public comment period of 40 days is shorter than the 60 days expected`}
}

# A private body that never claimed to be open or multistakeholder is not
# held to the NETmundial process checklist.
test_pass_private_body_without_the_claim if {
	got := rule.deny with input as {"facts": {"claimsOpenness": false}, "charter": {"id": "council", "principles": ["accountable"], "transparency": {"publicRecords": true}}}
	count(got) == 0
}

# An "open" principle is a claim of its own (facts.claimsOpenness,
# TestClaimsOpenness).
test_fail_open_principle_without_multistakeholder_claim if {
	got := rule.deny with input as {"facts": {"claimsMultistakeholder": false, "claimsOpenness": true}, "charter": {"id": "council", "principles": ["open"], "transparency": {"publicRecords": true}}}
	count(got) == 1
}
