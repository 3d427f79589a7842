# METADATA
# description: |
#   Helpers shared by the rule pack: how to name classes and shares in
#   messages, and which bodies decide functions.
package charterlint.lib

# classes_text joins class names for a message: "civil-society, private-sector".
classes_text(classes) := concat(", ", sort(classes))

# theory_name names a class of Raymond and DeNardis's theory in a
# message (facts.theoryClasses).
theory_name := {"state": "states", "igo": "IGOs", "firm": "firms", "civil-society": "civil society"}

# acts_as_firm holds for a stakeholder group counted among the theory's
# firms that is not the private sector: its actors act as firms
# (actor.actsAs), as a registry of the technical community run as a
# business does.
acts_as_firm(group, class) if {
	class == "firm"
	group != "private-sector"
}

# acting_as_firms holds when the one stakeholder group holding power acts
# as firms (acts_as_firm).
acting_as_firms(groups, theory) if {
	count(groups) == 1
	theory == ["firm"]
	acts_as_firm(groups[0], "firm")
}

# acting names a stakeholder group inside a class of the theory, saying
# so where the group's actors act as firms.
acting(group, class) := sprintf("%s acting as firms", [group]) if {
	acts_as_firm(group, class)
} else := group

# percent renders a share (0..1) as a whole percentage.
percent(share) := sprintf("%d%%", [round(share * 100)])

# deciding_bodies are the ids of bodies that decide at least one function.
deciding_bodies contains id if {
	some id
	input.facts.bodies[id].decides[0]
}

# bodies_named names bodies for a message, sorted: "body board" or
# "bodies board, council".
bodies_named(ids) := sprintf("body %s", [concat(", ", sort(ids))]) if {
	count(ids) == 1
} else := sprintf("bodies %s", [concat(", ", sort(ids))])

# bound_by_consent holds when a recourse of kind ratification or
# reservation covers the body (names it, or names no body and so covers
# all): its outputs bind only the parties that ratify them or accept them
# with reservations, which need no appeal or review to escape them.
bound_by_consent(body) if {
	some recourse in object.get(input.charter, ["accountability", "recourse"], [])
	recourse.kind in {"ratification", "reservation"}
	body in object.get(recourse, "of", [body])
}

# consent_bound are the deciding bodies bound by consent.
consent_bound contains id if {
	some id in deciding_bodies
	bound_by_consent(id)
}

# consent_left_out tells, for a message, which deciding bodies a rule left
# out because they bind only by consent: "" when none.
consent_left_out := left_out(consent_bound, "whose outputs bind only the parties that ratify them or accept them with reservations")

# left_out words, for a message, the bodies a rule left out and why: ""
# when there are none.
left_out(ids, why) := "" if {
	count(ids) == 0
} else := sprintf(" (left out: %s, %s)", [bodies_named(ids), why])

# claims_openness holds when the charter claims to be multistakeholder or
# open (facts.claimsOpenness: the claim, an open or inclusive principle,
# or open participation): the NETmundial process principles are then the
# standard it set itself.
claims_openness if input.facts.claimsOpenness

# answerable_outside are the deciding bodies of a charter that makes no
# such claim which a recourse of the kind that fits a private or national
# body covers: courts, a regulator, the market or peers (Grant and
# Keohane 2005). For them it stands in for appeal and review.
answerable_outside contains id if {
	not claims_openness
	some id in deciding_bodies
	some recourse in object.get(input.charter, ["accountability", "recourse"], [])
	recourse.kind in {"courts", "regulator", "market", "peer-review"}
	id in object.get(recourse, "of", [id])
}

# outside_left_out tells, for a message, which deciding bodies a rule
# left out because courts, a regulator, the market or peers hold them to
# account: "" when none.
outside_left_out := left_out(answerable_outside, "answerable to courts, regulators, markets or peers, as a private or national arrangement is")

# organisation_text names a named organisation's kind for a message:
# "firm", "academic organisation", "government organisation".
organisation_text(class) := "firm" if {
	class == "private-sector"
} else := "academic organisation" if {
	class == "academia"
} else := sprintf("%s organisation", [class])

# incumbents_text names incumbents for a message: `the incumbent "a"`,
# `the incumbents "a", "b"`.
incumbents_text(ids) := sprintf("the incumbent %q", [ids[0]]) if {
	count(ids) == 1
} else := sprintf("the incumbents %s", [concat(", ", [sprintf("%q", [x]) | some x in ids])])

# seats_text counts seats for a message: "1 seat", "3 seats".
seats_text(n) := "1 seat" if {
	n == 1
} else := sprintf("%d seats", [n])

# nongovernmental reports whether a class is neither a state nor an IGO.
nongovernmental(class) if not class in {"government", "intergovernmental", "mixed"}

# function_subject names a function's category for a message, and its task
# when it has one: "critical-internet-resources, task cctld-policy".
function_subject(fn) := sprintf("%s, task %s", [fn.category, fn.task]) if {
	object.get(fn, "task", "") != ""
} else := fn.category

# non_binding_note adds to a message that a function's outputs bind nobody
# (binding: false, such as a recommendation): "" otherwise. The modality
# rules grade such a function one step lower.
non_binding_note(fn) := "; its outputs bind nobody (binding: false), which lowers the stakes" if {
	fn.binding == false
} else := ""
