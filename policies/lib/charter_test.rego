package charterlint.lib_test

import data.charterlint.lib

test_bodies_named_counts if {
	lib.bodies_named({"board"}) == "body board"
	lib.bodies_named({"council", "board"}) == "bodies board, council"
}

bodies := {"conference": {"decides": ["treaty"]}, "council": {"decides": ["budget"]}}

test_consent_covers_the_bodies_named if {
	given := {"facts": {"bodies": bodies}, "charter": {"accountability": {"recourse": [{"id": "r", "kind": "ratification", "of": ["conference"]}]}}}
	lib.consent_bound == {"conference"} with input as given
	lib.consent_left_out == " (left out: body conference, whose outputs bind only the parties that ratify them or accept them with reservations)" with input as given
}

test_consent_without_of_covers_all if {
	given := {"facts": {"bodies": bodies}, "charter": {"accountability": {"recourse": [{"id": "r", "kind": "reservation"}]}}}
	lib.consent_bound == {"conference", "council"} with input as given
}

test_other_recourse_is_not_consent if {
	given := {"facts": {"bodies": bodies}, "charter": {"accountability": {"recourse": [{"id": "r", "kind": "courts"}]}}}
	count(lib.consent_bound) == 0 with input as given
	lib.consent_left_out == "" with input as given
}

test_claims_openness if {
	lib.claims_openness with input as {"facts": {"claimsOpenness": true}, "charter": {}}
	not lib.claims_openness with input as {"facts": {"claimsOpenness": false}, "charter": {"principles": ["open"]}}
}

test_answerable_outside if {
	recourse := {"accountability": {"recourse": [{"id": "c", "kind": "courts", "of": ["council"]}, {"id": "w", "kind": "withdrawal"}]}}
	lib.answerable_outside == {"council"} with input as {"facts": {"bodies": bodies, "claimsOpenness": false}, "charter": recourse}
	lib.answerable_outside == set() with input as {"facts": {"bodies": bodies, "claimsOpenness": true}, "charter": recourse}
	market := {"accountability": {"recourse": [{"id": "m", "kind": "market"}]}}
	lib.answerable_outside == {"conference", "council"} with input as {"facts": {"bodies": bodies, "claimsOpenness": false}, "charter": market}
}

test_outside_left_out if {
	recourse := {"accountability": {"recourse": [{"id": "c", "kind": "courts", "of": ["council"]}]}}
	lib.outside_left_out == " (left out: body council, answerable to courts, regulators, markets or peers, as a private or national arrangement is)" with input as {"facts": {"bodies": bodies, "claimsOpenness": false}, "charter": recourse}
	lib.outside_left_out == "" with input as {"facts": {"bodies": bodies, "claimsOpenness": true}, "charter": recourse}
}

test_organisation_text if {
	lib.organisation_text("private-sector") == "firm"
	lib.organisation_text("academia") == "academic organisation"
	lib.organisation_text("technical-community") == "technical-community organisation"
}

test_incumbents_text if {
	lib.incumbents_text(["a"]) == `the incumbent "a"`
	lib.incumbents_text(["a", "b"]) == `the incumbents "a", "b"`
}

test_function_subject if {
	lib.function_subject({"category": "critical-internet-resources", "task": "cctld-policy"}) == "critical-internet-resources, task cctld-policy"
	lib.function_subject({"category": "standards-setting", "task": ""}) == "standards-setting"
	lib.function_subject({"category": "standards-setting"}) == "standards-setting"
}

test_non_binding_note if {
	lib.non_binding_note({"binding": false}) == "; its outputs bind nobody (binding: false), which lowers the stakes"
	lib.non_binding_note({"binding": true}) == ""
	lib.non_binding_note({"binding": null}) == ""
}

test_acting if {
	lib.acting("technical-community", "firm") == "technical-community acting as firms"
	lib.acting("private-sector", "firm") == "private-sector"
	lib.acting("academia", "civil-society") == "academia"
}

test_acting_as_firms if {
	lib.acting_as_firms(["technical-community"], ["firm"])
	not lib.acting_as_firms(["private-sector"], ["firm"])
	not lib.acting_as_firms(["technical-community"], ["civil-society"])
	not lib.acting_as_firms(["technical-community", "academia"], ["firm"])
}
