// Package verify runs the tests of a user's own rules with OPA's tester,
// under the restrictions lint runs the rules with: the same loading and
// capabilities, beside the built-in pack, over the same data, with a
// timeout per test and the same memory ceiling (charterlint verify).
package verify

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/charterlint/charterlint/internal/policy"
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/cover"
	"github.com/open-policy-agent/opa/v1/storage"
	"github.com/open-policy-agent/opa/v1/tester"
	"github.com/open-policy-agent/opa/v1/topdown"
)

// Options configure Run.
type Options struct {
	// Options are the rules' options as for New: Pack, the user's
	// PolicyDirs (which hold their tests, *_test.rego, beside their rules),
	// Data, MaxMemory and OnMemoryExhausted. The tests see the pack and the
	// data exactly as the rules do at lint time.
	policy.Options
	// Timeout bounds each test; 0 means no bound.
	Timeout time.Duration
	// Run, when set, is a regular expression: only the tests whose
	// package and name it matches run.
	Run string
	// Trace records, for each failing test, the expression it failed at.
	Trace bool
	// Coverage measures which lines of the user's rules the tests cover.
	Coverage bool
}

// Outcomes of a test.
const (
	OutcomePass  = "pass"
	OutcomeFail  = "fail"
	OutcomeError = "error"
	OutcomeSkip  = "skip" // a rule named todo_test_*
)

// Result is the outcome of one test.
type Result struct {
	Package string `json:"package"` // without "data."
	Name    string `json:"name"`
	File    string `json:"file"`
	Row     int    `json:"row"`
	Outcome string `json:"result"` // one of the Outcome constants
	// Duration is how long the test ran, in nanoseconds in JSON, as in
	// opa test --format json.
	Duration time.Duration `json:"duration"`
	// Error says why a test errored: a builtin's error, a conflict, or
	// the timeout.
	Error string `json:"error,omitempty"`
	// TimedOut is set when the test was stopped by the timeout.
	TimedOut bool `json:"timed_out,omitempty"`
	// FailedAt is where a failing test failed, "file:row: expression",
	// when Options.Trace was set.
	FailedAt string `json:"failed_at,omitempty"`
}

// RuleCoverage is how much of one of the user's rules the tests cover.
type RuleCoverage struct {
	ID   string `json:"id"`
	File string `json:"file"`
	// Tested is set when a test evaluated some line of the rule's deny.
	Tested bool `json:"tested"`
	// Covered and Lines count the covered lines of the rule's file and
	// all the lines that can be covered; Percent is their ratio.
	Covered int     `json:"covered_lines"`
	Lines   int     `json:"lines"`
	Percent float64 `json:"coverage"`
}

// Coverage is how much of the user's rules the tests cover.
type Coverage struct {
	Rules   []RuleCoverage `json:"rules"`
	Covered int            `json:"covered_lines"`
	Lines   int            `json:"lines"`
	Percent float64        `json:"coverage"`
}

// Summary counts the tests by outcome.
type Summary struct {
	Pass  int `json:"pass"`
	Fail  int `json:"fail"`
	Error int `json:"error"`
	Skip  int `json:"skip"`
	Total int `json:"total"`
}

// Report is the outcome of Run.
type Report struct {
	Tests    []Result  `json:"tests"`
	Summary  Summary   `json:"summary"`
	Coverage *Coverage `json:"coverage,omitempty"`
}

// Passed reports whether every test that ran passed (skipped tests aside).
func (r *Report) Passed() bool { return r.Summary.Fail == 0 && r.Summary.Error == 0 }

// NoTestsError is a run that found no test to run.
type NoTestsError struct {
	Dirs []string
	Run  string // the filter, if any
}

func (e *NoTestsError) Error() string {
	msg := fmt.Sprintf("no tests found in %s: a test is a rule named test_* (in a file named *_test.rego)", strings.Join(e.Dirs, ", "))
	if e.Run != "" {
		msg = fmt.Sprintf("no tests in %s match --run %q", strings.Join(e.Dirs, ", "), e.Run)
	}
	return msg
}

