package report

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/charterlint/charterlint/internal/analysis"
	"github.com/charterlint/charterlint/internal/charter"
	"github.com/charterlint/charterlint/internal/facts"
	"github.com/charterlint/charterlint/internal/finding"
	"github.com/charterlint/charterlint/internal/policy"
	"github.com/charterlint/charterlint/internal/profile"
)

// committeeReporter renders the committee report (ViewReport) as one
// self-contained HTML page or as Markdown. It keeps a small model of each
// charter, not the Analysis, and writes everything at Finish: several
// charters are compared in a table before their sections.
type committeeReporter struct {
	w        io.Writer
	format   string // "html" or "markdown"
	run      *Run
	charters []*charterReport
	// limit is the longest Markdown report, in bytes (so in characters
	// too); past it the report is cut with a note.
	limit int
}

// MarkdownLimit is the longest committee report in Markdown, in
// characters: what a GitHub comment or issue body holds. A longer report
// is cut at a line, with a note saying how much was left out.
const MarkdownLimit = 65536

func newCommittee(format string, w io.Writer) *committeeReporter {
	return &committeeReporter{w: w, format: format, limit: MarkdownLimit}
}

func (r *committeeReporter) Start(run *Run) error {
	if run == nil {
		run = &Run{}
	}
	r.run = run
	return nil
}

func (r *committeeReporter) File(a *analysis.Analysis) error {
	if r.run == nil {
		r.run = &Run{}
	}
	c := buildCharterReport(r.run, a, len(r.charters)+1)
	c.Conformance = conformanceOf(r.run, a)
	r.charters = append(r.charters, c)
	return nil
}

func (r *committeeReporter) Finish(Summary) error {
	if r.format == "html" {
		return writeCommitteeHTML(r.w, r.charters)
	}
	_, err := io.WriteString(r.w, truncateMarkdown(committeeMarkdown(r.charters), r.limit))
	return err
}

// classColors are the colours of the actor classes in every chart, from
// the Okabe-Ito palette, which stays distinguishable under the common
// colour-vision deficiencies; "mixed" is its grey. A class keeps its
// colour throughout a report.
var classColors = []paletteEntry{
	{charter.ClassGovernment, "#0072B2"},
	{charter.ClassIntergovernmental, "#56B4E9"},
	{charter.ClassPrivateSector, "#E69F00"},
	{charter.ClassCivilSociety, "#009E73"},
	{charter.ClassTechnicalCommunity, "#CC79A7"},
	{charter.ClassAcademia, "#F0E442"},
	{facts.Mixed, "#999999"},
}

// paletteEntry is one class's colour.
type paletteEntry struct{ Class, Color string }

// otherColor is the colour of a class the palette does not know.
const otherColor = "#D55E00"

// classColor returns a class's colour.
func classColor(class string) string {
	for _, c := range classColors {
		if c.Class == class {
			return c.Color
		}
	}
	return otherColor
}

// classRank orders classes as the palette does; unknown ones come last.
func classRank(class string) int {
	for i, c := range classColors {
		if c.Class == class {
			return i
		}
	}
	return len(classColors)
}

// charterReport is what the committee report shows of one charter.
type charterReport struct {
	// Anchor is the section's HTML id: "charter-1", "charter-2"...
	Anchor  string
	Path    string
	Name    string
	ID      string
	Verdict string
	// Checked is false for a charter that failed the structural checks:
	// it has findings but no classification, bodies or functions.
	Checked bool
	Counts  finding.Tally
	// Declared and Effective are the charter's modalities; Differs is
	// set when they are not the same.
	Declared, Effective string
	Differs             bool
	PowerClasses        []string
	AdvisoryClasses     []string
	Relation            string
	// TheoryClasses and Variety are the charter's variety in the theory's
	// terms (facts.Variety).
	TheoryClasses []string
	Variety       string
	// Why says in words which seats, votes, vetoes or binding advice make
	// the classes that hold power decisive.
	Why            []string
	Bodies         []bodyReport
	Functions      []functionReport
	Groups         []findingGroup
	Suppressed     []findingReport
	Accountability []string
	// Conformance is the charter against each of the run's profiles.
	Conformance []profile.Result
}

