package charterlint.rules.participation.no_capacity_building_test

import data.charterlint.rules.participation.no_capacity_building as rule

test_fail_capacity_building_false if {
	got := rule.deny with input as {"facts": {"claimsOpenness": true}, "charter": {"id": "w3c", "participation": {"openness": "admission", "capacityBuilding": false}}}
	got == {{
		"pointer": "/participation/capacityBuilding",
		"element": "w3c",
		"message": `charter "w3c" runs no capacity building for under-resourced participants (participation.capacityBuilding is false), so participants without the means to follow its work are left out`,
	}}
}

test_fail_capacity_building_not_stated if {
	got := rule.deny with input as {"facts": {"claimsOpenness": true}, "charter": {"id": "w3c", "participation": {"openness": "admission"}}}
	got == {{
		"pointer": "/participation",
		"element": "w3c",
		"message": `charter "w3c" does not say whether it supports under-resourced participants (participation.capacityBuilding is not stated), so participants without the means to follow its work are left out`,
	}}
}

test_fail_no_participation_section if {
	got := rule.deny with input as {"facts": {"claimsOpenness": true}, "charter": {"id": "w3c"}}
	{f.pointer | some f in got} == {""}
}

test_pass_capacity_building if {
	got := rule.deny with input as {"facts": {"claimsOpenness": true}, "charter": {"id": "icann", "participation": {"openness": "open", "capacityBuilding": true}}}
	count(got) == 0
}

# A private body that never claimed to be open or multistakeholder is not
# held to the NETmundial process checklist.
test_pass_private_body_without_the_claim if {
	got := rule.deny with input as {"facts": {"claimsOpenness": false}, "charter": {"id": "w3c", "principles": ["accountable"], "participation": {"openness": "admission"}}}
	count(got) == 0
}

# An "open" principle is a claim of its own (facts.claimsOpenness,
# TestClaimsOpenness).
test_fail_open_principle_without_multistakeholder_claim if {
	got := rule.deny with input as {"facts": {"claimsMultistakeholder": false, "claimsOpenness": true}, "charter": {"id": "w3c", "principles": ["open"], "participation": {"openness": "admission"}}}
	count(got) == 1
}
