package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/charterlint/charterlint/internal/analysis"
	"github.com/charterlint/charterlint/internal/charter"
	"github.com/charterlint/charterlint/internal/classify"
	"github.com/charterlint/charterlint/internal/decode"
	"github.com/charterlint/charterlint/internal/facts"
	"github.com/charterlint/charterlint/internal/finding"
	"github.com/charterlint/charterlint/internal/policy"
	"github.com/charterlint/charterlint/policies"
)

const fixturesDir = "../../fixtures"

func newLinter(t *testing.T) *analysis.Analyzer {
	t.Helper()
	l, err := analysis.New(context.Background(), analysis.Options{Limits: decode.DefaultLimits(), Rules: &policy.Options{Pack: policies.FS()}})
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func fixtureFiles(t *testing.T) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(fixturesDir, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".charter.json") {
			files = append(files, p)
		}
		return err
	})
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	return files
}

// expectKey is how a finding is written in a fixture's .expect file: the
// rule and the element's path; for the invalid fixtures, whose point is
// where the error is, also its line, column and message.
func expectKey(f finding.Finding, invalid bool) string {
	key := f.Rule + " " + finding.DisplayPointer(f.Pointer)
	if invalid {
		key += fmt.Sprintf(" %d:%d %s", f.Line, f.Column, f.Message)
	}
	return key
}

func readExpect(path string) ([]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var keys []string
	for _, line := range strings.Split(string(data), "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			keys = append(keys, line)
		}
	}
	return keys, nil
}

// TestFixtureExpectations lints every fixture and compares the exact
// multiset of findings with the fixture's .expect file, so a rule that
// misfires anywhere, or stops firing, fails the suite. Run with -update to
// rewrite the files, then review the diff.
func TestFixtureExpectations(t *testing.T) {
	l := newLinter(t)
	for _, file := range fixtureFiles(t) {
		invalid := filepath.Base(filepath.Dir(file)) == "invalid"
		expectPath := strings.TrimSuffix(file, ".charter.json") + ".expect"
		t.Run(strings.TrimPrefix(file, fixturesDir+"/"), func(t *testing.T) {
			r := l.File(context.Background(), file)
			if r.Err != nil {
				t.Fatal(r.Err)
			}
			var got []string
			for _, f := range r.Findings {
				got = append(got, expectKey(f, invalid))
			}
			slices.Sort(got)
			if *update {
				header := "# Findings charterlint must report for " + filepath.Base(file) + ", one per line:\n# RULE PATH"
				if invalid {
					header += " LINE:COL MESSAGE"
				}
				if err := os.WriteFile(expectPath, []byte(header+"\n"+strings.Join(got, "\n")+"\n"), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := readExpect(expectPath)
			if err != nil {
				t.Fatalf("read expectations: %v", err)
			}
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Errorf("findings differ from %s\ngot:\n  %s\nwant:\n  %s", expectPath, strings.Join(got, "\n  "), strings.Join(want, "\n  "))
			}
			if invalid && len(got) == 0 {
				t.Error("an invalid fixture produced no finding")
			}
		})
	}
}

// wellGoverned are the fixtures modelled on arrangements without capture:
// hard cases (members without a vote, strong but non-binding advice, sponsorship gates) among them. None may get an error from a rule.
var wellGoverned = []string{"icann", "ietf", "igf-mag", "w3c", "ripe-ncc", "lakeside-ix"}

func TestWellGovernedFixturesHaveNoErrors(t *testing.T) {
	l := newLinter(t)
	for _, name := range wellGoverned {
		r := l.File(context.Background(), filepath.Join(fixturesDir, name+".charter.json"))
		if r.Err != nil {
			t.Fatal(r.Err)
		}
		for _, f := range r.Findings {
			if f.Severity == finding.Error {
				t.Errorf("%s: well-governed fixture flagged with an error: %s", name, f)
			}
		}
	}
}

// TestFixtureClassification checks the variety of every valid fixture
// against what fixtures/README.md says a correct analysis concludes.
func TestFixtureClassification(t *testing.T) {
	tests := []struct {
		name      string
		effective string
		relation  string
		power     []string
	}{
		{"icann", "multistakeholder", "polyarchic", []string{"private-sector", "civil-society", "technical-community", "academia"}},
		{"ietf", "multistakeholder", "polyarchic", []string{"private-sector", "civil-society", "technical-community", "academia"}},
		{"itu", "intergovernmental", "single-class", []string{"government"}},
		{"igf-mag", "none", "none", []string{}},
		{"gulf-council", "intergovernmental", "single-class", []string{"government"}},
		{"peering-alliance", "private", "single-class", []string{"private-sector"}},
		{"lakeside-ix", "multistakeholder", "polyarchic", nil},
		{"ripe-ncc", "multistakeholder", "polyarchic", nil},
		{"w3c", "multistakeholder", "hierarchical", nil},
		{"gnso-council", "multistakeholder", "polyarchic", []string{"private-sector", "civil-society", "technical-community", "academia"}},
		{"oecd", "intergovernmental", "single-class", []string{"government"}},
		{"oversight-board", "multistakeholder", "hierarchical", nil},
		{"whatwg", "private", "single-class", []string{"private-sector"}},
		{"etsi", "multistakeholder", "polyarchic", []string{"government", "private-sector", "civil-society", "academia"}},
	}
	l := newLinter(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(fixturesDir, tt.name+".charter.json")
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			a := l.Check(context.Background(), path, data)
			if a.Err != nil || !a.Checked() {
				t.Fatalf("fixture does not pass the structural checks: %v", a.Err)
			}
			c := a.Classification
			if c.Variety.EffectiveModality != tt.effective || c.Variety.Relation != tt.relation {
				t.Errorf("effective %s, relation %s; want %s, %s", c.Variety.EffectiveModality, c.Variety.Relation, tt.effective, tt.relation)
			}
			if tt.power != nil && !reflect.DeepEqual(c.Variety.PowerClasses, tt.power) {
				t.Errorf("power classes %v, want %v", c.Variety.PowerClasses, tt.power)
			}
		})
	}
}

