package ruledata

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func write(t *testing.T, src string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "data.json")
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// The built-in data is valid and judges every category and modality.
func TestBuiltin(t *testing.T) {
	d, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Cell("critical-internet-resources", "intergovernmental").Fit; got != "ill-suited" {
		t.Errorf("fit = %q, want ill-suited", got)
	}
	if c := d.Cell("spectrum-and-satellite", "intergovernmental"); c.Fit != "suited" || c.Rationale == "" || c.Source == "" {
		t.Errorf("cell = %+v", c)
	}
	if got := d.Cell("no-such-category", "private").Fit; got != "" {
		t.Errorf("fit of an unknown category = %q, want none", got)
	}
}

// Files merge over the built-in data in order, object by object: only
// the keys a file gives change.
func TestMergeInOrder(t *testing.T) {
	first := write(t, `{"matrix": {"spectrum-and-satellite": {"private": {"fit": "caution"}}}, "params": {"majority_share": 0.6}}`)
	second := write(t, `{"params": {"majority_share": 0.7}, "custom": {"house": true}}`)
	d, err := Load(first, second)
	if err != nil {
		t.Fatal(err)
	}
	c := d.Cell("spectrum-and-satellite", "private")
	if c.Fit != "caution" || c.Rationale == "" {
		t.Errorf("cell = %+v, want the fit replaced and the rationale kept", c)
	}
	params := d.Value()["params"].(map[string]any)
	if got := params["majority_share"]; got == nil || got.(interface{ String() string }).String() != "0.7" {
		t.Errorf("majority_share = %v, want the last file's 0.7", got)
	}
	if params["min_public_comment_days"] == nil {
		t.Error("a threshold no file gives was lost")
	}
	if d.Value()["custom"].(map[string]any)["house"] != true {
		t.Error("custom data for the user's own rules was dropped")
	}
}

// Every problem of a bad file is an *Error at its line and column.
func TestErrorsHavePositions(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
	}{
		{"not JSON", "matrix: yes", []string{":1:1: invalid value"}},
		{"not an object", `[1]`, []string{":1:1: (data): expected an object, got a list"}},
		{"misspelt key and wrong type", "{\n  \"params\": {\"majority_shar\": 0.6, \"min_public_comment_days\": \"thirty\"}\n}", []string{
			`:2:14: params: unknown property "majority_shar"; did you mean "majority_share"?`,
			`:2:63: params/min_public_comment_days: expected a whole number, got string "thirty"`,
		}},
		{"nested one level too deep", `{"matrix": {"matrix": {}}}`, []string{`:1:13: matrix: unknown property "matrix"`}},
		{"unknown fit", `{"matrix": {"ip-enforcement": {"private": {"fit": "fine"}}}}`, []string{`:1:51: matrix/ip-enforcement/private/fit: "fine" is not a known value; expected one of suited, caution, ill-suited`}},
		{"share out of range", `{"params": {"majority_share": 1.5}}`, []string{`:1:31: params/majority_share: must be less than 1, got number 1.5`}},
		{"unknown task row", `{"matrix": {"cctld-polcy": {"national": {"fit": "suited"}}}}`, []string{`:1:13: matrix: unknown property "cctld-polcy"; did you mean "cctld-policy"?`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := write(t, tt.src)
			_, err := Load(p)
			if err == nil {
				t.Fatal("loaded a bad file")
			}
			var e *Error
			if !errors.As(err, &e) || e.File != p || e.Line < 1 {
				t.Fatalf("err = %v, want an *Error with the file and a position", err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), p+w) {
					t.Errorf("error\n%v\nlacks %q", err, p+w)
				}
			}
		})
	}
}

func TestMissingFile(t *testing.T) {
	_, err := Load(filepath.Join(t.TempDir(), "none.json"))
	var e *Error
	if !errors.As(err, &e) || e.Line != 0 || !strings.HasSuffix(err.Error(), "none.json: no such file or directory") {
		t.Errorf("err = %v", err)
	}
}

// Lookup takes a function's cell from its task's row when that row has a
// cell for the modality, else from its category's; a --data file can
// change a task's row like a category's.
func TestLookupTaskRow(t *testing.T) {
	d, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		category, task, modality string
		wantRow, wantFit         string
	}{
		{"critical-internet-resources", "cctld-policy", "national", "cctld-policy", "suited"},
		{"critical-internet-resources", "identifier-policy", "national", "identifier-policy", "ill-suited"},
		{"critical-internet-resources", "", "national", "critical-internet-resources", "ill-suited"},
		{"critical-internet-resources", "registry-operations", "private", "registry-operations", "suited"},
		{"ip-enforcement", "infrastructure-enforcement", "national", "infrastructure-enforcement", "caution"},
		{"no-such-category", "", "private", "no-such-category", ""},
	}
	for _, tt := range tests {
		row, fit := d.Judge(tt.category, tt.task, tt.modality)
		_, cell := d.Lookup(tt.category, tt.task, tt.modality)
		if row != tt.wantRow || fit != tt.wantFit || cell.Fit != fit {
			t.Errorf("Judge(%q, %q, %q) = %q, %q (Lookup fit %q), want %q, %q", tt.category, tt.task, tt.modality, row, fit, cell.Fit, tt.wantRow, tt.wantFit)
		}
	}

	// A task row without a cell for the modality falls back to the
	// category's row.
	over := write(t, `{"matrix": {"spectrum-and-satellite": {"private": {"fit": "caution", "rationale": "r", "source": "s"}}, "interconnection": {"private": {"fit": "ill-suited", "rationale": "Our reason.", "source": "Our board"}}}}`)
	d, err = Load(over)
	if err != nil {
		t.Fatal(err)
	}
	if row, cell := d.Lookup("access-and-interconnection", "interconnection", "private"); row != "interconnection" || cell.Fit != "ill-suited" || cell.Source != "Our board" {
		t.Errorf("overridden task cell: row %q, cell %+v", row, cell)
	}
	if row, fit := d.Judge("access-and-interconnection", "no-such-task", "private"); row != "access-and-interconnection" || fit != "suited" {
		t.Errorf("task without a row: row %q, fit %q, want the category's", row, fit)
	}
}
