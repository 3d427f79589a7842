package config

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/bmatcuk/doublestar/v4"
	"github.com/charterlint/charterlint/internal/discover"
	"github.com/charterlint/charterlint/internal/finding"
	"github.com/charterlint/charterlint/internal/policy"
	"github.com/charterlint/charterlint/internal/schema"
)

// Selection is the rule settings of the configuration file and of the
// command line, resolved against the rule catalogue, and the
// suppressions: what decides, per charter, which findings are reported
// and at which severity. It is safe for concurrent use.
type Selection struct {
	dir    string
	file   string // the configuration file, "" when there is none
	layers []layer
	sups   []*suppression
	today  time.Time
}

// layer is one set of rule settings: the configuration's top level, an
// override (for the charters its globs match), or the command line.
type layer struct {
	files []Glob          // nil: every charter
	off   map[string]bool // rule id: disabled (true) or enabled again (false)
	sev   map[string]finding.Severity
}

type suppression struct {
	*Suppression
	expired bool
	touched atomic.Bool  // its glob matched a file of the run
	blocked atomic.Bool  // ... one whose rules did not run (broken, unreadable)
	seen    atomic.Bool  // its rule ran on a charter its glob matches
	used    atomic.Int64 // findings it suppressed
}

// Flags are the rule settings given on the command line (--disable,
// --enable, --severity ID=LEVEL), which apply after the file's.
type Flags struct {
	Disable, Enable []string
	Severity        map[string]finding.Severity
	// Only, when set, are the rules a chosen framework profile names:
	// the others are turned off first, before any other setting.
	Only []string
}

// Select resolves c's rule settings (c may be nil) and then flags' against
// the catalogue of the rules that run. today decides which suppressions
// have expired. A name that is neither a rule id nor a group, or a rule
// both disabled and enabled in one place, is an error.
func Select(c *Config, flags Flags, rules []policy.Rule, today time.Time) (*Selection, error) {
	s := &Selection{today: today}
	r := resolver{groups: map[string][]string{}, ids: map[string]bool{}}
	for _, rule := range rules {
		r.ids[rule.ID] = true
		r.groups[rule.Group] = append(r.groups[rule.Group], rule.ID)
	}
	if flags.Only != nil {
		l := layer{off: map[string]bool{}, sev: map[string]finding.Severity{}}
		for _, rule := range rules {
			l.off[rule.ID] = !slices.Contains(flags.Only, rule.ID)
		}
		s.layers = append(s.layers, l)
	}
	if c != nil {
		s.dir, s.file = c.Dir, c.File
		r.file = c.File
		s.layers = append(s.layers, r.layer(nil, c.Rules))
		for _, o := range c.Overrides {
			s.layers = append(s.layers, r.layer(o.Files, o.Rules))
		}
		for i, sup := range c.Suppressions {
			if !r.ids[sup.Rule] {
				r.unknown(Name{Name: sup.Rule, Pos: sup.RulePos}, "suppressions/"+strconv.Itoa(i)+"/rule", "rule", false)
			}
			// It applies through its last day, in the local time zone.
			end := time.Date(sup.Expires.Year(), sup.Expires.Month(), sup.Expires.Day()+1, 0, 0, 0, 0, today.Location())
			exp := !sup.Expires.IsZero() && !today.Before(end)
			s.sups = append(s.sups, &suppression{Suppression: sup, expired: exp})
		}
	}
	fl := Rules{}
	for _, n := range flags.Disable {
		fl.Disable = append(fl.Disable, Name{Name: n, Flag: "--disable"})
	}
	for _, n := range flags.Enable {
		fl.Enable = append(fl.Enable, Name{Name: n, Flag: "--enable"})
	}
	for _, n := range sortedKeys(flags.Severity) {
		fl.Severity = append(fl.Severity, SeverityOverride{Name: Name{Name: n, Flag: "--severity"}, Severity: flags.Severity[n]})
	}
	if len(fl.Disable)+len(fl.Enable)+len(fl.Severity) > 0 {
		s.layers = append(s.layers, r.layer(nil, fl))
	}
	if len(r.errs) > 0 {
		return nil, errors.Join(r.errs...)
	}
	return s, nil
}

type resolver struct {
	file   string
	ids    map[string]bool
	groups map[string][]string
	errs   []error
}

