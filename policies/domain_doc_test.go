package policies_test

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/charterlint/charterlint/internal/charter"
	"github.com/charterlint/charterlint/policies"
	"github.com/charterlint/charterlint/schemas"
)

// domainDoc is the project's domain guide, whose modality matrix table is
// generated from the pack's data document.
const domainDoc = "../docs/domain.md"

const (
	matrixBegin = "<!-- BEGIN MATRIX"
	matrixEnd   = "<!-- END MATRIX -->"
	// noCell stands in the table for a pair the matrix has no cell for.
	noCell = "—"
)

// matrixCell is one cell of the shipped modality matrix.
type matrixCell struct {
	Fit       string `json:"fit"`
	Rationale string `json:"rationale"`
	Source    string `json:"source"`
}

// TestDomainMatrix checks that the matrix section of the domain guide
// agrees with policies/data/config.json: the table cell by cell, and the
// reasons and sources below it word for word. Run with -update to
// regenerate the section after changing the matrix.
func TestDomainMatrix(t *testing.T) {
	categories, modalities := taxonomy(t)
	matrix := shippedMatrix(t)
	for category, row := range matrix {
		if !slices.Contains(categories, category) {
			t.Errorf("policies/%s: matrix row %q is neither a function category nor a task of the charter schema", policies.ConfigFile, category)
		}
		for modality := range row {
			if !slices.Contains(modalities, modality) {
				t.Errorf("policies/%s: matrix modality %q (category %s) is not a modality of the charter schema", policies.ConfigFile, modality, category)
			}
		}
	}
	want := matrixSection(categories, modalities, matrix)

	src, err := os.ReadFile(domainDoc)
	if err != nil {
		t.Fatal(err)
	}
	doc := string(src)
	i := strings.Index(doc, matrixBegin)
	j := strings.Index(doc, matrixEnd)
	if i < 0 || j < i {
		t.Fatalf("%s lacks the %q and %q markers", domainDoc, matrixBegin, matrixEnd)
	}
	i += strings.Index(doc[i:], "-->") + len("-->\n")
	got := doc[i:j]

	if *update {
		if got != want {
			if err := os.WriteFile(domainDoc, []byte(doc[:i]+want+doc[j:]), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}

	// Cell by cell first, so that a hand-edited or stale verdict is named.
	for _, problem := range tableProblems(got, categories, modalities, matrix) {
		t.Errorf("%s: %s", domainDoc, problem)
	}
	if got != want {
		t.Errorf("%s: the matrix section (table, reasons or sources) differs from policies/%s; run go test ./policies -run TestDomainMatrix -update\ngot:\n%s\nwant:\n%s", domainDoc, policies.ConfigFile, got, want)
	}
}

// TestDomainMatrixFailsOnChangedCell checks the checker: the generated
// table passes, and the same table with one verdict changed is reported
// at that cell.
func TestDomainMatrixFailsOnChangedCell(t *testing.T) {
	categories, modalities := taxonomy(t)
	matrix := shippedMatrix(t)
	section := matrixSection(categories, modalities, matrix)
	if problems := tableProblems(section, categories, modalities, matrix); len(problems) > 0 {
		t.Fatalf("generated table reported: %v", problems)
	}
	category, modality := categories[0], modalities[0]
	fit := matrix[category][modality].Fit
	other := "caution"
	if fit == other {
		other = "suited"
	}
	line := "| " + rowLabel(category) + " | " + fit + " |"
	if !strings.Contains(section, line) {
		t.Fatalf("generated section lacks %q", line)
	}
	changed := strings.Replace(section, line, "| "+rowLabel(category)+" | "+other+" |", 1)
	problems := tableProblems(changed, categories, modalities, matrix)
	want := fmt.Sprintf("matrix cell %s × %s is %q", category, modality, other)
	if len(problems) != 1 || !strings.Contains(problems[0], want) {
		t.Fatalf("problems %q, want one naming %s", problems, want)
	}
}

// tableProblems compares the matrix table at the start of section with
// the matrix, cell by cell.
func tableProblems(section string, categories, modalities []string, matrix map[string]map[string]matrixCell) []string {
	table, err := parseMatrixTable(section)
	if err != nil {
		return []string{"matrix table: " + err.Error()}
	}
	var problems []string
	if !slices.Equal(table.modalities, modalities) {
		problems = append(problems, fmt.Sprintf("matrix table columns %v, want %v", table.modalities, modalities))
	}
	var rows []string
	for _, r := range table.rows {
		rows = append(rows, r.category)
	}
	if !slices.Equal(rows, categories) {
		problems = append(problems, fmt.Sprintf("matrix table rows %v, want %v", rows, categories))
	}
	for _, r := range table.rows {
		for k, modality := range table.modalities {
			if k >= len(r.fits) {
				problems = append(problems, fmt.Sprintf("matrix row %s has no cell for %s", r.category, modality))
				continue
			}
			want := noCell
			if c, ok := matrix[r.category][modality]; ok {
				want = c.Fit
			}
			if r.fits[k] != want {
				problems = append(problems, fmt.Sprintf("matrix cell %s × %s is %q, %s says %q", r.category, modality, r.fits[k], "policies/"+policies.ConfigFile, want))
			}
		}
	}
	return problems
}

// taxonomy returns the rows and the columns of the table: the function
// categories in the order the charter schema lists them, each followed by
// its tasks (charter.TaskCategory) in the schema's order, and the
// modalities.
func taxonomy(t *testing.T) (rows, modalities []string) {
	t.Helper()
	categories, tasks, modalities := schemaTaxonomy(t)
	for _, c := range categories {
		rows = append(rows, c)
		for _, task := range tasks {
			if charter.TaskCategory(task) == c {
				rows = append(rows, task)
			}
		}
	}
	return rows, modalities
}

// schemaTaxonomy returns the function categories, the tasks and the
// modalities in the order the charter schema lists them.
func schemaTaxonomy(t *testing.T) (categories, tasks, modalities []string) {
	t.Helper()
	var s struct {
		Defs struct {
			Function struct {
				Properties struct {
					Category struct {
						Enum []string `json:"enum"`
					} `json:"category"`
					Task struct {
						Enum []string `json:"enum"`
					} `json:"task"`
				} `json:"properties"`
			} `json:"function"`
			Modality struct {
				Enum []string `json:"enum"`
			} `json:"modality"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal([]byte(schemas.CharterV1()), &s); err != nil {
		t.Fatalf("charter schema: %v", err)
	}
	categories, tasks, modalities = s.Defs.Function.Properties.Category.Enum, s.Defs.Function.Properties.Task.Enum, s.Defs.Modality.Enum
	if len(categories) == 0 || len(tasks) == 0 || len(modalities) == 0 {
		t.Fatal("charter schema: no function categories, tasks or modalities found")
	}
	return categories, tasks, modalities
}

// rowLabel is a row's first cell: a category, or a task after the
// category it belongs to.
func rowLabel(row string) string {
	if c := charter.TaskCategory(row); c != "" {
		return "`" + c + "` › `" + row + "`"
	}
	return "`" + row + "`"
}

// shippedMatrix reads the modality matrix of the pack's data document.
func shippedMatrix(t *testing.T) map[string]map[string]matrixCell {
	t.Helper()
	data, err := fs.ReadFile(policies.FS(), policies.ConfigFile)
	if err != nil {
		t.Fatal(err)
	}
	var config struct {
		Matrix map[string]map[string]matrixCell `json:"matrix"`
	}
	if err := json.Unmarshal(data, &config); err != nil {
		t.Fatalf("%s: %v", policies.ConfigFile, err)
	}
	if len(config.Matrix) == 0 {
		t.Fatalf("%s has no matrix", policies.ConfigFile)
	}
	return config.Matrix
}

// matrixSection renders the matrix: a table of verdicts, one row per
// category and per task and one column per modality, then per row each
// cell's verdict, reason and source.
func matrixSection(categories, modalities []string, matrix map[string]map[string]matrixCell) string {
	var b strings.Builder
	b.WriteString("| function category › task |")
	for _, m := range modalities {
		b.WriteString(" " + m + " |")
	}
	b.WriteString("\n|---|")
	for range modalities {
		b.WriteString("---|")
	}
	b.WriteString("\n")
	for _, c := range categories {
		b.WriteString("| " + rowLabel(c) + " |")
		for _, m := range modalities {
			fit := noCell
			if cell, ok := matrix[c][m]; ok {
				fit = cell.Fit
			}
			b.WriteString(" " + fit + " |")
		}
		b.WriteString("\n")
	}
	b.WriteString("\nWhy each cell says what it says, as the matrix gives it:\n")
	for _, c := range categories {
		if len(matrix[c]) == 0 {
			continue
		}
		if cat := charter.TaskCategory(c); cat != "" {
			fmt.Fprintf(&b, "\n**`%s`** (task of `%s`)\n\n", c, cat)
		} else {
			fmt.Fprintf(&b, "\n**`%s`**\n\n", c)
		}
		for _, m := range modalities {
			cell, ok := matrix[c][m]
			if !ok {
				continue
			}
			fmt.Fprintf(&b, "- %s, *%s*: %s Source: %s.\n", m, cell.Fit, cell.Rationale, strings.TrimSuffix(cell.Source, "."))
		}
	}
	return b.String()
}

type matrixTable struct {
	modalities []string
	rows       []matrixRow
}

type matrixRow struct {
	category string
	fits     []string
}

// parseMatrixTable reads the Markdown table at the start of the matrix
// section: a header row naming the modalities, a separator row, then one
// row per category; it stops at the first line that is not a table row.
func parseMatrixTable(section string) (matrixTable, error) {
	var tab matrixTable
	var lines []string
	for _, line := range strings.Split(section, "\n") {
		if !strings.HasPrefix(line, "|") {
			break
		}
		lines = append(lines, line)
	}
	if len(lines) < 3 {
		return tab, fmt.Errorf("want a header, a separator and at least one row, found %d table lines", len(lines))
	}
	cells := func(line string) []string {
		parts := strings.Split(strings.Trim(strings.TrimSpace(line), "|"), "|")
		for i, p := range parts {
			parts[i] = strings.Trim(strings.TrimSpace(p), "`")
		}
		return parts
	}
	tab.modalities = cells(lines[0])[1:]
	for _, line := range lines[2:] {
		c := cells(line)
		// A task's label names its category first: the row is the last word.
		label := strings.Split(c[0], "`")
		tab.rows = append(tab.rows, matrixRow{category: label[len(label)-1], fits: c[1:]})
	}
	return tab, nil
}
