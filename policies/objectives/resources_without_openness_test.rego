package charterlint.rules.objectives.resources_without_openness_test

import data.charterlint.rules.objectives.resources_without_openness as rule

functions := [
	{"id": "root-zone", "category": "critical-internet-resources"},
	{"id": "cybersecurity", "category": "cybersecurity-operations"},
]

test_fail_resources_without_openness if {
	got := rule.deny with input as {"charter": {"id": "council", "objectives": ["security", "stability"], "functions": functions}}
	got == {{
		"pointer": "/objectives",
		"element": "council",
		"message": `charter "council" governs critical Internet resources (root-zone) but does not name openness among its objectives`,
	}}
}

test_pass_with_openness if {
	got := rule.deny with input as {"charter": {"id": "council", "objectives": ["security", "openness"], "functions": functions}}
	count(got) == 0
}

test_pass_without_resources if {
	got := rule.deny with input as {"charter": {"id": "council", "objectives": ["security"], "functions": [{"id": "cybersecurity", "category": "cybersecurity-operations"}]}}
	count(got) == 0
}

# No objectives at all: CL-OBJ-001 reports it.
test_pass_without_objectives if {
	got := rule.deny with input as {"charter": {"id": "council", "objectives": [], "functions": functions}}
	count(got) == 0
}
