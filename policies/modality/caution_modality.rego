# METADATA
# title: Function decided in a modality that needs caution
# description: |
#   The body that actually decides a function gives it an effective
#   modality that the modality matrix (data.charterlint.config.matrix)
#   rates "caution" for the function: workable, but with a known risk the
#   charter should guard against. A function with a task is judged by its
#   task's row where the matrix has a cell for the task and the modality,
#   else by its category's (the facts' matrixRow). One case has a
#   safeguard the rule can see: a function judged by the
#   information-intermediaries row whose effective modality is private,
#   where the shipped cell asks for
#   external oversight of private content governance. It is not reported
#   when the charter already provides that oversight: an independent
#   review whose result binds (accountability.independentReview.binding
#   true), or another body that lists the deciding body in its "oversees".
#   Whether that overseer is independent of the body it oversees is left
#   to CL-ACC-008. Every other caution cell is reported whatever the charter's checks.
#   A function whose outputs bind nobody (binding: false) is reported one
#   step lower.
# custom:
#   id: CL-MOD-005
#   severity: warning
#   group: modality
#   rationale: |
#     Some modalities are legitimate for a function but carry a known risk:
#     platforms setting their own content rules without outside oversight,
#     or states running incident response alone. The arrangement is not
#     wrong to use them, but it should add the checks that answer the
#     risk, such as oversight, appeal or participation by the other
#     classes. The matrix cell's rationale and source name the risk.
#   citation: DeNardis & Raymond, Thinking Clearly about Multistakeholder Internet Governance (GigaNet 2013), on ways of governing that suit some functional areas and not others; DeNardis, The Global War for Internet Governance (2014)
#   fail: |
#     "bodies": [{"id": "trust-and-safety", "role": "decision", "seats": [
#       {"id": "staff", "actor": "platform", "count": 5, "vote": "full"}]}],
#     "functions": [{"id": "content-rules", "category": "information-intermediaries",
#       "modality": "private", "decidedBy": "trust-and-safety"}]
#   pass: |
#     "bodies": [{"id": "oversight-board", "role": "decision", "seats": [
#       {"id": "users", "actor": "user-groups", "count": 5, "vote": "full"},
#       {"id": "platform", "actor": "platform", "count": 5, "vote": "full"}]}],
#     "functions": [{"id": "content-rules", "category": "information-intermediaries",
#       "modality": "multistakeholder", "decidedBy": "oversight-board"}]
package charterlint.rules.modality.caution_modality

import data.charterlint.lib

deny contains {
	"pointer": fn.pointer,
	"element": id,
	"message": sprintf(
		"function %q (%s) is decided by body %q, which is effectively %s, a modality that needs safeguards for %s: %s (%s)%s",
		[id, lib.function_subject(fn), fn.decidedBy, modality, fn.matrixRow, trim_suffix(cell.rationale, "."), cell.source, lib.non_binding_note(fn)],
	),
	"severity": grade(fn),
} if {
	some id
	input.facts.functions[id].fit == "caution"
	fn := input.facts.functions[id]
	modality := fn.effectiveModality

	# The row that gave the fit: the task's where the matrix has a cell
	# for it, else the category's (facts.FunctionFacts.MatrixRow).
	cell := data.charterlint.config.matrix[fn.matrixRow][modality]
	not overseen_content_governance(fn)
}

# overseen_content_governance holds for private content governance that
# already has the external oversight the matrix cell asks for. The
# exception is kept to that one cell: for the other caution cells the risk
# is not one that oversight alone answers.
overseen_content_governance(fn) if {
	fn.matrixRow == "information-intermediaries"
	fn.effectiveModality == "private"
	external_oversight(fn.decidedBy)
}

# external_oversight holds when the charter's independent review binds, or
# another body oversees the deciding body.
external_oversight(_) if input.charter.accountability.independentReview.binding == true

external_oversight(body) if {
	some id, overseer in input.facts.bodies
	id != body
	body in overseer.oversees
}

# A function whose outputs bind nobody (binding: false, such as a
# recommendation) is graded one step lower: the modality then shapes
# advice, not rules others must follow.
grade(fn) := "info" if {
	fn.binding == false
} else := "warning"
