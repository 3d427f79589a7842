package main

import (
	"bytes"
	"testing"
	"time"
)

// The progress line appears only after a second, at most every 100 ms,
// and a write to the report clears it first.
func TestProgressLine(t *testing.T) {
	var term bytes.Buffer
	start := time.Now()
	p := &progress{w: &term, total: 3, start: start}
	p.step(start.Add(500 * time.Millisecond))
	if term.Len() != 0 {
		t.Fatalf("a progress line before a second: %q", term.String())
	}
	p.step(start.Add(1100 * time.Millisecond))
	if got := term.String(); got != "\r\x1b[Kcharterlint: 2 of 3 charters" {
		t.Fatalf("progress = %q", got)
	}
	p.step(start.Add(1150 * time.Millisecond))
	if got := term.String(); got != "\r\x1b[Kcharterlint: 2 of 3 charters" {
		t.Errorf("a second line within 100 ms: %q", got)
	}
	term.Reset()
	var report bytes.Buffer
	clearing{&report, p}.Write([]byte("finding\n"))
	if term.String() != "\r\x1b[K" || report.String() != "finding\n" {
		t.Errorf("before a write: terminal %q, report %q", term.String(), report.String())
	}
	term.Reset()
	clearing{&report, p}.Write([]byte("more\n"))
	if term.Len() != 0 {
		t.Errorf("cleared twice: %q", term.String())
	}
}

// Colours only on a terminal, and never with NO_COLOR or --no-color.
func TestColorWanted(t *testing.T) {
	var buf bytes.Buffer
	if colorWanted(&buf, false) {
		t.Error("colours for a buffer")
	}
	t.Setenv("NO_COLOR", "1")
	if colorWanted(&buf, false) {
		t.Error("colours with NO_COLOR")
	}
}
