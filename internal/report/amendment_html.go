package report

import (
	"io"
	"maps"
	"slices"
	"strconv"

	"github.com/charterlint/charterlint/internal/amend"
)

// amendmentPage is what the HTML page of an amendment (charterlint diff
// --format html) shows: the committee report's style, colours and charts
// applied to the comparison.
type amendmentPage struct {
	// Title names the charter: "Lakeside IX (lakeside-ix)", or the paths
	// when neither side has an id.
	Title    string
	Old, New amend.Side
	Notes    []string
	Summary  string
	Empty    bool
	// ElementsCompared and PowerCompared are the amendment's: false when
	// a side could not be read as a charter, or failed the structural
	// checks.
	ElementsCompared bool
	PowerCompared    bool
	Elements         []elementRow
	Bodies           []bodyChange
	Functions        []functionChange
	// Classification is nil when power is not compared.
	Classification        []varietyRow
	ClassificationChanged bool
	Introduced, Resolved  []findingReport
	// IntroducedCounts and ResolvedCounts read "0 errors, 1 warning, 0 info".
	IntroducedCounts, ResolvedCounts string
}

// elementRow is one element added, removed, renamed or changed.
type elementRow struct {
	Change, Kind, ID, OldID, Name, Fields string
}

// bodyChange is one body whose seats, votes or power changed, charted
// before and after.
type bodyChange struct {
	Anchor string
	ID     string
	// Title is "governing-board (was association-board)" for a renamed body.
	Title string
	// Seats and VotingSeats read "7 → 13", or "13" when unchanged.
	Seats, VotingSeats string
	// TotalBefore and TotalAfter are the full votes on each side, "-"
	// where the body does not exist: the data table's last row.
	TotalBefore, TotalAfter string
	Sides                   []bodySide
	// Classes are the classes with full votes on either side, in palette
	// order: the legend and the rows of the data table.
	Classes []classChange
	// Rows are decision power, effective modality and authority relation,
	// before and after.
	Rows []varietyRow
}

// bodySide is one side of a body: its bar, or why there is none.
type bodySide struct {
	// Label is "Before" or "After".
	Label string
	// Bar is nil when the body does not exist on this side or has no
	// full vote there; Missing says which.
	Bar     *barChart
	Missing string
}

// classChange is one class's full votes on a body before and after, as
// the data table shows them ("-" where the body does not exist).
type classChange struct {
	Class, Color                                     string
	VotesBefore, ShareBefore, VotesAfter, ShareAfter string
}

// functionChange is one function whose modality or deciding body changed.
type functionChange struct {
	// ID is "f (was g)" for a renamed function.
	ID                              string
	DecidedBy, Declared, Fit        string
	EffectiveBefore, EffectiveAfter string
	Changed                         bool
}

// varietyRow is one property before and after.
type varietyRow struct {
	Name, Before, After string
	Changed             bool
}

// writeAmendmentHTML renders an amendment as one self-contained HTML page;
// run, when set, gives the findings their rules' titles, rationale and
// citations.
func writeAmendmentHTML(w io.Writer, a *amend.Amendment, run *Run) error {
	return pageTemplate("amendment", amendmentHTML).Execute(w, buildAmendmentPage(a, run))
}

