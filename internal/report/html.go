package report

import (
	_ "embed"
	"html/template"
	"io"
	"strings"
)

// The HTML pages of the report layer, the committee report and the
// amendment page: each one self-contained file with its CSS and its
// charts (SVG) inline, no script, and nothing fetched from elsewhere.
// html/template escapes everything the charters and the rules provide.
// Both pages share the definitions of page.html.tmpl: the style sheet,
// the colours of the actor classes, the bar chart and the finding.

//go:embed page.html.tmpl
var pageHTML string

//go:embed committee.html.tmpl
var committeeHTML string

//go:embed amendment.html.tmpl
var amendmentHTML string

// htmlFuncs are the functions the pages call.
var htmlFuncs = template.FuncMap{
	"list":      list,
	"dash":      dash,
	"join":      strings.Join,
	"bodyTitle": bodyTitle,
	"heading":   severityHeading,
	"colors":    func() any { return classColors },
}

// pageTemplate parses a page with the shared definitions.
func pageTemplate(name, text string) *template.Template {
	t := template.Must(template.New(name).Funcs(htmlFuncs).Parse(pageHTML))
	return template.Must(t.Parse(text))
}

// committeeTemplate parses the committee page, which includes the
// conformance block. Pages are parsed when a run renders one, not when the
// program starts: parsing them all took about a millisecond of every
// process, a lint's included.
func committeeTemplate() *template.Template {
	t := pageTemplate("committee", committeeHTML)
	return template.Must(t.Funcs(conformanceFuncs).Parse(conformanceBlockHTML))
}

// writeCommitteeHTML renders the committee report as HTML.
func writeCommitteeHTML(w io.Writer, cs []*charterReport) error {
	return committeeTemplate().Execute(w, struct {
		Charters []*charterReport
		// Compare is set when several charters are compared first.
		Compare bool
	}{cs, len(cs) > 1})
}
