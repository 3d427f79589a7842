# METADATA
# title: Any single incumbent can block charter changes
# description: |
#   A body of several members on which named incumbent organisations vote
#   changes the charter by unanimity (a bylaws rule in decision.matters,
#   or, for a body that decides functions, unanimity for every decision),
#   or each of its members holds a veto over bylaw changes (veto.each):
#   any one incumbent can keep the rules as they are.
# custom:
#   id: CL-INC-007
#   severity: warning
#   group: incumbent
#   rationale: |
#     The rules of an arrangement say who may join, who holds seats and
#     how votes count. When every member must agree to change them, each
#     incumbent can defend the position the rules give it against any
#     reform, however broad the support for it, and newcomers can never
#     outvote those who were there first. Consensus among equals is a
#     virtue for technical work; a veto for each incumbent over the
#     constitution is entrenchment. Treating a veto for each incumbent
#     over the rules as incumbent capture is charterlint's
#     operationalisation of the concern, not a mechanism the authors name.
#   citation: DeNardis & Raymond, Thinking Clearly about Multistakeholder Internet Governance (GigaNet 2013), on arrangements that protect incumbents (unanimity over the rules as charterlint's operationalisation); NETmundial+10 São Paulo Multistakeholder Guidelines (2024), on processes that can be reviewed and improved
#   fail: |
#     "actors": [{"id": "alpha", "name": "Alpha Browsers Inc.", "class": "private-sector",
#       "kind": "organisation", "incumbent": true},
#       {"id": "beta", "name": "Beta Software Ltd", "class": "private-sector",
#       "kind": "organisation", "incumbent": true}],
#     "bodies": [{"id": "steering", "role": "decision", "seats": [
#       {"id": "alpha-seat", "actor": "alpha", "vote": "full"},
#       {"id": "beta-seat", "actor": "beta", "vote": "full"}],
#       "decision": {"method": "majority",
#         "matters": [{"matter": "bylaws", "method": "unanimity"}]}}]
#   pass: |
#     "bodies": [{"id": "steering", "role": "decision", "seats": [
#       {"id": "alpha-seat", "actor": "alpha", "vote": "full"},
#       {"id": "beta-seat", "actor": "beta", "vote": "full"}],
#       "decision": {"method": "majority",
#         "matters": [{"matter": "bylaws", "method": "supermajority", "threshold": 0.75}]}}]
package charterlint.rules.incumbent.incumbents_block_charter_changes

import data.charterlint.lib

deny contains {
	"pointer": pointer,
	"element": id,
	"message": sprintf(
		"body %q: any one of its members, among them %s, can block a change to the charter (%s)",
		[id, lib.incumbents_text(incumbents), how],
	),
} if {
	some [id, pointer, how] in blocks
	object.get(input.facts.bodies[id], "votingSeats", 0) > 1
	incumbents := sort({seat.actor |
		some seat in input.facts.seats
		seat.body == id
		seat.vote == "full"
		input.facts.actors[seat.actor].incumbent
		input.facts.actors[seat.actor].organisation
	})
	count(incumbents) > 0
}

# blocks are the places where a body's rules let each member block a
# bylaw change, as [body, pointer, words].
blocks contains [id, concat("/", [body.pointer, "decision", rule.field]), "bylaw changes need unanimity"] if {
	some id, body in input.facts.bodies
	some rule in body.decision.rules
	rule.matter == "bylaws"
	rule.method == "unanimity"
}

blocks contains [id, concat("", [body.pointer, "/decision"]), "every decision needs unanimity"] if {
	some id, body in input.facts.bodies
	body.decision.method == "unanimity"
	count(object.get(body, "decides", [])) > 0
	not bylaws_rule(id)
}

blocks contains [id, veto.pointer, sprintf("each member holds veto %q over bylaw changes", [veto.id])] if {
	some id, body in input.facts.bodies
	some veto in body.vetoes
	veto.each
	veto.holder == id
	veto.scope in {"bylaws", "all"}
}

bylaws_rule(id) if {
	some rule in input.facts.bodies[id].decision.rules
	rule.matter == "bylaws"
}
