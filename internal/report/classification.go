package report

import (
	"cmp"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/charterlint/charterlint/internal/classify"
)

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
		parts[i] = fmt.Sprintf("%s %.0f%%", k, shares[k]*100)
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
	fmt.Fprintf(tw, "  classes holding decision power:\t%s\n", list(c.Variety.PowerClasses))
	fmt.Fprintf(tw, "  classes without decision power:\t%s\n", list(c.Variety.AdvisoryClasses))
	fmt.Fprintf(tw, "  authority relation:\t%s\n", c.Variety.Relation)
	fmt.Fprintf(tw, "  functions by effective modality:\t%s\n\n", modalityCounts(c.Variety.FunctionsByModality))
	if err := tw.Flush(); err != nil {
		return err
	}
	tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintf(tw, "  BODY\tROLE\tVOTES\tVOTE SHARES\tWITHOUT VOTE\tMODALITY\tRELATION\n")
	for _, b := range c.Bodies {
		role := b.Role
		if b.Open {
			role += " (open)"
		}
		fmt.Fprintf(tw, "  %s\t%s\t%d\t%s\t%s\t%s\t%s\n", b.ID, role, b.VotingSeats, sharesText(b.Shares), list(b.NonVotingClasses), b.EffectiveModality, b.Relation)
	}
	fmt.Fprintf(tw, "\n  FUNCTION\tCATEGORY\tDECIDED BY\tDECLARED\tEFFECTIVE\tFIT\n")
	for _, f := range c.Functions {
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\t%s\n", f.ID, f.Category, dash(f.DecidedBy), f.DeclaredModality, f.EffectiveModality, dash(f.Fit))
	}
	return tw.Flush()
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
	fmt.Fprintf(&b, "| Classes holding decision power | %s |\n| Classes without decision power | %s |\n", list(c.Variety.PowerClasses), list(c.Variety.AdvisoryClasses))
	fmt.Fprintf(&b, "| Authority relation | %s |\n\n", c.Variety.Relation)
	b.WriteString("| Body | Role | Votes | Vote shares | Without vote | Modality | Relation |\n|---|---|---|---|---|---|---|\n")
	for _, x := range c.Bodies {
		fmt.Fprintf(&b, "| %s | %s | %d | %s | %s | %s | %s |\n", x.ID, x.Role, x.VotingSeats, sharesText(x.Shares), list(x.NonVotingClasses), x.EffectiveModality, x.Relation)
	}
	b.WriteString("\n| Function | Category | Decided by | Declared | Effective | Fit |\n|---|---|---|---|---|---|\n")
	for _, f := range c.Functions {
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s |\n", f.ID, f.Category, dash(f.DecidedBy), f.DeclaredModality, f.EffectiveModality, dash(f.Fit))
	}
	_, err := io.WriteString(w, b.String())
	return err
}
