package charterlint.rules.accountability.no_appeal_test

import data.charterlint.rules.accountability.no_appeal as rule

facts := {"bodies": {
	"council": {"pointer": "/bodies/0", "decides": ["dns-policy", "cyber"]},
	"ministers": {"pointer": "/bodies/1", "decides": ["budget"]},
	"forum": {"pointer": "/bodies/2", "decides": []},
}}

test_fail_no_appeals if {
	got := rule.deny with input as {"facts": facts, "charter": {"id": "gulf", "accountability": {"recall": {"by": ["ministers"], "of": ["council"]}}}}
	got == {{
		"pointer": "/accountability",
		"element": "gulf",
		"message": `charter "gulf" has no appeal path (accountability.appeals): decisions of bodies council, ministers cannot be challenged`,
	}}
}

test_fail_empty_appeals_without_accountability_section if {
	got := rule.deny with input as {
		"facts": {"bodies": {"board": {"pointer": "/bodies/0", "decides": ["policy"]}}},
		"charter": {"id": "alliance"},
	}
	got == {{
		"pointer": "",
		"element": "alliance",
		"message": `charter "alliance" has no appeal path (accountability.appeals): decisions of body board cannot be challenged`,
	}}
	got_empty := rule.deny with input as {
		"facts": {"bodies": {"board": {"pointer": "/bodies/0", "decides": ["policy"]}}},
		"charter": {"id": "alliance", "accountability": {"appeals": []}},
	}
	count(got_empty) == 1
}

test_pass_with_appeal if {
	got := rule.deny with input as {"facts": facts, "charter": {"id": "gulf", "accountability": {"appeals": [{"id": "a", "from": "council", "to": "panel"}]}}}
	count(got) == 0
}

# The appointed advisory forum pattern: nothing is decided, so there is
# nothing to appeal.
test_pass_advisory_forum_deciding_nothing if {
	got := rule.deny with input as {
		"facts": {"bodies": {"mag": {"pointer": "/bodies/0", "decides": []}}},
		"charter": {"id": "igf", "accountability": {"reviewCycle": {"years": 10}}},
	}
	count(got) == 0
}
