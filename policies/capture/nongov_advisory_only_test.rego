package charterlint.rules.capture.nongov_advisory_only_test

import data.charterlint.rules.capture.nongov_advisory_only as rule

facts(claims, classes, power) := {
	"claimsMultistakeholder": claims,
	"classes": classes,
	"variety": {"powerClasses": power},
}

test_fail_governments_decide_others_advise if {
	got := rule.deny with input as {
		"charter": {"id": "khaleej", "modality": "multistakeholder"},
		"facts": facts(true, ["government", "private-sector", "civil-society"], ["government"]),
	}
	got == {{
		"pointer": "/modality",
		"element": "khaleej",
		"message": "the charter claims multistakeholder, but decision power on the bodies that decide its functions rests with government alone; non-governmental classes civil-society, private-sector only advise or attend",
	}}
}

test_fail_claim_made_by_a_function_points_at_the_charter if {
	got := rule.deny with input as {
		"charter": {"id": "itu", "modality": "intergovernmental"},
		"facts": facts(true, ["government", "intergovernmental", "academia"], ["government", "intergovernmental"]),
	}
	got == {{
		"pointer": "",
		"element": "itu",
		"message": "the charter claims multistakeholder, but decision power on the bodies that decide its functions rests with government, intergovernmental alone; non-governmental classes academia only advise or attend",
	}}
}

test_pass_when_a_nongovernmental_class_holds_power if {
	got := rule.deny with input as {
		"charter": {"id": "icann", "modality": "multistakeholder"},
		"facts": facts(true, ["government", "private-sector", "civil-society"], ["government", "civil-society"]),
	}
	count(got) == 0
}

test_pass_when_no_claim if {
	got := rule.deny with input as {
		"charter": {"id": "wrc", "modality": "intergovernmental"},
		"facts": facts(false, ["government", "private-sector"], ["government"]),
	}
	count(got) == 0
}

test_pass_when_only_governments_take_part if {
	got := rule.deny with input as {
		"charter": {"id": "club", "modality": "multistakeholder"},
		"facts": facts(true, ["government"], ["government"]),
	}
	count(got) == 0
}

# The IGF pattern: an advisory forum decides nothing, so no class holds
# power anywhere and nobody is "only advising" while others decide.
test_pass_appointed_advisory_forum_deciding_nothing if {
	got := rule.deny with input as {
		"charter": {"id": "igf", "modality": "multistakeholder"},
		"facts": facts(true, ["government", "private-sector", "civil-society"], []),
	}
	count(got) == 0
}
