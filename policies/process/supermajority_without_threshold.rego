# METADATA
# title: Supermajority without a threshold
# description: |
#   A body decides by supermajority, ordinary matters, a kind of matter or
#   its fallback vote when consensus fails, but the charter does not give
#   the threshold: the share of votes a decision needs is not stated.
# custom:
#   id: CL-PRC-003
#   severity: error
#   group: process
#   rationale: |
#     A supermajority exists to protect minorities: it decides how large a
#     coalition is needed and so which classes can block a decision. Two
#     thirds, three quarters and ninety per cent give very different powers to
#     the same seats. Leaving the number out makes the charter's own decision
#     rule undefined, so the balance of power it claims cannot be checked and
#     will be settled by whoever interprets it when it matters.
#   citation: NETmundial+10 São Paulo Multistakeholder Guidelines (2024), clear process steps
#   fail: |
#     "bodies": [{"id": "council", "role": "decision",
#       "decision": {"method": "supermajority", "quorum": 0.5}}]
#   pass: |
#     "bodies": [{"id": "council", "role": "decision",
#       "decision": {"method": "supermajority", "threshold": 0.667, "quorum": 0.5}}]
package charterlint.rules.process.supermajority_without_threshold

deny contains {
	"pointer": concat("", [body.pointer, "/decision"]),
	"element": id,
	"message": sprintf(
		"body %q decides by supermajority but states no threshold (decision.threshold), so the share of votes a decision needs, and who can block it, is undefined",
		[id],
	),
} if {
	some id, body in input.facts.bodies
	body.decision.method == "supermajority"
	body.decision.threshold == null
}

deny contains {
	"pointer": concat("", [body.pointer, "/decision/", rule.field]),
	"element": id,
	"message": sprintf(
		"body %q %s but states no threshold (decision.%s.threshold), so the share of votes such a decision needs, and who can block it, is undefined",
		[id, what(rule), replace(rule.field, "/", ".")],
	),
} if {
	some id, body in input.facts.bodies
	some rule in body.decision.rules
	rule.method == "supermajority"
	rule.threshold == null
}

# what says what the rule decides, in words.
what(rule) := "votes by supermajority when consensus fails" if {
	rule.matter == ""
} else := sprintf("decides %s by supermajority", [rule.matter])
