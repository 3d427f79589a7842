# METADATA
# title: Only one class decides
# description: |
#   The charter claims to be multistakeholder, but on a body that decides
#   functions declared multistakeholder a single actor class holds all
#   decision power and no other class even sits on the body. Classes are
#   those of Raymond and DeNardis's theory (facts.theoryClasses): the
#   technical community and academia together are one class, civil
#   society, unless an actor acts as a firm. A body that
#   only decides functions honestly declared private, technical-community
#   or intergovernmental is not reported.
# custom:
#   id: CL-CAP-001
#   severity: error
#   group: capture
#   rationale: |
#     Multistakeholder governance means that at least two classes, one of
#     them non-governmental, share the power to decide. A deciding body made
#     of one class alone is single-stakeholder whatever the charter calls it:
#     if that class is governmental the body is multilateral, if it is a
#     class of firms or engineers it is private or technical self-rule. The
#     label then hides who really decides the functions the body controls.
#   citation: Raymond & DeNardis, Multistakeholderism (International Theory 7(3), 2015), on varieties as combinations of actor classes and the authority relations among them; DeNardis & Raymond, Thinking Clearly about Multistakeholder Internet Governance (GigaNet 2013), on "multistakeholder" arrangements that turn out multilateral (requiring a non-governmental class among those that decide is charterlint's operationalisation)
#   fail: |
#     "modality": "multistakeholder",
#     "bodies": [{"id": "council", "role": "decision", "seats": [
#       {"id": "states", "actor": "member-states", "count": 48, "vote": "full"}]}],
#     "functions": [{"id": "root-zone", "category": "critical-internet-resources",
#       "modality": "multistakeholder", "decidedBy": "council"}]
#   pass: |
#     "modality": "multistakeholder",
#     "bodies": [{"id": "council", "role": "decision", "seats": [
#       {"id": "states", "actor": "member-states", "count": 10, "vote": "full"},
#       {"id": "operators", "actor": "registries", "count": 10, "vote": "full"}]}],
#     "functions": [{"id": "root-zone", "category": "critical-internet-resources",
#       "modality": "multistakeholder", "decidedBy": "council"}]
package charterlint.rules.capture.only_one_class_decides

import data.charterlint.lib

deny contains {
	"pointer": body.pointer,
	"element": id,
	"message": sprintf(
		"body %q: only %s decision power although the charter claims multistakeholder for the functions it decides (%s); the body is effectively %s",
		[id, holders(body), concat(", ", claimed), effectively(class, body)],
	),
} if {
	input.facts.claimsMultistakeholder
	some id in lib.deciding_bodies
	body := input.facts.bodies[id]
	# One class of the theory (facts.theoryClasses): engineers and
	# academics together are one, civil society.
	count(body.theoryClasses) == 1
	class := body.powerClasses[0]
	not silenced_nongovernmental(body, class)
	claimed := sort([f | some f in body.decides; input.facts.functions[f].declaredModality == "multistakeholder"])
	count(claimed) > 0
}

# silenced_nongovernmental holds when governments decide alone while
# non-governmental classes sit on the body without a vote: CL-CAP-002 is
# the finding then, not this rule.
silenced_nongovernmental(body, class) if {
	not lib.nongovernmental(class)
	some other in others(body, class)
	lib.nongovernmental(other)
}

# others are the classes other than the deciding one that sit on the body
# in any way: seated members, participants, members without a vote and
# holders of limited votes.
others(body, class) := sitting(body) - {class, "mixed"}

sitting(body) := (members | silent) | limited if {
	members := {c | some c in object.get(body, "memberClasses", [])}
	silent := {c | some c in object.get(body, "nonVotingClasses", [])}
	limited := object.keys(object.get(body, "limitedVotes", {}))
}

# holders names who holds power: one stakeholder group (saying so when
# it acts as firms), or several that make one class of the theory.
holders(body) := sprintf("%s, acting as firms, holds", [body.powerClasses[0]]) if {
	lib.acting_as_firms(body.powerClasses, body.theoryClasses)
} else := sprintf("%s holds", [body.powerClasses[0]]) if {
	count(body.powerClasses) == 1
} else := sprintf("%s (together one class of the theory, %s) hold", [
	concat(", ", [lib.acting(g, body.theoryClasses[0]) | some g in sort(body.powerClasses)]),
	lib.theory_name[body.theoryClasses[0]],
])

# effectively names the modality of a body one class decides: governments
# make it intergovernmental (national when one state decides alone).
effectively(class, body) := "national" if {
	not lib.nongovernmental(class)
	body.effectiveModality == "national"
} else := "intergovernmental" if {
	not lib.nongovernmental(class)
} else := body.effectiveModality
