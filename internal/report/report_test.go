package report

import (
	"bytes"
	"encoding/json"
	"github.com/charterlint/charterlint/internal/analysis"
	"github.com/charterlint/charterlint/internal/classify"
	"github.com/charterlint/charterlint/internal/facts"
	"github.com/charterlint/charterlint/internal/policy"
	"strings"
	"testing"

	"github.com/charterlint/charterlint/internal/finding"
)

func files() []*analysis.Analysis {
	return []*analysis.Analysis{
		{Path: "a.charter.json", Findings: []finding.Finding{
			{Rule: "CL-CAP-002", Stage: finding.StagePolicy, Severity: finding.Error, File: "a.charter.json", Pointer: "/bodies/0", Element: "council", Line: 7, Column: 5, Message: "only states vote"},
			{Rule: "CL-PAR-003", Stage: finding.StagePolicy, Severity: finding.Info, File: "a.charter.json", Pointer: "", Line: 1, Column: 1, Message: "no capacity building"},
		}},
		{Path: "b.charter.json"},
	}
}

// catalogue is the rule catalogue the reporters see at Start.
func catalogue() *Run {
	return &Run{Rules: []policy.Rule{{ID: "CL-CAP-002", Title: "Non-governmental members without a vote"}, {ID: "CL-PAR-003", Title: "No capacity building"}}}
}

