# METADATA
# title: Participation fees without a waiver
# description: |
#   Taking part costs a fee (participation.fees.amount above 0) and the
#   charter offers no waiver or reduction for under-resourced participants.
#   A fee for services (fees.covers "services", such as a registry's
#   membership fee for address allocation), when taking part in
#   policy-making is free, is not a fee for taking part and is not
#   reported.
# custom:
#   id: CL-INC-004
#   severity: warning
#   group: incumbent
#   rationale: |
#     A fee that everyone must pay in full is a barrier that weighs little on
#     large incumbents and a great deal on small firms, community networks,
#     civil-society groups and participants from developing economies. Left
#     without a waiver, it quietly filters who can take part, and so whose
#     interests the arrangement serves. Treating a fee without a waiver as
#     a barrier to new entrants is charterlint's operationalisation, not a
#     mechanism the authors name.
#   citation: NETmundial Multistakeholder Statement (2014), process principles (enabling meaningful participation; access and low barriers); DeNardis & Raymond, Thinking Clearly about Multistakeholder Internet Governance (GigaNet 2013), on arrangements that shut out new entrants (fees without a waiver as charterlint's operationalisation)
#   fail: |
#     "participation": {"fees": {"amount": 120000, "currency": "EUR", "waiver": false}}
#   pass: |
#     "participation": {"fees": {"amount": 7900, "currency": "USD", "waiver": true}}
package charterlint.rules.incumbent.fees_without_waiver

deny contains {
	"pointer": "/participation/fees",
	"element": input.charter.id,
	"message": sprintf(
		"participation costs %v %s a year with no waiver or reduction for under-resourced participants",
		[fees.amount, object.get(fees, "currency", "")],
	),
} if {
	fees := input.charter.participation.fees
	fees.amount > 0
	not fees.waiver == true
	object.get(fees, "covers", "participation") == "participation"
}
