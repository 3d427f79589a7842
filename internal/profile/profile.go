// Package profile holds the framework profiles a charter can be checked
// against for conformance: NETmundial 2014, the São Paulo Multistakeholder
// Guidelines (2024), the NTIA IANA transition criteria (2014). A profile is
// data (policies/profiles/*.json, embedded; --profile-file adds or
// replaces one), validated against schemas/profile-v1.json: its criteria,
// each with its reference in the source, a statement, and the rules that
// check it, or checkable false with the reason a charter cannot show it.
// Two more names are built in: "core", the rule pack itself with one
// criterion per rule, and "all", every framework profile.
package profile

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strings"

	"github.com/charterlint/charterlint/internal/decode"
	"github.com/charterlint/charterlint/internal/discover"
	"github.com/charterlint/charterlint/internal/policy"
	"github.com/charterlint/charterlint/internal/schema"
	"github.com/charterlint/charterlint/policies"
	"github.com/charterlint/charterlint/schemas"
)

// Dir is the folder of the built-in profiles in the rule pack.
const Dir = "profiles"

// Core and All are the profile names that no file defines: the rule pack
// itself, one criterion per rule, and every framework profile.
const (
	Core = "core"
	All  = "all"
)

// MaxFileBytes bounds a profile file: the built-in ones are under 10 KB.
const MaxFileBytes = 1 << 20

// Profile is one framework: its criteria in the order of the source.
type Profile struct {
	ID       string      `json:"id"`
	Title    string      `json:"title"`
	Source   string      `json:"source"`
	Summary  string      `json:"summary,omitempty"`
	Criteria []Criterion `json:"criteria"`
	// File is where the profile was loaded from ("builtin:profiles/..."
	// for the embedded ones); empty for core.
	File string `json:"-"`
}

// Criterion is one criterion of a profile.
type Criterion struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Reference string `json:"reference"`
	Statement string `json:"statement"`
	// Rules are the ids of the rules that check the criterion.
	Rules []string `json:"rules,omitempty"`
	// Checkable is false when a charter cannot show whether the
	// criterion is met; Reason says why.
	Checkable bool   `json:"checkable"`
	Reason    string `json:"reason,omitempty"`
	// Limits says what of a checkable criterion a charter still cannot
	// show.
	Limits string `json:"limits,omitempty"`
}

// Error is a profile file that cannot be used: where, and why.
type Error struct {
	File         string
	Line, Column int // 0 when there is no position
	Path         string
	Message      string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", e.Line, e.Column)
	}
	b.WriteString(": ")
	if e.Path != "" {
		b.WriteString(e.Path + ": ")
	}
	b.WriteString(e.Message)
	return b.String()
}

// Set is the loaded profiles, ordered by id. It is read-only once loaded.
type Set struct {
	profiles []*Profile
}

// Load reads the built-in profiles, then each file in order: a file's
// profile replaces the built-in one of the same id, or is added. Every
// file is validated against the profile schema first.
func Load(files ...string) (*Set, error) {
	v, err := schema.Compile(schemas.ProfileV1URL, schemas.ProfileV1(), "profile")
	if err != nil {
		return nil, err
	}
	s := &Set{}
	names, err := fs.Glob(policies.FS(), Dir+"/*.json")
	if err != nil {
		return nil, err
	}
	for _, name := range names {
		data, err := fs.ReadFile(policies.FS(), name)
		if err != nil {
			return nil, fmt.Errorf("read built-in profile: %w", err)
		}
		p, err := parse(v, "builtin:"+name, data)
		if err != nil {
			return nil, err
		}
		s.put(p)
	}
	for _, f := range files {
		data, err := discover.ReadFile(f, MaxFileBytes)
		if err != nil {
			return nil, &Error{File: f, Message: err.Error()}
		}
		p, err := parse(v, f, data)
		if err != nil {
			return nil, err
		}
		s.put(p)
	}
	return s, nil
}

func (s *Set) put(p *Profile) {
	i, found := slices.BinarySearchFunc(s.profiles, p.ID, func(x *Profile, id string) int { return strings.Compare(x.ID, id) })
	if found {
		s.profiles[i] = p
		return
	}
	s.profiles = slices.Insert(s.profiles, i, p)
}

