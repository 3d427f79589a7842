package charterlint.rules.participation.no_capacity_building_test

import data.charterlint.rules.participation.no_capacity_building as rule

test_fail_capacity_building_false if {
	got := rule.deny with input as {"charter": {"id": "w3c", "participation": {"openness": "admission", "capacityBuilding": false}}}
	got == {{
		"pointer": "/participation/capacityBuilding",
		"element": "w3c",
		"message": `charter "w3c" runs no capacity building for under-resourced participants (participation.capacityBuilding is false), so participants without the means to follow its work are left out`,
	}}
}

test_fail_capacity_building_not_stated if {
	got := rule.deny with input as {"charter": {"id": "w3c", "participation": {"openness": "admission"}}}
	got == {{
		"pointer": "/participation",
		"element": "w3c",
		"message": `charter "w3c" does not say whether it supports under-resourced participants (participation.capacityBuilding is not stated), so participants without the means to follow its work are left out`,
	}}
}

test_fail_no_participation_section if {
	got := rule.deny with input as {"charter": {"id": "w3c"}}
	{f.pointer | some f in got} == {""}
}

test_pass_capacity_building if {
	got := rule.deny with input as {"charter": {"id": "icann", "participation": {"openness": "open", "capacityBuilding": true}}}
	count(got) == 0
}
