package report

import (
	"context"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/charterlint/charterlint/internal/analysis"
	"github.com/charterlint/charterlint/internal/decode"
	"github.com/charterlint/charterlint/internal/finding"
	"github.com/charterlint/charterlint/internal/policy"
	"github.com/charterlint/charterlint/policies"
)

// committeeFixtures are the charters the committee report is tested on:
// one captured (every finding group), one clean, one that fails the
// structural checks.
var committeeFixtures = []string{"fixtures/itu.charter.json", "fixtures/icann.charter.json"}

var (
	analyzerOnce sync.Once
	analyzer     *analysis.Analyzer
	analyzerErr  error
)

// analyse runs the full pipeline, rules included, on fixtures of the
// repository, named as a user at its root names them.
func analyse(t *testing.T, paths ...string) (*Run, []*analysis.Analysis) {
	t.Helper()
	analyzerOnce.Do(func() {
		analyzer, analyzerErr = analysis.New(context.Background(), analysis.Options{
			Limits: decode.DefaultLimits(), Rules: &policy.Options{Pack: policies.FS()},
		})
	})
	if analyzerErr != nil {
		t.Fatal(analyzerErr)
	}
	var as []*analysis.Analysis
	for _, p := range paths {
		data, err := os.ReadFile("../../" + p)
		if err != nil {
			t.Fatal(err)
		}
		a := analyzer.Check(context.Background(), p, data)
		if a.Err != nil {
			t.Fatal(a.Err)
		}
		as = append(as, a)
	}
	return &Run{Rules: analyzer.Rules.Rules(), Matrix: analyzer.Data.Lookup}, as
}

// renderReport renders analyses in the committee view.
func renderReport(t *testing.T, format string, run *Run, as []*analysis.Analysis) string {
	t.Helper()
	var b strings.Builder
	r, err := New(format, ViewReport, &b)
	if err != nil {
		t.Fatal(err)
	}
	if err := r.Start(run); err != nil {
		t.Fatal(err)
	}
	var s Summary
	for _, a := range as {
		s.Add(a)
		if err := r.File(a); err != nil {
			t.Fatal(err)
		}
	}
	if err := r.Finish(s); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// node is an element of a parsed HTML page.
type node struct {
	name     string
	attr     map[string]string
	children []*node
	parent   *node
	text     strings.Builder // the text directly inside
}

// voidElements have no end tag in HTML.
var voidElements = []string{"meta", "link", "br", "hr", "img", "input", "wbr", "col", "area", "base", "source"}

// parseHTML parses the page with encoding/xml in its lenient mode (HTML
// entities, void elements), and fails on an end tag that does not close
// the element open, or an element left open.
func parseHTML(t *testing.T, page string) *node {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(page))
	d.Strict = false
	d.AutoClose = voidElements
	d.Entity = xml.HTMLEntity
	root := &node{name: "#document", attr: map[string]string{}}
	cur := root
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("the HTML does not parse: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			n := &node{name: strings.ToLower(tok.Name.Local), attr: map[string]string{}, parent: cur}
			for _, a := range tok.Attr {
				n.attr[a.Name.Local] = a.Value
			}
			cur.children = append(cur.children, n)
			cur = n
		case xml.EndElement:
			if name := strings.ToLower(tok.Name.Local); name != cur.name {
				line, col := d.InputPos()
				t.Fatalf("at %d:%d: </%s> closes <%s>", line, col, name, cur.name)
			}
			cur = cur.parent
		case xml.CharData:
			cur.text.Write(tok)
		}
	}
	if cur != root {
		t.Fatalf("<%s> is never closed", cur.name)
	}
	return root
}

// all returns the elements below n (n included) for which keep is true.
func (n *node) all(keep func(*node) bool) []*node {
	var out []*node
	if keep(n) {
		out = append(out, n)
	}
	for _, c := range n.children {
		out = append(out, c.all(keep)...)
	}
	return out
}