// noTimeout stands for no bound on a test's time: about 146 years.
const noTimeout = time.Duration(1 << 62)

// Run runs the tests of the user's rules with OPA's tester. The rules
// and tests load exactly as policy.New loads the user's rules (the same
// parsing, reserved namespace, capabilities, file limits and metadata
// checks: a test file that calls a refused builtin is refused with the
// same message), beside the built-in pack, over the same data. A test
// that runs past the timeout is stopped and reported as an error; past
// the memory ceiling, the run stops with a *policy.MemoryError. Problems
// loading are returned as errors (a *policy.LoadError among them), as is
// a run that found no test (*NoTestsError).
func Run(ctx context.Context, opts Options) (*Report, error) {
	suite, err := policy.LoadSuite(ctx, opts.Options)
	if err != nil {
		return nil, err
	}
	modules := suite.Modules
	ctx, cancel := context.WithCancelCause(ctx)
	defer cancel(nil)
	defer suite.WatchHeap("the tests", func(me *policy.MemoryError) { cancel(me) })()

	compiler := policy.NewCompiler()
	var cov *cover.Cover
	runner := tester.NewRunner().
		SetCompiler(compiler).
		SetStore(suite.Store).
		SetModules(modules).
		RaiseBuiltinErrors(true).
		CapturePrintOutput(false).
		SetTimeout(cmp.Or(opts.Timeout, noTimeout)).
		Filter(opts.Run)
	switch {
	case opts.Coverage:
		cov = cover.New()
		// The supplementary passes only tag why a line is not covered.
		runner.SetCoverageQueryTracer(cov).SetCoverageRuns([]cover.Kind{})
	case opts.Trace:
		runner.EnableTracing(true)
	}
	txn, err := suite.Store.NewTransaction(ctx)
	if err != nil {
		return nil, fmt.Errorf("open rule data: %w", err)
	}
	defer suite.Store.Abort(ctx, txn)
	ch, err := runTests(ctx, runner, txn)
	if err != nil {
		return nil, err
	}
	rep := &Report{Tests: []Result{}}
	for r := range ch {
		tr := testResult(r, opts.Timeout)
		if topdown.IsCancel(r.Error) {
			var me *policy.MemoryError
			if errors.As(context.Cause(ctx), &me) {
				continue // reported as the run's error below
			}
		}
		rep.add(tr)
	}
	if me := (*policy.MemoryError)(nil); errors.As(context.Cause(ctx), &me) {
		return nil, me
	}
	if len(rep.Tests) == 0 {
		return nil, &NoTestsError{Dirs: opts.PolicyDirs, Run: opts.Run}
	}
	slices.SortFunc(rep.Tests, func(a, b Result) int {
		return cmp.Or(strings.Compare(a.File, b.File), cmp.Compare(a.Row, b.Row), strings.Compare(a.Name, b.Name))
	})
	if cov != nil {
		rep.Coverage = coverage(suite.Rules, cov.Report(compiler.Modules), modules)
	}
	return rep, nil
}

// runTests starts the runner, which compiles the modules once more with
// the stages the tester adds. That compile already passed once (New), so
// an error here is unexpected; a panic in OPA becomes an error, as in
// compile.
func runTests(ctx context.Context, runner *tester.Runner, txn storage.Transaction) (_ chan *tester.Result, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("run tests: internal error in OPA's tester: %v (please report it with the policy files used)", v)
		}
	}()
	ch, err := runner.RunTests(ctx, txn)
	if err != nil {
		var errs ast.Errors
		if errors.As(err, &errs) {
			return nil, fmt.Errorf("compile tests:\n%w", policy.ExplainCompileErrors(errs))
		}
		return nil, fmt.Errorf("run tests: %w", err)
	}
	return ch, nil
}

// add records a test's result and counts it.
func (r *Report) add(t Result) {
	r.Tests = append(r.Tests, t)
	r.Summary.Total++
	switch t.Outcome {
	case OutcomePass:
		r.Summary.Pass++
	case OutcomeFail:
		r.Summary.Fail++
	case OutcomeSkip:
		r.Summary.Skip++
	default:
		r.Summary.Error++
	}
}

