# METADATA
# title: Critical Internet resources without a stability or security objective
# description: |
#   The charter governs critical Internet resources (names, numbers, the
#   root zone, protocol parameters) and states objectives, but none of them
#   is stability, security or resilience. A charter with no objectives at
#   all is reported by CL-OBJ-001 instead.
# custom:
#   id: CL-OBJ-003
#   severity: warning
#   group: objectives
#   rationale: |
#     Whoever governs the Internet's unique identifiers answers first for
#     their keeping working: a root zone or an address registry that fails
#     fails for everyone. When the stated objectives leave out stability,
#     security and resilience, nothing in the charter lets its members or
#     its critics hold the arrangement to that duty, and other objectives
#     (competition, development) can be pursued at its expense.
#   citation: NTIA announcement of the IANA stewardship transition (14 March 2014), criterion "maintain the security, stability, and resiliency of the Internet DNS"; DeNardis & Raymond, Thinking Clearly about Multistakeholder Internet Governance (GigaNet 2013), on multistakeholderism as a means to public-interest ends, not a value in itself
#   fail: |
#     "objectives": ["access", "development"],
#     "functions": [{"id": "numbering", "category": "critical-internet-resources",
#       "modality": "multistakeholder", "decidedBy": "council"}]
#   pass: |
#     "objectives": ["access", "development", "stability"],
#     "functions": [{"id": "numbering", "category": "critical-internet-resources",
#       "modality": "multistakeholder", "decidedBy": "council"}]
package charterlint.rules.objectives.resources_without_stability

deny contains {
	"pointer": "/objectives",
	"element": input.charter.id,
	"message": sprintf(
		"charter %q governs critical Internet resources (%s) but names none of stability, security or resilience among its objectives",
		[input.charter.id, concat(", ", resources)],
	),
} if {
	objectives := object.get(input.charter, "objectives", [])
	count(objectives) > 0
	resources := sort([fn.id | some fn in object.get(input.charter, "functions", []); fn.category == "critical-internet-resources"])
	count(resources) > 0
	not keeps_working(objectives)
}

keeps_working(objectives) if {
	some objective in objectives
	objective in {"stability", "security", "resilience"}
}
