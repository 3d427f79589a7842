package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"
)

// lintSARIF lints paths and returns the SARIF document, checked against
// the official SARIF 2.1.0 schema.
func lintSARIF(t *testing.T, paths ...string) *sarif.Report {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(append([]string{"lint", "--format", "sarif"}, paths...), nil, &stdout, &stderr)
	if code != exitFindings {
		t.Fatalf("exit %d, stderr %s", code, stderr.String())
	}
	doc, err := sarif.FromBytes(stdout.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if err := doc.Validate(); err != nil {
		t.Fatalf("not valid SARIF 2.1.0: %v", err)
	}
	return doc
}

// The SARIF report lists every rule with its metadata, and each finding
// as a result at its place with a fingerprint of rule, file and element.
func TestSARIF(t *testing.T) {
	doc := lintSARIF(t, filepath.Join(fixturesDir, "itu.charter.json"), filepath.Join(fixturesDir, "invalid", "schema-enum.charter.json"))
	run := doc.Runs[0]
	byID := map[string]*sarif.ReportingDescriptor{}
	for _, r := range run.Tool.Driver.Rules {
		byID[*r.ID] = r
	}
	cap2 := byID["CL-CAP-002"]
	if cap2 == nil || cap2.Help == nil || !strings.Contains(*cap2.Help.Markdown, "**Why it matters.**") ||
		cap2.DefaultConfiguration.Level != "error" || cap2.FullDescription == nil ||
		!strings.HasSuffix(*cap2.HelpURI, "docs/rules.md#cl-cap-002-non-governmental-members-without-a-vote") {
		t.Errorf("CL-CAP-002 descriptor incomplete: %+v", cap2)
	}
	pack := len(newLinter(t).Rules.Rules())
	if byID["schema"] == nil || byID["suppression"] == nil || byID["baseline"] == nil || len(byID) != pack+6 {
		t.Errorf("driver lists %d rules, want the %d of the pack and the 6 structural ones (parse, schema, reference, limit, suppression, baseline)", len(byID), pack)
	}
	var sawCap2, sawSchema bool
	for _, res := range run.Results {
		loc := res.Locations[0].PhysicalLocation
		if *loc.ArtifactLocation.URIBaseID != "%SRCROOT%" || loc.Region.StartLine == nil || *loc.Region.StartLine < 1 {
			t.Fatalf("result without a place: %+v", loc)
		}
		if run.Tool.Driver.Rules[res.RuleIndex].ID == nil || *run.Tool.Driver.Rules[res.RuleIndex].ID != *res.RuleID {
			t.Errorf("result %s points at rule index %d", *res.RuleID, res.RuleIndex)
		}
		if res.PartialFingerprints["charterlint/v1"] == "" {
			t.Errorf("result %s without a fingerprint", *res.RuleID)
		}
		switch *res.RuleID {
		case "CL-CAP-002":
			sawCap2 = *loc.ArtifactLocation.URI == "../../fixtures/itu.charter.json" && res.Level == "error"
		case "schema":
			sawSchema = *loc.Region.StartLine == 25 && *loc.Region.StartColumn == 16
		}
	}
	if !sawCap2 || !sawSchema {
		t.Errorf("missing results: CL-CAP-002 on the ITU fixture %v, the schema error at 25:16 %v", sawCap2, sawSchema)
	}
}

// Reformatting and reordering a charter moves every finding, but no
// fingerprint changes: code scanning does not reopen its alerts.
func TestSARIFFingerprintsSurviveReformatting(t *testing.T) {
	src, err := os.ReadFile(filepath.Join(fixturesDir, "itu.charter.json"))
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(src, &doc); err != nil {
		t.Fatal(err)
	}
	actors := doc["actors"].([]any)
	for i, j := 0, len(actors)-1; i < j; i, j = i+1, j-1 {
		actors[i], actors[j] = actors[j], actors[i]
	}
	compact, err := json.Marshal(doc) // one line, another order
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a", "x.charter.json"), filepath.Join(dir, "b", "x.charter.json")
	for path, data := range map[string][]byte{a: src, b: compact} {
		os.MkdirAll(filepath.Dir(path), 0o755)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	prints := func(path string) map[string]int {
		t.Helper()
		t.Chdir(filepath.Dir(path))
		out := map[string]int{}
		for _, res := range lintSARIF(t, "x.charter.json").Runs[0].Results {
			out[*res.RuleID+" "+res.PartialFingerprints["charterlint/v1"]]++
		}
		return out
	}
	pa, pb := prints(a), prints(b)
	if len(pa) == 0 || len(pa) != len(pb) {
		t.Fatalf("%d fingerprints before, %d after", len(pa), len(pb))
	}
	for k, n := range pa {
		if pb[k] != n {
			t.Errorf("fingerprint %s: %d before reformatting, %d after", k, n, pb[k])
		}
	}
}

// multitool finds the SARIF Multitool: $SARIF_MULTITOOL, or where .ci/run
// installs it. Where it is missing the test is skipped, saying how to get
// it, except under CI=true, where that is a failure.
func multitool(t *testing.T) string {
	t.Helper()
	path := os.Getenv("SARIF_MULTITOOL")
	if path == "" {
		path = filepath.Join("..", "..", ".ci", "tools", "node_modules", "@microsoft", "sarif-multitool-linux", "Sarif.Multitool")
	}
	if _, err := os.Stat(path); err != nil {
		missingTool(t, "the SARIF Multitool is not installed: npm install --prefix .ci/tools @microsoft/sarif-multitool@5.7.0 (or set SARIF_MULTITOOL)")
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	return abs
}

// GitHub's own requirements, as the SARIF Multitool checks them: no error
// and no warning on the report of every fixture.
func TestSARIFPassesTheMultitool(t *testing.T) {
	tool := multitool(t)
	out := filepath.Join(t.TempDir(), "charterlint.sarif")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"lint", "--format", "sarif", "--output", out, fixturesDir}, nil, &stdout, &stderr); code != exitFindings {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if stdout.Len() != 0 {
		t.Errorf("--output still wrote %d bytes to standard output", stdout.Len())
	}
	passesMultitool(t, tool, out)
}

// passesMultitool validates a SARIF file with GitHub's rules and the
// standard's: no error, no warning.
func passesMultitool(t *testing.T, tool, out string) {
	t.Helper()
	cmd := exec.Command(tool, "validate", "--rule-kind", "Gh;Sarif", out)
	cmd.Env = append(os.Environ(), "DOTNET_CLI_TELEMETRY_OPTOUT=1")
	report, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("multitool: %v\n%s", err, report)
	}
	if !strings.Contains(string(report), "Analysis completed successfully") {
		t.Fatalf("multitool did not finish:\n%s", report)
	}
	for _, line := range strings.Split(string(report), "\n") {
		if strings.Contains(line, ": error ") || strings.Contains(line, ": warning ") {
			t.Errorf("multitool: %s", line)
		}
	}
}

// A finding accepted in .charterlint.yaml stays in the SARIF log, marked
// suppressed with the reason; an unused suppression is a result located in
// the configuration file; the log still passes GitHub's rules.
func TestSARIFSuppressions(t *testing.T) {
	dir := t.TempDir()
	charter := filepath.Join(dir, "itu.charter.json")
	src, err := os.ReadFile(filepath.Join(fixturesDir, "itu.charter.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(charter, src, 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := filepath.Join(dir, ".charterlint.yaml")
	if err := os.WriteFile(cfg, []byte(`suppressions:
  - rule: CL-MOD-001
    file: itu.charter.json
    pointer: /functions/3
    reason: The Internet-policy resolutions bind nobody.
  - rule: CL-CAP-001
    file: itu.charter.json
    element: nobody
    reason: stale
`), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out.sarif")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"lint", "--config", cfg, "--format", "sarif", "-o", out, charter}, nil, &stdout, &stderr); code != exitFindings {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Runs []struct {
			Results []struct {
				RuleID    string `json:"ruleId"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string } `json:"artifactLocation"`
					} `json:"physicalLocation"`
				} `json:"locations"`
				Suppressions []struct {
					Kind, Status, Justification string
				} `json:"suppressions"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	var suppressed, unused int
	for _, r := range doc.Runs[0].Results {
		switch {
		case len(r.Suppressions) > 0:
			suppressed++
			s := r.Suppressions[0]
			if r.RuleID != "CL-MOD-001" || s.Kind != "external" || !strings.HasPrefix(s.Justification, "The Internet-policy resolutions bind nobody.") {
				t.Errorf("suppressed result: %s %+v", r.RuleID, s)
			}
		case r.RuleID == "suppression":
			unused++
			if uri := r.Locations[0].PhysicalLocation.ArtifactLocation.URI; !strings.HasSuffix(uri, "/.charterlint.yaml") {
				t.Errorf("the unused suppression is located in %s", uri)
			}
		}
	}
	if suppressed != 1 || unused != 1 {
		t.Errorf("%d suppressed results and %d unused suppressions, want 1 and 1", suppressed, unused)
	}
	passesMultitool(t, multitool(t), out)
}
