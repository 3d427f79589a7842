package main

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"slices"
	"strings"

	"github.com/charterlint/charterlint/internal/amend"
	"github.com/charterlint/charterlint/internal/analysis"
	"github.com/charterlint/charterlint/internal/decode"
	"github.com/charterlint/charterlint/internal/discover"
	"github.com/charterlint/charterlint/internal/finding"
	"github.com/charterlint/charterlint/internal/report"
)

const diffExamples = `  # What does an amendment change in who holds power, and which findings
  # does it introduce or resolve?
  charterlint diff charters/board.charter.json amended/board.charter.json

  # In a pull request: compare with the base branch (read with git show):
  charterlint diff origin/main:charters/board.charter.json charters/board.charter.json

  # As a Markdown comment, failing on warnings the amendment introduces too:
  charterlint diff --format markdown --fail-on warning HEAD~1:board.charter.json board.charter.json

  # For the drafting committee: one self-contained HTML page, with the
  # committee report's charts of vote shares before and after:
  charterlint diff --format html -o amendment.html HEAD~1:board.charter.json board.charter.json
`

// diffConfig is what the diff command's flags say.
type diffConfig struct {
	format     string
	output     string
	failOnText string
	engine     engineConfig
	project    projectFlags
}

func runDiff(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var cfg diffConfig
	fs := newFlags("diff", "diff [flags] OLD NEW", diffExamples, stdout)
	fs.StringVarP(&cfg.format, "format", "f", "text", "output format: "+strings.Join(report.AmendmentFormats(), ", "))
	fs.StringVarP(&cfg.output, "output", "o", "", "write the report to this file (replaced whole, only once it is complete) instead of standard output")
	// No default in the flag: pflag would show it as the default, which
	// the configuration file's fail-on replaces.
	fs.StringVar(&cfg.failOnText, "fail-on", "", "lowest severity of an introduced finding that makes the run fail: error, warning, info, or never (default error, or fail-on from the configuration file)")
	addSelectionFlags(fs, &cfg.project)
	addConfigFlags(fs, &cfg.project)
	addEngineFlags(fs, &cfg.engine)
	if code, done := parseFlags(fs, args, stdout, stderr); done {
		return code
	}
	if fs.Changed("fail-on") {
		if _, err := parseFailOn(cfg.failOnText); err != nil {
			fmt.Fprintf(stderr, "charterlint diff: --fail-on: %v\n", err)
			return exitUsage
		}
	}
	if !slices.Contains(report.AmendmentFormats(), cfg.format) {
		fmt.Fprintf(stderr, "charterlint diff: --format: unknown output format %q (want one of %s)\n", cfg.format, strings.Join(report.AmendmentFormats(), ", "))
		return exitUsage
	}
	if fs.NArg() != 2 {
		fmt.Fprintf(stderr, "charterlint diff: want two charters, OLD and NEW (a path, or REV:PATH for a file in a git revision), got %d\n", fs.NArg())
		return exitUsage
	}
	if fs.Arg(0) == discover.Stdin && fs.Arg(1) == discover.Stdin {
		fmt.Fprintln(stderr, "charterlint diff: only one side can be standard input (-)")
		return exitUsage
	}
	project, err := cfg.project.load()
	if err != nil {
		fmt.Fprintln(stderr, explain(err))
		return exitUsage
	}
	failOn, _ := parseFailOn(cmp.Or(cfg.failOnText, projectFailOn(project), "error"))
	cfg.engine.adopt(project)
	l, err := cfg.engine.ruleAnalyzer(analysis.Options{Limits: decode.DefaultLimits(), Stdin: stdin}, project, cfg.project, stderr)
	if err != nil {
		fmt.Fprintln(stderr, explain(err))
		return exitUsage
	}
	var sides [2]*analysis.Analysis
	for i, arg := range fs.Args() {
		a, err := readSide(context.Background(), l, arg)
		if err != nil {
			fmt.Fprintln(stderr, explain(err))
			return exitUsage
		}
		sides[i] = a
	}
	am := amend.Compare(sides[0], sides[1])
	if w := report.AmendmentWarning(am); w != "" && (cfg.format != "text" || cfg.output != "") {
		// The text on a terminal starts with it; elsewhere it could go unread.
		fmt.Fprintf(stderr, "charterlint diff: warning: %s\n", w)
	}
	dest, err := openOutput(cfg.output, stdout)
	if err != nil {
		fmt.Fprintf(stderr, "charterlint diff: --output: %v\n", err)
		return exitUsage
	}
	defer dest.abort()
	run := &report.Run{Version: version(), Rules: l.Rules.Rules(), Matrix: l.Data.Lookup}
	err = report.WriteAmendmentWith(dest, cfg.format, am, run)
	if err == nil {
		err = dest.commit()
	}
	if err != nil {
		fmt.Fprintf(stderr, "charterlint diff: write report: %v\n", err)
		return exitUsage
	}
	if am.Worst() >= failOn {
		return exitFindings
	}
	return exitOK
}

