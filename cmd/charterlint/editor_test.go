package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/charterlint/charterlint/schemas"
)

// The packages of VS Code's JSON language service that the editor test
// drives, pinned. .ci/run installs them where editorTools looks.
const (
	jsonLanguageServiceVersion = "5.7.2"  // vscode-json-languageservice
	textDocumentVersion        = "1.0.16" // vscode-languageserver-textdocument
)

// editorTools finds node and the directory whose node_modules holds VS
// Code's JSON language service: $CHARTERLINT_EDITOR_TOOLS, or where
// .ci/run installs it (.ci/tools/editor). Where either is missing the test
// is skipped, saying how to get it, except under CI=true, where that is a
// failure.
func editorTools(t *testing.T) (node, prefix string) {
	t.Helper()
	return nodePackages(t, "CHARTERLINT_EDITOR_TOOLS", "editor", "the editor test runs VS Code's JSON language service",
		[]string{"vscode-json-languageservice", "vscode-languageserver-textdocument"},
		func(string) string {
			return fmt.Sprintf("VS Code's JSON language service is not installed: npm install --prefix .ci/tools/editor --save-exact vscode-json-languageservice@%s vscode-languageserver-textdocument@%s (or set CHARTERLINT_EDITOR_TOOLS to the directory holding its node_modules)",
				jsonLanguageServiceVersion, textDocumentVersion)
		})
}

// The results of testdata/editor/check.mjs (see its comment).
type (
	editorQuery struct {
		Path []any  `json:"path"`
		At   string `json:"at"` // "key" or "value"
	}
	editorDocument struct {
		Path       string        `json:"path"`
		Hover      []editorQuery `json:"hover,omitempty"`
		Completion []editorQuery `json:"completion,omitempty"`
	}
	editorAssociation struct {
		URI       string   `json:"uri"`
		FileMatch []string `json:"fileMatch"`
	}
	editorRequest struct {
		Associations []editorAssociation `json:"associations"`
		Documents    []editorDocument    `json:"documents"`
	}
	editorResult struct {
		Path        string `json:"path"`
		Diagnostics []struct {
			Message   string `json:"message"`
			Severity  int    `json:"severity"`
			Line      int    `json:"line"`
			Character int    `json:"character"`
			Text      string `json:"text"`
		} `json:"diagnostics"`
		Hover []struct {
			Path     []any  `json:"path"`
			At       string `json:"at"`
			Contents string `json:"contents"`
		} `json:"hover"`
		Completion []struct {
			Path  []any  `json:"path"`
			At    string `json:"at"`
			Items []struct {
				Label         string `json:"label"`
				Documentation string `json:"documentation"`
			} `json:"items"`
		} `json:"completion"`
	}
)

