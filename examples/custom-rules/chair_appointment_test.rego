package acme.chair_appointment_test

import data.acme.chair_appointment

# The input a rule sees: the charter as written (input.charter) and the
# facts charterlint derives from it (input.facts). A test writes only what
# the rule reads.
charter := {"actors": [
	{"id": "ministry", "name": "Ministry of Communications", "class": "government", "kind": "organisation"},
	{"id": "operators", "name": "Network operators", "class": "private-sector"},
]}

chair(selected_by, appointed_by) := {
	"id": "chair",
	"pointer": "/bodies/0/seats/0",
	"body": "board",
	"deciding": true,
	"kind": "chair",
	"selectedBy": selected_by,
	"appointedBy": appointed_by,
}

facts(seat) := {
	"actors": {"ministry": {"class": "government"}, "operators": {"class": "private-sector"}},
	"bodies": {"board": {"pointer": "/bodies/0"}},
	"seats": [seat],
}

test_fires_when_one_ministry_appoints_the_chair if {
	got := chair_appointment.deny with input as {"charter": charter, "facts": facts(chair(["ministry"], ""))}
	got == {{
		"pointer": "/bodies/0/seats/0",
		"element": "board",
		"message": `body "board": its chair (seat "chair") is chosen by Ministry of Communications (ministry) alone`,
	}}
}

test_silent_when_the_board_elects_its_chair if {
	got := chair_appointment.deny with input as {"charter": charter, "facts": facts(chair(["board"], "board"))}
	count(got) == 0
}

test_silent_when_two_actors_must_agree if {
	got := chair_appointment.deny with input as {"charter": charter, "facts": facts(chair(["ministry", "operators"], ""))}
	count(got) == 0
}

test_silent_for_a_body_that_decides_nothing if {
	seat := object.union(chair(["ministry"], ""), {"deciding": false})
	got := chair_appointment.deny with input as {"charter": charter, "facts": facts(seat)}
	count(got) == 0
}
