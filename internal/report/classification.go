package report

import (
	"cmp"
	"fmt"
	"io"
	"maps"
	"math"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/charterlint/charterlint/internal/classify"
	"github.com/charterlint/charterlint/internal/facts"
)

// Percent renders a share as a whole percentage, rounded as the rules'
// messages round it (lib.percent): OPA reads the share as the decimal Go
// writes for it and rounds halves away from zero, so 0.285, which is
// 0.28499... in binary, is "29%", and 0.625 is "63%".
func Percent(share float64) string {
	r, ok := new(big.Rat).SetString(strconv.FormatFloat(share, 'g', -1, 64))
	if !ok {
		return strconv.Itoa(int(math.Round(share*100))) + "%" // Inf or NaN
	}
	// FloatString rounds halves away from zero.
	return r.Mul(r, big.NewRat(100, 1)).FloatString(0) + "%"
}

// sharesText renders vote shares, largest first: "government 75%, mixed 25%".
func sharesText(shares map[string]float64) string {
	if len(shares) == 0 {
		return "-"
	}
	keys := slices.SortedFunc(maps.Keys(shares), func(a, b string) int {
		return cmp.Or(cmp.Compare(shares[b], shares[a]), cmp.Compare(a, b))
	})
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + " " + Percent(shares[k])
	}
	return strings.Join(parts, ", ")
}

func list(xs []string) string {
	if len(xs) == 0 {
		return "-"
	}
	return strings.Join(xs, ", ")
}

