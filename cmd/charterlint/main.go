// Command charterlint lints Internet-governance charters: it validates each
// charter against the embedded JSON Schema, checks its references and
// evaluates governance rules written in Rego.
//
// Run "charterlint help" for usage.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/charterlint/charterlint/internal/config"
	"github.com/charterlint/charterlint/internal/schema"
	"github.com/spf13/pflag"
)

// Exit codes, documented in the README.
const (
	exitOK       = 0 // nothing at or above the failure threshold
	exitFindings = 1 // problems found in a charter
	exitUsage    = 2 // the invocation failed
)

func main() {
	tuneGC()
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// tuneGC leaves the collector to the memory limit: it runs only when the
// heap nears a soft limit of 40 MiB, never by the heap's growth. A
// single-file run allocates about 11 MB, most of it the compiled rules,
// which stay live, so it never collects; a repository run keeps about
// 9 MB live and collects when the rest reaches the limit, which keeps a
// 10,000-charter run's peak near 56 MB (bench/README.md). GOGC or
// GOMEMLIMIT in the environment win; with a GOMEMLIMIT of the user's and
// no GOGC, the collector also runs when the heap has grown fivefold, so
// that a limit set high (or off) never leaves it idle.
func tuneGC() {
	gogc, limit := os.Getenv("GOGC") == "", os.Getenv("GOMEMLIMIT") == ""
	switch {
	case gogc && limit:
		debug.SetGCPercent(-1)
	case gogc:
		debug.SetGCPercent(400)
	}
	if limit {
		debug.SetMemoryLimit(40 << 20)
	}
}

// command is one subcommand.
type command struct {
	name    string
	summary string
	run     func(args []string, stdin io.Reader, stdout, stderr io.Writer) int
}

func commands() []command {
	return []command{
		{"lint", "check charters against the schema, references and rules", runLint},
		{"classify", "show which classes really hold power, and how", runClassify},
		{"report", "write a review of charters for a drafting committee (HTML or Markdown)", runReport},
		{"diff", "compare two versions of a charter: power, elements, findings", runDiff},
		{"conformance", "check charters against frameworks: NETmundial, São Paulo, NTIA", runConformance},
		{"rules", "list the rules", runRules},
		{"explain", "explain a rule: rationale, source and examples", runExplain},
		{"verify", "run the Rego tests of your own rules", runVerify},
		{"schema", "print the charter JSON Schema", runSchema},
		{"lsp", "serve the Language Server Protocol: findings and ids in the editor", runLsp},
		{"init", "write a starter " + config.FileName, runInit},
		{"version", "print the version", runVersion},
		{"help", "show help for a command", nil},
	}
}

// run is main without the process: it returns the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return exitUsage
	}
	name, rest := args[0], args[1:]
	switch name {
	case "-h", "--help":
		usage(stdout)
		return exitOK
	case "--version":
		return runVersion(nil, stdin, stdout, stderr)
	case "help":
		if len(rest) == 0 || rest[0] == "help" || rest[0] == "-h" || rest[0] == "--help" {
			usage(stdout)
			return exitOK
		}
		name, rest = rest[0], []string{"--help"}
	}
	var names []string
	for _, c := range commands() {
		if c.name == name && c.run != nil {
			return c.run(rest, stdin, stdout, stderr)
		}
		names = append(names, c.name)
	}
	fmt.Fprintf(stderr, "charterlint: unknown command %q%s\nRun 'charterlint help' for usage.\n", name, didYouMean(name, names))
	return exitUsage
}

// didYouMean suggests the candidate nearest to s, or returns "".
func didYouMean(s string, candidates []string) string {
	if best, ok := schema.Closest(s, candidates); ok {
		return fmt.Sprintf("; did you mean %q?", best)
	}
	return ""
}

func usage(w io.Writer) {
	fmt.Fprint(w, `charterlint checks Internet-governance charters written in JSON: the
schema, the references between actors, bodies and functions, and governance
rules such as multilateral or incumbent capture.

Usage:
  charterlint <command> [flags] [arguments]

Commands:
`)
	width := 0
	for _, c := range commands() {
		width = max(width, len(c.name))
	}
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-*s  %s\n", width, c.name, c.summary)
	}
	fmt.Fprint(w, `
Run 'charterlint <command> --help' for a command's flags and examples.

Exit codes: 0 no problem at or above the --fail-on threshold, 1 problems
found in a charter, 2 the invocation failed.
`)
}

// newFlags returns a flag set that reports errors instead of exiting and
// prints usage with the command's synopsis and examples.
func newFlags(name, synopsis, examples string, out io.Writer) *pflag.FlagSet {
	fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
	fs.SetOutput(out)
	fs.SortFlags = false
	// Usage writes where the flag set's output points: parseFlags mutes
	// it while parsing, during which pflag prints usage for --help itself.
	fs.Usage = func() {
		w := fs.Output()
		fmt.Fprintf(w, "Usage:\n  charterlint %s\n\nFlags:\n%s", synopsis, fs.FlagUsages())
		if examples != "" {
			fmt.Fprintf(w, "\nExamples:\n%s", examples)
		}
	}
	return fs
}

// parseFlags parses args; it returns done=true with the exit code when the
// command should stop (help was asked for, or a flag was wrong).
func parseFlags(fs *pflag.FlagSet, args []string, stdout, stderr io.Writer) (code int, done bool) {
	fs.SetOutput(io.Discard)
	err := fs.Parse(args)
	switch {
	case errors.Is(err, pflag.ErrHelp):
		fs.SetOutput(stdout)
		fs.Usage()
		return exitOK, true
	case err != nil:
		fmt.Fprintf(stderr, "charterlint %s: %v%s\n", fs.Name(), err, flagHint(fs, err))
		fmt.Fprintf(stderr, "Run 'charterlint %s --help' for usage.\n", fs.Name())
		return exitUsage, true
	}
	return 0, false
}

// flagHint suggests the flag nearest to an unknown one, or returns "".
func flagHint(fs *pflag.FlagSet, err error) string {
	msg := err.Error()
	var name string
	switch {
	case strings.HasPrefix(msg, "unknown flag: --"):
		name = strings.TrimPrefix(msg, "unknown flag: --")
	case strings.HasPrefix(msg, "unknown shorthand flag: "):
		return "" // one letter: nothing sensible to suggest
	default:
		return ""
	}
	var names []string
	fs.VisitAll(func(f *pflag.Flag) { names = append(names, f.Name) })
	if best, ok := schema.Closest(name, names); ok {
		return fmt.Sprintf("; did you mean --%s?", best)
	}
	return ""
}

func runVersion(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("version", "version", `  # Which build is this (module version and VCS revision)?
  charterlint version
`, stdout)
	if code, done := parseFlags(fs, args, stdout, stderr); done {
		return code
	}
	fmt.Fprintf(stdout, "charterlint %s\n", version())
	return exitOK
}

func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok || info.Main.Version == "" {
		return "(devel)"
	}
	v := info.Main.Version
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" && v == "(devel)" {
			v += " " + s.Value[:min(12, len(s.Value))]
		}
	}
	return strings.TrimSpace(v)
}
