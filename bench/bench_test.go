// Package bench holds charterlint's benchmarks over generated charters.
// See README.md for the targets, the figures and how to rerun them.
package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"runtime"
	"runtime/debug"
	"testing"

	"github.com/charterlint/charterlint/internal/analysis"
	"github.com/charterlint/charterlint/internal/charter"
	"github.com/charterlint/charterlint/internal/corpus"
	"github.com/charterlint/charterlint/internal/decode"
	"github.com/charterlint/charterlint/internal/discover"
	"github.com/charterlint/charterlint/internal/facts"
	"github.com/charterlint/charterlint/internal/policy"
	"github.com/charterlint/charterlint/internal/ruledata"
	"github.com/charterlint/charterlint/internal/schema"
	"github.com/charterlint/charterlint/policies"
)

const seed = 1

// sample is a fixed set of typical charters the per-charter benchmarks
// cycle through, so no single charter's shape decides the figure.
func sample(b *testing.B) [][]byte {
	b.Helper()
	out := make([][]byte, 64)
	for i := range out {
		out[i] = corpus.Generate(seed, i, corpus.Typical())
	}
	return out
}

// newLinter builds the analyzer lint runs: every stage, every rule.
func newLinter(b *testing.B) *analysis.Analyzer {
	b.Helper()
	l, err := analysis.New(context.Background(), analysis.Options{Limits: decode.DefaultLimits(), Rules: &policy.Options{Pack: policies.FS()}})
	if err != nil {
		b.Fatal(err)
	}
	return l
}

func bytesOf(docs [][]byte) int64 {
	var n int64
	for _, d := range docs {
		n += int64(len(d))
	}
	return n / int64(len(docs))
}

// BenchmarkStdlibDecode is the floor: plain encoding/json into any. Like
// BenchmarkPipeline, it runs under Go's default collector settings
// ("gc=go") and under those of a lint run ("gc=cli", see cliGC), so each
// ratio compares like with like.
func BenchmarkStdlibDecode(b *testing.B) {
	docs := sample(b)
	underEachGC(b, func(b *testing.B) {
		b.SetBytes(bytesOf(docs))
		i := 0
		for b.Loop() {
			var v any
			if err := json.Unmarshal(docs[i%len(docs)], &v); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
}

// underEachGC runs bench under Go's default collector settings and under
// the ones charterlint lint sets.
func underEachGC(b *testing.B, bench func(b *testing.B)) {
	b.Run("gc=go", bench)
	b.Run("gc=cli", func(b *testing.B) {
		defer cliGC()()
		bench(b)
	})
}

// cliGC sets the collector as cmd/charterlint's main does (no collection
// by growth, a soft limit of 40 MiB) and returns the function that
// restores it.
func cliGC() (restore func()) {
	percent, limit := debug.SetGCPercent(-1), debug.SetMemoryLimit(40<<20)
	return func() {
		debug.SetGCPercent(percent)
		debug.SetMemoryLimit(limit)
	}
}

// BenchmarkDecode is decoding with the position of every value; DecodeWords
// is the same with the schema's names and enum values shared, as lint
// decodes.
func BenchmarkDecode(b *testing.B) { benchmarkDecode(b, nil) }

func BenchmarkDecodeWords(b *testing.B) {
	benchmarkDecode(b, decode.NewWords(schema.Words()...))
}

func benchmarkDecode(b *testing.B, words *decode.Words) {
	docs := sample(b)
	b.SetBytes(bytesOf(docs))
	i := 0
	for b.Loop() {
		if _, err := words.Decode(docs[i%len(docs)], decode.DefaultLimits()); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkSchema is validation of a decoded charter.
func BenchmarkSchema(b *testing.B) {
	docs := sample(b)
	v, err := schema.New()
	if err != nil {
		b.Fatal(err)
	}
	values := make([]any, len(docs))
	for i, d := range docs {
		doc, err := decode.Decode(d, decode.DefaultLimits())
		if err != nil {
			b.Fatal(err)
		}
		values[i] = doc.Value
	}
	i := 0
	for b.Loop() {
		if p := v.Validate(values[i%len(values)]); p != nil {
			b.Fatalf("generated charter invalid: %v", p)
		}
		i++
	}
}

// BenchmarkPolicy is evaluating every rule over a charter and its facts.
func BenchmarkPolicy(b *testing.B) {
	docs := sample(b)
	e, err := policy.New(context.Background(), policy.Options{Pack: policies.FS()})
	if err != nil {
		b.Fatal(err)
	}
	type checked struct {
		doc   any
		facts *facts.Facts
	}
	data, err := ruledata.Load()
	if err != nil {
		b.Fatal(err)
	}
	cs := make([]checked, len(docs))
	for i, d := range docs {
		doc, err := decode.Decode(d, decode.DefaultLimits())
		if err != nil {
			b.Fatal(err)
		}
		c, err := charter.Parse(d)
		if err != nil {
			b.Fatal(err)
		}
		cs[i] = checked{doc.Value, facts.Derive(c, data.Judge)}
	}
	ctx := context.Background()
	i := 0
	for b.Loop() {
		x := cs[i%len(cs)]
		if _, err := e.Evaluate(ctx, "bench.charter.json", x.doc, x.facts); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkFacts is deriving the facts alone.
func BenchmarkFacts(b *testing.B) {
	docs := sample(b)
	cs := make([]*charter.Charter, len(docs))
	for i, d := range docs {
		c, err := charter.Parse(d)
		if err != nil {
			b.Fatal(err)
		}
		cs[i] = c
	}
	data, err := ruledata.Load()
	if err != nil {
		b.Fatal(err)
	}
	i := 0
	for b.Loop() {
		facts.Derive(cs[i%len(cs)], data.Judge)
		i++
	}
}

// BenchmarkPipeline is the whole per-charter pipeline in process: decode
// with positions, schema, references, facts, every rule, positions of the
// findings. "gc=cli" is what a lint run does (see BenchmarkStdlibDecode).
func BenchmarkPipeline(b *testing.B) {
	docs := sample(b)
	l := newLinter(b)
	ctx := context.Background()
	underEachGC(b, func(b *testing.B) {
		b.SetBytes(bytesOf(docs))
		i := 0
		for b.Loop() {
			if a := l.Check(ctx, "x.charter.json", docs[i%len(docs)]); a.Err != nil {
				b.Fatal(a.Err)
			}
			i++
		}
	})
}

// BenchmarkRepository lints 10,000 typical charters from disk, streaming,
// with one worker and with one per CPU; it reports charters per second.
// Run it with -benchtime=1x.
func BenchmarkRepository(b *testing.B) {
	n := 10000
	if testing.Short() {
		n = 500
	}
	dir := b.TempDir()
	if err := corpus.WriteDir(dir, seed, n); err != nil {
		b.Fatal(err)
	}
	sources, problems := discover.Sources([]string{dir})
	if len(problems) > 0 || len(sources) != n {
		b.Fatalf("discovered %d charters, problems %v", len(sources), problems)
	}
	l := newLinter(b)
	for _, jobs := range []int{1, runtime.NumCPU()} {
		b.Run(fmt.Sprintf("j%d", jobs), func(b *testing.B) {
			for b.Loop() {
				l.Run(context.Background(), sources, jobs, func(r *analysis.Analysis) {
					if r.Err != nil {
						b.Fatal(r.Err)
					}
				})
			}
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "charters/s")
		})
	}
}
