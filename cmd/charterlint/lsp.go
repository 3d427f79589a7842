package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/charterlint/charterlint/internal/analysis"
	"github.com/charterlint/charterlint/internal/baseline"
	"github.com/charterlint/charterlint/internal/config"
	"github.com/charterlint/charterlint/internal/lsp"
)

const lspExamples = `  # Started by an editor, which talks to it on standard input and output
  # (docs/editors.md says how to set up VS Code, Neovim, Helix and Zed):
  charterlint lsp

  # With a log of the server's own messages:
  charterlint lsp --log /tmp/charterlint-lsp.log
`

// runLsp serves the Language Server Protocol on standard input and
// output: lint's findings as the author types, and navigation by id. The
// server itself is internal/lsp.
func runLsp(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("lsp", "lsp [flags]", lspExamples, stdout)
	var engine engineConfig
	var project projectFlags
	addEngineFlags(fs, &engine)
	addSelectionFlags(fs, &project)
	logFile := fs.String("log", "", "append the server's own messages to this file (default: standard error)")
	fs.Bool("stdio", true, "talk on standard input and output (the only transport; accepted for editors that pass it)")
	if code, done := parseFlags(fs, args, stdout, stderr); done {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "charterlint lsp: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	if err := engine.check(); err != nil {
		fmt.Fprintf(stderr, "charterlint lsp: %v\n", err)
		return exitUsage
	}
	flags, err := project.flags()
	if err != nil {
		fmt.Fprintf(stderr, "charterlint lsp: %v\n", err)
		return exitUsage
	}
	logw := stderr
	if *logFile != "" {
		f, err := os.OpenFile(*logFile, os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o644)
		if err != nil {
			fmt.Fprintf(stderr, "charterlint lsp: --log: %v\n", err)
			return exitUsage
		}
		defer f.Close()
		logw = f
	}
	// Each configuration file gets the analyzer lint would build in its
	// directory: its rules, data, selection, suppressions and baseline.
	newAnalyzer := func(c *config.Config) (*analysis.Analyzer, error) {
		e := engine
		e.adopt(c)
		l, err := e.analyzer(analysis.Options{}, true, logw)
		if err != nil {
			return nil, fmt.Errorf("%s", explain(err))
		}
		if l.Selection, err = config.Select(c, flags, l.Rules.Rules(), time.Now()); err != nil {
			return nil, fmt.Errorf("%s", explain(err))
		}
		if c != nil && c.Baseline != "" {
			if l.Baseline, err = baseline.Load(c.Baseline); err != nil {
				return nil, fmt.Errorf("%s", explain(err))
			}
		}
		return l, nil
	}
	srv := lsp.New(lsp.Options{NewAnalyzer: newAnalyzer, Log: logw})
	if err := srv.Serve(context.Background(), stdio{stdin, stdout}); err != nil {
		fmt.Fprintf(logw, "charterlint lsp: %v\n", err)
		return exitFindings
	}
	return exitOK
}

// stdio is standard input and output as one stream.
type stdio struct {
	io.Reader
	io.Writer
}

func (stdio) Close() error { return nil }
