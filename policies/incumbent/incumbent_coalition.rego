# METADATA
# title: Named incumbents can carry decisions together
# description: |
#   On a body that decides functions, the named organisations marked as
#   incumbents hold, between them, enough votes to carry an ordinary
#   decision under the body's rules (houses, vetoes and weighted votes
#   included), although no actor class can carry one alone. A class that
#   carries alone is CL-CAP-005's case, or a single-class body.
# custom:
#   id: CL-INC-006
#   severity: warning
#   group: incumbent
#   rationale: |
#     Class shares can look balanced while a handful of established firms
#     or agencies, each seated in its own name, are enough between them to
#     pass anything: together they need nobody else, newcomers and the
#     other members included. The arrangement then protects those already
#     inside, whatever the spread of seats across classes suggests. Treating
#     a winning coalition of named incumbents as incumbent capture is
#     charterlint's operationalisation of the concern, not a mechanism the
#     authors name; the coalition is found in the body's voting game
#     (Banzhaf 1965), not from seat counts alone.
#   citation: DeNardis & Raymond, Thinking Clearly about Multistakeholder Internet Governance (GigaNet 2013), on arrangements that protect incumbents against new entrants (operationalised by charterlint); Banzhaf, Weighted Voting Doesn't Work (Rutgers Law Review 19, 1965), on winning coalitions
#   fail: |
#     "actors": [{"id": "meridian", "name": "Meridian Telecom", "class": "private-sector",
#       "kind": "organisation", "incumbent": true},
#       {"id": "nic", "name": "National registry", "class": "technical-community",
#       "kind": "organisation", "incumbent": true},
#       {"id": "operators", "name": "Other operators", "class": "private-sector"},
#       {"id": "users", "name": "Users", "class": "civil-society"}],
#     "bodies": [{"id": "board", "role": "decision", "seats": [
#       {"id": "meridian-seats", "actor": "meridian", "count": 3, "vote": "full"},
#       {"id": "nic-seats", "actor": "nic", "count": 3, "vote": "full"},
#       {"id": "operator-seats", "actor": "operators", "count": 2, "vote": "full"},
#       {"id": "user-seats", "actor": "users", "count": 3, "vote": "full"}]}],
#     "functions": [{"id": "peering", "category": "access-and-interconnection",
#       "modality": "multistakeholder", "decidedBy": "board"}]
#   pass: |
#     "actors": [{"id": "meridian", "name": "Meridian Telecom", "class": "private-sector",
#       "kind": "organisation", "incumbent": true},
#       {"id": "nic", "name": "National registry", "class": "technical-community",
#       "kind": "organisation", "incumbent": true},
#       {"id": "operators", "name": "Other operators", "class": "private-sector"},
#       {"id": "users", "name": "Users", "class": "civil-society"}],
#     "bodies": [{"id": "board", "role": "decision", "seats": [
#       {"id": "meridian-seats", "actor": "meridian", "count": 3, "vote": "full"},
#       {"id": "nic-seats", "actor": "nic", "count": 3, "vote": "full"},
#       {"id": "operator-seats", "actor": "operators", "count": 2, "vote": "full"},
#       {"id": "user-seats", "actor": "users", "count": 5, "vote": "full"}]}],
#     "functions": [{"id": "peering", "category": "access-and-interconnection",
#       "modality": "multistakeholder", "decidedBy": "board"}]
package charterlint.rules.incumbent.incumbent_coalition

import data.charterlint.lib

deny contains {
	"pointer": body.pointer,
	"element": id,
	"message": sprintf(
		"body %q: the incumbent organisations %s can together carry an ordinary decision under its rule (%s), although no class can carry one alone",
		[id, concat(", ", [sprintf("%q (%d of %d votes)", [name, votes(power, name), body.totalVotes]) | some name in coalition]), power.rule],
	),
} if {
	some id in lib.deciding_bodies
	body := input.facts.bodies[id]
	power := body.power
	coalition := power.incumbentCoalition
	count(coalition) > 0
	not class_carries(power)
}

# class_carries: an actor class (not the mixed seats) carries an ordinary
# decision alone.
class_carries(power) if {
	some name in power.carriers
	name != "mixed"
}

# votes are an organisation's full votes on the body.
votes(power, name) := sum([b.votes | some b in power.organisations; b.name == name])
