package policy

import (
	"context"
	"errors"
	"github.com/charterlint/charterlint/internal/ruledata"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
)

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

// dataWith loads the built-in rule data with src merged over it.
func dataWith(t *testing.T, src string) *ruledata.Data {
	t.Helper()
	over := filepath.Join(t.TempDir(), "data.json")
	if err := os.WriteFile(over, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	d, err := ruledata.Load(over)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// pack builds a rule pack in memory from Rego sources keyed by path.
func pack(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, src := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(src)}
	}
	return fsys
}

func writePolicy(t *testing.T, src string) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "mine.rego"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestRulesReadFromMetadata(t *testing.T) {
	e, err := New(context.Background(), Options{Pack: pack(map[string]string{
		"test/r.rego":      metadata + "package t.r\n\ndeny contains {\"pointer\": \"\", \"message\": \"m\"} if input.x\n",
		"test/r_test.rego": "package t.r_test\n\ntest_x if true\n",
		"lib/l.rego":       "package t.lib\n\nhelper := 1\n",
	})})
	if err != nil {
		t.Fatal(err)
	}
	rules := e.Rules()
	if len(rules) != 1 {
		t.Fatalf("rules = %+v, want one (library and test packages are not rules)", rules)
	}
	r := rules[0]
	if r.ID != "T-001" || r.Title != "Test rule" || r.Severity.String() != "warning" || r.Group != "test" || r.Package != "data.t.r" || r.File != "builtin:test/r.rego" {
		t.Errorf("rule = %+v", r)
	}
}

func TestEvaluateProducesFindings(t *testing.T) {
	e, err := New(context.Background(), Options{Pack: pack(map[string]string{
		"test/r.rego": metadata + `package t.r

deny contains {"pointer": sprintf("/items/%d", [i]), "element": x, "message": sprintf("item %q is over the limit", [x])} if {
	some i, x in input.charter.items
	i >= data.charterlint.config.custom.limit
}
`,
	}), Data: dataWith(t, `{"custom": {"limit": 2}}`)})
	if err != nil {
		t.Fatal(err)
	}
	value, err := ast.InterfaceToValue(map[string]any{"charter": map[string]any{"items": []any{"a", "b", "c", "d"}}})
	if err != nil {
		t.Fatal(err)
	}
	fs, err := e.eval(context.Background(), "test.charter.json", value)
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 2 {
		t.Fatalf("findings = %+v, want 2", fs)
	}
	got := fs[0].Pointer + " " + fs[0].Element + " " + fs[0].Message + " " + fs[0].Rule
	if got != `/items/2 c item "c" is over the limit T-001` && fs[1].Pointer != "/items/2" {
		t.Errorf("findings = %+v", fs)
	}
}

func TestDataFileOverridesConfig(t *testing.T) {
	src := map[string]string{"test/r.rego": metadata + `package t.r

deny contains {"pointer": "", "message": "over"} if count(input.charter.items) > data.charterlint.config.params.min_public_comment_days
`}
	value, _ := ast.InterfaceToValue(map[string]any{"charter": map[string]any{"items": make([]any, 20)}})
	for _, tc := range []struct {
		data string
		want int
	}{{`{}`, 1}, {`{"params": {"min_public_comment_days": 30}}`, 0}} {
		e, err := New(context.Background(), Options{Pack: pack(src), Data: dataWith(t, tc.data)})
		if err != nil {
			t.Fatal(err)
		}
		fs, err := e.eval(context.Background(), "test.charter.json", value)
		if err != nil {
			t.Fatal(err)
		}
		if len(fs) != tc.want {
			t.Errorf("data %v: %d findings, want %d", tc.data, len(fs), tc.want)
		}
	}
}

func TestUserPolicyErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"http.send", metadata + "package u\n\ndeny contains {\"pointer\": \"\", \"message\": \"x\"} if {\n\thttp.send({\"method\": \"get\", \"url\": \"http://127.0.0.1\"})\n}\n",
			[]string{"mine.rego:13:2:", "builtin http.send is not allowed"}},
		{"net.lookup_ip_addr", metadata + "package u\n\ndeny contains {\"pointer\": \"\", \"message\": \"x\"} if {\n\tnet.lookup_ip_addr(\"example.org\")\n}\n",
			[]string{"mine.rego:13:2:", "builtin net.lookup_ip_addr is not allowed"}},
		{"opa.runtime", metadata + "package u\n\ndeny contains {\"pointer\": \"\", \"message\": \"x\"} if {\n\topa.runtime().env\n}\n",
			[]string{"mine.rego:13:2:", "builtin opa.runtime is not allowed"}},
		{"time.now_ns", metadata + "package u\n\ndeny contains {\"pointer\": \"\", \"message\": \"x\"} if {\n\ttime.now_ns() > 0\n}\n",
			[]string{"mine.rego:13:2:", "builtin time.now_ns is not allowed"}},
		{"no metadata", "package u\n\ndeny contains {\"pointer\": \"\", \"message\": \"x\"} if true\n",
			[]string{"mine.rego: package u defines deny but has no # METADATA block"}},
		{"incomplete metadata", "# METADATA\n# title: T\n# custom:\n#   id: U-1\npackage u\n\ndeny contains {\"pointer\": \"\", \"message\": \"x\"} if true\n",
			[]string{"mine.rego:1: METADATA of package u lacks description, custom.severity, custom.group, custom.rationale, custom.citation"}},
		{"bad severity", strings.Replace(metadata, "severity: warning", "severity: fatal", 1) + "package u\n\ndeny contains {\"pointer\": \"\", \"message\": \"x\"} if true\n",
			[]string{`unknown severity "fatal"`}},
		{"syntax", "package u\n\ndeny contains if {\n", []string{"mine.rego:3:"}},
		{"duplicate id", metadata + "package u\n\ndeny contains {\"pointer\": \"\", \"message\": \"x\"} if true\n",
			[]string{"rule id T-001 is already used by builtin:test/r.rego"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writePolicy(t, tt.src)
			_, err := New(context.Background(), Options{
				Pack:       pack(map[string]string{"test/r.rego": metadata + "package t.r\n\ndeny contains {\"pointer\": \"\", \"message\": \"m\"} if input.x\n"}),
				PolicyDirs: []string{dir},
			})
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q\ndoes not contain %q", err, w)
				}
			}
		})
	}
}

