package charterlint.rules.modality.declared_effective_mismatch_test

import data.charterlint.rules.modality.declared_effective_mismatch as rule

function(declared, effective, power) := {
	"pointer": "/functions/0",
	"declaredModality": declared,
	"decidedBy": "council",
	"effectiveModality": effective,
	"powerClasses": power,
	"theoryClasses": sort({usual_theory[c] | some c in power}),
}

# usual_theory is each stakeholder group's class in the theory when its
# actors say nothing else (actor.actsAs).
usual_theory := {
	"government": "state", "intergovernmental": "igo", "private-sector": "firm",
	"civil-society": "civil-society", "technical-community": "civil-society", "academia": "civil-society",
}

# A registry of the technical community run as a business: the function
# is private because the group acts as firms, and the message says so.
test_fail_says_when_a_group_acts_as_firms if {
	fn := object.union(function("multistakeholder", "private", ["technical-community"]), {"theoryClasses": ["firm"]})
	got := rule.deny with input as {"facts": {"functions": {"registry-policy": fn}}}
		with data.charterlint.config.compatible as compatible
	{f.message | some f in got} == {`function "registry-policy": declared multistakeholder but decided by body "council" where only technical-community, acting as firms, holds power: effectively private`}
}

compatible := {"technical-community": ["multistakeholder"], "multistakeholder": []}

test_fail_claims_multistakeholder_is_intergovernmental if {
	got := rule.deny with input as {"facts": {"functions": {"root-zone": function("multistakeholder", "intergovernmental", ["government"])}}}
		with data.charterlint.config.compatible as compatible
	got == {{
		"pointer": "/functions/0",
		"element": "root-zone",
		"message": `function "root-zone": declared multistakeholder but decided by body "council" where only government holds power: effectively intergovernmental`,
		"severity": "error",
	}}
}

test_fail_declared_intergovernmental_is_multistakeholder if {
	got := rule.deny with input as {"facts": {"functions": {"spectrum": function("intergovernmental", "multistakeholder", ["private-sector", "government"])}}}
		with data.charterlint.config.compatible as compatible
	got == {{
		"pointer": "/functions/0",
		"element": "spectrum",
		"message": `function "spectrum": declared intergovernmental but decided by body "council" where government, private-sector hold power: effectively multistakeholder`,
		"severity": "info",
	}}
}

test_pass_declared_equals_effective if {
	got := rule.deny with input as {"facts": {"functions": {"root-zone": function("multistakeholder", "multistakeholder", ["government", "civil-society"])}}}
		with data.charterlint.config.compatible as compatible
	count(got) == 0
}

# The IETF pattern: declared technical-community, an open body of several
# classes decides: a compatible pair in the config.
test_pass_compatible_pair if {
	got := rule.deny with input as {"facts": {"functions": {"protocols": function("technical-community", "multistakeholder", ["private-sector", "academia"])}}}
		with data.charterlint.config.compatible as compatible
	count(got) == 0
}

test_pass_user_extends_compatible_pairs if {
	got := rule.deny with input as {"facts": {"functions": {"k-root": function("private", "multistakeholder", ["private-sector", "academia"])}}}
		with data.charterlint.config.compatible as {"private": ["multistakeholder"]}
	count(got) == 0
}

test_pass_function_nobody_decides if {
	got := rule.deny with input as {"facts": {"functions": {"dialogue": function("multistakeholder", "none", [])}}}
		with data.charterlint.config.compatible as compatible
	count(got) == 0
}

# Grades. A claim of more inclusion than there is: every single-class
# modality behind a multistakeholder declaration is an error.
test_fail_claimed_inclusion_graded_error if {
	cases := [
		["intergovernmental", ["government"]],
		["national", ["government"]],
		["private", ["private-sector"]],
		["technical-community", ["technical-community"]],
	]
	every c in cases {
		got := rule.deny with input as {"facts": {"functions": {"f": function("multistakeholder", c[0], c[1])}}}
			with data.charterlint.config.compatible as compatible
		{f.severity | some f in got} == {"error"}
	}
}

# Adjacent modalities, either way round, are info.
test_fail_adjacent_modalities_graded_info if {
	cases := [
		["technical-community", "private", ["private-sector"]],
		["private", "technical-community", ["technical-community"]],
		["intergovernmental", "national", ["government"]],
		["national", "intergovernmental", ["government"]],
	]
	every c in cases {
		got := rule.deny with input as {"facts": {"functions": {"f": function(c[0], c[1], c[2])}}}
			with data.charterlint.config.compatible as compatible
		{f.severity | some f in got} == {"info"}
	}
}

# More inclusive than declared is info too.
test_fail_more_inclusive_than_declared_graded_info if {
	got := rule.deny with input as {"facts": {"functions": {"f": function("private", "multistakeholder", ["private-sector", "civil-society"])}}}
		with data.charterlint.config.compatible as compatible
	{f.severity | some f in got} == {"info"}
}

# Any other difference is a warning: declared private but decided by
# states, declared intergovernmental but decided by firms.
test_fail_other_differences_graded_warning if {
	cases := [
		["private", "intergovernmental", ["government"]],
		["intergovernmental", "private", ["private-sector"]],
		["national", "technical-community", ["academia"]],
		["technical-community", "national", ["government"]],
	]
	every c in cases {
		got := rule.deny with input as {"facts": {"functions": {"f": function(c[0], c[1], c[2])}}}
			with data.charterlint.config.compatible as compatible
		{f.severity | some f in got} == {"warning"}
	}
}
