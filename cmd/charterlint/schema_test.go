package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v5"
)

// TestPrintedSchemaValidatesFixtures compiles what `charterlint schema`
// prints with a stock draft 2020-12 validator and checks every valid
// fixture against it, and that an invalid one fails.
func TestPrintedSchemaValidatesFixtures(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"schema"}, nil, &stdout, &stderr); code != exitOK {
		t.Fatalf("schema exited %d: %s", code, stderr.String())
	}
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	if err := c.AddResource("printed.json", strings.NewReader(stdout.String())); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("printed.json")
	if err != nil {
		t.Fatal(err)
	}
	load := func(path string) any {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.UseNumber()
		var v any
		if err := dec.Decode(&v); err != nil {
			t.Fatal(err)
		}
		return v
	}
	files, _ := filepath.Glob("../../fixtures/*.charter.json")
	if len(files) < 6 {
		t.Fatalf("want at least six fixtures, found %d", len(files))
	}
	for _, f := range files {
		if err := s.Validate(load(f)); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
	if err := s.Validate(load("../../fixtures/invalid/schema-enum.charter.json")); err == nil {
		t.Error("the printed schema accepts an invalid fixture")
	}
}
