# METADATA
# title: No periodic review of the arrangement
# description: |
#   The charter sets no periodic review of the arrangement itself
#   (accountability.reviewCycle).
# custom:
#   id: CL-ACC-007
#   severity: info
#   group: accountability
#   rationale: |
#     The balance a charter strikes between classes, functions and modalities
#     is fixed when it is written, while the Internet, its markets and its
#     participants keep changing. A scheduled review is the moment to ask
#     whether the arrangement still serves its objectives, whether new
#     entrants are kept out and whether a modality still suits its function;
#     without one, change depends on those who benefit from the status quo.
#   citation: NETmundial Multistakeholder Statement (2014), process principles (accountable, review); ICANN Bylaws Art. 4 (periodic reviews of ICANN's structures and operations)
#   fail: |
#     "accountability": {"appeals": [{"id": "a", "from": "board", "to": "panel"}]}
#   pass: |
#     "accountability": {"reviewCycle": {"years": 5}}
package charterlint.rules.accountability.no_review_cycle

deny contains {
	"pointer": section_pointer,
	"element": input.charter.id,
	"message": sprintf(
		"charter %q sets no periodic review of the arrangement itself (accountability.reviewCycle)",
		[input.charter.id],
	),
} if {
	not input.charter.accountability.reviewCycle
}

section_pointer := "/accountability" if input.charter.accountability

else := ""
