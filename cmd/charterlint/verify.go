package main

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/charterlint/charterlint/internal/analysis"
	"github.com/charterlint/charterlint/internal/policy"
	"github.com/charterlint/charterlint/internal/ruledata"
	"github.com/charterlint/charterlint/internal/verify"
)

// verifyConfig is what the verify command's flags say.
type verifyConfig struct {
	dirs     []string
	format   string
	verbose  bool
	coverage bool
	run      string
	engine   engineConfig
	project  projectFlags
}

const verifyExamples = `  # Run the tests of the rules in the current directory:
  charterlint verify

  # The shipped example, every test listed, with coverage:
  charterlint verify -v --coverage examples/custom-rules

  # Only the tests whose name matches, as JSON:
  charterlint verify --run chair --format json policy/
`

func runVerify(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	var cfg verifyConfig
	fs := newFlags("verify", "verify [flags] [DIR...]", verifyExamples, stdout)
	fs.StringVarP(&cfg.format, "format", "f", "text", "output format: text or json")
	fs.BoolVarP(&cfg.verbose, "verbose", "v", false, "list every test with its outcome and duration, and where a failing test failed")
	fs.BoolVar(&cfg.coverage, "coverage", false, "report, for each of your rules, whether a test covers it and the share of its lines covered")
	fs.StringVarP(&cfg.run, "run", "r", "", "run only the tests whose package and name match this regular expression")
	addDataFlag(fs, &cfg.engine)
	fs.DurationVar(&cfg.engine.timeout, "timeout", analysis.DefaultTimeout, "longest time one test may take: past it the test is stopped and reported")
	fs.Int64Var(&cfg.engine.maxMemory, "max-memory", policy.DefaultMaxMemory>>20, "ceiling on memory while tests run, in MiB: past it the run is stopped")
	addConfigFlags(fs, &cfg.project)
	if code, done := parseFlags(fs, args, stdout, stderr); done {
		return code
	}
	// The tests see the rule data lint would give the rules: the
	// configuration file's, then --data. Its rules are not loaded: the
	// directories given are the rules under test.
	project, err := cfg.project.load()
	if err != nil {
		fmt.Fprintln(stderr, explain(err))
		return exitUsage
	}
	if project != nil {
		cfg.engine.dataFiles = append(slices.Clone(project.Data), cfg.engine.dataFiles...)
	}
	if cfg.format != "text" && cfg.format != "json" {
		fmt.Fprintf(stderr, "charterlint verify: --format: unknown output format %q (want text or json)\n", cfg.format)
		return exitUsage
	}
	if _, err := regexp.Compile(cfg.run); err != nil {
		fmt.Fprintf(stderr, "charterlint verify: --run: %v\n", err)
		return exitUsage
	}
	if err := cfg.engine.check(); err != nil {
		fmt.Fprintf(stderr, "charterlint verify: %v\n", err)
		return exitUsage
	}
	cfg.dirs = fs.Args()
	if len(cfg.dirs) == 0 {
		cfg.dirs = []string{"."}
	}
	rep, err := cfg.tests(stderr)
	if err != nil {
		fmt.Fprintln(stderr, explainVerify(err))
		return exitUsage
	}
	if cfg.format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			fmt.Fprintf(stderr, "charterlint: write report: %v\n", err)
			return exitUsage
		}
	} else {
		writeTestReport(stdout, rep, cfg.verbose)
	}
	if !rep.Passed() {
		return exitFindings
	}
	return exitOK
}

// tests loads the user's rules and tests as lint loads --policy, beside
// the built-in pack and over the same data, and runs the tests.
func (c verifyConfig) tests(stderr io.Writer) (*verify.Report, error) {
	data, err := ruledata.Load(c.engine.dataFiles...)
	if err != nil {
		return nil, err
	}
	c.engine.policyDirs = c.dirs
	opts := c.engine.rules(stderr)
	opts.Data = data
	return verify.Run(context.Background(), verify.Options{
		Options:  *opts,
		Timeout:  cmp.Or(c.engine.timeout, analysis.DefaultTimeout),
		Run:      c.run,
		Trace:    c.verbose && !c.coverage,
		Coverage: c.coverage,
	})
}

// explainVerify words an error of verify: a directory that cannot be
// used is named as given, not as a --policy flag.
func explainVerify(err error) string {
	var (
		le *policy.LoadError
		ne *verify.NoTestsError
	)
	switch {
	case errors.As(err, &le) && le.Path != "":
		return "charterlint verify: " + le.Error()
	case errors.As(err, &ne):
		return "charterlint verify: " + ne.Error()
	}
	return explain(err)
}

// writeTestReport prints the tests as opa test does: the failing ones (all
// of them with verbose), then the counts, then the coverage if measured.
func writeTestReport(w io.Writer, rep *verify.Report, verbose bool) {
	printed := false
	for _, t := range rep.Tests {
		if t.Outcome == verify.OutcomePass && !verbose || t.Outcome == verify.OutcomeSkip && !verbose {
			continue
		}
		printed = true
		fmt.Fprintf(w, "%s:%d: %s.%s: %s", t.File, t.Row, t.Package, t.Name, strings.ToUpper(t.Outcome))
		if t.Outcome != verify.OutcomeSkip {
			fmt.Fprintf(w, " (%s)", t.Duration.Round(time.Microsecond))
		}
		fmt.Fprintln(w)
		if t.Error != "" {
			fmt.Fprintf(w, "  %s\n", t.Error)
		}
		if verbose && t.FailedAt != "" {
			fmt.Fprintf(w, "  failed at %s\n", t.FailedAt)
		}
	}
	if printed {
		fmt.Fprintln(w, strings.Repeat("-", 80))
	}
	s := rep.Summary
	for _, c := range []struct {
		label string
		n     int
	}{{"PASS", s.Pass}, {"FAIL", s.Fail}, {"SKIPPED", s.Skip}, {"ERROR", s.Error}} {
		if c.n > 0 {
			fmt.Fprintf(w, "%s: %d/%d\n", c.label, c.n, s.Total)
		}
	}
	if rep.Coverage == nil {
		return
	}
	fmt.Fprintln(w, "\nCoverage of your rules:")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  RULE\tFILE\tTESTED\tLINES COVERED")
	for _, r := range rep.Coverage.Rules {
		tested := "no"
		if r.Tested {
			tested = "yes"
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%.1f%% (%d/%d)\n", r.ID, r.File, tested, r.Percent, r.Covered, r.Lines)
	}
	fmt.Fprintf(tw, "  total\t\t\t%.1f%% (%d/%d)\n", rep.Coverage.Percent, rep.Coverage.Covered, rep.Coverage.Lines)
	tw.Flush()
}