// runEditor runs check.mjs on req and returns its results, one per
// document, in order.
func runEditor(t *testing.T, req editorRequest) []editorResult {
	t.Helper()
	node, prefix := editorTools(t)
	reqFile := filepath.Join(t.TempDir(), "request.json")
	data, err := json.Marshal(req)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(reqFile, data, 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	var stdout, stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, node, filepath.Join("testdata", "editor", "check.mjs"), prefix, reqFile)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("node check.mjs: %v\n%s", err, stderr.String())
	}
	var out struct {
		Documents []editorResult `json:"documents"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
		t.Fatalf("check.mjs printed no JSON: %v\n%s", err, stdout.String())
	}
	if len(out.Documents) != len(req.Documents) {
		t.Fatalf("check.mjs answered for %d documents, want %d", len(out.Documents), len(req.Documents))
	}
	return out.Documents
}

// editorCharter is a small valid charter that uses every field holding an
// id or a share, so that each is hovered.
const editorCharter = `{
  "$schema": "./charter-v1.schema.json",
  "format": "charterlint/v1",
  "id": "editor-test",
  "name": "Editor test",
  "modality": "multistakeholder",
  "principles": ["transparent"],
  "actors": [
    { "id": "users", "name": "Users", "class": "civil-society" },
    { "id": "firms", "name": "Firms", "class": "private-sector", "kind": "constituency" }
  ],
  "bodies": [
    {
      "id": "council", "name": "Council", "role": "decision",
      "seats": [
        { "id": "council-users", "actor": "users", "count": 3, "vote": "full",
          "selection": { "method": "election", "by": ["users"] }, "term": { "years": 2 } },
        { "id": "council-nominated", "appointedBy": "nomcom", "vote": "full" }
      ],
      "decision": { "method": "supermajority", "threshold": 0.667, "quorum": 0.5 },
      "vetoes": [ { "id": "firms-veto", "holder": "firms", "scope": "budget" } ]
    },
    { "id": "nomcom", "name": "Nominating committee", "role": "nominating", "open": true, "participants": ["users", "firms"] },
    { "id": "panel", "name": "Review panel", "role": "appeal" },
    { "id": "forum", "name": "Forum", "role": "advisory" }
  ],
  "functions": [
    { "id": "policy", "name": "Policy", "category": "standards-setting", "modality": "multistakeholder",
      "decidedBy": "council", "advisedBy": ["forum"], "binding": true }
  ],
  "advice": [
    { "id": "forum-advice", "from": "forum", "to": "council", "weight": "must-consider",
      "rejectThreshold": 0.6, "consultation": true, "functions": ["policy"] }
  ],
  "participation": { "openness": "admission", "admission": { "sponsors": 1, "approvedBy": "council" } },
  "transparency": { "publicRecords": true },
  "accountability": {
    "appeals": [ { "id": "appeal", "from": "council", "to": "panel" } ],
    "independentReview": { "id": "review", "body": "panel", "binding": true },
    "recall": { "by": ["users"], "of": ["council"] }
  }
}
`

// editorBadCharter has one schema error, a misspelt actor class, and the
// $schema of a charter repository.
const editorBadCharter = `{
  "$schema": "./charter-v1.schema.json",
  "format": "charterlint/v1",
  "id": "bad",
  "name": "Bad",
  "modality": "private",
  "actors": [ { "id": "firms", "name": "Firms", "class": "privat-sector" } ],
  "bodies": [ { "id": "board", "name": "Board", "role": "decision" } ],
  "functions": [ { "id": "f", "name": "F", "category": "ip-enforcement", "modality": "private", "decidedBy": "board" } ]
}
`

// editorMatchedCharter has no $schema: it gets the schema through the
// association that stands for VS Code's json.schemas setting.
const editorMatchedCharter = `{
  "format": "charterlint/v1",
  "id": "matched",
  "name": "Matched",
  "modality": "private",
  "actors": [ { "id": "firms", "name": "Firms", "class": "private-sector" } ],
  "bodies": [ { "id": "board", "name": "Board", "role": "decison" } ],
  "functions": [ { "id": "f", "name": "F", "category": "ip-enforcement", "modality": "private", "decidedBy": "board" } ]
}
`

// TestEditorLanguageService opens charters in VS Code's JSON language
// service with the schema that `charterlint schema --output` writes, as an
// editor would, and checks what a user sees: the hover of every field is
// that field's own description (not that of the shared definition its $ref
// names, which the service copies over it), completion of an enum offers
// every value with its description, and a wrong value is diagnosed.
func TestEditorLanguageService(t *testing.T) {
	editorTools(t) // skip early
	dir := t.TempDir()
	schemaFile := filepath.Join(dir, "charter-v1.schema.json")
	var stdout, stderr bytes.Buffer
	if code := run([]string{"schema", "--output", schemaFile}, nil, &stdout, &stderr); code != exitOK {
		t.Fatalf("schema --output exited %d: %s", code, stderr.String())
	}
	files := map[string]string{
		"good.charter.json":    editorCharter,
		"bad.charter.json":     editorBadCharter,
		"matched.charter.json": editorMatchedCharter,
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	fixture, err := filepath.Abs(filepath.Join(fixturesDir, "icann.charter.json"))
	if err != nil {
		t.Fatal(err)
	}

	root := editorSchema(t)
	var good any
	if err := json.Unmarshal([]byte(editorCharter), &good); err != nil {
		t.Fatal(err)
	}
	// Hover every property name of the good charter, and every string in
	// a list (a list of ids).
	var hovers []editorQuery
	var walk func(v any, path []any)
	walk = func(v any, path []any) {
		switch x := v.(type) {
		case map[string]any:
			keys := make([]string, 0, len(x))
			for k := range x {
				keys = append(keys, k)
			}
			slices.Sort(keys)
			for _, k := range keys {
				p := append(slices.Clip(path), k)
				hovers = append(hovers, editorQuery{Path: p, At: "key"})
				walk(x[k], p)
			}
		case []any:
			for i, e := range x {
				p := append(slices.Clip(path), i)
				if _, isString := e.(string); isString {
					hovers = append(hovers, editorQuery{Path: p, At: "value"})
				}
				walk(e, p)
			}
		}
	}
	walk(good, nil)
	// Enum values offered where the enum is written in place, behind a
	// $ref, and in a list. A list of unique values offers only those not
	// listed yet: "principles" lists "transparent".
	listed := map[string]bool{"transparent": true}
	completions := []editorQuery{
		{Path: []any{"actors", 0, "class"}, At: "value"},
		{Path: []any{"functions", 0, "modality"}, At: "value"},
		{Path: []any{"functions", 0, "category"}, At: "value"},
		{Path: []any{"advice", 0, "weight"}, At: "value"},
		{Path: []any{"principles", 0}, At: "value"},
	}
	classValue := editorQuery{Path: []any{"actors", 0, "class"}, At: "value"}
	hovers = append(hovers, classValue)
	decidedBy := editorQuery{Path: []any{"functions", 0, "decidedBy"}, At: "key"}
	req := editorRequest{
		Associations: []editorAssociation{{URI: fileURI(schemaFile), FileMatch: []string{"*.charter.json"}}},
		Documents: []editorDocument{
			{Path: filepath.Join(dir, "good.charter.json"), Hover: hovers, Completion: completions},
			{Path: filepath.Join(dir, "bad.charter.json")},
			{Path: filepath.Join(dir, "matched.charter.json"), Hover: []editorQuery{decidedBy}},
			{Path: fixture, Hover: []editorQuery{decidedBy}}, // "$schema": "../schemas/charter-v1.json"
		},
	}
	res := runEditor(t, req)
	goodRes, badRes, matchedRes, fixtureRes := res[0], res[1], res[2], res[3]

	// Valid charters: nothing to report. The fixture finds the schema
	// file of the repository through its relative $schema.
	for _, r := range []editorResult{goodRes, fixtureRes} {
		for _, d := range r.Diagnostics {
			t.Errorf("%s:%d:%d: unexpected diagnostic %q on %s", filepath.Base(r.Path), d.Line+1, d.Character+1, d.Message, d.Text)
		}
	}

	// Hovers: each field's own description.
	wantDecidedBy := ownDescription(t, root, decidedBy.Path)
	if !strings.Contains(wantDecidedBy, "body that decides") {
		t.Fatalf("the description of decidedBy is %q; it should say it names the body that decides the function", wantDecidedBy)
	}
	if len(goodRes.Hover) != len(hovers) {
		t.Fatalf("%d hovers for %d queries", len(goodRes.Hover), len(hovers))
	}
	for i, h := range goodRes.Hover {
		q := hovers[i]
		got := unescapeMarkdown(h.Contents)
		want := ownDescription(t, root, q.Path)
		if !strings.Contains(got, want) {
			t.Errorf("hover at the %s of %v shows %q, want its own description %q", q.At, q.Path, got, want)
		}
		if i == len(hovers)-1 { // classValue
			if want := "`civil-society`: " + enumDescription(t, root, q.Path, "civil-society"); !strings.Contains(got, want) {
				t.Errorf("hover on the class value shows %q, want %q", got, want)
			}
		}
	}
	for _, r := range []editorResult{matchedRes, fixtureRes} {
		if len(r.Hover) != 1 || !strings.Contains(unescapeMarkdown(r.Hover[0].Contents), wantDecidedBy) {
			t.Errorf("%s: hover of decidedBy = %q, want %q", filepath.Base(r.Path), r.Hover, wantDecidedBy)
		}
	}

	// Completion: every value of the enum, each with its description.
	if len(goodRes.Completion) != len(completions) {
		t.Fatalf("%d completion lists for %d queries", len(goodRes.Completion), len(completions))
	}
	for i, c := range goodRes.Completion {
		c.Path = completions[i].Path
		values, docs := enumOf(t, root, c.Path)
		got := map[string]string{}
		for _, it := range c.Items {
			var label string
			if err := json.Unmarshal([]byte(it.Label), &label); err != nil {
				t.Errorf("completion at %v: label %s is not a JSON string", c.Path, it.Label)
				continue
			}
			got[label] = it.Documentation
		}
		want := 0
		for i, v := range values {
			if _, inList := c.Path[len(c.Path)-1].(int); inList && listed[v] {
				if _, ok := got[v]; ok {
					t.Errorf("completion at %v offers %q, which the list already holds", c.Path, v)
				}
				continue
			}
			want++
			doc, ok := got[v]
			switch {
			case !ok:
				t.Errorf("completion at %v does not offer %q (offers %v)", c.Path, v, c.Items)
			case doc != docs[i]:
				t.Errorf("completion at %v: %q is documented %q, want %q", c.Path, v, doc, docs[i])
			}
		}
		if len(c.Items) != want {
			t.Errorf("completion at %v offers %d items, want %d values of the enum: %v", c.Path, len(c.Items), want, c.Items)
		}
	}

	// Diagnostics: the wrong values, in the charter with a relative
	// $schema and in the one matched by file name.
	for _, tt := range []struct {
		r          editorResult
		text, want string
	}{
		{badRes, `"privat-sector"`, `"private-sector"`},
		{matchedRes, `"decison"`, `"decision"`},
	} {
		found := false
		for _, d := range tt.r.Diagnostics {
			if d.Text == tt.text && strings.Contains(d.Message, tt.want) {
				found = true
			} else {
				t.Errorf("%s:%d:%d: unexpected diagnostic %q on %s", filepath.Base(tt.r.Path), d.Line+1, d.Character+1, d.Message, d.Text)
			}
		}
		if !found {
			t.Errorf("%s: no diagnostic on %s naming %s; got %+v", filepath.Base(tt.r.Path), tt.text, tt.want, tt.r.Diagnostics)
		}
	}
}

// TestSchemaEditorAnnotations checks, without an editor, the schema rules
// the editor test relies on: every property has its own description; a
// definition that a described schema refers to has no description (VS
// Code's JSON language service copies the target's keywords over the
// referring schema, so it would hide the field's own); every enum has
// markdownEnumDescriptions and enumDescriptions, one per value, the plain
// one the Markdown one without backticks; and every list item is described.
func TestSchemaEditorAnnotations(t *testing.T) {
	root := editorSchema(t)
	defs, _ := root["$defs"].(map[string]any)
	var walk func(s map[string]any, loc string)
	check := func(s map[string]any, loc string) {
		if ref, ok := s["$ref"].(string); ok && s["description"] != nil {
			target, _ := defs[strings.TrimPrefix(ref, "#/$defs/")].(map[string]any)
			if target == nil {
				t.Errorf("%s: $ref %q is not a local definition", loc, ref)
			}
			for _, kw := range []string{"description", "markdownDescription", "title"} {
				if target[kw] != nil {
					t.Errorf("%s: refers to %s, which has a %s that editors show instead of %s's own", loc, ref, kw, loc)
				}
			}
		}
		if enum, ok := s["enum"].([]any); ok {
			md, _ := s["markdownEnumDescriptions"].([]any)
			plain, _ := s["enumDescriptions"].([]any)
			if len(md) != len(enum) || len(plain) != len(enum) {
				t.Errorf("%s: %d enum values, %d markdownEnumDescriptions, %d enumDescriptions", loc, len(enum), len(md), len(plain))
				return
			}
			for i := range enum {
				m, _ := md[i].(string)
				p, _ := plain[i].(string)
				if strings.TrimSpace(m) == "" || p != strings.ReplaceAll(m, "`", "") {
					t.Errorf("%s: value %v: markdown description %q, plain %q", loc, enum[i], m, p)
				}
			}
		}
	}
	walk = func(s map[string]any, loc string) {
		check(s, loc)
		if props, ok := s["properties"].(map[string]any); ok {
			for name, p := range props {
				pm, _ := p.(map[string]any)
				ploc := loc + "/properties/" + name
				if d, _ := pm["description"].(string); strings.TrimSpace(d) == "" {
					t.Errorf("%s: no description of its own", ploc)
				}
				walk(pm, ploc)
			}
		}
		if items, ok := s["items"].(map[string]any); ok {
			if d := described(items, defs); !d {
				t.Errorf("%s/items: no description, of its own or through its $ref", loc)
			}
			walk(items, loc+"/items")
		}
		for i, alt := range anyList(s["anyOf"]) {
			walk(alt, loc+"/anyOf/"+strconv.Itoa(i))
		}
	}
	walk(root, "#")
	for name, d := range defs {
		walk(d.(map[string]any), "#/$defs/"+name)
	}
}

