# METADATA
# title: Governmental majority over critical Internet resources
# description: |
#   Governments and intergovernmental organisations together hold more than
#   the majority share (params.majority_share, default 0.5) of the votes on
#   a body that decides a critical-Internet-resources function: names,
#   numbers, the root zone or protocol parameters. Policy for a
#   country-code top-level domain (task cctld-policy) is left out when
#   the governmental votes all belong to one state (facts.oneState), alone
#   or beside its local Internet community: public policy authority over a
#   ccTLD rests with its country's government (GAC ccTLD Principles 2005,
#   principle 4.1.1), which the principles ask to work with the local
#   community (principle 1.2). Several states deciding it together
#   are still reported: no country should decide another's ccTLD (Tunis
#   Agenda, para. 63).
# custom:
#   id: CL-CAP-004
#   severity: error
#   group: capture
#   rationale: |
#     The unique identifiers of the Internet are a shared global resource;
#     their stability depends on the operators and users who rely on them,
#     not only on states. When governments can outvote everyone else on
#     them, their coordination becomes government-led in fact. The IANA
#     stewardship transition was made conditional on exactly this not
#     happening.
#   citation: NTIA IANA transition criteria (14 March 2014), "NTIA will not accept a proposal that replaces the NTIA role with a government-led or an inter-governmental organization solution"
#   fail: |
#     "bodies": [{"id": "council", "role": "decision", "seats": [
#       {"id": "states", "actor": "member-states", "count": 12, "vote": "full"},
#       {"id": "operators", "actor": "registries", "count": 4, "vote": "full"}]}],
#     "functions": [{"id": "names-policy", "category": "critical-internet-resources",
#       "modality": "multistakeholder", "decidedBy": "council"}]
#   pass: |
#     "bodies": [{"id": "board", "role": "decision", "seats": [
#       {"id": "gac-liaison", "actor": "governments", "vote": "none"},
#       {"id": "directors", "appointedBy": "nomcom", "count": 8, "vote": "full"}]}],
#     "functions": [{"id": "names-policy", "category": "critical-internet-resources",
#       "modality": "multistakeholder", "decidedBy": "board"}]
package charterlint.rules.capture.governmental_majority_cir

import data.charterlint.lib

deny contains {
	"pointer": body.pointer,
	"element": id,
	"message": sprintf(
		"body %q: governments and intergovernmental organisations hold %s of its %d votes while it decides critical Internet resources (%s); they can outvote every other class",
		[id, lib.percent(body.governmentalShare), body.totalVotes, concat(", ", sort(cir))],
	),
} if {
	some id in lib.deciding_bodies
	body := input.facts.bodies[id]
	body.governmentalShare > data.charterlint.config.params.majority_share
	cir := cir_functions(body)
	count(cir) > 0
}

# cir_functions are the critical-Internet-resources functions a body decides.
cir_functions(body) := [f |
	some f in body.decides
	input.facts.functions[f].category == "critical-internet-resources"
	not national_cctld_policy(body, input.facts.functions[f])
]

# national_cctld_policy holds for a country's own government deciding its
# ccTLD's policy, alone (which the modality matrix rates suited) or with
# its local Internet community: the state's authority over its ccTLD is
# the point of the task (Tunis Agenda para. 63; GAC ccTLD Principles 2005,
# 1.2 and 4.1.1), not a capture of it.
national_cctld_policy(body, fn) if {
	fn.task == "cctld-policy"
	body.oneState
}
