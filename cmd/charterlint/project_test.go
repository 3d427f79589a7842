package main

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charterlint/charterlint/internal/config"
)

// Every wording of the walk rule in a "no charters found" message.
func TestWalkRule(t *testing.T) {
	globs := func(patterns ...string) []config.Glob {
		var gs []config.Glob
		for _, p := range patterns {
			gs = append(gs, config.Glob{Pattern: p})
		}
		return gs
	}
	for _, tc := range []struct {
		name string
		c    *config.Config
		want string
	}{
		{"no file", nil, "a directory walk picks files named *.charter.json"},
		{"no globs", &config.Config{File: ".charterlint.yaml"}, "a directory walk picks files named *.charter.json"},
		{"include", &config.Config{File: ".charterlint.yaml", Include: globs("**/*.json")},
			"a directory walk picks the files matched by include in .charterlint.yaml"},
		{"exclude", &config.Config{File: ".charterlint.yaml", Exclude: globs("drafts/**")},
			"a directory walk picks files named *.charter.json, except those matched by exclude in .charterlint.yaml"},
		{"both", &config.Config{File: "cfg/lint.yaml", Include: globs("**/*.json"), Exclude: globs("drafts/**")},
			"a directory walk picks the files matched by include, except those matched by exclude in cfg/lint.yaml"},
	} {
		if got := walkRule(tc.c); got != tc.want {
			t.Errorf("%s:\n got %q\nwant %q", tc.name, got, tc.want)
		}
	}
}

// The top-level usage lines up every command's summary in one column.
func TestUsageCommandsAligned(t *testing.T) {
	var b bytes.Buffer
	usage(&b)
	_, list, ok := strings.Cut(b.String(), "Commands:\n")
	if !ok {
		t.Fatalf("usage has no command list:\n%s", b.String())
	}
	list, _, _ = strings.Cut(list, "\n\n")
	lines := strings.Split(list, "\n")
	if len(lines) != len(commands()) {
		t.Fatalf("usage lists %d commands, want %d:\n%s", len(lines), len(commands()), list)
	}
	column := -1
	for i, line := range lines {
		c := commands()[i]
		prefix := "  " + c.name
		rest, ok := strings.CutPrefix(line, prefix)
		if !ok || !strings.HasSuffix(line, " "+c.summary) {
			t.Fatalf("line %q: want %q then its summary", line, c.name)
		}
		at := utf8.RuneCountInString(line) - utf8.RuneCountInString(c.summary)
		if len(strings.TrimLeft(rest, " ")) != len(c.summary) || len(rest)-len(c.summary) < 2 {
			t.Errorf("line %q: want at least two spaces between name and summary", line)
		}
		if column < 0 {
			column = at
		} else if at != column {
			t.Errorf("line %q: summary at column %d, want %d as the others", line, at, column)
		}
	}
}
