// Package config reads the project's configuration file, .charterlint.yaml:
// which charters a walk lints, which rules run at which severity (for all
// charters and per path), the rules' data and the user's rules, the
// failure threshold, and suppressions (findings accepted on purpose, each
// with a reason). The file is validated against a schema of its own
// (schemas/config-v1.json), so a misspelt key, a wrong type or a bad glob
// is an error at its line and column.
package config

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/bmatcuk/doublestar/v4"
	"github.com/charterlint/charterlint/internal/discover"
	"github.com/charterlint/charterlint/internal/finding"
	"github.com/charterlint/charterlint/internal/schema"
	"github.com/charterlint/charterlint/schemas"
	"go.yaml.in/yaml/v3"
)

// FileName is the configuration file's name, looked for in the working
// directory and each directory above it.
const FileName = ".charterlint.yaml"

// MaxFileBytes bounds the configuration file.
const MaxFileBytes = 1 << 20

// Pos is a line and column (1-based, in bytes) in the configuration file.
type Pos struct{ Line, Column int }

// Error is a configuration file that cannot be used: where, and why.
type Error struct {
	File string
	Pos  Pos // zero when the file could not be read at all
	// Path names the value concerned for people ("rules/severity").
	Path    string
	Message string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Pos.Line > 0 {
		fmt.Fprintf(&b, ":%d:%d", e.Pos.Line, e.Pos.Column)
	}
	b.WriteString(": ")
	if e.Path != "" {
		b.WriteString(e.Path + ": ")
	}
	b.WriteString(e.Message)
	return b.String()
}

// Config is a loaded configuration file.
type Config struct {
	// File is the file's path as found or given; Dir is the absolute
	// directory that its relative paths and globs start from.
	File, Dir string
	// Include and Exclude are globs of files, relative to Dir.
	Include, Exclude []Glob
	// FailOn is the failure threshold ("" when the file sets none):
	// error, warning, info or never.
	FailOn string
	// Data and Policy are paths of rule data files and of the user's
	// rules, resolved against Dir.
	Data, Policy []string
	// Rules are the top-level rule settings; Overrides apply after them to
	// the charters their globs match, in order.
	Rules     Rules
	Overrides []Override
	// Suppressions are findings accepted on purpose.
	Suppressions []*Suppression
	// Profile names the framework profiles (as --profile).
	Profile []string
	// Baseline is the baseline file (as --baseline), resolved against
	// Dir; "" when the file names none.
	Baseline string
}

// Glob is a doublestar pattern with its place in the file.
type Glob struct {
	Pattern string
	Pos     Pos
}

// Name is a rule id or group named in the file, with its place, or on
// the command line, with its flag.
type Name struct {
	Name string
	Pos  Pos
	Flag string // "--disable" and so on; "" in the file
}

// Rules select rules and set severities. A name is a rule id or a group.
type Rules struct {
	Disable, Enable []Name
	// Severity maps a rule id or group to its findings' severity.
	Severity []SeverityOverride
}

// SeverityOverride is one entry of a severity map.
type SeverityOverride struct {
	Name
	Severity finding.Severity
}

// Override is rule settings for some charters.
type Override struct {
	Files []Glob
	Rules Rules
}

// Suppression is a finding accepted on purpose: a rule's findings in the
// charters File matches, about Element, or at or below Pointer.
type Suppression struct {
	Rule    string
	File    Glob
	Element string
	Pointer string
	// HasPointer is set when the entry names a pointer ("" is the whole
	// charter).
	HasPointer bool
	Reason     string
	// Expires is the last day it applies (zero: no end).
	Expires    time.Time
	Pos        Pos // of the entry in the configuration file
	RulePos    Pos // of its rule id
	ExpiresPos Pos // of its expiry date
}