// readSide analyses one side of an amendment: a file (or "-"), or
// REV:PATH, the file PATH at git revision REV. An argument that names an
// existing file is a file, colon or not.
func readSide(ctx context.Context, l *analysis.Analyzer, arg string) (*analysis.Analysis, error) {
	rev, path, ok := gitSpec(arg)
	if !ok {
		a := l.File(ctx, arg)
		return a, a.Err
	}
	data, err := gitShow(rev, path)
	if err != nil {
		return nil, err
	}
	if limit := l.Limits.MaxBytes; int64(len(data)) > limit {
		return &analysis.Analysis{Path: arg, Findings: []finding.Finding{{
			Rule: string(finding.StageParse), Stage: finding.StageParse, Severity: finding.Error,
			File: arg, Line: 1, Column: 1, Message: fmt.Sprintf("file is %d bytes, over the limit of %d bytes", len(data), limit),
		}}}, nil
	}
	// Analysed under PATH, so that the configuration's per-path settings
	// and suppressions apply as they do to the file in the work tree, then
	// shown as REV:PATH.
	a := l.Check(ctx, path, data)
	if a.Err != nil {
		return nil, fmt.Errorf("%s: %w", arg, a.Err)
	}
	a.Path = arg
	for i := range a.Findings {
		a.Findings[i].File = arg
	}
	for i := range a.Suppressed {
		a.Suppressed[i].File = arg
	}
	if a.Classification != nil {
		a.Classification.File = arg
	}
	return a, nil
}

// gitSpec splits REV:PATH. It reports false for "-", for an argument
// without a colon, and for one that names an existing file or directory.
func gitSpec(arg string) (rev, path string, ok bool) {
	if arg == discover.Stdin || !strings.Contains(arg, ":") {
		return "", "", false
	}
	if _, err := os.Stat(arg); err == nil {
		return "", "", false
	}
	rev, path, _ = strings.Cut(arg, ":")
	return rev, path, true
}

// gitShow reads the file path at revision rev with git show, run in the
// working directory.
func gitShow(rev, path string) ([]byte, error) {
	spec := rev + ":" + path
	if path == "" {
		return nil, fmt.Errorf("read %s from git: name a file after the colon (REV:PATH)", spec)
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command("git", "--no-pager", "show", "--no-textconv", spec)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		var exit *exec.ExitError
		if !errors.As(err, &exit) {
			return nil, fmt.Errorf("read %s from git: %w (is git installed?)", spec, err)
		}
		msg := strings.TrimSpace(stderr.String())
		msg = strings.TrimPrefix(strings.SplitN(msg, "\n", 2)[0], "fatal: ")
		return nil, fmt.Errorf("read %s from git: git show failed: %s", spec, cmp.Or(msg, err.Error()))
	}
	if bytes.HasPrefix(stdout.Bytes(), []byte("tree "+spec+"\n")) {
		return nil, fmt.Errorf("read %s from git: %s is a directory in %s, not a file", spec, path, cmp.Or(rev, "the index"))
	}
	return stdout.Bytes(), nil
}
