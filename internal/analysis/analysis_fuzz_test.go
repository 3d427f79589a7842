package analysis_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
)

// FuzzPipeline runs the whole pipeline — decode, schema, references,
// facts, every rule, classification — on arbitrary input. It must never
// panic or fail as an invocation, every finding must point inside the
// input, and a charter that passes the structural stages must be
// classified.
func FuzzPipeline(f *testing.F) {
	files, _ := filepath.Glob("../../fixtures/*.charter.json")
	invalid, _ := filepath.Glob("../../fixtures/invalid/*.charter.json")
	for _, file := range append(files, invalid...) {
		if data, err := os.ReadFile(file); err == nil {
			f.Add(data)
		}
	}
	l := newLinter(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		a := l.Check(context.Background(), "fuzz.charter.json", data)
		if a.Err != nil {
			t.Fatalf("pipeline failed as an invocation: %v", a.Err)
		}
		if a.Checked() != (a.Classification != nil && a.Facts != nil) {
			t.Fatalf("checked %v, but classification %v and facts %v", a.Checked(), a.Classification != nil, a.Facts != nil)
		}
		findings := a.Findings
		lines := bytes.Count(data, []byte("\n")) + 1
		for _, fd := range findings {
			if fd.Line < 1 || fd.Line > lines || fd.Column < 1 {
				t.Fatalf("finding outside the input (%d lines): %s", lines, fd)
			}
			if fd.Message == "" || fd.Rule == "" {
				t.Fatalf("finding without rule or message: %+v", fd)
			}
		}
	})
}
