# METADATA
# title: Seats reserved for named organisations
# description: |
#   A body that decides functions reserves seats for a single, named
#   organisation rather than for a constituency that chooses its own
#   representatives: any seat of a named firm, and a voting seat of a
#   named state, intergovernmental organisation, technical or civil
#   society organisation. A body where only named states or
#   intergovernmental organisations vote (a council of states parties) is
#   not reported for their seats: each seat is a member's membership. A
#   body on which the organisation holds every seat (its own internal
#   body, where nobody else sits) is not reported: nothing is reserved
#   against anyone.
# custom:
#   id: CL-INC-003
#   severity: warning
#   group: incumbent
#   rationale: |
#     A seat written into the charter for one company entrenches that
#     company: its place at the table does not depend on elections, merit
#     or the market, and competitors that arrive later cannot claim the
#     same. Seats for constituencies (registries, operators, users) leave
#     the choice of representatives to the class; seats for named firms
#     preserve the advantage of today's incumbents. The same holds for a
#     vote reserved to a named state or a named technical body: incumbency
#     is not a matter of class, and a permanent seat for one ministry or
#     one standards body shuts out its peers as surely as one for a firm.
#     Treating reserved seats as incumbent capture is charterlint's
#     operationalisation of the concern, not a mechanism the authors name.
#   citation: DeNardis & Raymond, Thinking Clearly about Multistakeholder Internet Governance (GigaNet 2013), on arrangements that protect incumbents against new entrants, public or private (reserved seats for named organisations as charterlint's operationalisation); NETmundial+10 São Paulo Multistakeholder Guidelines (2024), rules for who may take part and balanced representation
#   fail: |
#     "actors": [{"id": "meridian", "name": "Meridian Telecom plc", "class": "private-sector",
#       "kind": "organisation"},
#       {"id": "operators", "name": "Network operators", "class": "private-sector"}],
#     "bodies": [{"id": "board", "role": "decision", "seats": [
#       {"id": "meridian-seat", "actor": "meridian", "vote": "full"},
#       {"id": "operator-seats", "actor": "operators", "count": 3, "vote": "full",
#         "selection": {"method": "election", "by": ["operators"]}}]}],
#     "functions": [{"id": "peering", "category": "access-and-interconnection",
#       "modality": "private", "decidedBy": "board"}]
#   pass: |
#     "actors": [{"id": "operators", "name": "Network operators", "class": "private-sector"}],
#     "bodies": [{"id": "board", "role": "decision", "seats": [
#       {"id": "operator-seats", "actor": "operators", "count": 3, "vote": "full",
#         "selection": {"method": "election", "by": ["operators"]}}]}],
#     "functions": [{"id": "peering", "category": "access-and-interconnection",
#       "modality": "private", "decidedBy": "board"}]
package charterlint.rules.incumbent.reserved_seats_named_firms

import data.charterlint.lib

deny contains {
	"pointer": seat.pointer,
	"element": seat.id,
	"message": sprintf(
		"seat group %q on body %q: %s %s reserved for the named %s %q%s",
		[seat.id, seat.body, seats_text(seat), verb(seat), lib.organisation_text(actor.class), seat.actor, incumbent_text(actor)],
	),
} if {
	some i
	input.facts.seats[i].deciding
	seat := input.facts.seats[i]
	actor := input.facts.actors[seat.actor]
	actor.organisation
	reserved(actor, seat)
	not own_body(seat)
}

# reserved: any seat of a named firm; a voting seat of a named
# organisation of another class (a state, an IGO, a technical body).
# Liaison and observer seats of such organisations reserve no say.
reserved(actor, _) if actor.class == "private-sector"

reserved(actor, seat) if {
	actor.class != "private-sector"
	seat.vote != "none"
	not seat.body in state_bodies
}

# state_bodies are the bodies whose every vote is cast by a named state or
# intergovernmental organisation: a council of states parties, where each
# member's seat is its membership, not a seat reserved against its peers.
state_bodies := {s.body | some s in input.facts.seats} - {s.body |
	some s in input.facts.seats
	s.vote != "none"
	not named_governmental(s.actor)
}

named_governmental(id) if {
	input.facts.actors[id].organisation
	input.facts.actors[id].governmental
}


# own_body: the organisation holds every seat group of the body,
# liaisons and observers included, and nobody else takes part in it.
own_body(seat) if {
	holders[seat.body] == {seat.actor}
	input.facts.bodies[seat.body].participants == 0
}

# holders are the actors holding seats on each body, found in one pass.
holders := {body: {s.actor | some s in input.facts.seats; s.body == body} | some body in {s.body | some s in input.facts.seats}}

# seats_text counts the seats of a group and says how they vote.
seats_text(seat) := sprintf("%d %s %s", [seat.count, noun(seat.count), vote_text[seat.vote]])

noun(n) := "seat" if {
	n == 1
} else := "seats"

verb(seat) := "is" if {
	seat.count == 1
} else := "are"

vote_text := {
	"full": "with a full vote",
	"limited": "with a limited vote",
	"none": "without a vote",
}

incumbent_text(actor) := ", an incumbent" if {
	actor.incumbent
} else := ""
