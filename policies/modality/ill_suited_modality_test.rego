package charterlint.rules.modality.ill_suited_modality_test

import data.charterlint.rules.modality.ill_suited_modality as rule

matrix := {"standards-setting": {
	"technical-community": {"fit": "suited", "rationale": "Open consensus works.", "source": "RFC 7282"},
	"intergovernmental": {"fit": "ill-suited", "rationale": "Treaty standards are slow.", "source": "Raymond & DeNardis (2015)"},
	"national": {"fit": "caution", "rationale": "Fragments.", "source": "test"},
}}

function(effective) := {
	"pointer": "/functions/0",
	"category": "standards-setting",
	"declaredModality": "multistakeholder",
	"decidedBy": "study-groups",
	"effectiveModality": effective,
	# The Go facts derive the fit from the same matrix the rule reads.
	"fit": object.get(matrix, ["standards-setting", effective, "fit"], ""),
	"matrixRow": "standards-setting",
}

test_fail_intergovernmental_standards if {
	got := rule.deny with input as {"facts": {"functions": {"protocols": function("intergovernmental")}}}
		with data.charterlint.config.matrix as matrix
	got == {{
		"pointer": "/functions/0",
		"element": "protocols",
		"message": `function "protocols" (standards-setting) is decided by body "study-groups", which is effectively intergovernmental, a modality ill-suited to standards-setting: Treaty standards are slow (Raymond & DeNardis (2015))`,
		"severity": "error",
	}}
}

test_fail_with_shipped_matrix if {
	fn := {
		"pointer": "/functions/1",
		"category": "critical-internet-resources",
		"decidedBy": "council",
		"effectiveModality": "intergovernmental",
		"fit": "ill-suited",
		"matrixRow": "critical-internet-resources",
	}
	got := rule.deny with input as {"facts": {"functions": {"root-zone": fn}}}
	count(got) == 1
}

# A function with a task is judged by the row the facts name: the task's,
# whose cell the message quotes, with the task beside the category.
test_fail_task_row if {
	fn := {
		"pointer": "/functions/0",
		"category": "critical-internet-resources",
		"task": "cctld-policy",
		"decidedBy": "council",
		"effectiveModality": "intergovernmental",
		"fit": "ill-suited",
		"matrixRow": "cctld-policy",
	}
	got := rule.deny with input as {"facts": {"functions": {"dot-example": fn}}}
		with data.charterlint.config.matrix as {"cctld-policy": {"intergovernmental": {"fit": "ill-suited", "rationale": "Not another country's business.", "source": "Tunis Agenda para. 63"}}}
	got == {{
		"pointer": "/functions/0",
		"element": "dot-example",
		"message": `function "dot-example" (critical-internet-resources, task cctld-policy) is decided by body "council", which is effectively intergovernmental, a modality ill-suited to cctld-policy: Not another country's business (Tunis Agenda para. 63)`,
		"severity": "error",
	}}
}

# The shipped matrix rates a national authority over a ccTLD's policy
# suited, unlike national control of the global namespace.
# (The facts judge a function by its task's row: ruledata's Lookup, tested
# in Go.)
test_shipped_matrix_rates_cctld_policy_apart if {
	data.charterlint.config.matrix["cctld-policy"].national.fit == "suited"
	data.charterlint.config.matrix["identifier-policy"].national.fit == "ill-suited"
}

test_pass_suited_modality if {
	got := rule.deny with input as {"facts": {"functions": {"protocols": function("technical-community")}}}
		with data.charterlint.config.matrix as matrix
	count(got) == 0
}

test_pass_caution_is_left_to_mod_005 if {
	got := rule.deny with input as {"facts": {"functions": {"protocols": function("national")}}}
		with data.charterlint.config.matrix as matrix
	count(got) == 0
}

test_pass_function_nobody_decides if {
	got := rule.deny with input as {"facts": {"functions": {"protocols": function("none")}}}
		with data.charterlint.config.matrix as matrix
	count(got) == 0
}

test_pass_modality_missing_from_matrix if {
	got := rule.deny with input as {"facts": {"functions": {"protocols": function("private")}}}
		with data.charterlint.config.matrix as matrix
	count(got) == 0
}

# A non-binding recommendation decided in an ill-suited modality: reported
# one step lower, as a warning, and the message says why.
test_fail_non_binding_is_a_warning if {
	fn := object.union(function("intergovernmental"), {"binding": false})
	got := rule.deny with input as {"facts": {"functions": {"protocols": fn}}}
		with data.charterlint.config.matrix as matrix
	[f] := [f | some f in got]
	f.severity == "warning"
	endswith(f.message, "(Raymond & DeNardis (2015)); its outputs bind nobody (binding: false), which lowers the stakes")
}

test_pass_suited_non_binding if {
	fn := object.union(function("technical-community"), {"binding": false})
	got := rule.deny with input as {"facts": {"functions": {"protocols": fn}}}
		with data.charterlint.config.matrix as matrix
	count(got) == 0
}
