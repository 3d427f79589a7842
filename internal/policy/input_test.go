package policy

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/charterlint/charterlint/internal/charter"
	"github.com/charterlint/charterlint/internal/corpus"
	"github.com/charterlint/charterlint/internal/decode"
	"github.com/charterlint/charterlint/internal/facts"
	"github.com/charterlint/charterlint/internal/schema"
	"github.com/charterlint/charterlint/policies"
	"github.com/open-policy-agent/opa/v1/ast"
)

// TestFactsValueMatchesJSON checks that the hand-built input equals what
// OPA makes of the JSON encoding of the same charter and facts, for every
// shipped fixture: the rules must see the struct tags' names and values.
func TestFactsValueMatchesJSON(t *testing.T) {
	files, err := filepath.Glob("../../fixtures/*.charter.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	e, err := New(context.Background(), Options{Pack: policies.FS()})
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := decode.Decode(data, decode.DefaultLimits())
		if err != nil {
			t.Fatal(err)
		}
		c, err := charter.Parse(data)
		if err != nil {
			t.Fatal(err)
		}
		f := facts.Derive(c, nil)
		got, err := e.vocab.inputValue(doc.Value, f)
		if err != nil {
			t.Fatal(err)
		}
		want, err := ast.InterfaceToValue(map[string]any{"charter": doc.Value, "facts": f})
		if err != nil {
			t.Fatal(err)
		}
		if got.Compare(want) != 0 {
			t.Errorf("%s: hand-built input differs from the JSON encoding:\ngot  %v\nwant %v", file, got, want)
		}
	}
}

// BenchmarkFactsValue is the cost of handing a typical charter's facts to
// the rules as OPA values.
func BenchmarkFactsValue(b *testing.B) {
	e, err := New(context.Background(), Options{Pack: policies.FS()})
	if err != nil {
		b.Fatal(err)
	}
	samples := typicalSample(b, e, 16)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		_ = e.vocab.factsValue(samples[i%len(samples)].facts)
		i++
	}
}

// sample is a decoded generated charter and its facts.
type sample struct {
	doc   any
	facts *facts.Facts
}

// typicalSample decodes the first n typical charters of corpus seed 1, the
// sample bench/ uses, and derives their facts with e.
func typicalSample(tb testing.TB, e *Engine, n int) []sample {
	tb.Helper()
	out := make([]sample, 0, n)
	for i := range n {
		d, err := decode.Decode(corpus.Generate(1, i, corpus.Typical()), decode.DefaultLimits())
		if err != nil {
			tb.Fatal(err)
		}
		c, err := charter.FromValue(d.Value)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, sample{d.Value, facts.Derive(c, nil)})
	}
	return out
}

// TestVocabulary checks that the facts' keys (nested ones included) and the
// schema's enum values are prebuilt, so that building the facts shares
// their terms instead of allocating one per use.
func TestVocabulary(t *testing.T) {
	v := newVocabulary(append(schema.Words(), "ill-suited")...)
	b := &builder{v: v}
	for _, w := range []string{"claimsMultistakeholder", "decisiveClass", "maxConsecutive", "judgedBy", "governedModalities", "civil-society", "rough-consensus", "ill-suited"} {
		// Two lookups must hand out the same term, not equal copies.
		if first, second := b.word(w), b.word(w); v.words[w] == nil || first != second {
			t.Errorf("%q is not in the vocabulary", w)
		}
	}
	if x, y := b.word("board-of-trustees"), b.word("board-of-trustees"); x == y || x.Value.Compare(y.Value) != 0 {
		t.Errorf("a word outside the vocabulary should get a new, equal term each time")
	}
}
