package verify

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charterlint/charterlint/internal/policy"
	"github.com/charterlint/charterlint/policies"
)

// writeFiles writes Rego sources keyed by name into a new directory.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, src := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const metadata = `# METADATA
# title: Test rule
# description: A rule for tests.
# custom:
#   id: T-001
#   severity: warning
#   group: test
#   rationale: Tests need a rule.
#   citation: none
`

const bigBodies = metadata + `package team.big

import data.charterlint.lib

deny contains {"pointer": body.pointer, "message": "big"} if {
	some id in lib.deciding_bodies
	body := input.facts.bodies[id]
	body.votingSeats > 25
}
`

// The user's tests run beside the built-in pack, with its helpers and the
// rules' data, as the rules do at lint time.
func TestRunSeesPackAndData(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"big.rego": bigBodies,
		"big_test.rego": `package team.big_test

import data.team.big

test_fires if {
	count(big.deny) == 1 with input as {"facts": {"bodies": {"b": {"pointer": "/bodies/0", "votingSeats": 30, "decides": ["f"]}}}}
}

test_silent_for_body_deciding_nothing if {
	count(big.deny) == 0 with input as {"facts": {"bodies": {"b": {"pointer": "/bodies/0", "votingSeats": 30, "decides": []}}}}
}

test_reads_the_rules_data if {
	data.charterlint.config.params.majority_share == 0.5
}

test_wrong if {
	count(big.deny) == 2 with input as {"facts": {"bodies": {}}}
}
`,
	})
	rep, err := Run(context.Background(), Options{Options: policy.Options{Pack: policies.FS(), PolicyDirs: []string{dir}}, Coverage: true})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Summary != (Summary{Pass: 3, Fail: 1, Total: 4}) {
		t.Errorf("summary = %+v, want 3 passed and 1 failed of 4", rep.Summary)
	}
	if rep.Passed() {
		t.Error("Passed() with a failing test")
	}
	for _, tr := range rep.Tests {
		if tr.Package != "team.big_test" || tr.File != filepath.Join(dir, "big_test.rego") || tr.Row == 0 {
			t.Errorf("test %+v: want package team.big_test in big_test.rego with its line", tr)
		}
		if want := OutcomePass; tr.Name == "test_wrong" {
			if tr.Outcome != OutcomeFail {
				t.Errorf("test_wrong: %s, want %s", tr.Outcome, OutcomeFail)
			}
		} else if tr.Outcome != want {
			t.Errorf("%s: %s (%s), want %s", tr.Name, tr.Outcome, tr.Error, want)
		}
	}
	c := rep.Coverage
	if c == nil || len(c.Rules) != 1 {
		t.Fatalf("coverage = %+v, want the one user rule", c)
	}
	if r := c.Rules[0]; r.ID != "T-001" || !r.Tested || r.Percent != 100 || r.Lines == 0 {
		t.Errorf("coverage of the rule = %+v, want T-001 tested, 100%%", r)
	}
}

func TestRunTraceAndTimeout(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"big.rego": bigBodies,
		"big_test.rego": `package team.big_test

test_wrong if {
	x := 1
	x == 2
}

test_loops if {
	count([1 | some i in numbers.range(1, 100000); some j in numbers.range(1, 100000)]) > 0
}
`,
	})
	rep, err := Run(context.Background(), Options{
		Options: policy.Options{Pack: policies.FS(), PolicyDirs: []string{dir}},
		Timeout: 100 * time.Millisecond, Trace: true,
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Tests) != 2 {
		t.Fatalf("tests = %+v, want 2", rep.Tests)
	}
	wrong, loops := rep.Tests[0], rep.Tests[1]
	if want := filepath.Join(dir, "big_test.rego") + ":5: x == 2"; wrong.Outcome != OutcomeFail || wrong.FailedAt != want {
		t.Errorf("test_wrong: %s failed at %q, want fail at %q", wrong.Outcome, wrong.FailedAt, want)
	}
	if loops.Outcome != OutcomeError || !loops.TimedOut || !strings.Contains(loops.Error, "stopped after 100ms") {
		t.Errorf("test_loops: %+v, want an error saying the timeout stopped it", loops)
	}
}

// Test files load as the rules of --policy do: a refused builtin, a
// package under charterlint, a syntax error are each refused; and lint
// does not load them.
func TestRunLoadsTestFilesAsRules(t *testing.T) {
	for name, tt := range map[string]struct{ src, want string }{
		"refused":  {"package team.x_test\n\ntest_x if http.send({\"method\": \"get\", \"url\": \"http://127.0.0.1:1\"})\n", "x_test.rego:3:11: builtin http.send is not allowed in charterlint policies: it reaches the network"},
		"reserved": {"package charterlint.lib\n\ntest_x if true\n", "x_test.rego:1:1: package charterlint.lib is reserved"},
		"syntax":   {"package team.x_test\n\ntest_x if {\n\tcount(\n}\n", "x_test.rego:5:1: rego_parse_error: unexpected } token"},
	} {
		t.Run(name, func(t *testing.T) {
			dir := writeFiles(t, map[string]string{"big.rego": bigBodies, "x_test.rego": tt.src})
			_, err := Run(context.Background(), Options{Options: policy.Options{Pack: policies.FS(), PolicyDirs: []string{dir}}})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
			if _, err := policy.New(context.Background(), policy.Options{Pack: policies.FS(), PolicyDirs: []string{dir}}); err != nil {
				t.Errorf("lint loaded the test file: %v", err)
			}
		})
	}
}

func TestRunWithoutTests(t *testing.T) {
	dir := writeFiles(t, map[string]string{"big.rego": bigBodies})
	_, err := Run(context.Background(), Options{Options: policy.Options{Pack: policies.FS(), PolicyDirs: []string{dir}}})
	var nt *NoTestsError
	if !errors.As(err, &nt) {
		t.Errorf("err = %v, want a *NoTestsError", err)
	}
}
