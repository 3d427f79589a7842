# METADATA
# title: Independent review does not bind
# description: |
#   The charter provides an independent review of decisions, but its result
#   does not bind the body whose decision was reviewed
#   (accountability.independentReview.binding is false).
# custom:
#   id: CL-ACC-004
#   severity: warning
#   group: accountability
#   rationale: |
#     An independent panel whose findings the decider may simply set aside
#     gives advice, not review. The deciders remain the final judges of their
#     own conduct, and a challenger who wins gains nothing but a report. A
#     binding result was one of the central demands of the IANA transition
#     accountability work and is what makes ICANN's Independent Review Process
#     a real check.
#   citation: NTIA IANA transition criteria (2014) and the ICANN accountability reforms (binding Independent Review Process)
#   fail: |
#     "accountability": {"independentReview": {"id": "review-panel", "body": "panel", "binding": false}}
#   pass: |
#     "accountability": {"independentReview": {"id": "irp", "body": "panel", "binding": true}}
package charterlint.rules.accountability.non_binding_review

deny contains {
	"pointer": "/accountability/independentReview/binding",
	"element": review.id,
	"message": sprintf(
		"independent review %q%s does not bind: the body whose decision is reviewed may set its result aside",
		[review.id, conducted_by(review)],
	),
} if {
	review := input.charter.accountability.independentReview
	review.binding == false
}

conducted_by(review) := sprintf(" (by body %q)", [review.body]) if review.body

else := ""
