package charterlint.rules.modality.no_deciding_body_test

import data.charterlint.test.functions
import data.charterlint.rules.modality.no_deciding_body as rule

facts := {"functions": {
	"incident-coordination": {"pointer": "/functions/0"},
	"dialogue": {"pointer": "/functions/1"},
	"dns": {"pointer": "/functions/2"},
}}

test_fail_function_without_decider if {
	got := rule.deny with input as functions.given(
		facts,
		{"functions": [
			{"id": "incident-coordination", "category": "cybersecurity-operations", "modality": "multistakeholder"},
			{"id": "dns", "category": "critical-internet-resources", "modality": "multistakeholder", "decidedBy": "board"},
		]},
	)
	got == {{
		"pointer": "/functions/0",
		"element": "incident-coordination",
		"message": `function "incident-coordination" names no deciding body (decidedBy) and does not declare its outputs non-binding: nobody is answerable for how it is decided`,
	}}
}

# The IGF pattern: an advisory forum's discussion topics.
test_pass_explicitly_non_binding_topic if {
	got := rule.deny with input as functions.given(
		facts,
		{"functions": [{"id": "dialogue", "category": "information-intermediaries", "modality": "multistakeholder", "binding": false}]},
	)
	count(got) == 0
}

# Binding outputs without a decider: CL-MOD-006 reports it as an error.
test_pass_binding_without_decider_left_to_mod_006 if {
	got := rule.deny with input as functions.given(
		facts,
		{"functions": [{"id": "dialogue", "category": "information-intermediaries", "modality": "multistakeholder", "binding": true}]},
	)
	count(got) == 0
}

test_pass_function_with_decider if {
	got := rule.deny with input as functions.given(
		facts,
		{"functions": [{"id": "dns", "category": "critical-internet-resources", "modality": "multistakeholder", "decidedBy": "board"}]},
	)
	count(got) == 0
}