// CountsText says how many findings of each severity the charter has.
func (c *charterReport) CountsText() string {
	var parts []string
	if c.Counts.Errors > 0 {
		parts = append(parts, plural(c.Counts.Errors, "error", "errors"))
	}
	if c.Counts.Warnings > 0 {
		parts = append(parts, plural(c.Counts.Warnings, "warning", "warnings"))
	}
	if c.Counts.Infos > 0 {
		parts = append(parts, plural(c.Counts.Infos, "info", "infos"))
	}
	s := "no findings"
	if len(parts) > 0 {
		s = strings.Join(parts, ", ")
	}
	if n := len(c.Suppressed); n > 0 {
		s += fmt.Sprintf(" (%d suppressed)", n)
	}
	return s
}

// bodyReport is one deciding body: its voting shares as a chart and why
// its power classes hold power.
type bodyReport struct {
	// Chart is the chart's HTML id.
	Chart    string
	ID, Name string
	Role     string
	Decides  []string
	Method   string
	// Votes counts the full votes: seats times their weight.
	Votes    int
	Segments []segment
	// Limited and NonVoting are the classes with limited votes or seats
	// without any vote, which the chart of full votes does not show.
	Limited   []string
	NonVoting []string
	Power     []string
	Modality  string
	Relation  string
	Why       []string
}

// Bar is the body's chart, as the "bar" template draws it.
func (b bodyReport) Bar() barChart {
	return barChart{ID: b.Chart, Body: b.ID, Title: chartTitle("", b.Votes, b.Name, b.Segments), Segments: b.Segments}
}

// barChart is one bar of vote shares by class, an inline SVG (the "bar"
// template of page.html.tmpl): the committee report draws one per deciding
// body, the amendment page two, before and after.
type barChart struct {
	// ID is the SVG's HTML id; Body the id of the body it charts.
	ID, Body string
	// Side is "before" or "after" on the amendment page, "" elsewhere.
	Side     string
	Title    string
	Segments []segment
}

// chartTitle is a chart's accessible title: "Share of the 7 full votes
// on Board by actor class: government 14.3%, ...", prefixed with what
// prefix says ("Before: ") when it is set.
func chartTitle(prefix string, votes int, name string, segs []segment) string {
	parts := make([]string, len(segs))
	for i, s := range segs {
		parts[i] = fmt.Sprintf("%s %s", s.Class, s.Percent())
	}
	share := "Share"
	if prefix != "" {
		share = "share"
	}
	return fmt.Sprintf("%s%s of the %d full votes on %s by actor class: %s", prefix, share, votes, name, strings.Join(parts, ", "))
}

// chartWidth is the width of a chart's bar in SVG user units.
const chartWidth = 1000

// segment is one class's part of a body's full votes.
type segment struct {
	Class string
	Color string
	Votes int
	Share float64
	// X and Width place the segment on the bar, in SVG user units.
	X, Width float64
}

// Percent is the share as people read it: "62.5%".
func (s segment) Percent() string { return strconv.FormatFloat(s.Share*100, 'f', 1, 64) + "%" }

// ShareValue is the exact share, for the chart's data attribute.
func (s segment) ShareValue() string { return strconv.FormatFloat(s.Share, 'g', -1, 64) }

// XText is where the segment starts, for its SVG attribute.
func (s segment) XText() string { return strconv.FormatFloat(s.X, 'f', 2, 64) }

// WidthText is the segment's width, for its SVG attribute.
func (s segment) WidthText() string { return strconv.FormatFloat(s.Width, 'f', 2, 64) }

// functionReport is one function against the modality matrix.
type functionReport struct {
	ID, Name string
	// Category is the function's category, with its task in brackets
	// when it has one.
	Category  string
	DecidedBy string
	Declared  string
	Effective string
	// Variety is the function's variety in the theory's terms: the
	// classes that decide it and their relation (facts.VarietyName).
	Variety string
	// Suited are the modalities the matrix calls suited to the function:
	// its task's row where that row has a cell, else its category's.
	Suited []string
	// Fit, Rationale and Source are the matrix cell that judges the
	// effective modality (ruledata.Data.Lookup).
	Fit, Rationale, Source string
}

// findingGroup is the findings of one severity.
type findingGroup struct {
	Severity string
	Items    []findingReport
}

// findingReport is one finding with its rule's metadata.
type findingReport struct {
	Rule, Title, Severity string
	Message               string
	Rationale, Citation   string
	Location              string // FILE:LINE:COL
	Element, Pointer      string
	// Reason and Source are a suppressed finding's suppression.
	Reason, Source string
}