// Find looks for FileName in dir and each directory above it, and
// returns its path, or "" when there is none.
func Find(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", fmt.Errorf("find %s: %w", FileName, err)
	}
	for {
		p := filepath.Join(dir, FileName)
		if _, err := os.Lstat(p); err == nil {
			return p, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// Load reads and validates the configuration file at path. Its problems
// come back as *Error values (several joined with errors.Join).
func Load(path string) (*Config, error) {
	data, err := discover.ReadFile(path, MaxFileBytes)
	if err != nil {
		return nil, &Error{File: path, Message: err.Error()}
	}
	return Parse(path, data)
}

// Parse reads a configuration file's contents; path names it in errors
// and gives the directory its relative paths start from.
func Parse(path string, data []byte) (*Config, error) {
	dir, err := filepath.Abs(filepath.Dir(path))
	if err != nil {
		return nil, &Error{File: path, Message: err.Error()}
	}
	doc, err := parseYAML(data)
	if err != nil {
		var pe *posError
		if errors.As(err, &pe) {
			return nil, &Error{File: path, Pos: pe.pos, Message: pe.msg}
		}
		return nil, &Error{File: path, Message: err.Error()}
	}
	v, err := schema.Compile(schemas.ConfigV1URL, schemas.ConfigV1(), "config")
	if err != nil {
		return nil, err
	}
	var errs []error
	for _, p := range v.Validate(doc.value) {
		pos := doc.pos(p.Pointer)
		if p.Kind == schema.KindUnknownProperty {
			pos = doc.keyPos(p.Pointer)
		}
		errs = append(errs, &Error{File: path, Pos: pos, Path: p.Path, Message: p.Message})
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	b := builder{doc: doc, file: path}
	c := b.config(doc.value.(map[string]any)) // the schema wants an object
	if len(b.errs) > 0 {
		return nil, errors.Join(b.errs...)
	}
	c.File, c.Dir = path, dir
	for i, p := range c.Data {
		c.Data[i] = c.resolve(p)
	}
	for i, p := range c.Policy {
		c.Policy[i] = c.resolve(p)
	}
	if c.Baseline != "" {
		c.Baseline = c.resolve(c.Baseline)
	}
	return c, nil
}

// resolve makes a path in the file relative to the working directory's
// view: absolute paths stay, relative ones start from Dir.
func (c *Config) resolve(p string) string {
	if filepath.IsAbs(p) {
		return p
	}
	return filepath.Join(filepath.Dir(c.File), p)
}

// builder turns the validated document into a Config, checking what the
// schema cannot: globs, dates, a suppression's target.
type builder struct {
	doc  *document
	file string
	errs []error
}

func (b *builder) fail(ptr, msg string, key bool) {
	pos := b.doc.pos(ptr)
	if key {
		pos = b.doc.keyPos(ptr)
	}
	b.errs = append(b.errs, &Error{File: b.file, Pos: pos, Path: strings.TrimPrefix(ptr, "/"), Message: msg})
}

func (b *builder) config(m map[string]any) *Config {
	c := &Config{}
	c.Include = b.globs("/include", m["include"])
	c.Exclude = b.globs("/exclude", m["exclude"])
	c.FailOn, _ = m["fail-on"].(string)
	c.Baseline, _ = m["baseline"].(string)
	c.Profile = strings1(m["profile"])
	c.Data = strings1(m["data"])
	c.Policy = strings1(m["policy"])
	if r, ok := m["rules"].(map[string]any); ok {
		c.Rules = b.rules("/rules", r)
	}
	overrides, _ := m["overrides"].([]any)
	for i, o := range overrides {
		o := o.(map[string]any)
		ptr := "/overrides/" + strconv.Itoa(i)
		c.Overrides = append(c.Overrides, Override{
			Files: b.globs(ptr+"/files", o["files"]),
			Rules: b.rules(ptr+"/rules", o["rules"].(map[string]any)),
		})
	}
	sups, _ := m["suppressions"].([]any)
	for i, s := range sups {
		s := s.(map[string]any)
		ptr := "/suppressions/" + strconv.Itoa(i)
		str := func(k string) string { v, _ := s[k].(string); return v }
		sup := &Suppression{Rule: str("rule"), Element: str("element"), Pointer: str("pointer"), Reason: str("reason"), Pos: b.doc.pos(ptr), RulePos: b.doc.pos(ptr + "/rule")}
		if g := b.globs(ptr+"/file", []any{s["file"]}); len(g) == 1 {
			sup.File = g[0]
			sup.File.Pos = b.doc.pos(ptr + "/file")
		}
		_, sup.HasPointer = s["pointer"]
		switch {
		case sup.Element == "" && !sup.HasPointer:
			b.fail(ptr, "a suppression names the element (element) or the value (pointer) whose finding it accepts", false)
		case sup.Element != "" && sup.HasPointer:
			b.fail(ptr+"/pointer", "a suppression names the element or the pointer, not both", true)
		}
		if finding.Structural(sup.Rule) {
			b.fail(ptr+"/rule", fmt.Sprintf("%s findings cannot be suppressed: the rules cannot run until the charter is fixed", sup.Rule), false)
		}
		sup.ExpiresPos = b.doc.pos(ptr + "/expires")
		if e := str("expires"); e != "" {
			t, err := time.Parse(time.DateOnly, e)
			if err != nil {
				b.fail(ptr+"/expires", fmt.Sprintf("%q is not a date (YYYY-MM-DD)", e), false)
			}
			sup.Expires = t
		}
		c.Suppressions = append(c.Suppressions, sup)
	}
	return c
}

func (b *builder) rules(ptr string, m map[string]any) Rules {
	var r Rules
	r.Disable = b.names(ptr+"/disable", m["disable"])
	r.Enable = b.names(ptr+"/enable", m["enable"])
	sev, _ := m["severity"].(map[string]any)
	for _, name := range sortedKeys(sev) {
		p := ptr + "/severity/" + escape(name)
		text, _ := sev[name].(string)
		s, err := finding.ParseSeverity(text)
		if err != nil || text != s.String() {
			b.fail(p, fmt.Sprintf("severity %v: want error, warning or info", quoteValue(sev[name])), false)
			continue
		}
		if finding.Structural(name) {
			b.fail(p, fmt.Sprintf("the severity of %s findings cannot change: they are always errors", name), true)
		}
		r.Severity = append(r.Severity, SeverityOverride{Name: Name{Name: name, Pos: b.doc.keyPos(p)}, Severity: s})
	}
	for _, n := range r.Disable {
		if finding.Structural(n.Name) {
			b.errs = append(b.errs, &Error{File: b.file, Pos: n.Pos, Path: strings.TrimPrefix(ptr, "/") + "/disable", Message: fmt.Sprintf("%s checks cannot be disabled: the rules need a charter that passes them", n.Name)})
		}
	}
	return r
}

func (b *builder) names(ptr string, v any) []Name {
	list, _ := v.([]any)
	var out []Name
	for i, x := range list {
		out = append(out, Name{Name: x.(string), Pos: b.doc.pos(ptr + "/" + strconv.Itoa(i))})
	}
	return out
}

func (b *builder) globs(ptr string, v any) []Glob {
	list, _ := v.([]any)
	var out []Glob
	for i, x := range list {
		s, _ := x.(string)
		p := ptr + "/" + strconv.Itoa(i)
		if strings.HasSuffix(ptr, "/file") {
			p = ptr // a single glob, not a list
		}
		switch {
		case !doublestar.ValidatePattern(s):
			b.fail(p, fmt.Sprintf("%s is not a valid glob", quoteValue(s)), false)
			continue
		case strings.HasPrefix(s, "./") || strings.HasPrefix(s, "/") || strings.HasPrefix(s, "../"):
			b.fail(p, fmt.Sprintf("%s can never match: globs are relative to the directory of this file, without ./, ../ or a leading /", quoteValue(s)), false)
			continue
		}
		out = append(out, Glob{Pattern: s, Pos: b.doc.pos(p)})
	}
	return out
}

// quoteValue shows a value from the file in a message.
func quoteValue(v any) string {
	var q string
	if s, ok := v.(string); ok {
		q = strconv.Quote(s)
	} else {
		b, _ := json.Marshal(v)
		q = string(b)
	}
	if len(q) > 80 {
		q = q[:77] + "..."
	}
	return q
}

func strings1(v any) []string {
	list, _ := v.([]any)
	out := make([]string, 0, len(list))
	for _, x := range list {
		out = append(out, x.(string))
	}
	return out
}

// document is a YAML document as the JSON-shaped values the schema
// validator reads, with the position of every value and member name by
// JSON Pointer.
type document struct {
	value any
	vals  map[string]Pos
	keys  map[string]Pos
}

// pos is the position of the value at ptr, or of the nearest enclosing
// value that has one.
func (d *document) pos(ptr string) Pos {
	for {
		if p, ok := d.vals[ptr]; ok {
			return p
		}
		i := strings.LastIndexByte(ptr, '/')
		if i < 0 {
			return Pos{1, 1}
		}
		ptr = ptr[:i]
	}
}

// keyPos is the position of the member name at ptr, else of its value.
func (d *document) keyPos(ptr string) Pos {
	if p, ok := d.keys[ptr]; ok {
		return p
	}
	return d.pos(ptr)
}

type posError struct {
	pos Pos
	msg string
}

func (e *posError) Error() string { return e.msg }

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): `)

// parseYAML reads one YAML document. Aliases are refused (a few lines of
// them expand exponentially), as are duplicate keys and keys that are
// not strings.
func parseYAML(data []byte) (*document, error) {
	var root yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	err := dec.Decode(&root)
	if errors.Is(err, io.EOF) {
		err = nil // an empty file: all defaults
	} else if err == nil {
		var next yaml.Node
		switch err2 := dec.Decode(&next); {
		case err2 == nil:
			return nil, &posError{pos: Pos{next.Line, next.Column}, msg: "a second YAML document: the configuration is one document"}
		case !errors.Is(err2, io.EOF):
			err = err2
		}
	}
	if err != nil {
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
			line, _ := strconv.Atoi(m[1])
			return nil, &posError{pos: Pos{line, 1}, msg: strings.TrimPrefix(err.Error(), m[0])}
		}
		return nil, &posError{pos: Pos{1, 1}, msg: msg}
	}
	d := &document{vals: map[string]Pos{}, keys: map[string]Pos{}}
	if root.Kind == 0 || len(root.Content) == 0 || root.Content[0].Tag == "!!null" {
		d.value = map[string]any{} // an empty file or document: all defaults
		return d, nil
	}
	v, err := d.convert(root.Content[0], "", 0)
	if err != nil {
		return nil, err
	}
	d.value = v
	return d, nil
}

// maxDepth bounds nesting; the schema's deepest value is five levels down.
const maxDepth = 32

func (d *document) convert(n *yaml.Node, ptr string, depth int) (any, error) {
	at := Pos{n.Line, n.Column}
	if depth > maxDepth {
		return nil, &posError{pos: at, msg: fmt.Sprintf("nesting deeper than %d levels", maxDepth)}
	}
	d.vals[ptr] = at
	switch n.Kind {
	case yaml.AliasNode:
		return nil, &posError{pos: at, msg: "YAML aliases (*name) are not supported: write the value out"}
	case yaml.MappingNode:
		m := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := n.Content[i], n.Content[i+1]
			kat := Pos{k.Line, k.Column}
			if k.Kind != yaml.ScalarNode || (k.Tag != "!!str" && k.Tag != "!!int" && k.Tag != "!!float" && k.Tag != "!!bool") {
				return nil, &posError{pos: kat, msg: "a key must be plain text"}
			}
			if _, dup := m[k.Value]; dup {
				return nil, &posError{pos: kat, msg: fmt.Sprintf("key %q appears twice in the same mapping", k.Value)}
			}
			p := ptr + "/" + escape(k.Value)
			d.keys[p] = kat
			x, err := d.convert(val, p, depth+1)
			if err != nil {
				return nil, err
			}
			m[k.Value] = x
		}
		return m, nil
	case yaml.SequenceNode:
		list := make([]any, 0, len(n.Content))
		for i, c := range n.Content {
			x, err := d.convert(c, ptr+"/"+strconv.Itoa(i), depth+1)
			if err != nil {
				return nil, err
			}
			list = append(list, x)
		}
		return list, nil
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!null":
			return nil, nil
		case "!!bool":
			var b bool
			if err := n.Decode(&b); err != nil {
				return nil, &posError{pos: at, msg: err.Error()}
			}
			return b, nil
		case "!!int", "!!float":
			if json.Valid([]byte(n.Value)) {
				return json.Number(n.Value), nil
			}
		}
		return n.Value, nil // strings, dates and numbers JSON cannot write
	}
	return nil, &posError{pos: at, msg: "unexpected YAML node"}
}

func escape(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}
