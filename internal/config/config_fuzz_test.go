package config

import (
	"errors"
	"testing"
)

// FuzzParse: any bytes give a configuration or *Error values with a
// position, never a panic.
func FuzzParse(f *testing.F) {
	f.Add(starterSeed)
	f.Add([]byte("rules:\n  disable: [a, b]\n  severity: {x: warning}\n"))
	f.Add([]byte("a: &x [1]\nb: *x\n"))
	f.Add([]byte("suppressions:\n  - {rule: r, file: '[', pointer: /a, reason: r, expires: 2026-02-30}\n"))
	f.Add([]byte("include: [\"**/*.json\"]\nexclude: [{a: 1}]\n"))
	f.Add([]byte("%YAML 1.2\n---\n{}\n---\n{}\n"))
	f.Add([]byte("? [a]\n: b\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse("fuzz.yaml", data)
		if err != nil {
			var joined interface{ Unwrap() []error }
			errs := []error{err}
			if errors.As(err, &joined) {
				errs = joined.Unwrap()
			}
			for _, e := range errs {
				var ce *Error
				if !errors.As(e, &ce) {
					t.Fatalf("error %v (%T) is not a *config.Error", e, e)
				}
				if ce.File != "fuzz.yaml" {
					t.Fatalf("error names %q", ce.File)
				}
			}
			return
		}
		if c == nil {
			t.Fatal("no configuration and no error")
		}
	})
}

var starterSeed = []byte(`exclude: ["drafts/**"]
fail-on: warning
rules:
  disable: [accountability]
  enable: [CL-ACC-003]
  severity: {CL-CAP-002: warning}
overrides:
  - files: ["legacy/**"]
    rules: {disable: [CL-ACC-003]}
suppressions:
  - {rule: CL-MOD-001, file: a.json, pointer: /functions/1, reason: ok, expires: 2027-01-01}
`)
