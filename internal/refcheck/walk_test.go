package refcheck

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/charterlint/charterlint/internal/charter"
	"github.com/charterlint/charterlint/internal/decode"
)

// TestFieldsAgreeWithReferences checks that Fields names the property of
// every reference in the shipped fixtures, with the kinds Check wants.
func TestFieldsAgreeWithReferences(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "fixtures", "*.charter.json"))
	if len(files) == 0 {
		t.Fatal("no fixtures")
	}
	seen := map[string]bool{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := decode.Decode(data, decode.Limits{})
		if err != nil {
			t.Fatal(err)
		}
		c, err := charter.FromValue(doc.Value)
		if err != nil {
			continue
		}
		for _, r := range References(c) {
			parts := strings.Split(r.Pointer, "/")
			field := parts[len(parts)-1]
			if _, err := strconv.Atoi(field); err == nil {
				field = parts[len(parts)-2]
			}
			seen[field] = true
			if got, ok := Fields[field]; !ok || got != r.Want {
				t.Errorf("%s: %s wants %s, Fields says %s (listed: %v)", f, r.Pointer, r.Want, got, ok)
			}
		}
		for _, d := range Declarations(c) {
			if !doc.Has(d.Pointer) {
				t.Errorf("%s: declaration %q at %s names no value", f, d.ID, d.Pointer)
			}
		}
	}
	for field := range Fields {
		if !seen[field] {
			t.Logf("no fixture has a reference in %q", field)
		}
	}
}
