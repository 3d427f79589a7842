package main

import (
	"bufio"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/charterlint/charterlint/internal/analysis"
	"github.com/charterlint/charterlint/internal/baseline"
	"github.com/charterlint/charterlint/internal/decode"
	"github.com/charterlint/charterlint/internal/discover"
	"github.com/charterlint/charterlint/internal/finding"
	"github.com/charterlint/charterlint/internal/report"
)

// lintConfig is what the lint command's flags say.
type lintConfig struct {
	paths     []string
	format    string
	output    string // "" for standard output
	failOn    finding.Severity
	jobs      int
	stdinName string
	limits    decode.Limits
	engine    engineConfig
	project   projectFlags
	// failOnText is --fail-on as given, "" when not given: the
	// configuration file's fail-on then applies.
	failOnText string
	noColor    bool
	// whole is set when no path was given: the run lints the project.
	whole bool
	// profiles are --profile and --profile-file; profileSet says whether
	// --profile was given.
	profiles   profileFlags
	profileSet bool
	// baseline and writeBaseline are --baseline and --write-baseline.
	baseline, writeBaseline string
}

const lintExamples = `  # Lint every *.charter.json below the current directory:
  charterlint lint

  # Lint the shipped fixtures, as JSON:
  charterlint lint --format json fixtures/

  # Lint a charter from standard input; fail on warnings too:
  cat board.charter.json | charterlint lint --fail-on warning -

  # SARIF for GitHub code scanning, written to a file:
  charterlint lint --format sarif --output charterlint.sarif charters/
`

// parseLintFlags turns arguments into a lintConfig.
func parseLintFlags(args []string, stdout, stderr io.Writer) (lintConfig, int, bool) {
	cfg := lintConfig{limits: decode.DefaultLimits()}
	fs := newFlags("lint", "lint [flags] [PATH...]", lintExamples, stdout)
	fs.StringVarP(&cfg.format, "format", "f", "text", "output format: "+strings.Join(report.Formats(report.ViewFindings), ", "))
	fs.StringVarP(&cfg.output, "output", "o", "", "write the report to this file (replaced whole, only once it is complete) instead of standard output")
	// No default in the flag: pflag would show it as the default, which
	// the configuration file's fail-on replaces.
	fs.StringVar(&cfg.failOnText, "fail-on", "", "lowest severity that makes the run fail: error, warning, info, or never (default error, or fail-on from the configuration file)")
	fs.BoolVar(&cfg.noColor, "no-color", false, "no colours in the text format, even on a terminal (as NO_COLOR=1)")
	fs.IntVarP(&cfg.jobs, "jobs", "j", runtime.NumCPU(), "number of charters linted in parallel")
	fs.StringVar(&cfg.stdinName, "stdin-filename", "<stdin>", "name shown for a charter read from standard input (\"-\")")
	fs.Int64Var(&cfg.limits.MaxBytes, "max-bytes", cfg.limits.MaxBytes, "largest charter file accepted, in bytes")
	fs.StringVar(&cfg.baseline, "baseline", "", "report only the findings this baseline file does not hold (see --write-baseline)")
	fs.StringVar(&cfg.writeBaseline, "write-baseline", "", "record every finding of the run in this baseline file, and exit 0")
	addSelectionFlags(fs, &cfg.project)
	addProfileFlags(fs, &cfg.profiles, nil, "report only the rules this framework profile names")
	addConfigFlags(fs, &cfg.project)
	addEngineFlags(fs, &cfg.engine)
	if code, done := parseFlags(fs, args, stdout, stderr); done {
		return cfg, code, true
	}
	if cfg.baseline != "" && cfg.writeBaseline != "" {
		fmt.Fprintln(stderr, "charterlint lint: --baseline and --write-baseline do not go together: write a new baseline from all findings")
		return cfg, exitUsage, true
	}
	cfg.profileSet = fs.Changed("profile")
	if !fs.Changed("fail-on") {
		cfg.failOnText = ""
	} else if _, err := parseFailOn(cfg.failOnText); err != nil {
		fmt.Fprintf(stderr, "charterlint lint: --fail-on: %v\n", err)
		return cfg, exitUsage, true
	}
	if !slices.Contains(report.Formats(report.ViewFindings), cfg.format) {
		fmt.Fprintf(stderr, "charterlint lint: --format: unknown output format %q (want one of %s)\n", cfg.format, strings.Join(report.Formats(report.ViewFindings), ", "))
		return cfg, exitUsage, true
	}
	if cfg.jobs < 1 {
		fmt.Fprintf(stderr, "charterlint lint: --jobs must be at least 1, got %d\n", cfg.jobs)
		return cfg, exitUsage, true
	}
	if cfg.limits.MaxBytes < 1 {
		fmt.Fprintf(stderr, "charterlint lint: --max-bytes must be at least 1, got %d\n", cfg.limits.MaxBytes)
		return cfg, exitUsage, true
	}
	cfg.paths = fs.Args()
	if len(cfg.paths) == 0 {
		cfg.paths = []string{"."}
		cfg.whole = true
	}
	return cfg, 0, false
}

