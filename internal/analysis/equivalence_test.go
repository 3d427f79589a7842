package analysis_test

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/charterlint/charterlint/internal/corpus"
	"github.com/charterlint/charterlint/internal/finding"
)

var updateGolden = flag.Bool("update", false, "rewrite testdata/findings.golden")

// corpusCharters is how many generated charters the golden file covers.
const corpusCharters = 500

// TestFindingsUnchanged lints every fixture and 500 generated charters and
// compares the findings, every field of every one, with
// testdata/findings.golden, written before the pipeline was reorganised:
// a refactoring of any stage must not change what users see. Fixtures
// are recorded as text lines, generated charters as a count and a digest
// of their findings' JSON each. Run with -update only when a change of
// findings is intended, and review the diff.
func TestFindingsUnchanged(t *testing.T) {
	if testing.Short() {
		t.Skip("lints 500 charters")
	}
	l := newLinter(t)
	ctx := context.Background()
	var got []string
	fixtures, err := filepath.Glob("../../fixtures/*.charter.json")
	if err != nil || len(fixtures) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	invalid, _ := filepath.Glob("../../fixtures/invalid/*.charter.json")
	for _, path := range append(fixtures, invalid...) {
		r := l.File(ctx, path)
		if r.Err != nil {
			t.Fatal(r.Err)
		}
		for _, f := range r.Findings {
			got = append(got, strings.TrimPrefix(f.String(), "../../")+" ["+f.Element+"]")
		}
	}
	for i := range corpusCharters {
		name := fmt.Sprintf("c%03d.charter.json", i)
		a := l.Check(ctx, name, corpus.Generate(1, i, corpus.Typical()))
		if a.Err != nil {
			t.Fatal(a.Err)
		}
		got = append(got, fmt.Sprintf("%s %d %s", name, len(a.Findings), digest(t, a.Findings)))
	}
	golden := filepath.Join("testdata", "findings.golden")
	if *updateGolden {
		if err := os.WriteFile(golden, []byte(strings.Join(got, "\n")+"\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	data, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	if slices.Equal(got, want) {
		return
	}
	for i := range max(len(got), len(want)) {
		g, w := at(got, i), at(want, i)
		if g != w {
			t.Errorf("line %d of %s differs\n got: %s\nwant: %s", i+1, golden, g, w)
			if t.Failed() && i > 20 {
				break
			}
		}
	}
}

func at(s []string, i int) string {
	if i < len(s) {
		return s[i]
	}
	return "(nothing)"
}

// digest is a short hash of the findings' JSON: every field counts.
func digest(t *testing.T, fs []finding.Finding) string {
	t.Helper()
	data, err := json.Marshal(fs)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	return fmt.Sprintf("%x", sum[:8])
}
