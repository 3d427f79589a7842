package charterlint.rules.objectives.resources_without_stability_test

import data.charterlint.rules.objectives.resources_without_stability as rule

functions := [
	{"id": "root-zone", "category": "critical-internet-resources"},
	{"id": "numbering", "category": "critical-internet-resources"},
	{"id": "spectrum", "category": "spectrum-and-satellite"},
]

test_fail_resources_without_stability if {
	got := rule.deny with input as {"charter": {"id": "union", "objectives": ["access", "development"], "functions": functions}}
	got == {{
		"pointer": "/objectives",
		"element": "union",
		"message": `charter "union" governs critical Internet resources (numbering, root-zone) but names none of stability, security or resilience among its objectives`,
	}}
}

test_pass_with_security if {
	got := rule.deny with input as {"charter": {"id": "union", "objectives": ["access", "security"], "functions": functions}}
	count(got) == 0
}

test_pass_with_resilience if {
	got := rule.deny with input as {"charter": {"id": "union", "objectives": ["resilience"], "functions": functions}}
	count(got) == 0
}

test_pass_without_resources if {
	got := rule.deny with input as {"charter": {"id": "union", "objectives": ["access"], "functions": [{"id": "spectrum", "category": "spectrum-and-satellite"}]}}
	count(got) == 0
}

# No objectives at all: CL-OBJ-001 reports it.
test_pass_without_objectives if {
	got := rule.deny with input as {"charter": {"id": "union", "functions": functions}}
	count(got) == 0
}
