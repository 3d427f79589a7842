package report

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/charterlint/charterlint/internal/analysis"
	"github.com/charterlint/charterlint/internal/finding"
	"github.com/charterlint/charterlint/internal/profile"
)

// conformanceReporter renders ViewConformance: every charter against every
// profile of the run (Run.Profiles), criterion by criterion. It keeps the
// results, not the analyses, and writes at Finish: several charters make
// a matrix, criteria as rows and charters as columns.
type conformanceReporter struct {
	w        io.Writer
	format   string
	run      *Run
	charters []conformanceCharter
}

// conformanceCharter is one charter's results, one per profile.
type conformanceCharter struct {
	Path    string
	Name    string
	ID      string
	Anchor  string
	Results []profile.Result
}

// Label is the charter's column heading: its id, else its path.
func (c conformanceCharter) Label() string {
	if c.ID != "" {
		return c.ID
	}
	return c.Path
}

// conformanceOf judges one analysis against every profile of the run.
func conformanceOf(run *Run, a *analysis.Analysis) []profile.Result {
	if run == nil || len(run.Profiles) == 0 {
		return nil
	}
	ran := run.Rule
	out := make([]profile.Result, 0, len(run.Profiles))
	for _, p := range run.Profiles {
		out = append(out, profile.Evaluate(p, a, ran))
	}
	return out
}

func (r *conformanceReporter) Start(run *Run) error {
	if run == nil {
		run = &Run{}
	}
	r.run = run
	return nil
}

func (r *conformanceReporter) File(a *analysis.Analysis) error {
	if r.run == nil {
		r.run = &Run{}
	}
	c := conformanceCharter{Path: a.Path, Name: a.Path, Anchor: fmt.Sprintf("charter-%d", len(r.charters)+1)}
	if a.Charter != nil {
		c.ID = a.Charter.ID
		if a.Charter.Name != "" {
			c.Name = a.Charter.Name
		}
	}
	c.Results = conformanceOf(r.run, a)
	r.charters = append(r.charters, c)
	return nil
}

func (r *conformanceReporter) Finish(Summary) error {
	v := newConformanceView(r.run, r.charters)
	switch r.format {
	case "json":
		return writeConformanceJSON(r.w, r.run, v)
	case "markdown":
		_, err := io.WriteString(r.w, conformanceMarkdown(v))
		return err
	case "html":
		return conformanceTemplate().Execute(r.w, v)
	}
	_, err := io.WriteString(r.w, conformanceText(v))
	return err
}

// conformanceView is what every format shows: per profile, a row per
// criterion with a cell per charter.
type conformanceView struct {
	Charters []conformanceCharter
	Profiles []conformanceProfile
	// Matrix is set when there are several charters.
	Matrix bool
}

// conformanceProfile is one profile's rows and each charter's score.
type conformanceProfile struct {
	Profile *profile.Profile
	Rows    []conformanceRow
	Scores  []profile.Result
}

// conformanceRow is one criterion with its result for each charter.
type conformanceRow struct {
	Criterion *profile.Criterion
	Cells     []profile.CriterionResult
}

func newConformanceView(run *Run, cs []conformanceCharter) conformanceView {
	v := conformanceView{Charters: cs, Matrix: len(cs) > 1}
	if run == nil {
		return v
	}
	for i, p := range run.Profiles {
		cp := conformanceProfile{Profile: p}
		for j := range p.Criteria {
			row := conformanceRow{Criterion: &p.Criteria[j]}
			for _, c := range cs {
				row.Cells = append(row.Cells, c.Results[i].Criteria[j])
			}
			cp.Rows = append(cp.Rows, row)
		}
		for _, c := range cs {
			cp.Scores = append(cp.Scores, c.Results[i])
		}
		v.Profiles = append(v.Profiles, cp)
	}
	return v
}

// evidence says in one line what shows a criterion's status: its
// findings, else its notes, else (not checkable) the reason.
func evidence(cr profile.CriterionResult) []string {
	var out []string
	for _, f := range cr.Findings {
		out = append(out, f.String())
	}
	out = append(out, cr.Notes...)
	if cr.Status == profile.NotCheckable {
		out = append(out, cr.Criterion.Reason)
	}
	return out
}

