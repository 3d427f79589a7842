package analysis_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/charterlint/charterlint/internal/charter"
	"github.com/charterlint/charterlint/internal/decode"
	"github.com/charterlint/charterlint/internal/finding"
)

// Every numeric field, set to a number out of float64's range, is a
// schema finding at that number: never a failure of the run. The test
// walks every number of every valid fixture, and checks that together
// they cover every numeric field of the charter model.
func TestNumbersOutOfRangeAreFindings(t *testing.T) {
	l := newLinter(t)
	files, _ := filepath.Glob("../../fixtures/*.charter.json")
	covered := map[string]bool{}
	index := regexp.MustCompile(`/[0-9]+`)
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := decode.Decode(data, decode.DefaultLimits())
		if err != nil {
			t.Fatal(err)
		}
		for _, ptr := range numbers(doc.Value, "") {
			field := index.ReplaceAllString(ptr, "")
			if covered[field] {
				continue
			}
			covered[field] = true
			pos := doc.Pos(ptr)
			for _, huge := range []string{"1e400", "-1e400"} {
				a := l.Check(context.Background(), "x.charter.json", replaceAt(t, data, doc, ptr, huge))
				if a.Err != nil {
					t.Errorf("%s %s = %s: the run failed: %v", file, ptr, huge, a.Err)
					continue
				}
				ok := slices.ContainsFunc(a.Findings, func(f finding.Finding) bool {
					return f.Stage == "schema" && f.Pointer == ptr && f.Line == pos.Line && f.Column == pos.Column
				})
				if !ok {
					t.Errorf("%s %s = %s: no schema finding at %d:%d; got %v", file, ptr, huge, pos.Line, pos.Column, a.Findings)
				}
			}
		}
	}
	t.Logf("walked %d numeric fields", len(covered))
	for _, field := range modelNumbers(reflect.TypeFor[charter.Charter](), "") {
		if !covered[field] {
			t.Errorf("no fixture has a number at %s: add one so that this test walks it", field)
		}
	}
}

// numbers lists the pointers of the numbers in a decoded document.
func numbers(v any, ptr string) []string {
	switch x := v.(type) {
	case json.Number:
		return []string{ptr}
	case map[string]any:
		var out []string
		for k, e := range x {
			out = append(out, numbers(e, ptr+"/"+k)...)
		}
		return out
	case []any:
		var out []string
		for i, e := range x {
			out = append(out, numbers(e, ptr+"/"+strconv.Itoa(i))...)
		}
		return out
	}
	return nil
}

// modelNumbers lists the JSON paths (without indices) of the model's
// int and float64 fields.
func modelNumbers(t reflect.Type, path string) []string {
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice:
		return modelNumbers(t.Elem(), path)
	case reflect.Int, reflect.Float64:
		return []string{path}
	case reflect.Struct:
		var out []string
		for f := range t.Fields() {
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name != "" && name != "-" {
				out = append(out, modelNumbers(f.Type, path+"/"+name)...)
			}
		}
		return out
	}
	return nil
}

// replaceAt returns data with the number at ptr replaced by text.
func replaceAt(t *testing.T, data []byte, doc *decode.Document, ptr, text string) []byte {
	t.Helper()
	pos := doc.Pos(ptr)
	lines := strings.SplitAfter(string(data), "\n")
	line := lines[pos.Line-1]
	start := pos.Column - 1 // columns count bytes from 1 on ASCII lines
	end := start
	for end < len(line) && strings.ContainsRune("+-.0123456789eE", rune(line[end])) {
		end++
	}
	if end == start {
		t.Fatalf("no number at %s (%d:%d)", ptr, pos.Line, pos.Column)
	}
	lines[pos.Line-1] = line[:start] + text + line[end:]
	return []byte(strings.Join(lines, ""))
}
