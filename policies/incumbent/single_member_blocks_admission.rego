# METADATA
# title: Any single member can block admission
# description: |
#   Any one member can keep a newcomer out: a veto over admissions (or over
#   every decision of the body that admits members) is held by each member
#   of a constituency or body on its own (veto.each), or a body decides
#   admissions by unanimity (decision.matters). A veto over admissions held
#   by an incumbent is left to CL-INC-002, and a unanimity rule for
#   admissions is not reported again beside a per-member veto over them.
# custom:
#   id: CL-INC-005
#   severity: warning
#   group: incumbent
#   rationale: |
#     When admission needs the consent of every member, each of them can
#     refuse a competitor or a rival without giving reasons and without
#     having to persuade anyone else. The members already inside then
#     decide, one by one, who may join them: the arrangement protects those
#     present against new entrants rather than staying open to all who
#     qualify. Treating a per-member admission veto as incumbent capture is
#     charterlint's operationalisation of the concern, not a mechanism the
#     authors name.
#   citation: DeNardis & Raymond, Thinking Clearly about Multistakeholder Internet Governance (GigaNet 2013), on arrangements that shut out new entrants (operationalised by charterlint); NETmundial Multistakeholder Statement (2014), process principles (inclusive and equitable; access and low barriers)
#   fail: |
#     "actors": [{"id": "carriers", "name": "Member carriers", "class": "private-sector"}],
#     "bodies": [{"id": "assembly", "role": "decision", "seats": [
#       {"id": "carrier-seats", "actor": "carriers", "count": 12, "vote": "full"}],
#       "vetoes": [{"id": "admission-objection", "holder": "carriers", "each": true, "scope": "admission"}]}],
#     "functions": [{"id": "peering", "category": "access-and-interconnection",
#       "modality": "private", "decidedBy": "assembly"}]
#   pass: |
#     "actors": [{"id": "carriers", "name": "Member carriers", "class": "private-sector"}],
#     "bodies": [{"id": "assembly", "role": "decision", "seats": [
#       {"id": "carrier-seats", "actor": "carriers", "count": 12, "vote": "full"}],
#       "decision": {"method": "majority",
#         "matters": [{"matter": "admission", "method": "supermajority", "threshold": 0.667}]}}],
#     "functions": [{"id": "peering", "category": "access-and-interconnection",
#       "modality": "private", "decidedBy": "assembly"}]
package charterlint.rules.incumbent.single_member_blocks_admission

# A veto held by each member of its holder, over admissions or over every
# decision of the body that admits members.
deny contains {
	"pointer": veto.pointer,
	"element": veto.id,
	"message": sprintf(
		"body %q: any single member of %s can block the admission of a newcomer (veto %q, %s)",
		[id, holder_text(veto.holder), veto.id, scope_text[veto.scope]],
	),
} if {
	some id, body in input.facts.bodies
	some veto in body.vetoes
	veto.each
	covers_admission(id, veto.scope)
	not input.facts.actors[veto.holder].organisation
	not incumbent_admission_veto(veto)
}

# A body that decides admissions by unanimity: each of its voting members
# can block. When a per-member veto over admissions says the same on the
# body (reported above, or by CL-INC-002), that veto is the one reported.
deny contains {
	"pointer": sprintf("%s/decision/%s", [body.pointer, rule.field]),
	"element": id,
	"message": sprintf(
		"body %q: any single member of body %q can block the admission of a newcomer (admissions need unanimity, decision.matters)",
		[id, id],
	),
} if {
	some id, body in input.facts.bodies
	some rule in body.decision.rules
	rule.matter == "admission"
	rule.method == "unanimity"
	body.votingSeats > 1
	not per_member_admission_veto(id)
}

per_member_admission_veto(id) if {
	some veto in input.facts.bodies[id].vetoes
	veto.each
	covers_admission(id, veto.scope)
	not input.facts.actors[veto.holder].organisation
}

# covers_admission: a veto over admissions always covers them; a veto over
# every decision covers them on the body that admits members.
covers_admission(_, "admission")

covers_admission(id, "all") if admits(id)

# admits: the body approves applications for membership, or its decision
# rules name admissions.
admits(id) if input.charter.participation.admission.approvedBy == id

admits(id) if {
	some rule in input.facts.bodies[id].decision.rules
	rule.matter == "admission"
}

# incumbent_admission_veto is the case CL-INC-002 reports, as an error: a
# veto over admissions held by an incumbent.
incumbent_admission_veto(veto) if {
	veto.scope == "admission"
	veto.incumbent
}

holder_text(holder) := sprintf("the constituency %q", [holder]) if {
	input.facts.actors[holder]
} else := sprintf("body %q", [holder])

scope_text := {
	"admission": "over admissions",
	"all": "over every decision, admissions included",
}
