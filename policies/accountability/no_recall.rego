# METADATA
# title: No recall of deciding members
# description: |
#   The charter has bodies that decide functions but gives nobody the power
#   to remove their members before their term ends (accountability.recall).
# custom:
#   id: CL-ACC-006
#   severity: info
#   group: accountability
#   rationale: |
#     Appeals correct single decisions; recall corrects the deciders. Without
#     a way to remove members who abuse their position or stop representing
#     those who chose them, the community must wait out their term, or live
#     with them indefinitely when there is none. The ICANN Empowered Community
#     power to remove directors and the IETF recall procedure are examples.
#   citation: NETmundial Multistakeholder Statement (2014), process principles (accountable); ICANN Bylaws, Annex D (powers of the Empowered Community, including removal of directors)
#   fail: |
#     "functions": [{"id": "dns-policy", "decidedBy": "board"}],
#     "accountability": {"appeals": [{"id": "a", "from": "board", "to": "panel"}]}
#   pass: |
#     "functions": [{"id": "dns-policy", "decidedBy": "board"}],
#     "accountability": {"recall": {"by": ["community"], "of": ["board"]}}
package charterlint.rules.accountability.no_recall

import data.charterlint.lib

deny contains {
	"pointer": section_pointer,
	"element": input.charter.id,
	"message": sprintf(
		"charter %q gives nobody the power to recall members of %s before their term ends (accountability.recall)",
		[input.charter.id, lib.deciding_bodies_named],
	),
} if {
	count(lib.deciding_bodies) > 0
	not input.charter.accountability.recall
}

section_pointer := "/accountability" if input.charter.accountability

else := ""
