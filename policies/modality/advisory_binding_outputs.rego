# METADATA
# title: Binding outputs without a deciding body
# description: |
#   A function declares its outputs binding (binding true) although the
#   body that decides it is an advisory body, or no body decides it at all.
# custom:
#   id: CL-MOD-006
#   severity: error
#   group: modality
#   rationale: |
#     Advice cannot bind. If a forum set up to advise produces outputs that
#     bind their addressees, it is a decision body that escapes the checks
#     a decision body should have: who votes, how members are chosen, how
#     its decisions are appealed. Binding outputs with no deciding body at
#     all are worse, because nobody is answerable for them. Appointed
#     advisory forums are legitimate exactly as long as their outputs stay
#     advisory.
#   citation: NETmundial Multistakeholder Statement (2014), process principles (accountable); Raymond & DeNardis, Multistakeholderism (International Theory 7(3), 2015), on authority relations among the classes that decide (telling advice from decision is charterlint's operationalisation)
#   fail: |
#     "bodies": [{"id": "mag", "role": "advisory", "seats": [
#       {"id": "members", "actor": "stakeholders", "count": 40, "vote": "full"}]}],
#     "functions": [{"id": "content-rules", "category": "information-intermediaries",
#       "modality": "multistakeholder", "decidedBy": "mag", "binding": true}]
#   pass: |
#     "bodies": [{"id": "mag", "role": "advisory", "seats": [
#       {"id": "members", "actor": "stakeholders", "count": 40, "vote": "full"}]}],
#     "functions": [{"id": "content-dialogue", "category": "information-intermediaries",
#       "modality": "multistakeholder", "advisedBy": ["mag"], "binding": false}]
package charterlint.rules.modality.advisory_binding_outputs

deny contains {
	"pointer": fn.pointer,
	"element": id,
	"message": sprintf("function %q declares binding outputs but %s: advice cannot bind", [id, reason]),
} if {
	some id
	input.facts.functions[id].binding == true
	fn := input.facts.functions[id]
	reason := no_decider(fn)
}

no_decider(fn) := "no body decides it" if {
	fn.decidedBy == ""
} else := sprintf("it is decided by advisory body %q", [fn.decidedBy]) if {
	input.facts.bodies[fn.decidedBy].role == "advisory"
}
