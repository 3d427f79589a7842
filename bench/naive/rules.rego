# The naive reference for bench/: 24 straightforward rules written over the
# raw charter the way a first attempt would write them, with helpers that
# look actors up by scanning and recompute sums on every call. It is what
# the issue's "minimal embedded-OPA program" measures; charterlint's own
# pack is in policies/.
package naive

class_of(actor) := [a.class | some a in input.actors; a.id == actor][0]

votes(body, class) := sum([s.count |
	some s in body.seats
	s.vote == "full"
	class_of(s.actor) == class
])

total_votes(body) := sum([s.count | some s in body.seats; s.vote == "full"])

governmental := {"government", "intergovernmental"}

deny contains sprintf("body %s has no decision rule", [b.id]) if {
	some b in input.bodies
	b.role == "decision"
	not b.decision
}

deny contains sprintf("seat group %s has no selection", [s.id]) if {
	some b in input.bodies
	some s in b.seats
	not s.selection
}

deny contains sprintf("seat group %s has no term", [s.id]) if {
	some b in input.bodies
	b.role == "decision"
	some s in b.seats
	s.vote != "none"
	not s.term
}

deny contains sprintf("seat group %s has no term limit", [s.id]) if {
	some b in input.bodies
	some s in b.seats
	s.term
	not s.term.maxConsecutive
}

deny contains sprintf("function %s has no deciding body", [f.id]) if {
	some f in input.functions
	not f.decidedBy
}

deny contains sprintf("class %s holds a majority on body %s", [c, b.id]) if {
	some b in input.bodies
	b.role == "decision"
	some a in input.actors
	c := a.class
	total_votes(b) > 0
	votes(b, c) * 2 > total_votes(b)
}

deny contains sprintf("body %s: governments hold most votes", [b.id]) if {
	some b in input.bodies
	b.role == "decision"
	total_votes(b) > 0
	sum([votes(b, c) | some c in governmental]) * 2 > total_votes(b)
}

deny contains sprintf("body %s: class %s sits without a vote", [b.id, class_of(s.actor)]) if {
	input.modality == "multistakeholder"
	some b in input.bodies
	some s in b.seats
	s.vote == "none"
	s.actor
	not class_of(s.actor) in governmental
}

deny contains sprintf("body %s decides by majority without a quorum", [b.id]) if {
	some b in input.bodies
	b.decision.method == "majority"
	not b.decision.quorum
}

deny contains sprintf("body %s decides by supermajority without a threshold", [b.id]) if {
	some b in input.bodies
	b.decision.method == "supermajority"
	not b.decision.threshold
}

deny contains sprintf("body %s decides by consensus without a definition", [b.id]) if {
	some b in input.bodies
	b.decision.method in {"consensus", "rough-consensus"}
	not b.decision.consensus.definition
}

deny contains sprintf("body %s decides by consensus without a judge", [b.id]) if {
	some b in input.bodies
	b.decision.method in {"consensus", "rough-consensus"}
	not b.decision.consensus.judgedBy
}

deny contains sprintf("function %s: intergovernmental control of critical resources", [f.id]) if {
	some f in input.functions
	f.category == "critical-internet-resources"
	some b in input.bodies
	b.id == f.decidedBy
	total_votes(b) > 0
	sum([votes(b, c) | some c in governmental]) * 2 > total_votes(b)
}

deny contains sprintf("function %s: declared %s but one class decides", [f.id, f.modality]) if {
	some f in input.functions
	f.modality == "multistakeholder"
	some b in input.bodies
	b.id == f.decidedBy
	classes := {class_of(s.actor) | some s in b.seats; s.vote == "full"; s.actor}
	count(classes) == 1
}

deny contains sprintf("function %s: advisory body %s decides", [f.id, b.id]) if {
	some f in input.functions
	some b in input.bodies
	b.id == f.decidedBy
	b.role == "advisory"
}

deny contains sprintf("veto %s held by one actor", [v.id]) if {
	some b in input.bodies
	some v in b.vetoes
	v.holder
}

deny contains "no appeal path" if {
	count(object.get(input, ["accountability", "appeals"], [])) == 0
}

deny contains "no independent review" if {
	not input.accountability.independentReview
}

deny contains "no recall" if {
	not input.accountability.recall
}

deny contains "no review cycle" if {
	not input.accountability.reviewCycle
}

deny contains "no public records" if {
	not input.transparency.publicRecords
}

deny contains "short public comment" if {
	input.transparency.publicComment.days < 14
}

deny contains "no remote participation" if {
	not input.participation.remote
}

deny contains "no objectives" if {
	count(object.get(input, "objectives", [])) == 0
}
