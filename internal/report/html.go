package report

import (
	_ "embed"
	"html/template"
	"io"
	"strings"
)

// committeeHTML is the committee report's page: one self-contained file
// with its CSS and its charts (SVG) inline, no script, and nothing
// fetched from elsewhere. html/template escapes everything the charters
// and the rules provide.
//
//go:embed committee.html.tmpl
var committeeHTML string

var committeeTemplate = template.Must(template.New("committee").Funcs(template.FuncMap{
	"list":      list,
	"dash":      dash,
	"join":      strings.Join,
	"bodyTitle": bodyTitle,
	"heading":   severityHeading,
	"colors":    func() any { return classColors },
}).Parse(committeeHTML))

// writeCommitteeHTML renders the committee report as HTML.
func writeCommitteeHTML(w io.Writer, cs []*charterReport) error {
	return committeeTemplate.Execute(w, struct {
		Charters []*charterReport
		// Compare is set when several charters are compared first.
		Compare bool
	}{cs, len(cs) > 1})
}
