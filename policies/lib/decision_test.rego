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
	"rules": array.concat(
		[{"field": "fallback", "matter": "", "method": d.fallback.method, "threshold": object.get(d.fallback, "threshold", null)} | d.fallback],
		[{"field": sprintf("matters/%d", [i]), "matter": m.matter, "method": m.method, "threshold": object.get(m, "threshold", null)} |
			some i, m in object.get(d, "matters", [])
		],
	),
}

body_decision(b) := decision_facts(b.decision) if {
	b.decision
} else := {"method": "", "quorum": null, "threshold": null, "definition": "", "judgedBy": "", "rules": []}

# given builds the rules' input from body facts and a charter.
given(facts, charter) := {"charter": charter, "facts": object.union(facts, {"bodies": {id: body |
	some b in charter.bodies
	id := b.id
	body := object.union(facts.bodies[id], {"decision": body_decision(b)})
}})}
