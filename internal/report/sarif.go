package report

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"unicode"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"

	"github.com/charterlint/charterlint/internal/analysis"
	"github.com/charterlint/charterlint/internal/finding"
	"github.com/charterlint/charterlint/internal/policy"
)

// rulesDocURL is where each rule's section of docs/rules.md is published.
const rulesDocURL = "https://github.com/charterlint/charterlint/blob/main/docs/rules.md"

// semanticVersion turns the binary's version into a semantic version,
// as SARIF's semanticVersion must be: "v1.4.0" is "1.4.0", and a build
// from a working tree, "(devel) 1a2b3c4d5e6f", is
// "0.0.0-devel+1a2b3c4d5e6f", as Go numbers such builds.
func semanticVersion(version string) string {
	fields := strings.Fields(version)
	if v := strings.TrimPrefix(fields[0], "v"); semver.MatchString(v) {
		return v
	}
	s := "0.0.0-devel"
	if len(fields) > 1 && buildMeta.MatchString(fields[1]) {
		s += "+" + fields[1]
	}
	return s
}

// buildMeta matches what semver allows as build metadata.
var buildMeta = regexp.MustCompile(`^[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*$`)

// semver matches a semantic version (semver.org 2.0.0), without a "v".
var semver = regexp.MustCompile(`^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$`)

// sarifReporter writes SARIF 2.1.0, as GitHub code scanning reads it: the
// driver lists every rule that ran, with its description, rationale and
// source, and every finding is a result at its line and column with a
// fingerprint made of the rule, the file and the element's id, so that
// reformatting or reordering a charter does not reopen an alert.
type sarifReporter struct {
	w   io.Writer
	run *Run
	out *sarif.Run
}

func (r *sarifReporter) Start(run *Run) error {
	r.run = run
	r.out = sarif.NewRunWithInformationURI("charterlint", "https://github.com/charterlint/charterlint")
	if run.Version != "" {
		r.out.Tool.Driver.WithSemanticVersion(semanticVersion(run.Version))
	}
	for _, rule := range append(append([]policy.Rule(nil), structural...), run.Rules...) {
		d := r.out.AddRule(rule.ID).
			WithName(pascal(rule.Title)).
			WithShortDescription(sarif.NewMultiformatMessageString().WithText(rule.Title)).
			WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(sarifLevel(rule.Severity)))
		if rule.Description != "" {
			d.WithFullDescription(sarif.NewMultiformatMessageString().WithText(rule.Description))
		}
		if text, md := ruleHelp(rule); text != "" {
			d.WithHelp(sarif.NewMultiformatMessageString().WithText(text).WithMarkdown(md))
		}
		if rule.Rationale != "" { // a rule of the pack or the user's, with a section
			d.WithHelpURI(rulesDocURL + "#" + anchor(rule.ID+": "+rule.Title))
		}
		if rule.Group != "" {
			d.WithProperties(sarif.NewPropertyBag().Add("tags", []string{"governance", rule.Group}))
		}
	}
	return nil
}

func (r *sarifReporter) File(a *analysis.Analysis) error {
	uri := artifactURI(a.Path)
	// A relative URI resolves against %SRCROOT%; a file outside the
	// working directory keeps its absolute file: URI.
	location := func() *sarif.ArtifactLocation {
		l := sarif.NewSimpleArtifactLocation(uri)
		if !strings.HasPrefix(uri, "file://") {
			l.WithURIBaseID("%SRCROOT%")
		}
		return l
	}
	index := -1
	if len(a.Findings)+len(a.Suppressed) > 0 {
		// Each file once in run.artifacts; results point at it by index.
		art := sarif.NewArtifact().WithLocation(location())
		art.Location.Index = len(r.out.Artifacts)
		r.out.Artifacts = append(r.out.Artifacts, art)
		index = art.Location.Index
	}
	result := func(f finding.Finding) *sarif.Result {
		res := r.out.CreateResultForRule(f.Rule).
			WithLevel(sarifLevel(f.Severity)).
			WithMessage(sarif.NewTextMessage(f.Message)).
			WithPartialFingerprints(map[string]string{"charterlint/v1": fingerprint(f.Rule, uri, f)})
		loc := sarif.NewPhysicalLocation().
			WithArtifactLocation(location().WithIndex(index)).
			WithRegion(sarif.NewRegion().WithStartLine(max(f.Line, 1)).WithStartColumn(max(f.Column, 1)))
		return res.WithLocations([]*sarif.Location{sarif.NewLocationWithPhysicalLocation(loc)})
	}
	for _, f := range a.Findings {
		result(f)
	}
	// Findings accepted in the configuration stay in the log, marked as
	// suppressed there (kind external), so that code scanning shows them
	// as dismissed with the reason rather than not at all.
	for _, s := range a.Suppressed {
		result(s.Finding).AddSuppression(sarif.NewSuppression().
			WithKind("external").WithStatus("accepted").
			WithJustification(s.Reason + " (" + s.Source + ")"))
	}
	return nil
}

