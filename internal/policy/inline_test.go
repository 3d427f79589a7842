package policy

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/charterlint/charterlint/internal/finding"
	"github.com/charterlint/charterlint/policies"
	"github.com/open-policy-agent/opa/v1/ast"
)

// TestInlinedConfigChangesNothing checks that the built-in rules find the
// same with the configuration written into them as when they read it from
// the store: on every fixture and on generated charters, with the shipped
// configuration and with a --data file that moves a threshold, replaces a
// matrix cell and extends the compatible pairs.
func TestInlinedConfigChangesNothing(t *testing.T) {
	ctx := context.Background()
	over := filepath.Join(t.TempDir(), "over.json")
	if err := os.WriteFile(over, []byte(`{
		"params": {"majority_share": 0.3, "min_public_comment_days": 90},
		"matrix": {"critical-internet-resources": {"intergovernmental": {"fit": "suited", "rationale": "Overridden.", "source": "test"}}},
		"compatible": {"multilateral": ["intergovernmental"], "intergovernmental": ["multistakeholder"]}
	}`), 0o644); err != nil {
		t.Fatal(err)
	}
	docs, _ := comparisonDocs(t, 11, 32)
	for _, data := range [][]string{nil, {over}} {
		inlined, err := New(ctx, Options{Pack: policies.FS(), DataFiles: data})
		if err != nil {
			t.Fatal(err)
		}
		read, err := New(ctx, Options{Pack: policies.FS(), DataFiles: data, readConfig: true})
		if err != nil {
			t.Fatal(err)
		}
		total := 0
		for i, d := range docs {
			got, err := inlined.Evaluate(ctx, d.doc, d.charter)
			if err != nil {
				t.Fatal(err)
			}
			want, err := read.Evaluate(ctx, d.doc, d.charter)
			if err != nil {
				t.Fatal(err)
			}
			finding.Sort(got)
			finding.Sort(want)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("data %v, document %d: inlined config found\n%v\nwant (read from the store)\n%v", data, i, got, want)
			}
			total += len(got)
		}
		if total == 0 {
			t.Errorf("data %v: no findings at all; the comparison shows nothing", data)
		}
	}
}

// TestConfigValue checks which references inlining rewrites, and into what.
func TestConfigValue(t *testing.T) {
	config := ast.MustParseTerm(`{"params": {"share": 0.5}, "matrix": {"cir": {"ms": {"fit": "suited"}}}, "list": ["a"]}`).Value.(ast.Object)
	big := make([]*ast.Term, maxInlined+1)
	for i := range big {
		big[i] = ast.IntNumberTerm(i)
	}
	config.Insert(ast.StringTerm("big"), ast.ArrayTerm(big...))
	for _, tc := range []struct{ ref, want string }{
		{"data.charterlint.config.params.share", "0.5"},
		{"data.charterlint.config.params", `{"share": 0.5}`},
		{"data.charterlint.config.matrix[c][m]", `{"cir": {"ms": {"fit": "suited"}}}[c][m]`},
		{"data.charterlint.config.matrix.cir[m].fit", `{"ms": {"fit": "suited"}}[m].fit`},
		{"data.charterlint.config.params.absent", ""}, // undefined as before, not a type error
		{"data.charterlint.config.params.share.deeper", ""},
		{"data.charterlint.config.list[0]", ""},
		{"data.charterlint.rules.x.deny", ""},
		{"input.charterlint.config.params", ""},
		{"data.charterlint.config.big", ""}, // the compiler would copy it over and over
		{"data.charterlint.config.big[i]", ""},
	} {
		got := configValue(ast.MustParseRef(tc.ref), config)
		if tc.want == "" {
			if got != nil {
				t.Errorf("%s: rewritten to %v, want left alone", tc.ref, got)
			}
			continue
		}
		want := ast.MustParseTerm(tc.want).Value
		if got == nil || got.Compare(want) != 0 {
			t.Errorf("%s: got %v, want %v", tc.ref, got, want)
		}
	}
}

// A user rule may evaluate a built-in rule under other settings with the
// with keyword; then the built-in rules must keep reading the store, or the
// override would be lost. A package of the user's under
// data.charterlint.config would join the document the same way.
func TestInlineConfigStepsAside(t *testing.T) {
	ctx := context.Background()
	builtin := pack(map[string]string{
		"test/r.rego": metadata + "package t.r\n\ndeny contains {\"pointer\": \"\", \"message\": \"over\"} if count(input.charter.items) > data.charterlint.config.params.limit\n",
	})
	user := `# METADATA
# title: Stricter
# description: The built-in rule under a lower limit.
# custom:
#   id: U-001
#   severity: warning
#   group: test
#   rationale: Tests need a rule.
#   citation: none
package u.stricter

deny contains f if {
	some f in data.t.r.deny with data.charterlint.config.params.limit as 0
}
`
	e, err := New(ctx, Options{Pack: builtin, PolicyDirs: []string{writePolicy(t, user)}})
	if err != nil {
		t.Fatal(err)
	}
	got, err := e.eval(ctx, ast.MustParseTerm(`{"charter": {"items": [1]}, "facts": {}}`).Value)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Rule != "U-001" {
		t.Errorf("findings %+v, want one, from U-001: the with override was lost", got)
	}

	for name, src := range map[string]string{
		"with":    "package u\n\nx := y if { y := data.t.r.deny with data.charterlint.config as {} }\n",
		"with up": "package u\n\nx := y if { y := data.t.r.deny with data.charterlint as {} }\n",
		"package": "package charterlint.config.extra\n\nlimit := 1\n",
	} {
		m := ast.MustParseModule(src)
		if inlinable(map[string]*ast.Module{"u.rego": m}) {
			t.Errorf("%s: inlining would go ahead", name)
		}
	}
	if !inlinable(map[string]*ast.Module{"u.rego": ast.MustParseModule("package u\n\nx := y if { y := data.t.r.deny with input as {} }\n")}) {
		t.Errorf("a with on input stops inlining")
	}
}
