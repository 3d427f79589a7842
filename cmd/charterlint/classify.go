package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/charterlint/charterlint/internal/analysis"
	"github.com/charterlint/charterlint/internal/decode"
	"github.com/charterlint/charterlint/internal/report"
)

const classifyExamples = `  # Which classes really hold power in this charter, and how?
  charterlint classify fixtures/itu.charter.json

  # Compare every shipped charter side by side, as a Markdown table:
  charterlint classify --format markdown fixtures/
`

func runClassify(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var (
		format  string
		ecfg    engineConfig
		project projectFlags
	)
	fs := newFlags("classify", "classify [flags] PATH...", classifyExamples, stdout)
	fs.StringVarP(&format, "format", "f", "text", "output format: "+strings.Join(report.Formats(report.ViewClassification), ", "))
	addDataFlag(fs, &ecfg)
	addConfigFlags(fs, &project)
	if code, done := parseFlags(fs, args, stdout, stderr); done {
		return code
	}
	cfg, err := project.load()
	if err != nil {
		fmt.Fprintln(stderr, explain(err))
		return exitUsage
	}
	if cfg != nil {
		// The configuration's rule data first: --data merges over it.
		ecfg.dataFiles = append(slices.Clone(cfg.Data), ecfg.dataFiles...)
	}
	rep, err := report.New(format, report.ViewClassification, stdout)
	if err != nil {
		fmt.Fprintf(stderr, "charterlint classify: --format: %v\n", err)
		return exitUsage
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "charterlint classify: name at least one charter file or directory")
		return exitUsage
	}
	// Structure, facts and classification: no rule is compiled.
	l, err := ecfg.analyzer(analysis.Options{Limits: decode.DefaultLimits(), Stdin: stdin}, false, stderr)
	if err != nil {
		fmt.Fprintln(stderr, explain(err))
		return exitUsage
	}
	sources, problems := filter(cfg).Sources(fs.Args())
	code := exitOK
	for _, p := range problems {
		fmt.Fprintf(stderr, "charterlint: %v\n", p)
		code = exitUsage
	}
	if len(sources) == 0 && code == exitOK {
		fmt.Fprintf(stderr, "charterlint: no charters found in %s (%s)\n", strings.Join(fs.Args(), ", "), walkRule(cfg))
		return exitUsage
	}
	var sum report.Summary
	repErr := rep.Start(&report.Run{Version: version()})
	l.Run(context.Background(), sources, 1, func(a *analysis.Analysis) {
		switch {
		case a.Err != nil:
			fmt.Fprintln(stderr, explain(a.Err))
			code = exitUsage
			return
		case !a.Checked():
			// A charter that fails the structural checks cannot be
			// classified; its problems go to stderr.
			problems, _ := report.New("text", report.ViewFindings, stderr)
			problems.Start(&report.Run{})
			problems.File(a)
			fmt.Fprintf(stderr, "charterlint: %s: not classified: fix the problems above first\n", a.Path)
			code = max(code, exitFindings)
			return
		}
		sum.Add(a)
		if err := rep.File(a); err != nil && repErr == nil {
			repErr = err
		}
	})
	if err := rep.Finish(sum); err != nil && repErr == nil {
		repErr = err
	}
	if repErr != nil {
		fmt.Fprintf(stderr, "charterlint: write classification: %v\n", repErr)
		return exitUsage
	}
	return code
}
