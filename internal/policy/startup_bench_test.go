package policy_test

import (
	"context"
	"runtime"
	"runtime/debug"
	"testing"

	"github.com/charterlint/charterlint/internal/policy"
	"github.com/charterlint/charterlint/internal/schema"
	"github.com/charterlint/charterlint/policies"
)

// BenchmarkEngineNew is the policy share of a run's start-up: load the
// rule data, parse the pack, compile it and prepare the query. The
// collector is paused, as the CLI pauses it.
func BenchmarkEngineNew(b *testing.B) {
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	for b.Loop() {
		if _, err := policy.New(context.Background(), policy.Options{Pack: policies.FS()}); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		runtime.GC() // the collector is off: reclaim outside the timing
		b.StartTimer()
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
