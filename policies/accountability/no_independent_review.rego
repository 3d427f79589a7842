# METADATA
# title: No independent review
# description: |
#   The charter has bodies that decide functions but no review of their
#   decisions by a panel independent of the deciders
#   (accountability.independentReview).
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
#     decisions to review and is not checked.
#   citation: NTIA IANA transition criteria (2014) and the ICANN accountability reforms (Independent Review Process); NETmundial Multistakeholder Statement (2014), process principles (accountable, checks and balances); ICANN Bylaws Art. 4 (reconsideration and the Independent Review Process)
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
		"charter %q provides no independent review (accountability.independentReview) of the decisions of %s",
		[input.charter.id, lib.deciding_bodies_named],
	),
} if {
	count(lib.deciding_bodies) > 0
	not input.charter.accountability.independentReview
}

section_pointer := "/accountability" if input.charter.accountability

else := ""
