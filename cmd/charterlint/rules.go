package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

func runRules(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	var (
		format  string
		ecfg    engineConfig
		project projectFlags
	)
	fs := newFlags("rules", "rules [flags]", `  # List the built-in rules:
  charterlint rules

  # Include your own rules, as JSON:
  charterlint rules --policy ./policy --format json
`, stdout)
	fs.StringVarP(&format, "format", "f", "text", "output format: text or json")
	addRuleFlags(fs, &ecfg)
	addConfigFlags(fs, &project)
	if code, done := parseFlags(fs, args, stdout, stderr); done {
		return code
	}
	if err := project.adopt(&ecfg); err != nil {
		fmt.Fprintln(stderr, explain(err))
		return exitUsage
	}
	if format != "text" && format != "json" {
		fmt.Fprintf(stderr, "charterlint rules: --format: unknown output format %q (want text or json)\n", format)
		return exitUsage
	}
	engine, err := ecfg.engine(stderr)
	if err != nil {
		fmt.Fprintln(stderr, explain(err))
		return exitUsage
	}
	rules := engine.Rules()
	if format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rules); err != nil {
			fmt.Fprintf(stderr, "charterlint: %v\n", err)
			return exitUsage
		}
		return exitOK
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSEVERITY\tGROUP\tTITLE")
	for _, r := range rules {
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", r.ID, r.Severity, r.Group, r.Title)
	}
	tw.Flush()
	return exitOK
}

func runExplain(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	var (
		ecfg    engineConfig
		project projectFlags
	)
	fs := newFlags("explain", "explain [flags] RULE-ID", `  # Why does CL-CAP-002 matter, and what triggers it?
  charterlint explain CL-CAP-002
`, stdout)
	addRuleFlags(fs, &ecfg)
	addConfigFlags(fs, &project)
	if code, done := parseFlags(fs, args, stdout, stderr); done {
		return code
	}
	if err := project.adopt(&ecfg); err != nil {
		fmt.Fprintln(stderr, explain(err))
		return exitUsage
	}
	if fs.NArg() != 1 {
		fmt.Fprintf(stderr, "charterlint explain: want exactly one rule id, got %d\nRun 'charterlint rules' for the list.\n", fs.NArg())
		return exitUsage
	}
	engine, err := ecfg.engine(stderr)
	if err != nil {
		fmt.Fprintln(stderr, explain(err))
		return exitUsage
	}
	r, ok := engine.Rule(fs.Arg(0))
	if !ok {
		var ids []string
		for _, r := range engine.Rules() {
			ids = append(ids, r.ID)
		}
		fmt.Fprintf(stderr, "charterlint explain: no rule %q%s\nRun 'charterlint rules' for the list.\n", fs.Arg(0), didYouMean(fs.Arg(0), ids))
		return exitUsage
	}
	fmt.Fprintf(stdout, "%s: %s\n\nseverity: %s\ngroup:    %s\n\n%s\n\nWhy it matters\n%s\n\nSource\n  %s\n",
		r.ID, r.Title, r.Severity, r.Group, indent(r.Description), indent(r.Rationale), r.Citation)
	if r.Fail != "" {
		fmt.Fprintf(stdout, "\nFlagged\n%s\n", indent(r.Fail))
	}
	if r.Pass != "" {
		fmt.Fprintf(stdout, "\nNot flagged\n%s\n", indent(r.Pass))
	}
	return exitOK
}

func indent(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = "  " + l
		}
	}
	return strings.Join(lines, "\n")
}
