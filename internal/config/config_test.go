package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charterlint/charterlint/internal/finding"
	"github.com/charterlint/charterlint/internal/policy"
)

// Find walks up from a directory to the nearest configuration file, and
// reports none when there is none up to the root.
func TestFind(t *testing.T) {
	root := t.TempDir()
	deep := filepath.Join(root, "a", "b", "c")
	if err := os.MkdirAll(deep, 0o755); err != nil {
		t.Fatal(err)
	}
	if got, err := Find(deep); err != nil || got != "" && filepath.Dir(got) == deep {
		t.Fatalf("no file yet: got %q, %v", got, err)
	}
	want := filepath.Join(root, "a", FileName)
	if err := os.WriteFile(want, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if got, err := Find(deep); err != nil || got != want {
		t.Errorf("Find = %q, %v; want %q", got, err, want)
	}
}

var catalogue = []policy.Rule{
	{ID: "CL-ACC-003", Group: "accountability"},
	{ID: "CL-ACC-005", Group: "accountability"},
	{ID: "CL-CAP-002", Group: "capture"},
}

func parse(t *testing.T, dir, src string) *Config {
	t.Helper()
	c, err := Parse(filepath.Join(dir, FileName), []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// Within one block groups apply before ids and disables before enables;
// overrides apply after the top level to the charters they match; the
// command line applies last.
func TestSelectionOrder(t *testing.T) {
	dir := t.TempDir()
	c := parse(t, dir, `
rules:
  enable: [CL-ACC-003]
  disable: [accountability]
  severity: {capture: info, CL-CAP-002: warning}
overrides:
  - files: ["legacy/**"]
    rules: {disable: [CL-ACC-003], severity: {CL-CAP-002: error}}
`)
	sel, err := Select(c, Flags{}, catalogue, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	fs := []finding.Finding{
		{Rule: "CL-ACC-003", Severity: finding.Warning},
		{Rule: "CL-ACC-005", Severity: finding.Info},
		{Rule: "CL-CAP-002", Severity: finding.Error},
		{Rule: "schema", Severity: finding.Error},
	}
	check := func(sel *Selection, path, want string) {
		t.Helper()
		kept, _ := sel.Apply(filepath.Join(dir, path), fs)
		got := ""
		for _, f := range kept {
			got += f.Rule + "=" + f.Severity.String() + " "
		}
		if got != want {
			t.Errorf("%s: kept %s, want %s", path, got, want)
		}
	}
	check(sel, "a.charter.json", "CL-ACC-003=warning CL-CAP-002=warning schema=error ")
	check(sel, "legacy/old.charter.json", "CL-CAP-002=error schema=error ")
	check(sel, "../outside.charter.json", "CL-ACC-003=warning CL-CAP-002=warning schema=error ")

	sel, err = Select(c, Flags{Enable: []string{"accountability"}, Severity: map[string]finding.Severity{"CL-CAP-002": finding.Info}}, catalogue, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	check(sel, "legacy/old.charter.json", "CL-ACC-003=warning CL-ACC-005=info CL-CAP-002=info schema=error ")
}

// A suppression applies through its last day, matches by element or by
// pointer (its own or one above), and reports itself when unused.
func TestSuppressions(t *testing.T) {
	dir := t.TempDir()
	c := parse(t, dir, `
suppressions:
  - {rule: CL-CAP-002, file: "*.charter.json", element: board, reason: accepted, expires: 2026-12-03}
  - {rule: CL-ACC-003, file: a.charter.json, pointer: /bodies/0, reason: accepted}
  - {rule: CL-ACC-005, file: a.charter.json, pointer: /bodies/1, reason: unused}
`)
	fs := []finding.Finding{
		{Rule: "CL-CAP-002", Element: "board", Pointer: "/bodies/0"},
		{Rule: "CL-CAP-002", Element: "council", Pointer: "/bodies/1"},
		{Rule: "CL-ACC-003", Pointer: "/bodies/0/seats/2"},
		{Rule: "CL-ACC-003", Pointer: "/bodies/01"},
	}
	for day, wantKept := range map[string]int{"2026-12-03": 2, "2026-12-04": 3} {
		now, _ := time.Parse(time.DateOnly, day)
		sel, err := Select(c, Flags{}, catalogue, now.Add(23*time.Hour))
		if err != nil {
			t.Fatal(err)
		}
		sel.Touch(filepath.Join(dir, "a.charter.json"), true)
		kept, suppressed := sel.Apply(filepath.Join(dir, "a.charter.json"), fs)
		if len(kept) != wantKept || len(kept)+len(suppressed) != len(fs) {
			t.Errorf("on %s: %d kept, %d suppressed; want %d kept", day, len(kept), len(suppressed), wantKept)
		}
		left := sel.Leftovers(false)
		wantLeft := 1 // the unused one, named by its exact path
		if day == "2026-12-04" {
			wantLeft = 2 // and the expired one
		}
		if len(left) != wantLeft {
			t.Errorf("on %s: leftovers %v, want %d", day, left, wantLeft)
		}
		for _, f := range left {
			if f.File != c.File || f.Severity != finding.Warning || f.Line == 0 {
				t.Errorf("leftover %+v is not a warning located in the configuration file", f)
			}
		}
	}
}

// A suppression is judged only where its rule ran: not for a charter that
// failed its structural checks, not where its rule is disabled; in a run
// over the whole project, one whose glob matched no file is unused.
func TestSuppressionsJudgedOnlyWhereTheirRuleRan(t *testing.T) {
	dir := t.TempDir()
	c := parse(t, dir, `
rules:
  disable: [CL-ACC-005]
suppressions:
  - {rule: CL-ACC-005, file: a.charter.json, pointer: "", reason: off here}
  - {rule: CL-ACC-003, file: broken.charter.json, pointer: /x, reason: broken charter}
  - {rule: CL-ACC-003, file: gone.charter.json, pointer: /x, reason: renamed away}
`)
	sel, err := Select(c, Flags{}, catalogue, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	a, broken := filepath.Join(dir, "a.charter.json"), filepath.Join(dir, "broken.charter.json")
	sel.Touch(a, true)
	sel.Apply(a, []finding.Finding{{Rule: "CL-ACC-005", Pointer: "/y"}})
	sel.Touch(broken, false)
	if left := sel.Leftovers(false); len(left) != 0 {
		t.Errorf("partial run: %v", left)
	}
	left := sel.Leftovers(true)
	if len(left) != 1 || left[0].Pointer != "/suppressions/2" {
		t.Errorf("whole run: %v, want only the suppression of a file that is gone", left)
	}
}

// An empty pointer accepts the rule's findings anywhere in the charter;
// naming both an element and a pointer is an error.
func TestSuppressionTargets(t *testing.T) {
	dir := t.TempDir()
	c := parse(t, dir, "suppressions:\n  - {rule: CL-ACC-003, file: a.charter.json, pointer: \"\", reason: all}\n")
	sel, err := Select(c, Flags{}, catalogue, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	kept, sup := sel.Apply(filepath.Join(dir, "a.charter.json"), []finding.Finding{{Rule: "CL-ACC-003", Pointer: ""}, {Rule: "CL-ACC-003", Pointer: "/bodies/1"}})
	if len(kept) != 0 || len(sup) != 2 {
		t.Errorf("kept %v, suppressed %v", kept, sup)
	}
	_, err = Parse(filepath.Join(dir, FileName), []byte("suppressions:\n  - {rule: R, file: a, element: b, pointer: /c, reason: r}\n"))
	if err == nil || !strings.Contains(err.Error(), "names the element or the pointer, not both") {
		t.Errorf("err = %v", err)
	}
}

// A suppression expires at the end of its day in the local time zone.
func TestExpiryIsLocal(t *testing.T) {
	dir := t.TempDir()
	c := parse(t, dir, "suppressions:\n  - {rule: CL-ACC-003, file: a.charter.json, pointer: /x, reason: r, expires: 2026-12-03}\n")
	for _, zone := range []string{"Australia/Sydney", "America/Los_Angeles"} {
		loc, err := time.LoadLocation(zone)
		if err != nil {
			t.Skipf("no time zone data: %v", err)
		}
		for clock, want := range map[string]int{"2026-12-03 23:59": 1, "2026-12-04 00:00": 0} {
			now, _ := time.ParseInLocation("2006-01-02 15:04", clock, loc)
			sel, err := Select(c, Flags{}, catalogue, now)
			if err != nil {
				t.Fatal(err)
			}
			_, sup := sel.Apply(filepath.Join(dir, "a.charter.json"), []finding.Finding{{Rule: "CL-ACC-003", Pointer: "/x"}})
			if len(sup) != want {
				t.Errorf("%s %s: %d suppressed, want %d", zone, clock, len(sup), want)
			}
		}
	}
}

// A configuration is one YAML document; an empty one means the defaults.
func TestOneDocument(t *testing.T) {
	dir := t.TempDir()
	_, err := Parse(filepath.Join(dir, FileName), []byte("fail-on: error\n---\nbogus: 1\n"))
	if err == nil || !strings.Contains(err.Error(), ":2:1: a second YAML document") {
		t.Errorf("err = %v", err)
	}
	for _, empty := range []string{"", "---\n...\n", "# nothing\n"} {
		if _, err := Parse(filepath.Join(dir, FileName), []byte(empty)); err != nil {
			t.Errorf("%q: %v", empty, err)
		}
	}
}
