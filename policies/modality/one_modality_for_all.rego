# METADATA
# title: One modality stamped on every function
# description: |
#   The charter governs at least three functions in at least two categories
#   and declares the same modality for all of them. Discussion topics of a
#   forum (no deciding body, outputs declared non-binding) are not counted.
# custom:
#   id: CL-MOD-003
#   severity: info
#   group: modality
#   rationale: |
#     Internet governance is not one thing: names and numbers, standards,
#     interconnection, security operations and content policy each suit
#     different ways of deciding. A charter that gives every function the
#     same modality, across different kinds of function, suggests the label
#     was chosen once for the whole arrangement rather than weighed for each
#     task. It is a prompt to check the fit, not proof of a bad one.
#   citation: DeNardis & Raymond, Thinking Clearly about Multistakeholder Internet Governance (GigaNet 2013), on Internet governance as distinct functional areas, in some of which multistakeholder governance may not be appropriate
#   fail: |
#     "functions": [
#       {"id": "dns", "category": "critical-internet-resources", "modality": "multistakeholder", "decidedBy": "council"},
#       {"id": "cert", "category": "cybersecurity-operations", "modality": "multistakeholder", "decidedBy": "council"},
#       {"id": "content", "category": "information-intermediaries", "modality": "multistakeholder", "decidedBy": "council"}]
#   pass: |
#     "functions": [
#       {"id": "dns", "category": "critical-internet-resources", "modality": "multistakeholder", "decidedBy": "board"},
#       {"id": "registry-ops", "category": "critical-internet-resources", "modality": "private", "decidedBy": "board"},
#       {"id": "cybercrime", "category": "cybercrime-and-state-conduct", "modality": "intergovernmental", "decidedBy": "council"}]
package charterlint.rules.modality.one_modality_for_all

deny contains {
	"pointer": "",
	"element": input.charter.id,
	"message": sprintf(
		"all %d functions declare the same modality, %s, across %d categories (%s); the charter does not weigh which modality suits each function",
		[v.governedFunctions, v.governedModalities[0], count(v.governedCategories), concat(", ", v.governedCategories)],
	),
} if {
	# Governed functions leave out the discussion topics of a forum, which
	# nobody decides and whose outputs bind nobody (see the facts).
	v := input.facts.variety
	count(v.governedModalities) == 1
	v.governedFunctions >= 3
	count(v.governedCategories) >= 2
}
