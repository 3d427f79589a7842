package report

import (
	"fmt"
	"io"

	"github.com/charterlint/charterlint/internal/analysis"
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
		r.buf = append(x.AppendText(r.buf), '\n')
	}
	_, r.err = r.w.Write(r.buf)
	return r.err
}

func (r *textReporter) Finish(s Summary) error {
	if r.view == ViewClassification {
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