func (r *sarifReporter) Finish(Summary) error {
	doc := sarif.NewReport()
	doc.AddRun(r.out)
	var buf bytes.Buffer
	if err := doc.Write(&buf); err != nil {
		return err
	}
	// The library writes every index, -1 when unset, which SARIF calls a
	// sentinel to leave out (the SARIF Multitool warns of each one).
	var v any
	dec := json.NewDecoder(&buf)
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		return err
	}
	enc := json.NewEncoder(r.w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(withoutUnsetIndexes(v))
}

// withoutUnsetIndexes drops the members "index" and "parentIndex" whose
// value is -1 anywhere in a decoded JSON document.
func withoutUnsetIndexes(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			if n, ok := e.(json.Number); ok && n == "-1" && (k == "index" || k == "parentIndex") {
				delete(x, k)
				continue
			}
			x[k] = withoutUnsetIndexes(e)
		}
	case []any:
		for i, e := range x {
			x[i] = withoutUnsetIndexes(e)
		}
	}
	return v
}

// sarifLevel is SARIF's name for a severity.
func sarifLevel(s finding.Severity) string {
	switch s {
	case finding.Error:
		return "error"
	case finding.Warning:
		return "warning"
	}
	return "note"
}

// ruleHelp is a rule's help as text and as Markdown: its description, why
// it matters, its source and an example that triggers it.
func ruleHelp(r policy.Rule) (text, md string) {
	var t, m strings.Builder
	if r.Description != "" {
		t.WriteString(r.Description)
		m.WriteString(r.Description)
	}
	if r.Rationale != "" {
		fmt.Fprintf(&t, "\n\nWhy it matters: %s", r.Rationale)
		fmt.Fprintf(&m, "\n\n**Why it matters.** %s", r.Rationale)
	}
	if r.Citation != "" {
		fmt.Fprintf(&t, "\n\nSource: %s", r.Citation)
		fmt.Fprintf(&m, "\n\n**Source.** %s", r.Citation)
	}
	if r.Fail != "" {
		fmt.Fprintf(&t, "\n\nFlagged:\n%s", r.Fail)
		fmt.Fprintf(&m, "\n\n**Flagged:**\n\n```json\n%s\n```", strings.TrimRight(r.Fail, "\n"))
	}
	if r.Pass != "" {
		fmt.Fprintf(&t, "\n\nNot flagged:\n%s", r.Pass)
		fmt.Fprintf(&m, "\n\n**Not flagged:**\n\n```json\n%s\n```", strings.TrimRight(r.Pass, "\n"))
	}
	return strings.TrimSpace(t.String()), strings.TrimSpace(m.String())
}

// artifactURI is a file's path as SARIF names it: relative to the
// directory charterlint ran in (%SRCROOT%), with forward slashes.
func artifactURI(path string) string {
	if filepath.IsAbs(path) {
		if wd, err := filepath.Abs("."); err == nil {
			if rel, err := filepath.Rel(wd, path); err == nil && !strings.HasPrefix(rel, "..") {
				path = rel
			}
		}
	}
	u := &url.URL{Path: filepath.ToSlash(filepath.Clean(path))}
	if filepath.IsAbs(path) {
		u.Scheme = "file"
	}
	// A URI reference: spaces and other characters escaped per segment,
	// and "./" before a first segment with a colon ("a:b.json"), which
	// would otherwise read as a scheme.
	return u.String()
}

// fingerprint identifies a finding across edits of the charter: its rule,
// its file and the id of the element it is about (its pointer when it
// names none), never its line.
func fingerprint(rule, uri string, f finding.Finding) string {
	what := f.Element
	if what == "" {
		what = "pointer:" + f.Pointer
	}
	sum := sha256.Sum256([]byte(rule + "\x00" + uri + "\x00" + what))
	return hex.EncodeToString(sum[:16])
}

// pascal turns a title into a SARIF rule name: "No appeal path" →
// "NoAppealPath".
func pascal(title string) string {
	var b strings.Builder
	up := true
	for _, r := range title {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if up {
				r = unicode.ToUpper(r)
			}
			b.WriteRune(r)
			up = false
		default:
			up = true
		}
	}
	return b.String()
}

// anchor is GitHub's anchor for a Markdown heading: lower case, spaces
// as hyphens, other punctuation dropped.
func anchor(heading string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(heading) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_':
			b.WriteRune(r)
		case r == ' ':
			b.WriteByte('-')
		}
	}
	return b.String()
}
