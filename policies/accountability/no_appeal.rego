# METADATA
# title: No appeal path
# description: |
#   The charter has at least one body that decides functions but no appeal
#   or reconsideration path (accountability.appeals is absent or empty).
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
#     W3C formal objections, the IETF appeals chain.
#   citation: NETmundial Multistakeholder Statement (2014), process principles (accountable, checks and balances); IETF RFC 2026 §6.5 (appeals); ICANN Bylaws Art. 4 (reconsideration); W3C Process Document (formal objections)
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
		"charter %q has no appeal path (accountability.appeals): decisions of %s cannot be challenged",
		[input.charter.id, lib.deciding_bodies_named],
	),
} if {
	count(lib.deciding_bodies) > 0
	not input.charter.accountability.appeals[0]
}

section_pointer := "/accountability" if input.charter.accountability

else := ""
