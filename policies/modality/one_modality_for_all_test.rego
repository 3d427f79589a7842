package charterlint.rules.modality.one_modality_for_all_test

import data.charterlint.rules.modality.one_modality_for_all as rule

fn(id, category, modality) := {"id": id, "category": category, "declaredModality": modality, "decidedBy": "council", "binding": true}

# given builds the input: the charter's id and the functions' facts by id.
given(id, fns) := {"charter": {"id": id}, "facts": {"functions": {f.id: f | some f in fns}}}

test_fail_same_modality_everywhere if {
	got := rule.deny with input as given("khaleej", [
		fn("dns", "critical-internet-resources", "multistakeholder"),
		fn("cert", "cybersecurity-operations", "multistakeholder"),
		fn("content", "information-intermediaries", "multistakeholder"),
		fn("idn", "critical-internet-resources", "multistakeholder"),
	])
	got == {{
		"pointer": "",
		"element": "khaleej",
		"message": "all 4 functions declare the same modality, multistakeholder, across 3 categories (critical-internet-resources, cybersecurity-operations, information-intermediaries); the charter does not weigh which modality suits each function",
	}}
}

test_pass_modalities_differ if {
	got := rule.deny with input as given("ripe", [
		fn("policy", "critical-internet-resources", "multistakeholder"),
		fn("registry", "critical-internet-resources", "private"),
		fn("cert", "cybersecurity-operations", "multistakeholder"),
	])
	count(got) == 0
}

# The ICANN pattern: several functions, all in one category.
test_pass_single_category if {
	got := rule.deny with input as given("icann", [
		fn("root", "critical-internet-resources", "multistakeholder"),
		fn("gtld", "critical-internet-resources", "multistakeholder"),
		fn("cctld", "critical-internet-resources", "multistakeholder"),
	])
	count(got) == 0
}

test_pass_fewer_than_three_functions if {
	got := rule.deny with input as given("w3c", [
		fn("web", "standards-setting", "multistakeholder"),
		fn("cert", "cybersecurity-operations", "multistakeholder"),
	])
	count(got) == 0
}

topic(id, category) := {"id": id, "category": category, "declaredModality": "multistakeholder", "decidedBy": "", "binding": false}

# The IGF pattern: an advisory forum's discussion tracks are decided by
# nobody and bind nobody; they are not governed functions.
test_pass_forum_discussion_topics if {
	got := rule.deny with input as given("igf", [
		topic("content", "information-intermediaries"),
		topic("cyber", "cybersecurity-operations"),
		topic("access", "access-and-interconnection"),
	])
	count(got) == 0
}
