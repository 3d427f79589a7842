package profile_test

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charterlint/charterlint/internal/analysis"
	"github.com/charterlint/charterlint/internal/decode"
	"github.com/charterlint/charterlint/internal/finding"
	"github.com/charterlint/charterlint/internal/policy"
	"github.com/charterlint/charterlint/internal/profile"
	"github.com/charterlint/charterlint/policies"
)

var update = flag.Bool("update", false, "rewrite docs/profiles.md")

// catalogue is the built-in pack's rule catalogue.
func catalogue(t *testing.T) []policy.Rule {
	t.Helper()
	data, err := fs.ReadFile(policies.FS(), "catalogue.json")
	if err != nil {
		t.Fatal(err)
	}
	var rules []policy.Rule
	if err := json.Unmarshal(data, &rules); err != nil {
		t.Fatal(err)
	}
	return rules
}

func load(t *testing.T, files ...string) *profile.Set {
	t.Helper()
	s, err := profile.Load(files...)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// Every rule a profile names exists, and every criterion is checkable by
// at least one rule or marked not checkable with a reason.
func TestProfilesNameRulesThatExist(t *testing.T) {
	rules := catalogue(t)
	known := map[string]bool{}
	for _, r := range rules {
		known[r.ID] = true
	}
	s := load(t)
	want := []string{"netmundial-2014", "ntia-iana-2014", "sao-paulo-2024", "core", "all"}
	if got := s.Names(); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Fatalf("names %v, want %v", got, want)
	}
	for _, p := range s.Profiles() {
		if p.Title == "" || p.Source == "" || len(p.Criteria) == 0 {
			t.Errorf("%s: title, source and criteria are required", p.ID)
		}
		for _, c := range p.Criteria {
			switch {
			case c.Checkable && len(c.Rules) == 0:
				t.Errorf("%s/%s: checkable but no rule checks it", p.ID, c.ID)
			case !c.Checkable && (c.Reason == "" || len(c.Rules) > 0):
				t.Errorf("%s/%s: not checkable needs a reason and no rules", p.ID, c.ID)
			}
			if c.Reference == "" || c.Statement == "" {
				t.Errorf("%s/%s: reference and statement are required", p.ID, c.ID)
			}
			for _, id := range c.Rules {
				if !known[id] {
					t.Errorf("%s/%s: rule %s does not exist", p.ID, c.ID, id)
				}
			}
		}
	}
	if _, err := s.Resolve([]string{"all", "core"}, rules); err != nil {
		t.Fatal(err)
	}
}

func analyze(t *testing.T, path string) *analysis.Analysis {
	t.Helper()
	l, err := analysis.New(context.Background(), analysis.Options{Limits: decode.DefaultLimits(), Rules: &policy.Options{Pack: policies.FS()}})
	if err != nil {
		t.Fatal(err)
	}
	a := l.File(context.Background(), path)
	if a.Err != nil {
		t.Fatal(a.Err)
	}
	return a
}

// packRule looks rules up in the built-in pack.
func packRule(t *testing.T) func(string) (policy.Rule, bool) {
	t.Helper()
	e, err := policy.New(context.Background(), policy.Options{Pack: policies.FS()})
	if err != nil {
		t.Fatal(err)
	}
	return e.Rule
}

// statuses evaluates a fixture against a profile: criterion id → status.
func statuses(t *testing.T, s *profile.Set, name, fixture string) (map[string]profile.Status, profile.Result) {
	t.Helper()
	ps, err := s.Resolve([]string{name}, catalogue(t))
	if err != nil {
		t.Fatal(err)
	}
	res := profile.Evaluate(ps[0], analyze(t, filepath.Join("..", "..", "fixtures", fixture)), packRule(t))
	out := map[string]profile.Status{}
	for _, cr := range res.Criteria {
		out[cr.Criterion.ID] = cr.Status
	}
	return out, res
}