// unknown records a name that is no rule id (nor, when groups is set, a
// group).
func (r *resolver) unknown(n Name, path, what string, groups bool) {
	cands := make([]string, 0, len(r.ids)+len(r.groups))
	for id := range r.ids {
		cands = append(cands, id)
	}
	if groups {
		what = "rule or group"
		for g := range r.groups {
			cands = append(cands, g)
		}
	}
	slices.Sort(cands)
	msg := fmt.Sprintf("unknown %s %q", what, n.Name)
	if best, ok := schema.Closest(n.Name, cands); ok {
		msg += fmt.Sprintf("; did you mean %q?", best)
	}
	r.errs = append(r.errs, r.err(n, path, msg))
}

func (r *resolver) err(n Name, path, msg string) error {
	if n.Flag != "" {
		return fmt.Errorf("%s: %s", n.Flag, msg)
	}
	return &Error{File: r.file, Pos: n.Pos, Path: path, Message: msg}
}

// expand turns a rule id or group into rule ids, groups before ids so
// that an id's setting beats its group's within one place.
func (r *resolver) expand(n Name, path string) (ids []string, group bool) {
	if r.ids[n.Name] {
		return []string{n.Name}, false
	}
	if ids, ok := r.groups[n.Name]; ok {
		return ids, true
	}
	if finding.Structural(n.Name) {
		r.errs = append(r.errs, r.err(n, path, fmt.Sprintf("%s checks cannot be turned off or softened: the rules need a charter that passes them", n.Name)))
		return nil, false
	}
	r.unknown(n, path, "", true)
	return nil, false
}

func (r *resolver) layer(files []Glob, rules Rules) layer {
	l := layer{files: files, off: map[string]bool{}, sev: map[string]finding.Severity{}}
	type set struct {
		ids   []string
		value bool
		name  Name
	}
	var groupSets, idSets []set
	disabled := map[string]Name{}
	for _, n := range rules.Disable {
		ids, group := r.expand(n, "rules/disable")
		if group {
			groupSets = append(groupSets, set{ids, true, n})
		} else {
			idSets = append(idSets, set{ids, true, n})
		}
		disabled[n.Name] = n
	}
	for _, n := range rules.Enable {
		if _, both := disabled[n.Name]; both {
			r.errs = append(r.errs, r.err(n, "rules/enable", fmt.Sprintf("%q is both disabled and enabled here", n.Name)))
			continue
		}
		ids, group := r.expand(n, "rules/enable")
		if group {
			groupSets = append(groupSets, set{ids, false, n})
		} else {
			idSets = append(idSets, set{ids, false, n})
		}
	}
	// Within one place, disables before enables, groups before ids: so
	// "disable a group, enable one of its rules" does what it says.
	slices.SortStableFunc(groupSets, func(a, b set) int { return boolOrder(a.value, b.value) })
	slices.SortStableFunc(idSets, func(a, b set) int { return boolOrder(a.value, b.value) })
	for _, s := range append(groupSets, idSets...) {
		for _, id := range s.ids {
			l.off[id] = s.value
		}
	}
	var groupSev, idSev []SeverityOverride
	for _, o := range rules.Severity {
		ids, group := r.expand(o.Name, "rules/severity")
		for _, id := range ids {
			o := SeverityOverride{Name: Name{Name: id}, Severity: o.Severity}
			if group {
				groupSev = append(groupSev, o)
			} else {
				idSev = append(idSev, o)
			}
		}
	}
	for _, o := range append(groupSev, idSev...) {
		l.sev[o.Name.Name] = o.Severity
	}
	return l
}

// boolOrder puts true (disable) before false (enable).
func boolOrder(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return -1
	}
	return 1
}

// Apply returns the findings of the charter at path that are reported,
// with the severities set, and those a suppression accepts. The
// structural findings (parse, schema, reference) always pass unchanged.
func (s *Selection) Apply(path string, fs []finding.Finding) (kept []finding.Finding, suppressed []finding.Suppressed) {
	if s == nil || (len(s.layers) == 0 && len(s.sups) == 0) {
		return fs, nil
	}
	rel := s.rel(path)
	off, sev := s.settings(rel)
	var live []*suppression
	for _, sup := range s.sups {
		if rel != "" && doublestar.MatchUnvalidated(sup.File.Pattern, rel) && !sup.expired {
			live = append(live, sup)
			if !off[sup.Rule] {
				sup.seen.Store(true) // its rule ran here
			}
		}
	}
	kept = fs[:0:0]
	for _, f := range fs {
		if finding.Structural(f.Rule) {
			kept = append(kept, f)
			continue
		}
		if off[f.Rule] {
			continue
		}
		if v, ok := sev[f.Rule]; ok {
			f.Severity = v
		}
		if sup := match(live, f); sup != nil {
			sup.used.Add(1)
			suppressed = append(suppressed, finding.Suppressed{Finding: f, Reason: sup.Reason, Source: fmt.Sprintf("%s:%d", s.file, sup.Pos.Line)})
			continue
		}
		kept = append(kept, f)
	}
	return kept, suppressed
}

