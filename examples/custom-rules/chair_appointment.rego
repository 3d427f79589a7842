# METADATA
# title: Chair chosen by a single actor
# description: |
#   The chair of a body that decides at least one function is chosen by one
#   actor alone (one government, firm or organisation, or one
#   constituency), rather than by the body's members or by a body that
#   several classes sit on.
# custom:
#   id: ACME-002
#   severity: warning
#   group: acme
#   rationale: |
#     The chair sets the agenda, recognises speakers, and in bodies that
#     decide by consensus declares whether consensus has been reached. When
#     one actor alone picks who holds that seat, it holds a lever over every
#     decision of the body that its share of the votes does not show: power
#     that the vote count calls shared is, in part, delegated by one
#     stakeholder.
#   citation: RFC 7282, On Consensus and Humming in the IETF (2014), on the chair's role in judging rough consensus; NETmundial+10 São Paulo Multistakeholder Guidelines (2024), balanced representation
#   fail: |
#     "actors": [{"id": "ministry", "name": "Ministry", "class": "government", "kind": "organisation"}, ...],
#     "bodies": [{"id": "board", "role": "decision", "seats": [
#       {"id": "chair", "actor": "ministry", "vote": "full", "kind": "chair",
#        "selection": {"method": "appointment", "by": ["ministry"]}}, ...]}]
#   pass: |
#     "bodies": [{"id": "board", "role": "decision", "seats": [
#       {"id": "chair", "appointedBy": "board", "vote": "full", "kind": "chair",
#        "selection": {"method": "election", "by": ["board"]}}, ...]}]
package acme.chair_appointment

deny contains {
	"pointer": seat.pointer,
	"element": seat.body,
	"message": sprintf("body %q: its chair (seat %q) is chosen by %s alone", [seat.body, seat.id, actor_name(who)]),
} if {
	# input.facts.seats lists every seat group of the charter, with the
	# body it sits on and who selects its holders.
	some seat in input.facts.seats
	seat.kind == "chair"
	seat.deciding
	choosers := {c | some c in seat.selectedBy} | {c | c := seat.appointedBy; c != ""}
	count(choosers) == 1
	some who in choosers

	# An actor, not a body: a body's members choosing their chair is the
	# collegial case.
	input.facts.actors[who]
}

# actor_name reads the actor's name from the charter as written.
actor_name(id) := sprintf("%s (%s)", [a.name, id]) if {
	some a in input.charter.actors
	a.id == id
} else := id