// fullText is the text of n and everything below it, white space folded.
func (n *node) fullText() string {
	var b strings.Builder
	var walk func(*node)
	walk = func(n *node) {
		b.WriteString(n.text.String())
		b.WriteString(" ")
		for _, c := range n.children {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

func (n *node) hasClass(c string) bool { return slices.Contains(strings.Fields(n.attr["class"]), c) }

// ancestor returns the nearest enclosing element named name.
func (n *node) ancestor(name string) *node {
	for p := n.parent; p != nil; p = p.parent {
		if p.name == name {
			return p
		}
	}
	return nil
}

func TestCommitteeHTML(t *testing.T) {
	run, as := analyse(t, committeeFixtures...)
	page := renderReport(t, "html", run, as)
	doc := parseHTML(t, page)

	// Self-contained: no script, nothing fetched.
	for _, bad := range []string{"http://", "https://", "<script", "src=", "<link", "@import", "url(", "<iframe", "<object", "<embed"} {
		if strings.Contains(strings.ToLower(page), bad) {
			t.Errorf("the page contains %q", bad)
		}
	}
	for _, want := range []string{`<meta name="viewport" content="width=device-width, initial-scale=1"`, "@media print", "break-before: page", "size: A4", "@media (max-width:"} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	sections := doc.all(func(n *node) bool { return n.name == "section" && n.hasClass("charter") })
	if len(sections) != len(as) {
		t.Fatalf("%d charter sections, want %d", len(sections), len(as))
	}
	// Each function's row carries its variety in the theory's terms.
	for _, a := range as {
		for _, id := range a.Facts.FunctionOrder {
			ff := a.Facts.Functions[id]
			if !strings.Contains(page, "<td>"+ff.Variety+"</td>") {
				t.Errorf("%s: function %s: no cell %q", a.Path, id, ff.Variety)
			}
		}
	}
	for _, s := range sections {
		if !s.hasClass("newpage") {
			t.Errorf("section %s does not start a new printed page", s.attr["id"])
		}
	}
	comparison := doc.all(func(n *node) bool { return n.name == "section" && n.hasClass("comparison") })
	if len(comparison) != 1 {
		t.Fatalf("%d comparison sections, want 1 before the charters", len(comparison))
	}
	if rows := comparison[0].all(func(n *node) bool { return n.name == "tr" }); len(rows) != len(as)+1 {
		t.Errorf("comparison table has %d rows, want a header and %d charters", len(rows), len(as))
	}

	colorOf := map[string]string{} // every class has one colour in the whole page
	sameColor := func(class, color, where string) {
		if prev, ok := colorOf[class]; ok && prev != color {
			t.Errorf("%s: class %s is %s, elsewhere %s", where, class, color, prev)
		}
		colorOf[class] = color
	}
	for i, a := range as {
		sec := sections[i]
		text := sec.fullText()
		if !strings.Contains(text, a.Classification.Verdict) {
			t.Errorf("%s: verdict %q missing", a.Path, a.Classification.Verdict)
		}
		msgs := map[string]bool{}
		for _, p := range sec.all(func(n *node) bool { return n.hasClass("msg") }) {
			msgs[p.fullText()] = true
		}
		for _, f := range a.Findings {
			if !msgs[strings.Join(strings.Fields(f.Message), " ")] {
				t.Errorf("%s: finding %s %q missing", a.Path, f.Rule, f.Message)
			}
			if loc := fmt.Sprintf("%s:%d:%d", f.File, f.Line, f.Column); !strings.Contains(text, loc) {
				t.Errorf("%s: location %s missing", a.Path, loc)
			}
			if meta, ok := run.Rule(f.Rule); ok && (!strings.Contains(text, meta.Title) || !strings.Contains(text, meta.Citation) || !strings.Contains(text, strings.Join(strings.Fields(meta.Rationale), " "))) {
				t.Errorf("%s: rule %s's title, rationale or citation missing", a.Path, f.Rule)
			}
		}
		// One chart per deciding body with full votes, and nothing else.
		charts := sec.all(func(n *node) bool { return n.name == "svg" && n.hasClass("bar") })
		deciding := 0
		for _, id := range a.Facts.BodyOrder {
			if bf := a.Facts.Bodies[id]; len(bf.Decides) > 0 && bf.VotingSeats > 0 {
				deciding++
			}
		}
		if len(charts) != deciding || deciding == 0 {
			t.Errorf("%s: %d charts, want %d (one per deciding body)", a.Path, len(charts), deciding)
		}
		for _, svg := range charts {
			bf := a.Facts.Bodies[svg.attr["data-body"]]
			if bf == nil {
				t.Fatalf("%s: chart %s names no body (%q)", a.Path, svg.attr["id"], svg.attr["data-body"])
			}
			if titles := svg.all(func(n *node) bool { return n.name == "title" && n.parent == svg }); len(titles) != 1 || svg.attr["aria-labelledby"] != titles[0].attr["id"] || titles[0].fullText() == "" {
				t.Errorf("%s: chart of %s wants one <title> that labels it", a.Path, bf.ID)
			}
			figure := svg.ancestor("figure")
			chartBox := figure.parent
			legend := map[string]string{}
			for _, li := range figure.all(func(n *node) bool { return n.attr["data-legend"] != "" }) {
				rects := li.all(func(n *node) bool { return n.name == "rect" })
				if len(rects) != 1 {
					t.Fatalf("%s: legend entry %s has %d swatches", a.Path, li.attr["data-legend"], len(rects))
				}
				legend[li.attr["data-legend"]] = rects[0].attr["fill"]
				sameColor(li.attr["data-legend"], rects[0].attr["fill"], a.Path+" legend of "+bf.ID)
			}
			rows := map[string]*node{}
			for _, tr := range chartBox.all(func(n *node) bool { return n.name == "tr" && n.attr["data-class"] != "" }) {
				rows[tr.attr["data-class"]] = tr
			}
			var classes []string
			total, x := 0.0, 0.0
			for _, r := range svg.all(func(n *node) bool { return n.name == "rect" }) {
				class := r.attr["data-class"]
				classes = append(classes, class)
				share, err := strconv.ParseFloat(r.attr["data-share"], 64)
				if err != nil || share != bf.Shares[class] {
					t.Errorf("%s: %s: chart shows %s %q, facts say %v", a.Path, bf.ID, class, r.attr["data-share"], bf.Shares[class])
				}
				if votes, _ := strconv.Atoi(r.attr["data-votes"]); votes != bf.Votes[class] {
					t.Errorf("%s: %s: chart shows %s with %d votes, facts say %d", a.Path, bf.ID, class, votes, bf.Votes[class])
				}
				w, _ := strconv.ParseFloat(r.attr["width"], 64)
				rx, _ := strconv.ParseFloat(r.attr["x"], 64)
				if math.Abs(w-share*chartWidth) > 0.01 || math.Abs(rx-x) > 0.02 {
					t.Errorf("%s: %s: segment %s at %v wide %v, want at %v wide %v", a.Path, bf.ID, class, rx, w, x, share*chartWidth)
				}
				x += w
				total += share
				if got, ok := legend[class]; !ok || got != r.attr["fill"] {
					t.Errorf("%s: %s: class %s is %s in the chart but %q in its legend", a.Path, bf.ID, class, r.attr["fill"], got)
				}
				sameColor(class, r.attr["fill"], a.Path+" chart of "+bf.ID)
				row := rows[class]
				if row == nil {
					t.Errorf("%s: %s: class %s has no row in the data table", a.Path, bf.ID, class)
				} else if want := fmt.Sprintf("%s %d %.1f%%", class, bf.Votes[class], bf.Shares[class]*100); row.fullText() != want {
					t.Errorf("%s: %s: table row %q, want %q", a.Path, bf.ID, row.fullText(), want)
				}
			}
			var want []string
			for c, n := range bf.Votes {
				if n > 0 {
					want = append(want, c)
				}
			}
			slices.Sort(want)
			if got := slices.Sorted(slices.Values(classes)); !slices.Equal(got, want) {
				t.Errorf("%s: %s: chart classes %v, want %v", a.Path, bf.ID, got, want)
			}
			if math.Abs(total-1) > 1e-9 || len(legend) != len(classes) || len(rows) != len(classes) {
				t.Errorf("%s: %s: shares sum to %v; %d legend entries, %d table rows for %d classes", a.Path, bf.ID, total, len(legend), len(rows), len(classes))
			}
		}
		// Functions: declared, effective and suited modality, and the
		// matrix cell's rationale.
		for _, id := range a.Facts.FunctionOrder {
			ff := a.Facts.Functions[id]
			rows := sec.all(func(n *node) bool {
				return n.name == "tr" && len(n.children) > 0 && n.children[0].name == "th" && n.children[0].fullText() == id
			})
			if len(rows) != 1 {
				t.Errorf("%s: function %s has %d rows", a.Path, id, len(rows))
				continue
			}
			row := rows[0].fullText()
			matrixRow, cell := run.Matrix(ff.Category, ff.Task, ff.EffectiveModality)
			if ff.MatrixRow != "" && matrixRow != ff.MatrixRow {
				t.Errorf("%s: function %s: the report's matrix row %q differs from the facts' %q", a.Path, id, matrixRow, ff.MatrixRow)
			}
			for _, want := range []string{ff.Category, ff.Task, ff.DeclaredModality, ff.EffectiveModality, cell.Rationale, cell.Source} {
				if !strings.Contains(row, want) {
					t.Errorf("%s: function %s's row %q lacks %q", a.Path, id, row, want)
				}
			}
		}
		// Accountability paths.
		if acc := a.Charter.Accountability; acc != nil {
			for _, ap := range acc.Appeals {
				if !strings.Contains(text, ap.ID+": ") || !strings.Contains(text, "→ "+ap.To) {
					t.Errorf("%s: appeal %s missing", a.Path, ap.ID)
				}
			}
		}
	}
	for _, c := range classColors {
		if got, ok := colorOf[c.Class]; ok && got != c.Color {
			t.Errorf("class %s is %s, the palette says %s", c.Class, got, c.Color)
		}
	}
	if len(colorOf) < 4 {
		t.Errorf("only %d classes charted across the fixtures: %v", len(colorOf), colorOf)
	}
}

// TestCommitteeEscapes checks that charter-provided text cannot add markup
// or links to the page.
func TestCommitteeEscapes(t *testing.T) {
	run, as := analyse(t, "fixtures/itu.charter.json")
	a := *as[0]
	cl := *a.Classification
	cl.Name = `<script>alert(1)</script><a href="https://example.org">x</a>`
	a.Classification = &cl
	a.Findings = append(slices.Clone(a.Findings), finding.Finding{Rule: "X", Severity: finding.Info, File: "f", Message: `<img src="http://example.org/x.png">`})
	page := renderReport(t, "html", run, []*analysis.Analysis{&a})
	parseHTML(t, page)
	for _, bad := range []string{"<script", "<img", "<a href=\"https:"} {
		if strings.Contains(page, bad) {
			t.Errorf("charter text became markup: %q", bad)
		}
	}
	md := renderReport(t, "markdown", run, []*analysis.Analysis{&a})
	if strings.Contains(md, "<script") || strings.Contains(md, "<img") {
		t.Errorf("charter text became markup in Markdown")
	}
}

func TestCommitteeSuppressedAndStructural(t *testing.T) {
	run, as := analyse(t, "fixtures/itu.charter.json", "fixtures/invalid/schema-enum.charter.json")
	itu := *as[0]
	moved := itu.Findings[0]
	itu.Findings = itu.Findings[1:]
	itu.Suppressed = []finding.Suppressed{{Finding: moved, Reason: "Accepted by the board on 2026-03-01.", Source: ".charterlint.yaml:4"}}
	broken := as[1]
	if broken.Checked() || len(broken.Findings) == 0 {
		t.Fatalf("schema-enum fixture: checked %v, %d findings", broken.Checked(), len(broken.Findings))
	}
	for _, format := range []string{"html", "markdown"} {
		out := renderReport(t, format, run, []*analysis.Analysis{&itu, broken})
		if format == "html" {
			doc := parseHTML(t, out)
			out = doc.fullText()
		}
		for _, want := range []string{"Suppressed (1)", "Accepted by the board on 2026-03-01.", ".charterlint.yaml:4", "not classified", broken.Path} {
			if !strings.Contains(out, want) {
				t.Errorf("%s: lacks %q", format, want)
			}
		}
		for _, f := range broken.Findings {
			if !strings.Contains(out, mdOr(format, f.Message)) {
				t.Errorf("%s: the broken charter's finding %q is missing", format, f.Message)
			}
		}
	}
}

// mdOr returns s as the format shows it.
func mdOr(format, s string) string {
	if format == "markdown" {
		return mdText(s)
	}
	return strings.Join(strings.Fields(s), " ")
}

func TestCommitteeMarkdown(t *testing.T) {
	run, as := analyse(t, committeeFixtures...)
	md := renderReport(t, "markdown", run, as)
	if len(md) > MarkdownLimit {
		t.Fatalf("%d bytes", len(md))
	}
	if !strings.HasPrefix(md, "# Charter review\n\n## Comparison\n") {
		t.Errorf("the comparison does not come first:\n%s", md[:min(len(md), 300)])
	}
	for _, bad := range []string{"http://", "https://", "<"} {
		if strings.Contains(md, bad) {
			t.Errorf("Markdown contains %q", bad)
		}
	}
	for _, a := range as {
		if !strings.Contains(md, "**Verdict:** "+mdText(a.Classification.Verdict)) {
			t.Errorf("%s: verdict missing", a.Path)
		}
		for _, f := range a.Findings {
			if !strings.Contains(md, mdText(f.Message)) {
				t.Errorf("%s: finding %q missing", a.Path, f.Message)
			}
			if meta, ok := run.Rule(f.Rule); ok && !strings.Contains(md, "source: "+mdText(meta.Citation)) {
				t.Errorf("%s: citation of %s missing", a.Path, f.Rule)
			}
		}
		// Each function's variety in the theory's terms, after its
		// effective modality.
		for _, id := range a.Facts.FunctionOrder {
			ff := a.Facts.Functions[id]
			if ff.Variety == "" || !strings.Contains(md, " | "+ff.Variety+" | ") {
				t.Errorf("%s: function %s: variety %q missing", a.Path, id, ff.Variety)
			}
		}
		// The charts, as tables: every deciding body's shares.
		for _, id := range a.Facts.BodyOrder {
			bf := a.Facts.Bodies[id]
			if len(bf.Decides) == 0 {
				continue
			}
			for class, n := range bf.Votes {
				row := fmt.Sprintf("| %s | %d | %.1f%% | ", class, n, bf.Shares[class]*100)
				if !strings.Contains(md, row) {
					t.Errorf("%s: %s: no row %q", a.Path, id, row)
				}
			}
		}
	}
}

var truncatedNote = regexp.MustCompile(`\n> \*\*Report truncated:\*\* (\d+) of its (\d+) characters were left out \((\d+) whole charter sections? among them\) to stay within 65536 characters\. .*\n$`)

func TestCommitteeMarkdownTruncated(t *testing.T) {
	run, as := analyse(t, committeeFixtures...)
	var many []*analysis.Analysis
	for range 12 {
		many = append(many, as...)
	}
	var full strings.Builder
	r := newCommittee("markdown", &full)
	r.limit = math.MaxInt
	r.Start(run)
	for _, a := range many {
		r.File(a)
	}
	r.Finish(Summary{})
	if full.Len() <= MarkdownLimit {
		t.Fatalf("the untruncated report has %d bytes; the test wants more than %d", full.Len(), MarkdownLimit)
	}
	md := renderReport(t, "markdown", run, many)
	if len(md) > MarkdownLimit || utf8.RuneCountInString(md) > MarkdownLimit {
		t.Fatalf("%d bytes, %d characters: over the limit", len(md), utf8.RuneCountInString(md))
	}
	if len(md) < MarkdownLimit-1000 {
		t.Errorf("cut at %d bytes, far short of the limit", len(md))
	}
	m := truncatedNote.FindStringSubmatch(md)
	if m == nil {
		t.Fatalf("no note at the end:\n%s", md[max(0, len(md)-500):])
	}
	kept := md[:len(md)-len(m[0])]
	if !strings.HasPrefix(full.String(), kept) || !strings.HasSuffix(kept, "\n") {
		t.Fatal("the truncated report is not a prefix of the whole one, cut at a line")
	}
	left := full.String()[len(kept):]
	if got, _ := strconv.Atoi(m[1]); got != utf8.RuneCountInString(left) {
		t.Errorf("note says %d characters left out, %d were", got, utf8.RuneCountInString(left))
	}
	if got, _ := strconv.Atoi(m[2]); got != utf8.RuneCountInString(full.String()) {
		t.Errorf("note says %d characters in all, there are %d", got, utf8.RuneCountInString(full.String()))
	}
	if got, _ := strconv.Atoi(m[3]); got != strings.Count("\n"+left, "\n## ") {
		t.Errorf("note says %d whole sections left out, %d were", got, strings.Count("\n"+left, "\n## "))
	}
	// A report within the limit is left whole.
	if small := renderReport(t, "markdown", run, as); strings.Contains(small, "truncated") {
		t.Error("a short report was truncated")
	}
}

func TestReportFormats(t *testing.T) {
	if got := strings.Join(Formats(ViewReport), ","); got != "html,markdown" {
		t.Errorf("report formats %s", got)
	}
	for _, v := range []View{ViewFindings, ViewClassification} {
		if slices.Contains(Formats(v), "html") {
			t.Errorf("view %d offers html", v)
		}
	}
	if _, err := New("sarif", ViewReport, io.Discard); err == nil {
		t.Error("sarif accepted for the report view")
	}
}
