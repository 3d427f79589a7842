package policy

import (
	"context"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/charterlint/charterlint/policies"
)

// BenchmarkRule is the cost of each built-in rule on its own, over the
// typical generated charters: a pack of that rule and the shared helpers
// evaluated per charter, over inputs built beforehand. The sub-benchmark
// "input" is what building the rules' input from the facts costs, which
// the rule figures leave out. Allocation counts do not drift with the
// machine, which makes them the surest guide to which rule to tune:
//
//	go test ./internal/policy -run '^$' -bench 'Rule$' -benchmem
func BenchmarkRule(b *testing.B) {
	ctx := context.Background()
	full, rules := packFiles(b)
	base, err := New(ctx, Options{Pack: full})
	if err != nil {
		b.Fatal(err)
	}
	samples := typicalSample(b, base, 64)
	inputs := make([]ast.Value, len(samples))
	for i, s := range samples {
		if inputs[i], err = base.vocab.inputValue(s.doc, s.facts); err != nil {
			b.Fatal(err)
		}
	}
	b.Run("input", func(b *testing.B) {
		i := 0
		for b.Loop() {
			s := samples[i%len(samples)]
			if _, err := base.vocab.inputValue(s.doc, s.facts); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
	for _, rule := range rules {
		one := fstest.MapFS{}
		for name, file := range full {
			if name == rule || !strings.HasSuffix(name, ".rego") || strings.HasPrefix(name, "lib/") && !strings.HasSuffix(name, "_test.rego") {
				one[name] = file
			}
		}
		e, err := New(ctx, Options{Pack: one})
		if err != nil {
			b.Fatal(err)
		}
		name := strings.TrimSuffix(rule, ".rego")
		if r := e.Rules(); len(r) == 1 {
			name = r[0].ID + "/" + name
		}
		b.Run(name, func(b *testing.B) { evalEach(b, e, inputs) })
	}
}

// BenchmarkRuleMarginal is what each built-in rule adds to the whole pack:
// "all" evaluates the pack, and each "without/" sub-benchmark the pack
// less one rule, so the difference is that rule's own cost with the
// shared helpers already evaluated for the others. Compare allocations,
// which do not drift with the machine:
//
//	go test ./internal/policy -run '^$' -bench RuleMarginal -benchmem
func BenchmarkRuleMarginal(b *testing.B) {
	ctx := context.Background()
	full, rules := packFiles(b)
	pack := func(leave string) *Engine {
		files := fstest.MapFS{}
		for name, file := range full {
			if name != leave && !strings.HasSuffix(name, "_test.rego") {
				files[name] = file
			}
		}
		e, err := New(ctx, Options{Pack: files})
		if err != nil {
			b.Fatal(err)
		}
		return e
	}
	all := pack("")
	samples := typicalSample(b, all, 64)
	inputs := make([]ast.Value, len(samples))
	for i, s := range samples {
		var err error
		if inputs[i], err = all.vocab.inputValue(s.doc, s.facts); err != nil {
			b.Fatal(err)
		}
	}
	b.Run("all", func(b *testing.B) { evalEach(b, all, inputs) })
	for _, rule := range rules {
		without := pack(rule)
		b.Run("without/"+strings.TrimSuffix(rule, ".rego"), func(b *testing.B) { evalEach(b, without, inputs) })
	}
}

// evalEach evaluates e's rules over the inputs in turn, one a loop.
func evalEach(b *testing.B, e *Engine, inputs []ast.Value) {
	i := 0
	for b.Loop() {
		if _, err := e.eval(context.Background(), "bench.charter.json", inputs[i%len(inputs)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// packFiles reads the built-in pack into memory and lists its rule files
// (neither tests nor lib/).
func packFiles(b *testing.B) (fstest.MapFS, []string) {
	full := fstest.MapFS{}
	var rules []string
	err := fs.WalkDir(policies.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(policies.FS(), p)
		if err != nil {
			return err
		}
		full[p] = &fstest.MapFile{Data: data}
		if strings.HasSuffix(p, ".rego") && !strings.HasSuffix(p, "_test.rego") && !strings.HasPrefix(p, "lib/") {
			rules = append(rules, p)
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return full, rules
}
