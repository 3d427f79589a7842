package main

import (
	"context"
	"runtime/debug"
	"time"

	"github.com/charterlint/charterlint/internal/lint"
	"github.com/charterlint/charterlint/internal/policy"
	"github.com/charterlint/charterlint/policies"
	"github.com/spf13/pflag"
)

// engineConfig is what the flags say about the rules to load.
type engineConfig struct {
	policyDirs []string
	dataFiles  []string
	timeout    time.Duration
	// shards is the number of parts the pack is compiled in (see
	// policy.Options.Shards); lint sets it from the number of charters,
	// the other commands, which evaluate no rule or one charter's, leave
	// it 0: as many as shardsFor gives one charter.
	shards int
	// deferMessages is policy.Options.DeferMessages; lint sets it for a
	// repository (see manyPerWorker).
	deferMessages bool
}

func addEngineFlags(fs *pflag.FlagSet, cfg *engineConfig) {
	fs.StringArrayVarP(&cfg.policyDirs, "policy", "p", nil, "directory (or .rego file) of your own rules, loaded beside the built-in pack (repeatable)")
	fs.StringArrayVar(&cfg.dataFiles, "data", nil, "JSON file merged over the rules' data, e.g. a modality matrix of your own (repeatable)")
	fs.DurationVar(&cfg.timeout, "timeout", policy.DefaultTimeout, "longest time the rules may take on one charter")
}

func (c engineConfig) options() policy.Options {
	shards := c.shards
	if shards == 0 {
		shards = shardsFor(1, 1)
	}
	return policy.Options{
		Pack:       policies.FS(),
		PolicyDirs: c.policyDirs,
		DataFiles:  c.dataFiles,
		Timeout:    c.timeout,
		Shards:     shards,

		DeferMessages: c.deferMessages,
	}
}

// new compiles the rules, with all their metadata: for the commands that
// show rules.
func (c engineConfig) new() (*policy.Engine, error) {
	defer pauseGC()()
	return policy.New(context.Background(), c.options())
}

// linter compiles the schema and the rules into a linter. A linter shows
// no rule's prose, so the pack's metadata is loaded brief (see
// policy.Options.Brief).
func (c engineConfig) linter(opts lint.Options) (*lint.Linter, error) {
	defer pauseGC()()
	opts.Policy = c.options()
	opts.Policy.Brief = true
	return lint.New(context.Background(), opts)
}

// pauseGC stops the collector and returns the function that restores it.
// Compiling the rules allocates a few megabytes that are almost all still
// live at the end, so collecting garbage during it is wasted work: a third
// of a single-file run's time.
func pauseGC() (restore func()) {
	old := debug.SetGCPercent(-1)
	return func() { debug.SetGCPercent(old) }
}
