package charterlint.rules.participation.no_remote_participation_test

import data.charterlint.rules.participation.no_remote_participation as rule

test_fail_remote_false if {
	got := rule.deny with input as {"facts": {"claimsOpenness": true}, "charter": {"id": "alliance", "participation": {"openness": "admission", "remote": false}}}
	got == {{
		"pointer": "/participation/remote",
		"element": "alliance",
		"message": `charter "alliance" does not allow remote participation (participation.remote is false), so only those who can travel to meetings can take part`,
	}}
}

test_fail_remote_not_stated if {
	got := rule.deny with input as {"facts": {"claimsOpenness": true}, "charter": {"id": "alliance", "participation": {"openness": "admission"}}}
	got == {{
		"pointer": "/participation",
		"element": "alliance",
		"message": `charter "alliance" does not provide for remote participation (participation.remote is not stated), so only those who can travel to meetings can take part`,
	}}
}

test_fail_no_participation_section if {
	got := rule.deny with input as {"facts": {"claimsOpenness": true}, "charter": {"id": "alliance"}}
	{f.pointer | some f in got} == {""}
}

test_pass_remote_participation if {
	got := rule.deny with input as {"facts": {"claimsOpenness": true}, "charter": {"id": "ietf", "participation": {"openness": "open", "remote": true}}}
	count(got) == 0
}

# A private body that never claimed to be open or multistakeholder is not
# held to the NETmundial process checklist.
test_pass_private_body_without_the_claim if {
	got := rule.deny with input as {"facts": {"claimsOpenness": false}, "charter": {"id": "alliance", "principles": ["accountable"], "participation": {"openness": "admission"}}}
	count(got) == 0
}

# An "open" principle is a claim of its own (facts.claimsOpenness,
# TestClaimsOpenness).
test_fail_open_principle_without_multistakeholder_claim if {
	got := rule.deny with input as {"facts": {"claimsMultistakeholder": false, "claimsOpenness": true}, "charter": {"id": "alliance", "principles": ["open"], "participation": {"openness": "admission"}}}
	count(got) == 1
}
