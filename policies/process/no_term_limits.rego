# METADATA
# title: Voting seats without term limits
# description: |
#   A group of voting seats on a body that decides functions has no term, or
#   a term without a limit on consecutive terms (term.maxConsecutive). Seats
#   held ex officio, seats open to anyone who turns up (self-selection) and a
#   member's own delegation (seats appointed by the actor that holds them,
#   with no term) are not checked: none of them is an office of its own to limit.
# custom:
#   id: CL-PRC-005
#   severity: info
#   group: process
#   rationale: |
#     Decision power held without end tends to entrench: long-serving members
#     build networks that decide who follows them, and new entrants, new
#     constituencies and new views find the seats taken. Fixed terms with a
#     limit on re-appointment force rotation and give the selectors a regular
#     chance to change course. It is a good-practice gap rather than a
#     defect: a capable holder may deserve re-election, but the charter
#     should say how often.
#   citation: NETmundial Multistakeholder Statement (2014), process principles (accountable, inclusive and equitable); DeNardis & Raymond, Thinking Clearly about Multistakeholder Internet Governance (GigaNet 2013), on arrangements that protect incumbents (term limits as charterlint's operationalisation); ICANN Bylaws Art. 7 (a director serves at most three consecutive terms)
#   fail: |
#     "bodies": [{"id": "board", "role": "decision", "seats": [
#       {"id": "directors", "actor": "members", "count": 7, "vote": "full",
#        "selection": {"method": "election", "by": ["members"]}, "term": {"years": 3}}]}],
#     "functions": [{"id": "policy", "decidedBy": "board"}]
#   pass: |
#     "bodies": [{"id": "board", "role": "decision", "seats": [
#       {"id": "directors", "actor": "members", "count": 7, "vote": "full",
#        "selection": {"method": "election", "by": ["members"]},
#        "term": {"years": 3, "maxConsecutive": 3}}]}],
#     "functions": [{"id": "policy", "decidedBy": "board"}]
package charterlint.rules.process.no_term_limits

import data.charterlint.lib

deny contains {
	"pointer": seat.pointer,
	"element": seat.id,
	"message": sprintf(
		"seat group %q on deciding body %q: %s with a %s vote %s, so the same holders may serve indefinitely",
		[seat.id, seat.body, lib.seats_text(seat.count), vote, gap(seat)],
	),
} if {
	some i
	input.facts.seats[i].maxConsecutive == 0
	seat := input.facts.seats[i]
	seat.deciding
	vote := seat.vote
	vote != "none"
	# Ex-officio and self-selected seats have no term of their own to limit.
	not seat.selection in {"ex-officio", "self-selection"}
	not seat.delegation
}

# A delegation (facts: seat.delegation) belongs to the member, which replaces its
# delegates at will, and a limit would apply to the member itself.
# Reserved seats for named firms are the incumbent-capture rules' concern.
gap(seat) := sprintf("and %v-year terms but no limit on consecutive terms (term.maxConsecutive)", [seat.termYears]) if {
	seat.termYears > 0
} else := "and no term or limit on consecutive terms (term)"
