# Test helper shared by the function rules' tests: adds to each function's
# facts the decidedBy and binding internal/facts copies from the charter, so
# tests can write functions as a charter does.
package charterlint.test.functions

given(facts, charter) := {"charter": charter, "facts": object.union(facts, {"functions": {id: f |
	some fn in charter.functions
	id := fn.id
	f := object.union(object.get(facts.functions, id, {}), {
		"decidedBy": object.get(fn, "decidedBy", ""),
		"binding": object.get(fn, "binding", null),
	})
}})}
