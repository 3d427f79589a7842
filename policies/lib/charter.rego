# METADATA
# description: |
#   Helpers shared by the rule pack: how to name classes and shares in
#   messages, and which bodies decide functions.
package charterlint.lib

# classes_text joins class names for a message: "civil-society, private-sector".
classes_text(classes) := concat(", ", sort(classes))

# percent renders a share (0..1) as a whole percentage.
percent(share) := sprintf("%d%%", [round(share * 100)])

# deciding_bodies are the ids of bodies that decide at least one function.
deciding_bodies contains id if {
	some id
	input.facts.bodies[id].decides[0]
}

# deciding_bodies_named names the deciding bodies for a message, sorted:
# "body board" or "bodies board, council".
deciding_bodies_named := sprintf("body %s", [concat(", ", sort(deciding_bodies))]) if {
	count(deciding_bodies) == 1
} else := sprintf("bodies %s", [concat(", ", sort(deciding_bodies))])

# seats_text counts seats for a message: "1 seat", "3 seats".
seats_text(n) := "1 seat" if {
	n == 1
} else := sprintf("%d seats", [n])

# nongovernmental reports whether a class is neither a state nor an IGO.
nongovernmental(class) if not class in {"government", "intergovernmental", "mixed"}
