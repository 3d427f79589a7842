package profile

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charterlint/charterlint/internal/analysis"
	"github.com/charterlint/charterlint/internal/finding"
	"github.com/charterlint/charterlint/internal/policy"
)

// Status is a criterion's status for one charter.
type Status string

// The statuses, from best to worst. A criterion is
//   - met when none of its rules reports a finding (a suppressed finding
//     does not count, but is noted);
//   - partly met when its rules report findings at info severity only:
//     advice the charter could follow, not a breach;
//   - not met when one of its rules reports a warning or an error;
//   - not checked when it could not be judged on this charter: one of its
//     rules is disabled or did not run, or is asked only of charters that
//     claim to be multistakeholder or open and this one claims neither,
//     or the charter fails the structural checks, and no other rule shows
//     it not met;
//   - not checkable when no charter can show it (the profile says why).
const (
	Met          Status = "met"
	PartlyMet    Status = "partly-met"
	NotMet       Status = "not-met"
	NotChecked   Status = "not-checked"
	NotCheckable Status = "not-checkable"
)

// Label is the status as people read it.
func (s Status) Label() string {
	switch s {
	case Met:
		return "met"
	case PartlyMet:
		return "partly met"
	case NotMet:
		return "not met"
	case NotChecked:
		return "not checked"
	case NotCheckable:
		return "not checkable from a charter"
	}
	return string(s)
}

// Result is a profile's conformance for one charter.
type Result struct {
	Profile  *Profile
	Criteria []CriterionResult
	// Met counts the criteria met; Checkable those a charter can show.
	Met, Checkable int
}

// Score says it as "6 of 8".
func (r Result) Score() string { return fmt.Sprintf("%d of %d", r.Met, r.Checkable) }

// Percent is the score as a whole percentage, 0 when nothing is
// checkable.
func (r Result) Percent() int {
	if r.Checkable == 0 {
		return 0
	}
	return r.Met * 100 / r.Checkable
}

// CriterionResult is one criterion's status for one charter, with the
// findings that show it.
type CriterionResult struct {
	Criterion *Criterion
	Status    Status
	// Findings are its rules' findings on the charter, in output order.
	Findings []finding.Finding
	// Suppressed are its rules' findings that a suppression accepts.
	Suppressed []finding.Suppressed
	// Notes say what else qualifies the status: suppressions, rules not
	// checked, the criterion's limits.
	Notes []string
}

// Evaluate judges a charter's analysis against a profile. rule looks a
// rule up in the run's catalogue (a rule not there did not run); the
// analysis says which rules were disabled for the charter. A rule asked
// only of charters that claim to be multistakeholder or open judged
// nothing on a charter that claims neither, so its criteria are not
// checked there, never met by its silence.
func Evaluate(p *Profile, a *analysis.Analysis, rule func(id string) (policy.Rule, bool)) Result {
	claims := a.Facts != nil && a.Facts.ClaimsOpenness
	res := Result{Profile: p}
	for i := range p.Criteria {
		c := &p.Criteria[i]
		cr := CriterionResult{Criterion: c}
		if !c.Checkable {
			cr.Status = NotCheckable
			res.Criteria = append(res.Criteria, cr)
			continue
		}
		res.Checkable++
		for _, f := range a.Findings {
			if slices.Contains(c.Rules, f.Rule) {
				cr.Findings = append(cr.Findings, f)
			}
		}
		for _, s := range a.Suppressed {
			if slices.Contains(c.Rules, s.Rule) {
				cr.Suppressed = append(cr.Suppressed, s)
				cr.Notes = append(cr.Notes, fmt.Sprintf("%s finding suppressed: %s (%s)", s.Rule, s.Reason, s.Source))
			}
		}
		var unchecked, unclaimed []string
		for _, id := range c.Rules {
			r, ok := rule(id)
			switch {
			case slices.Contains(a.Disabled, id) || !ok:
				unchecked = append(unchecked, id)
			case r.AppliesTo == policy.AppliesToClaimsOpenness && !claims:
				unclaimed = append(unclaimed, id)
			}
		}
		worst := finding.Info
		for _, f := range cr.Findings {
			worst = max(worst, f.Severity)
		}
		switch {
		case len(cr.Findings) > 0 && worst > finding.Info:
			cr.Status = NotMet
		case !a.Checked():
			cr.Status = NotChecked
			cr.Notes = append(cr.Notes, "the charter fails the structural checks (parse, schema or references), so no rule ran")
		case len(unchecked) > 0:
			cr.Status = NotChecked
			cr.Notes = append(cr.Notes, "not checked: "+strings.Join(unchecked, ", ")+" disabled or not run")
		case len(unclaimed) > 0:
			cr.Status = NotChecked
			cr.Notes = append(cr.Notes, "not checked: "+strings.Join(unclaimed, ", ")+" asked only of a charter that claims to be multistakeholder or open, which this one does not")
		case len(cr.Findings) > 0:
			cr.Status = PartlyMet
		default:
			cr.Status = Met
			res.Met++
		}
		res.Criteria = append(res.Criteria, cr)
	}
	return res
}
