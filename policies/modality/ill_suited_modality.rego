# METADATA
# title: Function decided in an ill-suited modality
# description: |
#   The body that actually decides a function gives it an effective
#   modality that the modality matrix (data.charterlint.config.matrix)
#   rates ill-suited for the function, for example intergovernmental
#   control of global identifier policy or private allocation of radio
#   spectrum. A function with a task is judged by its task's row where
#   the matrix has a cell for the task and the modality, else by its
#   category's; the facts name the row used (matrixRow).
#   A function whose outputs bind nobody (binding: false) is reported one
#   step lower.
# custom:
#   id: CL-MOD-001
#   severity: error
#   group: modality
#   rationale: |
#     Internet governance is a set of distinct functions, and each suits
#     some ways of deciding better than others: treaty-making fits radio
#     spectrum, open technical consensus fits protocol standards, neither
#     fits the other. What counts is who really decides, not what the
#     charter declares. A function placed in a modality known to serve it
#     badly undermines the public-interest objectives the arrangement
#     claims; the matrix cell's rationale and source say why.
#   citation: DeNardis & Raymond, Thinking Clearly about Multistakeholder Internet Governance (GigaNet 2013), on Internet governance as distinct functional areas, in some of which multistakeholder governance may not be appropriate; DeNardis, The Global War for Internet Governance (2014)
#   fail: |
#     "bodies": [{"id": "council", "role": "decision", "seats": [
#       {"id": "states", "actor": "member-states", "count": 193, "vote": "full"}]}],
#     "functions": [{"id": "names-policy", "category": "critical-internet-resources",
#       "task": "identifier-policy", "modality": "intergovernmental", "decidedBy": "council"}]
#   pass: |
#     "bodies": [{"id": "working-groups", "role": "decision", "open": true,
#       "participants": ["engineers", "operators", "researchers"]}],
#     "functions": [{"id": "protocols", "category": "standards-setting",
#       "modality": "technical-community", "decidedBy": "working-groups"}]
package charterlint.rules.modality.ill_suited_modality

import data.charterlint.lib

deny contains {
	"pointer": fn.pointer,
	"element": id,
	"message": sprintf(
		"function %q (%s) is decided by body %q, which is effectively %s, a modality ill-suited to %s: %s (%s)%s",
		[id, lib.function_subject(fn), fn.decidedBy, modality, fn.matrixRow, trim_suffix(cell.rationale, "."), cell.source, lib.non_binding_note(fn)],
	),
	"severity": grade(fn),
} if {
	some id
	input.facts.functions[id].fit == "ill-suited"
	fn := input.facts.functions[id]
	modality := fn.effectiveModality

	# The row that gave the fit: the task's where the matrix has a cell
	# for it, else the category's (facts.FunctionFacts.MatrixRow).
	cell := data.charterlint.config.matrix[fn.matrixRow][modality]
}

# A function whose outputs bind nobody (binding: false, such as a
# recommendation) is graded one step lower: the modality then shapes
# advice, not rules others must follow.
grade(fn) := "warning" if {
	fn.binding == false
} else := "error"