// Per profile, a fixture that meets every checkable criterion and one
// that fails several, checked criterion by criterion.
func TestFixturesCriterionByCriterion(t *testing.T) {
	s := load(t)
	const (
		met  = profile.Met
		not  = profile.NotMet
		part = profile.PartlyMet
		na   = profile.NotCheckable
	)
	cases := []struct {
		profile, fixture string
		want             map[string]profile.Status
		score            string
	}{
		{"netmundial-2014", "icann.charter.json", map[string]profile.Status{
			"multistakeholder": met, "open-participative-consensus": met, "transparent": met, "accountable": met,
			"inclusive-equitable": met, "distributed": met, "collaborative": na, "meaningful-participation": met,
			"access-low-barriers": met, "agility": na}, "8 of 8"},
		{"netmundial-2014", "itu.charter.json", map[string]profile.Status{
			"multistakeholder": not, "open-participative-consensus": not, "transparent": not, "accountable": not,
			"inclusive-equitable": met, "distributed": met, "collaborative": na, "meaningful-participation": not,
			"access-low-barriers": met, "agility": na}, "3 of 8"},
		{"sao-paulo-2024", "icann.charter.json", map[string]profile.Status{
			"clear-process-steps": met, "balanced-representation": met, "participation-rules": met, "transparency-of-inputs": met,
			"inputs-considered": na, "accountability-for-outcomes": met, "timely-predictable": met, "resources-to-participate": met,
			"consultations-held": na}, "7 of 7"},
		{"sao-paulo-2024", "gulf-council.charter.json", map[string]profile.Status{
			"clear-process-steps": not, "balanced-representation": not, "participation-rules": part, "transparency-of-inputs": not,
			"inputs-considered": na, "accountability-for-outcomes": not, "timely-predictable": met, "resources-to-participate": not,
			"consultations-held": na}, "1 of 7"},
		{"ntia-iana-2014", "icann.charter.json", map[string]profile.Status{
			"broad-community-support": na, "multistakeholder-model": met, "dns-security-stability-resiliency": met,
			"customer-needs": na, "internet-openness": met, "no-government-led-solution": met}, "4 of 4"},
		// A government-led body: the NTIA's refusal applies.
		{"ntia-iana-2014", "itu.charter.json", map[string]profile.Status{
			"broad-community-support": na, "multistakeholder-model": not, "dns-security-stability-resiliency": not,
			"customer-needs": na, "internet-openness": not, "no-government-led-solution": not}, "0 of 4"},
	}
	for _, c := range cases {
		t.Run(c.profile+"/"+c.fixture, func(t *testing.T) {
			got, res := statuses(t, s, c.profile, c.fixture)
			if len(got) != len(c.want) {
				t.Errorf("%d criteria, want %d", len(got), len(c.want))
			}
			for id, want := range c.want {
				if got[id] != want {
					t.Errorf("%s: %s, want %s", id, got[id], want)
				}
			}
			if res.Score() != c.score {
				t.Errorf("score %s, want %s", res.Score(), c.score)
			}
			for _, cr := range res.Criteria {
				if cr.Status == profile.NotMet && len(cr.Findings) == 0 {
					t.Errorf("%s: not met without a finding to show it", cr.Criterion.ID)
				}
			}
		})
	}
}

// The NTIA refusal of a government-led solution is shown by the
// governmental-majority finding on the ITU-like plenipotentiary.
func TestNTIAGovernmentLed(t *testing.T) {
	_, res := statuses(t, load(t), "ntia-iana-2014", "itu.charter.json")
	for _, cr := range res.Criteria {
		if cr.Criterion.ID != "no-government-led-solution" {
			continue
		}
		for _, f := range cr.Findings {
			if f.Rule == "CL-CAP-004" && f.Element == "plenipotentiary-conference" {
				return
			}
		}
		t.Fatalf("no CL-CAP-004 finding on the plenipotentiary among %v", cr.Findings)
	}
	t.Fatal("no criterion no-government-led-solution")
}

