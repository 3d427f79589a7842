# METADATA
# title: Declared modality differs from effective modality
# description: |
#   A function declares one modality but the body that decides it, judged by
#   who really holds power there, works in another: for example a function
#   declared multistakeholder that a states-only council decides. Pairs
#   listed in data.charterlint.config.compatible are not reported.
#   Each finding is graded by what the difference means. Error: the
#   declaration claims more inclusion than there is (declared
#   multistakeholder, effectively one of the single-class modalities
#   intergovernmental, national, private or technical-community). Info: the
#   two are adjacent (technical-community and private, or intergovernmental
#   and national, either way round), or the effective modality is more
#   inclusive than declared (effectively multistakeholder). Warning: any
#   other difference, such as declared private but decided by states.
# custom:
#   id: CL-MOD-002
#   severity: error
#   group: modality
#   rationale: |
#     A charter's declared modality is a promise about who decides. When the
#     seats, votes, vetoes and binding advice say otherwise, the declaration
#     misleads participants and outside observers alike: "claims
#     multistakeholder, is multilateral" is the outcome DeNardis and
#     Raymond warn that formalised multistakeholder arrangements can reach,
#     and charterlint calls it multilateral capture. The effective modality comes from the body that decides the
#     function, not from the charter's words. Not every difference hides
#     capture: a body of engineers deciding what was declared a private
#     matter, a single ministry deciding what was declared
#     intergovernmental, or more classes holding power than declared, are
#     imprecise declarations worth correcting, and are graded down.
#   citation: DeNardis & Raymond, Thinking Clearly about Multistakeholder Internet Governance (GigaNet 2013), on formalised multistakeholderism that yields multilateral rather than multistakeholder arrangements; Raymond & DeNardis, Multistakeholderism (International Theory 7(3), 2015), on varieties as the classes that hold authority and their relations (comparing the declared with the effective modality is charterlint's operationalisation)
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
		[id, declared, fn.decidedBy, holders(fn.powerClasses, fn.theoryClasses), effective],
	),
	"severity": grade(declared, effective),
} if {
	some id, fn in input.facts.functions
	effective := fn.effectiveModality
	declared := fn.declaredModality
	effective != declared
	effective != "none"
	not effective in object.get(data.charterlint.config.compatible, declared, [])
}

# single_class are the modalities in which one class holds power.
single_class := {"intergovernmental", "national", "private", "technical-community"}

# adjacent are the pairs of single-class modalities that lie next to each
# other: firms and the technical community, several states and one.
adjacent := {
	["technical-community", "private"], ["private", "technical-community"],
	["intergovernmental", "national"], ["national", "intergovernmental"],
}

# grade is a finding's severity: error for a claim of more inclusion than
# there is, info for adjacent modalities or more inclusion than claimed,
# warning otherwise.
grade(declared, effective) := "error" if {
	declared == "multistakeholder"
	effective in single_class
} else := "info" if {
	[declared, effective] in adjacent
} else := "info" if {
	effective == "multistakeholder"
} else := "warning"

# holders says who holds power on the deciding body, and when the one
# group holding it acts as firms, says so: that is why it is private.
holders(power, theory) := sprintf("only %s holds power", [power[0]]) if {
	count(power) == 1
	not lib.acting_as_firms(power, theory)
} else := sprintf("only %s, acting as firms, holds power", [power[0]]) if {
	count(power) == 1
} else := sprintf("%s hold power", [lib.classes_text(power)])
