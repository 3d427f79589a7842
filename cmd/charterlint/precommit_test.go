package main

import (
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The README's .pre-commit-config.yaml names the hook repository and a
// commit by these two lines; TestPreCommit puts its own in their place.
const (
	preCommitRepoLine = "repo: https://github.com/charterlint/charterlint\n"
	preCommitRevLine  = "rev: COMMIT\n"
)

// TestPreCommit runs the hook of .pre-commit-hooks.yaml the way a charter
// repository does: the working tree of this repository (uncommitted changes
// included) is committed to a temporary git repository, which a second one,
// of charters, names in the README's .pre-commit-config.yaml at that commit.
// pre-commit builds charterlint there with `go install ./...`; a commit of a
// clean charter must pass, a commit of broken ones must be refused with the
// files and rules named. Without pre-commit or git the test is skipped,
// saying how to install them, except under CI=true, where that is a failure.
func TestPreCommit(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the pre-commit round trip builds charterlint inside pre-commit")
	}
	for _, tool := range []string{"git", "pre-commit"} {
		if _, err := exec.LookPath(tool); err != nil {
			missingTool(t, tool+" is not on PATH: apt-get install git pre-commit (or pipx install pre-commit)")
		}
	}
	// pre-commit builds with the Go on PATH when there is one, and would
	// otherwise download a Go release. go test puts its own Go first on
	// PATH, so this only guards against an unusual environment.
	if _, err := exec.LookPath("go"); err != nil {
		t.Fatalf("go is not on PATH, so pre-commit would download a Go release: %v", err)
	}

	budget := 8 * time.Minute
	if d, ok := t.Deadline(); ok {
		budget = time.Until(d) - 15*time.Second
	}
	ctx, cancel := context.WithTimeout(t.Context(), budget)
	defer cancel()

	tmp := t.TempDir()
	env := preCommitEnv(t, tmp)
	run := func(dir string, name string, args ...string) (string, error) {
		t.Helper()
		start := time.Now()
		cmd := exec.CommandContext(ctx, name, args...)
		cmd.Dir = dir
		cmd.Env = env
		out, err := cmd.CombinedOutput()
		t.Logf("%s %s (%s)", name, strings.Join(args, " "), time.Since(start).Round(time.Millisecond))
		if ctx.Err() != nil {
			t.Fatalf("%s %s: out of time (%s): %v\n%s", name, strings.Join(args, " "), budget, ctx.Err(), out)
		}
		return string(out), err
	}
	must := func(dir string, name string, args ...string) string {
		t.Helper()
		out, err := run(dir, name, args...)
		if err != nil {
			t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
		}
		return out
	}

	// The hook repository: this repository's working tree, committed.
	root, err := run(".", "git", "rev-parse", "--show-toplevel")
	if err != nil {
		missingTool(t, "not in a git work tree, so there is no working tree to offer pre-commit: "+root)
	}
	root = strings.TrimSpace(root)
	hookRepo := filepath.Join(tmp, "charterlint")
	listed := must(root, "git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	if n := preCommitCopyFiles(t, root, hookRepo, strings.Split(listed, "\x00")); n == 0 {
		t.Fatal("git ls-files listed no file to copy")
	}
	if _, err := os.Stat(filepath.Join(hookRepo, ".pre-commit-hooks.yaml")); err != nil {
		t.Fatalf("the hook repository has no .pre-commit-hooks.yaml: %v", err)
	}
	must(hookRepo, "git", "init", "-q")
	must(hookRepo, "git", "add", "-A")
	must(hookRepo, "git", "commit", "-q", "-m", "charterlint working tree")
	rev := strings.TrimSpace(must(hookRepo, "git", "rev-parse", "HEAD"))
	must(hookRepo, "pre-commit", "validate-manifest", ".pre-commit-hooks.yaml")

	// The charter repository, configured as the README says.
	charters := filepath.Join(tmp, "charters")
	if err := os.Mkdir(charters, 0o755); err != nil {
		t.Fatal(err)
	}
	config := preCommitREADMEConfig(t)
	config = strings.Replace(config, preCommitRepoLine, "repo: "+hookRepo+"\n", 1)
	config = strings.Replace(config, preCommitRevLine, "rev: "+rev+"\n", 1)
	preCommitWrite(t, filepath.Join(charters, ".pre-commit-config.yaml"), config)
	must(charters, "git", "init", "-q")
	must(charters, "pre-commit", "validate-config", ".pre-commit-config.yaml")
	must(charters, "pre-commit", "install")

	// A clean charter: the commit is made. As for users, the first commit
	// has pre-commit build charterlint.
	preCommitCopy(t, filepath.Join(fixturesDir, "ietf.charter.json"), filepath.Join(charters, "ietf.charter.json"))
	must(charters, "git", "add", ".pre-commit-config.yaml", "ietf.charter.json")
	out := must(charters, "git", "commit", "-m", "a clean charter")
	t.Logf("the commit of a clean charter:\n%s", out)
	if !strings.Contains(out, "charterlint") || !strings.Contains(out, "Passed") {
		t.Errorf("the commit of a clean charter did not say that the charterlint hook passed:\n%s", out)
	}
	good := strings.TrimSpace(must(charters, "git", "rev-parse", "HEAD"))

	envs, err := filepath.Glob(filepath.Join(tmp, "pre-commit-home", "*", "golangenv-*"))
	if err != nil {
		t.Fatal(err)
	}
	if len(envs) != 1 || filepath.Base(envs[0]) != "golangenv-system" {
		t.Errorf("pre-commit environments %q, want one golangenv-system: the hook should be built with the Go on PATH", envs)
	}

	// A captured charter and one the schema rejects: the commit is refused,
	// naming each file and what it breaks.
	preCommitCopy(t, filepath.Join(fixturesDir, "itu.charter.json"), filepath.Join(charters, "itu.charter.json"))
	preCommitCopy(t, filepath.Join(fixturesDir, "invalid", "schema-enum.charter.json"), filepath.Join(charters, "bodies", "schema-enum.charter.json"))
	must(charters, "git", "add", "itu.charter.json", "bodies/schema-enum.charter.json")
	out, err = run(charters, "git", "commit", "-m", "broken charters")
	t.Logf("the commit of broken charters:\n%s", out)
	var exitErr *exec.ExitError
	if !errors.As(err, &exitErr) {
		t.Fatalf("the commit of broken charters was not refused (err %v):\n%s", err, out)
	}
	for _, want := range []string{
		"Failed",
		"itu.charter.json:",
		" error CL-CAP-002 ",
		"bodies/schema-enum.charter.json:",
		" error schema actors/2/class: ",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("the refused commit's output lacks %q:\n%s", want, out)
		}
	}
	if head := strings.TrimSpace(must(charters, "git", "rev-parse", "HEAD")); head != good {
		t.Errorf("HEAD moved from %s to %s although the hook failed", good, head)
	}
}