// conformanceText is the text format: per profile, each charter's
// criteria with their status and evidence, after a matrix when there are
// several charters.
func conformanceText(v conformanceView) string {
	var b strings.Builder
	for pi, p := range v.Profiles {
		if pi > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "%s: %s\n  %s\n", p.Profile.ID, p.Profile.Title, p.Profile.Source)
		if v.Matrix {
			b.WriteString("\n")
			width := len("criterion")
			for _, r := range p.Rows {
				width = max(width, len(r.Criterion.ID))
			}
			fmt.Fprintf(&b, "  %-*s", width, "criterion")
			for _, c := range v.Charters {
				fmt.Fprintf(&b, "  %-*s", colWidth(c), c.Label())
			}
			b.WriteString("\n")
			for _, r := range p.Rows {
				fmt.Fprintf(&b, "  %-*s", width, r.Criterion.ID)
				for i, c := range v.Charters {
					fmt.Fprintf(&b, "  %-*s", colWidth(c), r.Cells[i].Status.Label())
				}
				b.WriteString("\n")
			}
			fmt.Fprintf(&b, "  %-*s", width, "score (met of checkable)")
			for i, c := range v.Charters {
				fmt.Fprintf(&b, "  %-*s", colWidth(c), p.Scores[i].Score())
			}
			b.WriteString("\n")
		}
		for i, c := range v.Charters {
			res := p.Scores[i]
			fmt.Fprintf(&b, "\n%s (%s): %s checkable criteria met\n", c.Path, c.Name, res.Score())
			for _, cr := range res.Criteria {
				if v.Matrix && (cr.Status == profile.Met && len(cr.Notes) == 0 || cr.Status == profile.NotCheckable) {
					continue
				}
				fmt.Fprintf(&b, "  %s: %s, %s (%s)\n", cr.Status.Label(), cr.Criterion.ID, cr.Criterion.Title, cr.Criterion.Reference)
				if cr.Status == profile.NotCheckable {
					fmt.Fprintf(&b, "      %s\n", cr.Criterion.Reason)
					continue
				}
				for _, e := range evidence(cr) {
					fmt.Fprintf(&b, "      %s\n", e)
				}
			}
		}
	}
	if len(v.Charters) == 0 {
		b.WriteString("no charter could be checked\n")
	}
	return b.String()
}

// colWidth is the width of a charter's column in the text matrix.
func colWidth(c conformanceCharter) int {
	return max(len(c.Label()), len("not checkable from a charter"))
}

// conformanceMarkdown is the Markdown format: one section per profile.
func conformanceMarkdown(v conformanceView) string {
	var b strings.Builder
	b.WriteString("# Conformance\n")
	for _, p := range v.Profiles {
		fmt.Fprintf(&b, "\n## %s\n\n%s\n\n", mdText(p.Profile.Title), mdText(p.Profile.Source))
		if v.Matrix {
			b.WriteString("| Criterion | Reference |")
			for _, c := range v.Charters {
				fmt.Fprintf(&b, " %s |", mdText(c.Label()))
			}
			b.WriteString("\n|---|---|" + strings.Repeat("---|", len(v.Charters)) + "\n")
			for _, r := range p.Rows {
				fmt.Fprintf(&b, "| %s | %s |", mdText(r.Criterion.Title), mdText(r.Criterion.Reference))
				for _, cell := range r.Cells {
					fmt.Fprintf(&b, " %s |", cell.Status.Label())
				}
				b.WriteString("\n")
			}
			b.WriteString("| **Score (met of checkable)** | |")
			for _, s := range p.Scores {
				fmt.Fprintf(&b, " **%s** |", s.Score())
			}
			b.WriteString("\n")
		}
		for i, c := range v.Charters {
			if v.Matrix {
				fmt.Fprintf(&b, "\n### %s\n\n", mdText(c.Name))
			}
			writeConformanceTable(&b, p.Scores[i])
		}
	}
	return b.String()
}

// writeConformanceTable writes one charter's result for one profile as a
// Markdown table: status, criterion, reference and evidence.
func writeConformanceTable(b *strings.Builder, res profile.Result) {
	fmt.Fprintf(b, "**Score:** %s checkable criteria met.\n\n", res.Score())
	b.WriteString("| Status | Criterion | Reference | Evidence |\n|---|---|---|---|\n")
	for _, cr := range res.Criteria {
		ev := evidence(cr)
		for i := range ev {
			ev[i] = mdText(ev[i])
		}
		fmt.Fprintf(b, "| %s | %s | %s | %s |\n", cr.Status.Label(), mdText(cr.Criterion.Title), mdText(cr.Criterion.Reference), strings.Join(ev, "<br>"))
	}
}

