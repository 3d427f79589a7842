package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/charterlint/charterlint/schemas"
)

// Every key of the configuration file is documented in
// docs/configuration.md and appears in the starter file init writes.
func TestConfigurationKeysDocumented(t *testing.T) {
	var s struct {
		Properties map[string]json.RawMessage `json:"properties"`
		Defs       struct {
			Rules struct {
				Properties map[string]json.RawMessage `json:"properties"`
			} `json:"rules"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal([]byte(schemas.ConfigV1()), &s); err != nil {
		t.Fatal(err)
	}
	var sup struct {
		Properties struct {
			Suppressions struct {
				Items struct {
					Properties map[string]json.RawMessage `json:"properties"`
				} `json:"items"`
			} `json:"suppressions"`
		} `json:"properties"`
	}
	if err := json.Unmarshal([]byte(schemas.ConfigV1()), &sup); err != nil {
		t.Fatal(err)
	}
	doc, err := os.ReadFile("../../docs/configuration.md")
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Properties) < 8 {
		t.Fatalf("read %d top-level keys from the schema", len(s.Properties))
	}
	for key := range s.Properties {
		if !strings.Contains(string(doc), "### `"+key+"`") {
			t.Errorf("docs/configuration.md has no section on %q", key)
		}
		if !strings.Contains(string(starter), key+":") {
			t.Errorf("the starter file does not mention %q", key)
		}
	}
	for key := range s.Defs.Rules.Properties {
		if !strings.Contains(string(doc), "`"+key+"`") {
			t.Errorf("docs/configuration.md does not explain rules.%s", key)
		}
	}
	for key := range sup.Properties.Suppressions.Items.Properties {
		if !strings.Contains(string(doc), "| `"+key+"` |") {
			t.Errorf("docs/configuration.md does not explain suppressions' %q", key)
		}
	}
}

// The docs, rules and their data cite primary sources, never a file that
// users of charterlint do not have (the project's internal brief).
func TestShippedTextCitesNoPrivateFile(t *testing.T) {
	var files []string
	for _, pattern := range []string{"../../README.md", "../../docs/*.md", "../../policies/*/*.rego", "../../policies/data/*.json", "../../policies/catalogue.json", "../../examples/*/*", "../../fixtures/*.json", "../../schemas/*.json"} {
		m, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	if len(files) < 50 {
		t.Fatalf("found only %d files to check", len(files))
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		// The project's own docs/domain.md may be linked; the brief it
		// replaces, a bare "domain.md" elsewhere, may not.
		text := strings.ReplaceAll(string(b), "docs/domain.md", "")
		text = strings.ReplaceAll(text, "(domain.md)", "")
		for _, private := range []string{"domain.md", "../shared", "style.md"} {
			if strings.Contains(text, private) {
				t.Errorf("%s mentions %s", f, private)
			}
		}
	}
}

// The rule and the test in examples/custom-rules/README.md work as they
// stand: copied into files, verify passes them.
func TestCustomRulesReadmeSnippetsPass(t *testing.T) {
	doc, err := os.ReadFile("../../examples/custom-rules/README.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?s)```rego\n(.*?)```").FindAllStringSubmatch(string(doc), -1)
	if len(blocks) != 2 {
		t.Fatalf("found %d rego blocks, want the rule and its test", len(blocks))
	}
	dir := t.TempDir()
	for name, src := range map[string]string{"rule.rego": blocks[0][1], "rule_test.rego": blocks[1][1]} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"verify", "--no-config", dir}, nil, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d\n%s%s", code, stdout.String(), stderr.String())
	}
	if !strings.Contains(stdout.String(), "PASS: 2/2") {
		t.Errorf("output: %s", stdout.String())
	}
}
