# METADATA
# title: One class can carry decisions alone
# description: |
#   On a body that decides functions, one actor class can carry decisions
#   on its own while other classes vote too. Whether it can is computed
#   from the body's voting game, not from its share of the seats: the full
#   votes each class casts (seats times their weight), the decision rule
#   (majority, a supermajority threshold, the vote a consensus body falls
#   back on), a majority needed in each house, and the vetoes any decision
#   must get past. Bodies where every member can block (unanimity, or
#   consensus with no fallback vote) are not flagged. Where no stakeholder
#   group carries alone, the rule also counts the classes of Raymond and
#   DeNardis's theory that a charter states: engineers or academics acting
#   as firms (actor.actsAs) vote with the private sector as one class,
#   firms. The theory's default, which counts engineers and academics with
#   civil society, is left to the stakeholder groups.
# custom:
#   id: CL-CAP-005
#   severity: warning
#   group: capture
#   rationale: |
#     Giving several classes a vote does not make power shared if one of
#     them can outvote all the others together. The majority class is then
#     dominant: the minority classes take part, but it decides. That is not
#     authority over them (it cannot override, appoint or recall them, and
#     the relation may stay polyarchic), which is why dominance is a
#     finding of its own. Seat counts alone
#     mislead both ways: weighted votes can give a class with few seats
#     most of the votes, and a class with most of the seats may carry
#     nothing when a threshold, a second house or another class's veto
#     stands in its way. What counts is whether the class's votes win on
#     their own under the rules, as in Banzhaf's analysis of weighted
#     voting. Balanced representation, where no class can act alone, is
#     what makes a body multistakeholder in substance.
#   citation: Raymond & DeNardis, Multistakeholderism (International Theory 7(3), 2015), on hierarchical and polyarchic authority relations (dominance by votes, kept apart from authority, is charterlint's own finding); Banzhaf, Weighted Voting Doesn't Work (Rutgers Law Review 19, 1965), on voting power as the ability to decide an outcome rather than a share of seats; NETmundial+10 São Paulo Multistakeholder Guidelines (2024), balanced representation
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
		"body %q: %s holds %d of %d votes (%s), enough to carry decisions alone under %s, while %s",
		[id, class, body.votes[class], body.totalVotes, lib.percent(body.shares[class]), method, also_vote(others)],
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

# Several stakeholder groups can make up one class of Raymond and
# DeNardis's theory (facts.decisiveTheory): engineers or academics that
# act as firms (actor.actsAs) vote with the private sector. Where no group
# carries alone but such a class does, it is dominant all the same. The
# theory's default, engineers and academics with civil society, is left
# to the stakeholder groups (the facts do not count it).
deny contains {
	"pointer": body.pointer,
	"element": id,
	"message": sprintf(
		"body %q: %s (%s) hold %d of %d votes (%s), enough to carry decisions alone under %s, while %s",
		[id, lib.theory_name[t.class], concat(", ", [lib.acting(g, t.class) | some g in t.groups]), t.votes, body.totalVotes, lib.percent(t.votes / body.totalVotes), decision_method(id), also_vote(others)],
	),
} if {
	some id in lib.deciding_bodies
	body := input.facts.bodies[id]
	t := body.decisiveTheory
	t != null
	others := [theory_label(c) | some c in t.others]
	count(others) > 0
}

# theory_label names a voting class of the theory in a message; "mixed"
# seats are filled by a body drawn from several classes.
theory_label(class) := "mixed seats" if {
	class == "mixed"
} else := lib.theory_name[class]

# also_vote names the other voters, with the verb agreeing.
also_vote(others) := sprintf("%s also votes", [others[0]]) if {
	count(others) == 1
	others[0] != "mixed seats"
} else := sprintf("%s also vote", [lib.classes_text(others)])

# governmental_majority_cir is the case CL-CAP-004 reports, as an error:
# a governmental majority on a body deciding critical Internet resources.
governmental_majority_cir(body, class) if {
	not lib.nongovernmental(class)
	some f in body.decides
	input.facts.functions[f].category == "critical-internet-resources"
	body.governmentalShare > data.charterlint.config.params.majority_share
}

# decision_method describes how the body decides, for the message: the
# rule of the voting game when houses or a consensus body's fallback vote
# make it more than a plain method, else the method.
decision_method(id) := sprintf("its rule (%s)", [rule]) if {
	rule := input.facts.bodies[id].power.rule
	game_rule(id, rule)
} else := sprintf("its %s threshold", [lib.percent(d.threshold)]) if {
	d := input.facts.bodies[id].decision
	d.method == "supermajority"
	d.threshold != null
} else := "majority voting"

game_rule(_, rule) if endswith(rule, " in each house")

game_rule(id, _) if input.facts.bodies[id].decision.method in {"consensus", "rough-consensus"}

# label names a voting class in a message; "mixed" seats are filled by a
# body drawn from several classes.
label(class) := "mixed seats" if {
	class == "mixed"
} else := class