// testResult turns the tester's result into a Result.
func testResult(r *tester.Result, timeout time.Duration) Result {
	t := Result{
		Package:  strings.TrimPrefix(r.Package, "data."),
		Name:     r.Name,
		Duration: r.Duration,
	}
	if r.Location != nil {
		t.File, t.Row = r.Location.File, r.Location.Row
	}
	switch {
	case r.Skip:
		t.Outcome = OutcomeSkip
	case r.Error != nil:
		t.Outcome = OutcomeError
		t.Error = r.Error.Error()
		if topdown.IsCancel(r.Error) {
			t.TimedOut = true
			t.Error = fmt.Sprintf("stopped after %s (--timeout): the test, or a rule it evaluates, may loop", timeout)
		}
	case r.Fail:
		t.Outcome = OutcomeFail
		t.FailedAt = failedAt(r.Trace)
	default:
		t.Outcome = OutcomePass
	}
	return t
}

// failedAt finds, in a failing test's trace, the last expression that
// failed in a query (what opa test --var-values shows as the failure
// line), as "file:row: expression".
func failedAt(trace []*topdown.Event) string {
	for _, e := range slices.Backward(trace) {
		if e.Op != topdown.FailOp || e.Location == nil || e.QueryID == 0 {
			continue
		}
		expr, ok := e.Node.(*ast.Expr)
		if !ok {
			continue
		}
		if _, every := expr.Terms.(*ast.Every); every {
			continue // the failing expression inside its body comes first
		}
		text := strings.TrimSpace(string(e.Location.Text))
		if first, _, more := strings.Cut(text, "\n"); more {
			text = strings.TrimSpace(first) + " ..."
		}
		if text == "" {
			text = expr.String()
		}
		return fmt.Sprintf("%s:%d: %s", e.Location.File, e.Location.Row, text)
	}
	return ""
}

// coverage reads, from OPA's coverage report, how much of each of the
// user's rule files the tests cover, and whether they evaluated its deny.
func coverage(rules []policy.Rule, rep cover.Report, modules map[string]*ast.Module) *Coverage {
	c := &Coverage{Rules: []RuleCoverage{}}
	for _, r := range rules {
		if policy.IsBuiltin(r.File) {
			continue
		}
		rc := RuleCoverage{ID: r.ID, File: r.File}
		if fr := rep.Files[r.File]; fr != nil {
			rc.Covered, rc.Lines = fr.CoveredLines, fr.CoveredLines+fr.NotCoveredLines
			rc.Percent = percent(rc.Covered, rc.Lines)
			if m := modules[r.File]; m != nil {
				rc.Tested = denyCovered(m, fr)
			}
		}
		c.Rules = append(c.Rules, rc)
	}
	// The total counts every file of the user's that is not a test: their
	// rules and any helpers of their own.
	for _, name := range slices.Sorted(maps.Keys(modules)) {
		if policy.IsBuiltin(name) || strings.HasSuffix(name, "_test.rego") {
			continue
		}
		if fr := rep.Files[name]; fr != nil {
			c.Covered += fr.CoveredLines
			c.Lines += fr.CoveredLines + fr.NotCoveredLines
		}
	}
	c.Percent = percent(c.Covered, c.Lines)
	slices.SortFunc(c.Rules, func(a, b RuleCoverage) int {
		return cmp.Or(strings.Compare(a.File, b.File), strings.Compare(a.ID, b.ID))
	})
	return c
}

// denyCovered reports whether a test evaluated any line of the module's
// deny rules.
func denyCovered(m *ast.Module, fr *cover.FileReport) bool {
	for _, r := range m.Rules {
		if !policy.NamesDeny(r) || r.Location == nil {
			continue
		}
		last := r.Location.Row + strings.Count(string(r.Location.Text), "\n")
		for row := r.Location.Row; row <= last; row++ {
			if fr.IsCovered(row) {
				return true
			}
		}
	}
	return false
}

func percent(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return math.Round(1000*float64(n)/float64(of)) / 10 // to a tenth
}
