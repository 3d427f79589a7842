# METADATA
# title: Standards that are not open
# description: |
#   A body decides a standards-setting function whose charter says its
#   standards are not open on at least one of three points: only a closed
#   set may take part in making them (standards.participation
#   "restricted"), nothing is asked of those who hold patents essential to
#   them (standards.patentPolicy "none"), or their text is not free
#   (standards.freeText false). Points the charter leaves out are not
#   judged. Royalty-free, FRAND and disclosure-only patent policies are all
#   accepted here; the message names the policy so a reader can weigh it.
# custom:
#   id: CL-PAR-004
#   severity: warning
#   group: participation
#   rationale: |
#     A technical standard is a rule that everyone who builds a product or
#     a network has to follow, so who writes it, who may implement it and
#     who may read it are questions of governance, not of engineering
#     alone. A standard made by a closed circle answers to that circle;
#     one encumbered by patents whose holders promised nothing can be used
#     to exclude or to tax implementers; one whose text must be bought
#     keeps out those who cannot pay. Each of these narrows who can take
#     part in the network the standard describes, whatever the body that
#     makes it calls itself.
#   citation: "DeNardis (ed.), Opening Standards: The Global Politics of Interoperability (MIT Press, 2011), on openness in the development, implementation and use of standards; the three points checked are charterlint's operationalisation"
#   fail: |
#     "bodies": [{"id": "consortium-board", "role": "decision", "seats": [
#       {"id": "founders", "actor": "founding-firms", "count": 5, "vote": "full"}]}],
#     "functions": [{"id": "specifications", "category": "standards-setting",
#       "modality": "private", "decidedBy": "consortium-board",
#       "standards": {"participation": "restricted", "patentPolicy": "none", "freeText": false}}]
#   pass: |
#     "bodies": [{"id": "working-groups", "role": "decision", "open": true,
#       "participants": ["engineers", "operators"]}],
#     "functions": [{"id": "protocols", "category": "standards-setting",
#       "modality": "technical-community", "decidedBy": "working-groups",
#       "standards": {"participation": "open", "patentPolicy": "disclosure", "freeText": true}}]
package charterlint.rules.participation.closed_standards

deny contains {
	"pointer": sprintf("/functions/%d/standards", [i]),
	"element": fn.id,
	"message": sprintf(
		"function %q (standards-setting), decided by body %q, makes standards that are not open: %s",
		[fn.id, fn.decidedBy, concat("; ", sort(problems))],
	),
} if {
	some i, fn in object.get(input.charter, "functions", [])
	fn.category == "standards-setting"
	object.get(fn, "decidedBy", "") != ""
	problems := {p | some p in closed(fn.standards)}
	count(problems) > 0
}

# closed lists the points on which the standards are not open, in words.
closed(s) := {p |
	s.participation == "restricted"
	p := "only a closed set may take part in making them (participation \"restricted\")"
} | {p |
	s.patentPolicy == "none"
	p := "nothing is asked of those who hold patents essential to them (patentPolicy \"none\")"
} | {p |
	s.freeText == false
	p := "their text is not available free of charge (freeText false)"
}
