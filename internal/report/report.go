// Package report renders a run of charterlint. Every output format
// implements Reporter and renders the views a command can ask for: the
// findings (lint), the classification (classify) and the committee report
// (report), so the commands share one list of formats. A reporter sees
// the whole run: the rule catalogue at Start, every file's Analysis in
// input order, and the summary at Finish.
package report

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/charterlint/charterlint/internal/analysis"
	"github.com/charterlint/charterlint/internal/classify"
	"github.com/charterlint/charterlint/internal/finding"
	"github.com/charterlint/charterlint/internal/policy"
	"github.com/charterlint/charterlint/internal/profile"
	"github.com/charterlint/charterlint/internal/ruledata"
)

// View is what a command shows of each analysis.
type View int

const (
	// ViewFindings shows every finding (lint).
	ViewFindings View = iota
	// ViewClassification shows the classification of each charter that
	// passed the structural checks (classify).
	ViewClassification
	// ViewReport is the committee report (report): per charter its
	// verdict, classification, voting shares charted per deciding body,
	// functions against the modality matrix, findings with their rules'
	// rationale and citation, and accountability paths.
	ViewReport
	// ViewConformance is each charter against the run's framework
	// profiles (Run.Profiles), criterion by criterion (conformance).
	ViewConformance
)

// Run is what a reporter knows of the run before the first file.
type Run struct {
	// Version is charterlint's version, as `charterlint version` says it.
	Version string
	// StepSummary, when set, receives a Markdown summary from the github
	// format: the file $GITHUB_STEP_SUMMARY names, opened for appending.
	StepSummary io.Writer
	// Color asks the text format to colour severities (ANSI escapes): the
	// command sets it when its output is a terminal and NO_COLOR is unset.
	Color bool
	// Rules is the catalogue of the rules that ran, ordered by id, with
	// their full metadata where it was loaded; nil when no rule ran.
	Rules []policy.Rule
	// Matrix returns the modality matrix's row and cell for a function of
	// a category and a task ("" for none) in a modality (the zero Cell when
	// there is none), as ruledata.Data.Lookup finds them: the committee
	// report shows each function's suited modalities and the cell's
	// rationale. nil: the report leaves those columns empty.
	Matrix func(category, task, modality string) (string, ruledata.Cell)
	// Profiles are the framework profiles to judge each charter against:
	// the conformance view's subject, and a section of the committee
	// report when set.
	Profiles []*profile.Profile
}

// Rule returns the catalogue's rule with id.
func (r *Run) Rule(id string) (policy.Rule, bool) {
	i, ok := slices.BinarySearchFunc(r.Rules, id, func(x policy.Rule, id string) int { return strings.Compare(x.ID, id) })
	if !ok {
		return policy.Rule{}, false
	}
	return r.Rules[i], true
}

// Summary counts what a run found.
type Summary struct {
	Files             int `json:"files"`
	FilesWithFindings int `json:"filesWithFindings"`
	Errors            int `json:"errors"`
	Warnings          int `json:"warnings"`
	Infos             int `json:"infos"`
	// Failed counts the files that could not be read or analysed (an
	// unreadable file, a timeout): their errors go to standard error.
	Failed int `json:"failed"`
	// Baselined counts the findings left out because the baseline
	// (--baseline) holds them.
	Baselined int `json:"baselined,omitempty"`
	// Suppressed counts the findings a suppression in the configuration
	// file left out.
	Suppressed int `json:"suppressed,omitempty"`
}

// Add counts one file's findings.
func (s *Summary) Add(a *analysis.Analysis) {
	if !a.Config {
		s.Files++
		if len(a.Findings) > 0 {
			s.FilesWithFindings++
		}
	}
	for _, x := range a.Findings {
		switch x.Severity {
		case finding.Error:
			s.Errors++
		case finding.Warning:
			s.Warnings++
		default:
			s.Infos++
		}
	}
	s.Baselined += a.Baselined
	s.Suppressed += len(a.Suppressed)
	s.Errors += a.Hidden.Errors
	s.Warnings += a.Hidden.Warnings
	s.Infos += a.Hidden.Infos
}

// Reporter renders a run. Start is called once, then File once per
// analysed file in input order (never for a file whose Err is set), then
// Finish once with the run's summary. A reporter that needs all files
// before it writes (JSON, a side-by-side table) keeps what it needs of
// each: not the whole Analysis, whose document and facts a large run
// cannot hold at once.
type Reporter interface {
	Start(run *Run) error
	File(a *analysis.Analysis) error
	Finish(s Summary) error
}

// StageRules describes the findings whose rule id names no rule of the
// catalogue: the structural stages (parse, schema, reference), the count
// of findings left out (limit), and the checks of the configuration
// (suppression) and of the baseline (baseline). SARIF and JUnit describe
// these findings with them; charterlint explain prints them too.
func StageRules() []policy.Rule { return slices.Clone(structural) }