func described(s map[string]any, defs map[string]any) bool {
	if d, _ := s["description"].(string); strings.TrimSpace(d) != "" {
		return true
	}
	if ref, ok := s["$ref"].(string); ok {
		if target, ok := defs[strings.TrimPrefix(ref, "#/$defs/")].(map[string]any); ok {
			d, _ := target["description"].(string)
			return strings.TrimSpace(d) != ""
		}
	}
	return false
}

func anyList(v any) []map[string]any {
	list, _ := v.([]any)
	var out []map[string]any
	for _, e := range list {
		if m, ok := e.(map[string]any); ok {
			out = append(out, m)
		}
	}
	return out
}

// editorSchema is the embedded charter schema, decoded.
func editorSchema(t *testing.T) map[string]any {
	t.Helper()
	var root map[string]any
	if err := json.Unmarshal([]byte(schemas.CharterV1()), &root); err != nil {
		t.Fatal(err)
	}
	return root
}

// schemaAt returns the schema of the charter value at path as written
// (its own keywords, $ref not followed) and as resolved (the $ref target,
// for a schema that has one).
func schemaAt(t *testing.T, root map[string]any, path []any) (own, resolved map[string]any) {
	t.Helper()
	defs, _ := root["$defs"].(map[string]any)
	resolve := func(s map[string]any) map[string]any {
		if ref, ok := s["$ref"].(string); ok {
			if target, ok := defs[strings.TrimPrefix(ref, "#/$defs/")].(map[string]any); ok {
				return target
			}
			t.Fatalf("cannot follow $ref %q", ref)
		}
		return s
	}
	own, resolved = root, root
	for _, step := range path {
		var next map[string]any
		switch step := step.(type) {
		case string:
			props, _ := resolved["properties"].(map[string]any)
			next, _ = props[step].(map[string]any)
		case int:
			next, _ = resolved["items"].(map[string]any)
		}
		if next == nil {
			t.Fatalf("the schema has nothing at %v", path)
		}
		own, resolved = next, resolve(next)
	}
	return own, resolved
}

