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
	"github.com/charterlint/charterlint/internal/policy"
	"github.com/charterlint/charterlint/internal/profile"
	"github.com/charterlint/charterlint/internal/report"
	"github.com/spf13/pflag"
)

const conformanceExamples = `  # Does this charter meet the NETmundial 2014 process principles?
  charterlint conformance --profile netmundial-2014 fixtures/icann.charter.json

  # Several charters against every framework: a matrix per framework.
  charterlint conformance fixtures/icann.charter.json fixtures/itu.charter.json

  # As one HTML page for a committee; fail CI below 75% of a framework:
  charterlint conformance --format html -o conformance.html --fail-under 75 charters/
`

// profileFlags are the flags that choose framework profiles.
type profileFlags struct {
	names []string
	files []string
}

func addProfileFlags(fs *pflag.FlagSet, p *profileFlags, def []string, what string) {
	fs.StringArrayVar(&p.names, "profile", def, what+": netmundial-2014, sao-paulo-2024, ntia-iana-2014, core (the rule pack, a criterion per rule) or all (every framework profile) (repeatable)")
	fs.StringArrayVar(&p.files, "profile-file", nil, "a profile file (schemas/profile-v1.json) that adds a profile or replaces the built-in one of its id (repeatable)")
}

// resolve loads the profiles and selects the ones named, against the
// catalogue of the rules that run.
func (p profileFlags) resolve(rules []policy.Rule) ([]*profile.Profile, error) {
	set, err := profile.Load(p.files...)
	if err != nil {
		return nil, err
	}
	return set.Resolve(p.names, rules)
}

// runConformance judges charters against framework profiles, criterion
// by criterion. The report is the result: it exits with 0 once the
// report is written, 1 when --fail-under is given and a charter scores
// below it on a profile, 2 when the invocation fails.
func runConformance(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	var (
		format    string
		outPath   string
		stdinName string
		failUnder int
		limits    = decode.DefaultLimits()
		ecfg      engineConfig
		project   projectFlags
		profiles  profileFlags
	)
	fs := newFlags("conformance", "conformance [flags] PATH...", conformanceExamples, stdout)
	addProfileFlags(fs, &profiles, []string{profile.All}, "framework profile to check against")
	fs.StringVarP(&format, "format", "f", "text", "output format: "+strings.Join(report.Formats(report.ViewConformance), ", "))
	fs.StringVarP(&outPath, "output", "o", "", "write the report to this file (replaced whole, only once it is complete) instead of standard output")
	fs.IntVar(&failUnder, "fail-under", 0, "exit 1 when a charter meets less than this percentage of a profile's checkable criteria (0: never)")
	fs.StringVar(&stdinName, "stdin-filename", "<stdin>", "name shown for a charter read from standard input (\"-\")")
	fs.Int64Var(&limits.MaxBytes, "max-bytes", limits.MaxBytes, "largest charter file accepted, in bytes")
	addSelectionFlags(fs, &project)
	addConfigFlags(fs, &project)
	addEngineFlags(fs, &ecfg)
	if code, done := parseFlags(fs, args, stdout, stderr); done {
		return code
	}
	if !slices.Contains(report.Formats(report.ViewConformance), format) {
		fmt.Fprintf(stderr, "charterlint conformance: --format: unknown output format %q (want one of %s)\n", format, strings.Join(report.Formats(report.ViewConformance), ", "))
		return exitUsage
	}
	if failUnder < 0 || failUnder > 100 {
		fmt.Fprintf(stderr, "charterlint conformance: --fail-under must be a percentage from 0 to 100, got %d\n", failUnder)
		return exitUsage
	}
	if limits.MaxBytes < 1 {
		fmt.Fprintf(stderr, "charterlint conformance: --max-bytes must be at least 1, got %d\n", limits.MaxBytes)
		return exitUsage
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "charterlint conformance: name at least one charter file or directory")
		return exitUsage
	}
	cfg, sources, l, failed, ok := ecfg.start(fs.Args(), analysis.Options{Limits: limits, Stdin: stdin, StdinName: stdinName}, project, stderr)
	if !ok {
		return exitUsage
	}
	profiles.names = profileNames(profiles.names, fs.Changed("profile"), cfg)
	chosen, err := profiles.resolve(l.Rules.Rules())
	if err != nil {
		fmt.Fprintf(stderr, "charterlint conformance: --profile: %v\n", err)
		return exitUsage
	}
	dest, err := openOutput(outPath, stdout)
	if err != nil {
		fmt.Fprintf(stderr, "charterlint conformance: --output: %v\n", err)
		return exitUsage
	}
	defer dest.abort()
	out := bufio.NewWriterSize(dest, 64<<10)
	rep, err := report.New(format, report.ViewConformance, out)
	if err != nil {
		fmt.Fprintf(stderr, "charterlint conformance: %v\n", err)
		return exitUsage
	}
	var sum report.Summary
	below := false
	ran := l.Rules.Rule
	repErr := rep.Start(&report.Run{Version: version(), Rules: l.Rules.Rules(), Matrix: l.Data.Lookup, Profiles: chosen})
	l.Run(context.Background(), sources, 1, func(a *analysis.Analysis) {
		if a.Err != nil {
			fmt.Fprintln(stderr, explain(a.Err))
			failed = true
			sum.Failed++
			return
		}
		if a.Config {
			return // the configuration's own findings judge no charter
		}
		sum.Add(a)
		if failUnder > 0 {
			for _, p := range chosen {
				if res := profile.Evaluate(p, a, ran); res.Checkable > 0 && res.Met*100 < failUnder*res.Checkable {
					below = true
				}
			}
		}
		if err := rep.File(a); err != nil && repErr == nil {
			repErr = err
		}
	})
	if !finishReport(rep, sum, out, dest, repErr, failed, "conformance", stderr) {
		return exitUsage
	}
	if below {
		fmt.Fprintf(stderr, "charterlint conformance: a charter meets less than %d%% of a profile's checkable criteria\n", failUnder)
		return exitFindings
	}
	return exitOK
}
