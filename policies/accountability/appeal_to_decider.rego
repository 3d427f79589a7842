# METADATA
# title: Appeal only to the body that decided
# description: |
#   An appeal path sends a body's decisions back to that same body
#   (reconsideration by the decider), and it is the only route: there is no
#   independent review and no appeal from that body to a different one.
#   Not reported when a recourse of kind ratification or reservation covers
#   the body (accountability.recourse, naming it in "of" or omitting "of"):
#   its outputs bind only the parties that ratify them or accept them with
#   reservations, so the decider is not the only judge (as in CL-ACC-001).
# custom:
#   id: CL-ACC-002
#   severity: warning
#   group: accountability
#   rationale: |
#     Reconsideration by the decider is useful for correcting oversights, but
#     it cannot correct a body that is wrong on purpose or captured: nobody is
#     a fair judge of their own case. When it is the only route, a challenger
#     can only ask the same people to change their minds. ICANN pairs Board
#     reconsideration with a binding Independent Review Process for this
#     reason; a charter with reconsideration alone has no check on the
#     decider. A treaty conference that reconsiders its own revisions is
#     not in that position: each state judges a revision for itself when it
#     decides whether to ratify it, or with which reservations.
#   citation: NETmundial Multistakeholder Statement (2014), process principles (accountable, checks and balances); Vienna Convention on the Law of Treaties (1969), Arts. 14 (ratification) and 19-21 (reservations)
#   fail: |
#     "accountability": {"appeals": [
#       {"id": "review", "from": "board", "to": "board", "binding": true}]}
#   pass: |
#     "accountability": {
#       "appeals": [{"id": "reconsideration", "from": "board", "to": "board"}],
#       "independentReview": {"id": "irp", "body": "panel", "binding": true}}
package charterlint.rules.accountability.appeal_to_decider

import data.charterlint.lib

deny contains {
	"pointer": sprintf("/accountability/appeals/%d", [i]),
	"element": appeal.id,
	"message": sprintf(
		"appeal %q sends decisions of body %q back to %q itself, and there is no independent review or appeal to another body: the decider is the only judge of its own decisions",
		[appeal.id, appeal.from, appeal.to],
	),
} if {
	accountability := object.get(input.charter, "accountability", {})
	not accountability.independentReview
	some i, appeal in object.get(accountability, "appeals", [])
	appeal.from == appeal.to
	not appealable_elsewhere(appeal.from)
	not lib.bound_by_consent(appeal.from)
}

# appealable_elsewhere holds when some appeal covers body (names it, or names
# no body and so covers all) and is heard by a different body.
appealable_elsewhere(body) if {
	some appeal in input.charter.accountability.appeals
	object.get(appeal, "from", body) == body
	appeal.to != body
}
