package lint_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/charterlint/charterlint/internal/decode"
	"github.com/charterlint/charterlint/internal/finding"
	"github.com/charterlint/charterlint/internal/lint"
	"github.com/charterlint/charterlint/internal/policy"
	"github.com/charterlint/charterlint/policies"
)

// FuzzPipeline runs the whole pipeline — decode, schema, references,
// facts, every rule — on arbitrary input. It must never panic or fail as
// an invocation, and every finding must point inside the input. A second
// linter renders the rules' messages itself (policy.Options.DeferMessages,
// as lint does on a repository); the two must find exactly the same.
func FuzzPipeline(f *testing.F) {
	files, _ := filepath.Glob("../../fixtures/*.charter.json")
	invalid, _ := filepath.Glob("../../fixtures/invalid/*.charter.json")
	for _, file := range append(files, invalid...) {
		if data, err := os.ReadFile(file); err == nil {
			f.Add(data)
		}
	}
	l := newLinter(f)
	deferred, err := lint.New(context.Background(), lint.Options{Limits: decode.DefaultLimits(), Policy: policy.Options{Pack: policies.FS(), DeferMessages: true}})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		findings, _, err := l.Check(context.Background(), "fuzz.charter.json", data)
		if err != nil {
			t.Fatalf("pipeline failed as an invocation: %v", err)
		}
		other, _, err := deferred.Check(context.Background(), "fuzz.charter.json", data)
		if err != nil {
			t.Fatalf("pipeline with deferred messages failed as an invocation: %v", err)
		}
		finding.Sort(findings)
		finding.Sort(other)
		if !slices.Equal(findings, other) {
			t.Fatalf("deferred messages found\n%v\nwant (messages in Rego)\n%v", other, findings)
		}
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
