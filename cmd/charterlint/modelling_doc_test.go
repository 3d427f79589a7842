package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/charterlint/charterlint/schemas"
)

const (
	modellingDoc = "../../docs/modelling.md"
	examplesDir  = "../../docs/examples"
)

// newFormatFields are the properties the charter format gained for
// modelling real institutions. The guide's examples must use every one of
// them, so that each is shown at work in a charter that lints clean.
var newFormatFields = []string{
	"houses", "house", "composition", "weight", "onBehalfOf", "capacity",
	"oversees", "fundedBy", "firstAppointedBy",
	"matters", "fallback", "each", "recourse",
	"task", "standards", "participation", "patentPolicy", "freeText",
	"actsAs",
}

// modellingExample matches how docs/modelling.md shows an example: a line
// linking the file, a blank line, then the whole file in a json block.
var modellingExample = regexp.MustCompile("(?s)Example: \\[`examples/([^`]+)`\\]\\(examples/([^)]+)\\)\n\n```json\n(.*?)```\n")

// TestModellingExamples keeps the guide docs/modelling.md and its example
// charters honest: every docs/examples/*.charter.json lints through the
// CLI with no finding at all (--fail-on info), is shown in the guide in
// full, byte for byte, after a link to the file, and together they use
// every property the format gained for modelling.
func TestModellingExamples(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(examplesDir, "*.charter.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no example charters in %s: %v", examplesDir, err)
	}
	doc, err := os.ReadFile(modellingDoc)
	if err != nil {
		t.Fatal(err)
	}

	// What the guide shows: file name -> the block shown after its link.
	shown := map[string]string{}
	for _, m := range modellingExample.FindAllStringSubmatch(string(doc), -1) {
		name, target, block := m[1], m[2], m[3]
		if name != target {
			t.Errorf("docs/modelling.md: the link text examples/%s points at examples/%s", name, target)
		}
		if _, dup := shown[name]; dup {
			t.Errorf("docs/modelling.md shows examples/%s twice", name)
		}
		shown[name] = block
	}
	if blocks, matched := strings.Count(string(doc), "```json\n"), len(shown); blocks != matched {
		t.Errorf("docs/modelling.md has %d json blocks, but only %d follow an \"Example: [`examples/NAME`](examples/NAME)\" line and a blank line", blocks, matched)
	}

	used := map[string]bool{}
	for _, file := range files {
		name := filepath.Base(file)
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			var v any
			if err := json.Unmarshal(data, &v); err != nil {
				t.Fatal(err)
			}
			collectKeys(v, used)

			block, ok := shown[name]
			switch {
			case !strings.Contains(string(doc), "(examples/"+name+")"):
				t.Errorf("docs/modelling.md does not link examples/%s", name)
			case !ok:
				t.Errorf("docs/modelling.md does not show examples/%s in full (\"Example: [`examples/%[1]s`](examples/%[1]s)\", a blank line, then a json block)", name)
			case block != string(data):
				t.Errorf("the json block after the link to examples/%s in docs/modelling.md differs from the file; copy the file into the block", name)
			}

			var stdout, stderr bytes.Buffer
			code := run([]string{"lint", "--no-config", "--fail-on", "info", "--format", "json", file}, strings.NewReader(""), &stdout, &stderr)
			var report struct {
				Files []struct {
					Findings []json.RawMessage `json:"findings"`
				} `json:"files"`
			}
			if err := json.Unmarshal(stdout.Bytes(), &report); err != nil {
				t.Fatalf("exit %d, output is not a JSON report (%v):\n%s%s", code, err, stdout.String(), stderr.String())
			}
			if code != exitOK || len(report.Files) != 1 || len(report.Files[0].Findings) != 0 {
				var text bytes.Buffer
				run([]string{"lint", "--no-config", "--fail-on", "never", "--no-color", file}, strings.NewReader(""), &text, &text)
				t.Errorf("exit %d; an example must lint with no finding at all:\n%s%s", code, text.String(), stderr.String())
			}
		})
	}
	for name := range shown {
		if !slices.Contains(files, filepath.Join(examplesDir, name)) {
			t.Errorf("docs/modelling.md shows examples/%s, but there is no such file", name)
		}
	}

	var schema any
	if err := json.Unmarshal([]byte(schemas.CharterV1()), &schema); err != nil {
		t.Fatal(err)
	}
	properties := map[string]bool{}
	collectProperties(schema, properties)
	for _, field := range newFormatFields {
		if !properties[field] {
			t.Errorf("the charter schema has no property %q; update newFormatFields", field)
		}
		if !used[field] {
			t.Errorf("no example in docs/examples uses %q: the guide should show every field added for modelling", field)
		}
	}
}

// collectKeys adds to keys every object key anywhere in v.
func collectKeys(v any, keys map[string]bool) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			keys[k] = true
			collectKeys(x, keys)
		}
	case []any:
		for _, x := range v {
			collectKeys(x, keys)
		}
	}
}

// collectProperties adds to names the name of every property a JSON
// Schema defines, at any depth.
func collectProperties(v any, names map[string]bool) {
	switch v := v.(type) {
	case map[string]any:
		if props, ok := v["properties"].(map[string]any); ok {
			for k := range props {
				names[k] = true
			}
		}
		for _, x := range v {
			collectProperties(x, names)
		}
	case []any:
		for _, x := range v {
			collectProperties(x, names)
		}
	}
}
