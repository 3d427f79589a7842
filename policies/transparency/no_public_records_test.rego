package charterlint.rules.transparency.no_public_records_test

import data.charterlint.rules.transparency.no_public_records as rule

test_fail_records_and_minutes_withheld if {
	got := rule.deny with input as {"charter": {"id": "council", "transparency": {"publicRecords": false, "minutes": false}}}
	got == {{
		"pointer": "/transparency",
		"element": "council",
		"message": `charter "council" publishes neither its decisions and their reasons (transparency.publicRecords) nor the minutes of its meetings (transparency.minutes)`,
	}}
}

test_fail_no_transparency_section if {
	got := rule.deny with input as {"charter": {"id": "council"}}
	got == {{
		"pointer": "",
		"element": "council",
		"message": `charter "council" publishes neither its decisions and their reasons (transparency.publicRecords) nor the minutes of its meetings (transparency.minutes)`,
	}}
}

test_pass_public_records if {
	got := rule.deny with input as {"charter": {"id": "council", "transparency": {"publicRecords": true, "minutes": false}}}
	count(got) == 0
}

test_pass_minutes_only if {
	got := rule.deny with input as {"charter": {"id": "council", "transparency": {"minutes": true}}}
	count(got) == 0
}
