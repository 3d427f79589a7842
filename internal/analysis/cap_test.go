package analysis

import (
	"strings"
	"testing"

	"github.com/charterlint/charterlint/internal/finding"
)

// The cap keeps the most severe findings: a flood of notes cannot hide an
// error, and the findings left out still count for the exit code and the
// summary.
func TestFindingsCapKeepsTheMostSevere(t *testing.T) {
	l := &Analyzer{MaxFindings: 5}
	a := &Analysis{Path: "c.charter.json"}
	for i := range 20 {
		a.Findings = append(a.Findings, finding.Finding{Rule: "note", Severity: finding.Info, Line: i + 1, Column: 1})
	}
	a.Findings = append(a.Findings,
		finding.Finding{Rule: "bad", Severity: finding.Error, Line: 30, Column: 1},
		finding.Finding{Rule: "odd", Severity: finding.Warning, Line: 31, Column: 1},
		finding.Finding{Rule: "odd", Severity: finding.Warning, Line: 32, Column: 1})
	l.capped(a)
	if len(a.Findings) != 6 {
		t.Fatalf("got %d findings, want 5 and the count of the rest", len(a.Findings))
	}
	var rules []string
	for _, f := range a.Findings[:5] {
		rules = append(rules, f.Rule)
	}
	if got := strings.Join(rules, " "); got != "note note bad odd odd" {
		t.Errorf("kept %s, want the error, both warnings and the first two notes, in output order", got)
	}
	if a.Hidden != (finding.Tally{Infos: 18}) {
		t.Errorf("hidden = %+v, want 18 infos", a.Hidden)
	}
	if !strings.Contains(a.Findings[5].Message, "18 more findings in this file not shown (0 errors, 0 warnings, 18 info;") {
		t.Errorf("last finding = %s", a.Findings[5])
	}
	if a.Worst() != finding.Error {
		t.Errorf("worst = %v, want error", a.Worst())
	}
	hidden := &Analysis{Hidden: finding.Tally{Warnings: 1}, Findings: []finding.Finding{{Severity: finding.Info}}}
	if hidden.Worst() != finding.Warning {
		t.Errorf("worst with a hidden warning = %v", hidden.Worst())
	}
}
