# Test helper shared by the decision rules' tests: adds to each body's facts
# the decision facts internal/facts derives from the body's decision, so
# tests can write decisions as a charter does.
package charterlint.test.decision

decision_facts(d) := {
	"method": d.method,
	"quorum": object.get(d, "quorum", null),
	"threshold": object.get(d, "threshold", null),
	"definition": trim_space(object.get(d, ["consensus", "definition"], "")),
	"judgedBy": trim_space(object.get(d, ["consensus", "judgedBy"], "")),
}

body_decision(b) := decision_facts(b.decision) if {
	b.decision
} else := {"method": "", "quorum": null, "threshold": null, "definition": "", "judgedBy": ""}

# given builds the rules' input from body facts and a charter.
given(facts, charter) := {"charter": charter, "facts": object.union(facts, {"bodies": {id: body |
	some b in charter.bodies
	id := b.id
	body := object.union(facts.bodies[id], {"decision": body_decision(b)})
}})}
