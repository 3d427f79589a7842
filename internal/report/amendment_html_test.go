package report

import (
	"fmt"
	"math"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/charterlint/charterlint/internal/amend"
	"github.com/charterlint/charterlint/internal/finding"
)

// amendmentCases are the amendments the HTML page is tested on: the
// fixtures of fixtures/amendments (a vote share that changes, a finding
// resolved, a rename), and two different charters compared, which adds
// and removes bodies and functions.
var amendmentCases = [][2]string{
	{"fixtures/amendments/base.json", "fixtures/amendments/government-majority.json"},
	{"fixtures/amendments/base.json", "fixtures/amendments/appeal-added.json"},
	{"fixtures/amendments/base.json", "fixtures/amendments/body-renamed.json"},
	{"fixtures/amendments/base.json", "fixtures/amendments/reordered.json"},
	{"fixtures/lakeside-ix.charter.json", "fixtures/itu.charter.json"},
}

func renderAmendment(t *testing.T, run *Run, a *amend.Amendment) string {
	t.Helper()
	var b strings.Builder
	if err := WriteAmendmentWith(&b, "html", a, run); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// checkSelfContained fails on anything a page would fetch or run.
func checkSelfContained(t *testing.T, page string) {
	t.Helper()
	for _, bad := range []string{"http://", "https://", "<script", "src=", "<link", "@import", "url(", "<iframe", "<object", "<embed"} {
		if strings.Contains(strings.ToLower(page), bad) {
			t.Errorf("the page contains %q", bad)
		}
	}
}

func TestAmendmentHTML(t *testing.T) {
	for _, c := range amendmentCases {
		t.Run(c[1], func(t *testing.T) {
			run, as := analyse(t, c[0], c[1])
			a := amend.Compare(as[0], as[1])
			page := renderAmendment(t, run, a)
			doc := parseHTML(t, page)
			checkSelfContained(t, page)
			for _, want := range []string{`<meta name="viewport" content="width=device-width, initial-scale=1"`, "@media print", "<main>"} {
				if !strings.Contains(page, want) {
					t.Errorf("the page lacks %q", want)
				}
			}
			section := func(id string) *node {
				t.Helper()
				s := doc.all(func(n *node) bool { return n.name == "section" && n.attr["id"] == id })
				if len(s) != 1 {
					t.Fatalf("%d sections %s, want 1", len(s), id)
				}
				return s[0]
			}
			if a.Empty() {
				if s := doc.all(func(n *node) bool { return n.name == "section" }); len(s) != 0 || !strings.Contains(doc.fullText(), "no change") {
					t.Errorf("an empty amendment shows %d sections, want none and \"no change\"", len(s))
				}
				return
			}

			// Findings introduced and resolved, each with its rule's title.
			for _, part := range []struct {
				id string
				fs []finding.Finding
			}{{"introduced", a.Introduced}, {"resolved", a.Resolved}} {
				sec := section(part.id)
				items := sec.all(func(n *node) bool { return n.name == "li" && n.parent.hasClass("findings") })
				if len(items) != len(part.fs) {
					t.Errorf("%s: %d findings shown, want %d", part.id, len(items), len(part.fs))
				}
				msgs := map[string]bool{}
				for _, p := range sec.all(func(n *node) bool { return n.hasClass("msg") }) {
					msgs[p.fullText()] = true
				}
				text := sec.fullText()
				for _, f := range part.fs {
					if !msgs[strings.Join(strings.Fields(f.Message), " ")] {
						t.Errorf("%s: finding %s %q missing", part.id, f.Rule, f.Message)
					}
					if loc := fmt.Sprintf("%s:%d:%d", f.File, f.Line, f.Column); !strings.Contains(text, loc) {
						t.Errorf("%s: location %s missing", part.id, loc)
					}
					if meta, ok := run.Rule(f.Rule); ok && !strings.Contains(text, meta.Title) {
						t.Errorf("%s: rule %s's title %q missing", part.id, f.Rule, meta.Title)
					}
				}
			}

			// Per body, two bars whose segments are the computed shares,
			// in the committee report's colours, with a legend and a data
			// table row per class.
			bodies := section("bodies")
			boxes := bodies.all(func(n *node) bool { return n.hasClass("body") })
			if len(boxes) != len(a.Bodies) {
				t.Fatalf("%d bodies shown, want %d", len(boxes), len(a.Bodies))
			}
			for i, b := range a.Bodies {
				box := boxes[i]
				if box.attr["data-body"] != b.ID {
					t.Errorf("body %d is %q, want %s", i, box.attr["data-body"], b.ID)
				}
				legend := map[string]string{}
				for _, li := range box.all(func(n *node) bool { return n.attr["data-legend"] != "" }) {
					rects := li.all(func(n *node) bool { return n.name == "rect" })
					if len(rects) != 1 {
						t.Fatalf("%s: legend entry %s has %d swatches", b.ID, li.attr["data-legend"], len(rects))
					}
					legend[li.attr["data-legend"]] = rects[0].attr["fill"]
				}
				rows := map[string]string{}
				for _, tr := range box.all(func(n *node) bool { return n.name == "tr" && n.attr["data-class"] != "" }) {
					rows[tr.attr["data-class"]] = tr.fullText()
				}
				classes := map[string]bool{}
				for _, side := range []struct {
					name string
					p    *amend.BodyPower
				}{{"before", b.Before}, {"after", b.After}} {
					svgs := box.all(func(n *node) bool { return n.name == "svg" && n.hasClass("bar") && n.attr["data-side"] == side.name })
					if side.p == nil || side.p.VotingSeats == 0 {
						if len(svgs) != 0 {
							t.Errorf("%s %s: a chart of a side without full votes", b.ID, side.name)
						}
						continue
					}
					if len(svgs) != 1 {
						t.Fatalf("%s: %d %s charts, want 1", b.ID, len(svgs), side.name)
					}
					svg := svgs[0]
					if titles := svg.all(func(n *node) bool { return n.name == "title" && n.parent == svg }); len(titles) != 1 || svg.attr["aria-labelledby"] != titles[0].attr["id"] || titles[0].fullText() == "" {
						t.Errorf("%s %s: chart wants one <title> that labels it", b.ID, side.name)
					}
					total, x, n := 0.0, 0.0, 0
					for _, r := range svg.all(func(n *node) bool { return n.name == "rect" }) {
						class := r.attr["data-class"]
						classes[class] = true
						n++
						share, err := strconv.ParseFloat(r.attr["data-share"], 64)
						if err != nil || share != side.p.Shares[class] {
							t.Errorf("%s %s: chart shows %s %q, the amendment says %v", b.ID, side.name, class, r.attr["data-share"], side.p.Shares[class])
						}
						if votes, _ := strconv.Atoi(r.attr["data-votes"]); votes != side.p.Votes[class] {
							t.Errorf("%s %s: chart shows %s with %d votes, the amendment says %d", b.ID, side.name, class, votes, side.p.Votes[class])
						}
						w, _ := strconv.ParseFloat(r.attr["width"], 64)
						rx, _ := strconv.ParseFloat(r.attr["x"], 64)
						if math.Abs(w-share*chartWidth) > 0.01 || math.Abs(rx-x) > 0.02 {
							t.Errorf("%s %s: segment %s at %v wide %v, want at %v wide %v", b.ID, side.name, class, rx, w, x, share*chartWidth)
						}
						x += w
						total += share
						if r.attr["fill"] != classColor(class) || legend[class] != classColor(class) {
							t.Errorf("%s %s: class %s is %s in the chart and %q in the legend, the committee report's colour is %s", b.ID, side.name, class, r.attr["fill"], legend[class], classColor(class))
						}
					}
					want := 0
					for _, v := range side.p.Votes {
						if v > 0 {
							want++
						}
					}
					if n != want || math.Abs(total-1) > 1e-9 {
						t.Errorf("%s %s: %d segments summing to %v, want %d summing to 1", b.ID, side.name, n, total, want)
					}
				}
				if len(legend) != len(classes) || len(rows) != len(classes) {
					t.Errorf("%s: %d legend entries and %d table rows for %d classes charted", b.ID, len(legend), len(rows), len(classes))
				}
				for class := range classes {
					cell := func(p *amend.BodyPower) string {
						if p == nil {
							return "- -"
						}
						return fmt.Sprintf("%d %.1f%%", p.Votes[class], p.Shares[class]*100)
					}
					if want := class + " " + cell(b.Before) + " " + cell(b.After); rows[class] != want {
						t.Errorf("%s: table row %q, want %q", b.ID, rows[class], want)
					}
				}
			}

			// Functions: effective modality before and after.
			fns := section("functions")
			for _, f := range a.Functions {
				id := renamedID(f.ID, f.OldID)
				rows := fns.all(func(n *node) bool {
					return n.name == "tr" && len(n.children) > 0 && n.children[0].name == "th" && n.children[0].fullText() == id
				})
				if len(rows) != 1 {
					t.Errorf("function %s has %d rows", id, len(rows))
					continue
				}
				cells := rows[0].children
				eff := func(m *amend.FunctionModality) string {
					if m == nil {
						return "-"
					}
					return dash(m.EffectiveModality)
				}
				if len(cells) != 6 || cells[3].fullText() != eff(f.Before) || cells[4].fullText() != eff(f.After) {
					t.Errorf("function %s: row %q, want effective %s before and %s after", id, rows[0].fullText(), eff(f.Before), eff(f.After))
				}
			}

			// Classification before and after.
			cl := section("classification")
			if a.Classification != nil {
				for _, r := range varietyRows(a.Classification) {
					rows := cl.all(func(n *node) bool { return n.name == "tr" && n.attr["data-row"] == r[0] })
					if len(rows) != 1 || len(rows[0].children) != 3 || rows[0].children[1].fullText() != dash(r[1]) || rows[0].children[2].fullText() != dash(r[2]) {
						t.Errorf("classification %s: want %q before and %q after", r[0], r[1], r[2])
					}
				}
			}

			// Elements added, removed, renamed or changed.
			rows := section("elements").all(func(n *node) bool { return n.name == "tr" && n.attr["data-change"] != "" })
			if len(rows) != len(a.Elements) {
				t.Fatalf("%d element rows, want %d", len(rows), len(a.Elements))
			}
			for i, e := range a.Elements {
				text := rows[i].fullText()
				if rows[i].attr["data-change"] != e.Change || !strings.Contains(text, e.Kind) || (e.Kind != amend.KindCharter && !strings.Contains(text, e.ID)) || !strings.Contains(text, e.OldID) {
					t.Errorf("element %d: row %q, want %s %s %s (was %q)", i, text, e.Change, e.Kind, e.ID, e.OldID)
				}
			}
		})
	}
}

// TestAmendmentHTMLCases checks that the cases above cover what the page
// shows: a vote share that changes, a finding introduced and one
// resolved, a rename, bodies and functions on one side only, and no
// change at all.
func TestAmendmentHTMLCases(t *testing.T) {
	var shares, introduced, resolved, renamed, oneSided, functions, empty bool
	for _, c := range amendmentCases {
		_, as := analyse(t, c[0], c[1])
		a := amend.Compare(as[0], as[1])
		for _, b := range a.Bodies {
			shares = shares || (b.Before != nil && b.After != nil)
			oneSided = oneSided || b.Before == nil || b.After == nil
		}
		for _, e := range a.Elements {
			renamed = renamed || e.Change == amend.Renamed
		}
		introduced = introduced || len(a.Introduced) > 0
		resolved = resolved || len(a.Resolved) > 0
		functions = functions || len(a.Functions) > 0
		empty = empty || a.Empty()
	}
	if !shares || !introduced || !resolved || !renamed || !oneSided || !functions || !empty {
		t.Errorf("cases cover: shares %v, introduced %v, resolved %v, renamed %v, one-sided bodies %v, functions %v, empty %v", shares, introduced, resolved, renamed, oneSided, functions, empty)
	}
}

// TestAmendmentHTMLEscapes checks that charter text (names, ids, messages)
// cannot add markup, scripts or links to the page.
func TestAmendmentHTMLEscapes(t *testing.T) {
	run, as := analyse(t, "fixtures/amendments/base.json", "fixtures/amendments/government-majority.json")
	a := amend.Compare(as[0], as[1])
	a.New.Name = `<script>alert(1)</script>`
	a.Old.Path = `<a href="https://example.org">old</a>`
	a.Elements = append(a.Elements, amend.Element{Kind: amend.KindActor, Change: amend.Added, ID: `<b onmouseover="x()">`, Name: `<iframe src="http://example.org">`})
	a.Introduced = append(a.Introduced, finding.Finding{Rule: "X", Severity: finding.Info, File: "f", Message: `<img src="http://example.org/x.png">`})
	a.Bodies[0].ID = `<svg onload="x()">`
	page := renderAmendment(t, run, a)
	doc := parseHTML(t, page)
	for _, bad := range []string{"<script", "<img", "<iframe", "<b ", "<a href", "<svg onload"} {
		if strings.Contains(page, bad) {
			t.Errorf("charter text became markup: %q", bad)
		}
	}
	text := doc.fullText()
	for _, want := range []string{`<script>alert(1)</script>`, `<img src="http://example.org/x.png">`, `<b onmouseover="x()">`, `<a href="https://example.org">old</a>`} {
		if !strings.Contains(text, want) {
			t.Errorf("the page does not show %q as text", want)
		}
	}
}

func TestAmendmentFormats(t *testing.T) {
	_, as := analyse(t, "fixtures/amendments/base.json", "fixtures/amendments/government-majority.json")
	a := amend.Compare(as[0], as[1])
	for _, f := range AmendmentFormats() {
		var b strings.Builder
		if err := WriteAmendment(&b, f, a); err != nil || b.Len() == 0 {
			t.Errorf("format %s: %v, %d bytes", f, err, b.Len())
		}
	}
	// Without the catalogue the page still lists the finding, by rule id.
	var b strings.Builder
	if err := WriteAmendment(&b, "html", a); err != nil || !strings.Contains(b.String(), "CL-CAP-005") {
		t.Errorf("html without a run: %v", err)
	}
	if err := WriteAmendment(&b, "sarif", a); err == nil {
		t.Error("format sarif: no error")
	}
}

// A changed element shows each property before and after, shortened.
func TestFieldChangeText(t *testing.T) {
	long := strings.Repeat("word ", 20)
	objectives := []any{"access", "competition", "resilience", "stability", "development"}
	for _, tt := range []struct {
		c    amend.FieldChange
		want string
	}{
		{amend.FieldChange{Field: "count", Old: 2.0, New: 4.0}, "count 2 → 4"},
		{amend.FieldChange{Field: "vote", Old: "full", New: "none"}, "vote full → none"},
		{amend.FieldChange{Field: "threshold", Old: 0.5, New: 0.6667}, "threshold 0.5 → 0.6667"},
		{amend.FieldChange{Field: "open", Old: nil, New: true}, "open (unset) → true"},
		{amend.FieldChange{Field: "term.years", Old: 2.0, New: nil}, "term.years 2 → (unset)"},
		{amend.FieldChange{Field: "name", Old: "Board", New: "Board of Directors"}, `name Board → "Board of Directors"`},
		{amend.FieldChange{Field: "description", Old: long, New: ""}, `description "word word word word word word word wo…" → ""`},
		{amend.FieldChange{Field: "selection.by", Old: []any{"a"}, New: []any{"a", "b"}, Added: []any{"b"}}, "selection.by [a] → [a, b]"},
		{amend.FieldChange{Field: "objectives", Old: objectives, New: append(slices.Clone(objectives), "privacy"), Added: []any{"privacy"}}, "objectives 5 items → 6 items (+privacy)"},
		{amend.FieldChange{Field: "objectives", Old: objectives, New: objectives[:1], Removed: objectives[1:]}, "objectives 5 items → 1 item (−competition, −resilience, −stability, −development)"},
		{amend.FieldChange{Field: "principles", Old: nil, New: append(objectives, "privacy"), Added: append(objectives, "privacy")}, "principles (unset) → 6 items (+access, +competition, +resilience, …)"},
		{amend.FieldChange{Field: "term", Old: 2.0, New: map[string]any{"years": 2.0}}, "term 2 → {years: 2}"},
		{amend.FieldChange{Field: "fallback", Old: nil, New: map[string]any{"method": "supermajority", "threshold": 0.75, "description": long}}, "fallback (unset) → {…}"},
	} {
		if got := fieldChangeText(tt.c); got != tt.want {
			t.Errorf("%+v:\ngot  %s\nwant %s", tt.c, got, tt.want)
		}
	}
	e := amend.Element{Kind: amend.KindSeat, Change: amend.Changed, ID: "board-isp-directors", Fields: []string{"count", "vote"},
		Changes: []amend.FieldChange{{Field: "count", Old: 2.0, New: 4.0}, {Field: "vote", Old: "full", New: "none"}}}
	if got, want := elementText(e), "changed seat board-isp-directors: count 2 → 4; vote full → none"; got != want {
		t.Errorf("elementText = %q, want %q", got, want)
	}
}

// The text and Markdown of an amendment give each changed property's
// values before and after, and JSON carries them as data.
func TestAmendmentElementChanges(t *testing.T) {
	_, as := analyse(t, "fixtures/amendments/base.json", "fixtures/amendments/government-majority.json")
	a := amend.Compare(as[0], as[1])
	for format, want := range map[string]string{
		"text":     "\n  changed seat board-municipal-director: count 1 → 7\n",
		"markdown": "\n| changed | seat | `board-municipal-director` |  | count 1 → 7 |\n",
		"json":     `"changes": [` + "\n" + `        {` + "\n" + `          "field": "count",` + "\n" + `          "old": 1,` + "\n" + `          "new": 7` + "\n",
		"html":     "count 1 → 7",
	} {
		var b strings.Builder
		if err := WriteAmendment(&b, format, a); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), want) {
			t.Errorf("%s lacks %q:\n%s", format, want, b.String())
		}
	}
}

