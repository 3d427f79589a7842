package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/charterlint/charterlint/internal/report"
)

// TestExplainStages checks that explain describes every rule id a
// finding can carry without a rule of the catalogue behind it (parse,
// schema, reference, limit, suppression, baseline): with the title,
// severity and description SARIF gives it, so that the two never
// disagree, and with what a finding means, how to fix it and what to
// read, in the layout of a rule's explanation.
func TestExplainStages(t *testing.T) {
	for _, r := range report.StageRules() {
		h := stageHelpOf(r.ID)
		if h.Stage == "" || h.Means == "" || h.Fix == "" || h.Read == "" {
			t.Errorf("%s: help %+v, want stage, meaning, fix and what to read", r.ID, h)
		}
		for _, arg := range []string{r.ID, strings.ToUpper(r.ID)} {
			var stdout, stderr bytes.Buffer
			if code := run([]string{"explain", arg}, strings.NewReader(""), &stdout, &stderr); code != exitOK || stderr.Len() > 0 {
				t.Fatalf("explain %s: exit %d, stderr %q", arg, code, stderr.String())
			}
			out := stdout.String()
			flat := strings.Join(strings.Fields(out), " ")
			for _, want := range []string{r.Description, h.Means, h.Fix, h.Read} {
				if !strings.Contains(flat, want) {
					t.Errorf("explain %s does not print %q:\n%s", arg, want, out)
				}
			}
			for _, want := range []string{
				r.ID + ": " + r.Title + "\n\n",
				"\nseverity: " + r.Severity.String() + "\n",
				"\nstage:    " + h.Stage + "\n",
				"\nWhat a finding means\n  ",
				"\nHow to fix\n  ",
				"\nRead\n  docs/",
			} {
				if !strings.Contains(out, want) {
					t.Errorf("explain %s lacks %q:\n%s", arg, want, out)
				}
			}
			for _, line := range strings.Split(out, "\n") {
				if len([]rune(line)) > 76 {
					t.Errorf("explain %s: line longer than 76 characters: %q", arg, line)
				}
			}
		}
	}
}

func TestWrap(t *testing.T) {
	in := strings.Repeat("abcde ", 30)
	got := wrap(in)
	if strings.Join(strings.Fields(got), " ") != strings.TrimSpace(in) {
		t.Errorf("wrap changed the words: %q", got)
	}
	for _, line := range strings.Split(got, "\n") {
		if len(line) > 72 || line != strings.TrimSpace(line) {
			t.Errorf("line %q: longer than 72 or with spaces at an end", line)
		}
	}
	if got := wrap("one"); got != "one" {
		t.Errorf("wrap(one) = %q", got)
	}
}
