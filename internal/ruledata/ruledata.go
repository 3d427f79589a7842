// Package ruledata holds the data that facts and rules read: the modality
// matrix (function category × modality → suited, caution or ill-suited),
// the modalities compatible with a declared one, and thresholds. The
// built-in data ships with the rule pack (policies/data/config.json);
// --data files are merged over it, each validated first against the
// schema of its own (schemas/ruledata-v1.json), so a misspelt key or a
// wrong type is an error at its line and column, never a silent no-op.
package ruledata

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/charterlint/charterlint/internal/decode"
	"github.com/charterlint/charterlint/internal/discover"
	"github.com/charterlint/charterlint/internal/schema"
	"github.com/charterlint/charterlint/policies"
	"github.com/charterlint/charterlint/schemas"
)

// Data is the merged, validated rule data. It is read-only once loaded
// and safe for concurrent use.
type Data struct {
	value map[string]any
}

// Error is a data file that cannot be used: where, and why.
type Error struct {
	File   string
	Line   int // 0 when the file could not be read at all
	Column int
	// Path names the value concerned for people ("params/majority_share").
	Path    string
	Message string
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

// MaxFileBytes bounds a data file: the built-in one is about 11 KB.
const MaxFileBytes = 1 << 20

// Load reads the built-in data and merges each file over it, in order:
// objects merge key by key, anything else replaces. Every file is
// validated before it is merged; the error lists each problem of the
// first file that has any, as *Error values (errors.Join).
func Load(files ...string) (*Data, error) {
	v, err := schema.Compile(schemas.RuleDataV1URL, schemas.RuleDataV1(), "data")
	if err != nil {
		return nil, err
	}
	builtin, err := fs.ReadFile(policies.FS(), policies.ConfigFile)
	if err != nil {
		return nil, fmt.Errorf("read built-in rule data: %w", err)
	}
	value, err := parse(v, "builtin:"+policies.ConfigFile, builtin)
	if err != nil {
		return nil, err
	}
	for _, f := range files {
		data, err := discover.ReadFile(f, MaxFileBytes)
		if err != nil {
			return nil, &Error{File: f, Message: err.Error()}
		}
		over, err := parse(v, f, data)
		if err != nil {
			return nil, err
		}
		merge(value, over)
	}
	return &Data{value: value}, nil
}

// parse decodes and validates one data document.
func parse(v *schema.Validator, file string, data []byte) (map[string]any, error) {
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
	return doc.Value.(map[string]any), nil // the schema wants an object
}

func merge(dst, src map[string]any) {
	for k, v := range src {
		if sub, ok := v.(map[string]any); ok {
			if d, ok := dst[k].(map[string]any); ok {
				merge(d, sub)
				continue
			}
		}
		dst[k] = v
	}
}

// Value is the data as the rules read it, data.charterlint.config. The
// caller must not change it.
func (d *Data) Value() map[string]any { return d.value }

// Cell is one cell of the modality matrix.
type Cell struct {
	Fit       string `json:"fit"`
	Rationale string `json:"rationale"`
	Source    string `json:"source"`
}

// Cell returns the matrix's cell for a row (a function category or a
// task) and a modality (the zero Cell when there is none).
func (d *Data) Cell(row, modality string) Cell {
	m, _ := d.value["matrix"].(map[string]any)
	r, _ := m[row].(map[string]any)
	cell, _ := r[modality].(map[string]any)
	str := func(k string) string { s, _ := cell[k].(string); return s }
	return Cell{Fit: str("fit"), Rationale: str("rationale"), Source: str("source")}
}

// Lookup is the one place a function meets the matrix: the row that
// judges a function of category and task (task "" for none) decided in
// modality, and its cell. The row is the task's when the matrix has a
// cell with a verdict for the task and the modality, else the category's
// (whose cell may be the zero Cell).
func (d *Data) Lookup(category, task, modality string) (row string, cell Cell) {
	if task != "" {
		if c := d.Cell(task, modality); c.Fit != "" {
			return task, c
		}
	}
	return category, d.Cell(category, modality)
}

// Judge is Lookup for facts.Derive: the row used and the cell's verdict.
func (d *Data) Judge(category, task, modality string) (row, fit string) {
	row, cell := d.Lookup(category, task, modality)
	return row, cell.Fit
}