// modalities are the modalities the matrix may judge, in the order the
// report lists suited ones.
var modalities = []string{
	charter.ModalityMultistakeholder, charter.ModalityTechnicalCommunity, charter.ModalityPrivate,
	charter.ModalityIntergovernmental, charter.ModalityNational,
}

// buildCharterReport turns an analysis into the report's model of it.
func buildCharterReport(run *Run, a *analysis.Analysis, n int) *charterReport {
	c := &charterReport{Anchor: "charter-" + strconv.Itoa(n), Path: a.Path, Name: a.Path, Counts: a.Hidden}
	for _, f := range a.Findings {
		c.Counts.Add(f.Severity)
	}
	c.Groups = groupFindings(run, a.Findings)
	for _, s := range a.Suppressed {
		fr := findingOf(run, s.Finding)
		fr.Reason, fr.Source = s.Reason, s.Source
		c.Suppressed = append(c.Suppressed, fr)
	}
	if !a.Checked() || a.Facts == nil || a.Classification == nil {
		if a.Document != nil {
			if root, ok := a.Document.Value.(map[string]any); ok {
				if s, ok := root["name"].(string); ok && strings.TrimSpace(s) != "" {
					c.Name = s
				}
				if s, ok := root["id"].(string); ok {
					c.ID = s
				}
			}
		}
		c.Verdict = "not classified: the charter fails the structural checks (parse, schema or references); the findings below say what to fix first"
		return c
	}
	ch, f, cl := a.Charter, a.Facts, a.Classification
	c.Checked = true
	c.Name, c.ID, c.Verdict = cl.Name, cl.ID, cl.Verdict
	v := cl.Variety
	c.Declared, c.Effective, c.Differs = v.DeclaredModality, v.EffectiveModality, v.DeclaredModality != v.EffectiveModality
	c.PowerClasses, c.AdvisoryClasses, c.Relation = v.PowerClasses, v.AdvisoryClasses, v.Relation
	c.TheoryClasses, c.Variety = v.TheoryClasses, v.Name
	for _, b := range ch.Bodies {
		bf := f.Bodies[b.ID]
		if len(bf.Decides) == 0 {
			continue
		}
		c.Bodies = append(c.Bodies, buildBody(ch, f, b, fmt.Sprintf("%s-chart-%d", c.Anchor, len(c.Bodies)+1)))
	}
	c.Why = charterWhy(ch, f)
	for _, fn := range ch.Functions {
		ff := f.Functions[fn.ID]
		fr := functionReport{
			ID: fn.ID, Name: fn.Name, Category: charter.Subject(fn.Category, fn.Task), DecidedBy: fn.DecidedBy,
			Declared: fn.Modality, Effective: ff.EffectiveModality, Variety: ff.Variety, Fit: ff.Fit,
		}
		if run.Matrix != nil {
			for _, m := range modalities {
				if _, cell := run.Matrix(fn.Category, fn.Task, m); cell.Fit == "suited" {
					fr.Suited = append(fr.Suited, m)
				}
			}
			if ff.EffectiveModality != facts.ModalityNone {
				_, cell := run.Matrix(fn.Category, fn.Task, ff.EffectiveModality)
				fr.Fit = cmp.Or(cell.Fit, fr.Fit)
				fr.Rationale, fr.Source = cell.Rationale, cell.Source
			}
		}
		if ff.EffectiveModality == facts.ModalityNone && fr.Rationale == "" {
			fr.Rationale = "No body decides this function, so the matrix does not judge it."
		}
		c.Functions = append(c.Functions, fr)
	}
	c.Accountability = accountability(ch)
	return c
}

// groupFindings groups findings by severity, the most severe first,
// keeping their order within a group.
func groupFindings(run *Run, fs []finding.Finding) []findingGroup {
	var groups []findingGroup
	for _, sev := range []finding.Severity{finding.Error, finding.Warning, finding.Info} {
		var g findingGroup
		for _, f := range fs {
			if f.Severity == sev {
				g.Items = append(g.Items, findingOf(run, f))
			}
		}
		if len(g.Items) > 0 {
			g.Severity = sev.String()
			groups = append(groups, g)
		}
	}
	return groups
}

