package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/charterlint/charterlint/internal/analysis"
	"github.com/charterlint/charterlint/internal/baseline"
	"github.com/charterlint/charterlint/internal/config"
	"github.com/charterlint/charterlint/internal/policy"
	"github.com/charterlint/charterlint/internal/ruledata"
	"github.com/charterlint/charterlint/policies"
	"github.com/spf13/pflag"
)

// engineConfig is what the flags say about the rules and their data.
type engineConfig struct {
	policyDirs []string
	dataFiles  []string
	timeout    time.Duration
	maxMemory  int64 // MiB
	// beforeHardStop, when set, runs just before the process ends on
	// exhausted memory: lint writes out the findings it holds.
	beforeHardStop func()
}

func addDataFlag(fs *pflag.FlagSet, cfg *engineConfig) {
	fs.StringArrayVar(&cfg.dataFiles, "data", nil, "JSON file merged over the rules' data, e.g. a modality matrix of your own (repeatable)")
}

// addRuleFlags adds the flags that say which rules there are: for the
// commands that show rules without running them.
func addRuleFlags(fs *pflag.FlagSet, cfg *engineConfig) {
	fs.StringArrayVarP(&cfg.policyDirs, "policy", "p", nil, "directory (or .rego file) of your own rules, loaded beside the built-in pack (repeatable)")
	addDataFlag(fs, cfg)
}

func addEngineFlags(fs *pflag.FlagSet, cfg *engineConfig) {
	addRuleFlags(fs, cfg)
	fs.DurationVar(&cfg.timeout, "timeout", analysis.DefaultTimeout, "longest time the analysis of one charter may take, rules included")
	fs.Int64Var(&cfg.maxMemory, "max-memory", policy.DefaultMaxMemory>>20, "ceiling on memory while rules run, in MiB: past it the charter's evaluation is stopped")
}

// rules are the rule engine's options. A rule that keeps building a
// value past twice the memory ceiling in a builtin that cannot be stopped
// ends the process here, with the reason, rather than in a runtime dump.
func (c engineConfig) rules(stderr io.Writer) *policy.Options {
	return &policy.Options{
		Pack: policies.FS(), PolicyDirs: c.policyDirs, MaxMemory: c.maxMemory << 20,
		OnMemoryExhausted: func(err *policy.MemoryError) {
			if c.beforeHardStop != nil {
				c.beforeHardStop()
			}
			fmt.Fprintf(stderr, "charterlint: %v (--max-memory); stopping: a builtin that cannot be interrupted was still building\n", err)
			os.Exit(exitUsage)
		},
	}
}

// check rejects flag values the pipeline cannot use.
func (c engineConfig) check() error {
	if c.maxMemory < 32 {
		return fmt.Errorf("--max-memory must be at least 32 (MiB), got %d", c.maxMemory)
	}
	if c.timeout < 0 {
		return fmt.Errorf("--timeout must not be negative, got %s", c.timeout)
	}
	return nil
}

// engine loads the rule data and compiles the rules with all their
// metadata: for the commands that show rules.
func (c engineConfig) engine(stderr io.Writer) (*policy.Engine, error) {
	data, err := ruledata.Load(c.dataFiles...)
	if err != nil {
		return nil, err
	}
	opts := c.rules(stderr)
	opts.Data = data
	return policy.New(context.Background(), *opts)
}

// analyzer loads the rule data and compiles the schema and, when rules
// is set, the rules.
func (c engineConfig) analyzer(opts analysis.Options, rules bool, stderr io.Writer) (*analysis.Analyzer, error) {
	data, err := ruledata.Load(c.dataFiles...)
	if err != nil {
		return nil, err
	}
	opts.Data = data
	opts.Timeout = c.timeout
	if rules {
		// lint shows no rule's prose beyond the catalogue's titles.
		if err := c.check(); err != nil {
			return nil, err
		}
		opts.Rules = c.rules(stderr)
	}
	return analysis.New(context.Background(), opts)
}

// explain turns the pipeline's typed errors into words that name the
// flag concerned.
func explain(err error) string {
	var (
		de   *ruledata.Error
		ce   *config.Error
		be   *baseline.Error
		le   *policy.LoadError
		te   *analysis.TimeoutError
		me   *policy.MemoryError
		errs interface{ Unwrap() []error }
	)
	switch {
	case errors.As(err, &errs):
		// Several problems (errors.Join): one line each.
		var lines []string
		for _, e := range errs.Unwrap() {
			lines = append(lines, explain(e))
		}
		return strings.Join(lines, "\n")
	case errors.As(err, &de):
		return "charterlint: data file " + de.Error()
	case errors.As(err, &ce):
		return "charterlint: " + ce.Error()
	case errors.As(err, &be):
		return "charterlint: baseline " + be.Error()
	case errors.As(err, &le) && le.Path != "":
		return "charterlint: policy " + le.Error()
	case errors.As(err, &te):
		return fmt.Sprintf("charterlint: %v (raise --timeout if the charter needs more)", te)
	case errors.As(err, &me):
		return fmt.Sprintf("charterlint: %v (--max-memory)", err)
	}
	return "charterlint: " + err.Error()
}
