# METADATA
# title: No remote participation
# description: |
#   The charter does not provide for remote participation in meetings and
#   decisions (participation.remote is false or not stated).
#   Checked only for a charter that claims to be multistakeholder or open
#   (lib.claims_openness): it is part of the NETmundial process checklist.
# custom:
#   id: CL-PAR-002
#   severity: warning
#   applies_to: claims-openness
#   group: participation
#   rationale: |
#     When taking part requires being in the room, participation is limited to
#     those who can pay for travel and obtain visas, which in practice favours
#     well-funded firms and governments of rich countries over civil society,
#     academia and participants from developing regions. Remote participation
#     is one of the cheapest ways to lower that barrier, and the NETmundial
#     principles name it as a condition of meaningful participation.
#   citation: NETmundial Multistakeholder Statement (2014), process principles (enabling meaningful participation, remote participation; access and low barriers)
#   fail: |
#     "participation": {"openness": "admission", "remote": false}
#   pass: |
#     "participation": {"openness": "admission", "remote": true}
package charterlint.rules.participation.no_remote_participation

import data.charterlint.lib

deny contains {
	"pointer": field_pointer,
	"element": input.charter.id,
	"message": sprintf("charter %q %s, so only those who can travel to meetings can take part", [input.charter.id, gap]),
} if {
	lib.claims_openness
	not input.charter.participation.remote
}

gap := "does not allow remote participation (participation.remote is false)" if {
	input.charter.participation.remote == false
} else := "does not provide for remote participation (participation.remote is not stated)"

field_pointer := "/participation/remote" if {
	input.charter.participation.remote != null
} else := "/participation" if {
	input.charter.participation
} else := ""