// preCommitEnv is the environment of the test's commands: this process's,
// without the variables through which git, pre-commit or the user's git
// configuration would reach outside the temporary directory, with the
// user's Go caches so that pre-commit's build reuses them (pre-commit sets
// GOPATH to its own directory, which would otherwise move the module cache
// there).
func preCommitEnv(t *testing.T, tmp string) []string {
	t.Helper()
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(name, "GIT_") || strings.HasPrefix(name, "PRE_COMMIT") || name == "SKIP" {
			continue
		}
		env = append(env, kv)
	}
	cmd := exec.Command("go", "env", "GOMODCACHE", "GOCACHE")
	cmd.Env = env
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go env: %v", err)
	}
	caches := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(caches) != 2 {
		t.Fatalf("go env GOMODCACHE GOCACHE: %q", out)
	}
	gitconfig := filepath.Join(tmp, "gitconfig")
	preCommitWrite(t, gitconfig, "[user]\n\tname = charterlint test\n\temail = test@charterlint.invalid\n"+
		"[init]\n\tdefaultBranch = main\n[commit]\n\tgpgsign = false\n")
	return append(env,
		"GIT_CONFIG_GLOBAL="+gitconfig,
		"GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME=charterlint test",
		"GIT_AUTHOR_EMAIL=test@charterlint.invalid",
		"GIT_COMMITTER_NAME=charterlint test",
		"GIT_COMMITTER_EMAIL=test@charterlint.invalid",
		"PRE_COMMIT_HOME="+filepath.Join(tmp, "pre-commit-home"),
		"GOMODCACHE="+caches[0],
		"GOCACHE="+caches[1],
	)
}

// preCommitREADMEConfig returns the .pre-commit-config.yaml of the README's
// section "As a pre-commit hook", so that the test uses what users copy.
func preCommitREADMEConfig(t *testing.T) string {
	t.Helper()
	src, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	readme := string(src)
	i := strings.Index(readme, "\n## As a pre-commit hook\n")
	if i < 0 {
		t.Fatal("README has no section \"As a pre-commit hook\"")
	}
	section := readme[i+1:]
	if j := strings.Index(section, "\n## "); j >= 0 {
		section = section[:j]
	}
	const fence = "```yaml\n"
	k := strings.Index(section, fence)
	if k < 0 {
		t.Fatal("README section \"As a pre-commit hook\" has no yaml block")
	}
	config, _, ok := strings.Cut(section[k+len(fence):], "```\n")
	if !ok {
		t.Fatal("README section \"As a pre-commit hook\": unterminated yaml block")
	}
	for _, line := range []string{preCommitRepoLine, preCommitRevLine} {
		if n := strings.Count(config, line); n != 1 {
			t.Fatalf("README's .pre-commit-config.yaml has %q %d times, want once:\n%s", line, n, config)
		}
	}
	return config
}

// preCommitCopyFiles copies the files named, relative to root, into dst,
// keeping executable bits and symbolic links. Files listed but deleted in
// the working tree, and submodules, are left out. It returns how many
// files it copied.
func preCommitCopyFiles(t *testing.T, root, dst string, names []string) int {
	t.Helper()
	seen := make(map[string]bool)
	n := 0
	for _, name := range names {
		if name == "" || seen[name] {
			continue
		}
		seen[name] = true
		src := filepath.Join(root, filepath.FromSlash(name))
		target := filepath.Join(dst, filepath.FromSlash(name))
		info, err := os.Lstat(src)
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			t.Fatal(err)
		}
		switch {
		case info.Mode()&os.ModeSymlink != 0:
			link, err := os.Readlink(src)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink(link, target); err != nil {
				t.Fatal(err)
			}
		case info.Mode().IsRegular():
			preCommitCopyMode(t, src, target, info.Mode().Perm())
		default:
			continue
		}
		n++
	}
	return n
}

func preCommitCopy(t *testing.T, src, dst string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		t.Fatal(err)
	}
	preCommitCopyMode(t, src, dst, 0o644)
}

func preCommitCopyMode(t *testing.T, src, dst string, perm os.FileMode) {
	t.Helper()
	in, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

func preCommitWrite(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
