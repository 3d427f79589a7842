# METADATA
# title: Voting seats with no selection procedure
# description: |
#   A group of seats with a full or limited vote does not say how its
#   holders are chosen or by whom (no selection).
# custom:
#   id: CL-PRC-004
#   severity: warning
#   group: process
#   rationale: |
#     Whoever chooses the holders of a voting seat controls that vote. A seat
#     group whose selection is not written down cannot be checked for capture:
#     an election by a constituency, an appointment by a minister and a
#     co-option by the sitting members look the same on paper. Stating the
#     method and the selectors lets participants know how to take part and
#     lets reviewers see who really holds the vote.
#   citation: NETmundial+10 São Paulo Multistakeholder Guidelines (2024), rules for who may take part; NETmundial Multistakeholder Statement (2014), process principles (transparent, accountable)
#   fail: |
#     "bodies": [{"id": "board", "role": "decision", "seats": [
#       {"id": "directors", "actor": "members", "count": 7, "vote": "full"}]}]
#   pass: |
#     "bodies": [{"id": "board", "role": "decision", "seats": [
#       {"id": "directors", "actor": "members", "count": 7, "vote": "full",
#        "selection": {"method": "election", "by": ["members"]}}]}]
package charterlint.rules.process.undocumented_selection

import data.charterlint.lib

deny contains {
	"pointer": seat.pointer,
	"element": seat.id,
	"message": sprintf(
		"seat group %q on body %q: %s with a %s vote, but no selection says how the holders are chosen or by whom",
		[seat.id, seat.body, lib.seats_text(seat.count), vote],
	),
} if {
	some i
	input.facts.seats[i].selection == ""
	seat := input.facts.seats[i]
	vote := seat.vote
	vote != "none"
}