// settings are the rule settings for the charter at rel: the rules
// turned off, and the severities set.
func (s *Selection) settings(rel string) (off map[string]bool, sev map[string]finding.Severity) {
	off = map[string]bool{}
	sev = map[string]finding.Severity{}
	for _, l := range s.layers {
		if l.files != nil && !matchAny(l.files, rel) {
			continue
		}
		for id, v := range l.off {
			off[id] = v
		}
		for id, v := range l.sev {
			sev[id] = v
		}
	}
	return off, sev
}

// Disabled are the ids of the rules turned off for the charter at path,
// sorted.
func (s *Selection) Disabled(path string) []string {
	if s == nil || len(s.layers) == 0 {
		return nil
	}
	off, _ := s.settings(s.rel(path))
	var ids []string
	for id, v := range off {
		if v {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return ids
}

func match(sups []*suppression, f finding.Finding) *suppression {
	for _, s := range sups {
		if s.Rule != f.Rule {
			continue
		}
		if s.Element != "" && s.Element != f.Element {
			continue
		}
		if s.HasPointer && f.Pointer != s.Pointer && !strings.HasPrefix(f.Pointer, s.Pointer+"/") {
			continue
		}
		return s
	}
	return nil
}

// rel is path relative to the configuration's directory, with forward
// slashes, or "" when the charter lies outside it.
func (s *Selection) rel(path string) string {
	if s.dir == "" {
		return ""
	}
	return discover.Rel(s.dir, path)
}

// Touch records that the run analysed the file at path; checked says
// whether its rules ran (it passed the structural checks). Suppressions
// for files whose rules did not run are not judged unused.
func (s *Selection) Touch(path string, checked bool) {
	if s == nil {
		return
	}
	rel := s.rel(path)
	for _, sup := range s.sups {
		if rel != "" && doublestar.MatchUnvalidated(sup.File.Pattern, rel) {
			sup.touched.Store(true)
			if !checked {
				sup.blocked.Store(true)
			}
		}
	}
}

func matchAny(globs []Glob, rel string) bool {
	if rel == "" {
		return false
	}
	for _, g := range globs {
		if doublestar.MatchUnvalidated(g.Pattern, rel) {
			return true
		}
	}
	return false
}

// Leftovers are the findings about the suppressions themselves, located
// in the configuration file: one that has expired, and one that matched
// no finding although its rule ran on the charters it names. whole says
// that the run linted the whole project: then a suppression whose glob
// matched no file at all (a charter renamed or deleted) is unused too.
// Otherwise (a hook given the files of one commit) only what the run can
// tell is reported: an unused suppression must name a charter of the run
// by its exact path. A suppression for a charter whose rules did not run
// (it is broken, or its rule is disabled there) is not judged.
func (s *Selection) Leftovers(whole bool) []finding.Finding {
	if s == nil {
		return nil
	}
	var out []finding.Finding
	for i, sup := range s.sups {
		f := finding.Finding{
			Rule: "suppression", Stage: finding.StageConfig, Severity: finding.Warning,
			File: s.file, Line: sup.Pos.Line, Column: sup.Pos.Column, Pointer: "/suppressions/" + strconv.Itoa(i),
		}
		touched, seen := sup.touched.Load(), sup.seen.Load() && !sup.blocked.Load()
		switch {
		case sup.expired && (touched || whole):
			f.Line, f.Column = sup.ExpiresPos.Line, sup.ExpiresPos.Column
			f.Pointer += "/expires"
			f.Message = fmt.Sprintf("the suppression of %s for %s expired on %s and no longer applies: remove it, or fix the finding", sup.Rule, sup.File.Pattern, sup.Expires.Format(time.DateOnly))
		case !sup.expired && sup.used.Load() == 0 && (seen && (whole || !hasMeta(sup.File.Pattern)) || whole && !touched):
			f.Message = fmt.Sprintf("the suppression of %s for %s matched no finding: remove it, or correct its file, element or pointer", sup.Rule, sup.File.Pattern)
		default:
			continue
		}
		out = append(out, f)
	}
	return out
}

// hasMeta reports whether a glob has wildcards, so that it may match
// charters the run did not lint.
func hasMeta(pattern string) bool { return strings.ContainsAny(pattern, "*?[{\\") }

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
