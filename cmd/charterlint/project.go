package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/charterlint/charterlint/internal/analysis"
	"github.com/charterlint/charterlint/internal/config"
	"github.com/charterlint/charterlint/internal/discover"
	"github.com/charterlint/charterlint/internal/finding"
	"github.com/charterlint/charterlint/internal/policy"
	"github.com/spf13/pflag"
)

// projectFlags are the flags about the configuration file and the rule
// settings that override it.
type projectFlags struct {
	configFile string
	noConfig   bool
	disable    []string
	enable     []string
	severity   []string // ID=LEVEL
}

func addConfigFlags(fs *pflag.FlagSet, p *projectFlags) {
	fs.StringVar(&p.configFile, "config", "", "configuration file (default: the nearest "+config.FileName+" at or above the working directory)")
	fs.BoolVar(&p.noConfig, "no-config", false, "read no configuration file")
}

func addSelectionFlags(fs *pflag.FlagSet, p *projectFlags) {
	fs.StringSliceVar(&p.disable, "disable", nil, "rule ids or groups whose findings are not reported; the rules still run (comma-separated or repeated)")
	fs.StringSliceVar(&p.enable, "enable", nil, "rule ids or groups whose findings are reported again after the configuration file disabled them")
	fs.StringArrayVar(&p.severity, "severity", nil, "set a rule's (or group's) severity: ID=error|warning|info (repeatable)")
}

// load reads the configuration file, or returns nil when there is none
// (or --no-config).
func (p projectFlags) load() (*config.Config, error) {
	if p.noConfig {
		if p.configFile != "" {
			return nil, fmt.Errorf("--config and --no-config contradict each other")
		}
		return nil, nil
	}
	path := p.configFile
	if path == "" {
		found, err := config.Find(".")
		if err != nil || found == "" {
			return nil, err
		}
		path = shortPath(found)
	}
	return config.Load(path)
}

// shortPath shows an absolute path relative to the working directory
// when it lies below it.
func shortPath(path string) string {
	wd, err := os.Getwd()
	if err != nil {
		return path
	}
	if rel, err := filepath.Rel(wd, path); err == nil && !strings.HasPrefix(rel, "..") {
		return rel
	}
	return path
}

// flags are the command line's rule settings.
func (p projectFlags) flags() (config.Flags, error) {
	f := config.Flags{Disable: p.disable, Enable: p.enable, Severity: map[string]finding.Severity{}}
	for _, s := range p.severity {
		id, level, ok := strings.Cut(s, "=")
		if !ok || id == "" {
			return f, fmt.Errorf("--severity %q: want ID=LEVEL, e.g. CL-ACC-007=warning", s)
		}
		sev, err := finding.ParseSeverity(level)
		if err != nil {
			return f, fmt.Errorf("--severity %s: %v", id, err)
		}
		f.Severity[id] = sev
	}
	return f, nil
}

// selection resolves the file's and the flags' rule settings against the
// rules that run.
func (p projectFlags) selection(c *config.Config, rules []policy.Rule) (*config.Selection, error) {
	return p.selectionOnly(c, rules, nil)
}

// selectionOnly is selection, reporting only the rules in only (nil: all).
func (p projectFlags) selectionOnly(c *config.Config, rules []policy.Rule, only []string) (*config.Selection, error) {
	f, err := p.flags()
	if err != nil {
		return nil, err
	}
	f.Only = only
	return config.Select(c, f, rules, time.Now())
}

// profileNames are the profiles the flags name, else the file's.
func profileNames(flag []string, changed bool, c *config.Config) []string {
	if changed || c == nil {
		return flag
	}
	return c.Profile
}

// filter narrows discovery by the file's include and exclude globs.
func filter(c *config.Config) *discover.Filter {
	if c == nil {
		return nil
	}
	f := &discover.Filter{Dir: c.Dir}
	for _, g := range c.Include {
		f.Include = append(f.Include, g.Pattern)
	}
	for _, g := range c.Exclude {
		f.Exclude = append(f.Exclude, g.Pattern)
	}
	return f
}

// projectFailOn is the file's fail-on, "" when it sets none.
func projectFailOn(c *config.Config) string {
	if c == nil {
		return ""
	}
	return c.FailOn
}

// sameDir reports whether two paths name the same directory.
func sameDir(a, b string) bool {
	a, errA := filepath.Abs(a)
	b, errB := filepath.Abs(b)
	return errA == nil && errB == nil && a == b
}

// projectBaseline is the file's baseline, "" when it sets none or the run
// writes a new one.
func projectBaseline(c *config.Config, writing string) string {
	if c == nil || writing != "" {
		return ""
	}
	return c.Baseline
}

