# METADATA
# title: Appeal or review without a deadline
# description: |
#   An appeal path, or the independent review, sets no number of days within
#   which it must be decided (deadlineDays).
# custom:
#   id: CL-ACC-005
#   severity: info
#   group: accountability
#   rationale: |
#     A challenge that can be left pending indefinitely is a challenge the
#     deciders can defeat by waiting: the contested decision takes effect,
#     and by the time the appeal is heard the harm is done. A stated deadline
#     tells challengers when to expect an answer and lets them escalate when
#     it does not come. ICANN's bylaws, for example, fix time limits for
#     reconsideration and independent review.
#   citation: NETmundial Multistakeholder Statement (2014), process principles (accountable); NETmundial+10 São Paulo Multistakeholder Guidelines (2024), clear process steps and accountability for outcomes
#   fail: |
#     "accountability": {"appeals": [{"id": "appeal", "from": "wg", "to": "chairs"}]}
#   pass: |
#     "accountability": {"appeals": [{"id": "appeal", "from": "wg", "to": "chairs", "deadlineDays": 28}]}
package charterlint.rules.accountability.no_deadlines

deny contains {
	"pointer": sprintf("/accountability/appeals/%d", [i]),
	"element": appeal.id,
	"message": sprintf(
		"appeal %q from %s to body %q sets no deadline (deadlineDays), so a challenge can be left pending indefinitely",
		[appeal.id, appealed(appeal), appeal.to],
	),
} if {
	some i, appeal in object.get(input.charter, ["accountability", "appeals"], [])
	not appeal.deadlineDays
}

deny contains {
	"pointer": "/accountability/independentReview",
	"element": review.id,
	"message": sprintf(
		"independent review %q sets no deadline (deadlineDays), so a review can be left pending indefinitely",
		[review.id],
	),
} if {
	review := input.charter.accountability.independentReview
	not review.deadlineDays
}

appealed(appeal) := sprintf("body %q", [appeal.from]) if appeal.from

else := "any body"
