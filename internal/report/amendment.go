package report

import (
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/charterlint/charterlint/internal/amend"
	"github.com/charterlint/charterlint/internal/charter"
	"github.com/charterlint/charterlint/internal/facts"
	"github.com/charterlint/charterlint/internal/finding"
)

// AmendmentFormats lists the formats an amendment (charterlint diff)
// renders in.
func AmendmentFormats() []string { return []string{"text", "markdown", "json", "html"} }

// WriteAmendment renders an amendment in format (one of AmendmentFormats)
// to w: text for a terminal, markdown for a pull-request comment, json
// for programs (the amend.Amendment as it is), html for people, one
// self-contained page with the committee report's style and charts.
func WriteAmendment(w io.Writer, format string, a *amend.Amendment) error {
	return WriteAmendmentWith(w, format, a, nil)
}

// WriteAmendmentWith is WriteAmendment with the run's rule catalogue:
// the html page then gives each finding introduced or resolved its rule's
// title, rationale and citation. run may be nil.
func WriteAmendmentWith(w io.Writer, format string, a *amend.Amendment, run *Run) error {
	switch format {
	case "html":
		return writeAmendmentHTML(w, a, run)
	case "text":
		return writeAmendmentText(w, a)
	case "markdown":
		return writeAmendmentMarkdown(w, a)
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(a)
	}
	return fmt.Errorf("unknown output format %q (want one of %s)", format, strings.Join(AmendmentFormats(), ", "))
}

// elementText reads "renamed body governing-board (was association-board)"
// or "changed seat board-chair: count 2 → 4; vote full → none".
func elementText(e amend.Element) string {
	id := e.ID
	if e.Kind == amend.KindCharter {
		id = "settings"
	}
	s := e.Change + " " + e.Kind + " " + renamedID(id, e.OldID)
	if c := elementChanges(e); c != "" {
		s += ": " + c
	}
	return s
}

// elementChanges reads "count 2 → 4; vote full → none": each property
// that changed, with its values before and after, shortened. An element
// without the values (one built by hand) lists the properties' names.
func elementChanges(e amend.Element) string {
	if len(e.Changes) == 0 {
		return strings.Join(e.Fields, ", ")
	}
	parts := make([]string, len(e.Changes))
	for i, c := range e.Changes {
		parts[i] = fieldChangeText(c)
	}
	return strings.Join(parts, "; ")
}

// maxValueText is how many characters of a value a change shows before
// it shortens it.
const maxValueText = 40

// fieldChangeText reads "count 2 → 4", "term.years (unset) → 3",
// "selection.by [a] → [a, b]", or, for an array too long to show,
// "objectives 5 items → 6 items (+privacy)".
func fieldChangeText(c amend.FieldChange) string {
	_, oArr := c.Old.([]any)
	_, nArr := c.New.([]any)
	if (oArr || nArr) && (len([]rune(valueText(c.Old))) > maxValueText || len([]rune(valueText(c.New))) > maxValueText) {
		var delta []string
		for _, v := range c.Added {
			delta = append(delta, "+"+shortValue(v))
		}
		for _, v := range c.Removed {
			delta = append(delta, "−"+shortValue(v))
		}
		if len(delta) > 4 {
			delta = append(delta[:3], "…")
		}
		s := c.Field + " " + itemsText(c.Old) + " → " + itemsText(c.New)
		if len(delta) > 0 {
			s += " (" + strings.Join(delta, ", ") + ")"
		}
		return s
	}
	return c.Field + " " + shortValue(c.Old) + " → " + shortValue(c.New)
}

// itemsText reads "3 items" for an array, or the value shortened.
func itemsText(v any) string {
	if a, ok := v.([]any); ok {
		return plural(len(a), "item", "items")
	}
	return shortValue(v)
}

// shortValue is valueText, with an array or object whose text is longer
// than maxValueText characters summarised: "[12 items]", "{…}".
func shortValue(v any) string {
	s := valueText(v)
	if len([]rune(s)) <= maxValueText {
		return s
	}
	switch x := v.(type) {
	case []any:
		return "[" + plural(len(x), "item", "items") + "]"
	case map[string]any:
		return "{…}"
	}
	return s
}

