# METADATA
# title: No appeal path
# description: |
#   The charter has at least one body that decides functions but no appeal
#   or reconsideration path (accountability.appeals is absent or empty).
#   A deciding body is not counted when the charter gives a recourse of
#   kind ratification or reservation against its decisions
#   (accountability.recourse, naming the body in "of" or omitting "of",
#   which covers every body): its outputs bind only the parties that ratify
#   them or accept them with reservations. The rule is not reported when
#   every deciding body is covered that way; when only some are, it names
#   the others and says which were left out.
#   For a charter that claims neither multistakeholder nor openness, a
#   recourse to courts, a regulator, the market or peers covering a body
#   stands in for an appeal (accountability.recourse).
# custom:
#   id: CL-ACC-001
#   severity: error
#   group: accountability
#   rationale: |
#     A body that makes binding decisions will sometimes get them wrong or
#     break its own rules. If nobody affected can ask for a decision to be
#     looked at again, errors stand and the deciders answer to no one, which
#     contradicts the accountability every multistakeholder charter claims.
#     Established institutions all provide a route: ICANN reconsideration,
#     W3C formal objections, the IETF appeals chain. A treaty conference is
#     different: a revision binds only the states that ratify it, and a
#     state may accept it with reservations, so a state that objects is
#     not bound against its will and needs no appeal. Its recourse is
#     non-ratification and reservation, which the charter records in
#     accountability.recourse. For an arrangement that claims to be
#     multistakeholder or open, only those two kinds stand in for an
#     appeal: the others (leaving, courts, regulators, markets, peer
#     review) act, if at all, after the decision has bound the party that
#     objects to it. A private or national arrangement that claims neither
#     answers to exactly those outside checks, and they are its fitting
#     accountability.
#   citation: NETmundial Multistakeholder Statement (2014), process principles (accountable, checks and balances); IETF RFC 2026 §6.5 (appeals); ICANN Bylaws Art. 4 (reconsideration); W3C Process Document (formal objections); Vienna Convention on the Law of Treaties (1969), Arts. 14 (ratification) and 19-21 (reservations); Grant & Keohane, Accountability and Abuses of Power in World Politics (American Political Science Review 99(1), 2005), on legal, market and peer accountability
#   fail: |
#     "bodies": [{"id": "council", "role": "decision"}],
#     "functions": [{"id": "dns-policy", "decidedBy": "council"}],
#     "accountability": {"reviewCycle": {"years": 5}}
#   pass: |
#     "bodies": [{"id": "council", "role": "decision"}, {"id": "panel", "role": "appeal"}],
#     "functions": [{"id": "dns-policy", "decidedBy": "council"}],
#     "accountability": {"appeals": [{"id": "appeal", "from": "council", "to": "panel", "binding": true}]}
package charterlint.rules.accountability.no_appeal

import data.charterlint.lib

deny contains {
	"pointer": section_pointer,
	"element": input.charter.id,
	"message": sprintf(
		"charter %q has no appeal path (accountability.appeals): decisions of %s cannot be challenged%s%s",
		[input.charter.id, lib.bodies_named(uncovered), lib.consent_left_out, lib.outside_left_out],
	),
} if {
	count(uncovered) > 0
	not input.charter.accountability.appeals[0]
}

uncovered := (lib.deciding_bodies - lib.consent_bound) - lib.answerable_outside

section_pointer := "/accountability" if input.charter.accountability

else := ""
