# METADATA
# title: Declared modality differs from effective modality
# description: |
#   A function declares one modality but the body that decides it, judged by
#   who really holds power there, works in another: for example a function
#   declared multistakeholder that a states-only council decides. Pairs
#   listed in data.charterlint.config.compatible are not reported.
# custom:
#   id: CL-MOD-002
#   severity: error
#   group: modality
#   rationale: |
#     A charter's declared modality is a promise about who decides. When the
#     seats, votes, vetoes and binding advice say otherwise, the declaration
#     misleads participants and outside observers alike: "claims
#     multistakeholder, is multilateral" is the core pattern of multilateral
#     capture. The effective modality comes from the body that decides the
#     function, not from the charter's words.
#   citation: Raymond & DeNardis, Multistakeholderism (International Theory 7(3), 2015), on multilateral capture
#   fail: |
#     "bodies": [{"id": "council", "role": "decision", "seats": [
#       {"id": "states", "actor": "member-states", "count": 12, "vote": "full"},
#       {"id": "industry", "actor": "operators", "count": 3, "vote": "none"}]}],
#     "functions": [{"id": "root-zone", "category": "critical-internet-resources",
#       "modality": "multistakeholder", "decidedBy": "council"}]
#   pass: |
#     "bodies": [{"id": "council", "role": "decision", "seats": [
#       {"id": "states", "actor": "member-states", "count": 6, "vote": "full"},
#       {"id": "industry", "actor": "operators", "count": 6, "vote": "full"}]}],
#     "functions": [{"id": "root-zone", "category": "critical-internet-resources",
#       "modality": "multistakeholder", "decidedBy": "council"}]
package charterlint.rules.modality.declared_effective_mismatch

import data.charterlint.lib

deny contains {
	"pointer": fn.pointer,
	"element": id,
	"message": sprintf(
		"function %q: declared %s but decided by body %q where %s: effectively %s",
		[id, declared, fn.decidedBy, holders(fn.powerClasses), effective],
	),
} if {
	some id, fn in input.facts.functions
	effective := fn.effectiveModality
	declared := fn.declaredModality
	effective != declared
	effective != "none"
	not effective in object.get(data.charterlint.config.compatible, declared, [])
}

# holders says who holds power on the deciding body.
holders(power) := sprintf("only %s holds power", [power[0]]) if {
	count(power) == 1
} else := sprintf("%s hold power", [lib.classes_text(power)])
