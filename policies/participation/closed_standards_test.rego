package charterlint.rules.participation.closed_standards_test

import data.charterlint.rules.participation.closed_standards as rule

function(standards) := {
	"id": "specifications",
	"category": "standards-setting",
	"modality": "private",
	"decidedBy": "consortium-board",
	"standards": standards,
}

test_fail_closed_on_every_point if {
	got := rule.deny with input as {"charter": {"functions": [
		{"id": "institute", "category": "critical-internet-resources", "decidedBy": "board"},
		function({"participation": "restricted", "patentPolicy": "none", "freeText": false}),
	]}}
	got == {{
		"pointer": "/functions/1/standards",
		"element": "specifications",
		"message": `function "specifications" (standards-setting), decided by body "consortium-board", makes standards that are not open: nothing is asked of those who hold patents essential to them (patentPolicy "none"); only a closed set may take part in making them (participation "restricted"); their text is not available free of charge (freeText false)`,
	}}
}

test_fail_text_for_sale if {
	got := rule.deny with input as {"charter": {"functions": [function({"participation": "members", "patentPolicy": "frand", "freeText": false})]}}
	[f] := [f | some f in got]
	endswith(f.message, "makes standards that are not open: their text is not available free of charge (freeText false)")
}

test_pass_open_standards if {
	got := rule.deny with input as {"charter": {"functions": [function({"participation": "open", "patentPolicy": "royalty-free", "freeText": true})]}}
	count(got) == 0
}

# FRAND and disclosure-only policies ask something of patent holders;
# members-only participation is open to any applicant on published terms.
test_pass_frand_members if {
	got := rule.deny with input as {"charter": {"functions": [function({"participation": "members", "patentPolicy": "frand", "freeText": true})]}}
	count(got) == 0
}

# Points the charter does not state are not judged.
test_pass_unstated if {
	got := rule.deny with input as {"charter": {"functions": [{"id": "specifications", "category": "standards-setting", "decidedBy": "board"}]}}
	count(got) == 0
}

# A forum that decides nothing makes no standards.
test_pass_nobody_decides if {
	fn := object.remove(function({"participation": "restricted"}), ["decidedBy"])
	got := rule.deny with input as {"charter": {"functions": [fn]}}
	count(got) == 0
}

# The points are read on standards-setting functions only.
test_pass_other_category if {
	fn := object.union(function({"participation": "restricted"}), {"category": "critical-internet-resources"})
	got := rule.deny with input as {"charter": {"functions": [fn]}}
	count(got) == 0
}
