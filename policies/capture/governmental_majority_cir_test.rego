package charterlint.rules.capture.governmental_majority_cir_test

import data.charterlint.rules.capture.governmental_majority_cir as rule

functions := {
	"root-zone": {"category": "critical-internet-resources"},
	"cctld-policy": {"category": "critical-internet-resources"},
	"spectrum": {"category": "spectrum-and-satellite"},
}

council(decides, share) := {
	"pointer": "/bodies/1",
	"decides": decides,
	"votingSeats": 16,
	"totalVotes": 16,
	"governmentalShare": share,
	"oneState": false,
}

test_fail_governments_outvote_others_on_names if {
	got := rule.deny with input as {"facts": {
		"functions": functions,
		"bodies": {"council": council(["spectrum", "root-zone", "cctld-policy"], 0.75)},
	}}
	got == {{
		"pointer": "/bodies/1",
		"element": "council",
		"message": `body "council": governments and intergovernmental organisations hold 75% of its 16 votes while it decides critical Internet resources (cctld-policy, root-zone); they can outvote every other class`,
	}}
}

test_fail_threshold_comes_from_params if {
	got := rule.deny with input as {"facts": {
		"functions": functions,
		"bodies": {"council": council(["root-zone"], 0.375)},
	}}
		with data.charterlint.config.params.majority_share as 0.33
	count(got) == 1
}

test_pass_exactly_half_is_no_majority if {
	got := rule.deny with input as {"facts": {
		"functions": functions,
		"bodies": {"council": council(["root-zone"], 0.5)},
	}}
	count(got) == 0
}

test_pass_governmental_majority_on_other_functions if {
	got := rule.deny with input as {"facts": {
		"functions": functions,
		"bodies": {"wrc": council(["spectrum"], 1)},
	}}
	count(got) == 0
}

# The ICANN board pattern: a government liaison without a vote.
test_pass_non_voting_government_liaison if {
	got := rule.deny with input as {"facts": {
		"functions": functions,
		"bodies": {"board": council(["root-zone"], 0)},
	}}
	count(got) == 0
}

# Weighted votes: 16 seats cast 40 votes; the share and the count are of
# votes, not seats.
test_fail_counts_weighted_votes_not_seats if {
	body := object.union(council(["root-zone"], 0.6), {"totalVotes": 40})
	got := rule.deny with input as {"facts": {"functions": functions, "bodies": {"council": body}}}
	{f.message | some f in got} == {`body "council": governments and intergovernmental organisations hold 60% of its 40 votes while it decides critical Internet resources (root-zone); they can outvote every other class`}
}

# A country's government may hold the majority over its own country-code
# domain's policy: public policy authority over a ccTLD rests with it.
# Several states deciding it together are still reported.
test_fail_cctld_policy_of_several_states if {
	got := rule.deny with input as {"facts": {
		"functions": {"dot-example": {"category": "critical-internet-resources", "task": "cctld-policy"}},
		"bodies": {"council": object.union(council(["dot-example"], 1), {"effectiveModality": "intergovernmental", "oneState": false})},
	}}
	count(got) == 1
}

test_pass_national_cctld_policy if {
	got := rule.deny with input as {"facts": {
		"functions": {"dot-example": {"category": "critical-internet-resources", "task": "cctld-policy"}},
		"bodies": {"council": object.union(council(["dot-example"], 1), {"effectiveModality": "national", "oneState": true})},
	}}
	count(got) == 0
}

# The ministry shares the ccTLD's policy with the local Internet community,
# as the GAC principles ask, and keeps a majority: not capture either.
test_pass_cctld_policy_shared_with_the_local_community if {
	got := rule.deny with input as {"facts": {
		"functions": {"dot-example": {"category": "critical-internet-resources", "task": "cctld-policy"}},
		"bodies": {"council": object.union(council(["dot-example"], 0.56), {"effectiveModality": "multistakeholder", "oneState": true})},
	}}
	count(got) == 0
}

test_fail_national_body_still_reported_for_global_names if {
	got := rule.deny with input as {"facts": {
		"functions": object.union(functions, {"dot-example": {"category": "critical-internet-resources", "task": "cctld-policy"}}),
		"bodies": {"council": object.union(council(["dot-example", "root-zone"], 1), {"effectiveModality": "national", "oneState": true})},
	}}
	[f] := [f | some f in got]
	contains(f.message, "critical Internet resources (root-zone)")
}
