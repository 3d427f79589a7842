package ruledata

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/charterlint/charterlint/policies"
)

// FuzzLoad gives the loader arbitrary data files. It must never panic,
// and a file it refuses is refused with *Error values that name the file
// and a line and column inside it.
func FuzzLoad(f *testing.F) {
	builtin, err := fs.ReadFile(policies.FS(), policies.ConfigFile)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(builtin)
	f.Add([]byte(`{"params": {"majority_share": "half"}, "matrix": {"ip-enforcement": {"private": null}}}`))
	f.Add([]byte(`{"compatible": {"private": ["private", "private"]}, "custom": {"a": [1, {"b": 2}]}}`))
	f.Add([]byte(`{"params": {"min_public_comment_days": 1e400}}`))
	f.Add([]byte(`{"a": 1, "a": 2}`))
	f.Add([]byte(`{"params": {"quorum": 1e1000001}, "custom": {"x": 1e999}}`))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(dir, "data.json")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		d, err := Load(path)
		if err == nil {
			if d.Value() == nil {
				t.Fatal("loaded data without a value")
			}
			return
		}
		var e *Error
		if !errors.As(err, &e) || e.File != path || e.Line < 1 || e.Column < 1 {
			t.Fatalf("err = %v (%T), want *Error at a position in %s", err, err, path)
		}
	})
}