// Suppressed findings leave a criterion met with a note, info findings
// make it partly met, disabled rules not checked, and a broken charter
// is not checked at all.
func TestStatusSemantics(t *testing.T) {
	p := &profile.Profile{ID: "x", Criteria: []profile.Criterion{
		{ID: "a", Rules: []string{"CL-ACC-001"}, Checkable: true},
		{ID: "b", Rules: []string{"CL-ACC-005", "CL-ACC-006"}, Checkable: true},
		{ID: "c", Rules: []string{"CL-PAR-002"}, Checkable: true},
		{ID: "d", Reason: "cannot", Checkable: false},
	}}
	ch := analyze(t, filepath.Join("..", "..", "fixtures", "icann.charter.json"))
	a := *ch
	a.Suppressed = []finding.Suppressed{{Finding: finding.Finding{Rule: "CL-ACC-001", Severity: finding.Error}, Reason: "accepted", Source: ".charterlint.yaml:3"}}
	a.Findings = []finding.Finding{{Rule: "CL-ACC-005", Severity: finding.Info}}
	a.Disabled = []string{"CL-PAR-002"}
	res := profile.Evaluate(p, &a, packRule(t))
	want := []profile.Status{profile.Met, profile.PartlyMet, profile.NotChecked, profile.NotCheckable}
	for i, cr := range res.Criteria {
		if cr.Status != want[i] {
			t.Errorf("%s: %s, want %s", cr.Criterion.ID, cr.Status, want[i])
		}
	}
	if len(res.Criteria[0].Notes) != 1 || !strings.Contains(res.Criteria[0].Notes[0], "accepted") {
		t.Errorf("suppression not noted: %v", res.Criteria[0].Notes)
	}
	if res.Met != 1 || res.Checkable != 3 {
		t.Errorf("score %s, want 1 of 3", res.Score())
	}
	broken := analyze(t, filepath.Join("..", "..", "fixtures", "invalid", "schema-enum.charter.json"))
	for _, cr := range profile.Evaluate(p, broken, packRule(t)).Criteria[:3] {
		if cr.Status != profile.NotChecked {
			t.Errorf("broken charter: %s is %s", cr.Criterion.ID, cr.Status)
		}
	}
}

func TestResolveErrors(t *testing.T) {
	s := load(t)
	_, err := s.Resolve([]string{"netmundial-2104"}, catalogue(t))
	var ue *profile.UnknownError
	if !errors.As(err, &ue) || !strings.Contains(err.Error(), `did you mean "netmundial-2014"?`) {
		t.Errorf("got %v", err)
	}
	if _, err := s.Resolve([]string{"netmundial-2014"}, nil); err == nil || !strings.Contains(err.Error(), "not in the catalogue") {
		t.Errorf("unknown rule: got %v", err)
	}
	core, err := s.Resolve([]string{"core", "core"}, catalogue(t))
	if err != nil || len(core) != 1 || len(core[0].Criteria) != len(catalogue(t)) {
		t.Errorf("core: %v, %v", core, err)
	}
}

func TestProfileFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "house.json")
	os.WriteFile(good, []byte(`{"id": "netmundial-2014", "title": "House rules", "source": "Our bylaws",
  "criteria": [{"id": "appeals", "title": "Appeals", "reference": "Art. 4", "statement": "Decisions can be appealed.", "rules": ["CL-ACC-001"]}]}`), 0o644)
	s := load(t, good)
	ps, err := s.Resolve([]string{"netmundial-2014"}, catalogue(t))
	if err != nil || ps[0].Title != "House rules" {
		t.Fatalf("override: %v %v", ps, err)
	}
	for name, doc := range map[string]string{
		"no-rules.json": `{"id": "x", "title": "t", "source": "s", "criteria": [{"id": "a", "title": "t", "reference": "r", "statement": "s"}]}`,
		"unknown.json":  `{"id": "x", "title": "t", "source": "s", "criterion": []}`,
		"twice.json":    `{"id": "x", "title": "t", "source": "s", "criteria": [{"id": "a", "title": "t", "reference": "r", "statement": "s", "rules": ["CL-ACC-001"]}, {"id": "a", "title": "t", "reference": "r", "statement": "s", "rules": ["CL-ACC-001"]}]}`,
		"builtin.json":  `{"id": "all", "title": "t", "source": "s", "criteria": [{"id": "a", "title": "t", "reference": "r", "statement": "s", "rules": ["CL-ACC-001"]}]}`,
		"not-json.json": `{"id": `,
		"both.json":     `{"id": "x", "title": "t", "source": "s", "criteria": [{"id": "a", "title": "t", "reference": "r", "statement": "s", "rules": ["CL-ACC-001"], "checkable": false, "reason": "r"}]}`,
	} {
		path := filepath.Join(dir, name)
		os.WriteFile(path, []byte(doc), 0o644)
		if _, err := profile.Load(path); err == nil || !strings.Contains(err.Error(), path) {
			t.Errorf("%s: got %v, want an error naming the file", name, err)
		}
	}
}

