package charterlint.rules.modality.caution_modality_test

import data.charterlint.rules.modality.caution_modality as rule

matrix := {"information-intermediaries": {
	"multistakeholder": {"fit": "suited", "rationale": "Balances users, firms and states.", "source": "DeNardis (2014)"},
	"private": {"fit": "caution", "rationale": "Unchecked private rules need oversight.", "source": "DeNardis (2014), ch. 7"},
	"national": {"fit": "ill-suited", "rationale": "Censorship.", "source": "test"},
}}

function(effective) := {
	"pointer": "/functions/2",
	"category": "information-intermediaries",
	"declaredModality": "private",
	"decidedBy": "trust-and-safety",
	"effectiveModality": effective,
	# The Go facts derive the fit from the same matrix the rule reads.
	"fit": object.get(matrix, ["information-intermediaries", effective, "fit"], ""),
}

test_fail_private_content_rules if {
	got := rule.deny with input as {"facts": {"functions": {"content-rules": function("private")}}}
		with data.charterlint.config.matrix as matrix
	got == {{
		"pointer": "/functions/2",
		"element": "content-rules",
		"message": `function "content-rules" (information-intermediaries) is decided by body "trust-and-safety", which is effectively private, a modality that needs safeguards for information-intermediaries: Unchecked private rules need oversight (DeNardis (2014), ch. 7)`,
	}}
}

test_fail_with_shipped_matrix if {
	fn := {
		"pointer": "/functions/1",
		"category": "cybersecurity-operations",
		"decidedBy": "council",
		"effectiveModality": "intergovernmental",
		"fit": "caution",
	}
	got := rule.deny with input as {"facts": {"functions": {"incident-coordination": fn}}}
	count(got) == 1
}

test_pass_suited_modality if {
	got := rule.deny with input as {"facts": {"functions": {"content-rules": function("multistakeholder")}}}
		with data.charterlint.config.matrix as matrix
	count(got) == 0
}

test_pass_ill_suited_is_left_to_mod_001 if {
	got := rule.deny with input as {"facts": {"functions": {"content-rules": function("national")}}}
		with data.charterlint.config.matrix as matrix
	count(got) == 0
}

test_pass_function_nobody_decides if {
	got := rule.deny with input as {"facts": {"functions": {"content-rules": function("none")}}}
		with data.charterlint.config.matrix as matrix
	count(got) == 0
}
