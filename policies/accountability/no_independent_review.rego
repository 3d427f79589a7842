# METADATA
# title: No independent review
# description: |
#   The charter has bodies that decide functions but no review of their
#   decisions by a panel independent of the deciders
#   (accountability.independentReview). As for CL-ACC-001, a deciding body
#   is not counted when a recourse of kind ratification or reservation
#   covers it (accountability.recourse, naming the body in "of" or omitting
#   "of"): its outputs bind only the parties that ratify them or accept
#   them with reservations. The rule is not reported when every deciding
#   body is covered that way; when only some are, it names the others and
#   says which were left out.
#   For a charter that claims neither multistakeholder nor openness, a
#   recourse to courts, a regulator, the market or peers covering a body
#   stands in for an independent review (accountability.recourse).
# custom:
#   id: CL-ACC-003
#   severity: warning
#   group: accountability
#   rationale: |
#     Appeals inside an institution are heard by people who share its
#     interests and often owe their seats to the same selectors. Review by a
#     panel that is independent of the deciders is the check that still works
#     when the institution as a whole is wrong or captured. ICANN's
#     Independent Review Process was strengthened in the IANA transition for
#     exactly this reason. An advisory forum that decides nothing has no
#     decisions to review and is not checked. Nor is a treaty conference
#     whose revisions bind only the states that ratify them: a state that
#     finds a revision wrong does not ratify it, or ratifies it with
#     reservations, and is not bound against its will while it waits for a
#     review.
#   citation: NTIA IANA transition criteria (2014) and the ICANN accountability reforms (Independent Review Process); NETmundial Multistakeholder Statement (2014), process principles (accountable, checks and balances); ICANN Bylaws Art. 4 (reconsideration and the Independent Review Process); Vienna Convention on the Law of Treaties (1969), Arts. 14 (ratification) and 19-21 (reservations); Grant & Keohane, Accountability and Abuses of Power in World Politics (American Political Science Review 99(1), 2005), on legal, market and peer accountability
#   fail: |
#     "functions": [{"id": "dns-policy", "decidedBy": "board"}],
#     "accountability": {"appeals": [{"id": "a", "from": "board", "to": "committee"}]}
#   pass: |
#     "functions": [{"id": "dns-policy", "decidedBy": "board"}],
#     "accountability": {"independentReview": {"id": "irp", "body": "panel", "binding": true}}
package charterlint.rules.accountability.no_independent_review

import data.charterlint.lib

deny contains {
	"pointer": section_pointer,
	"element": input.charter.id,
	"message": sprintf(
		"charter %q provides no independent review (accountability.independentReview) of the decisions of %s%s%s",
		[input.charter.id, lib.bodies_named(uncovered), lib.consent_left_out, lib.outside_left_out],
	),
} if {
	count(uncovered) > 0
	not input.charter.accountability.independentReview
}

uncovered := (lib.deciding_bodies - lib.consent_bound) - lib.answerable_outside

section_pointer := "/accountability" if input.charter.accountability

else := ""
