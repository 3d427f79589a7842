# METADATA
# title: Admission veto held by an incumbent
# description: |
#   A veto over the admission or accreditation of new members is held by an
#   incumbent actor or by a single named organisation of any class: a firm,
#   a ministry, an intergovernmental or a technical organisation. A veto that
#   each member of an incumbent constituency, or each member of a body on
#   which incumbents vote, can use alone (veto.each) is reported here too;
#   one held by each member of a constituency or body without incumbents
#   is CL-INC-005's case.
# custom:
#   id: CL-INC-002
#   severity: error
#   group: incumbent
#   rationale: |
#     Whoever can veto admission decides who may compete. When that power
#     sits with an established participant or a single firm, it can keep out
#     new entrants that would challenge its position, and it needs no
#     reason to do so. This is incumbent capture in its plainest form: the
#     arrangement protects the market position of those already inside
#     rather than serving the public interest. Treating an admission veto
#     held by an incumbent as incumbent capture is charterlint's
#     operationalisation of the concern, not a mechanism the authors name.
#   citation: DeNardis & Raymond, Thinking Clearly about Multistakeholder Internet Governance (GigaNet 2013), on arrangements that shut out new entrants or protect incumbents (admission and accreditation vetoes as charterlint's operationalisation); NETmundial Multistakeholder Statement (2014), process principles (inclusive and equitable; access and low barriers)
#   fail: |
#     "actors": [{"id": "meridian", "name": "Meridian Telecom", "class": "private-sector",
#       "kind": "organisation", "incumbent": true}],
#     "bodies": [{"id": "board", "role": "decision",
#       "vetoes": [{"id": "admission-veto", "holder": "meridian", "scope": "admission"}]}]
#   pass: |
#     "bodies": [{"id": "board", "role": "decision",
#       "vetoes": [{"id": "ec-budget", "holder": "empowered-community", "scope": "budget"}]}]
package charterlint.rules.incumbent.incumbent_admission_veto

import data.charterlint.lib

deny contains {
	"pointer": veto.pointer,
	"element": veto.id,
	"message": sprintf(
		"veto %q: %s can block the admission of new members to body %q",
		[veto.id, who(veto), id],
	),
} if {
	some id, body in input.facts.bodies
	some veto in body.vetoes
	veto.scope == "admission"
	holder_text(veto)
}

# who says who can block: the holder, or each of its members when each can
# block alone (veto.each), naming the incumbents among a body's members. One organisation has no members to speak of:
# there the holder is the one who blocks.
who(veto) := sprintf("each member of body %q, among them %s,", [veto.holder, lib.incumbents_text(veto.incumbents)]) if {
	veto.each
	not input.facts.actors[veto.holder]
} else := sprintf("each member of %s", [holder_text(veto)]) if {
	veto.each
	not input.facts.actors[veto.holder].organisation
} else := holder_text(veto)

# holder_text says why the holder is a problem: it is an incumbent, a single
# firm, or both.
holder_text(veto) := sprintf("incumbent firm %q", [veto.holder]) if {
	veto.incumbent
	single_firm(veto.holder)
} else := sprintf("incumbent %q", [veto.holder]) if {
	veto.incumbent
} else := sprintf("the single firm %q", [veto.holder]) if {
	single_firm(veto.holder)
} else := sprintf("the single %s %q", [lib.organisation_text(input.facts.actors[veto.holder].class), veto.holder]) if {
	input.facts.actors[veto.holder].organisation
}

single_firm(holder) if {
	actor := input.facts.actors[holder]
	actor.organisation
	actor.class == "private-sector"
}