// TestProfilesDoc checks that docs/profiles.md, generated from the
// profile files, matches them. Run with -update to rewrite it.
func TestProfilesDoc(t *testing.T) {
	rules := catalogue(t)
	titles := map[string]string{}
	for _, r := range rules {
		titles[r.ID] = r.Title
	}
	var b strings.Builder
	b.WriteString("# Framework profiles\n\n<!-- Generated from policies/profiles/*.json by `go test ./internal/profile -run TestProfilesDoc -update`; edit the profile files, not this page. -->\n\n")
	b.WriteString("`charterlint conformance --profile NAME` judges charters against these frameworks criterion by criterion, and `charterlint report --profile NAME` adds the same tables to the committee report. A criterion is **met** when none of the rules that check it reports a finding (a suppressed finding is noted), **partly met** when they report findings at info severity only, **not met** when one reports a warning or an error, **not checked** when one of its rules is disabled or did not run, or is asked only of charters that claim to be multistakeholder or open and the charter claims neither, and **not checkable** when no charter can show it. The score is the criteria met of the checkable ones. The criteria are stated in charterlint's own words; the reference says where the source states them. `core` is the rule pack itself, one criterion per rule, and `all` every profile below.\n\n")
	for _, p := range load(t).Profiles() {
		fmt.Fprintf(&b, "- [%s](#%s) (`%s`)\n", p.Title, p.ID, p.ID)
	}
	for _, p := range load(t).Profiles() {
		fmt.Fprintf(&b, "\n<a id=\"%s\"></a>\n## %s\n\n`--profile %s`. Source: %s.\n\n", p.ID, p.Title, p.ID, p.Source)
		if p.Summary != "" {
			b.WriteString(p.Summary + "\n\n")
		}
		b.WriteString("| Criterion | Reference | What a charter must show | Checked by | What a charter cannot show |\n|---|---|---|---|---|\n")
		for _, c := range p.Criteria {
			var rs []string
			for _, id := range c.Rules {
				rs = append(rs, fmt.Sprintf("[%s](rules.md#%s) %s", id, anchor(id+" "+titles[id]), titles[id]))
			}
			checked, cannot := strings.Join(rs, "<br>"), c.Limits
			if !c.Checkable {
				checked, cannot = "not checkable", c.Reason
			}
			fmt.Fprintf(&b, "| **%s** (`%s`) | %s | %s | %s | %s |\n", c.Title, c.ID, cell(c.Reference), cell(c.Statement), checked, cell(cannot))
		}
	}
	got := b.String()
	path := filepath.Join("..", "..", "docs", "profiles.md")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil || string(want) != got {
		t.Errorf("docs/profiles.md is stale; run go test ./internal/profile -run TestProfilesDoc -update")
	}
}

func cell(s string) string {
	if s == "" {
		return "—"
	}
	return strings.ReplaceAll(s, "|", `\|`)
}

// anchor is GitHub's heading anchor for docs/rules.md's "### ID: Title".
func anchor(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-':
			b.WriteRune(r)
		case r == ' ':
			b.WriteRune('-')
		}
	}
	return b.String()
}

// The NETmundial process checklist is asked only of charters that claim
// to be multistakeholder or open: on one that claims neither, a criterion
// of those rules is not checked, never met by their silence.
func TestUnclaimedChecklistIsNotChecked(t *testing.T) {
	p := &profile.Profile{ID: "t", Criteria: []profile.Criterion{
		{ID: "remote", Rules: []string{"CL-PAR-002"}, Checkable: true},
		{ID: "review", Rules: []string{"CL-ACC-007"}, Checkable: true},
	}}
	oecd := analyze(t, filepath.Join("..", "..", "fixtures", "oecd.charter.json"))
	if oecd.Facts.ClaimsOpenness {
		t.Fatal("the OECD fixture claims openness; the test needs a charter that does not")
	}
	res := profile.Evaluate(p, oecd, packRule(t))
	if cr := res.Criteria[0]; cr.Status != profile.NotChecked || len(cr.Notes) != 1 || !strings.Contains(cr.Notes[0], "CL-PAR-002 asked only of a charter that claims to be multistakeholder or open") {
		t.Errorf("remote participation on the OECD: %s %q", cr.Status, cr.Notes)
	}
	if cr := res.Criteria[1]; cr.Status != profile.PartlyMet {
		t.Errorf("periodic review on the OECD: %s, want partly met (CL-ACC-007, an info, applies to every charter)", cr.Status)
	}
	// The same criterion on a charter that claims openness is judged.
	icann := analyze(t, filepath.Join("..", "..", "fixtures", "icann.charter.json"))
	if cr := profile.Evaluate(p, icann, packRule(t)).Criteria[0]; cr.Status == profile.NotChecked {
		t.Errorf("remote participation on ICANN not checked: %q", cr.Notes)
	}
}
