// Package finding defines the plain data every stage of charterlint reports:
// a problem in a charter, located by JSON Pointer and, once resolved against
// the decoder's position table, by line and column. Reporters render
// findings; no stage prints them itself.
package finding

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Severity orders findings; a run fails when a finding reaches the threshold.
type Severity int

// Severities, from least to most severe.
const (
	Info Severity = iota + 1
	Warning
	Error
)

// String returns the lower-case name used in output and rule metadata.
func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return fmt.Sprintf("severity(%d)", int(s))
}

// ParseSeverity reads "error", "warning" or "info".
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(s) {
	case "info":
		return Info, nil
	case "warning", "warn":
		return Warning, nil
	case "error":
		return Error, nil
	}
	return 0, fmt.Errorf("unknown severity %q (want error, warning or info)", s)
}

// MarshalText makes severities render as their names in JSON.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a severity name.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// Tally counts findings by severity.
type Tally struct{ Errors, Warnings, Infos int }

// Add counts one finding of severity s.
func (t *Tally) Add(s Severity) {
	switch s {
	case Error:
		t.Errors++
	case Warning:
		t.Warnings++
	default:
		t.Infos++
	}
}

// Max is the highest severity counted, or 0 when there is none.
func (t Tally) Max() Severity {
	switch {
	case t.Errors > 0:
		return Error
	case t.Warnings > 0:
		return Warning
	case t.Infos > 0:
		return Info
	}
	return 0
}

// String reads "2 errors, 1 warning, 0 info".
func (t Tally) String() string {
	plural := func(n int, word string) string {
		if n == 1 {
			return "1 " + word
		}
		return strconv.Itoa(n) + " " + word + "s"
	}
	return plural(t.Errors, "error") + ", " + plural(t.Warnings, "warning") + ", " + strconv.Itoa(t.Infos) + " info"
}

// Stage names the pipeline stage that produced a finding.
type Stage string

// Stages of the pipeline, in the order they run.
const (
	StageParse     Stage = "parse"
	StageSchema    Stage = "schema"
	StageReference Stage = "reference"
	StagePolicy    Stage = "policy"
	// StageConfig findings are about the configuration file itself: a
	// suppression that expired or matched nothing.
	StageConfig Stage = "config"
)

// Structural reports whether rule names a structural check (parse,
// schema, reference): the rules depend on it, and no setting turns it off.
func Structural(rule string) bool {
	switch Stage(rule) {
	case StageParse, StageSchema, StageReference:
		return true
	}
	return false
}

// Suppressed is a finding accepted on purpose by a suppression.
type Suppressed struct {
	Finding
	// Reason is the suppression's justification; Source is where the
	// suppression is written ("FILE:LINE").
	Reason string `json:"reason"`
	Source string `json:"source"`
}

// Finding is one problem in one charter.
type Finding struct {
	// Rule is the stable rule id for policy findings (e.g. "CL-CAP-001"),
	// or the stage name for parse, schema and reference findings.
	Rule     string   `json:"rule"`
	Stage    Stage    `json:"stage"`
	Severity Severity `json:"severity"`
	File     string   `json:"file"`
	// Pointer is the RFC 6901 JSON Pointer of the value concerned ("" is the root).
	Pointer string `json:"pointer"`
	// Element is the id of the charter element concerned (an actor, body,
	// seat, function, advice relation or appeal), when there is one.
	Element string `json:"element,omitempty"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Message string `json:"message"`
}

// String renders the finding in the conventional compiler form
// FILE:LINE:COL: SEVERITY RULE POINTER: MESSAGE.
func (f Finding) String() string { return string(f.AppendText(nil)) }

// AppendText appends the finding as String renders it to b. A text report
// of a large repository writes hundreds of thousands of these lines, and
// appending is a fifth of fmt's cost.
func (f Finding) AppendText(b []byte) []byte {
	b = append(b, f.File...)
	b = append(b, ':')
	b = strconv.AppendInt(b, int64(f.Line), 10)
	b = append(b, ':')
	b = strconv.AppendInt(b, int64(f.Column), 10)
	b = append(b, ": "...)
	b = append(b, f.Severity.String()...)
	b = append(b, ' ')
	b = append(b, f.Rule...)
	b = append(b, ' ')
	b = append(b, DisplayPointer(f.Pointer)...)
	b = append(b, ": "...)
	return append(b, f.Message...)
}

// DisplayPointer renders a JSON Pointer for people: without the leading
// slash ("actors/2/class"), and "(charter)" for the root.
func DisplayPointer(p string) string {
	if p == "" {
		return "(charter)"
	}
	return p[1:]
}

// Sort orders findings by file, position, rule and message, so output is
// the same whatever order the stages or workers produced them in.
func Sort(fs []Finding) {
	slices.SortStableFunc(fs, compare)
}

// compare orders findings by file, position, rule, pointer and message. It
// stops at the first field that differs: cmp.Or would compare every field,
// long paths and messages included, on every comparison of the sort.
func compare(a, b Finding) int {
	if c := cmp.Compare(a.File, b.File); c != 0 {
		return c
	}
	if a.Line != b.Line {
		return cmp.Compare(a.Line, b.Line)
	}
	if a.Column != b.Column {
		return cmp.Compare(a.Column, b.Column)
	}
	if c := cmp.Compare(a.Rule, b.Rule); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Pointer, b.Pointer); c != 0 {
		return c
	}
	return cmp.Compare(a.Message, b.Message)
}
