package policy_test

import (
	"context"
	"testing"

	"github.com/charterlint/charterlint/internal/policy"
	"github.com/charterlint/charterlint/internal/schema"
	"github.com/charterlint/charterlint/policies"
)

// BenchmarkEngineNew is the policy share of a single-file run's start-up:
// parse the pack, compile it, prepare the query.
func BenchmarkEngineNew(b *testing.B) {
	for b.Loop() {
		if _, err := policy.New(context.Background(), policy.Options{Pack: policies.FS()}); err != nil {
			b.Fatal(err)
		}
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
