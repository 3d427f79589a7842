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
	"matrixRow": "information-intermediaries",
}

test_fail_private_content_rules if {
	got := rule.deny with input as {"facts": {"functions": {"content-rules": function("private")}}}
		with data.charterlint.config.matrix as matrix
	got == {{
		"pointer": "/functions/2",
		"element": "content-rules",
		"message": `function "content-rules" (information-intermediaries) is decided by body "trust-and-safety", which is effectively private, a modality that needs safeguards for information-intermediaries: Unchecked private rules need oversight (DeNardis (2014), ch. 7)`,
		"severity": "warning",
	}}
}

test_fail_with_shipped_matrix if {
	fn := {
		"pointer": "/functions/1",
		"category": "cybersecurity-operations",
		"decidedBy": "council",
		"effectiveModality": "intergovernmental",
		"fit": "caution",
		"matrixRow": "cybersecurity-operations",
	}
	got := rule.deny with input as {"facts": {"functions": {"incident-coordination": fn}}}
	count(got) == 1
}

# Enforcement through infrastructure is caution whoever mandates it: the
# task's row, not the ip-enforcement row, gives the cell the message quotes.
test_fail_task_row if {
	fn := {
		"pointer": "/functions/0",
		"category": "ip-enforcement",
		"task": "infrastructure-enforcement",
		"decidedBy": "court",
		"effectiveModality": "national",
		"fit": "caution",
		"matrixRow": "infrastructure-enforcement",
	}
	got := rule.deny with input as {"facts": {"functions": {"dns-blocking": fn}}}
		with data.charterlint.config.matrix as {
			"ip-enforcement": {"national": {"fit": "suited", "rationale": "Courts.", "source": "test"}},
			"infrastructure-enforcement": {"national": {"fit": "caution", "rationale": "Filtering hits lawful names.", "source": "Crocker et al. (2011)"}},
		}
	got == {{
		"pointer": "/functions/0",
		"element": "dns-blocking",
		"message": `function "dns-blocking" (ip-enforcement, task infrastructure-enforcement) is decided by body "court", which is effectively national, a modality that needs safeguards for infrastructure-enforcement: Filtering hits lawful names (Crocker et al. (2011))`,
		"severity": "warning",
	}}
}

# Multistakeholder decision of interconnection is caution in the shipped
# matrix: no modality is suited to every task.
test_fail_multistakeholder_interconnection_with_shipped_matrix if {
	fn := {
		"pointer": "/functions/0",
		"category": "access-and-interconnection",
		"task": "interconnection",
		"decidedBy": "board",
		"effectiveModality": "multistakeholder",
		"fit": data.charterlint.config.matrix.interconnection.multistakeholder.fit,
		"matrixRow": "interconnection",
	}
	got := rule.deny with input as {"facts": {"functions": {"peering": fn}}}
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

# The external oversight the information-intermediaries/private cell asks
# for: a binding independent review of the platform's decisions...
test_pass_private_content_rules_with_binding_independent_review if {
	got := rule.deny with input as {
		"facts": {"functions": {"content-rules": function("private")}},
		"charter": {"accountability": {"independentReview": {"id": "board", "body": "oversight-board", "binding": true}}},
	}
		with data.charterlint.config.matrix as matrix
	count(got) == 0
}

# ... or an oversight body that oversees the deciding body.
test_pass_private_content_rules_with_oversight_body if {
	got := rule.deny with input as {
		"facts": {
			"functions": {"content-rules": function("private")},
			"bodies": {
				"trust-and-safety": {"pointer": "/bodies/0", "oversees": []},
				"oversight-board": {"pointer": "/bodies/1", "oversees": ["trust-and-safety"]},
			},
		},
		"charter": {},
	}
		with data.charterlint.config.matrix as matrix
	count(got) == 0
}

test_fail_private_content_rules_with_non_binding_review if {
	got := rule.deny with input as {
		"facts": {"functions": {"content-rules": function("private")}},
		"charter": {"accountability": {"independentReview": {"id": "panel", "binding": false}}},
	}
		with data.charterlint.config.matrix as matrix
	count(got) == 1
}

# A body that oversees something else, or only itself, is no external
# oversight of the deciding body.
test_fail_private_content_rules_overseen_elsewhere if {
	got := rule.deny with input as {
		"facts": {
			"functions": {"content-rules": function("private")},
			"bodies": {
				"trust-and-safety": {"pointer": "/bodies/0", "oversees": ["trust-and-safety"]},
				"audit": {"pointer": "/bodies/1", "oversees": ["ads-team"]},
			},
		},
		"charter": {},
	}
		with data.charterlint.config.matrix as matrix
	count(got) == 1
}

# The exception is kept to the information-intermediaries/private cell:
# states deciding content rules alone are reported even under oversight.
test_fail_other_caution_cell_despite_oversight if {
	fn := object.union(function("national"), {"fit": "caution"})
	got := rule.deny with input as {
		"facts": {
			"functions": {"content-rules": fn},
			"bodies": {"oversight-board": {"pointer": "/bodies/1", "oversees": ["trust-and-safety"]}},
		},
		"charter": {"accountability": {"independentReview": {"id": "irp", "binding": true}}},
	}
		with data.charterlint.config.matrix as object.union(matrix, {"information-intermediaries": {"national": {"fit": "caution", "rationale": "Censorship.", "source": "test"}}})
	count(got) == 1
}

# Non-binding guidance decided in a caution cell: an info, not a warning.
test_fail_non_binding_is_an_info if {
	fn := object.union(function("private"), {"binding": false})
	got := rule.deny with input as {"facts": {"functions": {"content-rules": fn}}}
		with data.charterlint.config.matrix as matrix
	[f] := [f | some f in got]
	f.severity == "info"
	endswith(f.message, "; its outputs bind nobody (binding: false), which lowers the stakes")
}
