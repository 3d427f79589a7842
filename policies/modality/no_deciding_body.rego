# METADATA
# title: Function without a deciding body
# description: |
#   A function names no body that decides it (no decidedBy) and does not
#   declare its outputs non-binding. Functions whose outputs are declared
#   binding without a decider are reported by CL-MOD-006 instead.
# custom:
#   id: CL-MOD-004
#   severity: warning
#   group: modality
#   rationale: |
#     A function that nobody is charged with deciding has no effective
#     modality at all: the charter cannot be checked against its own
#     claims, and in practice the function is decided informally by
#     whoever holds the pen, outside any accountability mechanism. A forum
#     whose discussion topics are explicitly non-binding is different: it
#     decides nothing by design and is not reported.
#   citation: DeNardis & Raymond, Thinking Clearly about Multistakeholder Internet Governance (GigaNet 2013), on Internet governance as distinct functional areas and the varieties of multistakeholderism; NETmundial+10 São Paulo Multistakeholder Guidelines (2024), clear process steps and accountability for outcomes
#   fail: |
#     "functions": [{"id": "incident-coordination", "category": "cybersecurity-operations",
#       "modality": "multistakeholder"}]
#   pass: |
#     "functions": [{"id": "best-practice-forum", "category": "cybersecurity-operations",
#       "modality": "multistakeholder", "binding": false}]
package charterlint.rules.modality.no_deciding_body

deny contains {
	"pointer": fn.pointer,
	"element": id,
	"message": sprintf(
		"function %q names no deciding body (decidedBy) and does not declare its outputs non-binding: nobody is answerable for how it is decided",
		[id],
	),
} if {
	some id
	input.facts.functions[id].decidedBy == ""
	fn := input.facts.functions[id]
	fn.binding == null
}
