package charterlint.rules.modality.one_modality_for_all_test

import data.charterlint.rules.modality.one_modality_for_all as rule

# given builds the input: the charter's id and the variety facts about the
# functions it governs (discussion topics are left out by the facts).
given(id, n, modalities, categories) := {
	"charter": {"id": id},
	"facts": {"variety": {
		"governedFunctions": n,
		"governedModalities": modalities,
		"governedCategories": categories,
	}},
}

test_fail_same_modality_everywhere if {
	got := rule.deny with input as given(
		"khaleej", 4, ["multistakeholder"],
		["critical-internet-resources", "cybersecurity-operations", "information-intermediaries"],
	)
	got == {{
		"pointer": "",
		"element": "khaleej",
		"message": "all 4 functions declare the same modality, multistakeholder, across 3 categories (critical-internet-resources, cybersecurity-operations, information-intermediaries); the charter does not weigh which modality suits each function",
	}}
}

test_pass_modalities_differ if {
	got := rule.deny with input as given(
		"ripe", 3, ["multistakeholder", "private"],
		["critical-internet-resources", "cybersecurity-operations"],
	)
	count(got) == 0
}

# The ICANN pattern: several functions, all in one category.
test_pass_single_category if {
	got := rule.deny with input as given("icann", 3, ["multistakeholder"], ["critical-internet-resources"])
	count(got) == 0
}

test_pass_fewer_than_three_functions if {
	got := rule.deny with input as given(
		"w3c", 2, ["multistakeholder"],
		["cybersecurity-operations", "standards-setting"],
	)
	count(got) == 0
}

# The IGF pattern: an advisory forum's discussion tracks are decided by
# nobody and bind nobody, so it governs no function at all.
test_pass_forum_discussion_topics if {
	got := rule.deny with input as given("igf", 0, [], [])
	count(got) == 0
}
