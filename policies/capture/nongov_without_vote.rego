# METADATA
# title: Non-governmental members without a vote
# description: |
#   A deciding body seats non-governmental actors (firms, civil society,
#   the technical community, academia) but gives votes only to governments
#   or intergovernmental organisations, while the charter calls itself
#   multistakeholder.
# custom:
#   id: CL-CAP-002
#   severity: error
#   group: capture
#   rationale: |
#     A seat without a vote is attendance, not power. When only states vote
#     and everyone else merely sits at the table, the body is multilateral in
#     fact, whatever its charter says. DeNardis and Raymond warn that
#     formalised "multistakeholder" arrangements can end up multilateral,
#     with non-governmental actors limited in their participation; charterlint
#     calls this multilateral capture and reads a seat without a vote as
#     one such limit. The ITU pattern, where sector members join study
#     groups but only member states adopt decisions, is the classic case.
#   citation: DeNardis & Raymond, Thinking Clearly about Multistakeholder Internet Governance (GigaNet 2013), on top-down, formalised multistakeholderism that yields multilateral rather than multistakeholder arrangements (a seat without a vote as charterlint's operationalisation); Raymond & DeNardis, Multistakeholderism (International Theory 7(3), 2015), on Internet governance that falls short of its multistakeholder rhetoric
#   fail: |
#     "modality": "multistakeholder",
#     "bodies": [{"id": "council", "role": "decision", "seats": [
#       {"id": "states", "actor": "member-states", "count": 48, "vote": "full"},
#       {"id": "industry", "actor": "sector-members", "count": 20, "vote": "none"}]}],
#     "functions": [{"id": "standards", "category": "standards-setting",
#       "modality": "multistakeholder", "decidedBy": "council"}]
#   pass: |
#     "modality": "multistakeholder",
#     "bodies": [{"id": "council", "role": "decision", "seats": [
#       {"id": "states", "actor": "member-states", "count": 10, "vote": "full"},
#       {"id": "industry", "actor": "sector-members", "count": 10, "vote": "full"}]}],
#     "functions": [{"id": "standards", "category": "standards-setting",
#       "modality": "multistakeholder", "decidedBy": "council"}]
package charterlint.rules.capture.nongov_without_vote

import data.charterlint.lib

deny contains {
	"pointer": body.pointer,
	"element": id,
	"message": sprintf(
		"body %q: %s seats but 0 of %d votes, while the charter claims multistakeholder; only %s",
		[id, holders(silenced), body.totalVotes, voters(body.votingClasses)],
	),
} if {
	input.facts.claimsMultistakeholder
	some id in lib.deciding_bodies
	body := input.facts.bodies[id]
	count(body.votingClasses) > 0
	every class in body.votingClasses {
		not lib.nongovernmental(class)
	}
	silenced := [class | some class in body.nonVotingClasses; lib.nongovernmental(class)]
	count(silenced) > 0
}

# holders names the silenced classes with the right number.
holders(classes) := sprintf("non-governmental class %s holds", [classes[0]]) if {
	count(classes) == 1
} else := sprintf("non-governmental classes %s hold", [lib.classes_text(classes)])

# voters names the voting classes with the right number.
voters(classes) := sprintf("%s votes", [classes[0]]) if {
	count(classes) == 1
} else := sprintf("%s vote", [lib.classes_text(classes)])
