package charterlint.rules.accountability.no_deadlines_test

import data.charterlint.rules.accountability.no_deadlines as rule

test_fail_appeals_and_review_without_deadlines if {
	got := rule.deny with input as {"charter": {"accountability": {
		"appeals": [
			{"id": "to-chairs", "from": "wg", "to": "chairs", "deadlineDays": 28},
			{"id": "to-iesg", "from": "ad", "to": "iesg", "binding": true},
			{"id": "ombudsman", "to": "ombuds-office"},
		],
		"independentReview": {"id": "arbitration", "body": "arbiters", "binding": true},
	}}}
	got == {
		{
			"pointer": "/accountability/appeals/1",
			"element": "to-iesg",
			"message": `appeal "to-iesg" from body "ad" to body "iesg" sets no deadline (deadlineDays), so a challenge can be left pending indefinitely`,
		},
		{
			"pointer": "/accountability/appeals/2",
			"element": "ombudsman",
			"message": `appeal "ombudsman" from any body to body "ombuds-office" sets no deadline (deadlineDays), so a challenge can be left pending indefinitely`,
		},
		{
			"pointer": "/accountability/independentReview",
			"element": "arbitration",
			"message": `independent review "arbitration" sets no deadline (deadlineDays), so a review can be left pending indefinitely`,
		},
	}
}

# The ICANN pattern: reconsideration and independent review both have time limits.
test_pass_all_deadlines_set if {
	got := rule.deny with input as {"charter": {"accountability": {
		"appeals": [{"id": "reconsideration", "from": "board", "to": "bamc", "deadlineDays": 135}],
		"independentReview": {"id": "irp", "body": "panel", "binding": true, "deadlineDays": 180},
	}}}
	count(got) == 0
}

# No appeal and no review: other rules report that; nothing lacks a deadline.
test_pass_no_appeals_or_review if {
	got := rule.deny with input as {"charter": {"accountability": {"reviewCycle": {"years": 5}}}}
	count(got) == 0
	got_none := rule.deny with input as {"charter": {}}
	count(got_none) == 0
}
