package report

import (
	"encoding/xml"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/charterlint/charterlint/internal/analysis"
	"github.com/charterlint/charterlint/internal/finding"
)

// The JUnit document as a CI system reads it back.
type (
	junitDoc struct {
		XMLName  xml.Name        `xml:"testsuites"`
		Name     string          `xml:"name,attr"`
		Tests    int             `xml:"tests,attr"`
		Failures int             `xml:"failures,attr"`
		Errors   int             `xml:"errors,attr"`
		Suites   []junitDocSuite `xml:"testsuite"`
	}
	junitDocSuite struct {
		Name     string         `xml:"name,attr"`
		Tests    int            `xml:"tests,attr"`
		Failures int            `xml:"failures,attr"`
		Errors   int            `xml:"errors,attr"`
		Skipped  int            `xml:"skipped,attr"`
		Cases    []junitDocCase `xml:"testcase"`
	}
	junitDocCase struct {
		Name      string `xml:"name,attr"`
		Classname string `xml:"classname,attr"`
		Skipped   *struct {
			Message string `xml:"message,attr"`
		} `xml:"skipped"`
		Failure *junitDocProblem `xml:"failure"`
		Error   *junitDocProblem `xml:"error"`
	}
	junitDocProblem struct {
		Message string `xml:"message,attr"`
		Type    string `xml:"type,attr"`
		Text    string `xml:",chardata"`
	}
)

