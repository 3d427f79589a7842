# METADATA
# title: Consensus without a definition or a judge
# description: |
#   A body decides by consensus or rough consensus, but its charter does not
#   say what counts as consensus (decision.consensus.definition) or who
#   judges that consensus has been reached (decision.consensus.judgedBy).
# custom:
#   id: CL-PRC-001
#   severity: warning
#   group: process
#   rationale: |
#     Consensus is not self-executing: someone must decide whether the
#     objections raised have been answered, and against what standard. When
#     the charter leaves both open, whoever controls the room can declare
#     consensus or deny it at will, and nobody can appeal against a call that
#     has no rule to be measured by. Rough consensus works at the IETF because
#     it is defined and the chairs who judge it are named and answerable.
#   citation: IETF RFC 7282, On Consensus and Humming in the IETF (2014), §1-§3; NETmundial Multistakeholder Statement (2014), process principles (consensus-driven, accountable)
#   fail: |
#     "bodies": [{"id": "forum", "role": "decision",
#       "decision": {"method": "consensus"}}]
#   pass: |
#     "bodies": [{"id": "wg", "role": "decision", "open": true,
#       "decision": {"method": "rough-consensus", "consensus": {
#         "definition": "every objection considered and answered (RFC 7282)",
#         "judgedBy": "working group chairs"}}}]
package charterlint.rules.process.undefined_consensus

deny contains {
	"pointer": concat("", [body.pointer, "/decision"]),
	"element": id,
	"message": sprintf(
		"body %q decides by %s but %s",
		[id, replace(body.decision.method, "-", " "), concat(" and ", sort(gaps))],
	),
} if {
	some id
	# The set is written out: a set rule would be looked up per body.
	input.facts.bodies[id].decision.method in {"consensus", "rough-consensus"}
	body := input.facts.bodies[id]
	gaps := {gap |
		some field, gap in {
			"definition": "does not define what counts as consensus (consensus.definition)",
			"judgedBy": "does not say who judges that consensus is reached (consensus.judgedBy)",
		}
		body.decision[field] == ""
	}
	count(gaps) > 0
}
