package charterlint.rules.incumbent.sponsorship_admission_test

import data.charterlint.rules.incumbent.sponsorship_admission as rule

charter(admission) := {"id": "ix", "participation": {"openness": "admission", "admission": admission}}

test_fail_two_sponsors_and_board_vote if {
	got := rule.deny with input as {"charter": charter({"sponsors": 2, "approvedBy": "association-board"})}
	got == {{
		"pointer": "/participation/admission",
		"element": "ix",
		"message": `admission requires sponsorship by 2 existing members and approval by body "association-board": newcomers depend on incumbents' goodwill to join`,
	}}
}

test_fail_one_sponsor if {
	got := rule.deny with input as {"charter": charter({"sponsors": 1})}
	got == {{
		"pointer": "/participation/admission",
		"element": "ix",
		"message": "admission requires sponsorship by 1 existing member: newcomers depend on incumbents' goodwill to join",
	}}
}

test_pass_no_sponsor_needed if {
	got := rule.deny with input as {"charter": charter({"sponsors": 0, "approvedBy": "team"})}
	count(got) == 0
}

test_pass_sponsors_absent if {
	got := rule.deny with input as {"charter": charter({"approvedBy": "team"})}
	count(got) == 0
}

test_pass_no_participation_section if {
	got := rule.deny with input as {"charter": {"id": "ietf"}}
	count(got) == 0
}
