package policy_test

import (
	"context"
	"fmt"
	"runtime"
	"runtime/debug"
	"testing"

	"github.com/charterlint/charterlint/internal/policy"
	"github.com/charterlint/charterlint/internal/schema"
	"github.com/charterlint/charterlint/policies"
)

// BenchmarkEngineNew is the policy share of a single-file run's start-up:
// parse the pack, compile it in one part or in two parallel ones, with or
// without the metadata's prose (a lint of a few files on two cores: two
// parts, brief), prepare the queries; and a repository's (one part, brief,
// messages deferred). The collector is paused, as the CLI pauses it.
func BenchmarkEngineNew(b *testing.B) {
	for _, o := range []policy.Options{{Shards: 1}, {Shards: 2}, {Shards: 2, Brief: true}, {Shards: 1, Brief: true}, {Shards: 1, Brief: true, DeferMessages: true}} {
		b.Run(fmt.Sprintf("shards=%d/brief=%v/defer=%v", o.Shards, o.Brief, o.DeferMessages), func(b *testing.B) {
			defer debug.SetGCPercent(debug.SetGCPercent(-1))
			for b.Loop() {
				o.Pack = policies.FS()
				if _, err := policy.New(context.Background(), o); err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				runtime.GC() // the collector is off: reclaim outside the timing
				b.StartTimer()
			}
		})
	}
}

// BenchmarkSchemaNew is the schema share of start-up.
func BenchmarkSchemaNew(b *testing.B) {
	for b.Loop() {
		if _, err := schema.New(); err != nil {
			b.Fatal(err)
		}
	}
}
