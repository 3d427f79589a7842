# METADATA
# title: Voting body without a quorum
# description: |
#   A body that decides functions by vote (majority, supermajority or
#   unanimity) sets no quorum (decision.quorum): nothing says how many of its
#   voting members must take part for a decision to be valid.
# custom:
#   id: CL-PRC-002
#   severity: warning
#   group: process
#   rationale: |
#     Without a quorum, a vote is valid however few members attend, so a
#     small group that controls the timing or place of a meeting can decide
#     for everyone. A quorum makes sure that a decision reflects the body as
#     composed by the charter, with the balance of classes the charter set up,
#     rather than whoever happened to be in the room. Bodies deciding by
#     consensus are left to the consensus rules.
#   citation: NETmundial+10 São Paulo Multistakeholder Guidelines (2024), clear process steps and balanced representation; NETmundial Multistakeholder Statement (2014), process principles (accountable, equitable)
#   fail: |
#     "bodies": [{"id": "board", "role": "decision",
#       "seats": [{"id": "directors", "actor": "members", "count": 9, "vote": "full"}],
#       "decision": {"method": "majority"}}],
#     "functions": [{"id": "policy", "decidedBy": "board"}]
#   pass: |
#     "bodies": [{"id": "board", "role": "decision",
#       "seats": [{"id": "directors", "actor": "members", "count": 9, "vote": "full"}],
#       "decision": {"method": "majority", "quorum": 0.5}}],
#     "functions": [{"id": "policy", "decidedBy": "board"}]
package charterlint.rules.process.no_quorum

import data.charterlint.lib

deny contains {
	"pointer": concat("", [body.pointer, "/decision"]),
	"element": id,
	"message": sprintf(
		"body %q decides %s by %s vote but sets no quorum (decision.quorum): nothing stops a few of %s from deciding for all",
		[id, concat(", ", sort(body.decides)), body.decision.method, members_text(body)],
	),
} if {
	some id in lib.deciding_bodies
	body := input.facts.bodies[id]
	body.decision.method in {"majority", "supermajority", "unanimity"}
	body.decision.quorum == null
}

members_text(facts) := sprintf("its %d voting members", [facts.votingSeats]) if {
	object.get(facts, "votingSeats", 0) > 1
} else := "its members"
