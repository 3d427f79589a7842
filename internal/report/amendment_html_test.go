package report

import (
	"fmt"
	"math"
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
