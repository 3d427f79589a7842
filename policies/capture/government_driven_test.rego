package charterlint.rules.capture.government_driven_test

import data.charterlint.rules.capture.government_driven as rule

# council builds a deciding body whose non-governmental votes are chosen
# by governments (chosen of them), with the recallers given.
council(votes, chosen, recalled) := {
	"pointer": "/bodies/0",
	"decides": ["cctld-policy"],
	"votes": votes,
	"totalVotes": sum([n | some n in votes]),
	"governmentChosen": chosen,
	"choosers": ["government"],
	"recalledBy": recalled,
}

functions := {"cctld-policy": {"declaredModality": "multistakeholder"}}

# The ministry appoints, and can recall, every business and civil-society
# member of a council that calls itself multistakeholder.
test_fail_ministry_appoints_and_recalls_every_seat if {
	body := council({"private-sector": 3, "civil-society": 3}, 6, ["government"])
	got := rule.deny with input as {"facts": {"functions": functions, "bodies": {"council": body}}}
	got == {{
		"pointer": "/bodies/0",
		"element": "council",
		"message": `body "council" claims multistakeholder, but governmental actors (government) choose the holders of 6 of its 6 votes, every vote that is not their own, and can recall them: a formal multistakeholder body driven by government`,
	}}
}

# Governments sit too, in seats of their own; the others' are theirs to fill.
test_fail_with_government_seats_and_no_recall if {
	body := council({"government": 2, "private-sector": 3, "civil-society": 3}, 6, [])
	got := rule.deny with input as {"facts": {"functions": functions, "bodies": {"council": body}}}
	[f] := [f | some f in got]
	contains(f.message, "choose the holders of 6 of its 8 votes, every vote that is not their own: a formal")
}

# Civil society elects its own members: the council is not theirs alone.
test_pass_when_a_class_chooses_its_own if {
	body := council({"private-sector": 3, "civil-society": 3}, 3, ["government"])
	got := rule.deny with input as {"facts": {"functions": functions, "bodies": {"council": body}}}
	count(got) == 0
}

# A national body that does not claim to be multistakeholder.
test_pass_without_the_claim if {
	body := council({"private-sector": 3, "civil-society": 3}, 6, [])
	fns := {"cctld-policy": {"declaredModality": "national"}}
	got := rule.deny with input as {"facts": {"functions": fns, "bodies": {"council": body}, "claimsMultistakeholder": false}}
	count(got) == 0
}

test_pass_body_deciding_nothing if {
	body := object.union(council({"private-sector": 3}, 3, []), {"decides": []})
	got := rule.deny with input as {"facts": {"functions": functions, "bodies": {"council": body}, "claimsMultistakeholder": true}}
	count(got) == 0
}
