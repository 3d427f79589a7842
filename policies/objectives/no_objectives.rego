# METADATA
# title: No public-interest objectives
# description: |
#   The charter states no objectives: nothing says which public interest
#   (stability, security, openness, interoperability, free expression...)
#   the arrangement serves.
# custom:
#   id: CL-OBJ-001
#   severity: warning
#   group: objectives
#   rationale: |
#     Multistakeholder governance is a means, not an end. Whether an
#     arrangement is good can only be judged against the objectives it serves,
#     so a charter must name them; without them, neither its members nor its
#     critics can hold it to anything.
#   citation: DeNardis & Raymond, Thinking Clearly about Multistakeholder Internet Governance (GigaNet 2013), on multistakeholderism as a means to public-interest ends, not a value in itself
#   fail: |
#     "modality": "multistakeholder"
#   pass: |
#     "modality": "multistakeholder",
#     "objectives": ["stability", "security", "interoperability"]
package charterlint.rules.objectives.no_objectives

deny contains {
	"pointer": "",
	"element": input.charter.id,
	"message": sprintf("charter %q states no public-interest objectives; list what it serves in \"objectives\" (for example stability, security, openness)", [input.charter.id]),
} if {
	not input.charter.objectives[0]
}
