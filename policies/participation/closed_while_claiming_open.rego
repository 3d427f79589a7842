# METADATA
# title: Closed membership while claiming to be open
# description: |
#   The charter claims the principle "open" or "inclusive", but its
#   participation is closed (participation.openness is "closed": membership
#   is fixed or by invitation only).
# custom:
#   id: CL-PAR-001
#   severity: error
#   group: participation
#   rationale: |
#     Openness is the process principle that lets new entrants, new
#     constituencies and critics take part; it is what distinguishes a
#     multistakeholder process from a club. A charter that claims to be open
#     or inclusive while fixing its membership or admitting only by invitation
#     contradicts itself, and the claim lends the arrangement a legitimacy its
#     structure does not earn. Closed membership is also the simplest form of
#     incumbent capture.
#   citation: NETmundial Multistakeholder Statement (2014), process principles (open, participative; inclusive and equitable; access and low barriers); DeNardis & Raymond, Thinking Clearly about Multistakeholder Internet Governance (GigaNet 2013), on arrangements that shut out new entrants (closed membership as charterlint's operationalisation)
#   fail: |
#     "principles": ["inclusive", "transparent"],
#     "participation": {"openness": "closed"}
#   pass: |
#     "principles": ["inclusive", "transparent"],
#     "participation": {"openness": "open", "remote": true}
package charterlint.rules.participation.closed_while_claiming_open

deny contains {
	"pointer": "/participation/openness",
	"element": input.charter.id,
	"message": sprintf(
		"charter %q claims to be %s but its participation is closed (participation.openness is \"closed\": fixed membership or by invitation only)",
		[input.charter.id, concat(" and ", sort(claimed))],
	),
} if {
	input.charter.participation.openness == "closed"
	claimed := {principle |
		some principle in object.get(input.charter, "principles", [])
		principle in {"open", "inclusive"}
	}
	count(claimed) > 0
}
