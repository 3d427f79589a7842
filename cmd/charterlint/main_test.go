package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charterlint/charterlint/internal/corpus"
	"github.com/rogpeppe/go-internal/testscript"
)

var update = flag.Bool("update", false, "rewrite the testscript files' expected output")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"charterlint": func() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// TestScripts runs the end-to-end CLI scripts in testdata/script. The
// shipped fixtures and examples are copied into each script's work
// directory as fixtures/ and examples/, so scripts lint exactly what users
// see.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		UpdateScripts:       *update,
		Setup: func(env *testscript.Env) error {
			env.Setenv("HOME", env.WorkDir)
			for _, dir := range []string{"fixtures", "examples"} {
				if err := copyDir(filepath.Join("..", "..", dir), filepath.Join(env.WorkDir, dir)); err != nil {
					return err
				}
			}
			return nil
		},
	})
}

// copyDir copies the tree at src to dst.
func copyDir(src, dst string) error { return copyTree(src, dst, nil) }

// copyTree copies the tree at src to dst, leaving out what skip says (a
// directory it skips is left out whole).
func copyTree(src, dst string, skip func(rel string, d os.DirEntry) bool) error {
	return filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		if skip != nil && skip(rel, d) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
}

// TestRunWithoutProcess calls run directly, as main does, to check the
// contract that stdout carries results and stderr carries errors.
func TestRunWithoutProcess(t *testing.T) {
	var stdout, stderr bytes.Buffer
	code := run([]string{"lint", "--format", "yaml", "x"}, strings.NewReader(""), &stdout, &stderr)
	if code != exitUsage {
		t.Errorf("exit code = %d, want %d", code, exitUsage)
	}
	if stdout.Len() != 0 {
		t.Errorf("stdout = %q, want nothing", stdout.String())
	}
	if !strings.Contains(stderr.String(), `unknown output format "yaml"`) {
		t.Errorf("stderr = %q, want the unknown format named", stderr.String())
	}
}

// TestOutputIndependentOfJobs checks that every format prints exactly the
// same bytes whatever the number of workers.
func TestOutputIndependentOfJobs(t *testing.T) {
	const n = 60
	dir := t.TempDir()
	if err := corpus.WriteDir(dir, 5, n); err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"text", "json", "markdown"} {
		var outs [2]bytes.Buffer
		for i, jobs := range []string{"1", "3"} {
			var stderr bytes.Buffer
			code := run([]string{"lint", "-j", jobs, "--format", format, dir}, strings.NewReader(""), &outs[i], &stderr)
			if code != exitFindings {
				t.Fatalf("-j %s: exit code %d, want %d; stderr %s", jobs, code, exitFindings, stderr.String())
			}
		}
		if outs[0].Len() == 0 || !bytes.Equal(outs[0].Bytes(), outs[1].Bytes()) {
			t.Errorf("%s: -j 1 printed %d bytes, -j 3 %d; want the same", format, outs[0].Len(), outs[1].Len())
		}
	}
}