// TestITUClaimIsEffectivelyIntergovernmental is the acceptance
// case: a charter that claims multistakeholder but gives only governments
// a vote is told it is effectively intergovernmental.
func TestITUClaimIsEffectivelyIntergovernmental(t *testing.T) {
	var stdout, stderr strings.Builder
	code := run([]string{"classify", filepath.Join(fixturesDir, "itu.charter.json")}, nil, &stdout, &stderr)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), "claims multistakeholder; effectively intergovernmental") {
		t.Errorf("classify output lacks the verdict:\n%s", stdout.String())
	}
}

// TestFixturePower checks the voting power the classification gives the
// fixtures that use houses, per-matter rules, named organisations and
// dependence: what fixtures/README.md says of them.
func TestFixturePower(t *testing.T) {
	l := newLinter(t)
	body := func(name, id string) classify.Body {
		t.Helper()
		path := filepath.Join(fixturesDir, name+".charter.json")
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		a := l.Check(context.Background(), path, data)
		if a.Err != nil || !a.Checked() {
			t.Fatalf("%s does not pass the structural checks: %v", name, a.Err)
		}
		for _, b := range a.Classification.Bodies {
			if b.ID == id {
				return b
			}
		}
		t.Fatalf("%s has no body %q", name, id)
		return classify.Body{}
	}
	// Houses: a majority is needed in each, so no class carries alone,
	// though the contracted parties' class blocks.
	if p := body("gnso-council", "gnso-council").Power; p == nil || len(p.Carriers) != 0 || !slices.Contains(p.Blockers, "private-sector") || p.Rule != "majority in each house" {
		t.Errorf("gnso-council power %+v", p)
	}
	// Accession needs every member: the states, as a bloc, block it.
	oecd := body("oecd", "oecd-council").Power
	if i := slices.IndexFunc(oecd.Matters, func(m facts.MatterPower) bool { return m.Matter == "admission" }); i < 0 || oecd.Matters[i].Rule != "unanimity" {
		t.Errorf("oecd admission %+v", oecd.Matters)
	}
	// Four named browser vendors, one vote each: each holds a quarter of
	// the power, and their class all of it.
	whatwg := body("whatwg", "steering-group").Power
	if len(whatwg.Organisations) != 4 || whatwg.Organisations[0].Banzhaf != 0.25 || !slices.Equal(whatwg.Carriers, []string{"private-sector"}) {
		t.Errorf("whatwg power %+v", whatwg)
	}
	// The overseer is paid by, and was first chosen by, the firm it oversees.
	ob := body("oversight-board", "oversight-board")
	if !slices.Contains(ob.FundedBy, "meta") || !slices.Contains(ob.FirstAppointedBy, "meta") || !slices.Contains(ob.Oversees, "meta-content-governance") {
		t.Errorf("oversight-board dependence %v %v %v", ob.Oversees, ob.FundedBy, ob.FirstAppointedBy)
	}
	// Its members serve in a personal capacity: no class carries or
	// blocks alone, though civil society holds 11 of 21 seats.
	if len(ob.Power.Carriers) != 0 || len(ob.Power.Blockers) != 0 {
		t.Errorf("oversight-board power %+v", ob.Power)
	}
	// Weighted votes: industry fills under 71 % of the seats of ETSI's
	// General Assembly but casts over 71 % of its weighted votes, so it
	// carries a decision alone; with one vote per member it could only
	// block. No other class can block.
	ga := body("etsi", "general-assembly")
	etsi := charterOf(t, l, "etsi")
	classOf := map[string]string{}
	for _, a := range etsi.Actors {
		classOf[a.ID] = a.Class
	}
	privateSeats := 0
	for _, b := range etsi.Bodies {
		if b.ID != "general-assembly" {
			continue
		}
		for _, s := range b.Seats {
			if s.Vote == "full" && classOf[s.Actor] == "private-sector" {
				privateSeats += s.Seats()
			}
		}
	}
	threshold := 0.71
	if ga.Power == nil || ga.Power.Rule != "supermajority of 71 %" ||
		!slices.Equal(ga.Power.Carriers, []string{"private-sector"}) || !slices.Equal(ga.Power.Blockers, []string{"private-sector"}) ||
		ga.Votes["private-sector"] < facts.Quota(ga.TotalVotes, "supermajority", &threshold) ||
		privateSeats != 525 || ga.VotingSeats != 800 || privateSeats >= facts.Quota(ga.VotingSeats, "supermajority", &threshold) {
		t.Errorf("etsi general-assembly: %d of %d seats, %d of %d votes, power %+v", privateSeats, ga.VotingSeats, ga.Votes["private-sector"], ga.TotalVotes, ga.Power)
	}
}