// parseFailOn reads a failure threshold: a severity, or never.
func parseFailOn(s string) (finding.Severity, error) {
	if s == "never" {
		return finding.Error + 1, nil // no finding reaches it
	}
	sev, err := finding.ParseSeverity(s)
	if err != nil {
		return 0, fmt.Errorf("%v, or never", err)
	}
	return sev, nil
}

func runLint(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	cfg, code, done := parseLintFlags(args, stdout, stderr)
	if done {
		return code
	}
	project, err := cfg.project.load()
	if err != nil {
		fmt.Fprintln(stderr, explain(err))
		return exitUsage
	}
	cfg.failOn, _ = parseFailOn(cmp.Or(cfg.failOnText, projectFailOn(project), "error"))
	cfg.engine.adopt(project)
	dest, err := openOutput(cfg.output, stdout)
	if err != nil {
		fmt.Fprintf(stderr, "charterlint lint: --output: %v\n", err)
		return exitUsage
	}
	defer dest.abort()
	color := cfg.output == "" && colorWanted(stdout, cfg.noColor)
	prog := newProgress(stderr, 0)
	stderr = clearing{stderr, prog}
	var sink io.Writer = dest
	onTerminal := cfg.output == "" && isTerminal(stdout)
	if onTerminal {
		// The report shares the terminal with the progress line.
		sink = clearing{dest, prog}
	}
	out := bufio.NewWriterSize(sink, 64<<10)
	defer out.Flush()
	stdout = out
	// A rule that exhausts memory ends the process from another goroutine
	// (engineConfig.rules); it takes mu so as not to cut a charter's
	// findings in half, writes out those of the charters before it, and
	// drops a report file, which would be incomplete.
	var mu sync.Mutex
	cfg.engine.beforeHardStop = func() {
		// Wait a moment for a charter being written, but not for a reader
		// that does not read: the process must end before memory does.
		for deadline := time.Now().Add(100 * time.Millisecond); time.Now().Before(deadline); time.Sleep(time.Millisecond) {
			if mu.TryLock() { // never unlocked: the process ends
				out.Flush()
				break
			}
		}
		dest.abort()
	}
	narrow := filter(project)
	sources, problems := narrow.Sources(cfg.paths)
	failed := false
	for _, p := range problems {
		fmt.Fprintf(stderr, "charterlint: %v\n", p)
		failed = true
	}
	if len(sources) == 0 {
		if failed {
			return exitUsage
		}
		if narrow != nil && narrow.Excluded > 0 && filesOnly(cfg.paths) {
			// A hook given only files the configuration excludes: nothing
			// to do. A directory whose charters are all excluded is, as
			// any directory without charters, a mistake (exit 2).
			fmt.Fprintf(stderr, "charterlint: nothing to lint: the files given are excluded by %s\n", project.File)
			return exitOK
		}
		fmt.Fprintf(stderr, "charterlint: %s\n", noCharters(project, cfg.paths))
		return exitUsage
	}
	l, err := cfg.engine.analyzer(analysis.Options{Limits: cfg.limits, Stdin: stdin, StdinName: cfg.stdinName}, true, stderr)
	if err != nil {
		fmt.Fprintln(stderr, explain(err))
		return exitUsage
	}
	var only []string
	if cfg.profiles.names = profileNames(cfg.profiles.names, cfg.profileSet, project); len(cfg.profiles.names) > 0 {
		chosen, err := cfg.profiles.resolve(l.Rules.Rules())
		if err != nil {
			fmt.Fprintln(stderr, explain(err))
			return exitUsage
		}
		only = []string{}
		for _, p := range chosen {
			for _, c := range p.Criteria {
				only = append(only, c.Rules...)
			}
		}
	}
	if l.Selection, err = cfg.project.selectionOnly(project, l.Rules.Rules(), only); err != nil {
		fmt.Fprintln(stderr, explain(err))
		return exitUsage
	}
	if path := cmp.Or(cfg.baseline, projectBaseline(project, cfg.writeBaseline)); path != "" {
		if l.Baseline, err = baseline.Load(path); err != nil {
			fmt.Fprintln(stderr, explain(err))
			return exitUsage
		}
	}
	var record *baseline.Recorder
	if cfg.writeBaseline != "" {
		if record, err = baseline.NewRecorder(cfg.writeBaseline); err != nil {
			fmt.Fprintf(stderr, "charterlint: --write-baseline: %v\n", err)
			return exitUsage
		}
	}
	rep, err := report.New(cfg.format, report.ViewFindings, stdout)
	if err != nil {
		fmt.Fprintf(stderr, "charterlint: %v\n", err)
		return exitUsage
	}
	run := &report.Run{Version: version(), Rules: l.Rules.Rules(), Color: color}
	prog.total = len(sources)
	if path := os.Getenv("GITHUB_STEP_SUMMARY"); path != "" && cfg.format == "github" {
		f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
		if err != nil {
			fmt.Fprintf(stderr, "charterlint: GITHUB_STEP_SUMMARY: %v\n", err)
			return exitUsage
		}
		defer f.Close()
		summary := bufio.NewWriter(f)
		defer summary.Flush()
		run.StepSummary = summary
	}
	var (
		sum      report.Summary
		findings bool
		repErr   = rep.Start(run)
	)
	emit := func(a *analysis.Analysis) {
		mu.Lock()
		defer mu.Unlock()
		defer prog.step(time.Now())
		if !a.Config {
			l.Selection.Touch(a.Path, a.Checked())
		}
		if a.Err != nil {
			out.Flush() // keep stderr in step with the findings before it
			fmt.Fprintln(stderr, explain(a.Err))
			failed = true
			sum.Failed++
			return
		}
		sum.Add(a)
		if a.Worst() >= cfg.failOn {
			findings = true
		}
		if record != nil {
			record.Add(a.Path, a.Findings)
		}
		if err := rep.File(a); err != nil && repErr == nil {
			repErr = err
		}
		if onTerminal {
			// Whole lines on the terminal before the progress line.
			out.Flush()
		}
	}
	l.Run(context.Background(), sources, cfg.jobs, emit)
	// Suppressions that expired or matched nothing are findings in the
	// configuration file, reported after the charters.
	// The whole project: no path, or the configuration's own directory.
	whole := project != nil && (cfg.whole && sameDir(project.Dir, ".") || len(cfg.paths) == 1 && sameDir(project.Dir, cfg.paths[0]))
	if left := l.Selection.Leftovers(whole); len(left) > 0 {
		emit(&analysis.Analysis{Path: project.File, Findings: left, Config: true})
	}
	if stale := l.Baseline.Stale(whole || cfg.whole); len(stale) > 0 {
		emit(&analysis.Analysis{Path: stale[0].File, Findings: stale, Config: true})
	}
	if record != nil && !failed {
		if err := record.Write(cfg.writeBaseline); err != nil {
			fmt.Fprintf(stderr, "charterlint: %v\n", err)
			return exitUsage
		}
		fmt.Fprintf(stderr, "charterlint: wrote %d findings to %s; lint with --baseline %s to see only new ones\n", record.Len(), cfg.writeBaseline, cfg.writeBaseline)
		findings = false
	}
	prog.clear()
	if !finishReport(rep, sum, out, dest, repErr, failed, "report", stderr) {
		return exitUsage
	}
	if findings {
		return exitFindings
	}
	return exitOK
}

