package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/charterlint/charterlint/internal/analysis"
	"github.com/charterlint/charterlint/internal/finding"
)

// githubReporter writes GitHub Actions workflow commands, which the
// runner turns into annotations on the pull request's files:
// ::error file=F,line=L,col=C,title=RULE::message. A Markdown summary of
// the run (the markdown format) goes to Run.StepSummary when it is set,
// as the job's summary page.
type githubReporter struct {
	w       io.Writer
	run     *Run
	summary *markdownReporter
	err     error
}

func (r *githubReporter) Start(run *Run) error {
	r.run = run
	if run.StepSummary != nil {
		// A blank line first: the summary file may hold an earlier step's
		// Markdown, which a table would otherwise continue.
		if _, err := io.WriteString(run.StepSummary, "\n"); err != nil {
			return err
		}
		r.summary = &markdownReporter{w: run.StepSummary, view: ViewFindings}
		return r.summary.Start(run)
	}
	return nil
}

func (r *githubReporter) File(a *analysis.Analysis) error {
	for _, f := range a.Findings {
		if r.err != nil {
			return r.err
		}
		title := f.Rule
		if meta, ok := r.run.Rule(f.Rule); ok {
			title += ": " + meta.Title
		}
		_, r.err = fmt.Fprintf(r.w, "::%s file=%s,line=%d,col=%d,title=%s::%s\n", githubLevel(f.Severity),
			githubProperty(f.File), max(f.Line, 1), max(f.Column, 1), githubProperty(title),
			githubData(finding.DisplayPointer(f.Pointer)+": "+f.Message))
	}
	if r.summary != nil {
		return r.summary.File(a)
	}
	return r.err
}

func (r *githubReporter) Finish(s Summary) error {
	if r.err == nil {
		_, r.err = fmt.Fprintf(r.w, "%s\n", countsText(s))
	}
	if r.summary != nil {
		if err := r.summary.Finish(s); err != nil && r.err == nil {
			r.err = err
		}
	}
	return r.err
}

// githubLevel is the workflow command for a severity.
func githubLevel(s finding.Severity) string {
	switch s {
	case finding.Error:
		return "error"
	case finding.Warning:
		return "warning"
	}
	return "notice"
}

// githubData escapes a workflow command's message.
func githubData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// githubProperty escapes a workflow command's property value, where ":"
// and "," also have a meaning.
func githubProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
