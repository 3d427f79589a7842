package charterlint.rules.capture.nongov_without_vote_test

import data.charterlint.rules.capture.nongov_without_vote as rule

council(voting, nonvoting) := {
	"pointer": "/bodies/0",
	"decides": ["spectrum"],
	"votingSeats": 48,
	"totalVotes": 48,
	"votingClasses": voting,
	"nonVotingClasses": nonvoting,
}

test_fail_sector_members_without_vote if {
	got := rule.deny with input as {"facts": {
		"claimsMultistakeholder": true,
		"bodies": {"council": council(["government"], ["private-sector", "academia"])},
	}}
	got == {{
		"pointer": "/bodies/0",
		"element": "council",
		"message": `body "council": non-governmental classes academia, private-sector hold seats but 0 of 48 votes, while the charter claims multistakeholder; only government votes`,
	}}
}

test_fail_one_silenced_class_is_named_in_the_singular if {
	got := rule.deny with input as {"facts": {
		"claimsMultistakeholder": true,
		"bodies": {"council": council(["government"], ["private-sector"])},
	}}
	{f.message | some f in got} == {`body "council": non-governmental class private-sector holds seats but 0 of 48 votes, while the charter claims multistakeholder; only government votes`}
}

test_pass_when_nongovernmental_classes_vote if {
	got := rule.deny with input as {"facts": {
		"claimsMultistakeholder": true,
		"bodies": {"council": council(["government", "private-sector"], ["academia"])},
	}}
	count(got) == 0
}

test_pass_when_charter_claims_intergovernmental if {
	got := rule.deny with input as {"facts": {
		"claimsMultistakeholder": false,
		"bodies": {"council": council(["government"], ["private-sector"])},
	}}
	count(got) == 0
}

test_pass_for_governmental_liaisons_only if {
	got := rule.deny with input as {"facts": {
		"claimsMultistakeholder": true,
		"bodies": {"council": council(["government"], ["intergovernmental"])},
	}}
	count(got) == 0
}

test_pass_for_body_deciding_nothing if {
	body := object.union(council(["government"], ["private-sector"]), {"decides": []})
	got := rule.deny with input as {"facts": {"claimsMultistakeholder": true, "bodies": {"forum": body}}}
	count(got) == 0
}

# Weighted votes: 48 delegations cast 96 votes (two each). The message
# counts votes, not seats.
test_fail_counts_weighted_votes_not_seats if {
	body := object.union(council(["government"], ["private-sector"]), {"totalVotes": 96})
	got := rule.deny with input as {"facts": {"claimsMultistakeholder": true, "bodies": {"council": body}}}
	{f.message | some f in got} == {`body "council": non-governmental class private-sector holds seats but 0 of 96 votes, while the charter claims multistakeholder; only government votes`}
}
