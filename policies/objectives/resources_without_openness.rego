# METADATA
# title: Critical Internet resources without an openness objective
# description: |
#   The charter governs critical Internet resources (names, numbers, the
#   root zone, protocol parameters) and states objectives, but openness is
#   not among them. A charter with no objectives at all is reported by
#   CL-OBJ-001 instead.
# custom:
#   id: CL-OBJ-004
#   severity: warning
#   group: objectives
#   rationale: |
#     Control of the unique identifiers is control of who can reach whom:
#     a registry or a root zone can be used to exclude, filter or
#     fragment. Keeping the Internet open was one of the conditions on
#     which the stewardship of these resources was handed to a
#     multistakeholder community; a charter that governs them without
#     naming openness as an objective gives its members nothing to invoke
#     when a decision would close the network.
#   citation: NTIA announcement of the IANA stewardship transition (14 March 2014), criterion "maintain the openness of the Internet"; DeNardis & Raymond, Thinking Clearly about Multistakeholder Internet Governance (GigaNet 2013), on multistakeholderism as a means to public-interest ends, not a value in itself
#   fail: |
#     "objectives": ["security", "stability"],
#     "functions": [{"id": "root-zone", "category": "critical-internet-resources",
#       "modality": "multistakeholder", "decidedBy": "council"}]
#   pass: |
#     "objectives": ["security", "stability", "openness"],
#     "functions": [{"id": "root-zone", "category": "critical-internet-resources",
#       "modality": "multistakeholder", "decidedBy": "council"}]
package charterlint.rules.objectives.resources_without_openness

deny contains {
	"pointer": "/objectives",
	"element": input.charter.id,
	"message": sprintf(
		"charter %q governs critical Internet resources (%s) but does not name openness among its objectives",
		[input.charter.id, concat(", ", resources)],
	),
} if {
	objectives := object.get(input.charter, "objectives", [])
	count(objectives) > 0
	resources := sort([fn.id | some fn in object.get(input.charter, "functions", []); fn.category == "critical-internet-resources"])
	count(resources) > 0
	not "openness" in objectives
}