// finishReport ends a run's report: the reporter's last words, the buffer
// flushed, and a report file put in place, unless the run failed (a path
// missing, a charter not analysed): the previous report then stays rather
// than an incomplete one. repErr is the first error writing it so far. It
// returns false when the report could not be written (saying why on
// stderr) or the run failed.
func finishReport(rep report.Reporter, sum report.Summary, out *bufio.Writer, dest *output, repErr error, failed bool, what string, stderr io.Writer) bool {
	if err := rep.Finish(sum); err != nil && repErr == nil {
		repErr = err
	}
	if err := out.Flush(); err != nil && repErr == nil {
		repErr = err
	}
	if repErr == nil && !failed {
		repErr = dest.commit()
	}
	if repErr != nil {
		fmt.Fprintf(stderr, "charterlint: write %s: %v\n", what, repErr)
		return false
	}
	return !failed
}

// output is where a report goes: standard output, or a file replaced only
// once the report is complete (a temporary file beside it, renamed), so
// that an interrupted or failed run never leaves half a report behind.
type output struct {
	io.Writer
	tmp  *os.File // nil for standard output
	path string
}

func openOutput(path string, stdout io.Writer) (*output, error) {
	if path == "" {
		return &output{Writer: stdout}, nil
	}
	// A link is followed: the report replaces the file it points at.
	if real, err := filepath.EvalSymlinks(path); err == nil {
		path = real
	}
	mode := os.FileMode(0o644) // a report is for others to read
	if info, err := os.Stat(path); err == nil {
		if info.IsDir() {
			return nil, errors.New("is a directory")
		}
		mode = info.Mode().Perm() // the file it replaces keeps its mode
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return nil, discover.StripPath(err)
	}
	if err := tmp.Chmod(mode); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return nil, discover.StripPath(err)
	}
	return &output{Writer: tmp, tmp: tmp, path: path}, nil
}

// commit puts the complete report in place.
func (o *output) commit() error {
	if o.tmp == nil {
		return nil
	}
	tmp := o.tmp
	o.tmp = nil
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	if err := os.Rename(tmp.Name(), o.path); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return nil
}

// abort drops an uncommitted report.
func (o *output) abort() {
	if o.tmp != nil {
		o.tmp.Close()
		os.Remove(o.tmp.Name())
	}
}
