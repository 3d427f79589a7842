package charterlint.rules.process.no_quorum_test

import data.charterlint.test.decision as decisions
import data.charterlint.rules.process.no_quorum as rule

board_facts(decides) := {"bodies": {"board": {
	"pointer": "/bodies/0",
	"decides": decides,
	"votingSeats": 15,
}}}

charter(decision) := {"bodies": [{"id": "board", "role": "decision", "decision": decision}]}

test_fail_majority_without_quorum if {
	got := rule.deny with input as decisions.given(
		board_facts(["names-policy", "numbers-policy"]),
		charter({"method": "majority"}),
	)
	got == {{
		"pointer": "/bodies/0/decision",
		"element": "board",
		"message": `body "board" decides names-policy, numbers-policy by majority vote but sets no quorum (decision.quorum): nothing stops a few of its 15 voting members from deciding for all`,
	}}
}

test_fail_supermajority_and_unanimity_without_quorum if {
	every method in ["supermajority", "unanimity"] {
		got := rule.deny with input as decisions.given(
		board_facts(["policy"]),
		charter({"method": method, "threshold": 0.75}),
	)
		count(got) == 1
	}
}

test_pass_majority_with_quorum if {
	got := rule.deny with input as decisions.given(
		board_facts(["policy"]),
		charter({"method": "majority", "quorum": 0.5}),
	)
	count(got) == 0
}

# The IETF pattern: an open working group has no voting seats and decides by
# rough consensus, so a quorum does not apply.
test_pass_open_rough_consensus_body if {
	got := rule.deny with input as decisions.given(
		{"bodies": {"wg": {"pointer": "/bodies/0", "open": true, "decides": ["protocols"], "votingSeats": 0}}},
		{"bodies": [{"id": "wg", "role": "decision", "open": true, "decision": {"method": "rough-consensus"}}]},
	)
	count(got) == 0
}

# An advisory body that decides no function is not a deciding body.
test_pass_advisory_body_deciding_nothing if {
	got := rule.deny with input as decisions.given(
		board_facts([]),
		charter({"method": "majority"}),
	)
	count(got) == 0
}
