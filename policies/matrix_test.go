package policies_test

import (
	"encoding/json"
	"slices"
	"testing"

	"github.com/charterlint/charterlint/internal/charter"
	"github.com/charterlint/charterlint/policies"
	"github.com/charterlint/charterlint/schemas"
)

// fits are the verdicts a matrix cell may give.
var fits = []string{"suited", "caution", "ill-suited"}

// TestShippedMatrixComplete checks that the shipped matrix has a row for
// every function category and every task, each with a cell for every
// modality, and no other row.
func TestShippedMatrixComplete(t *testing.T) {
	rows, modalities := taxonomy(t)
	matrix := shippedMatrix(t)
	for _, row := range rows {
		for _, m := range modalities {
			if _, ok := matrix[row][m]; !ok {
				t.Errorf("policies/%s: no cell for %s × %s", policies.ConfigFile, row, m)
			}
		}
	}
	for row := range matrix {
		if !slices.Contains(rows, row) {
			t.Errorf("policies/%s: row %q is neither a function category nor a task", policies.ConfigFile, row)
		}
	}
}

// TestShippedMatrixCellsCiteSources checks that every cell has a verdict,
// a reason and a source: findings quote the last two.
func TestShippedMatrixCellsCiteSources(t *testing.T) {
	for row, cells := range shippedMatrix(t) {
		for m, c := range cells {
			if !slices.Contains(fits, c.Fit) {
				t.Errorf("policies/%s: %s × %s: verdict %q, want one of %v", policies.ConfigFile, row, m, c.Fit, fits)
			}
			if c.Rationale == "" || c.Source == "" {
				t.Errorf("policies/%s: %s × %s: want a rationale and a source, got %q and %q", policies.ConfigFile, row, m, c.Rationale, c.Source)
			}
		}
	}
}

// TestShippedMatrixNoColumnAlwaysFits checks that every modality is
// ill-suited to at least one category or task: DeNardis and Raymond (2013)
// warn that no way of deciding, multistakeholder governance included,
// suits every functional area.
func TestShippedMatrixNoColumnAlwaysFits(t *testing.T) {
	_, modalities := taxonomy(t)
	matrix := shippedMatrix(t)
	for _, m := range modalities {
		ill := false
		for _, cells := range matrix {
			ill = ill || cells[m].Fit == "ill-suited"
		}
		if !ill {
			t.Errorf("policies/%s: modality %s is ill-suited to no category or task", policies.ConfigFile, m)
		}
	}
}

// TestTasksAgree checks that the tasks of the charter schema are the ones
// charter.TaskCategory knows, each in a category of the schema, and that
// the rule-data schema accepts a matrix row for every category and task
// and for nothing else.
func TestTasksAgree(t *testing.T) {
	categories, tasks, _ := schemaTaxonomy(t)
	if !slices.Equal(tasks, charter.Tasks()) {
		t.Errorf("charter schema tasks %v, charter.Tasks() %v", tasks, charter.Tasks())
	}
	for _, task := range tasks {
		if c := charter.TaskCategory(task); !slices.Contains(categories, c) {
			t.Errorf("task %q belongs to %q, not a category of the charter schema", task, c)
		}
	}
	var s struct {
		Properties struct {
			Matrix struct {
				Properties map[string]json.RawMessage `json:"properties"`
			} `json:"matrix"`
		} `json:"properties"`
	}
	if err := json.Unmarshal([]byte(schemas.RuleDataV1()), &s); err != nil {
		t.Fatalf("rule data schema: %v", err)
	}
	rows, _ := taxonomy(t)
	var got []string
	for row := range s.Properties.Matrix.Properties {
		got = append(got, row)
	}
	slices.Sort(got)
	want := slices.Clone(rows)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("rule data schema matrix rows %v, want the categories and tasks %v", got, want)
	}
}
