package charterlint.rules.process.supermajority_without_threshold_test

import data.charterlint.test.decision as decisions
import data.charterlint.rules.process.supermajority_without_threshold as rule

facts := {"bodies": {"council": {"pointer": "/bodies/1"}}}

charter(decision) := {"bodies": [{"id": "council", "role": "decision", "decision": decision}]}

test_fail_supermajority_without_threshold if {
	got := rule.deny with input as decisions.given(facts, charter({"method": "supermajority", "quorum": 0.5}))
	got == {{
		"pointer": "/bodies/1/decision",
		"element": "council",
		"message": `body "council" decides by supermajority but states no threshold (decision.threshold), so the share of votes a decision needs, and who can block it, is undefined`,
	}}
}

test_pass_supermajority_with_threshold if {
	got := rule.deny with input as decisions.given(facts, charter({"method": "supermajority", "threshold": 0.667}))
	count(got) == 0
}

test_pass_majority_without_threshold if {
	got := rule.deny with input as decisions.given(facts, charter({"method": "majority"}))
	count(got) == 0
}

# The rule applies whatever the body's role: an oversight body's
# supermajority needs its threshold too.
test_fail_oversight_body if {
	got := rule.deny with input as decisions.given(
		{"bodies": {"community": {"pointer": "/bodies/3"}}},
		{"bodies": [{"id": "community", "role": "oversight", "decision": {"method": "supermajority"}}]},
	)
	{f.element | some f in got} == {"community"}
}

test_fail_matter_and_fallback_without_threshold if {
	got := rule.deny with input as decisions.given(facts, charter({
		"method": "consensus", "fallback": {"method": "supermajority"},
		"matters": [{"matter": "budget", "method": "majority"}, {"matter": "admission", "method": "supermajority"}],
	}))
	got == {
		{
			"pointer": "/bodies/1/decision/fallback",
			"element": "council",
			"message": `body "council" votes by supermajority when consensus fails but states no threshold (decision.fallback.threshold), so the share of votes such a decision needs, and who can block it, is undefined`,
		},
		{
			"pointer": "/bodies/1/decision/matters/1",
			"element": "council",
			"message": `body "council" decides admission by supermajority but states no threshold (decision.matters.1.threshold), so the share of votes such a decision needs, and who can block it, is undefined`,
		},
	}
}

test_pass_matter_and_fallback_with_threshold if {
	got := rule.deny with input as decisions.given(facts, charter({
		"method": "consensus", "fallback": {"method": "supermajority", "threshold": 0.75},
		"matters": [{"matter": "admission", "method": "supermajority", "threshold": 0.667}],
	}))
	count(got) == 0
}