// renderJUnit renders analyses with run's catalogue, and failed more files
// that could not be analysed.
func renderJUnit(t *testing.T, run *Run, failed int, files ...*analysis.Analysis) string {
	t.Helper()
	var b strings.Builder
	r, err := New("junit", ViewFindings, &b)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Start(run); err != nil {
		t.Fatal(err)
	}
	s := Summary{Failed: failed}
	for _, f := range files {
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

func parseJUnit(t *testing.T, out string) junitDoc {
	t.Helper()
	var doc junitDoc
	if err := xml.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v in\n%s", err, out)
	}
	return doc
}

// junitFiles are report_test.go's files — one with two rule findings, one
// clean — and two more: one that failed the schema stage, so its rules did
// not run, and one whose findings were capped ("limit", a rule outside
// the catalogue).
func junitFiles() []*analysis.Analysis {
	return append(files(),
		&analysis.Analysis{Path: "c.charter.json", Findings: []finding.Finding{
			{Rule: "schema", Stage: finding.StageSchema, Severity: finding.Error, File: "c.charter.json", Pointer: "/actors/0/class", Line: 4, Column: 16, Message: "not a known actor class"},
		}},
		&analysis.Analysis{Path: "d.charter.json", Findings: []finding.Finding{
			{Rule: "CL-CAP-002", Stage: finding.StagePolicy, Severity: finding.Warning, File: "d.charter.json", Pointer: "/bodies/0", Line: 3, Column: 5, Message: "first"},
			{Rule: "CL-CAP-002", Stage: finding.StagePolicy, Severity: finding.Error, File: "d.charter.json", Pointer: "/bodies/1", Line: 9, Column: 5, Message: "second"},
			{Rule: "limit", Stage: finding.StagePolicy, Severity: finding.Info, File: "d.charter.json", Pointer: "/bodies/1", Line: 9, Column: 5, Message: "7 more findings in this file not shown"},
		}, Hidden: finding.Tally{Warnings: 7}},
	)
}

// caseNames lists a suite's test cases as name=outcome.
func caseNames(s junitDocSuite) []string {
	var out []string
	for _, c := range s.Cases {
		outcome := "pass"
		switch {
		case c.Failure != nil:
			outcome = "fail"
		case c.Skipped != nil:
			outcome = "skip"
		case c.Error != nil:
			outcome = "error"
		}
		out = append(out, c.Name+"="+outcome)
	}
	return out
}

// A suite per charter, a test case per stage and catalogue rule, one
// failure per rule with findings, and counts that add up.
func TestJUnitStructure(t *testing.T) {
	doc := parseJUnit(t, renderJUnit(t, catalogue(), 0, junitFiles()...))
	if doc.Name != "charterlint" || doc.Tests != 21 || doc.Failures != 5 || doc.Errors != 0 {
		t.Errorf("testsuites: name %q, tests %d, failures %d, errors %d; want charterlint, 21, 5, 0", doc.Name, doc.Tests, doc.Failures, doc.Errors)
	}
	want := []struct {
		name                     string
		tests, failures, skipped int
		cases                    string
	}{
		{"a.charter.json", 5, 2, 0, "parse=pass schema=pass reference=pass CL-CAP-002=fail CL-PAR-003=fail"},
		{"b.charter.json", 5, 0, 0, "parse=pass schema=pass reference=pass CL-CAP-002=pass CL-PAR-003=pass"},
		{"c.charter.json", 5, 1, 3, "parse=pass schema=fail reference=skip CL-CAP-002=skip CL-PAR-003=skip"},
		{"d.charter.json", 6, 2, 0, "parse=pass schema=pass reference=pass CL-CAP-002=fail CL-PAR-003=pass limit=fail"},
	}
	if len(doc.Suites) != len(want) {
		t.Fatalf("%d suites, want %d", len(doc.Suites), len(want))
	}
	for i, w := range want {
		s := doc.Suites[i]
		if s.Name != w.name || s.Tests != w.tests || s.Failures != w.failures || s.Errors != 0 || s.Skipped != w.skipped || len(s.Cases) != w.tests {
			t.Errorf("suite %d: %q tests %d (%d cases) failures %d errors %d skipped %d; want %q %d %d 0 %d",
				i, s.Name, s.Tests, len(s.Cases), s.Failures, s.Errors, s.Skipped, w.name, w.tests, w.failures, w.skipped)
		}
		if got := strings.Join(caseNames(s), " "); got != w.cases {
			t.Errorf("%s: cases\n%s\nwant\n%s", w.name, got, w.cases)
		}
		for _, c := range s.Cases {
			if c.Classname != w.name {
				t.Errorf("%s: %s has classname %q, want the charter's path", w.name, c.Name, c.Classname)
			}
		}
	}

	// One failure per rule: the count, the worst severity, every finding.
	a := doc.Suites[0].Cases
	if f := a[3].Failure; f.Message != "1 finding" || f.Type != "error" || f.Text != "a.charter.json:7:5: error CL-CAP-002 bodies/0: only states vote\n" {
		t.Errorf("a CL-CAP-002 failure = %+v", f)
	}
	if f := a[4].Failure; f.Type != "info" {
		t.Errorf("an info finding fails with type %q, want info", f.Type)
	}
	d := doc.Suites[3].Cases
	if f := d[3].Failure; f.Message != "2 findings" || f.Type != "error" ||
		f.Text != "d.charter.json:3:5: warning CL-CAP-002 bodies/0: first\nd.charter.json:9:5: error CL-CAP-002 bodies/1: second\n" {
		t.Errorf("d CL-CAP-002 failure = %+v", f)
	}
	if f := d[5].Failure; f.Type != "info" || !strings.Contains(f.Text, "7 more findings") {
		t.Errorf("limit failure = %+v", f)
	}

	c := doc.Suites[2].Cases
	if got := c[2].Skipped.Message; got != "stage not run: the charter has schema errors" {
		t.Errorf("reference skipped: %q", got)
	}
	for _, x := range c[3:] {
		if got := x.Skipped.Message; got != "rules not run: the charter has schema errors" {
			t.Errorf("%s skipped: %q", x.Name, got)
		}
	}
}

// A charter stopped by the parser has every later stage and rule skipped.
func TestJUnitParseErrorSkipsTheRest(t *testing.T) {
	doc := parseJUnit(t, renderJUnit(t, catalogue(), 0, &analysis.Analysis{Path: "x.charter.json", Findings: []finding.Finding{
		{Rule: "parse", Stage: finding.StageParse, Severity: finding.Error, File: "x.charter.json", Line: 1, Column: 2, Message: "invalid character"},
	}}))
	s := doc.Suites[0]
	if got := strings.Join(caseNames(s), " "); got != "parse=fail schema=skip reference=skip CL-CAP-002=skip CL-PAR-003=skip" || s.Skipped != 4 || s.Failures != 1 {
		t.Errorf("cases %s, skipped %d, failures %d", got, s.Skipped, s.Failures)
	}
	if got := s.Cases[1].Skipped.Message; got != "stage not run: the charter has parse errors" {
		t.Errorf("schema skipped: %q", got)
	}
}

// Without a catalogue (no rule ran) the stages are still tests, and a
// finding of a rule the catalogue does not name gets its own test case.
func TestJUnitWithoutRules(t *testing.T) {
	doc := parseJUnit(t, renderJUnit(t, &Run{}, 0, junitFiles()...))
	want := []string{
		"parse=pass schema=pass reference=pass CL-CAP-002=fail CL-PAR-003=fail",
		"parse=pass schema=pass reference=pass",
		"parse=pass schema=fail reference=skip",
		"parse=pass schema=pass reference=pass CL-CAP-002=fail limit=fail",
	}
	for i, w := range want {
		if got := strings.Join(caseNames(doc.Suites[i]), " "); got != w {
			t.Errorf("suite %d: %s, want %s", i, got, w)
		}
	}
	if doc.Tests != 3+2+3+3+3+2 || doc.Failures != 5 {
		t.Errorf("tests %d failures %d", doc.Tests, doc.Failures)
	}
}

// Files that could not be analysed never reach File; the report still
// shows that the run failed, as an error.
func TestJUnitCountsFilesNotAnalysed(t *testing.T) {
	doc := parseJUnit(t, renderJUnit(t, catalogue(), 2, files()[1]))
	if doc.Tests != 6 || doc.Errors != 1 || len(doc.Suites) != 2 {
		t.Fatalf("tests %d errors %d suites %d; want 6, 1, 2", doc.Tests, doc.Errors, len(doc.Suites))
	}
	s := doc.Suites[1]
	if s.Errors != 1 || s.Tests != 1 || s.Cases[0].Error == nil || s.Cases[0].Error.Message != "2 charters could not be analysed" {
		t.Errorf("suite = %+v", s)
	}
}

// Paths and messages that XML would read as markup are escaped, and
// characters that XML 1.0 forbids are replaced, so that the document
// parses and says what the finding says.
func TestJUnitEscaping(t *testing.T) {
	const path = `x&<y>"'.charter.json`
	msg := "a <b> & \"c\" 'd' \x01 e\x1bf"
	out := renderJUnit(t, &Run{}, 0, &analysis.Analysis{Path: path, Findings: []finding.Finding{
		{Rule: "CL-X-<1>", Stage: finding.StagePolicy, Severity: finding.Warning, File: path, Pointer: "/a~1b", Line: 2, Column: 3, Message: msg},
	}})
	if strings.ContainsAny(out, "\x01\x1b") {
		t.Errorf("a control character is in the document:\n%q", out)
	}
	for _, esc := range []string{"&lt;b&gt;", "&amp;", "&#34;c&#34;"} {
		if !strings.Contains(out, esc) {
			t.Errorf("%s missing from\n%s", esc, out)
		}
	}
	doc := parseJUnit(t, out)
	s := doc.Suites[0]
	if s.Name != path {
		t.Errorf("suite name %q, want %q", s.Name, path)
	}
	c := s.Cases[3]
	want := path + ":2:3: warning CL-X-<1> a~1b: a <b> & \"c\" 'd' \uFFFD e\uFFFDf\n"
	if c.Name != "CL-X-<1>" || c.Classname != path || c.Failure == nil || c.Failure.Text != want {
		t.Errorf("case %q (%q): failure %+v; want text %q", c.Name, c.Classname, c.Failure, want)
	}
}

// The junit format renders findings only.
func TestJUnitHasNoClassificationView(t *testing.T) {
	if !slices.Contains(Formats(ViewFindings), "junit") || slices.Contains(Formats(ViewClassification), "junit") {
		t.Errorf("findings formats %v, classification formats %v", Formats(ViewFindings), Formats(ViewClassification))
	}
	if _, err := New("junit", ViewClassification, &strings.Builder{}); err == nil {
		t.Error("junit accepted for classifications")
	}
}

// Every kind of report validates against the JUnit schema that the Jenkins
// xUnit plugin checks reports with (testdata/junit.xsd), with xmllint.
func TestJUnitValidatesAgainstSchema(t *testing.T) {
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("xmllint is not on PATH; CI must validate the JUnit output (.ci/run installs libxml2-utils)")
		}
		t.Skip("xmllint is not on PATH, so the JUnit output is not validated against testdata/junit.xsd: apt-get install libxml2-utils")
	}
	schema, err := filepath.Abs(filepath.Join("testdata", "junit.xsd"))
	if err != nil {
		t.Fatal(err)
	}
	const path = `x&<y>"'.charter.json`
	reports := map[string]string{
		"catalogue":    renderJUnit(t, catalogue(), 0, junitFiles()...),
		"no rules":     renderJUnit(t, &Run{}, 0, junitFiles()...),
		"no files":     renderJUnit(t, catalogue(), 0),
		"not analysed": renderJUnit(t, catalogue(), 3, files()...),
		"escaping": renderJUnit(t, &Run{}, 0, &analysis.Analysis{Path: path, Findings: []finding.Finding{
			{Rule: "CL-X-<1>", Stage: finding.StagePolicy, Severity: finding.Warning, File: path, Line: 2, Column: 3, Message: "a <b> & \"c\" 'd' \x01 e\n\tf\r"},
		}}),
	}
	dir := t.TempDir()
	for name, out := range reports {
		file := filepath.Join(dir, strings.ReplaceAll(name, " ", "-")+".xml")
		if err := os.WriteFile(file, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(xmllint, "--noout", "--schema", schema, file)
		if msg, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("%s: xmllint: %v\n%s\nreport:\n%s", name, err, msg, out)
		}
	}
}
