package charterlint.rules.capture.unilateral_veto_test

import data.charterlint.rules.capture.unilateral_veto as rule

veto(holder, scope, classes) := {
	"id": "v",
	"pointer": "/bodies/1/vetoes/0",
	"holder": holder,
	"scope": scope,
	"classes": classes,
}

council(vetoes) := {"pointer": "/bodies/1", "decides": ["dns"], "vetoes": vetoes}

actors := {"meridian": {"class": "private-sector"}}

test_fail_one_class_body_vetoes_everything if {
	got := rule.deny with input as {"facts": {
		"actors": actors,
		"bodies": {"council": council([veto("ministerial-committee", "all", ["government"])])},
	}}
	got == {{
		"pointer": "/bodies/1/vetoes/0",
		"element": "v",
		"message": `veto "v": body "ministerial-committee" (government only) can block every decision of body "council" alone`,
	}}
}

test_fail_single_firm_vetoes_everything if {
	got := rule.deny with input as {"facts": {
		"actors": actors,
		"bodies": {"board": council([veto("meridian", "all", ["private-sector"])])},
	}}
	got == {{
		"pointer": "/bodies/1/vetoes/0",
		"element": "v",
		"message": `veto "v": actor "meridian" (private-sector) can block every decision of body "board" alone`,
	}}
}

# The ICANN Empowered Community pattern: a multi-class body whose veto
# covers the budget and the bylaws only.
test_pass_limited_scope_veto if {
	got := rule.deny with input as {"facts": {
		"actors": actors,
		"bodies": {"board": council([veto("meridian", "budget", ["private-sector"])])},
	}}
	count(got) == 0
}

test_pass_multi_class_veto_holder if {
	got := rule.deny with input as {"facts": {
		"actors": actors,
		"bodies": {"board": council([veto("empowered-community", "all", ["government", "civil-society", "technical-community"])])},
	}}
	count(got) == 0
}

test_pass_veto_over_body_deciding_nothing if {
	b := object.union(council([veto("meridian", "all", ["private-sector"])]), {"decides": []})
	got := rule.deny with input as {"facts": {"actors": actors, "bodies": {"forum": b}}}
	count(got) == 0
}

test_pass_body_without_vetoes if {
	got := rule.deny with input as {"facts": {"actors": actors, "bodies": {"board": council(null)}}}
	count(got) == 0
}

# A non-objection procedure: each state of the constituency can block
# every decision alone.
test_fail_each_member_of_a_one_class_holder_vetoes_everything if {
	v := object.union(veto("member-states", "all", ["government"]), {"each": true})
	got := rule.deny with input as {"facts": {
		"actors": object.union(actors, {"member-states": {"class": "government"}}),
		"bodies": {"council": council([v])},
	}}
	got == {{
		"pointer": "/bodies/1/vetoes/0",
		"element": "v",
		"message": `veto "v": each member of actor "member-states" (government) can block every decision of body "council" alone`,
	}}
}

test_fail_each_member_of_a_one_class_body_vetoes_everything if {
	v := object.union(veto("ministerial-committee", "all", ["government"]), {"each": true})
	got := rule.deny with input as {"facts": {"actors": actors, "bodies": {"council": council([v])}}}
	{f.message | some f in got} == {`veto "v": each member of body "ministerial-committee" (government only) can block every decision of body "council" alone`}
}

test_pass_each_member_vetoes_the_budget_only if {
	v := object.union(veto("member-states", "budget", ["government"]), {"each": true})
	got := rule.deny with input as {"facts": {
		"actors": object.union(actors, {"member-states": {"class": "government"}}),
		"bodies": {"council": council([v])},
	}}
	count(got) == 0
}