// modalityCounts renders functions by modality: "multistakeholder 2, private 1".
func modalityCounts(m map[string]int) string {
	if len(m) == 0 {
		return "-"
	}
	keys := slices.SortedFunc(maps.Keys(m), func(a, b string) int {
		return cmp.Or(cmp.Compare(m[b], m[a]), cmp.Compare(a, b))
	})
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s %d", k, m[k])
	}
	return strings.Join(parts, ", ")
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func writeTextDetail(w io.Writer, c classify.Classification) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "%s: %s (%s)\n", c.File, c.Name, c.ID)
	fmt.Fprintf(tw, "  %s\n\n", c.Verdict)
	fmt.Fprintf(tw, "  declared modality:\t%s\n", c.Variety.DeclaredModality)
	fmt.Fprintf(tw, "  effective modality:\t%s\n", c.Variety.EffectiveModality)
	fmt.Fprintf(tw, "  stakeholder groups holding decision power:\t%s\n", list(c.Variety.PowerClasses))
	fmt.Fprintf(tw, "  in the theory's classes:\t%s\n", list(c.Variety.TheoryClasses))
	fmt.Fprintf(tw, "  variety:\t%s\n", c.Variety.Name)
	fmt.Fprintf(tw, "  stakeholder groups without decision power:\t%s\n", list(c.Variety.AdvisoryClasses))
	fmt.Fprintf(tw, "  authority relation:\t%s\n", c.Variety.Relation)
	fmt.Fprintf(tw, "  functions by effective modality:\t%s\n\n", modalityCounts(c.Variety.FunctionsByModality))
	if err := tw.Flush(); err != nil {
		return err
	}
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "  BODY\tROLE\tVOTES\tVOTE SHARES\tMEMBERS WITHOUT VOTE\tMODALITY\tRELATION\n")
	for _, b := range c.Bodies {
		role := b.Role
		if b.Open {
			role += " (open)"
		}
		fmt.Fprintf(tw, "  %s\t%s\t%d\t%s\t%s\t%s\t%s\n", b.ID, role, b.TotalVotes, sharesText(b.Shares), list(b.NonVotingClasses), b.EffectiveModality, b.Relation)
	}
	fmt.Fprintf(tw, "\n  FUNCTION\tCATEGORY\tDECIDED BY\tDECLARED\tEFFECTIVE\tFIT\tVARIETY\n")
	for _, f := range c.Functions {
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\t%s\t%s\n", f.ID, f.Subject(), dash(f.DecidedBy), f.DeclaredModality, f.EffectiveModality, dash(f.Fit), f.Variety)
	}
	if rows := powerRows(c); len(rows) > 0 {
		fmt.Fprintf(tw, "\n  VOTING POWER\tRULE\tBLOC\tVOTES\tSHARE\tPOWER\tALONE\n")
		for _, r := range rows {
			fmt.Fprintf(tw, "  %s\t%s\t%s\t%d\t%s\t%s\t%s\n", r.body, r.rule, r.bloc, r.votes, r.share, r.power, r.alone)
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if lines := explanations(c); len(lines) > 0 {
		fmt.Fprintf(w, "\n")
		for _, l := range lines {
			fmt.Fprintf(w, "  %s\n", l)
		}
	}
	return nil
}

// powerRow is one bloc of a deciding body's voting game, for people.
type powerRow struct {
	body, rule, bloc, share, power, alone string
	votes                                 int
}

// powerRows lists the blocs of every body that decides a function: by
// class, then, when named organisations vote, by organisation.
func powerRows(c classify.Classification) []powerRow {
	var rows []powerRow
	for _, b := range c.Bodies {
		p := b.Power
		if p == nil || len(b.Decides) == 0 {
			continue
		}
		add := func(xs []facts.BlocFacts, suffix string) {
			for _, x := range xs {
				alone := []string{}
				if x.Carries {
					alone = append(alone, "carries")
				}
				if x.Blocks {
					alone = append(alone, "blocks")
				}
				if x.Veto {
					alone = append(alone, "veto")
				}
				power := Percent(x.Banzhaf)
				if p.Note != "" {
					power = "?"
				}
				rows = append(rows, powerRow{body: b.ID, rule: p.Rule, bloc: x.Name + suffix, votes: x.Votes,
					share: Percent(x.Share), power: power, alone: list(alone)})
			}
		}
		add(p.Blocs, "")
		if len(p.Organisations) > 0 {
			add(p.Organisations, " (by organisation)")
		}
	}
	return rows
}

// explanations says in sentences why classes hold power, which matters
// follow other rules, what advice bodies receive, who sits as a link, and
// on whom a body depends.
func explanations(c classify.Classification) []string {
	var out []string
	for _, b := range c.Bodies {
		if len(b.Decides) == 0 && b.Role != "oversight" {
			continue
		}
		for _, class := range b.PowerClasses {
			if why := b.Reasons[class]; len(why) > 0 {
				out = append(out, fmt.Sprintf("%s: %s: %s.", b.ID, class, strings.Join(why, "; ")))
			}
		}
		if p := b.Power; p != nil {
			for _, m := range p.Matters {
				out = append(out, fmt.Sprintf("%s: %s by %s; carried alone by %s, blocked alone by %s.", b.ID, m.Matter, m.Rule, list(m.Carriers), list(m.Blockers)))
			}
			if len(p.IncumbentCoalition) > 0 {
				out = append(out, fmt.Sprintf("%s: incumbents %s can carry decisions together.", b.ID, strings.Join(p.IncumbentCoalition, ", ")))
			}
			if p.Note != "" {
				out = append(out, fmt.Sprintf("%s: %s.", b.ID, p.Note))
			}
		}
		for _, a := range b.Advice {
			out = append(out, fmt.Sprintf("%s: advised by %s (%s), %s.", b.ID, a.From, list(a.Classes), adviceWeight(a)))
		}
		for _, l := range b.Links {
			who := l.Class
			if l.OnBehalfOf != "" {
				who = "for " + l.OnBehalfOf + ", " + l.Class
			}
			out = append(out, fmt.Sprintf("%s: %s %s (%s), without a vote.", b.ID, l.Kind, l.Seat, who))
		}
		if len(b.Consulted) > 0 {
			out = append(out, fmt.Sprintf("%s: consulted without decision power: %s.", b.ID, list(b.Consulted)))
		}
		if dep := dependence(b); dep != "" {
			out = append(out, fmt.Sprintf("%s: %s.", b.ID, dep))
		}
	}
	return out
}

// adviceWeight says how far advice binds: "binding", "must be considered;
// rejected only by 60% of the votes, after consultation", "non-binding".
func adviceWeight(a classify.Advice) string {
	if a.Weight != "must-consider" {
		return a.Weight
	}
	s := "must be considered"
	if a.RejectThreshold != nil {
		s += "; rejected only by " + Percent(*a.RejectThreshold) + " of the votes"
	}
	if a.Consultation {
		s += ", after consultation"
	}
	return s
}

// dependence describes what a body oversees and on whom it depends.
func dependence(b classify.Body) string {
	var parts []string
	if len(b.Oversees) > 0 {
		parts = append(parts, "oversees "+list(b.Oversees))
	}
	if len(b.FundedBy) > 0 {
		parts = append(parts, "funded by "+list(b.FundedBy))
	}
	if len(b.FirstAppointedBy) > 0 {
		parts = append(parts, "first members appointed by "+list(b.FirstAppointedBy))
	}
	return strings.Join(parts, "; ")
}

func writeTextTable(w io.Writer, cs []classify.Classification) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "CHARTER\tDECISION POWER\tRELATION\tDECLARED\tEFFECTIVE\tFUNCTIONS BY MODALITY\n")
	for _, c := range cs {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", c.ID, list(c.Variety.PowerClasses), c.Variety.Relation, c.Variety.DeclaredModality, c.Variety.EffectiveModality, modalityCounts(c.Variety.FunctionsByModality))
	}
	return tw.Flush()
}

