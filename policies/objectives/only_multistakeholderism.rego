# METADATA
# title: Multistakeholderism is the only objective
# description: |
#   The only objective the charter states is "multistakeholderism": being
#   multistakeholder is named as the goal itself, and no public interest the
#   arrangement serves is listed.
# custom:
#   id: CL-OBJ-002
#   severity: error
#   group: objectives
#   rationale: |
#     Bringing several stakeholder classes to the table is a way of reaching
#     decisions, not a reason for the arrangement to exist. A charter whose
#     only stated aim is its own form can only be measured by whether it keeps
#     that form, never by whether the Internet is more stable, secure, open or
#     interoperable because of it. Naming the form as the goal is circular and
#     shields the arrangement from judgement on results.
#   citation: DeNardis & Raymond, Thinking Clearly about Multistakeholder Internet Governance (GigaNet 2013), on multistakeholderism as a means to public-interest ends, not a value in itself
#   fail: |
#     "modality": "multistakeholder",
#     "objectives": ["multistakeholderism"]
#   pass: |
#     "modality": "multistakeholder",
#     "objectives": ["multistakeholderism", "stability", "security"]
package charterlint.rules.objectives.only_multistakeholderism

deny contains {
	"pointer": "/objectives",
	"element": input.charter.id,
	"message": sprintf(
		"charter %q names \"multistakeholderism\" as its only objective; being multistakeholder is a means, so list the public interests it serves (for example stability, security, openness)",
		[input.charter.id],
	),
} if {
	objectives := object.get(input.charter, "objectives", [])
	count(objectives) > 0
	every objective in objectives {
		objective == "multistakeholderism"
	}
}
