package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/charterlint/charterlint/internal/analysis"
	"github.com/charterlint/charterlint/internal/decode"
	"github.com/charterlint/charterlint/internal/profile"
	"github.com/charterlint/charterlint/internal/report"
)

const reportExamples = `  # A report for the drafting committee, as one self-contained HTML page:
  charterlint report --output review.html charters/board.charter.json

  # Two charters compared, then one section each, as Markdown for an issue:
  charterlint report --format markdown fixtures/itu.charter.json fixtures/icann.charter.json
`

// runReport writes the committee report: the full analysis, rules
// included, of every charter, rendered for people who draft charters
// rather than for CI. Findings do not fail it: it exits with 0 once the
// report is written, 2 when the invocation fails (then --output is left
// untouched).
func runReport(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var (
		format    string
		outPath   string
		stdinName string
		limits    = decode.DefaultLimits()
		ecfg      engineConfig
		project   projectFlags
		profiles  profileFlags
	)
	fs := newFlags("report", "report [flags] PATH...", reportExamples, stdout)
	fs.StringVarP(&format, "format", "f", "html", "output format: "+strings.Join(report.Formats(report.ViewReport), ", "))
	fs.StringVarP(&outPath, "output", "o", "", "write the report to this file (replaced whole, only once it is complete) instead of standard output")
	fs.StringVar(&stdinName, "stdin-filename", "<stdin>", "name shown for a charter read from standard input (\"-\")")
	fs.Int64Var(&limits.MaxBytes, "max-bytes", limits.MaxBytes, "largest charter file accepted, in bytes")
	addProfileFlags(fs, &profiles, nil, "also judge each charter against this framework profile, criterion by criterion")
	addSelectionFlags(fs, &project)
	addConfigFlags(fs, &project)
	addEngineFlags(fs, &ecfg)
	if code, done := parseFlags(fs, args, stdout, stderr); done {
		return code
	}
	if !slices.Contains(report.Formats(report.ViewReport), format) {
		fmt.Fprintf(stderr, "charterlint report: --format: unknown output format %q (want one of %s)\n", format, strings.Join(report.Formats(report.ViewReport), ", "))
		return exitUsage
	}
	if limits.MaxBytes < 1 {
		fmt.Fprintf(stderr, "charterlint report: --max-bytes must be at least 1, got %d\n", limits.MaxBytes)
		return exitUsage
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "charterlint report: name at least one charter file or directory")
		return exitUsage
	}
	cfg, sources, l, failed, ok := ecfg.start(fs.Args(), analysis.Options{Limits: limits, Stdin: stdin, StdinName: stdinName}, project, stderr)
	if !ok {
		return exitUsage
	}
	profiles.names = profileNames(profiles.names, fs.Changed("profile"), cfg)
	var chosen []*profile.Profile
	if len(profiles.names) > 0 {
		var err error
		if chosen, err = profiles.resolve(l.Rules.Rules()); err != nil {
			fmt.Fprintf(stderr, "charterlint report: --profile: %v\n", err)
			return exitUsage
		}
	}
	dest, err := openOutput(outPath, stdout)
	if err != nil {
		fmt.Fprintf(stderr, "charterlint report: --output: %v\n", err)
		return exitUsage
	}
	defer dest.abort()
	out := bufio.NewWriterSize(dest, 64<<10)
	rep, err := report.New(format, report.ViewReport, out)
	if err != nil {
		fmt.Fprintf(stderr, "charterlint report: %v\n", err)
		return exitUsage
	}
	var sum report.Summary
	repErr := rep.Start(&report.Run{Version: version(), Rules: l.Rules.Rules(), Matrix: l.Data.Lookup, Profiles: chosen})
	l.Run(context.Background(), sources, 1, func(a *analysis.Analysis) {
		if a.Err != nil {
			fmt.Fprintln(stderr, explain(a.Err))
			failed = true
			sum.Failed++
			return
		}
		// A charter that fails the structural checks still has a
		// section: its findings say what to fix.
		sum.Add(a)
		if err := rep.File(a); err != nil && repErr == nil {
			repErr = err
		}
	})
	if !finishReport(rep, sum, out, dest, repErr, failed, "report", stderr) {
		return exitUsage
	}
	return exitOK
}
