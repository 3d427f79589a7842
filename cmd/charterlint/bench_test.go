package main

import (
	"io"
	"testing"
)

// BenchmarkLintOneFile is what a pre-commit hook runs, in process: flags,
// schema and policy compilation, and the lint of one charter. Process
// start-up is measured by bench/single-file.sh.
func BenchmarkLintOneFile(b *testing.B) {
	for b.Loop() {
		if code := run([]string{"lint", "../../fixtures/icann.charter.json"}, nil, io.Discard, io.Discard); code != exitOK {
			b.Fatalf("exit %d", code)
		}
	}
}
