# METADATA
# title: Admission by sponsorship of existing members
# description: |
#   New members are admitted only when existing members sponsor them
#   (participation.admission.sponsors is 1 or more).
# custom:
#   id: CL-INC-001
#   severity: warning
#   group: incumbent
#   rationale: |
#     A sponsorship requirement makes every newcomer depend on the goodwill
#     of those already inside. Incumbents can quietly keep out competitors
#     or critics without ever refusing anyone formally, simply by not
#     sponsoring them. Even an otherwise open, multi-class arrangement that
#     admits members this way carries a risk of incumbent capture.
#     Treating a sponsorship requirement as incumbent capture is
#     charterlint's operationalisation of the concern, not a mechanism the
#     authors name.
#   citation: DeNardis & Raymond, Thinking Clearly about Multistakeholder Internet Governance (GigaNet 2013), on arrangements that shut out new entrants or protect incumbents (admission by sponsorship as charterlint's operationalisation); NETmundial Multistakeholder Statement (2014), process principles (open; access and low barriers)
#   fail: |
#     "participation": {"openness": "admission",
#       "admission": {"sponsors": 2, "approvedBy": "board"}}
#   pass: |
#     "participation": {"openness": "admission",
#       "admission": {"sponsors": 0, "approvedBy": "board",
#         "criteria": "published admission criteria"}}
package charterlint.rules.incumbent.sponsorship_admission

deny contains {
	"pointer": "/participation/admission",
	"element": input.charter.id,
	"message": sprintf(
		"admission requires sponsorship by %d existing %s%s: newcomers depend on incumbents' goodwill to join",
		[sponsors, members(sponsors), approval],
	),
} if {
	sponsors := input.charter.participation.admission.sponsors
	sponsors >= 1
	approval := approved_by(input.charter.participation.admission)
}

members(n) := "member" if {
	n == 1
} else := "members"

# approved_by adds the body that then approves the application, if any.
approved_by(admission) := sprintf(" and approval by body %q", [admission.approvedBy]) if {
	admission.approvedBy
} else := ""
