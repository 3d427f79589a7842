# METADATA
# title: One class can carry decisions alone
# description: |
#   On a body that decides functions, one actor class holds enough of the
#   full votes to pass decisions on its own under the body's decision
#   method (more than half under majority voting, the threshold under a
#   supermajority) while other classes vote too. Bodies that decide by
#   consensus or unanimity are not flagged: there every member can block.
# custom:
#   id: CL-CAP-005
#   severity: warning
#   group: capture
#   rationale: |
#     Giving several classes a vote does not make power shared if one of
#     them can outvote all the others together. The relation among the
#     classes is then hierarchical rather than polyarchic: the minority
#     classes take part, but the majority class decides. Balanced
#     representation, where no class can act alone, is what makes a body
#     multistakeholder in substance.
#   citation: Raymond & DeNardis, Multistakeholderism (International Theory 7(3), 2015), on hierarchical and polyarchic authority relations; NETmundial+10 São Paulo Multistakeholder Guidelines (2024), balanced representation
#   fail: |
#     "bodies": [{"id": "board", "role": "decision", "seats": [
#       {"id": "industry", "actor": "operators", "count": 7, "vote": "full"},
#       {"id": "users", "actor": "civil-society", "count": 3, "vote": "full"}]}],
#     "functions": [{"id": "peering", "category": "access-and-interconnection",
#       "modality": "multistakeholder", "decidedBy": "board"}]
#   pass: |
#     "bodies": [{"id": "board", "role": "decision", "seats": [
#       {"id": "industry", "actor": "operators", "count": 4, "vote": "full"},
#       {"id": "users", "actor": "civil-society", "count": 3, "vote": "full"},
#       {"id": "nomcom-seats", "appointedBy": "nomcom", "count": 3, "vote": "full"}]}],
#     "functions": [{"id": "peering", "category": "access-and-interconnection",
#       "modality": "multistakeholder", "decidedBy": "board"}]
package charterlint.rules.capture.single_class_majority

import data.charterlint.lib

deny contains {
	"pointer": body.pointer,
	"element": id,
	"message": sprintf(
		"body %q: %s holds %d of %d votes (%s), enough to carry decisions alone under %s, while %s also vote",
		[id, class, body.votes[class], body.votingSeats, lib.percent(body.shares[class]), method, lib.classes_text(others)],
	),
} if {
	some id in lib.deciding_bodies
	body := input.facts.bodies[id]
	class := body.decisiveClass
	class != ""
	method := decision_method(id)
	class != "mixed"
	others := [label(c) | some c in body.votingClasses; c != class]
	count(others) > 0
	not governmental_majority_cir(body, class)
}

# governmental_majority_cir is the case CL-CAP-004 reports, as an error:
# a governmental majority on a body deciding critical Internet resources.
governmental_majority_cir(body, class) if {
	not lib.nongovernmental(class)
	some f in body.decides
	input.facts.functions[f].category == "critical-internet-resources"
	body.governmentalShare > data.charterlint.config.params.majority_share
}

# decision_method describes how the body decides, for the message.
decision_method(id) := sprintf("its %s threshold", [lib.percent(d.threshold)]) if {
	d := input.facts.bodies[id].decision
	d.method == "supermajority"
} else := "majority voting"

# label names a voting class in a message; "mixed" seats are filled by a
# body drawn from several classes.
label(class) := "mixed seats" if {
	class == "mixed"
} else := class
