package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/charterlint/charterlint/internal/classify"
	"github.com/charterlint/charterlint/internal/decode"
	"github.com/charterlint/charterlint/internal/discover"
	"github.com/charterlint/charterlint/internal/lint"
	"github.com/charterlint/charterlint/internal/report"
)

const classifyExamples = `  # Which classes really hold power in this charter, and how?
  charterlint classify fixtures/itu.charter.json

  # Compare every shipped charter side by side, as a Markdown table:
  charterlint classify --format markdown fixtures/
`

func runClassify(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var (
		format string
		ecfg   engineConfig
	)
	fs := newFlags("classify", "classify [flags] PATH...", classifyExamples, stdout)
	fs.StringVarP(&format, "format", "f", "text", "output format: "+strings.Join(classify.Formats(), ", "))
	addEngineFlags(fs, &ecfg)
	if code, done := parseFlags(fs, args, stdout, stderr); done {
		return code
	}
	if !slices.Contains(classify.Formats(), format) {
		fmt.Fprintf(stderr, "charterlint classify: --format: unknown output format %q (want one of %s)\n", format, strings.Join(classify.Formats(), ", "))
		return exitUsage
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "charterlint classify: name at least one charter file or directory")
		return exitUsage
	}
	l, err := ecfg.linter(lint.Options{Limits: decode.DefaultLimits(), Stdin: stdin})
	if err != nil {
		fmt.Fprintf(stderr, "charterlint: %v\n", err)
		return exitUsage
	}
	// Structural checks only: a charter that does not pass them cannot be
	// classified, and its findings go to stderr. The engine derives facts.
	engine := l.Engine
	l.Engine = nil
	sources, problems := discover.Sources(fs.Args())
	code := exitOK
	for _, p := range problems {
		fmt.Fprintf(stderr, "charterlint: %v\n", p)
		code = exitUsage
	}
	var out []classify.Classification
	for _, s := range sources {
		data, err := l.Read(s.Path)
		if err != nil {
			fmt.Fprintf(stderr, "charterlint: %v\n", err)
			code = exitUsage
			continue
		}
		name := l.DisplayName(s.Path)
		findings, checked, err := l.Check(context.Background(), name, data)
		if err != nil {
			fmt.Fprintf(stderr, "charterlint: %v\n", err)
			code = exitUsage
			continue
		}
		if checked == nil {
			rep, _ := report.New("text", stderr)
			rep.File(report.File{Path: name, Findings: findings})
			fmt.Fprintf(stderr, "charterlint: %s: not classified: fix the problems above first\n", name)
			code = max(code, exitFindings)
			continue
		}
		out = append(out, classify.Of(name, checked.Charter, engine.Facts(checked.Charter)))
	}
	if err := classify.Write(stdout, format, out); err != nil {
		fmt.Fprintf(stderr, "charterlint: write classification: %v\n", err)
		return exitUsage
	}
	return code
}