func render(t *testing.T, format string) string {
	t.Helper()
	var b strings.Builder
	r, err := New(format, ViewFindings, &b)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Start(catalogue()); err != nil {
		t.Fatal(err)
	}
	var s Summary
	for _, f := range files() {
		s.Add(f)
		if err := r.File(f); err != nil {
			t.Fatal(err)
		}
	}
	if err := r.Finish(s); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestText(t *testing.T) {
	got := render(t, "text")
	want := "a.charter.json:7:5: error CL-CAP-002 bodies/0: only states vote\n" +
		"a.charter.json:1:1: info CL-PAR-003 (charter): no capacity building\n" +
		"2 charters checked, 1 with findings: 1 error, 1 info\n"
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestJSONIsDataWithCounts(t *testing.T) {
	var doc struct {
		Files []struct {
			File     string            `json:"file"`
			Findings []finding.Finding `json:"findings"`
		} `json:"files"`
		Summary Summary `json:"summary"`
	}
	if err := json.Unmarshal([]byte(render(t, "json")), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Files) != 2 || doc.Files[1].Findings == nil || len(doc.Files[1].Findings) != 0 {
		t.Fatalf("files = %+v; a clean file must carry an empty list, not null", doc.Files)
	}
	f := doc.Files[0].Findings[0]
	if f.Severity != finding.Error || f.Element != "council" || f.Pointer != "/bodies/0" || f.Line != 7 {
		t.Errorf("finding = %+v", f)
	}
	if doc.Summary != (Summary{Files: 2, FilesWithFindings: 1, Errors: 1, Infos: 1}) {
		t.Errorf("summary = %+v", doc.Summary)
	}
}

func TestUnknownFormatIsAnError(t *testing.T) {
	if _, err := New("yaml", ViewFindings, &strings.Builder{}); err == nil || !strings.Contains(err.Error(), `unknown output format "yaml"`) {
		t.Errorf("err = %v", err)
	}
}

func TestCleanRunSaysSo(t *testing.T) {
	var b strings.Builder
	r, _ := New("text", ViewFindings, &b)
	r.Start(&Run{})
	r.File(&analysis.Analysis{Path: "a.charter.json"})
	r.Finish(Summary{Files: 1})
	if b.String() != "1 charter checked, no problems\n" {
		t.Errorf("got %q", b.String())
	}
}

// Markdown findings name each rule's title from the catalogue, escape
// table cells, and end with the counts.
func TestMarkdownFindings(t *testing.T) {
	got := render(t, "markdown")
	want := "**charterlint**: 2 charters checked, 1 with findings: 1 error, 1 info.\n\n" +
		"| Location | Severity | Rule | Path | Message |\n|---|---|---|---|---|\n" +
		"| `a.charter.json:7:5` | error | `CL-CAP-002` Non-governmental members without a vote | bodies/0 | only states vote |\n" +
		"| `a.charter.json:1:1` | info | `CL-PAR-003` No capacity building | (charter) | no capacity building |\n"
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

// The formats that render classifications render them from the same
// analyses; SARIF, which has no place for them, is refused for that view.
func TestEveryFormatRendersClassifications(t *testing.T) {
	c := &classify.Classification{File: "x.charter.json", ID: "x", Name: "X | Y", Verdict: "claims multistakeholder; effectively intergovernmental",
		Variety: facts.Variety{DeclaredModality: "multistakeholder", EffectiveModality: "intergovernmental", PowerClasses: []string{"government"}, TheoryClasses: []string{"state"}, Relation: "single-class", Name: "states, single class"}}
	for format, want := range map[string]string{
		"text":     "claims multistakeholder; effectively intergovernmental",
		"markdown": "## X \\| Y (`x`)",
		"json":     `"verdict": "claims multistakeholder; effectively intergovernmental"`,
	} {
		var b strings.Builder
		r, err := New(format, ViewClassification, &b)
		if err != nil {
			t.Fatal(err)
		}
		r.Start(&Run{})
		r.File(&analysis.Analysis{Path: "x.charter.json", Classification: c})
		r.File(&analysis.Analysis{Path: "bad.charter.json"}) // not classified: left out
		if err := r.Finish(Summary{Files: 1}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), want) || strings.Contains(b.String(), "bad.charter.json") {
			t.Errorf("%s: got\n%s\nwant it to contain %q and not the unclassified file", format, b.String(), want)
		}
	}
}

func TestSARIFHasNoClassificationView(t *testing.T) {
	if _, err := New("sarif", ViewClassification, &strings.Builder{}); err == nil {
		t.Error("sarif accepted for classifications")
	}
	if got := strings.Join(Formats(ViewFindings), ","); got != "text,json,markdown,sarif,github,junit" {
		t.Errorf("findings formats = %s", got)
	}
}

// Workflow commands escape what GitHub would read as syntax.
func TestGitHubEscaping(t *testing.T) {
	if got := githubProperty("a,b:c%\nd"); got != "a%2Cb%3Ac%25%0Ad" {
		t.Errorf("property = %q", got)
	}
	if got := githubData("50%: a,b\r\n"); got != "50%25: a,b%0D%0A" {
		t.Errorf("data = %q", got)
	}
}

// With Color set, the text format colours the severity word and nothing
// else: stripped of its escapes, the line is the plain one.
func TestTextColor(t *testing.T) {
	f := finding.Finding{Rule: "CL-CAP-002", Severity: finding.Warning, File: "a: b.charter.json", Line: 12, Column: 5, Pointer: "/bodies/0", Message: "m"}
	var plain, colored bytes.Buffer
	for _, c := range []struct {
		w     *bytes.Buffer
		color bool
	}{{&plain, false}, {&colored, true}} {
		r, _ := New("text", ViewFindings, c.w)
		r.Start(&Run{Color: c.color})
		r.File(&analysis.Analysis{Path: f.File, Findings: []finding.Finding{f}})
	}
	want := "a: b.charter.json:12:5: \x1b[33mwarning\x1b[0m CL-CAP-002 bodies/0: m\n"
	if colored.String() != want {
		t.Errorf("coloured: %q, want %q", colored.String(), want)
	}
	if plain.String() != f.String()+"\n" {
		t.Errorf("plain: %q", plain.String())
	}
}

// SARIF's semanticVersion holds only a semantic version: a build from a
// working tree is numbered as Go numbers it, and the free-form version,
// which the SARIF Multitool wants to start with a digit, is left out.
func TestSARIFVersion(t *testing.T) {
	for _, tt := range []struct{ version, want, absent string }{
		{"v1.4.0", `"semanticVersion": "1.4.0"`, `"version": "v1.4.0"`},
		{"(devel) 1a2b3c4d5e6f", `"semanticVersion": "0.0.0-devel+1a2b3c4d5e6f"`, `"version": "(devel`},
		{"(devel)", `"semanticVersion": "0.0.0-devel"`, `"version": "(devel`},
	} {
		var out strings.Builder
		r, err := New("sarif", ViewFindings, &out)
		if err != nil {
			t.Fatal(err)
		}
		if err := r.Start(&Run{Version: tt.version}); err != nil {
			t.Fatal(err)
		}
		if err := r.Finish(Summary{}); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(out.String(), tt.want) || strings.Contains(out.String(), tt.absent) {
			t.Errorf("version %q: want %s and no %s in\n%.600s", tt.version, tt.want, tt.absent, out.String())
		}
	}
}

// The summary says how many findings the configuration's suppressions
// left out, so that a clean run is not mistaken for a clean charter.
func TestSummaryCountsSuppressed(t *testing.T) {
	for _, tt := range []struct {
		s    Summary
		want string
	}{
		{Summary{Files: 2, FilesWithFindings: 1, Errors: 1, Suppressed: 3}, "2 charters checked, 1 with findings: 1 error; 3 suppressed by the configuration"},
		{Summary{Files: 1, Suppressed: 1}, "1 charter checked, no problems; 1 suppressed by the configuration"},
		{Summary{Files: 1}, "1 charter checked, no problems"},
	} {
		if got := countsText(tt.s); got != tt.want {
			t.Errorf("countsText(%+v) = %q, want %q", tt.s, got, tt.want)
		}
	}
	var s Summary
	s.Add(&analysis.Analysis{Suppressed: make([]finding.Suppressed, 2)})
	if s.Suppressed != 2 {
		t.Errorf("Add counted %d suppressed, want 2", s.Suppressed)
	}
}
