# METADATA
# title: No capacity building
# description: |
#   The charter does not fund or run capacity building (fellowships, travel
#   support, training) for under-resourced participants
#   (participation.capacityBuilding is false or not stated).
#   Checked only for a charter that claims to be multistakeholder or open
#   (lib.claims_openness): it is part of the NETmundial process checklist.
# custom:
#   id: CL-PAR-003
#   severity: info
#   applies_to: claims-openness
#   group: participation
#   rationale: |
#     Formal openness does not make participation equal: following a technical
#     policy debate takes time, expertise and money that small organisations,
#     civil society groups and participants from developing countries often
#     lack. Without fellowships, travel support or training, the seats that
#     are open to everyone are filled by those who can already afford them.
#     Capacity building turns a right to take part into a practical chance to
#     do so.
#   citation: NETmundial Multistakeholder Statement (2014), process principles (enabling meaningful participation, capacity building; inclusive and equitable)
#   fail: |
#     "participation": {"openness": "open", "remote": true, "capacityBuilding": false}
#   pass: |
#     "participation": {"openness": "open", "remote": true, "capacityBuilding": true}
package charterlint.rules.participation.no_capacity_building

import data.charterlint.lib

deny contains {
	"pointer": field_pointer,
	"element": input.charter.id,
	"message": sprintf(
		"charter %q %s, so participants without the means to follow its work are left out",
		[input.charter.id, gap],
	),
} if {
	lib.claims_openness
	not input.charter.participation.capacityBuilding
}

gap := "runs no capacity building for under-resourced participants (participation.capacityBuilding is false)" if {
	input.charter.participation.capacityBuilding == false
} else := "does not say whether it supports under-resourced participants (participation.capacityBuilding is not stated)"

field_pointer := "/participation/capacityBuilding" if {
	input.charter.participation.capacityBuilding != null
} else := "/participation" if {
	input.charter.participation
} else := ""
