package main

import (
	"context"
	"errors"
	"fmt"
	"runtime/debug"
	"time"

	"github.com/charterlint/charterlint/internal/analysis"
	"github.com/charterlint/charterlint/internal/config"
	"github.com/charterlint/charterlint/internal/policy"
	"github.com/charterlint/charterlint/policies"
	"github.com/spf13/pflag"
)

// engineConfig is what the flags say about the rules and their data.
type engineConfig struct {
	policyDirs []string
	dataFiles  []string
	timeout    time.Duration
}

func addDataFlag(fs *pflag.FlagSet, cfg *engineConfig) {
	fs.StringArrayVar(&cfg.dataFiles, "data", nil, "JSON file merged over the rules' data, e.g. a modality matrix of your own (repeatable)")
}

func addEngineFlags(fs *pflag.FlagSet, cfg *engineConfig) {
	fs.StringArrayVarP(&cfg.policyDirs, "policy", "p", nil, "directory (or .rego file) of your own rules, loaded beside the built-in pack (repeatable)")
	addDataFlag(fs, cfg)
	fs.DurationVar(&cfg.timeout, "timeout", policy.DefaultTimeout, "longest time the rules may take on one charter")
}

// rules are the rule engine's options.
func (c engineConfig) rules() *policy.Options {
	return &policy.Options{Pack: policies.FS(), PolicyDirs: c.policyDirs, Timeout: c.timeout}
}

// engine loads the rule data and compiles the rules with all their
// metadata: for the commands that show rules.
func (c engineConfig) engine() (*policy.Engine, error) {
	defer pauseGC()()
	data, err := config.Load(c.dataFiles...)
	if err != nil {
		return nil, err
	}
	opts := c.rules()
	opts.Data = data
	return policy.New(context.Background(), *opts)
}

// analyzer loads the rule data and compiles the schema and, when rules
// is set, the rules.
func (c engineConfig) analyzer(opts analysis.Options, rules bool) (*analysis.Analyzer, error) {
	defer pauseGC()()
	data, err := config.Load(c.dataFiles...)
	if err != nil {
		return nil, err
	}
	opts.Data = data
	if rules {
		// lint shows no rule's prose beyond the catalogue's titles.
		opts.Rules = c.rules()
	}
	return analysis.New(context.Background(), opts)
}

// pauseGC stops the collector and returns the function that restores it.
// Compiling the rules allocates a few megabytes that are almost all still
// live at the end, so collecting garbage during it is wasted work: a third
// of a single-file run's time.
func pauseGC() (restore func()) {
	old := debug.SetGCPercent(-1)
	return func() { debug.SetGCPercent(old) }
}

// explain turns the pipeline's typed errors into words that name the
// flag concerned.
func explain(err error) string {
	var (
		de   *config.Error
		le   *policy.LoadError
		te   *policy.TimeoutError
		errs interface{ Unwrap() []error }
	)
	switch {
	case errors.As(err, &errs) && errors.As(err, &de):
		msg := ""
		for i, e := range errs.Unwrap() {
			if i > 0 {
				msg += "\n"
			}
			msg += "charterlint: --data " + e.Error()
		}
		return msg
	case errors.As(err, &de):
		return "charterlint: --data " + de.Error()
	case errors.As(err, &le) && le.Path != "":
		return "charterlint: --policy " + le.Error()
	case errors.As(err, &te):
		return fmt.Sprintf("charterlint: %v (raise --timeout if your rules need more)", err)
	}
	return "charterlint: " + err.Error()
}
