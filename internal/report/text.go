package report

import (
	"fmt"
	"io"
	"strings"
)

// textReporter prints one line per finding in the compiler form
// FILE:LINE:COL: SEVERITY RULE POINTER: MESSAGE, then a summary line.
type textReporter struct {
	w   io.Writer
	err error
	buf []byte // a file's lines, written at once
}

func (r *textReporter) printf(format string, args ...any) {
	if r.err == nil {
		_, r.err = fmt.Fprintf(r.w, format, args...)
	}
}

func (r *textReporter) File(f File) error {
	if r.err != nil || len(f.Findings) == 0 {
		return r.err
	}
	r.buf = r.buf[:0]
	for _, x := range f.Findings {
		r.buf = append(x.AppendText(r.buf), '\n')
	}
	_, r.err = r.w.Write(r.buf)
	return r.err
}

func (r *textReporter) Close(s Summary) error {
	var counts []string
	if s.Errors > 0 {
		counts = append(counts, plural(s.Errors, "error", "errors"))
	}
	if s.Warnings > 0 {
		counts = append(counts, plural(s.Warnings, "warning", "warnings"))
	}
	if s.Infos > 0 {
		counts = append(counts, plural(s.Infos, "info", "infos"))
	}
	if len(counts) == 0 {
		r.printf("%s checked, no problems\n", plural(s.Files, "charter", "charters"))
		return r.err
	}
	r.printf("%s checked, %d with findings: %s\n", plural(s.Files, "charter", "charters"), s.FilesWithFindings, strings.Join(counts, ", "))
	return r.err
}