// charterOf returns a fixture's decoded charter.
func charterOf(t *testing.T, l *analysis.Analyzer, name string) *charter.Charter {
	t.Helper()
	path := filepath.Join(fixturesDir, name+".charter.json")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	a := l.Check(context.Background(), path, data)
	if a.Err != nil || a.Charter == nil {
		t.Fatalf("%s does not decode: %v", name, a.Err)
	}
	return a.Charter
}

// A ministry that appoints, and can recall, every business and
// civil-society member of a council that calls itself multistakeholder:
// an error, whatever the seats are called (issue 20).
func TestGovernmentDrivenCouncil(t *testing.T) {
	charter := `{"format": "charterlint/v1", "id": "cctld-council", "name": "ccTLD Policy Council", "modality": "multistakeholder",
  "objectives": ["stability", "openness"], "principles": ["open"],
  "actors": [
    {"id": "ministry", "name": "Ministry of Communications", "class": "government", "kind": "organisation"},
    {"id": "operators", "name": "Operators", "class": "private-sector"},
    {"id": "users", "name": "User groups", "class": "civil-society"}],
  "bodies": [{"id": "council", "name": "Council", "role": "decision", "seats": [
    {"id": "industry", "actor": "operators", "count": 3, "vote": "full", "selection": {"method": "appointment", "by": ["ministry"]}},
    {"id": "community", "actor": "users", "count": 3, "vote": "full", "selection": {"method": "appointment", "by": ["ministry"]}}],
    "decision": {"method": "majority", "quorum": 0.5}}],
  "functions": [{"id": "cctld-policy", "name": "ccTLD policy", "category": "critical-internet-resources", "modality": "multistakeholder", "decidedBy": "council"}],
  "accountability": {"recall": {"by": ["ministry"], "of": ["council"]}}}`
	a := newLinter(t).Text(context.Background(), "council.charter.json", []byte(charter))
	var got []string
	for _, f := range a.Findings {
		if f.Rule == "CL-CAP-009" {
			got = append(got, f.Severity.String()+" "+f.Message)
		}
	}
	want := `error body "council" claims multistakeholder, but governmental actors (government) choose the holders of 6 of its 6 votes, every vote that is not their own, and can recall them: a formal multistakeholder body driven by government`
	if len(got) != 1 || got[0] != want {
		t.Fatalf("CL-CAP-009 findings %q, want [%q]; all: %v", got, want, a.Findings)
	}
	if a.Facts.Bodies["council"].Relation != "hierarchical" || a.Facts.Bodies["council"].Authority != "government" {
		t.Errorf("relation %q authority %q, want hierarchical under government", a.Facts.Bodies["council"].Relation, a.Facts.Bodies["council"].Authority)
	}
}
