package policy

import (
	"fmt"
	"strings"

	"github.com/charterlint/charterlint/internal/finding"
	"github.com/open-policy-agent/opa/v1/ast"
)

// Rule is a rule's metadata, read from the METADATA annotation of its
// package. A rule is a Rego package that defines a partial set "deny" of
// objects {"pointer": ..., "element": ..., "message": ...}.
type Rule struct {
	ID          string           `json:"id"`
	Title       string           `json:"title"`
	Severity    finding.Severity `json:"severity"`
	Group       string           `json:"group"`
	Description string           `json:"description"`
	Rationale   string           `json:"rationale"`
	Citation    string           `json:"citation"`
	// AppliesTo limits the charters a rule judges: "claims-openness" for a
	// rule asked only of charters that claim to be multistakeholder or
	// open (facts.claimsOpenness), "" for every charter.
	AppliesTo string `json:"appliesTo,omitempty"`
	// Fail and Pass are charter snippets that do and do not trigger the rule.
	Fail string `json:"fail,omitempty"`
	Pass string `json:"pass,omitempty"`
	// Package is the Rego package path, e.g. data.charterlint.rules.capture.x.
	Package string `json:"package"`
	// File is where the rule was loaded from ("builtin:" for the embedded pack).
	File string `json:"file"`
}

// AppliesToClaimsOpenness marks a rule asked only of charters that claim
// to be multistakeholder or open.
const AppliesToClaimsOpenness = "claims-openness"

// ruleFromAnnotations reads a rule from its package annotation.
func ruleFromAnnotations(a *ast.Annotations, pkg, file string) (Rule, error) {
	r := Rule{Package: pkg, File: file}
	if a == nil {
		return r, fmt.Errorf("%s: package %s defines deny but has no # METADATA block with title and custom id, severity, group, rationale and citation", file, strings.TrimPrefix(pkg, "data."))
	}
	r.Title = strings.TrimSpace(a.Title)
	r.Description = strings.TrimSpace(a.Description)
	str := func(key string) string {
		if v, ok := a.Custom[key].(string); ok {
			return strings.TrimSpace(v)
		}
		return ""
	}
	r.ID = str("id")
	r.Group = str("group")
	r.Rationale = str("rationale")
	r.Citation = str("citation")
	r.AppliesTo = str("applies_to")
	r.Fail = str("fail")
	r.Pass = str("pass")
	var missing []string
	for _, f := range []struct{ name, val string }{
		{"title", r.Title}, {"description", r.Description}, {"custom.id", r.ID}, {"custom.severity", str("severity")},
		{"custom.group", r.Group}, {"custom.rationale", r.Rationale}, {"custom.citation", r.Citation},
	} {
		if f.val == "" {
			missing = append(missing, f.name)
		}
	}
	where := file
	if loc := a.Location; loc != nil {
		where = fmt.Sprintf("%s:%d", file, loc.Row)
	}
	if len(missing) > 0 {
		return r, fmt.Errorf("%s: METADATA of package %s lacks %s", where, strings.TrimPrefix(pkg, "data."), strings.Join(missing, ", "))
	}
	if r.AppliesTo != "" && r.AppliesTo != AppliesToClaimsOpenness {
		return r, fmt.Errorf("%s: METADATA of package %s: custom.applies_to is %q; the only value is %s", where, strings.TrimPrefix(pkg, "data."), r.AppliesTo, AppliesToClaimsOpenness)
	}
	sev, err := finding.ParseSeverity(str("severity"))
	if err != nil {
		return r, fmt.Errorf("%s: METADATA of package %s: %w", where, strings.TrimPrefix(pkg, "data."), err)
	}
	r.Severity = sev
	return r, nil
}