func buildAmendmentPage(a *amend.Amendment, run *Run) *amendmentPage {
	p := &amendmentPage{
		Title: charterTitle(a), Old: a.Old, New: a.New, Notes: amendmentNotes(a),
		Summary: amendmentSummary(a), Empty: a.Empty(),
		ElementsCompared: a.ElementsCompared, PowerCompared: a.PowerCompared,
		IntroducedCounts: severityCounts(a.Introduced), ResolvedCounts: severityCounts(a.Resolved),
	}
	if p.Title == "" {
		p.Title = a.Old.Path + " → " + a.New.Path
	}
	for _, e := range a.Elements {
		id := e.ID
		if e.Kind == amend.KindCharter {
			id = "settings"
		}
		p.Elements = append(p.Elements, elementRow{Change: e.Change, Kind: e.Kind, ID: id, OldID: e.OldID, Name: e.Name, Fields: elementChanges(e)})
	}
	for i, b := range a.Bodies {
		p.Bodies = append(p.Bodies, buildBodyChange(b, "body-"+strconv.Itoa(i+1)))
	}
	for _, f := range a.Functions {
		by := func(m *amend.FunctionModality) string { return m.DecidedBy }
		decl := func(m *amend.FunctionModality) string { return m.DeclaredModality }
		eff := func(m *amend.FunctionModality) string { return m.EffectiveModality }
		fit := func(m *amend.FunctionModality) string { return m.Fit }
		fc := functionChange{
			ID:              renamedID(f.ID, f.OldID),
			DecidedBy:       arrow(functionField(f.Before, by), functionField(f.After, by)),
			Declared:        arrow(functionField(f.Before, decl), functionField(f.After, decl)),
			Fit:             arrow(functionField(f.Before, fit), functionField(f.After, fit)),
			EffectiveBefore: functionField(f.Before, eff),
			EffectiveAfter:  functionField(f.After, eff),
		}
		fc.Changed = fc.EffectiveBefore != fc.EffectiveAfter
		p.Functions = append(p.Functions, fc)
	}
	if c := a.Classification; c != nil {
		p.ClassificationChanged = c.Changed
		for _, r := range varietyRows(c) {
			p.Classification = append(p.Classification, varietyRow{Name: r[0], Before: r[1], After: r[2], Changed: r[1] != r[2]})
		}
		p.Classification = append(p.Classification, varietyRow{Name: "verdict", Before: dash(c.Before.Verdict), After: dash(c.After.Verdict), Changed: c.Before.Verdict != c.After.Verdict})
	}
	for _, f := range a.Introduced {
		p.Introduced = append(p.Introduced, findingOf(run, f))
	}
	for _, f := range a.Resolved {
		p.Resolved = append(p.Resolved, findingOf(run, f))
	}
	return p
}

// buildBodyChange charts a body's full votes before and after, with the
// same segments, colours and layout as the committee report's charts.
func buildBodyChange(b amend.Body, anchor string) bodyChange {
	bc := bodyChange{Anchor: anchor, ID: b.ID, Title: renamedID(b.ID, b.OldID)}
	seats := func(p *amend.BodyPower) string { return strconv.Itoa(p.Seats) }
	voting := func(p *amend.BodyPower) string { return strconv.Itoa(p.VotingSeats) }
	bc.Seats = arrow(powerField(b.Before, seats), powerField(b.After, seats))
	bc.TotalBefore, bc.TotalAfter = powerField(b.Before, voting), powerField(b.After, voting)
	bc.VotingSeats = arrow(bc.TotalBefore, bc.TotalAfter)
	classes := map[string]bool{}
	for _, s := range []struct {
		label, side string
		power       *amend.BodyPower
	}{{"Before", "before", b.Before}, {"After", "after", b.After}} {
		bs := bodySide{Label: s.label}
		switch {
		case s.power == nil:
			bs.Missing = map[string]string{"before": "The body does not exist yet.", "after": "The amendment removes the body."}[s.side]
		case s.power.VotingSeats == 0:
			bs.Missing = "No seat on it carries a full vote."
		default:
			segs := segments(s.power.Votes, s.power.Shares)
			for _, seg := range segs {
				classes[seg.Class] = true
			}
			bs.Bar = &barChart{
				ID: anchor + "-" + s.side, Body: b.ID, Side: s.side, Segments: segs,
				Title: chartTitle(s.label+": ", s.power.TotalVotes, b.ID, segs),
			}
		}
		bc.Sides = append(bc.Sides, bs)
	}
	order := slices.Collect(maps.Keys(classes))
	sortClasses(order)
	cell := func(p *amend.BodyPower, class string) (string, string) {
		if p == nil {
			return "-", "-"
		}
		return strconv.Itoa(p.Votes[class]), pct1(p.Shares[class])
	}
	for _, c := range order {
		cc := classChange{Class: c, Color: classColor(c)}
		cc.VotesBefore, cc.ShareBefore = cell(b.Before, c)
		cc.VotesAfter, cc.ShareAfter = cell(b.After, c)
		bc.Classes = append(bc.Classes, cc)
	}
	power := func(p *amend.BodyPower) string { return list(p.PowerClasses) }
	modality := func(p *amend.BodyPower) string { return p.EffectiveModality }
	relation := func(p *amend.BodyPower) string { return p.RelationText() }
	for _, r := range []struct {
		name string
		f    func(*amend.BodyPower) string
	}{{"decision power", power}, {"effective modality", modality}, {"authority relation", relation}} {
		before, after := powerField(b.Before, r.f), powerField(b.After, r.f)
		bc.Rows = append(bc.Rows, varietyRow{Name: r.name, Before: before, After: after, Changed: before != after})
	}
	return bc
}
