# METADATA
# title: No or short public comment period
# description: |
#   The charter sets no public comment period on proposed decisions
#   (transparency.publicComment), or one shorter than the minimum in
#   params.min_public_comment_days (14 days by default, the length of an IETF Last Call).
#   A missing period is reported only for a charter that claims to be
#   multistakeholder or open (lib.claims_openness); a period that is set
#   is held to the minimum whatever the claim.
# custom:
#   id: CL-TRN-002
#   severity: warning
#   applies_to: claims-openness
#   group: transparency
#   rationale: |
#     Publishing a proposal is not the same as letting people respond to it.
#     Participants with few staff, in distant time zones or working in a
#     second language need weeks, not days, to read a proposal, consult their
#     constituency and write a response. Without a comment period, or with a
#     very short one, only the best-resourced insiders can shape decisions,
#     and the input that does arrive cannot visibly be taken into account.
#   citation: NETmundial Multistakeholder Statement (2014), process principles (participative, transparent, enabling meaningful participation); NETmundial+10 São Paulo Multistakeholder Guidelines (2024), transparency of how input is used
#   fail: |
#     "transparency": {"publicRecords": true, "publicComment": {"days": 7}}
#   pass: |
#     "transparency": {"publicRecords": true, "publicComment": {"days": 40}}
package charterlint.rules.transparency.short_public_comment

import data.charterlint.lib

min_days := data.charterlint.config.params.min_public_comment_days

deny contains {
	"pointer": section_pointer,
	"element": input.charter.id,
	"message": sprintf(
		"charter %q sets no public comment period on proposed decisions (transparency.publicComment); at least %d days are expected",
		[input.charter.id, min_days],
	),
} if {
	lib.claims_openness
	not input.charter.transparency.publicComment
}

deny contains {
	"pointer": "/transparency/publicComment/days",
	"element": input.charter.id,
	"message": sprintf(
		"charter %q: the public comment period of %d days is shorter than the %d days expected",
		[input.charter.id, days, min_days],
	),
} if {
	days := input.charter.transparency.publicComment.days
	days < min_days
}

section_pointer := "/transparency" if input.charter.transparency

else := ""