// parse decodes and validates one profile document.
func parse(v *schema.Validator, file string, data []byte) (*Profile, error) {
	doc, problems, err := v.DecodeValid(data, decode.Limits{MaxBytes: MaxFileBytes})
	if err != nil {
		return nil, &Error{File: file, Message: err.Error()}
	}
	if len(problems) > 0 {
		errs := make([]error, 0, len(problems))
		for _, p := range problems {
			errs = append(errs, &Error{File: file, Line: p.Line, Column: p.Column, Path: p.Path, Message: p.Message})
		}
		return nil, errors.Join(errs...)
	}
	root := doc.Value.(map[string]any) // the schema wants an object
	p := &Profile{File: file, ID: str(root, "id"), Title: str(root, "title"), Source: str(root, "source"), Summary: str(root, "summary")}
	if p.ID == Core || p.ID == All {
		return nil, &Error{File: file, Path: "id", Message: fmt.Sprintf("%q is a built-in name that no file can define", p.ID)}
	}
	seen := map[string]bool{}
	for i, raw := range root["criteria"].([]any) {
		m := raw.(map[string]any)
		c := Criterion{
			ID: str(m, "id"), Title: str(m, "title"), Reference: str(m, "reference"),
			Statement: str(m, "statement"), Reason: str(m, "reason"), Limits: str(m, "limits"), Checkable: true,
		}
		if b, ok := m["checkable"].(bool); ok {
			c.Checkable = b
		}
		if rs, ok := m["rules"].([]any); ok {
			for _, r := range rs {
				c.Rules = append(c.Rules, r.(string))
			}
		}
		at := fmt.Sprintf("criteria/%d", i)
		pos := doc.Pos("/criteria/" + fmt.Sprint(i))
		switch {
		case seen[c.ID]:
			return nil, &Error{File: file, Line: pos.Line, Column: pos.Column, Path: at + "/id", Message: fmt.Sprintf("criterion %q is listed twice", c.ID)}
		case !c.Checkable && len(c.Rules) > 0:
			return nil, &Error{File: file, Line: pos.Line, Column: pos.Column, Path: at, Message: fmt.Sprintf("criterion %q is marked not checkable but names rules", c.ID)}
		case c.Checkable && len(c.Rules) == 0:
			return nil, &Error{File: file, Line: pos.Line, Column: pos.Column, Path: at, Message: fmt.Sprintf("criterion %q names no rule; give its rules, or checkable false and the reason", c.ID)}
		}
		seen[c.ID] = true
		p.Criteria = append(p.Criteria, c)
	}
	return p, nil
}

func str(m map[string]any, key string) string {
	s, _ := m[key].(string)
	return s
}

// Profiles returns the framework profiles, ordered by id.
func (s *Set) Profiles() []*Profile { return slices.Clone(s.profiles) }

// Names lists the names --profile accepts: the framework profiles, then
// core and all.
func (s *Set) Names() []string {
	var out []string
	for _, p := range s.profiles {
		out = append(out, p.ID)
	}
	return append(out, Core, All)
}

// UnknownError is a profile name that names no profile.
type UnknownError struct {
	Name  string
	Names []string // the names that exist
}

func (e *UnknownError) Error() string {
	hint := ""
	if best, ok := schema.Closest(e.Name, e.Names); ok {
		hint = fmt.Sprintf("; did you mean %q?", best)
	}
	return fmt.Sprintf("unknown profile %q%s (want one of %s)", e.Name, hint, strings.Join(e.Names, ", "))
}

// Resolve returns the profiles names select, each once, in the order
// named ("all" in id order), against the catalogue of the rules that
// run: core is built from it, and a profile that names a rule not in it
// is an error.
func (s *Set) Resolve(names []string, rules []policy.Rule) ([]*Profile, error) {
	var out []*Profile
	add := func(p *Profile) {
		if !slices.ContainsFunc(out, func(x *Profile) bool { return x.ID == p.ID }) {
			out = append(out, p)
		}
	}
	for _, name := range names {
		switch name {
		case All:
			for _, p := range s.profiles {
				add(p)
			}
		case Core:
			add(CoreProfile(rules))
		default:
			i, ok := slices.BinarySearchFunc(s.profiles, name, func(x *Profile, id string) int { return strings.Compare(x.ID, id) })
			if !ok {
				return nil, &UnknownError{Name: name, Names: s.Names()}
			}
			add(s.profiles[i])
		}
	}
	known := map[string]bool{}
	for _, r := range rules {
		known[r.ID] = true
	}
	for _, p := range out {
		for _, c := range p.Criteria {
			for _, id := range c.Rules {
				if !known[id] {
					return nil, &Error{File: p.File, Path: "criteria/" + c.ID, Message: fmt.Sprintf("rule %q is not in the catalogue of the rules that run", id)}
				}
			}
		}
	}
	return out, nil
}

// CoreProfile is the rule pack as a profile: one criterion per rule of the
// catalogue, in id order, referenced by the rule's citation.
func CoreProfile(rules []policy.Rule) *Profile {
	p := &Profile{
		ID: Core, Title: "charterlint rule pack",
		Source:  "charterlint's rules, each citing its own sources (docs/rules.md)",
		Summary: "Every rule that runs, as a criterion of its own.",
	}
	rs := slices.Clone(rules)
	sort.Slice(rs, func(i, j int) bool { return rs[i].ID < rs[j].ID })
	for _, r := range rs {
		p.Criteria = append(p.Criteria, Criterion{
			ID: strings.ToLower(r.ID), Title: r.Title, Reference: r.Citation,
			Statement: firstSentence(r.Description), Rules: []string{r.ID}, Checkable: true,
		})
	}
	return p
}

// firstSentence returns s up to its first full stop, on one line.
func firstSentence(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if i := strings.Index(s, ". "); i >= 0 {
		return s[:i+1]
	}
	return s
}