// writeConformanceMarkdown is the committee report's conformance section
// for one charter, when the run has profiles.
func writeConformanceMarkdown(b *strings.Builder, rs []profile.Result) {
	if len(rs) == 0 {
		return
	}
	b.WriteString("### Conformance\n\n")
	for _, res := range rs {
		fmt.Fprintf(b, "#### %s\n\n", mdText(res.Profile.Title))
		writeConformanceTable(b, res)
		b.WriteString("\n")
	}
}

// JSON shapes of the conformance view.
type (
	jsonConformance struct {
		Version  string                   `json:"version,omitempty"`
		Profiles []*profile.Profile       `json:"profiles"`
		Charters []jsonConformanceCharter `json:"charters"`
	}
	jsonConformanceCharter struct {
		File     string                  `json:"file"`
		ID       string                  `json:"id,omitempty"`
		Name     string                  `json:"name"`
		Profiles []jsonConformanceResult `json:"profiles"`
	}
	jsonConformanceResult struct {
		Profile   string                     `json:"profile"`
		Met       int                        `json:"met"`
		Checkable int                        `json:"checkable"`
		Criteria  []jsonConformanceCriterion `json:"criteria"`
	}
	jsonConformanceCriterion struct {
		ID         string               `json:"id"`
		Status     profile.Status       `json:"status"`
		Findings   []finding.Finding    `json:"findings,omitempty"`
		Suppressed []finding.Suppressed `json:"suppressed,omitempty"`
		Notes      []string             `json:"notes,omitempty"`
		Reason     string               `json:"reason,omitempty"`
	}
)

func writeConformanceJSON(w io.Writer, run *Run, v conformanceView) error {
	out := jsonConformance{Version: run.Version, Profiles: run.Profiles, Charters: []jsonConformanceCharter{}}
	if out.Profiles == nil {
		out.Profiles = []*profile.Profile{}
	}
	for _, c := range v.Charters {
		jc := jsonConformanceCharter{File: c.Path, ID: c.ID, Name: c.Name, Profiles: []jsonConformanceResult{}}
		for _, res := range c.Results {
			jr := jsonConformanceResult{Profile: res.Profile.ID, Met: res.Met, Checkable: res.Checkable}
			for _, cr := range res.Criteria {
				jcr := jsonConformanceCriterion{ID: cr.Criterion.ID, Status: cr.Status, Findings: cr.Findings, Suppressed: cr.Suppressed, Notes: cr.Notes}
				if cr.Status == profile.NotCheckable {
					jcr.Reason = cr.Criterion.Reason
				}
				jr.Criteria = append(jr.Criteria, jcr)
			}
			jc.Profiles = append(jc.Profiles, jr)
		}
		out.Charters = append(out.Charters, jc)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// statusClass is a status's badge class in the page's style sheet.
func statusClass(s profile.Status) string {
	switch s {
	case profile.NotMet:
		return "sev sev-error"
	case profile.PartlyMet:
		return "sev sev-warning"
	case profile.NotChecked:
		return "sev sev-info"
	}
	return "sev sev-none"
}

// conformanceHTML is the conformance page; conformanceBlockHTML defines
// the "conformance" block, one charter's results as tables, which the page
// and the committee report (committee.html.tmpl) include. Both use the
// shared definitions of page.html.tmpl.
var (
	//go:embed conformance.html.tmpl
	conformanceHTML string
	//go:embed conformance_block.html.tmpl
	conformanceBlockHTML string
)

var conformanceFuncs = template.FuncMap{"status": statusClass, "evidence": evidence, "one": func(r profile.Result) []profile.Result { return []profile.Result{r} }}

// conformanceTemplate parses the conformance page.
func conformanceTemplate() *template.Template {
	return template.Must(template.Must(template.Must(
		template.New("conformance").Funcs(htmlFuncs).Funcs(conformanceFuncs).Parse(pageHTML)).
		Parse(conformanceBlockHTML)).Parse(conformanceHTML))
}
