package charterlint.rules.modality.advisory_binding_outputs_test

import data.charterlint.test.functions
import data.charterlint.rules.modality.advisory_binding_outputs as rule

facts := {
	"bodies": {
		"mag": {"role": "advisory"},
		"board": {"role": "decision"},
	},
	"functions": {
		"content-rules": {"pointer": "/functions/0"},
		"dns": {"pointer": "/functions/1"},
		"norms": {"pointer": "/functions/2"},
	},
}

test_fail_advisory_body_issues_binding_outputs if {
	got := rule.deny with input as functions.given(
		facts,
		{"functions": [{"id": "content-rules", "decidedBy": "mag", "binding": true}]},
	)
	got == {{
		"pointer": "/functions/0",
		"element": "content-rules",
		"message": `function "content-rules" declares binding outputs but it is decided by advisory body "mag": advice cannot bind`,
	}}
}

test_fail_binding_outputs_without_decider if {
	got := rule.deny with input as functions.given(
		facts,
		{"functions": [{"id": "norms", "binding": true}]},
	)
	got == {{
		"pointer": "/functions/2",
		"element": "norms",
		"message": `function "norms" declares binding outputs but no body decides it: advice cannot bind`,
	}}
}

test_pass_decision_body_binds if {
	got := rule.deny with input as functions.given(
		facts,
		{"functions": [{"id": "dns", "decidedBy": "board", "binding": true}]},
	)
	count(got) == 0
}

# The IGF pattern: an appointed advisory forum whose outputs stay advisory.
test_pass_advisory_forum_with_non_binding_outputs if {
	got := rule.deny with input as functions.given(
		facts,
		{"functions": [
			{"id": "content-rules", "advisedBy": ["mag"], "binding": false},
			{"id": "norms", "decidedBy": "mag", "binding": false},
		]},
	)
	count(got) == 0
}

test_pass_binding_not_declared if {
	got := rule.deny with input as functions.given(
		facts,
		{"functions": [{"id": "content-rules", "decidedBy": "mag"}]},
	)
	count(got) == 0
}