// ownDescription is the description written on the schema of the value at
// path.
func ownDescription(t *testing.T, root map[string]any, path []any) string {
	t.Helper()
	own, _ := schemaAt(t, root, path)
	d, _ := own["description"].(string)
	if d == "" {
		t.Fatalf("no description of its own at %v", path)
	}
	return d
}

// enumOf returns the enum at path and its Markdown descriptions.
func enumOf(t *testing.T, root map[string]any, path []any) (values, docs []string) {
	t.Helper()
	_, s := schemaAt(t, root, path)
	enum, _ := s["enum"].([]any)
	md, _ := s["markdownEnumDescriptions"].([]any)
	if len(enum) == 0 || len(md) != len(enum) {
		t.Fatalf("no described enum at %v", path)
	}
	for i := range enum {
		values = append(values, enum[i].(string))
		docs = append(docs, md[i].(string))
	}
	return values, docs
}

func enumDescription(t *testing.T, root map[string]any, path []any, value string) string {
	t.Helper()
	values, docs := enumOf(t, root, path)
	i := slices.Index(values, value)
	if i < 0 {
		t.Fatalf("%q is not a value at %v", value, path)
	}
	return docs[i]
}

// unescapeMarkdown undoes the escaping the language service applies when
// it turns a plain description into Markdown.
var markdownEscape = regexp.MustCompile("\\\\([\\\\`*_{}\\[\\]()<>#+\\-.!])")

func unescapeMarkdown(s string) string { return markdownEscape.ReplaceAllString(s, "$1") }

// fileURI is the file: URI of an absolute path.
func fileURI(path string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
}
