package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"golang.org/x/term"
)

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// colorWanted reports whether output to w gets colours: w is a terminal,
// NO_COLOR (https://no-color.org) is unset or empty, and no flag said no.
func colorWanted(w io.Writer, noColor bool) bool {
	return !noColor && os.Getenv("NO_COLOR") == "" && isTerminal(w)
}

// progress keeps a line on a terminal's standard error that counts the
// charters done, once a run has taken more than a second. Every write to
// the report first clears it (clearing), so the two never mix.
type progress struct {
	w           io.Writer // nil: no progress line
	total, done int
	start, last time.Time
	shown       bool
}

// Progress lines appear after progressDelay, at most every progressEvery.
const (
	progressDelay = time.Second
	progressEvery = 100 * time.Millisecond
)

// newProgress shows progress on stderr when it is a terminal.
func newProgress(stderr io.Writer, total int) *progress {
	p := &progress{total: total, start: time.Now()}
	if isTerminal(stderr) {
		p.w = stderr
	}
	return p
}

// step counts one charter done.
func (p *progress) step(now time.Time) {
	p.done = min(p.done+1, max(p.total, 1))
	if p.w == nil || now.Sub(p.start) < progressDelay || now.Sub(p.last) < progressEvery {
		return
	}
	p.last = now
	p.shown = true
	fmt.Fprintf(p.w, "\r\x1b[Kcharterlint: %d of %d charters", p.done, p.total)
}

// clear removes the progress line.
func (p *progress) clear() {
	if p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.shown = false
	}
}

// clearing is a writer that clears the progress line before each write.
type clearing struct {
	io.Writer
	p *progress
}

func (c clearing) Write(b []byte) (int, error) {
	c.p.clear()
	return c.Writer.Write(b)
}
