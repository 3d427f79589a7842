# METADATA
# title: No recall of deciding members
# description: |
#   The charter has bodies that decide functions but gives nobody the power
#   to remove their members before their term ends (accountability.recall).
#   An open body (open: true) without seats has no members to recall: anyone
#   may take part. Nor has a body of delegations, whose every voting seat
#   is filled by its own member's appointment, without a term: each member
#   recalls its delegates when it likes. Such bodies are not counted, and
#   the rule is not reported when every deciding body is one.
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
#     An open body such as an IETF working group has no members in that
#     sense: nobody holds a seat, so nobody can be removed from one, and
#     those who disagree can take part themselves.
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
		[input.charter.id, lib.bodies_named(with_members)],
	),
} if {
	count(with_members) > 0
	not input.charter.accountability.recall
}

# with_members are the deciding bodies that have members to recall: all
# but the open bodies without seats and the bodies of delegations, whose
# members recall their own delegates.
with_members contains id if {
	some id in lib.deciding_bodies
	not open_without_seats(id)
	not input.facts.bodies[id].delegated
}

open_without_seats(id) if {
	body := input.facts.bodies[id]
	body.open == true
	object.get(body, "seats", 0) == 0
}

section_pointer := "/accountability" if input.charter.accountability

else := ""
