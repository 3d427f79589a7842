package report

import (
	"fmt"
	"io"
	"strconv"

	"github.com/charterlint/charterlint/internal/analysis"
	"github.com/charterlint/charterlint/internal/finding"
)

// textReporter prints, for findings, one line per finding in the compiler
// form FILE:LINE:COL: SEVERITY RULE POINTER: MESSAGE, then a summary
// line; for classifications, one charter in detail or several side by
// side.
type textReporter struct {
	w       io.Writer
	view    View
	run     *Run
	err     error
	buf     []byte // a file's lines, written at once
	classes classifications
}

func (r *textReporter) Start(run *Run) error { r.run = run; return nil }

func (r *textReporter) File(a *analysis.Analysis) error {
	if r.view == ViewClassification {
		r.classes.add(a)
		return nil
	}
	if r.err != nil || len(a.Findings) == 0 {
		return r.err
	}
	r.buf = r.buf[:0]
	for _, x := range a.Findings {
		if r.run != nil && r.run.Color {
			r.buf = appendColored(r.buf, x)
			continue
		}
		r.buf = append(x.AppendText(r.buf), '\n')
	}
	_, r.err = r.w.Write(r.buf)
	return r.err
}

// severityColors are the ANSI colours of the severity words: bold red,
// yellow, cyan.
var severityColors = map[finding.Severity]string{
	finding.Error: "\x1b[1;31m", finding.Warning: "\x1b[33m", finding.Info: "\x1b[36m",
}

// appendColored appends a finding's line with its severity coloured.
func appendColored(b []byte, f finding.Finding) []byte {
	start := len(b)
	b = f.AppendText(b)
	line := append([]byte(nil), b[start:]...)
	// FILE:LINE:COL: comes first; the severity word follows it.
	at := len(f.File) + len(strconv.Itoa(f.Line)) + len(strconv.Itoa(f.Column)) + 4
	word := len(f.Severity.String())
	b = append(b[:start], line[:at]...)
	b = append(b, severityColors[f.Severity]...)
	b = append(b, line[at:at+word]...)
	b = append(b, "\x1b[0m"...)
	b = append(b, line[at+word:]...)
	return append(b, '\n')
}

func (r *textReporter) Finish(s Summary) error {
	if r.view == ViewClassification {
		if len(r.classes) == 0 {
			return nil // no charter could be classified: the errors say why
		}
		if len(r.classes) == 1 {
			return writeTextDetail(r.w, r.classes[0])
		}
		return writeTextTable(r.w, r.classes)
	}
	if r.err == nil {
		_, r.err = fmt.Fprintln(r.w, countsText(s))
	}
	return r.err
}