// bareValue matches the strings a change shows without quotes: ids,
// names of classes, modalities and methods, dates.
var bareValue = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._:/-]*$`)

// valueText renders a JSON value for a person: a string bare when it
// is a single word such as an id ("full"), quoted otherwise; an array as
// "[a, b]", an object as "{years: 3}"; "(unset)" for no value.
func valueText(v any) string {
	switch x := v.(type) {
	case nil:
		return "(unset)"
	case string:
		if bareValue.MatchString(x) {
			return x
		}
		if r := []rune(x); len(r) > maxValueText-2 {
			x = string(r[:maxValueText-3]) + "…"
		}
		return strconv.Quote(x)
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = valueText(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case map[string]any:
		keys := slices.Sorted(maps.Keys(x))
		parts := make([]string, len(keys))
		for i, k := range keys {
			parts[i] = k + ": " + valueText(x[k])
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

// renamedID reads "governing-board (was association-board)".
func renamedID(id, oldID string) string {
	if oldID != "" {
		return id + " (was " + oldID + ")"
	}
	return id
}

// bodyClasses are the classes with votes on either side, canonical order,
// "mixed" last.
func bodyClasses(b amend.Body) []string {
	set := map[string]bool{}
	for _, p := range []*amend.BodyPower{b.Before, b.After} {
		if p != nil {
			for c := range p.Votes {
				set[c] = true
			}
		}
	}
	var out []string
	for _, c := range append(charter.Classes(), facts.Mixed) {
		if set[c] {
			out = append(out, c)
			delete(set, c)
		}
	}
	return append(out, slices.Sorted(maps.Keys(set))...)
}

// votesText reads "7 of 13 (54%)": the class's full votes of all the
// body's full votes, weights counted; "-" when the body does not exist.
func votesText(p *amend.BodyPower, class string) string {
	if p == nil {
		return "-"
	}
	return fmt.Sprintf("%d of %d (%s)", p.Votes[class], p.TotalVotes, Percent(p.Shares[class]))
}

// arrow reads "a → b", or "a" when both are the same.
func arrow(before, after string) string {
	if before == after {
		return before
	}
	return before + " → " + after
}

// powerField returns a field of a side's power, "-" when the body does not exist.
func powerField(p *amend.BodyPower, f func(*amend.BodyPower) string) string {
	if p == nil {
		return "-"
	}
	return f(p)
}

func functionField(m *amend.FunctionModality, f func(*amend.FunctionModality) string) string {
	if m == nil {
		return "-"
	}
	return dash(f(m))
}

// sideProblem says why a side cannot be compared, or "".
func sideProblem(label string, s amend.Side) string {
	if s.Checked {
		return ""
	}
	return fmt.Sprintf("%s (%s) fails the %s checks: the comparison of power is not possible for it; its %s findings are listed", label, s.Path, s.Problem, map[string]string{"OLD": "resolved", "NEW": "introduced"}[label])
}

// AmendmentWarning says, when the two sides have different ids, that
// they are probably not two versions of one charter; "" otherwise. Every
// format shows it first; diff also writes it to standard error when the
// report does not go to the terminal as text.
func AmendmentWarning(a *amend.Amendment) string {
	if !a.IDsDiffer {
		return ""
	}
	return fmt.Sprintf("OLD and NEW are different charters, %s and %s: diff compares two versions of one charter; check that these are the files you meant (unless the amendment changes the charter's id)", a.Old.ID, a.New.ID)
}

// sideNotes are the sentences that say what could not be compared.
func sideNotes(a *amend.Amendment) []string {
	var out []string
	for _, p := range []string{sideProblem("OLD", a.Old), sideProblem("NEW", a.New)} {
		if p != "" {
			out = append(out, p)
		}
	}
	if !a.RulesCompared {
		out = append(out, "the rules ran on at most one side: only parse, schema and reference findings are compared")
	}
	return out
}

// amendmentNotes are the sentences the HTML page shows above the
// comparison: the warning that the charters differ, if they do, then
// sideNotes.
func amendmentNotes(a *amend.Amendment) []string {
	if w := AmendmentWarning(a); w != "" {
		return append([]string{w}, sideNotes(a)...)
	}
	return sideNotes(a)
}

// charterTitle names the charter compared, "Lakeside IX (lakeside-ix)";
// both when the ids differ, "Lakeside IX (lakeside-ix) → ITU (itu)".
func charterTitle(a *amend.Amendment) string {
	if a.IDsDiffer {
		return fmt.Sprintf("%s (%s) → %s (%s)", a.Old.Name, a.Old.ID, a.New.Name, a.New.ID)
	}
	s := a.New
	if s.ID == "" {
		s = a.Old
	}
	if s.ID == "" {
		return ""
	}
	return fmt.Sprintf("%s (%s)", s.Name, s.ID)
}

func severityCounts(fs []finding.Finding) string {
	var t finding.Tally
	for _, f := range fs {
		t.Add(f.Severity)
	}
	return t.String()
}

func writeAmendmentText(w io.Writer, a *amend.Amendment) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s → %s", a.Old.Path, a.New.Path)
	if t := charterTitle(a); t != "" {
		fmt.Fprintf(&b, ": %s", t)
	}
	b.WriteString("\n")
	if w := AmendmentWarning(a); w != "" {
		fmt.Fprintf(&b, "  warning: %s\n", w)
	}
	for _, n := range sideNotes(a) {
		fmt.Fprintf(&b, "  note: %s\n", n)
	}
	if a.Empty() {
		b.WriteString("\nNo change: the same elements, votes, modalities, classification and findings.\n")
		_, err := io.WriteString(w, b.String())
		return err
	}
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	if len(a.Elements) > 0 {
		fmt.Fprintf(tw, "\nElements:\n")
		for _, e := range a.Elements {
			fmt.Fprintf(tw, "  %s\n", elementText(e))
		}
	}
	if len(a.Bodies) > 0 {
		fmt.Fprintf(tw, "\nBodies (before → after):\n")
		for _, x := range a.Bodies {
			seats := func(p *amend.BodyPower) string { return fmt.Sprint(p.Seats) }
			voting := func(p *amend.BodyPower) string { return fmt.Sprint(p.VotingSeats) }
			fmt.Fprintf(tw, "  %s: seats %s, voting seats %s\n", renamedID(x.ID, x.OldID), arrow(powerField(x.Before, seats), powerField(x.After, seats)), arrow(powerField(x.Before, voting), powerField(x.After, voting)))
			for _, c := range bodyClasses(x) {
				fmt.Fprintf(tw, "    %s\t%s\t→ %s\n", c, votesText(x.Before, c), votesText(x.After, c))
			}
			power := func(p *amend.BodyPower) string { return list(p.PowerClasses) }
			modality := func(p *amend.BodyPower) string { return p.EffectiveModality }
			relation := func(p *amend.BodyPower) string { return p.RelationText() }
			fmt.Fprintf(tw, "    decision power\t%s\n", arrow(powerField(x.Before, power), powerField(x.After, power)))
			fmt.Fprintf(tw, "    effective modality\t%s\n", arrow(powerField(x.Before, modality), powerField(x.After, modality)))
			fmt.Fprintf(tw, "    authority relation\t%s\n", arrow(powerField(x.Before, relation), powerField(x.After, relation)))
		}
	}
	if len(a.Functions) > 0 {
		fmt.Fprintf(tw, "\nFunctions (before → after):\n  FUNCTION\tDECIDED BY\tDECLARED\tEFFECTIVE\tFIT\n")
		for _, f := range a.Functions {
			by := func(m *amend.FunctionModality) string { return m.DecidedBy }
			decl := func(m *amend.FunctionModality) string { return m.DeclaredModality }
			eff := func(m *amend.FunctionModality) string { return m.EffectiveModality }
			fit := func(m *amend.FunctionModality) string { return m.Fit }
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\n", renamedID(f.ID, f.OldID),
				arrow(functionField(f.Before, by), functionField(f.After, by)),
				arrow(functionField(f.Before, decl), functionField(f.After, decl)),
				arrow(functionField(f.Before, eff), functionField(f.After, eff)),
				arrow(functionField(f.Before, fit), functionField(f.After, fit)))
		}
	}
	if c := a.Classification; c != nil && c.Changed {
		fmt.Fprintf(tw, "\nClassification (before → after):\n")
		for _, row := range varietyRows(c) {
			fmt.Fprintf(tw, "  %s:\t%s\n", row[0], arrow(row[1], row[2]))
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, part := range []struct {
		title string
		fs    []finding.Finding
	}{{"Findings introduced", a.Introduced}, {"Findings resolved", a.Resolved}} {
		if len(part.fs) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n%s (%s):\n", part.title, severityCounts(part.fs))
		for _, f := range part.fs {
			fmt.Fprintf(&b, "  %s\n", f.String())
		}
	}
	fmt.Fprintf(&b, "\n%s\n", amendmentSummary(a))
	_, err := io.WriteString(w, b.String())
	return err
}

// varietyRows are the classification's rows: name, before, after.
func varietyRows(c *amend.Classification) [][3]string {
	return [][3]string{
		{"declared modality", c.Before.DeclaredModality, c.After.DeclaredModality},
		{"effective modality", c.Before.EffectiveModality, c.After.EffectiveModality},
		{"stakeholder groups holding decision power", list(c.Before.PowerClasses), list(c.After.PowerClasses)},
		{"stakeholder groups without decision power", list(c.Before.AdvisoryClasses), list(c.After.AdvisoryClasses)},
		{"authority relation", c.Before.Relation, c.After.Relation},
	}
}

// amendmentSummary reads "3 elements changed, 1 body, 0 functions, 2
// findings introduced, 1 resolved".
func amendmentSummary(a *amend.Amendment) string {
	class := "classification unchanged"
	if a.Classification == nil {
		class = "classification not compared"
	} else if a.Classification.Changed {
		class = "classification changed"
	}
	elements := plural(len(a.Elements), "element changed", "elements changed")
	if !a.ElementsCompared {
		elements = "elements not compared"
	}
	return fmt.Sprintf("%s, %s, %s, %s; %s introduced, %d resolved",
		elements,
		plural(len(a.Bodies), "body", "bodies"),
		plural(len(a.Functions), "function", "functions"),
		class,
		plural(len(a.Introduced), "finding", "findings"), len(a.Resolved))
}

func writeAmendmentMarkdown(w io.Writer, a *amend.Amendment) error {
	var b strings.Builder
	fmt.Fprintf(&b, "## Amendment: `%s` → `%s`\n\n", mdCell(a.Old.Path), mdCell(a.New.Path))
	if t := charterTitle(a); t != "" {
		fmt.Fprintf(&b, "%s.\n\n", mdCell(t))
	}
	if w := AmendmentWarning(a); w != "" {
		fmt.Fprintf(&b, "> **Warning:** %s.\n\n", mdCell(w))
	}
	for _, n := range sideNotes(a) {
		fmt.Fprintf(&b, "> **Note:** %s.\n\n", n)
	}
	if a.Empty() {
		b.WriteString("No change: the same elements, votes, modalities, classification and findings.\n")
		_, err := io.WriteString(w, b.String())
		return err
	}
	fmt.Fprintf(&b, "%s.\n", amendmentSummary(a))
	if len(a.Elements) > 0 {
		b.WriteString("\n### Elements\n\n| Change | Kind | Id | Was | Changes (before → after) |\n|---|---|---|---|---|\n")
		for _, e := range a.Elements {
			id := mdCode(e.ID)
			if e.Kind == amend.KindCharter {
				id = "settings"
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", e.Change, e.Kind, id, mdCode(e.OldID), mdCell(elementChanges(e)))
		}
	}
	if len(a.Bodies) > 0 {
		b.WriteString("\n### Bodies\n\n| Body | Class | Votes before | Votes after |\n|---|---|---|---|\n")
		for _, x := range a.Bodies {
			name := mdCell(renamedID(x.ID, x.OldID))
			for _, c := range bodyClasses(x) {
				fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", name, c, votesText(x.Before, c), votesText(x.After, c))
			}
			power := func(p *amend.BodyPower) string { return list(p.PowerClasses) }
			modality := func(p *amend.BodyPower) string { return p.EffectiveModality }
			relation := func(p *amend.BodyPower) string { return p.RelationText() }
			fmt.Fprintf(&b, "| %s | *decision power* | %s | %s |\n", name, mdCell(powerField(x.Before, power)), mdCell(powerField(x.After, power)))
			fmt.Fprintf(&b, "| %s | *effective modality* | %s | %s |\n", name, powerField(x.Before, modality), powerField(x.After, modality))
			fmt.Fprintf(&b, "| %s | *authority relation* | %s | %s |\n", name, powerField(x.Before, relation), powerField(x.After, relation))
		}
	}
	if len(a.Functions) > 0 {
		b.WriteString("\n### Functions\n\n| Function | Decided by | Declared | Effective | Fit |\n|---|---|---|---|---|\n")
		for _, f := range a.Functions {
			by := func(m *amend.FunctionModality) string { return m.DecidedBy }
			decl := func(m *amend.FunctionModality) string { return m.DeclaredModality }
			eff := func(m *amend.FunctionModality) string { return m.EffectiveModality }
			fit := func(m *amend.FunctionModality) string { return m.Fit }
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", mdCell(renamedID(f.ID, f.OldID)),
				arrow(functionField(f.Before, by), functionField(f.After, by)),
				arrow(functionField(f.Before, decl), functionField(f.After, decl)),
				arrow(functionField(f.Before, eff), functionField(f.After, eff)),
				arrow(functionField(f.Before, fit), functionField(f.After, fit)))
		}
	}
	if c := a.Classification; c != nil && c.Changed {
		b.WriteString("\n### Classification\n\n| | Before | After |\n|---|---|---|\n")
		for _, row := range varietyRows(c) {
			fmt.Fprintf(&b, "| %s | %s | %s |\n", row[0], mdCell(row[1]), mdCell(row[2]))
		}
	}
	for _, part := range []struct {
		title string
		fs    []finding.Finding
	}{{"Findings introduced", a.Introduced}, {"Findings resolved", a.Resolved}} {
		if len(part.fs) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n### %s\n\n| Severity | Rule | Location | Message |\n|---|---|---|---|\n", part.title)
		for _, f := range part.fs {
			fmt.Fprintf(&b, "| %s | `%s` | `%s:%d:%d` %s | %s |\n", f.Severity, f.Rule, mdCell(f.File), f.Line, f.Column, mdCell(finding.DisplayPointer(f.Pointer)), mdCell(f.Message))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// mdCode renders s as code in a table cell, "" as nothing.
func mdCode(s string) string {
	if s == "" {
		return ""
	}
	return "`" + mdCell(s) + "`"
}