// adopt puts the file's rule data and rules before the flags' (the flags'
// data then merges over the file's).
func (e *engineConfig) adopt(c *config.Config) {
	if c == nil {
		return
	}
	e.dataFiles = append(slices.Clone(c.Data), e.dataFiles...)
	e.policyDirs = append(slices.Clone(c.Policy), e.policyDirs...)
}

// adopt loads the configuration file and adopts its rule data and rules.
func (p projectFlags) adopt(e *engineConfig) error {
	c, err := p.load()
	if err != nil {
		return err
	}
	e.adopt(c)
	return nil
}

// walkRule says which files a directory walk picks, for a run that found
// none.
func walkRule(c *config.Config) string {
	if c == nil || len(c.Include) == 0 && len(c.Exclude) == 0 {
		return "a directory walk picks files named *" + discover.Suffix
	}
	rule := "a directory walk picks files named *" + discover.Suffix
	if len(c.Include) > 0 {
		rule = "a directory walk picks the files matched by include"
	}
	if len(c.Exclude) > 0 {
		rule += ", except those matched by exclude"
	}
	return rule + " in " + c.File
}

// noCharters is the error of a run that found no charter in paths, all of
// which it could read: the files given are all excluded, or the charters
// the directories hold are, or which files a directory walk picks.
func noCharters(c *config.Config, paths []string) string {
	where := strings.Join(paths, ", ")
	if c != nil && len(c.Exclude) > 0 {
		if filesOnly(paths) {
			// A file named is linted unless it is excluded.
			return fmt.Sprintf("no charters found in %s: the files given are excluded by %s", where, c.File)
		}
		// The same walk without exclude: did it leave out every charter?
		all := filter(c)
		all.Exclude = nil
		var dirs, named []string
		for _, p := range paths {
			if info, err := os.Stat(p); err == nil && info.IsDir() {
				dirs = append(dirs, p)
			} else if p != discover.Stdin {
				named = append(named, p) // given, so excluded
			}
		}
		sources, _ := all.Sources(dirs)
		found := named
		for _, src := range sources {
			if !slices.ContainsFunc(named, func(n string) bool { return filepath.Clean(n) == filepath.Clean(src.Path) }) {
				found = append(found, src.Path)
			}
		}
		switch len(found) {
		case 0:
		case 1:
			return fmt.Sprintf("no charters found in %s: the only charter there, %s, is excluded by exclude in %s", where, found[0], c.File)
		case 2:
			return fmt.Sprintf("no charters found in %s: both charters there are excluded by exclude in %s", where, c.File)
		default:
			return fmt.Sprintf("no charters found in %s: all %d charters there are excluded by exclude in %s", where, len(found), c.File)
		}
	}
	return fmt.Sprintf("no charters found in %s (%s)", where, walkRule(c))
}

// filesOnly reports whether no path names a directory: the paths a
// pre-commit hook passes.
func filesOnly(paths []string) bool {
	for _, p := range paths {
		if p == discover.Stdin {
			continue
		}
		if info, err := os.Stat(p); err == nil && info.IsDir() {
			return false
		}
	}
	return true
}

// ruleAnalyzer builds the analyzer with the rules, then the rule
// selection of the configuration file and the flags: the analyzer of the
// commands that report findings.
func (e engineConfig) ruleAnalyzer(opts analysis.Options, c *config.Config, p projectFlags, stderr io.Writer) (*analysis.Analyzer, error) {
	l, err := e.analyzer(opts, true, stderr)
	if err != nil {
		return nil, err
	}
	if l.Selection, err = p.selection(c, l.Rules.Rules()); err != nil {
		return nil, err
	}
	return l, nil
}

// start is the beginning of the commands that judge the charters paths
// name (report, conformance): it loads the configuration file and adopts
// its rules and data, finds the charters (narrowed by its globs) and
// builds the analyzer with the rules and their selection. Problems go to
// stderr; ok is false when nothing can be judged, failed when a path could
// not be read but others can.
func (e engineConfig) start(paths []string, opts analysis.Options, p projectFlags, stderr io.Writer) (c *config.Config, sources []discover.Source, l *analysis.Analyzer, failed, ok bool) {
	c, err := p.load()
	if err != nil {
		fmt.Fprintln(stderr, explain(err))
		return nil, nil, nil, false, false
	}
	e.adopt(c)
	sources, problems := filter(c).Sources(paths)
	for _, pr := range problems {
		fmt.Fprintf(stderr, "charterlint: %v\n", pr)
		failed = true
	}
	if len(sources) == 0 {
		if !failed {
			fmt.Fprintf(stderr, "charterlint: %s\n", noCharters(c, paths))
		}
		return nil, nil, nil, failed, false
	}
	if l, err = e.ruleAnalyzer(opts, c, p, stderr); err != nil {
		fmt.Fprintln(stderr, explain(err))
		return nil, nil, nil, failed, false
	}
	return c, sources, l, failed, true
}
