package policy

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/charterlint/charterlint/internal/charter"
	"github.com/charterlint/charterlint/internal/corpus"
	"github.com/charterlint/charterlint/internal/decode"
	"github.com/charterlint/charterlint/internal/finding"
	"github.com/charterlint/charterlint/policies"
)

// TestShardsAgree checks that compiling the pack in parts changes nothing
// a user sees: the same rules, and the same findings on every fixture and
// on generated charters of every shape.
func TestShardsAgree(t *testing.T) {
	ctx := context.Background()
	var engines []*Engine
	for _, n := range []int{1, 2, 3, 64} {
		e, err := New(ctx, Options{Pack: policies.FS(), Shards: n})
		if err != nil {
			t.Fatalf("shards %d: %v", n, err)
		}
		engines = append(engines, e)
	}
	if got := len(engines[1].shards); got != 2 {
		t.Fatalf("Shards: 2 compiled %d parts", got)
	}
	if got, want := len(engines[3].shards), len(engines[0].rules); got != want {
		t.Fatalf("Shards: 64 compiled %d parts, want one per rule (%d)", got, want)
	}
	docs, fixtures := comparisonDocs(t, 7, 24)
	for i, d := range docs {
		var want []finding.Finding
		for k, e := range engines {
			if !reflect.DeepEqual(e.Rules(), engines[0].Rules()) {
				t.Fatalf("shards %d: rules differ", len(e.shards))
			}
			got, err := e.Evaluate(ctx, d.doc, d.charter)
			if err != nil {
				t.Fatal(err)
			}
			finding.Sort(got)
			if k == 0 {
				want = got
				if len(want) == 0 && i >= fixtures {
					t.Errorf("generated charter %d draws no finding; the comparison shows nothing", i)
				}
				continue
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("document %d: %d parts found\n%v\nwant (one part)\n%v", i, len(e.shards), got, want)
			}
		}
	}
}

// comparison is a decoded charter and its model.
type comparison struct {
	doc     any
	charter *charter.Charter
}

// comparisonDocs decodes every shipped fixture and then n generated
// typical charters of the seed: the documents on which two ways of
// evaluating the rules must agree. It also returns how many fixtures
// there are.
func comparisonDocs(t *testing.T, seed int64, n int) ([]comparison, int) {
	t.Helper()
	files, _ := filepath.Glob("../../fixtures/*.charter.json")
	if len(files) == 0 {
		t.Fatal("no fixtures")
	}
	var srcs [][]byte
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, data)
	}
	for i := range n {
		srcs = append(srcs, corpus.Generate(seed, i, corpus.Typical()))
	}
	docs := make([]comparison, len(srcs))
	for i, src := range srcs {
		d, err := decode.Decode(src, decode.DefaultLimits())
		if err != nil {
			t.Fatal(err)
		}
		c, err := charter.FromValue(d.Value)
		if err != nil {
			t.Fatal(err)
		}
		docs[i] = comparison{d.Value, c}
	}
	return docs, len(files)
}

// TestSplitFiles checks that every rule file lands in exactly one part, in
// turn, and that the shared helpers of lib/ go into every part.
func TestSplitFiles(t *testing.T) {
	files := []string{"a/r0.rego", "a/r1.rego", "b/r2.rego", "b/r3.rego", "c/r4.rego", "lib/charter.rego"}
	want := [][]string{{"a/r0.rego", "b/r2.rego", "c/r4.rego", "lib/charter.rego"}, {"a/r1.rego", "b/r3.rego", "lib/charter.rego"}}
	if got := splitFiles(files, 2); !reflect.DeepEqual(got, want) {
		t.Errorf("splitFiles = %v, want %v", got, want)
	}
	if got := splitFiles(files, 9); len(got) != 5 {
		t.Errorf("9 parts of 5 rules: got %d parts, want 5", len(got))
	}
	if got := splitFiles([]string{"lib/charter.rego"}, 2); !reflect.DeepEqual(got, [][]string{{"lib/charter.rego"}}) {
		t.Errorf("no rules: got %v", got)
	}
}

// A helper outside lib/ would be compiled into one part only, and a rule of
// another part that calls it would not compile: the split refuses it.
func TestHelperOutsideLibIsRefused(t *testing.T) {
	_, err := New(context.Background(), Options{Pack: pack(map[string]string{
		"a/r.rego":      metadata + "package a.r\n\ndeny contains {\"pointer\": \"\", \"message\": \"m\"} if input.x\n",
		"b/helper.rego": "package b.helper\n\nx := 1\n",
	}), Shards: 2})
	if err == nil || !strings.Contains(err.Error(), "builtin:b/helper.rego: the built-in pack keeps shared helpers in lib/") {
		t.Fatalf("err = %v", err)
	}
}

// TestUserRulesCompileInOnePart checks that user policies turn the split
// off: a user rule may read a built-in rule's findings, which a split
// could put in another part, where the reference would silently be
// undefined.
func TestUserRulesCompileInOnePart(t *testing.T) {
	dir := t.TempDir()
	src := strings.Replace(metadata, "T-001", "U-ECHO", 1) + `package house.echo

deny contains {"pointer": f.pointer, "message": "echo"} if {
	some f in data.charterlint.rules.objectives.no_objectives.deny
}
`
	if err := os.WriteFile(filepath.Join(dir, "echo.rego"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	e, err := New(context.Background(), Options{Pack: policies.FS(), PolicyDirs: []string{dir}, Shards: 4})
	if err != nil {
		t.Fatal(err)
	}
	if len(e.shards) != 1 {
		t.Errorf("with user rules the pack compiled in %d parts, want 1", len(e.shards))
	}
	doc, err := decode.Decode(corpus.Generate(3, 0, corpus.Typical()), decode.DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	m := doc.Value.(map[string]any)
	delete(m, "objectives") // CL-OBJ-001 fires, and the user rule echoes it
	c, err := charter.FromValue(m)
	if err != nil {
		t.Fatal(err)
	}
	got, err := e.Evaluate(context.Background(), m, c)
	if err != nil {
		t.Fatal(err)
	}
	var base, echo int
	for _, f := range got {
		switch f.Rule {
		case "CL-OBJ-001":
			base++
		case "U-ECHO":
			echo++
		}
	}
	if base != 1 || echo != 1 {
		t.Errorf("CL-OBJ-001 fired %d times and its echo %d, want once each", base, echo)
	}
}