func TestRunawayPolicyIsStopped(t *testing.T) {
	dir := writePolicy(t, strings.Replace(metadata, "T-001", "U-LOOP", 1)+`package u

deny contains {"pointer": "", "message": "never"} if {
	n := count([1 | some i in numbers.range(1, 100000); some j in numbers.range(1, 100000)])
	n < 0
}
`)
	e, err := New(context.Background(), Options{PolicyDirs: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	_, err = e.eval(ctx, "test.charter.json", ast.NewObject())
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want the deadline", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("stopped after %s, want about 200ms", d)
	}
}

// Cancelling the caller's context (an interrupted run) stops a rule that
// runs long, well before the deadline, and says why.
func TestCancelledContextStopsRules(t *testing.T) {
	dir := writePolicy(t, strings.Replace(metadata, "T-001", "U-LOOP", 1)+`package u

deny contains {"pointer": "", "message": "never"} if {
	n := count([1 | some i in numbers.range(1, 100000); some j in numbers.range(1, 100000)])
	n < 0
}
`)
	e, err := New(context.Background(), Options{PolicyDirs: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(100*time.Millisecond, cancel)
	start := time.Now()
	_, err = e.eval(ctx, "test.charter.json", ast.NewObject())
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if d := time.Since(start); d > 30*time.Second {
		t.Errorf("stopped after %s, want about 100ms", d)
	}
}

func TestMissingPolicyDir(t *testing.T) {
	_, err := New(context.Background(), Options{PolicyDirs: []string{filepath.Join(t.TempDir(), "nope")}})
	if err == nil || !strings.Contains(err.Error(), "nope: no such file or directory") {
		t.Fatalf("err = %v", err)
	}
	_, err = New(context.Background(), Options{PolicyDirs: []string{t.TempDir()}})
	if err == nil || !strings.Contains(err.Error(), "no .rego files found") {
		t.Fatalf("err = %v", err)
	}
}

// A user rule whose deny holds something other than finding objects is an
// evaluation error naming the rule, not a silent pass.
func TestMalformedDenyIsAnError(t *testing.T) {
	e, err := New(context.Background(), Options{Pack: pack(map[string]string{
		"test/r.rego": metadata + "package t.r\n\ndeny contains \"just a string\" if true\n",
	})})
	if err != nil {
		t.Fatal(err)
	}
	_, err = e.eval(context.Background(), "test.charter.json", ast.NewObject())
	if err == nil || !strings.Contains(err.Error(), `rule T-001 (builtin:test/r.rego): deny must contain objects with string fields "pointer" and "message"`) {
		t.Fatalf("err = %v", err)
	}
}

// A rule that builds ever larger values is stopped when the heap passes
// the ceiling, with the ceiling named, long before the machine runs out.
func TestMemoryCeilingStopsRules(t *testing.T) {
	if raceEnabled {
		t.Skip("the race detector slows the rule that fills the heap by two orders of magnitude")
	}
	dir := writePolicy(t, strings.Replace(metadata, "T-001", "U-MEM", 1)+`package u

deny contains {"pointer": "", "message": "never"} if {
	xs := [x | some i in numbers.range(1, 100000000); x := sprintf("%d-%d-%d-%d", [i, i, i, i])]
	count(xs) < 0
}
`)
	e, err := New(context.Background(), Options{PolicyDirs: []string{dir}, MaxMemory: 64 << 20})
	if err != nil {
		t.Fatal(err)
	}
	_, err = e.eval(context.Background(), "test.charter.json", ast.NewObject())
	var me *MemoryError
	if !errors.As(err, &me) || me.Limit != 64<<20 || me.Heap <= me.Limit || me.Charter != "test.charter.json" {
		t.Fatalf("err = %v, want a MemoryError past 64 MiB", err)
	}
	if !strings.HasPrefix(err.Error(), "test.charter.json: rules used more memory than the ceiling of 64 MiB") {
		t.Errorf("message %q does not name the ceiling", err)
	}
}

// raceEnabled is set when the tests run under the race detector.
var raceEnabled bool

// A finding may carry "severity" to grade itself below its rule's
// metadata severity; one without keeps the rule's. Grading above the
// rule's severity is an evaluation error naming the rule.
func TestFindingSeverityGrade(t *testing.T) {
	e, err := New(context.Background(), Options{Pack: pack(map[string]string{
		"test/r.rego": metadata + `package t.r

deny contains {"pointer": "/graded", "message": "graded down", "severity": "info"} if true

deny contains {"pointer": "/ungraded", "message": "as the rule says"} if true
`,
	})})
	if err != nil {
		t.Fatal(err)
	}
	fs, err := e.eval(context.Background(), "test.charter.json", ast.NewObject())
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, f := range fs {
		got[f.Pointer] = f.Severity.String()
	}
	if len(fs) != 2 || got["/graded"] != "info" || got["/ungraded"] != "warning" {
		t.Errorf("findings = %+v, want /graded at info and /ungraded at the rule's warning", fs)
	}

	above, err := New(context.Background(), Options{Pack: pack(map[string]string{
		"test/r.rego": metadata + `package t.r

deny contains {"pointer": "", "message": "graded up", "severity": "error"} if true
`,
	})})
	if err != nil {
		t.Fatal(err)
	}
	_, err = above.eval(context.Background(), "test.charter.json", ast.NewObject())
	if err == nil || !strings.Contains(err.Error(), "rule T-001 (builtin:test/r.rego)") || !strings.Contains(err.Error(), "no higher than the rule's warning") {
		t.Fatalf("err = %v, want an error naming rule T-001 and its severity", err)
	}
}

func TestBlankComments(t *testing.T) {
	src := "# METADATA\n# title: x\npackage p\n\n\t# why\nallow if { # trailing stays\n\ttrue\n}\n"
	want := "\n\npackage p\n\n\nallow if { # trailing stays\n\ttrue\n}\n"
	if got := string(blankComments([]byte(src))); got != want {
		t.Errorf("blankComments:\n%q\nwant\n%q", got, want)
	}
	// A raw string may hold lines that start with "#": such a file is
	// left alone.
	raw := "package p\n\nmsg := `first\n# not a comment\n`\n"
	if got := string(blankComments([]byte(raw))); got != raw {
		t.Errorf("blankComments changed a file with a raw string:\n%q", got)
	}
}
