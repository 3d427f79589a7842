package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// The GitHub Action (action.yml at the repository root) and the scripts its
// steps run (.github/action). TestMain has put this test binary on PATH as
// charterlint, so the scripts run the charterlint of this build.

var repoRoot = filepath.Join("..", "..")

// actionBash returns the path of bash, or skips the test where there is
// none, except under CI, where a missing bash is a failure.
func actionBash(t *testing.T) string {
	t.Helper()
	bash, err := exec.LookPath("bash")
	if err != nil {
		missingTool(t, fmt.Sprintf("the action's scripts need bash: %v", err))
	}
	return bash
}

// actionRun is what one run of a script left behind.
type actionRun struct {
	code    int
	stdout  string
	stderr  string
	summary string            // $GITHUB_STEP_SUMMARY
	outputs map[string]string // $GITHUB_OUTPUT
	path    string            // $GITHUB_PATH
}

// runActionScript runs .github/action/<script> with bash in workspace, with
// the GITHUB_* files in a temporary directory and the given INPUT_*
// variables, as the composite step would.
func runActionScript(t *testing.T, script, workspace string, inputs map[string]string) actionRun {
	t.Helper()
	bash := actionBash(t)
	files := t.TempDir()
	summary := filepath.Join(files, "step_summary.md")
	output := filepath.Join(files, "output")
	ghPath := filepath.Join(files, "path")
	for _, f := range []string{summary, output, ghPath} {
		if err := os.WriteFile(f, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	scriptPath, err := filepath.Abs(filepath.Join(repoRoot, ".github", "action", script))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bash, scriptPath)
	cmd.Dir = files // the script must move to GITHUB_WORKSPACE itself
	// Under a real Actions runner the test's own GITHUB_* variables must
	// not leak into the script.
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "GITHUB_") && !strings.HasPrefix(kv, "INPUT_") && !strings.HasPrefix(kv, "RUNNER_") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.Env = append(cmd.Env,
		"GITHUB_ACTIONS=true",
		"GITHUB_STEP_SUMMARY="+summary,
		"GITHUB_OUTPUT="+output,
		"GITHUB_PATH="+ghPath,
		"GITHUB_WORKSPACE="+workspace,
		"RUNNER_TEMP="+files,
	)
	for k, v := range inputs {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	r := actionRun{outputs: map[string]string{}}
	if err := cmd.Run(); err != nil {
		var exit *exec.ExitError
		if !errors.As(err, &exit) {
			t.Fatalf("run %s: %v", script, err)
		}
		r.code = exit.ExitCode()
	}
	r.stdout, r.stderr = stdout.String(), stderr.String()
	r.summary = readString(t, summary)
	r.path = readString(t, ghPath)
	for _, line := range strings.Split(readString(t, output), "\n") {
		if k, v, ok := strings.Cut(line, "="); ok {
			if _, dup := r.outputs[k]; dup {
				t.Errorf("output %s written twice", k)
			}
			r.outputs[k] = v
		}
	}
	return r
}

func readString(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// actionWorkspace is a checkout with one clean charter and, in a directory
// whose name has a space, one with a schema error (25:16).
func actionWorkspace(t *testing.T) string {
	t.Helper()
	ws := t.TempDir()
	for src, dst := range map[string]string{
		"docs/examples/houses.charter.json":         "charters/good.charter.json",
		"fixtures/invalid/schema-enum.charter.json": "my charters/bad.charter.json",
	} {
		data, err := os.ReadFile(filepath.Join(repoRoot, src))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Join(ws, filepath.Dir(dst)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(ws, dst), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return ws
}

const badAnnotation = "::error file=my charters/bad.charter.json,line=25,col=16,title=schema::"

// checkSARIF checks that path is SARIF 2.1.0 with a schema result for the
// bad charter.
func checkSARIF(t *testing.T, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("SARIF file: %v", err)
	}
	var log struct {
		Version string `json:"version"`
		Runs    []struct {
			Results []struct {
				RuleID    string `json:"ruleId"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(data, &log); err != nil {
		t.Fatalf("SARIF file is not JSON: %v", err)
	}
	if log.Version != "2.1.0" {
		t.Errorf("SARIF version = %q, want 2.1.0", log.Version)
	}
	if len(log.Runs) != 1 || len(log.Runs[0].Results) == 0 {
		t.Fatalf("SARIF has %d runs, want 1 with results", len(log.Runs))
	}
	found := false
	for _, res := range log.Runs[0].Results {
		for _, loc := range res.Locations {
			uri, err := url.PathUnescape(loc.PhysicalLocation.ArtifactLocation.URI)
			if err == nil && uri == "my charters/bad.charter.json" && res.RuleID == "schema" {
				found = true
			}
		}
	}
	if !found {
		t.Errorf("SARIF has no schema result for my charters/bad.charter.json:\n%s", data)
	}
}

func TestActionScript(t *testing.T) {
	t.Run("fail-on error fails on the error", func(t *testing.T) {
		ws := actionWorkspace(t)
		// Newline-separated, with a blank line, a CRLF line end and white
		// space around a path, as a YAML block or a Windows editor leaves.
		r := runActionScript(t, "run.sh", ws, map[string]string{
			"INPUT_PATHS":   "charters\r\n\n  my charters  \n",
			"INPUT_FAIL_ON": "error",
			"INPUT_SARIF":   "reports/charterlint.sarif",
		})
		if r.code != 1 {
			t.Fatalf("exit status %d, want 1\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
		}
		if !strings.Contains(r.stdout, badAnnotation) {
			t.Errorf("stdout has no annotation %q:\n%s", badAnnotation, r.stdout)
		}
		if strings.Count(r.stdout, "::error ") != 1 || strings.Contains(r.stdout, "good.charter.json") {
			t.Errorf("stdout should annotate the bad charter once and the good one never:\n%s", r.stdout)
		}
		for _, want := range []string{
			"**charterlint**: 2 charters checked, 1 with findings: 1 error.",
			"| `my charters/bad.charter.json:25:16` | error | `schema` |",
		} {
			if !strings.Contains(r.summary, want) {
				t.Errorf("step summary lacks %q:\n%s", want, r.summary)
			}
		}
		if strings.Count(r.summary, "**charterlint**") != 1 {
			t.Errorf("step summary written %d times, want once (by the github run only):\n%s", strings.Count(r.summary, "**charterlint**"), r.summary)
		}
		checkSARIF(t, filepath.Join(ws, "reports", "charterlint.sarif"))
		if r.outputs["exit-code"] != "1" || r.outputs["sarif-file"] != "reports/charterlint.sarif" {
			t.Errorf("outputs = %v, want exit-code 1 and sarif-file reports/charterlint.sarif", r.outputs)
		}
		if r.stderr != "" {
			t.Errorf("stderr = %q, want nothing", r.stderr)
		}
	})

	t.Run("fail-on never passes and still writes SARIF", func(t *testing.T) {
		ws := actionWorkspace(t)
		r := runActionScript(t, "run.sh", ws, map[string]string{
			"INPUT_PATHS":   "my charters\ncharters/good.charter.json",
			"INPUT_FAIL_ON": "never",
			"INPUT_SARIF":   "charterlint.sarif",
		})
		if r.code != 0 {
			t.Fatalf("exit status %d, want 0\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
		}
		if !strings.Contains(r.stdout, badAnnotation) {
			t.Errorf("stdout has no annotation %q:\n%s", badAnnotation, r.stdout)
		}
		if !strings.Contains(r.summary, "1 with findings: 1 error") {
			t.Errorf("step summary lacks the counts:\n%s", r.summary)
		}
		checkSARIF(t, filepath.Join(ws, "charterlint.sarif"))
		if r.outputs["exit-code"] != "0" || r.outputs["sarif-file"] != "charterlint.sarif" {
			t.Errorf("outputs = %v, want exit-code 0 and sarif-file charterlint.sarif", r.outputs)
		}
	})

	t.Run("defaults lint the whole workspace", func(t *testing.T) {
		ws := actionWorkspace(t)
		r := runActionScript(t, "run.sh", ws, nil) // no INPUT_*: paths ".", fail-on error, no SARIF
		if r.code != 1 || !strings.Contains(r.stdout, badAnnotation) {
			t.Fatalf("exit status %d, want 1 with the annotation\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
		}
		if _, ok := r.outputs["sarif-file"]; ok {
			t.Errorf("outputs = %v, want no sarif-file when no SARIF was asked for", r.outputs)
		}
	})

	t.Run("empty sarif writes none", func(t *testing.T) {
		ws := actionWorkspace(t)
		r := runActionScript(t, "run.sh", ws, map[string]string{
			"INPUT_PATHS":   "charters/good.charter.json",
			"INPUT_FAIL_ON": "info",
			"INPUT_SARIF":   "",
		})
		if r.code != 0 || strings.Contains(r.stdout, "::error") {
			t.Fatalf("exit status %d, want 0 without annotations\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
		}
		if !strings.Contains(r.summary, "**charterlint**: 1 charter") {
			t.Errorf("step summary lacks the summary:\n%s", r.summary)
		}
		matches, _ := filepath.Glob(filepath.Join(ws, "*.sarif"))
		if len(matches) != 0 {
			t.Errorf("SARIF written though sarif is empty: %v", matches)
		}
		if _, ok := r.outputs["sarif-file"]; ok || r.outputs["exit-code"] != "0" {
			t.Errorf("outputs = %v, want exit-code 0 and no sarif-file", r.outputs)
		}
	})

	t.Run("a failed invocation is status 2 and leaves no stale SARIF", func(t *testing.T) {
		ws := actionWorkspace(t)
		stale := filepath.Join(ws, "charterlint.sarif")
		if err := os.WriteFile(stale, []byte("from an earlier run"), 0o644); err != nil {
			t.Fatal(err)
		}
		r := runActionScript(t, "run.sh", ws, map[string]string{
			"INPUT_PATHS":   "no such dir",
			"INPUT_FAIL_ON": "never",
			"INPUT_SARIF":   "charterlint.sarif",
		})
		if r.code != 2 {
			t.Fatalf("exit status %d, want 2\nstderr:\n%s", r.code, r.stderr)
		}
		if !strings.Contains(r.stderr, "no such dir") {
			t.Errorf("stderr does not name the missing path:\n%s", r.stderr)
		}
		if _, err := os.Stat(stale); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("stale SARIF file still there (err %v)", err)
		}
		if _, ok := r.outputs["sarif-file"]; ok || r.outputs["exit-code"] != "2" {
			t.Errorf("outputs = %v, want exit-code 2 and no sarif-file", r.outputs)
		}
	})

	t.Run("a bad fail-on is status 2", func(t *testing.T) {
		ws := actionWorkspace(t)
		r := runActionScript(t, "run.sh", ws, map[string]string{
			"INPUT_PATHS":   "charters",
			"INPUT_FAIL_ON": "sometimes",
		})
		if r.code != 2 || !strings.Contains(r.stderr, "--fail-on") {
			t.Fatalf("exit status %d, want 2 with a --fail-on message\nstderr:\n%s", r.code, r.stderr)
		}
	})

	t.Run("inputs are data, not code", func(t *testing.T) {
		ws := actionWorkspace(t)
		r := runActionScript(t, "run.sh", ws, map[string]string{
			"INPUT_PATHS":   "$(touch pwned-paths)\n--format=json\n*",
			"INPUT_FAIL_ON": "never",
			"INPUT_SARIF":   "$(touch pwned-sarif).sarif",
		})
		if r.code != 2 {
			t.Errorf("exit status %d, want 2 (no such paths)\nstderr:\n%s", r.code, r.stderr)
		}
		// "--format=json" and "*" are paths (after "--"), not a flag and a glob.
		for _, want := range []string{"$(touch pwned-paths)", "--format=json", "*"} {
			if !strings.Contains(r.stderr, want) {
				t.Errorf("stderr does not report the path %q as missing:\n%s", want, r.stderr)
			}
		}
		r = runActionScript(t, "run.sh", ws, map[string]string{
			"INPUT_PATHS":   "charters",
			"INPUT_FAIL_ON": "error; touch pwned-fail-on",
		})
		if r.code != 2 {
			t.Errorf("exit status %d, want 2 (bad --fail-on)\nstderr:\n%s", r.code, r.stderr)
		}
		for _, name := range []string{"pwned-paths", "pwned-fail-on", "pwned-sarif"} {
			if _, err := os.Stat(filepath.Join(ws, name)); err == nil {
				t.Errorf("an input ran as a command: %s exists", name)
			}
		}
	})
}

// TestActionInstall runs the install step, as action.yml does without a
// version: it builds charterlint from the checkout and adds its directory
// to $GITHUB_PATH.
func TestActionInstall(t *testing.T) {
	t.Run("a version that is not one is refused", func(t *testing.T) {
		r := runActionScript(t, "install.sh", t.TempDir(), map[string]string{"INPUT_VERSION": "v1; touch pwned"})
		if r.code != 2 || !strings.Contains(r.stderr, "not a module version") || r.path != "" {
			t.Errorf("exit status %d, GITHUB_PATH %q, want 2 and nothing added\nstderr:\n%s", r.code, r.path, r.stderr)
		}
	})
	t.Run("build from the checkout", func(t *testing.T) {
		if testing.Short() {
			t.Skip("skipping the build of charterlint in -short mode")
		}
		if _, err := exec.LookPath("go"); err != nil {
			t.Skipf("skipping: no go on PATH: %v", err)
		}
		root, err := filepath.Abs(repoRoot)
		if err != nil {
			t.Fatal(err)
		}
		r := runActionScript(t, "install.sh", t.TempDir(), map[string]string{"INPUT_VERSION": "", "GITHUB_ACTION_PATH": root})
		if r.code != 0 {
			t.Fatalf("exit status %d\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
		}
		dir := strings.TrimSuffix(r.path, "\n")
		if dir == "" || strings.Contains(dir, "\n") {
			t.Fatalf("GITHUB_PATH = %q, want one directory", r.path)
		}
		out, err := exec.Command(filepath.Join(dir, "charterlint"), "version").Output()
		if err != nil || !strings.HasPrefix(string(out), "charterlint ") {
			t.Errorf("installed charterlint version: %q, %v", out, err)
		}
	})
}

// actionFile is the part of action.yml the tests look at.
type actionFile struct {
	Inputs map[string]struct {
		Description string  `yaml:"description"`
		Default     *string `yaml:"default"`
	} `yaml:"inputs"`
	Outputs map[string]struct {
		Value string `yaml:"value"`
	} `yaml:"outputs"`
	Runs struct {
		Using string       `yaml:"using"`
		Steps []actionStep `yaml:"steps"`
	} `yaml:"runs"`
}

type actionStep struct {
	Name  string            `yaml:"name"`
	ID    string            `yaml:"id"`
	If    string            `yaml:"if"`
	Uses  string            `yaml:"uses"`
	Shell string            `yaml:"shell"`
	Run   string            `yaml:"run"`
	Env   map[string]string `yaml:"env"`
	With  map[string]string `yaml:"with"`
}

var (
	inputRef  = regexp.MustCompile(`\binputs\.([A-Za-z0-9_-]+)`)
	exactRef  = regexp.MustCompile(`^\$\{\{\s*inputs\.([A-Za-z0-9_-]+)\s*\}\}$`)
	scriptRef = regexp.MustCompile(`\.github/action/[A-Za-z0-9_.-]+\.sh`)
	// sourced matches a script's ". "$(dirname ...)/other.sh"" line.
	sourced = regexp.MustCompile(`(?m)^\. "\$\(dirname "\$\{BASH_SOURCE\[0\]\}"\)/([A-Za-z0-9_.-]+\.sh)"$`)
	envRef  = regexp.MustCompile(`\bINPUT_[A-Z0-9_]+`)
)

func loadAction(t *testing.T) actionFile {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot, "action.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var a actionFile
	if err := yaml.Unmarshal(data, &a); err != nil {
		t.Fatalf("action.yml: %v", err)
	}
	return a
}

func TestActionYAML(t *testing.T) {
	a := loadAction(t)
	if a.Runs.Using != "composite" {
		t.Errorf("runs.using = %q, want composite", a.Runs.Using)
	}
	wantDefaults := map[string]string{
		"paths":        ".",
		"fail-on":      "",
		"sarif":        "charterlint.sarif",
		"upload-sarif": "true",
		"version":      "",
		"diff-base":    "",
	}
	for name, want := range wantDefaults {
		in, ok := a.Inputs[name]
		switch {
		case !ok:
			t.Errorf("input %s is not declared", name)
		case in.Default == nil || *in.Default != want:
			t.Errorf("input %s: default %v, want %q", name, in.Default, want)
		case in.Description == "":
			t.Errorf("input %s has no description", name)
		}
	}
	for name := range a.Inputs {
		if _, ok := wantDefaults[name]; !ok {
			t.Errorf("input %s is not known to this test", name)
		}
	}

	declared := func(where, text string) {
		for _, m := range inputRef.FindAllStringSubmatch(text, -1) {
			if _, ok := a.Inputs[m[1]]; !ok {
				t.Errorf("%s refers to inputs.%s, which is not declared", where, m[1])
			}
		}
	}
	ids := map[string]bool{}
	var setupGo, upload, diff *actionStep
	scripts := 0
	for i := range a.Runs.Steps {
		s := &a.Runs.Steps[i]
		where := "step " + s.Name
		if s.ID != "" {
			ids[s.ID] = true
		}
		declared(where+" if", s.If)
		for k, v := range s.With {
			declared(where+" with."+k, v)
		}
		// Script injection: a ${{ }} expression in a run body is pasted
		// into the script before the shell sees it. Values go through env.
		if strings.Contains(s.Run, "${{") {
			t.Errorf("%s: run body contains a ${{ }} expression; pass it through env:\n%s", where, s.Run)
		}
		for k, v := range s.Env {
			declared(where+" env."+k, v)
			// INPUT_X carries exactly inputs.x.
			if m := exactRef.FindStringSubmatch(v); m != nil {
				if want := "INPUT_" + strings.ToUpper(strings.ReplaceAll(m[1], "-", "_")); k != want {
					t.Errorf("%s: env %s carries inputs.%s; name it %s", where, k, m[1], want)
				}
			}
		}
		if s.Run != "" && s.Shell != "bash" {
			t.Errorf("%s: shell %q, want bash", where, s.Shell)
		}
		// Every INPUT_ variable a script reads is set by its step.
		for _, script := range scriptRef.FindAllString(s.Run, -1) {
			scripts++
			body := readString(t, filepath.Join(repoRoot, filepath.FromSlash(script)))
			// The scripts it sources read inputs too.
			for _, m := range sourced.FindAllStringSubmatch(body, -1) {
				body += readString(t, filepath.Join(repoRoot, ".github", "action", m[1]))
			}
			for _, name := range envRef.FindAllString(body, -1) {
				v, ok := s.Env[name]
				if !ok {
					t.Errorf("%s: %s reads %s, which the step's env does not set", where, script, name)
				} else if !exactRef.MatchString(v) {
					t.Errorf("%s: env %s = %q, want an input", where, name, v)
				}
			}
		}
		if s.ID == "diff" {
			diff = s
		}
		switch {
		case strings.HasPrefix(s.Uses, "actions/setup-go@"):
			setupGo = s
		case strings.HasPrefix(s.Uses, "github/codeql-action/upload-sarif@"):
			upload = s
		}
	}
	if scripts != 3 {
		t.Errorf("steps run %d scripts of .github/action, want 3 (install.sh, run.sh, diff.sh)", scripts)
	}
	if !ids["lint"] {
		t.Error("no step has id lint, which the outputs and the upload refer to")
	}
	for name, out := range a.Outputs {
		step := "lint"
		if strings.HasPrefix(name, "diff-") {
			step = "diff"
		}
		if !strings.Contains(out.Value, "steps."+step+".outputs."+name) {
			t.Errorf("output %s = %q, want steps.%s.outputs.%s", name, out.Value, step, name)
		}
	}
	if _, ok := a.Outputs["diff-markdown"]; !ok {
		t.Error("no output diff-markdown")
	}
	// The diff step runs diff.sh only when asked, after the lint step,
	// also when that found problems.
	if diff == nil || !strings.Contains(diff.Run, ".github/action/diff.sh") || diff.Env["INPUT_DIFF_BASE"] != "${{ inputs.diff-base }}" {
		t.Errorf("diff step = %+v, want id diff running diff.sh with INPUT_DIFF_BASE", diff)
	} else {
		for _, want := range []string{"!cancelled()", "inputs.diff-base != ''", "steps.lint.outcome != 'skipped'"} {
			if !strings.Contains(diff.If, want) {
				t.Errorf("diff step if = %q, want it to contain %q", diff.If, want)
			}
		}
	}
	if setupGo == nil || setupGo.Uses != "actions/setup-go@v5" || setupGo.With["go-version-file"] != "${{ github.action_path }}/go.mod" {
		t.Errorf("setup-go step = %+v, want actions/setup-go@v5 with go-version-file ${{ github.action_path }}/go.mod", setupGo)
	}
	if upload == nil {
		t.Fatal("no upload-sarif step")
	}
	if upload.Uses != "github/codeql-action/upload-sarif@v3" || upload.With["category"] != "charterlint" ||
		upload.With["sarif_file"] != "${{ steps.lint.outputs.sarif-file }}" {
		t.Errorf("upload step = %+v", upload)
	}
	for _, want := range []string{"always()", "inputs.upload-sarif == 'true'", "steps.lint.outputs.sarif-file != ''"} {
		if !strings.Contains(upload.If, want) {
			t.Errorf("upload step if = %q, want it to contain %q", upload.If, want)
		}
	}
}

// TestActionWorkflow checks that the project's workflow uses the action
// with inputs it declares and grants the upload its permission.
func TestActionWorkflow(t *testing.T) {
	a := loadAction(t)
	data, err := os.ReadFile(filepath.Join(repoRoot, ".github", "workflows", "charterlint.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var wf struct {
		Jobs map[string]struct {
			Permissions map[string]string `yaml:"permissions"`
			Steps       []actionStep      `yaml:"steps"`
		} `yaml:"jobs"`
	}
	if err := yaml.Unmarshal(data, &wf); err != nil {
		t.Fatalf("charterlint.yml: %v", err)
	}
	uses := 0
	for name, job := range wf.Jobs {
		for _, s := range job.Steps {
			if strings.Contains(s.Run, "${{") {
				t.Errorf("job %s step %s: run body contains a ${{ }} expression", name, s.Name)
			}
			if s.Uses != "./" {
				continue
			}
			uses++
			for k := range s.With {
				if _, ok := a.Inputs[k]; !ok {
					t.Errorf("job %s step %s: input %s is not declared in action.yml", name, s.Name, k)
				}
			}
			if job.Permissions["security-events"] != "write" || job.Permissions["contents"] != "read" {
				t.Errorf("job %s: permissions %v, want security-events: write and contents: read", name, job.Permissions)
			}
		}
	}
	if uses == 0 {
		t.Error("the workflow never uses the action (uses: ./)")
	}
	if !slices.ContainsFunc(wf.Jobs["test"].Steps, func(s actionStep) bool { return s.Run == "bash .ci/run" }) {
		t.Error("no job test running bash .ci/run")
	}
}

// diffRepo is a git repository with a base commit and a head commit that
// amends its charters, as a pull request's checkout has them:
//   - charters/lakeside.charter.json: base.json → government-majority.json
//     (the Board's government share goes from 1 of 7 to 7 of 13);
//   - charters/old name.charter.json → "my charters/new name.charter.json":
//     renamed, and its appeal path added (CL-ACC-001 resolved);
//   - charters/added.charter.json: added, so not compared;
//   - charters/notes.md and elsewhere/other.charter.json: changed, but not
//     a charter or not among the paths.
//
// It returns the work tree and the base commit's id.
func diffRepo(t *testing.T) (string, string) {
	t.Helper()
	ws := t.TempDir()
	git := func(args ...string) string {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"}, args...)...)
		cmd.Dir = ws
		cmd.Env = append(os.Environ(), "GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_GLOBAL="+os.DevNull)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
		return strings.TrimSpace(string(out))
	}
	put := func(dst, src string) {
		t.Helper()
		data := []byte(src)
		if !strings.HasPrefix(src, "{") && !strings.HasPrefix(src, "#") {
			var err error
			if data, err = os.ReadFile(filepath.Join(repoRoot, "fixtures", src)); err != nil {
				t.Fatal(err)
			}
		}
		if err := os.MkdirAll(filepath.Join(ws, filepath.Dir(dst)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(ws, dst), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skipf("skipping: no git on PATH: %v", err)
	}
	git("init", "-q")
	put("charters/lakeside.charter.json", "amendments/base.json")
	put("charters/old name.charter.json", "amendments/base.json")
	put("charters/notes.md", "# notes\n")
	put("elsewhere/other.charter.json", "amendments/base.json")
	git("add", "-A")
	git("commit", "-q", "-m", "base")
	base := git("rev-parse", "HEAD")
	put("charters/lakeside.charter.json", "amendments/government-majority.json")
	if err := os.Remove(filepath.Join(ws, "charters", "old name.charter.json")); err != nil {
		t.Fatal(err)
	}
	put("my charters/new name.charter.json", "amendments/appeal-added.json")
	put("charters/added.charter.json", "icann.charter.json")
	put("charters/notes.md", "# notes, amended\n")
	put("elsewhere/other.charter.json", "amendments/government-majority.json")
	git("add", "-A")
	git("commit", "-q", "-m", "amend")
	return ws, base
}

// TestActionDiff runs the diff step: the Markdown of charterlint diff for
// each changed charter, in the step summary and in the file of the output
// diff-markdown.
func TestActionDiff(t *testing.T) {
	ws, base := diffRepo(t)
	gitEnv := map[string]string{"GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.DevNull}
	inputs := func(kv ...string) map[string]string {
		m := maps.Clone(gitEnv)
		for i := 0; i < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return m
	}
	const share = "| association-board | government | 1 of 7 (14%) | 7 of 13 (54%) |"

	t.Run("changed charters are compared", func(t *testing.T) {
		r := runActionScript(t, "diff.sh", ws, inputs("INPUT_DIFF_BASE", base, "INPUT_PATHS", "charters\nmy charters\n", "INPUT_FAIL_ON", "never"))
		if r.code != 0 {
			t.Fatalf("exit status %d, want 0\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
		}
		file := r.outputs["diff-markdown"]
		if file == "" {
			t.Fatalf("outputs = %v, want diff-markdown", r.outputs)
		}
		body := readString(t, file)
		for name, text := range map[string]string{"step summary": r.summary, "diff-markdown": body} {
			for _, want := range []string{
				"<!-- charterlint diff -->",
				"# Charter amendments",
				"compared with `" + base + "`",
				"## Amendment: `" + base + ":charters/lakeside.charter.json` → `charters/lakeside.charter.json`",
				share,
				"| warning | `CL-CAP-005` |",
				// The rename is compared with its old path.
				"## Amendment: `" + base + ":charters/old name.charter.json` → `my charters/new name.charter.json`",
				"### Findings resolved",
				"`CL-ACC-001`",
				// The added charter is named, not compared.
				"**New charters, not compared**",
				"`charters/added.charter.json`",
			} {
				if !strings.Contains(text, want) {
					t.Errorf("%s lacks %q:\n%s", name, want, text)
				}
			}
			for _, unwanted := range []string{"notes.md", "elsewhere/other", "Amendment: `" + base + ":charters/added"} {
				if strings.Contains(text, unwanted) {
					t.Errorf("%s has %q:\n%s", name, unwanted, text)
				}
			}
		}
		if !strings.HasPrefix(r.summary, "\n") {
			t.Errorf("step summary does not start on a blank line: %q", r.summary[:min(len(r.summary), 40)])
		}
	})

	t.Run("fail-on counts introduced findings", func(t *testing.T) {
		// CL-CAP-005, a warning, is introduced.
		r := runActionScript(t, "diff.sh", ws, inputs("INPUT_DIFF_BASE", base, "INPUT_PATHS", "charters", "INPUT_FAIL_ON", "warning"))
		if r.code != 1 || !strings.Contains(r.summary, share) || r.outputs["diff-markdown"] == "" {
			t.Errorf("fail-on warning: exit status %d, want 1 with the summary and the output\nstderr:\n%s", r.code, r.stderr)
		}
		// Empty: the configuration's fail-on, else error.
		r = runActionScript(t, "diff.sh", ws, inputs("INPUT_DIFF_BASE", base, "INPUT_PATHS", "charters"))
		if r.code != 0 || !strings.Contains(r.summary, share) {
			t.Errorf("no fail-on, no configuration: exit status %d, want 0\nstderr:\n%s", r.code, r.stderr)
		}
		if err := os.WriteFile(filepath.Join(ws, ".charterlint.yaml"), []byte("fail-on: warning\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		defer os.Remove(filepath.Join(ws, ".charterlint.yaml"))
		r = runActionScript(t, "diff.sh", ws, inputs("INPUT_DIFF_BASE", base, "INPUT_PATHS", "charters"))
		if r.code != 1 {
			t.Errorf("no fail-on, configuration fail-on warning: exit status %d, want 1\nstderr:\n%s", r.code, r.stderr)
		}
	})

	t.Run("nothing changed", func(t *testing.T) {
		r := runActionScript(t, "diff.sh", ws, inputs("INPUT_DIFF_BASE", "HEAD", "INPUT_PATHS", "."))
		if r.code != 0 || !strings.Contains(r.summary, "no charter changed since `HEAD`") {
			t.Errorf("exit status %d, summary %q, want 0 and a note", r.code, r.summary)
		}
		if _, ok := r.outputs["diff-markdown"]; ok {
			t.Errorf("outputs = %v, want no diff-markdown when no charter changed", r.outputs)
		}
		r = runActionScript(t, "diff.sh", ws, inputs("INPUT_DIFF_BASE", ""))
		if r.code != 0 || r.summary != "" || len(r.outputs) != 0 {
			t.Errorf("empty diff-base: exit status %d, summary %q, outputs %v, want 0 and nothing", r.code, r.summary, r.outputs)
		}
	})

	t.Run("revisions are checked", func(t *testing.T) {
		for _, rev := range []string{
			"HEAD; touch pwned", "$(touch pwned)", "`touch pwned`", "main\ntouch pwned",
			"--output=pwned", "-p", "HEAD..main", "main:charters", "a b", "HEAD*",
		} {
			r := runActionScript(t, "diff.sh", ws, inputs("INPUT_DIFF_BASE", rev, "INPUT_PATHS", "charters"))
			if r.code != 2 || !strings.Contains(r.stderr, "not a git revision this action accepts") {
				t.Errorf("diff-base %q: exit status %d, want 2 with a refusal\nstderr:\n%s", rev, r.code, r.stderr)
			}
			if len(r.outputs) != 0 || r.summary != "" {
				t.Errorf("diff-base %q: outputs %v, summary %q, want nothing", rev, r.outputs, r.summary)
			}
		}
		if _, err := os.Stat(filepath.Join(ws, "pwned")); err == nil {
			t.Error("a revision ran as a command: pwned exists")
		}
		// Well formed, but not in the clone (a shallow checkout).
		r := runActionScript(t, "diff.sh", ws, inputs("INPUT_DIFF_BASE", "0123456789abcdef0123456789abcdef01234567", "INPUT_PATHS", "charters"))
		if r.code != 2 || !strings.Contains(r.stderr, "fetch-depth: 0") {
			t.Errorf("unknown revision: exit status %d, want 2 naming fetch-depth\nstderr:\n%s", r.code, r.stderr)
		}
		// Outside a git work tree.
		r = runActionScript(t, "diff.sh", t.TempDir(), inputs("INPUT_DIFF_BASE", "HEAD"))
		if r.code != 2 || !strings.Contains(r.stderr, "not a git work tree") {
			t.Errorf("no repository: exit status %d, want 2\nstderr:\n%s", r.code, r.stderr)
		}
	})
}