// findingOf describes one finding with its rule from the catalogue (or
// the structural stages' descriptions).
func findingOf(run *Run, f finding.Finding) findingReport {
	fr := findingReport{
		Rule: f.Rule, Severity: f.Severity.String(), Message: f.Message,
		Location: fmt.Sprintf("%s:%d:%d", f.File, f.Line, f.Column),
		Element:  f.Element, Pointer: finding.DisplayPointer(f.Pointer),
	}
	var meta policy.Rule
	ok := false
	if run != nil {
		meta, ok = run.Rule(f.Rule)
	}
	if !ok {
		for _, s := range structural {
			if s.ID == f.Rule {
				meta, ok = s, true
			}
		}
	}
	if ok {
		fr.Title = meta.Title
		fr.Rationale = cmp.Or(meta.Rationale, meta.Description)
		fr.Citation = meta.Citation
	}
	return fr
}

// buildBody charts one deciding body's full votes and says why its power
// classes hold power.
func buildBody(c *charter.Charter, f *facts.Facts, b charter.Body, chart string) bodyReport {
	bf := f.Bodies[b.ID]
	br := bodyReport{
		Chart: chart, ID: b.ID, Name: cmp.Or(b.Name, b.ID), Role: b.Role, Decides: bf.Decides,
		Method: ruleOf(bf, b), Votes: bf.TotalVotes, NonVoting: bf.NonVotingClasses,
		Power: bf.PowerClasses, Modality: bf.EffectiveModality, Relation: bf.Relation,
	}
	br.Segments = segments(bf.Votes, bf.Shares)
	for cl := range bf.LimitedVotes {
		br.Limited = append(br.Limited, cl)
	}
	sortClasses(br.Limited)
	br.Why = bodyWhy(c, f, b)
	return br
}

// segments are a body's full votes by class (votes and their shares, as
// the facts count them), in palette order, laid out on a bar chartWidth
// wide. Classes without a vote are left out.
func segments(votes map[string]int, shares map[string]float64) []segment {
	classes := make([]string, 0, len(votes))
	for cl, n := range votes {
		if n > 0 {
			classes = append(classes, cl)
		}
	}
	sortClasses(classes)
	out := make([]segment, 0, len(classes))
	x := 0.0
	for _, cl := range classes {
		s := segment{Class: cl, Color: classColor(cl), Votes: votes[cl], Share: shares[cl]}
		s.X, s.Width = x, s.Share*chartWidth
		x += s.Width
		out = append(out, s)
	}
	return out
}

func sortClasses(cs []string) {
	slices.SortFunc(cs, func(a, b string) int { return cmp.Or(cmp.Compare(classRank(a), classRank(b)), cmp.Compare(a, b)) })
}

// methodOf names a body's decision method, majority when none is given
// (as the facts assume).
// ruleOf is a body's rule for ordinary decisions as the voting game reads
// it (a consensus body's fallback vote, houses), or its method.
func ruleOf(bf *facts.BodyFacts, b charter.Body) string {
	if bf.Power != nil {
		return bf.Power.Rule
	}
	return methodOf(b)
}

func methodOf(b charter.Body) string {
	if b.Decision == nil || b.Decision.Method == "" {
		return "majority"
	}
	if b.Decision.Method == "supermajority" && b.Decision.Threshold != nil {
		return fmt.Sprintf("supermajority of %s", pct(*b.Decision.Threshold))
	}
	return b.Decision.Method
}

func pct(share float64) string {
	return strconv.FormatFloat(share*100, 'f', -1, 64) + "%"
}

