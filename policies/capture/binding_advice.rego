# METADATA
# title: Advisory body whose advice binds
# description: |
#   An advisory body gives advice with weight "binding" to a body that
#   decides functions: the decider must follow it, so the adviser decides.
# custom:
#   id: CL-CAP-007
#   severity: warning
#   group: capture
#   rationale: |
#     Advice that must be followed is a decision taken elsewhere. The
#     deciding body's balance of seats and votes then matters little,
#     because the classes that sit on the advisory body hold the real
#     power, often without the accountability that comes with a formal
#     decision role. Strong advice that the decider may reject by a stated
#     supermajority after consultation, as with ICANN's GAC, is weighted
#     rather than binding and is not reported.
#   citation: Raymond & DeNardis, Multistakeholderism (International Theory 7(3), 2015), on authority relations among actor classes (counting binding advice as decision power is charterlint's operationalisation); ICANN Bylaws Art. 12 (Board must consider GAC advice; consensus GAC advice can be rejected only by 60 % of the Board)
#   fail: |
#     "advice": [{"id": "gac-advice", "from": "gac", "to": "board", "weight": "binding"}]
#   pass: |
#     "advice": [{"id": "gac-advice", "from": "gac", "to": "board",
#       "weight": "must-consider", "rejectThreshold": 0.6, "consultation": true}]
package charterlint.rules.capture.binding_advice

import data.charterlint.lib

deny contains {
	"pointer": advice.pointer,
	"element": id,
	"message": sprintf(
		"advice %q: advisory body %q%s gives binding advice to body %q, which decides %s; the adviser effectively decides",
		[id, advice.from, members(advice), advice.to, concat(", ", sort(to.decides))],
	),
} if {
	some id, advice in input.facts.advice
	advice.weight == "binding"
	input.facts.bodies[advice.from].role == "advisory"
	advice.to in lib.deciding_bodies
	to := input.facts.bodies[advice.to]
}

# members names the classes of the advising body, when it has seated members.
members(advice) := sprintf(" (%s)", [lib.classes_text(advice.classes)]) if {
	count(advice.classes) > 0
} else := ""
