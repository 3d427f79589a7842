# METADATA
# title: Deciding body too large to deliberate
# description: |
#   A body that decides at least one function has more voting seats than
#   the team's ceiling (25 unless the rules' data sets
#   custom.acme.max_voting_seats).
# custom:
#   id: ACME-001
#   severity: warning
#   group: acme
#   rationale: |
#     Past a few dozen voting members a body can ratify but no longer
#     deliberate: debate moves to an executive committee or to the staff
#     who draft the papers, and the seats that look like shared power are
#     a formality. A body that decides needs to be small enough for every
#     member to be heard before the vote.
#   citation: Acme governance review guidance (2025), §2.1; compare ICANN's 16 voting directors (ICANN Bylaws Art. 7)
#   fail: |
#     "bodies": [{"id": "council", "role": "decision", "seats": [
#       {"id": "members", "actor": "members", "count": 40, "vote": "full"}]}],
#     "functions": [{"id": "policy", "category": "access-and-interconnection",
#       "modality": "private", "decidedBy": "council"}]
#   pass: |
#     "bodies": [{"id": "council", "role": "decision", "seats": [
#       {"id": "members", "actor": "members", "count": 12, "vote": "full"}]}],
#     "functions": [{"id": "policy", "category": "access-and-interconnection",
#       "modality": "private", "decidedBy": "council"}]
package acme.board_size

# The built-in pack's helpers are available to your rules:
# lib.deciding_bodies is the ids of the bodies that decide a function.
import data.charterlint.lib

# max_voting_seats is the ceiling; a team changes it without editing the
# rule, with --data FILE holding {"custom": {"acme": {"max_voting_seats": 30}}}.
max_voting_seats := object.get(data.charterlint.config, ["custom", "acme", "max_voting_seats"], 25)

deny contains {
	"pointer": body.pointer,
	"element": id,
	"message": sprintf("body %q decides %s with %d voting seats; our ceiling is %d", [id, concat(", ", body.decides), body.votingSeats, max_voting_seats]),
} if {
	some id in lib.deciding_bodies
	body := input.facts.bodies[id]
	body.votingSeats > max_voting_seats
}
