package charterlint.rules.capture.binding_advice_test

import data.charterlint.rules.capture.binding_advice as rule

bodies := {
	"gac": {"role": "advisory", "decides": []},
	"board": {"role": "decision", "decides": ["root-zone", "gtld-policy"]},
	"secretariat": {"role": "secretariat", "decides": []},
	"oversight": {"role": "oversight", "decides": []},
}

advice(from, to, weight) := {
	"pointer": "/advice/0",
	"from": from,
	"to": to,
	"weight": weight,
	"classes": ["government", "intergovernmental"],
}

test_fail_advisory_committee_binds_the_board if {
	got := rule.deny with input as {"facts": {
		"bodies": bodies,
		"advice": {"gac-advice": advice("gac", "board", "binding")},
	}}
	got == {{
		"pointer": "/advice/0",
		"element": "gac-advice",
		"message": `advice "gac-advice": advisory body "gac" (government, intergovernmental) gives binding advice to body "board", which decides gtld-policy, root-zone; the adviser effectively decides`,
	}}
}

# The GAC pattern: the board may reject the advice by a 60 % vote after
# consultation. Weighted, not binding.
test_pass_must_consider_with_reject_threshold if {
	got := rule.deny with input as {"facts": {
		"bodies": bodies,
		"advice": {"gac-advice": advice("gac", "board", "must-consider")},
	}}
	count(got) == 0
}

test_pass_non_binding_advice if {
	got := rule.deny with input as {"facts": {
		"bodies": bodies,
		"advice": {"gac-advice": advice("gac", "board", "non-binding")},
	}}
	count(got) == 0
}

test_pass_binding_advice_to_body_deciding_nothing if {
	got := rule.deny with input as {"facts": {
		"bodies": bodies,
		"advice": {"process-advice": advice("gac", "secretariat", "binding")},
	}}
	count(got) == 0
}

test_pass_binding_direction_from_oversight_body if {
	got := rule.deny with input as {"facts": {
		"bodies": bodies,
		"advice": {"review": advice("oversight", "board", "binding")},
	}}
	count(got) == 0
}

test_fail_adviser_without_seated_members if {
	a := object.union(advice("gac", "board", "binding"), {"classes": []})
	got := rule.deny with input as {"facts": {"bodies": bodies, "advice": {"gac-advice": a}}}
	got == {{
		"pointer": "/advice/0",
		"element": "gac-advice",
		"message": `advice "gac-advice": advisory body "gac" gives binding advice to body "board", which decides gtld-policy, root-zone; the adviser effectively decides`,
	}}
}
