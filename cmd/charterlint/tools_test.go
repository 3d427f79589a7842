package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// missingTool skips the test for want of a real tool, msg saying how to
// install it, except under CI=true, where .ci/run installs every tool and
// a missing one is a failure.
func missingTool(t *testing.T, msg string) {
	t.Helper()
	if os.Getenv("CI") == "true" {
		t.Fatal(msg)
	}
	t.Skip(msg)
}

// nodePackages finds node and the directory whose node_modules holds the
// npm packages pkgs: $env, or dir below the repository's .ci/tools, where
// .ci/run installs them. Where node is missing the test needs it for
// what; where a package is missing, install says how to get it.
func nodePackages(t *testing.T, env, dir, what string, pkgs []string, install func(pkg string) string) (node, prefix string) {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		missingTool(t, "node is not installed; "+what+" with Node.js (18 or later)")
	}
	prefix = os.Getenv(env)
	if prefix == "" {
		prefix = filepath.Join("..", "..", ".ci", "tools", dir)
	}
	for _, pkg := range pkgs {
		if _, err := os.Stat(filepath.Join(prefix, "node_modules", pkg, "package.json")); err != nil {
			missingTool(t, install(pkg))
		}
	}
	abs, err := filepath.Abs(prefix)
	if err != nil {
		t.Fatal(err)
	}
	return node, abs
}