// structural describes the findings that come from no rule of the
// catalogue: the stages before the rules, in the order they run, then the
// finding that counts what the per-file cap left out, then those about
// the configuration and the baseline. SARIF results and JUnit test cases
// name them as rules too.
var structural = []policy.Rule{
	{ID: string(finding.StageParse), Title: "Not valid JSON", Severity: finding.Error, Description: "The file is not one valid JSON document: a syntax error, bytes that are not UTF-8, a duplicate key, nesting deeper than 64 levels, data after the document, or a file over the size limit."},
	{ID: string(finding.StageSchema), Title: "Does not follow the charter format", Severity: finding.Error, Description: "A value breaks the charter format (schemas/charter-v1.json): a wrong type, an unknown property, a missing required property, a value out of range or not in the list of allowed values."},
	{ID: string(finding.StageReference), Title: "Broken reference", Severity: finding.Error, Description: "An id is used twice, or a reference names no actor, body or function of the charter."},
	{ID: "limit", Title: "More findings not shown", Severity: finding.Info, Description: "The file has more findings than are reported for one file; the rest are counted."},
	{ID: "suppression", Title: "Suppression expired or unused", Severity: finding.Warning, Description: "A suppression in .charterlint.yaml has expired, so its findings are reported again, or matched no finding, so it can go."},
	{ID: "baseline", Title: "Baseline entry no longer found", Severity: finding.Info, Description: "An entry of the baseline file (--baseline, or baseline: in .charterlint.yaml) records a finding that the run no longer reports."},
}

// formats are the output formats, each with the views it renders.
var formats = []struct {
	name  string
	views []View
}{
	{"html", []View{ViewReport, ViewConformance}},
	{"text", []View{ViewFindings, ViewClassification, ViewConformance}},
	{"json", []View{ViewFindings, ViewClassification, ViewConformance}},
	{"markdown", []View{ViewFindings, ViewClassification, ViewReport, ViewConformance}},
	{"sarif", []View{ViewFindings}},
	{"github", []View{ViewFindings}},
	{"junit", []View{ViewFindings}},
}

// Formats lists the output formats that render view.
func Formats(view View) []string {
	var out []string
	for _, f := range formats {
		if slices.Contains(f.views, view) {
			out = append(out, f.name)
		}
	}
	return out
}

// New returns the reporter for format, rendering view, writing to w.
func New(format string, view View, w io.Writer) (Reporter, error) {
	if !slices.Contains(Formats(view), format) {
		return nil, fmt.Errorf("unknown output format %q (want one of %s)", format, strings.Join(Formats(view), ", "))
	}
	if view == ViewReport {
		return newCommittee(format, w), nil
	}
	if view == ViewConformance {
		return &conformanceReporter{w: w, format: format}, nil
	}
	switch format {
	case "text":
		return &textReporter{w: w, view: view}, nil
	case "json":
		return &jsonReporter{w: w, view: view}, nil
	case "markdown":
		return &markdownReporter{w: w, view: view}, nil
	case "sarif":
		return &sarifReporter{w: w}, nil
	case "github":
		return &githubReporter{w: w}, nil
	case "junit":
		return &junitReporter{w: w}, nil
	}
	panic("report: format " + format + " is listed but has no reporter")
}

// countsText says what a summary counts: "2 charters checked, 1 with
// findings: 1 error, 1 info", or "... no problems".
func countsText(s Summary) string {
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
	failed := ""
	if s.Baselined > 0 {
		failed = fmt.Sprintf("; %d known from the baseline", s.Baselined)
	}
	if s.Suppressed > 0 {
		failed += fmt.Sprintf("; %d suppressed by the configuration", s.Suppressed)
	}
	if s.Failed > 0 {
		failed += fmt.Sprintf("; %d could not be analysed (errors above)", s.Failed)
	}
	switch {
	case len(counts) > 0 && s.FilesWithFindings == 0:
		// Findings about the configuration or the baseline only.
		return fmt.Sprintf("%s checked, no problems in them; %s about the configuration%s", plural(s.Files, "charter", "charters"), strings.Join(counts, ", "), failed)
	case len(counts) > 0:
		return fmt.Sprintf("%s checked, %d with findings: %s%s", plural(s.Files, "charter", "charters"), s.FilesWithFindings, strings.Join(counts, ", "), failed)
	case s.Failed > 0:
		return plural(s.Files, "charter", "charters") + " checked" + failed
	case s.Baselined > 0:
		return plural(s.Files, "charter", "charters") + " checked, no new problems" + failed
	case s.Suppressed > 0:
		return plural(s.Files, "charter", "charters") + " checked, no problems" + failed
	}
	return plural(s.Files, "charter", "charters") + " checked, no problems"
}

func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

// classifications collects the classifications of a run, for the
// reporters that render them side by side at the end.
type classifications []classify.Classification

func (cs *classifications) add(a *analysis.Analysis) {
	if a.Classification != nil {
		*cs = append(*cs, *a.Classification)
	}
}
