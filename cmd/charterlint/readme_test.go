package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charterlint/charterlint/internal/policy"
	"github.com/charterlint/charterlint/policies"
)

const (
	readmePath = "../../README.md"
	rulesPath  = "../../docs/rules.md"
)

// TestREADME checks that the README's generated sections — the rules table
// and the comparison of the fixtures' varieties — match what the binary
// says now. Run with -update to rewrite them.
func TestREADME(t *testing.T) {
	src, err := os.ReadFile(readmePath)
	if err != nil {
		t.Fatal(err)
	}
	readme := string(src)
	sections := map[string]string{
		"RULES":     rulesTable(t),
		"VARIETIES": varietiesTable(t),
	}
	for name, want := range sections {
		begin := "<!-- BEGIN " + name
		end := "<!-- END " + name + " -->"
		i := strings.Index(readme, begin)
		j := strings.Index(readme, end)
		if i < 0 || j < i {
			t.Fatalf("README lacks the %s markers", name)
		}
		i += strings.Index(readme[i:], "-->") + len("-->\n")
		if got := readme[i:j]; got != want {
			if *update {
				readme = readme[:i] + want + readme[j:]
				continue
			}
			t.Errorf("README %s section is stale; run go test ./cmd/charterlint -run TestREADME -update\ngot:\n%s\nwant:\n%s", name, got, want)
		}
	}
	if *update {
		if err := os.WriteFile(readmePath, []byte(readme), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func rulesTable(t *testing.T) string {
	t.Helper()
	e, err := policy.New(context.Background(), policy.Options{Pack: policies.FS()})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString("| id | severity | group | title |\n|---|---|---|---|\n")
	for _, r := range e.Rules() {
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", r.ID, r.Severity, r.Group, r.Title)
	}
	return b.String()
}

func varietiesTable(t *testing.T) string {
	t.Helper()
	files, err := filepath.Glob("../../fixtures/*.charter.json")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	var stdout, stderr bytes.Buffer
	if code := run(append([]string{"classify", "--format", "markdown"}, files...), nil, &stdout, &stderr); code != exitOK {
		t.Fatalf("classify exited %d: %s", code, stderr.String())
	}
	return stdout.String()
}

// TestRulesDoc checks that docs/rules.md, one section per rule made from
// its metadata, matches the embedded pack. Run with -update to rewrite it.
func TestRulesDoc(t *testing.T) {
	e, err := policy.New(context.Background(), policy.Options{Pack: policies.FS()})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString("# Rules\n\n<!-- Generated from the rules' METADATA by `go test ./cmd/charterlint -run TestRulesDoc -update`; edit the .rego files, not this page. -->\n\n")
	b.WriteString("Each rule is a Rego file in `policies/<group>/`, with its tests beside it. `charterlint explain ID` prints the same text.\n\n")
	group := ""
	for _, r := range e.Rules() {
		if r.Group != group {
			group = r.Group
			fmt.Fprintf(&b, "## %s\n\n", group)
		}
		fmt.Fprintf(&b, "### %s: %s\n\n", r.ID, r.Title)
		fmt.Fprintf(&b, "Severity: **%s**. Source: `%s`.\n\n", r.Severity, strings.TrimPrefix(r.File, "builtin:"))
		fmt.Fprintf(&b, "%s\n\n**Why it matters.** %s\n\n**Source.** %s\n\n", r.Description, oneParagraph(r.Rationale), r.Citation)
		if r.Fail != "" {
			fmt.Fprintf(&b, "Flagged (charter fragment):\n\n```\n%s\n```\n\n", r.Fail)
		}
		if r.Pass != "" {
			fmt.Fprintf(&b, "Not flagged:\n\n```\n%s\n```\n\n", r.Pass)
		}
	}
	want := strings.TrimRight(b.String(), "\n") + "\n"
	if *update {
		if err := os.WriteFile(rulesPath, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := os.ReadFile(rulesPath)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Error("docs/rules.md is stale; run go test ./cmd/charterlint -run TestRulesDoc -update")
	}
}

// oneParagraph joins a YAML block's lines into one paragraph.
func oneParagraph(s string) string { return strings.Join(strings.Fields(s), " ") }
