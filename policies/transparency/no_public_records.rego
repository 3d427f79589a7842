# METADATA
# title: No public records or minutes
# description: |
#   The charter publishes neither its decisions and their reasons
#   (transparency.publicRecords) nor the minutes of its meetings
#   (transparency.minutes), or says nothing about transparency at all.
# custom:
#   id: CL-TRN-001
#   severity: warning
#   group: transparency
#   rationale: |
#     Participants and the public can only hold deciders to account for what
#     they can see. When neither decisions with their reasons nor meeting
#     minutes are published, nobody outside the room can tell who argued for
#     what, whether advice was followed, or whether the charter's own rules
#     were kept, and every other accountability mechanism (appeal, review,
#     recall) loses the record it would work from.
#   citation: NETmundial Multistakeholder Statement (2014), process principles (transparent); NETmundial+10 São Paulo Multistakeholder Guidelines (2024), transparency of how input is used
#   fail: |
#     "transparency": {"publicRecords": false, "minutes": false}
#   pass: |
#     "transparency": {"publicRecords": true, "minutes": true}
package charterlint.rules.transparency.no_public_records

deny contains {
	"pointer": section_pointer,
	"element": input.charter.id,
	"message": sprintf(
		"charter %q publishes neither its decisions and their reasons (transparency.publicRecords) nor the minutes of its meetings (transparency.minutes)",
		[input.charter.id],
	),
} if {
	transparency := object.get(input.charter, "transparency", {})
	object.get(transparency, "publicRecords", false) != true
	object.get(transparency, "minutes", false) != true
}

section_pointer := "/transparency" if input.charter.transparency

else := ""
