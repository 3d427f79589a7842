# METADATA
# title: Unilateral veto over all decisions
# description: |
#   A single actor, or a body whose members all belong to one class, holds
#   a veto over every decision of a body that decides functions. When each
#   member of the holder can use the veto alone (veto.each), the finding
#   says so.
# custom:
#   id: CL-CAP-006
#   severity: warning
#   group: capture
#   rationale: |
#     A general veto lets its holder stop anything the deciding body does,
#     however its seats are shared. When that holder is one actor or one
#     class, the other classes can only propose; the holder disposes. The
#     relation is then hierarchical rather than polyarchic, and the body's
#     apparent balance of seats says little about where power sits.
#   citation: Raymond & DeNardis, Multistakeholderism (International Theory 7(3), 2015), on hierarchical and polyarchic authority relations (reading a general veto as hierarchy is charterlint's operationalisation); NETmundial Multistakeholder Statement (2014), process principles (distributed, checks and balances)
#   fail: |
#     "bodies": [{"id": "council", "role": "decision", "seats": [
#       {"id": "states", "actor": "member-states", "count": 6, "vote": "full"},
#       {"id": "industry", "actor": "operators", "count": 6, "vote": "full"}],
#       "vetoes": [{"id": "minister-veto", "holder": "ministry", "scope": "all"}]}],
#     "functions": [{"id": "dns", "category": "critical-internet-resources",
#       "modality": "multistakeholder", "decidedBy": "council"}]
#   pass: |
#     "bodies": [{"id": "council", "role": "decision", "seats": [
#       {"id": "states", "actor": "member-states", "count": 6, "vote": "full"},
#       {"id": "industry", "actor": "operators", "count": 6, "vote": "full"}],
#       "vetoes": [{"id": "ec-budget", "holder": "empowered-community", "scope": "budget"}]}],
#     "functions": [{"id": "dns", "category": "critical-internet-resources",
#       "modality": "multistakeholder", "decidedBy": "council"}]
package charterlint.rules.capture.unilateral_veto

import data.charterlint.lib

deny contains {
	"pointer": veto.pointer,
	"element": veto.id,
	"message": sprintf(
		"veto %q: %s can block every decision of body %q alone",
		[veto.id, who(veto), id],
	),
} if {
	some id in lib.deciding_bodies
	some veto in input.facts.bodies[id].vetoes
	veto.scope == "all"
	count(veto.classes) == 1
}

# who says who can block: the holder, or each of its members when each
# can block alone (veto.each: a non-objection or unanimity procedure).
who(veto) := sprintf("each member of %s", [holder_text(veto)]) if {
	veto.each
} else := holder_text(veto)

# holder_text names the holder of a veto and the one class behind it.
holder_text(veto) := sprintf("actor %q (%s)", [veto.holder, veto.classes[0]]) if {
	input.facts.actors[veto.holder]
} else := sprintf("body %q (%s only)", [veto.holder, veto.classes[0]])
