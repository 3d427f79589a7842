package policy

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/charterlint/charterlint/internal/charter"
	"github.com/charterlint/charterlint/internal/corpus"
	"github.com/charterlint/charterlint/internal/decode"
	"github.com/charterlint/charterlint/internal/finding"
	"github.com/charterlint/charterlint/policies"
	"github.com/open-policy-agent/opa/v1/ast"
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
	var docs [][]byte
	files, _ := filepath.Glob("../../fixtures/*.charter.json")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, data)
	}
	for i := range 24 {
		docs = append(docs, corpus.Generate(7, i, corpus.Typical()))
	}
	for i, data := range docs {
		doc, err := decode.Decode(data, decode.DefaultLimits())
		if err != nil {
			t.Fatal(err)
		}
		c, err := charter.FromValue(doc.Value)
		if err != nil {
			t.Fatal(err)
		}
		var want []finding.Finding
		for k, e := range engines {
			if !reflect.DeepEqual(e.Rules(), engines[0].Rules()) {
				t.Fatalf("shards %d: rules differ", len(e.shards))
			}
			got, err := e.Evaluate(ctx, doc.Value, c)
			if err != nil {
				t.Fatal(err)
			}
			finding.Sort(got)
			if k == 0 {
				want = got
				if len(want) == 0 && i >= len(files) {
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

// TestSplit checks that every rule module lands in exactly one part and
// every helper module in all of them.
func TestSplit(t *testing.T) {
	modules := map[string]*ast.Module{}
	for i := range 5 {
		modules[fmt.Sprintf("r%d.rego", i)] = ast.MustParseModule(fmt.Sprintf("package r%d\n\ndeny contains 1 if input.x\n", i))
	}
	modules["lib.rego"] = ast.MustParseModule("package lib\n\nx := 1\n")
	parts := split(modules, 2)
	want := [][]string{{"r0.rego", "r2.rego", "r4.rego", "lib.rego"}, {"r1.rego", "r3.rego", "lib.rego"}}
	if !reflect.DeepEqual(parts, want) {
		t.Errorf("split = %v, want %v", parts, want)
	}
	if got := split(modules, 9); len(got) != 5 {
		t.Errorf("9 parts of 5 rules: got %d parts, want 5", len(got))
	}
	if got := split(map[string]*ast.Module{"lib.rego": modules["lib.rego"]}, 2); !slices.Equal(got[0], []string{"lib.rego"}) {
		t.Errorf("no rules: got %v", got)
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
