# METADATA
# title: Government-driven multistakeholder body
# description: |
#   Under a multistakeholder claim, a body that decides functions seats
#   several classes, but governmental actors (governments or
#   intergovernmental organisations, or a body of them alone) choose the
#   holders of every seat that is not their own, through selection.by or
#   appointedBy. The finding says when they can also recall the members
#   (accountability.recall).
# custom:
#   id: CL-CAP-009
#   severity: error
#   group: capture
#   rationale: |
#     A council whose business, civil-society and technical seats are all
#     filled by a ministry is multistakeholder in form only: its members
#     owe their seats to the government, and where the government can also
#     recall them, they keep them only while it is content. Such bodies can
#     extend a government's reach over matters it did not control before,
#     under the name of inclusion. Who chooses and who can remove the
#     members holds power over the body, whatever the seats are called.
#   citation: DeNardis & Raymond, Thinking Clearly about Multistakeholder Internet Governance (GigaNet 2013), on governments with repressive information policies that advocate top-down, formalised multistakeholderism to gain power where they had no jurisdiction (operationalised by charterlint through the choice and recall of members); NETmundial Multistakeholder Statement (2014), Internet governance process principles (democratic, multistakeholder processes with the meaningful and accountable participation of all stakeholders)
#   fail: |
#     "actors": [{"id": "ministry", "name": "Ministry of Communications", "class": "government", "kind": "organisation"},
#       {"id": "operators", "name": "Operators", "class": "private-sector"},
#       {"id": "users", "name": "User groups", "class": "civil-society"}],
#     "bodies": [{"id": "council", "role": "decision", "seats": [
#       {"id": "industry", "actor": "operators", "count": 3, "vote": "full",
#         "selection": {"method": "appointment", "by": ["ministry"]}},
#       {"id": "community", "actor": "users", "count": 3, "vote": "full",
#         "selection": {"method": "appointment", "by": ["ministry"]}}]}],
#     "functions": [{"id": "cctld-policy", "category": "critical-internet-resources",
#       "modality": "multistakeholder", "decidedBy": "council"}]
#   pass: |
#     "actors": [{"id": "ministry", "name": "Ministry of Communications", "class": "government", "kind": "organisation"},
#       {"id": "operators", "name": "Operators", "class": "private-sector"},
#       {"id": "users", "name": "User groups", "class": "civil-society"}],
#     "bodies": [{"id": "council", "role": "decision", "seats": [
#       {"id": "industry", "actor": "operators", "count": 3, "vote": "full",
#         "selection": {"method": "election", "by": ["operators"]}},
#       {"id": "community", "actor": "users", "count": 3, "vote": "full",
#         "selection": {"method": "election", "by": ["users"]}}]}],
#     "functions": [{"id": "cctld-policy", "category": "critical-internet-resources",
#       "modality": "multistakeholder", "decidedBy": "council"}]
package charterlint.rules.capture.government_driven

import data.charterlint.lib

deny contains {
	"pointer": body.pointer,
	"element": id,
	"message": sprintf(
		"body %q claims multistakeholder, but governmental actors (%s) choose the holders of %d of its %d votes, every vote that is not their own%s: a formal multistakeholder body driven by government",
		[id, lib.classes_text(body.choosers), body.governmentChosen, body.totalVotes, recall_text(body)],
	),
} if {
	some id in lib.deciding_bodies
	body := input.facts.bodies[id]
	body.governmentChosen > 0
	own := sum([n | some class, n in body.votes; class in {"government", "intergovernmental"}])
	own + body.governmentChosen == body.totalVotes
	claims_multistakeholder(body)
}

claims_multistakeholder(_) if input.facts.claimsMultistakeholder

claims_multistakeholder(body) if {
	some fn in body.decides
	input.facts.functions[fn].declaredModality == "multistakeholder"
}

recall_text(body) := ", and can recall them" if {
	some c in body.recalledBy
	c in {"government", "intergovernmental"}
} else := ""
