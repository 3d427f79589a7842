package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/charterlint/charterlint/internal/policy"
	"github.com/charterlint/charterlint/internal/report"
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

  # A finding's RULE column can also name a stage of the pipeline
  # (parse, schema, reference) or a check of the configuration
  # (suppression, baseline): what does it mean, and how is it fixed?
  charterlint explain schema
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
		if st, ok := stageRule(fs.Arg(0)); ok {
			explainStage(stdout, st)
			return exitOK
		}
		var ids []string
		for _, r := range engine.Rules() {
			ids = append(ids, r.ID)
		}
		for _, r := range report.StageRules() {
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

// stageHelp is what explain says of a stage's findings besides the
// title and description that SARIF gives them (report.StageRules).
type stageHelp struct {
	// Stage is the finding's stage, with where it runs.
	Stage string
	// Means says what a finding tells about the charter and the run;
	// Fix how the usual problems are fixed; Read the documentation.
	Means, Fix, Read string
}

// stageHelpOf is the help for an entry of report.StageRules.
func stageHelpOf(id string) stageHelp {
	return map[string]stageHelp{
		"parse": {
			Stage: "parse, the first stage; no setting turns it off",
			Means: "charterlint could not read the file as JSON, so it stopped there: the schema, the references and the rules did not run, the charter is not classified, and diff cannot compare its power.",
			Fix:   "Go to the line and column the finding gives. The usual causes are a comma after the last item of a list or object, a missing comma, quote or bracket, the same key written twice in one object, or a file saved in an encoding other than UTF-8. An editor that knows JSON shows these as you type.",
			Read:  "docs/charter-format.md, section Files (what the decoder rejects); docs/security.md, section Limits",
		},
		"schema": {
			Stage: "schema, after parse; no setting turns it off",
			Means: "The file is JSON, but not a charter in the charterlint/v1 format. The references and the rules did not run, since they rely on the format, and the charter is not classified.",
			Fix:   "The pointer names the value at fault. Check the property's name, type and allowed values against the field tables: a misspelt actor class, modality or vote is the usual cause, and the message often names the nearest allowed value. Remove properties the format does not know, and add the required ones it lists. Starting the file with \"$schema\" lets an editor check it as you type.",
			Read:  "docs/charter-format.md, sections Fields and Common value types; schemas/charter-v1.json",
		},
		"reference": {
			Stage: "reference, after schema; no setting turns it off",
			Means: "The charter follows the format, but its elements do not fit together: an id names nothing of the right kind, two elements share an id, or a seat, house, composition or function breaks one of the format's structural constraints. The rules did not run, since they follow the references to work out who holds power.",
			Fix:   "Correct the id at the pointer (ids are case-sensitive and must match exactly), add the element it is meant to name, or give one of two elements that share an id another one. The References table lists the kind of element each field may name.",
			Read:  "docs/charter-format.md, sections Ids and References",
		},
		"limit": {
			Stage: "policy, after the rules; it counts what was left out",
			Means: "At most 1,000 findings are reported per file, the most severe first, so that one file cannot flood a report. This finding, the last of the file, counts the others by severity; they still count for the exit code.",
			Fix:   "Fix the findings shown and run again: the others then appear. So many findings usually have one cause, such as a rule that does not fit this kind of charter (disable it for these files in an overrides entry of .charterlint.yaml) or one mistake repeated in many elements.",
			Read:  "docs/security.md, section Limits; docs/configuration.md, sections rules and overrides",
		},
		"suppression": {
			Stage: "config, about .charterlint.yaml rather than a charter",
			Means: "The finding is located at the suppression in .charterlint.yaml, not in a charter. An expired suppression no longer hides anything: the findings it accepted count for the exit code again. An unused one does nothing, and may hide a finding later that nobody meant to accept.",
			Fix:   "For an expired suppression, fix the finding it covered, or, if it is still accepted, give it a later expires date and an up-to-date reason. For an unused one, remove it, or correct its rule, file glob, element or pointer if the charter was renamed or edited.",
			Read:  "docs/configuration.md, section suppressions",
		},
		"baseline": {
			Stage: "config, about the baseline file rather than a charter",
			Means: "The finding the entry recorded was fixed, or its charter or element was renamed or removed, so the entry no longer hides anything. The finding is located at the entry in the baseline file.",
			Fix:   "When none of the findings the entry records is seen, remove the entry; when some still are, lower its count to those still seen. Or write the baseline again: charterlint lint --write-baseline FILE.",
			Read:  "docs/configuration.md, section Baselines",
		},
	}[id]
}

// stageRule finds the description of a stage's findings by id, in any
// case.
func stageRule(id string) (policy.Rule, bool) {
	for _, r := range report.StageRules() {
		if strings.EqualFold(r.ID, id) {
			return r, true
		}
	}
	return policy.Rule{}, false
}

// explainStage prints a stage's findings' description in the layout of
// a rule's.
func explainStage(w io.Writer, r policy.Rule) {
	h := stageHelpOf(r.ID)
	fmt.Fprintf(w, "%s: %s\n\nseverity: %s\nstage:    %s\n\n%s\n",
		r.ID, r.Title, r.Severity, h.Stage, indent(wrap(r.Description)))
	for _, part := range [][2]string{{"What a finding means", h.Means}, {"How to fix", h.Fix}, {"Read", h.Read}} {
		if part[1] != "" {
			fmt.Fprintf(w, "\n%s\n%s\n", part[0], indent(wrap(part[1])))
		}
	}
}

// wrap breaks a paragraph into lines of at most 72 characters.
func wrap(s string) string {
	var b strings.Builder
	n := 0
	for _, word := range strings.Fields(s) {
		if n > 0 && n+1+len([]rune(word)) > 72 {
			b.WriteByte('\n')
			n = 0
		} else if n > 0 {
			b.WriteByte(' ')
			n++
		}
		b.WriteString(word)
		n += len([]rune(word))
	}
	return b.String()
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