// Two charters with different ids are probably compared by mistake:
// every format says so first.
func TestAmendmentIDsWarning(t *testing.T) {
	run, as := analyse(t, "fixtures/lakeside-ix.charter.json", "fixtures/itu.charter.json", "fixtures/amendments/government-majority.json")
	a := amend.Compare(as[0], as[1])
	const warning = "OLD and NEW are different charters, lakeside-ix and itu-like: diff compares two versions of one charter"
	if w := AmendmentWarning(a); !strings.HasPrefix(w, warning) {
		t.Errorf("AmendmentWarning = %q, want it to start %q", w, warning)
	}
	render := func(format string, a *amend.Amendment) string {
		var b strings.Builder
		if err := WriteAmendmentWith(&b, format, a, run); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	text := strings.Split(render("text", a), "\n")
	if len(text) < 2 || !strings.HasPrefix(text[1], "  warning: "+warning) || !strings.HasSuffix(text[0], ": Lakeside Internet Exchange Association (lakeside-ix) → International Telecommunication Union (ITU-like) (itu-like)") {
		t.Errorf("text starts\n%s\nwant both charters named, then the warning", strings.Join(text[:min(len(text), 3)], "\n"))
	}
	if md := render("markdown", a); !strings.Contains(md, "\n> **Warning:** "+warning) || strings.Index(md, "Warning") > strings.Index(md, "###") {
		t.Errorf("markdown lacks the warning before the sections:\n%s", md[:min(len(md), 600)])
	}
	doc := parseHTML(t, render("html", a))
	notes := doc.all(func(n *node) bool { return n.hasClass("note") })
	if len(notes) == 0 || !strings.Contains(notes[0].fullText(), warning) {
		t.Errorf("the page's first note is not the warning")
	}
	if js := render("json", a); !strings.Contains(js, `"idsDiffer": true`) {
		t.Error(`json lacks "idsDiffer": true`)
	}

	// Two versions of one charter: no warning anywhere.
	same := amend.Compare(as[0], as[2])
	if w := AmendmentWarning(same); w != "" {
		t.Errorf("lakeside-ix against lakeside-ix: warning %q", w)
	}
	for _, f := range AmendmentFormats() {
		if out := render(f, same); strings.Contains(out, "different charters") || strings.Contains(out, `"idsDiffer": true`) {
			t.Errorf("%s warns of different charters comparing two versions of one", f)
		}
	}
}

// StageRules are the descriptions SARIF gives the findings that name no
// rule of the catalogue, and the baseline's: explain prints them.
func TestStageRules(t *testing.T) {
	var ids []string
	for _, r := range StageRules() {
		ids = append(ids, r.ID)
		if r.Title == "" || r.Description == "" || r.Severity == 0 {
			t.Errorf("%s: title %q, description %q, severity %v", r.ID, r.Title, r.Description, r.Severity)
		}
	}
	if got, want := strings.Join(ids, " "), "parse schema reference limit suppression baseline"; got != want {
		t.Errorf("StageRules = %s, want %s", got, want)
	}
	for i, s := range structural {
		if !reflect.DeepEqual(StageRules()[i], s) {
			t.Errorf("StageRules()[%d] = %+v, want SARIF's %+v", i, StageRules()[i], s)
		}
	}
}
