# METADATA
# title: Overseer depends on the body it oversees
# description: |
#   A body oversees another (body.oversees) but depends on it: it is funded
#   by the overseen body, or by an actor or body that holds votes (a full
#   or limited vote in a seat of its own) or a veto on the overseen body
#   (body.fundedBy); or its first members were appointed by the overseen
#   body or by such an actor or body (body.firstAppointedBy). One finding
#   is given per overseer, overseen body and kind of dependence, at the
#   overseer's fundedBy or firstAppointedBy.
# custom:
#   id: CL-ACC-008
#   severity: warning
#   group: accountability
#   rationale: |
#     Grant and Keohane describe accountability as the ability of some
#     actors to hold others to standards, to judge whether they met them
#     and to impose consequences when they did not; among its mechanisms
#     they count fiscal accountability, through which those who fund an
#     agent can demand reports from it and sanction it, and supervisory
#     accountability, through which those who govern an organisation can
#     restrain it or remove its leaders. An overseer funded by the body it
#     oversees, or by those who vote on that body, is exposed to exactly
#     those sanctions from the party it should hold to account: the
#     relation runs the wrong way, and the overseer has reason to go easy on
#     those who pay for it. An overseer whose first members the overseen
#     body chose starts out as that body's selection. Treating funding and
#     first appointments as a loss of the overseer's independence is this
#     project's operationalisation of their account, not a test the authors
#     state; the rule reports a dependence the charter records, not that the
#     overseer is in fact captured.
#   citation: Grant & Keohane, "Accountability and Abuses of Power in World Politics", American Political Science Review 99(1), 2005, pp. 29-43 (accountability as holding to standards, judging and sanctioning; fiscal and supervisory accountability); applied to the independence of overseers as charterlint's operationalisation
#   fail: |
#     "bodies": [
#       {"id": "registry-board", "role": "decision", "seats": [
#         {"id": "registrar-directors", "actor": "registrars", "count": 5, "vote": "full"}]},
#       {"id": "oversight-committee", "role": "oversight", "oversees": ["registry-board"],
#         "fundedBy": ["registry-board"]}]
#   pass: |
#     "bodies": [
#       {"id": "registry-board", "role": "decision", "seats": [
#         {"id": "registrar-directors", "actor": "registrars", "count": 5, "vote": "full"}]},
#       {"id": "oversight-committee", "role": "oversight", "oversees": ["registry-board"],
#         "fundedBy": ["ministry"]}]
package charterlint.rules.accountability.overseer_dependence

# dependences are the kinds of dependence the rule checks, by the body
# field that records them, and how a message names them.
dependences := {
	"fundedBy": "funded by",
	"firstAppointedBy": "first members appointed by",
}

deny contains {
	"pointer": sprintf("%s/%s", [overseer.pointer, field]),
	"element": id,
	"message": sprintf(
		"body %q oversees body %q but depends on it: %s %s",
		[id, overseen, phrase, concat("; ", sort(why))],
	),
} if {
	some id, overseer in input.facts.bodies
	some overseen in object.get(overseer, "oversees", [])
	overseen != id
	some field, phrase in dependences
	why := {dependence(x, overseen) | some x in object.get(overseer, field, [])}
	count(why) > 0
}

# dependence says how x ties the overseer to the overseen body: x is that
# body, or holds votes or a veto on it. Undefined otherwise.
dependence(x, body) := sprintf("%q itself", [x]) if {
	x == body
} else := sprintf("%q, which holds votes on it", [x]) if {
	holds_votes(x, body)
} else := sprintf("%q, which holds a veto on it", [x]) if {
	holds_veto(x, body)
}

# holds_votes holds when x sits on body in a seat of its own with a full or
# limited vote.
holds_votes(x, body) if {
	some seat in input.facts.seats
	seat.body == body
	seat.actor == x
	seat.vote in {"full", "limited"}
}

# holds_veto holds when x holds a veto over body's decisions, of any scope.
holds_veto(x, body) if {
	some veto in input.facts.bodies[body].vetoes
	veto.holder == x
}
