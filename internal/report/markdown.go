package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/charterlint/charterlint/internal/analysis"
	"github.com/charterlint/charterlint/internal/finding"
)

// markdownReporter writes GitHub-flavoured Markdown, for pull-request
// comments and job summaries: for findings one table of them, each with
// its rule's title from the catalogue, then the counts; for
// classifications one charter in detail or several side by side.
type markdownReporter struct {
	w       io.Writer
	view    View
	run     *Run
	rows    strings.Builder
	classes classifications
}

func (r *markdownReporter) Start(run *Run) error { r.run = run; return nil }

func (r *markdownReporter) File(a *analysis.Analysis) error {
	if r.view == ViewClassification {
		r.classes.add(a)
		return nil
	}
	for _, f := range a.Findings {
		rule := "`" + f.Rule + "`"
		if meta, ok := r.run.Rule(f.Rule); ok {
			rule += " " + mdCell(meta.Title)
		}
		fmt.Fprintf(&r.rows, "| `%s:%d:%d` | %s | %s | %s | %s |\n", mdCell(f.File), f.Line, f.Column, f.Severity, rule,
			mdCell(finding.DisplayPointer(f.Pointer)), mdCell(f.Message))
	}
	return nil
}

func (r *markdownReporter) Finish(s Summary) error {
	if r.view == ViewClassification {
		if len(r.classes) == 0 {
			return nil // no charter could be classified: the errors say why
		}
		if len(r.classes) == 1 {
			return writeMarkdownDetail(r.w, r.classes[0])
		}
		return writeMarkdownTable(r.w, r.classes)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "**charterlint**: %s.\n", countsText(s))
	if r.rows.Len() > 0 {
		b.WriteString("\n| Location | Severity | Rule | Path | Message |\n|---|---|---|---|---|\n")
		b.WriteString(r.rows.String())
	}
	_, err := io.WriteString(r.w, b.String())
	return err
}