// mdCell escapes a table cell.
// mdCell makes text safe in a Markdown table cell: a pipe would end the
// cell, a line break the row, and HTML in charter text would render on
// GitHub.
var mdCellReplacer = strings.NewReplacer("|", `\|`, "\r\n", " ", "\n", " ", "\r", " ", "<", "&lt;", ">", "&gt;", "&", "&amp;")

func mdCell(s string) string { return mdCellReplacer.Replace(s) }

func writeMarkdownTable(w io.Writer, cs []classify.Classification) error {
	var b strings.Builder
	b.WriteString("| Charter | Decision power | Relation | Declared | Effective | Functions by modality |\n")
	b.WriteString("|---|---|---|---|---|---|\n")
	for _, c := range cs {
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s |\n", mdCell(c.ID), mdCell(list(c.Variety.PowerClasses)), c.Variety.Relation, c.Variety.DeclaredModality, mdCell(effectiveCell(c)), mdCell(modalityCounts(c.Variety.FunctionsByModality)))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// effectiveCell marks an effective modality that differs from the claim.
func effectiveCell(c classify.Classification) string {
	if c.Variety.EffectiveModality != c.Variety.DeclaredModality {
		return "**" + c.Variety.EffectiveModality + "**"
	}
	return c.Variety.EffectiveModality
}

func writeMarkdownDetail(w io.Writer, c classify.Classification) error {
	var b strings.Builder
	fmt.Fprintf(&b, "## %s (`%s`)\n\n%s.\n\n", mdCell(c.Name), c.ID, c.Verdict)
	fmt.Fprintf(&b, "| | |\n|---|---|\n")
	fmt.Fprintf(&b, "| Declared modality | %s |\n| Effective modality | %s |\n", c.Variety.DeclaredModality, effectiveCell(c))
	fmt.Fprintf(&b, "| Stakeholder groups holding decision power | %s |\n| In the theory's classes | %s |\n| Variety | %s |\n| Stakeholder groups without decision power | %s |\n", list(c.Variety.PowerClasses), list(c.Variety.TheoryClasses), c.Variety.Name, list(c.Variety.AdvisoryClasses))
	fmt.Fprintf(&b, "| Authority relation | %s |\n\n", c.Variety.Relation)
	b.WriteString("| Body | Role | Votes | Vote shares | Members without a vote | Modality | Relation |\n|---|---|---|---|---|---|---|\n")
	for _, x := range c.Bodies {
		fmt.Fprintf(&b, "| %s | %s | %d | %s | %s | %s | %s |\n", x.ID, x.Role, x.TotalVotes, sharesText(x.Shares), list(x.NonVotingClasses), x.EffectiveModality, x.Relation)
	}
	b.WriteString("\n| Function | Category | Decided by | Declared | Effective | Fit | Variety |\n|---|---|---|---|---|---|---|\n")
	for _, f := range c.Functions {
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s |\n", f.ID, f.Subject(), dash(f.DecidedBy), f.DeclaredModality, f.EffectiveModality, dash(f.Fit), f.Variety)
	}
	if rows := powerRows(c); len(rows) > 0 {
		b.WriteString("\n| Voting power | Rule | Bloc | Votes | Share | Power (Banzhaf) | Alone |\n|---|---|---|---|---|---|---|\n")
		for _, r := range rows {
			fmt.Fprintf(&b, "| %s | %s | %s | %d | %s | %s | %s |\n", r.body, mdCell(r.rule), mdCell(r.bloc), r.votes, r.share, r.power, r.alone)
		}
	}
	if lines := explanations(c); len(lines) > 0 {
		b.WriteString("\n")
		for _, l := range lines {
			fmt.Fprintf(&b, "- %s\n", mdCell(l))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}
