# METADATA
# title: Non-governmental actors only advise
# description: |
#   The charter claims to be multistakeholder and names non-governmental
#   actors, but on every body that decides a function only governments or
#   intergovernmental organisations hold power: everyone else only advises
#   or attends.
# custom:
#   id: CL-CAP-003
#   severity: error
#   group: capture
#   rationale: |
#     Consultation is not co-decision. When firms, civil society, the
#     technical community and academia may speak but states alone decide,
#     the arrangement is multilateral with a consultative layer on top, not
#     multistakeholder: the non-governmental actors lend legitimacy to
#     decisions they cannot shape. DeNardis and Raymond warn that
#     formalised "multistakeholder" arrangements can end up multilateral in
#     this way, with non-governmental actors limited in their
#     participation. Reading an advisory-only role as that outcome
#     (multilateral capture) is charterlint's operationalisation.
#   citation: DeNardis & Raymond, Thinking Clearly about Multistakeholder Internet Governance (GigaNet 2013), on top-down, formalised multistakeholderism that yields multilateral rather than multistakeholder arrangements (advisory-only roles as charterlint's operationalisation); Raymond & DeNardis, Multistakeholderism (International Theory 7(3), 2015), on the actor classes entitled to take part and the authority relations among them
#   fail: |
#     "modality": "multistakeholder",
#     "actors": [{"id": "states", "class": "government"},
#       {"id": "operators", "class": "private-sector"}],
#     "bodies": [{"id": "council", "role": "decision", "seats": [
#       {"id": "delegates", "actor": "states", "count": 12, "vote": "full"}]},
#       {"id": "forum", "role": "advisory", "seats": [
#       {"id": "industry", "actor": "operators", "count": 10, "vote": "full"}]}],
#     "functions": [{"id": "dns", "category": "critical-internet-resources",
#       "modality": "multistakeholder", "decidedBy": "council"}]
#   pass: |
#     "modality": "multistakeholder",
#     "bodies": [{"id": "council", "role": "decision", "seats": [
#       {"id": "delegates", "actor": "states", "count": 6, "vote": "full"},
#       {"id": "industry", "actor": "operators", "count": 6, "vote": "full"}]}],
#     "functions": [{"id": "dns", "category": "critical-internet-resources",
#       "modality": "multistakeholder", "decidedBy": "council"}]
package charterlint.rules.capture.nongov_advisory_only

import data.charterlint.lib

deny contains {
	"pointer": pointer,
	"element": input.charter.id,
	"message": sprintf(
		"the charter claims multistakeholder, but decision power on the bodies that decide its functions rests with %s alone; non-governmental classes %s only advise or attend",
		[lib.classes_text(power), lib.classes_text(advisers)],
	),
} if {
	input.facts.claimsMultistakeholder
	power := input.facts.variety.powerClasses
	count(power) > 0
	every class in power {
		not lib.nongovernmental(class)
	}
	advisers := [class | some class in input.facts.classes; lib.nongovernmental(class)]
	count(advisers) > 0
}

# pointer is the charter's own claim when it makes one, else the whole
# charter (the claim then comes from a function's declared modality).
pointer := "/modality" if {
	input.charter.modality == "multistakeholder"
} else := ""
