# METADATA
# title: Classes that only advise or attend
# description: |
#   The charter claims to be multistakeholder and some classes decide, but
#   an actor class it names holds decision power on no body that decides a
#   function: it only advises, sits without a vote, holds a limited vote,
#   or attends as a liaison or observer. The finding lists each such class
#   and what it does instead. When only governments decide and every
#   non-governmental class is left out, CL-CAP-003 reports the charter and
#   this rule does not.
# custom:
#   id: CL-CAP-008
#   severity: info
#   group: capture
#   rationale: |
#     Which classes hold authority, and which are merely consulted, is what
#     tells one variety of multistakeholderism from another. A class that
#     speaks through an advisory committee or a liaison seat takes part, but
#     the decisions are made without its vote. That may be a deliberate
#     choice (governments that advise a private board on public policy), so
#     the finding is for information: a drafting committee should know
#     which classes it leaves outside the decision and say why, since the
#     claim to be multistakeholder promises the participation of all
#     stakeholders.
#   citation: Raymond & DeNardis, Multistakeholderism (International Theory 7(3), 2015), on varieties that differ in the actor classes entitled to take part and the authority relations among them; NETmundial Multistakeholder Statement (2014), process principles (multistakeholder, with the full participation of all stakeholders)
#   fail: |
#     "modality": "multistakeholder",
#     "actors": [{"id": "registries", "name": "Registries", "class": "private-sector"},
#       {"id": "users", "name": "Users", "class": "civil-society"},
#       {"id": "governments", "name": "Governments", "class": "government"}],
#     "bodies": [{"id": "board", "role": "decision", "seats": [
#       {"id": "registry-seats", "actor": "registries", "count": 4, "vote": "full"},
#       {"id": "user-seats", "actor": "users", "count": 4, "vote": "full"},
#       {"id": "gac-liaison", "actor": "governments", "vote": "none", "kind": "liaison"}]},
#       {"id": "gac", "role": "advisory", "seats": [
#       {"id": "gac-members", "actor": "governments", "count": 20, "vote": "full"}]}],
#     "functions": [{"id": "names", "category": "critical-internet-resources",
#       "modality": "multistakeholder", "decidedBy": "board"}],
#     "advice": [{"id": "gac-advice", "from": "gac", "to": "board", "weight": "non-binding"}]
#   pass: |
#     "modality": "multistakeholder",
#     "actors": [{"id": "registries", "name": "Registries", "class": "private-sector"},
#       {"id": "users", "name": "Users", "class": "civil-society"},
#       {"id": "governments", "name": "Governments", "class": "government"}],
#     "bodies": [{"id": "board", "role": "decision", "seats": [
#       {"id": "registry-seats", "actor": "registries", "count": 4, "vote": "full"},
#       {"id": "user-seats", "actor": "users", "count": 4, "vote": "full"},
#       {"id": "government-seats", "actor": "governments", "count": 2, "vote": "full"}]}],
#     "functions": [{"id": "names", "category": "critical-internet-resources",
#       "modality": "multistakeholder", "decidedBy": "board"}]
package charterlint.rules.capture.only_advise_or_attend

import data.charterlint.lib

deny contains {
	"pointer": "/actors",
	"element": input.charter.id,
	"message": sprintf(
		"the charter claims multistakeholder and %s decide, but %s on no body that decides a function%s",
		[lib.classes_text(power), holders(advisory), parts(advisory)],
	),
} if {
	input.facts.claimsMultistakeholder
	power := input.facts.variety.powerClasses
	count(power) > 0
	advisory := input.facts.variety.advisoryClasses
	count(advisory) > 0
	not nongov_advisory_only
}

# nongov_advisory_only is the case CL-CAP-003 reports, as an error: only
# governmental classes hold power while non-governmental ones are present.
# The two rules then describe the same classes; this one stays silent.
nongov_advisory_only if {
	every class in input.facts.variety.powerClasses {
		not lib.nongovernmental(class)
	}
	some class in input.facts.classes
	lib.nongovernmental(class)
}

# parts says what each class without power does instead: for one class
# its roles alone, since the sentence has just named it.
parts(classes) := sprintf(" (what it does: %s)", [roles_text(classes[0])]) if {
	count(classes) == 1
} else := sprintf(": %s", [concat(", ", [sprintf("%s (%s)", [c, roles_text(c)]) | some c in sort(classes)])])

# holders names the classes without power with the right number.
holders(classes) := sprintf("%s holds decision power", [classes[0]]) if {
	count(classes) == 1
} else := sprintf("%s hold decision power", [lib.classes_text(classes)])

# roles_text says, in words, what a class without decision power does.
roles_text(class) := concat("; ", roles) if {
	roles := role_list(class)
	count(roles) > 0
} else := "no seat on any body"

# role_list lists the class's roles: the advice it gives, then its other
# roles kind by kind (facts.variety.roles).
role_list(class) := array.concat(
	[sprintf("advises body %q through body %q%s", [a.to, a.from, weight_text(a)]) |
		some a in sorted_advice
		class in a.classes
	],
	[named(r.kind, [sprintf("%q", [id]) | some id in r.bodies]) | some r in object.get(input.facts.variety, ["roles", class], [])],
)

# sorted_advice is the advice relations in a stable order: by the body
# advised, then the advising body.
sorted_advice := [a |
	some key in sort([[a.to, a.from, id] | some id, a in input.facts.advice])
	a := input.facts.advice[key[2]]
]

weight_text(a) := sprintf(" (%s)", [a.weight]) if {
	a.weight != ""
} else := ""

# named names a role on one body or several: `liaison on body "board"`,
# `liaison on bodies "board", "nomcom"`.
named(role, names) := sprintf("%s body %s", [role, names[0]]) if {
	count(names) == 1
} else := sprintf("%s bodies %s", [role, concat(", ", names)])
