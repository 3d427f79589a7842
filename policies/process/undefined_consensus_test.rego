package charterlint.rules.process.undefined_consensus_test

import data.charterlint.test.decision as decisions
import data.charterlint.rules.process.undefined_consensus as rule

facts := {"bodies": {"forum": {"pointer": "/bodies/2"}}}

charter(decision) := {"bodies": [{"id": "forum", "role": "decision", "decision": decision}]}

test_fail_consensus_without_definition_or_judge if {
	got := rule.deny with input as decisions.given(facts, charter({"method": "consensus"}))
	got == {{
		"pointer": "/bodies/2/decision",
		"element": "forum",
		"message": `body "forum" decides by consensus but does not define what counts as consensus (consensus.definition) and does not say who judges that consensus is reached (consensus.judgedBy)`,
	}}
}

test_fail_rough_consensus_without_judge if {
	decision := {"method": "rough-consensus", "consensus": {"definition": "no sustained objection"}}
	got := rule.deny with input as decisions.given(facts, charter(decision))
	got == {{
		"pointer": "/bodies/2/decision",
		"element": "forum",
		"message": `body "forum" decides by rough consensus but does not say who judges that consensus is reached (consensus.judgedBy)`,
	}}
}

test_fail_consensus_without_definition if {
	decision := {"method": "consensus", "consensus": {"judgedBy": "chair", "callProcedure": "call on the list"}}
	got := rule.deny with input as decisions.given(facts, charter(decision))
	got == {{
		"pointer": "/bodies/2/decision",
		"element": "forum",
		"message": `body "forum" decides by consensus but does not define what counts as consensus (consensus.definition)`,
	}}
}

# The IETF pattern: an open working group deciding by rough consensus,
# defined after RFC 7282 and judged by the chairs.
test_pass_defined_rough_consensus_judged_by_chairs if {
	decision := {"method": "rough-consensus", "consensus": {
		"definition": "every objection has been considered and answered",
		"judgedBy": "working group chairs",
	}}
	got := rule.deny with input as decisions.given(facts, charter(decision))
	count(got) == 0
}

test_pass_voting_body if {
	got := rule.deny with input as decisions.given(facts, charter({"method": "majority", "quorum": 0.5}))
	count(got) == 0
}

test_pass_body_without_decision_rule if {
	got := rule.deny with input as decisions.given(facts, {"bodies": [{"id": "forum", "role": "secretariat"}]})
	count(got) == 0
}