// verb picks the singular or plural form for a list of n subjects.
func verb(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// bodyName names a body of the charter by its name and id.
func bodyName(c *charter.Charter, id string) string {
	for _, b := range c.Bodies {
		if b.ID == id {
			if b.Name != "" && b.Name != id {
				return fmt.Sprintf("%s (%s)", b.Name, id)
			}
			return id
		}
	}
	return id
}

// holderName names an actor or a body.
func holderName(c *charter.Charter, id string) string {
	for _, a := range c.Actors {
		if a.ID == id {
			return id
		}
	}
	return bodyName(c, id)
}

// bodyWhy says, from the facts, what gives each class its power on one
// body, or takes it away.
func bodyWhy(c *charter.Charter, f *facts.Facts, b charter.Body) []string {
	bf := f.Bodies[b.ID]
	var out []string
	method := "majority"
	if b.Decision != nil && b.Decision.Method != "" {
		method = b.Decision.Method
	}
	if b.Open {
		var classes []string
		for _, p := range b.Participants {
			cl := f.Actors[p].Class
			if !slices.Contains(classes, cl) {
				classes = append(classes, cl)
			}
		}
		sortClasses(classes)
		out = append(out, fmt.Sprintf("Open body: its participants (%s) take part on equal standing, so each of their classes holds decision power.", list(classes)))
	}
	if bf.VotingSeats == 0 && !b.Open {
		out = append(out, "No seat on it carries a full vote.")
	}
	if firms := actingAsFirms(c, b); len(firms) > 0 {
		out = append(out, fmt.Sprintf("%s %s as a firm (actsAs), a class of the theory apart from the rest of the technical community and academia.",
			list(firms), verb(len(firms), "acts", "act")))
	}
	if bf.VotingSeats > 0 {
		switch {
		case bf.DecisiveClass != "":
			out = append(out, fmt.Sprintf("%s holds %d of the %d full votes (%s), enough to carry a decision alone under its rule (%s).",
				bf.DecisiveClass, bf.Votes[bf.DecisiveClass], bf.TotalVotes, pct1(bf.Shares[bf.DecisiveClass]), ruleOf(bf, b)))
		case (method == "consensus" || method == "unanimity") && (b.Decision == nil || b.Decision.Fallback == nil):
			out = append(out, fmt.Sprintf("It decides by %s: every voting member can block, so no class can carry a decision alone.", method))
		default:
			out = append(out, fmt.Sprintf("It decides by %s, and no class holds enough of the %d full votes to carry a decision alone.", ruleOf(bf, b), bf.TotalVotes))
		}
	}
	if n := bf.Votes[facts.Mixed]; n > 0 {
		var from []string
		for _, s := range b.Seats {
			if s.Vote == charter.VoteFull && s.AppointedBy != "" && f.Bodies[s.AppointedBy].MajorityClass == "" && !slices.Contains(from, s.AppointedBy) {
				from = append(from, s.AppointedBy)
			}
		}
		names := make([]string, len(from))
		for i, id := range from {
			names[i] = bodyName(c, id)
		}
		out = append(out, fmt.Sprintf("%d of the full votes are filled by %s, whose voters come from several classes: they count as mixed, and each of those classes holds power through them.",
			n, cmp.Or(strings.Join(names, ", "), "bodies drawn from several classes")))
	}
	if len(bf.NonVotingClasses) > 0 {
		out = append(out, fmt.Sprintf("%s %s seats without a vote.", list(bf.NonVotingClasses), verb(len(bf.NonVotingClasses), "holds", "hold")))
	}
	if len(bf.LimitedVotes) > 0 {
		var ls []string
		for cl := range bf.LimitedVotes {
			ls = append(ls, cl)
		}
		sortClasses(ls)
		out = append(out, fmt.Sprintf("%s %s only limited votes, which the chart does not count.", list(ls), verb(len(ls), "holds", "hold")))
	}
	for _, v := range bf.Vetoes {
		if v.Scope == "all" {
			out = append(out, fmt.Sprintf("%s (%s) can veto all its decisions (%s), which gives %s decision power here.",
				holderName(c, v.Holder), list(v.Classes), v.ID, list(v.Classes)))
		} else {
			out = append(out, fmt.Sprintf("%s (%s) can veto its decisions on %s (%s); a veto of that scope gives no general decision power.",
				holderName(c, v.Holder), list(v.Classes), v.Scope, v.ID))
		}
	}
	for _, a := range c.Advice {
		if a.To != b.ID {
			continue
		}
		af := f.Advice[a.ID]
		switch a.Weight {
		case charter.WeightBinding:
			out = append(out, fmt.Sprintf("The advice of %s binds it (%s), so the classes that speak for that body (%s) hold power here.",
				bodyName(c, a.From), a.ID, list(f.Bodies[a.From].PowerClasses)))
		case charter.WeightMustConsider:
			out = append(out, fmt.Sprintf("Advice from %s (%s) must be considered but does not bind it, so it adds no decision power.",
				bodyName(c, a.From), list(af.Classes)))
		default:
			out = append(out, fmt.Sprintf("Advice from %s (%s) does not bind it.", bodyName(c, a.From), list(af.Classes)))
		}
	}
	if len(bf.AppointerClasses) == 1 && bf.VotingSeats > 0 && bf.UnchosenSeats == 0 {
		out = append(out, fmt.Sprintf("%s chooses every voting member.", bf.AppointerClasses[0]))
	}
	switch {
	case bf.Authority != "":
		out = append(out, fmt.Sprintf("Relation %s: %s %s.", bf.Relation, bf.Authority, bf.AuthorityReason))
	case bf.Relation == facts.RelationPolyarchic && bf.DecisiveClass != "":
		out = append(out, fmt.Sprintf("Relation polyarchic: power is shared by %s, none with authority over the others, but %s can carry decisions alone (dominant).", list(bf.PowerClasses), bf.DecisiveClass))
	case bf.Relation == facts.RelationPolyarchic:
		out = append(out, fmt.Sprintf("Relation polyarchic: power is shared by %s (in the theory's classes, %s), and no class can act alone.", list(bf.PowerClasses), list(bf.TheoryClasses)))
	case bf.Relation == facts.RelationSingleClass:
		out = append(out, fmt.Sprintf("Relation single-class: %s hold decision power, and are one class of the theory, %s.", list(bf.PowerClasses), list(bf.TheoryClasses)))
	default:
		out = append(out, fmt.Sprintf("Relation %s: nobody holds decision power on this body.", bf.Relation))
	}
	return out
}

func pct1(share float64) string { return strconv.FormatFloat(share*100, 'f', 1, 64) + "%" }

// charterWhy says, for the charter as a whole, which bodies make which
// classes decisive.
func charterWhy(c *charter.Charter, f *facts.Facts) []string {
	var out []string
	deciding := 0
	for _, id := range f.BodyOrder {
		bf := f.Bodies[id]
		if len(bf.Decides) == 0 {
			continue
		}
		deciding++
		head := fmt.Sprintf("%s decides %s", bodyName(c, id), strings.Join(bf.Decides, ", "))
		switch {
		case bf.Authority != "":
			out = append(out, fmt.Sprintf("%s: %s %s (%s).", head, bf.Authority, bf.AuthorityReason, bf.Relation))
		case bf.Relation == facts.RelationSingleClass:
			out = append(out, fmt.Sprintf("%s: %s hold decision power, one class of the theory, %s (single-class).", head, list(bf.PowerClasses), list(bf.TheoryClasses)))
		case bf.DecisiveClass != "":
			out = append(out, fmt.Sprintf("%s: power is shared by %s, but %s can carry decisions alone (%s, dominant).", head, list(bf.PowerClasses), bf.DecisiveClass, bf.Relation))
		case len(bf.PowerClasses) > 0:
			out = append(out, fmt.Sprintf("%s: power is shared by %s, and no class can act alone (%s).", head, list(bf.PowerClasses), bf.Relation))
		default:
			out = append(out, head+": nobody on it holds decision power.")
		}
	}
	if deciding == 0 {
		out = append(out, "No body decides any of the charter's functions.")
	}
	if adv := f.Variety.AdvisoryClasses; len(adv) > 0 {
		out = append(out, fmt.Sprintf("%s %s part but %s no decision power on any body that decides a function.",
			list(adv), verb(len(adv), "takes", "take"), verb(len(adv), "holds", "hold")))
	}
	return out
}

// accountability lists the charter's accountability paths.
func accountability(c *charter.Charter) []string {
	acc := c.Accountability
	if acc == nil {
		return []string{"No appeal, independent review or recall is declared."}
	}
	var out []string
	for _, a := range acc.Appeals {
		from := "any body"
		if a.From != "" {
			from = a.From
		}
		binding := "binding not stated"
		if a.Binding != nil {
			binding = map[bool]string{true: "binding", false: "not binding"}[*a.Binding]
		}
		deadline := "no deadline"
		if a.DeadlineDays > 0 {
			deadline = fmt.Sprintf("decided within %d days", a.DeadlineDays)
		}
		out = append(out, fmt.Sprintf("Appeal %s: %s → %s; %s; %s.", a.ID, from, a.To, binding, deadline))
	}
	if r := acc.IndependentReview; r != nil {
		by := "a panel outside the charter"
		if r.Body != "" {
			by = r.Body
		}
		s := fmt.Sprintf("Independent review %s by %s; %s", r.ID, by, map[bool]string{true: "binding", false: "not binding"}[r.Binding])
		if r.DeadlineDays > 0 {
			s += fmt.Sprintf("; decided within %d days", r.DeadlineDays)
		}
		out = append(out, s+".")
	} else {
		out = append(out, "No independent review.")
	}
	if r := acc.Recall; r != nil {
		out = append(out, fmt.Sprintf("Recall: %s can remove members of %s before their terms end.", strings.Join(r.By, ", "), strings.Join(r.Of, ", ")))
	} else {
		out = append(out, "No recall.")
	}
	if r := acc.ReviewCycle; r != nil {
		out = append(out, fmt.Sprintf("The arrangement is reviewed every %s years.", strconv.FormatFloat(r.Years, 'f', -1, 64)))
	}
	if len(acc.Appeals) == 0 {
		out = append([]string{"No appeal."}, out...)
	}
	return out
}

// committeeMarkdown renders the report as GitHub-flavoured Markdown: the
// same content as the HTML, with the charts as tables.
func committeeMarkdown(cs []*charterReport) string {
	var b strings.Builder
	b.WriteString("# Charter review\n\n")
	if len(cs) == 0 {
		b.WriteString("No charter could be analysed.\n")
		return b.String()
	}
	if len(cs) > 1 {
		b.WriteString("## Comparison\n\n")
		b.WriteString("| Charter | Verdict | Declared | Effective | Decision power | Without decision power | Relation | Findings |\n|---|---|---|---|---|---|---|---|\n")
		for _, c := range cs {
			if !c.Checked {
				fmt.Fprintf(&b, "| %s | not classified | - | - | - | - | - | %s |\n", mdText(c.Name), c.CountsText())
				continue
			}
			eff := c.Effective
			if c.Differs {
				eff = "**" + eff + "**"
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s | %s |\n", mdText(c.Name), mdText(c.Verdict), c.Declared, eff,
				list(c.PowerClasses), list(c.AdvisoryClasses), c.Relation, c.CountsText())
		}
		b.WriteString("\n")
	}
	for _, c := range cs {
		writeCharterMarkdown(&b, c)
	}
	return b.String()
}

// mdText escapes charter-provided text for a Markdown table cell or line:
// no HTML, no table breaks, no emphasis or links by accident.
func mdText(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	r := strings.NewReplacer(`\`, `\\`, "|", `\|`, "<", "&lt;", ">", "&gt;", "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`)
	return r.Replace(s)
}

func writeCharterMarkdown(b *strings.Builder, c *charterReport) {
	fmt.Fprintf(b, "## %s\n\n", mdText(c.Name))
	fmt.Fprintf(b, "`%s`", mdText(c.Path))
	if c.ID != "" {
		fmt.Fprintf(b, " · id `%s`", mdText(c.ID))
	}
	fmt.Fprintf(b, "\n\n**Verdict:** %s.\n\n**Findings:** %s.\n\n", mdText(c.Verdict), c.CountsText())
	if c.Checked {
		b.WriteString("### Classification\n\n| | |\n|---|---|\n")
		eff := c.Effective
		if c.Differs {
			eff = "**" + eff + "**"
		}
		fmt.Fprintf(b, "| Declared modality | %s |\n| Effective modality | %s |\n", c.Declared, eff)
		fmt.Fprintf(b, "| Stakeholder groups holding decision power | %s |\n| In the theory's classes | %s |\n| Variety | %s |\n| Stakeholder groups without decision power | %s |\n| Authority relation | %s |\n\n", list(c.PowerClasses), list(c.TheoryClasses), c.Variety, list(c.AdvisoryClasses), c.Relation)
		b.WriteString("Why:\n\n")
		for _, w := range c.Why {
			fmt.Fprintf(b, "- %s\n", mdText(w))
		}
		b.WriteString("\n### Deciding bodies\n\n")
		if len(c.Bodies) == 0 {
			b.WriteString("No body decides a function.\n\n")
		}
		for _, x := range c.Bodies {
			fmt.Fprintf(b, "#### %s\n\nDecides %s by %s; effectively %s, relation %s.\n\n", mdText(bodyTitle(x)), strings.Join(x.Decides, ", "), x.Method, x.Modality, x.Relation)
			if len(x.Segments) > 0 {
				fmt.Fprintf(b, "Share of the %d full votes by actor class:\n\n| Class | Full votes | Share | |\n|---|--:|--:|---|\n", x.Votes)
				for _, s := range x.Segments {
					fmt.Fprintf(b, "| %s | %d | %s | %s |\n", s.Class, s.Votes, s.Percent(), textBar(s.Share))
				}
				b.WriteString("\n")
			} else {
				b.WriteString("No full votes to chart.\n\n")
			}
			for _, w := range x.Why {
				fmt.Fprintf(b, "- %s\n", mdText(w))
			}
			b.WriteString("\n")
		}
		b.WriteString("### Functions\n\n| Function | Category | Decided by | Declared | Effective | Variety | Suited | Fit | Why (modality matrix) |\n|---|---|---|---|---|---|---|---|---|\n")
		for _, f := range c.Functions {
			eff := f.Effective
			if f.Effective != f.Declared {
				eff = "**" + eff + "**"
			}
			why := mdText(f.Rationale)
			if f.Source != "" {
				why += " (" + mdText(f.Source) + ")"
			}
			fmt.Fprintf(b, "| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", mdText(f.ID), f.Category, dash(f.DecidedBy), f.Declared, eff, f.Variety, list(f.Suited), dash(f.Fit), dash(why))
		}
		b.WriteString("\n")
	}
	writeConformanceMarkdown(b, c.Conformance)
	b.WriteString("### Findings\n\n")
	if len(c.Groups) == 0 {
		b.WriteString("No findings.\n\n")
	}
	for _, g := range c.Groups {
		fmt.Fprintf(b, "#### %s (%d)\n\n", severityHeading(g.Severity), len(g.Items))
		for _, f := range g.Items {
			writeFindingMarkdown(b, f)
		}
		b.WriteString("\n")
	}
	if len(c.Suppressed) > 0 {
		fmt.Fprintf(b, "#### Suppressed (%d)\n\n", len(c.Suppressed))
		for _, f := range c.Suppressed {
			writeFindingMarkdown(b, f)
		}
		b.WriteString("\n")
	}
	if c.Checked {
		b.WriteString("### Accountability\n\n")
		for _, a := range c.Accountability {
			fmt.Fprintf(b, "- %s\n", mdText(a))
		}
		b.WriteString("\n")
	}
}

func writeFindingMarkdown(b *strings.Builder, f findingReport) {
	fmt.Fprintf(b, "- **%s**", mdText(f.Rule))
	if f.Title != "" {
		fmt.Fprintf(b, " %s", mdText(f.Title))
	}
	fmt.Fprintf(b, " (%s): %s\n  - at `%s`, %s", f.Severity, mdText(f.Message), mdText(f.Location), mdText(f.Pointer))
	if f.Element != "" {
		fmt.Fprintf(b, ", element `%s`", mdText(f.Element))
	}
	b.WriteString("\n")
	if f.Rationale != "" {
		fmt.Fprintf(b, "  - why: %s\n", mdText(f.Rationale))
	}
	if f.Citation != "" {
		fmt.Fprintf(b, "  - source: %s\n", mdText(f.Citation))
	}
	if f.Reason != "" || f.Source != "" {
		fmt.Fprintf(b, "  - suppressed at `%s`: %s\n", mdText(f.Source), mdText(f.Reason))
	}
}

// severityHeading is a severity's heading: "Errors".
func severityHeading(sev string) string {
	switch sev {
	case "error":
		return "Errors"
	case "warning":
		return "Warnings"
	case "info":
		return "Infos"
	}
	return sev
}

// bodyTitle names a body: "ITU Council (council)".
func bodyTitle(b bodyReport) string {
	if b.Name != "" && b.Name != b.ID {
		return fmt.Sprintf("%s (%s)", b.Name, b.ID)
	}
	return b.ID
}

// textBar draws a share as a bar of 20 cells.
func textBar(share float64) string {
	n := int(share*20 + 0.5)
	return strings.Repeat("█", n) + strings.Repeat("░", 20-n)
}

// truncateMarkdown cuts a report longer than limit bytes at a line, so
// that it and a note saying how much was left out fit in limit.
func truncateMarkdown(s string, limit int) string {
	if len(s) <= limit {
		return s
	}
	const reserve = 400 // room for the note
	cut := strings.LastIndexByte(s[:max(limit-reserve, 0)], '\n') + 1
	left := s[cut:]
	whole := strings.Count("\n"+left, "\n## ")
	note := fmt.Sprintf("\n> **Report truncated:** %d of its %d characters were left out (%s among them) to stay within %d characters. Run `charterlint report --format html` for the whole report.\n",
		len([]rune(left)), len([]rune(s)), plural(whole, "whole charter section", "whole charter sections"), limit)
	return s[:cut] + note
}

// actingAsFirms lists the technical-community and academic actors that
// take part in a body, by seat or as participants, and act as firms.
func actingAsFirms(c *charter.Charter, b charter.Body) []string {
	var ids []string
	add := func(id string) {
		for _, a := range c.Actors {
			if a.ID == id && a.ActsAs == facts.TheoryFirm && !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
	}
	for _, p := range b.Participants {
		add(p)
	}
	for _, s := range b.Seats {
		add(s.Actor)
	}
	return ids
}
