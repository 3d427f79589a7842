package lsp

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

func codes(ds []wireDiag) []string {
	var out []string
	for _, d := range ds {
		out = append(out, d.Code)
	}
	return out
}

// TestLifecycle: the position encoding negotiated, then shutdown and
// exit end Serve cleanly; an exit without shutdown is an error.
func TestLifecycle(t *testing.T) {
	for _, tt := range []struct {
		offer []string
		want  string
	}{{nil, "utf-16"}, {[]string{"utf-16"}, "utf-16"}, {[]string{"utf-32", "utf-8", "utf-16"}, "utf-8"}} {
		c := start(t, tt.offer...)
		if c.encoding != tt.want {
			t.Errorf("offered %v: positionEncoding %q, want %q", tt.offer, c.encoding, tt.want)
		}
		c.call("shutdown", nil, nil)
		c.notify("exit", nil)
		select {
		case err := <-c.done:
			if err != nil {
				t.Errorf("Serve after shutdown and exit: %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Fatal("Serve did not return after exit")
		}
	}
	c := start(t)
	c.notify("exit", nil)
	if err := <-c.done; err == nil {
		t.Error("Serve returned nil after an exit without shutdown")
	}
}

// TestDiagnosticsAreLintFindings: the diagnostics of an open charter are
// exactly lint's findings for that text, with codes, severities, links.
func TestDiagnosticsAreLintFindings(t *testing.T) {
	text, uri, dir := fixture(t)
	c := start(t)
	c.open(uri, text)
	got := c.diagnostics(uri, 1)
	l, err := newAnalyzer(nil)
	if err != nil {
		t.Fatal(err)
	}
	want := l.Text(context.Background(), filepath.Join(dir, "test.charter.json"), []byte(text)).Findings
	if len(got) != len(want) || len(want) == 0 {
		t.Fatalf("%d diagnostics %v, lint finds %d", len(got), codes(got), len(want))
	}
	sev := map[string]int{"error": 1, "warning": 2, "info": 3}
	for i, d := range got {
		f := want[i]
		if d.Code != f.Rule || d.Message != f.Message || d.Source != "charterlint" || d.Severity != sev[f.Severity.String()] {
			t.Errorf("diagnostic %d = %+v, want %+v", i, d, f)
		}
		if d.Range.Start.Line != f.Line-1 {
			t.Errorf("%s at line %d, lint says %d", d.Code, d.Range.Start.Line+1, f.Line)
		}
		if d.CodeDescription == nil || !strings.HasPrefix(d.CodeDescription.Href, "https://github.com/charterlint/charterlint/blob/main/docs/rules.md#"+strings.ToLower(f.Rule)) {
			t.Errorf("%s: codeDescription %+v", d.Code, d.CodeDescription)
		}
	}
	// The anchor exists in docs/rules.md.
	rules, err := os.ReadFile(filepath.Join("..", "..", "docs", "rules.md"))
	if err != nil {
		t.Fatal(err)
	}
	anchor := got[0].CodeDescription.Href[strings.Index(got[0].CodeDescription.Href, "#")+1:]
	if !strings.Contains(strings.ToLower(string(rules)), "## "+strings.ToLower(got[0].Code)) || !strings.HasPrefix(anchor, strings.ToLower(got[0].Code)+"-") {
		t.Errorf("anchor %q names no rule heading of docs/rules.md", anchor)
	}
}

// TestConfigurationApplied: the .charterlint.yaml found from the
// document's directory disables rules and suppresses findings.
func TestConfigurationApplied(t *testing.T) {
	text, uri, dir := fixture(t)
	cfg := "rules:\n  disable: [CL-OBJ-001]\nsuppressions:\n  - rule: CL-CAP-005\n    file: test.charter.json\n    element: council\n    reason: accepted\n"
	if err := os.WriteFile(filepath.Join(dir, ".charterlint.yaml"), []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	c := start(t)
	c.open(uri, text)
	got := codes(c.diagnostics(uri, 1))
	if slices.Contains(got, "CL-OBJ-001") || slices.Contains(got, "CL-CAP-005") {
		t.Errorf("disabled or suppressed findings reported: %v", got)
	}
	if !slices.Contains(got, "CL-PRC-004") {
		t.Errorf("other findings missing: %v", got)
	}
}

// seatVote is the range of the firms seat's "full" vote.
func seatVote(t *testing.T, text string, utf16Units bool) map[string]any {
	start := at(t, text, `"full"`, 1, 0, utf16Units)
	end := start
	end.Character += len(`"full"`)
	return map[string]any{"start": start, "end": end}
}

// TestEditIntoCaptureAndBack: incremental edits make a capture finding
// appear and go; full sync works too; superseded versions are not
// published after newer ones.
func TestEditIntoCaptureAndBack(t *testing.T) {
	text, uri, _ := fixture(t)
	c := start(t)
	c.open(uri, text)
	if got := codes(c.diagnostics(uri, 1)); slices.Contains(got, "CL-CAP-002") {
		t.Fatalf("capture before the edit: %v", got)
	}
	c.change(uri, 2, map[string]any{"range": seatVote(t, text, true), "text": `"none"`})
	captured := c.diagnostics(uri, 2)
	if got := codes(captured); !slices.Contains(got, "CL-CAP-002") {
		t.Fatalf("no CL-CAP-002 after the edit: %v", got)
	}
	edited := strings.Replace(text, `"actor": "firms", "count": 2, "vote": "full"`, `"actor": "firms", "count": 2, "vote": "none"`, 1)
	c.change(uri, 3, map[string]any{"range": seatVote(t, text, true), "text": `"full"`})
	if got := codes(c.diagnostics(uri, 3)); slices.Contains(got, "CL-CAP-002") {
		t.Fatalf("CL-CAP-002 after the edit back: %v", got)
	}
	// Full sync, and several quick edits: only the last is analysed.
	c.change(uri, 4, map[string]any{"text": edited})
	c.change(uri, 5, map[string]any{"text": text})
	c.change(uri, 6, map[string]any{"text": edited})
	if got := codes(c.diagnostics(uri, 6)); !slices.Contains(got, "CL-CAP-002") {
		t.Fatalf("full sync: no CL-CAP-002: %v", got)
	}
}

// utf16Charter has a misspelt class after a name with accents and an
// emoji (two UTF-16 units, four bytes) on the same line.
func utf16Charter(t *testing.T) string {
	text, _, _ := fixture(t)
	return strings.Replace(text, `"Ministère des Télécoms 🌐", "class": "government"`, `"Ministère des Télécoms 🌐", "class": "goverment"`, 1)
}

// TestColumnsAfterMultiByteCharacters: a finding after "Ministère ... 🌐"
// is placed in UTF-16 code units, or bytes for a UTF-8 client; hover
// and code actions find it there.
func TestColumnsAfterMultiByteCharacters(t *testing.T) {
	text := utf16Charter(t)
	for _, enc := range []string{"utf-16", "utf-8"} {
		t.Run(enc, func(t *testing.T) {
			c := start(t, enc)
			uri := "untitled:Untitled-1.charter.json" // an unsaved buffer
			c.open(uri, text)
			ds := c.diagnostics(uri, 1)
			if len(ds) != 1 || ds[0].Code != "schema" {
				t.Fatalf("diagnostics %+v, want one schema finding", ds)
			}
			want := at(t, text, `"goverment"`, 0, 0, enc == "utf-16")
			end := want
			end.Character += len(`"goverment"`)
			if ds[0].Range != (lspRange{want, end}) {
				t.Errorf("range %+v, want %+v", ds[0].Range, lspRange{want, end})
			}
			// The quick fix replaces the value with the suggestion.
			if text, r := quickFix(t, c, uri, ds); text != `"government"` || r != ds[0].Range {
				t.Errorf("edit %s at %+v", text, r)
			}
			// A position inside the emoji or past the line's end is clamped.
			var hover *struct{}
			c.call("textDocument/hover", textDoc(uri, position{want.Line, 1000}), &hover)
		})
	}
}

type location struct {
	URI   string   `json:"uri"`
	Range lspRange `json:"range"`
}

// TestIDs: definition, references, rename, completion and symbols.
func TestIDs(t *testing.T) {
	text, uri, _ := fixture(t)
	c := start(t)
	c.open(uri, text)
	c.diagnostics(uri, 1)
	decided := at(t, text, `"council"`, 1, 2, true) // decidedBy's
	decl := at(t, text, `"council"`, 0, 0, true)

	var defs []location
	c.call("textDocument/definition", textDoc(uri, decided), &defs)
	if len(defs) != 1 || defs[0].Range.Start != decl || defs[0].URI != uri {
		t.Errorf("definition %+v, want the body's id at %+v", defs, decl)
	}
	var refs []location
	c.call("textDocument/references", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": decided, "context": map[string]any{"includeDeclaration": true}}, &refs)
	if n := strings.Count(text, `"council"`); len(refs) != n {
		t.Errorf("%d references of council, want %d: %+v", len(refs), n, refs)
	}

	// prepareRename refuses what is not an id.
	m := c.request("textDocument/prepareRename", textDoc(uri, at(t, text, `"decision"`, 0, 3, true)))
	if m.Error == nil {
		t.Errorf("prepareRename on a role: %s, want an error", m.Result)
	}
	var prep struct {
		Range       lspRange `json:"range"`
		Placeholder string   `json:"placeholder"`
	}
	c.call("textDocument/prepareRename", textDoc(uri, decided), &prep)
	if prep.Placeholder != "council" {
		t.Errorf("prepareRename %+v", prep)
	}
	var edit struct {
		Changes map[string][]struct {
			Range   lspRange `json:"range"`
			NewText string   `json:"newText"`
		} `json:"changes"`
	}
	c.call("textDocument/rename", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": decided, "newName": "board"}, &edit)
	if got := edit.Changes[uri]; len(got) != strings.Count(text, `"council"`) {
		t.Errorf("rename edits %+v", got)
	}
	if m := c.request("textDocument/rename", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": decided, "newName": "panel"}); m.Error == nil {
		t.Error("rename onto an id in use: no error")
	}
	if m := c.request("textDocument/rename", map[string]any{"textDocument": map[string]any{"uri": uri}, "position": decided, "newName": "Not An Id"}); m.Error == nil {
		t.Error("rename to an invalid id: no error")
	}

	// Completion: bodies for decidedBy, with their names; actors for actor.
	complete := func(field string, n int) map[string]string {
		t.Helper()
		p := at(t, text, `"`+field+`": "`, n, len(`"`+field+`": "`), true)
		var items []struct {
			Label  string `json:"label"`
			Detail string `json:"detail"`
		}
		c.call("textDocument/completion", textDoc(uri, p), &items)
		out := map[string]string{}
		for _, it := range items {
			out[it.Label] = it.Detail
		}
		return out
	}
	if got := complete("decidedBy", 0); len(got) != 2 || !strings.Contains(got["council"], "Council") || got["panel"] == "" {
		t.Errorf("completion for decidedBy: %v, want the two bodies", got)
	}
	if got := complete("actor", 0); len(got) != 2 || !strings.Contains(got["ministry"], "Ministère") {
		t.Errorf("completion for actor: %v, want the two actors", got)
	}

	var syms []struct {
		Name     string `json:"name"`
		Kind     int    `json:"kind"`
		Children []struct {
			Name string `json:"name"`
		} `json:"children"`
	}
	c.call("textDocument/documentSymbol", map[string]any{"textDocument": map[string]any{"uri": uri}}, &syms)
	var names []string
	for _, s := range syms {
		names = append(names, s.Name)
	}
	if want := []string{"ministry", "firms", "council", "panel", "policy", "appeal"}; !slices.Equal(names, want) {
		t.Errorf("symbols %v, want %v", names, want)
	}

	// A text that does not parse: the parse error, and the last good
	// outline for symbols and definition.
	broken := strings.Replace(text, `"panel", "name"`, `"panel" "name"`, 1)
	c.change(uri, 2, map[string]any{"text": broken})
	ds := c.diagnostics(uri, 2)
	if len(ds) != 1 || ds[0].Code != "parse" {
		t.Fatalf("broken text: %+v", ds)
	}
	syms = nil
	c.call("textDocument/documentSymbol", map[string]any{"textDocument": map[string]any{"uri": uri}}, &syms)
	if len(syms) != 6 {
		t.Errorf("symbols of a broken text: %d, want the last good 6", len(syms))
	}
	defs = nil
	c.call("textDocument/definition", textDoc(uri, decided), &defs)
	if len(defs) != 1 {
		t.Errorf("definition in a broken text: %+v", defs)
	}
}

// TestHover: a finding's rule, and an element's summary.
func TestHover(t *testing.T) {
	text, uri, _ := fixture(t)
	c := start(t)
	c.open(uri, text)
	ds := c.diagnostics(uri, 1)
	var cap5 *wireDiag
	for i := range ds {
		if ds[i].Code == "CL-CAP-005" {
			cap5 = &ds[i]
		}
	}
	if cap5 == nil {
		t.Fatalf("no CL-CAP-005: %v", codes(ds))
	}
	type hover struct {
		Contents struct {
			Kind  string `json:"kind"`
			Value string `json:"value"`
		} `json:"contents"`
	}
	var h hover
	c.call("textDocument/hover", textDoc(uri, cap5.Range.Start), &h)
	for _, want := range []string{"CL-CAP-005", "**Why:**", "**Source:**", "docs/rules.md"} {
		if !strings.Contains(h.Contents.Value, want) {
			t.Errorf("hover on the finding lacks %q: %s", want, h.Contents.Value)
		}
	}
	h = hover{}
	c.call("textDocument/hover", textDoc(uri, at(t, text, `"council"`, 1, 2, true)), &h)
	for _, want := range []string{"body `council`", "role: decision", "seats: 5", "government 3 (60%)", "private-sector 2 (40%)"} {
		if !strings.Contains(h.Contents.Value, want) {
			t.Errorf("hover on council lacks %q: %s", want, h.Contents.Value)
		}
	}
	h = hover{}
	c.call("textDocument/hover", textDoc(uri, at(t, text, `"policy"`, 0, 2, true)), &h)
	for _, want := range []string{"function `policy`", "category: standards-setting", "effective modality: multistakeholder", "variety: states and firms, polyarchic"} {
		if !strings.Contains(h.Contents.Value, want) {
			t.Errorf("hover on the function lacks %q: %s", want, h.Contents.Value)
		}
	}
	h = hover{}
	c.call("textDocument/hover", textDoc(uri, at(t, text, `"ministry"`, 1, 2, true)), &h)
	if !strings.Contains(h.Contents.Value, "class: government") {
		t.Errorf("hover on an actor: %s", h.Contents.Value)
	}
}

// TestSuppressionQuickFix: accepting a rule finding adds a suppression to
// the configuration file, or creates one.
func TestSuppressionQuickFix(t *testing.T) {
	text, uri, dir := fixture(t)
	for _, existing := range []string{"", "fail-on: error\n", "suppressions:\n  - rule: CL-OBJ-001\n    file: x.charter.json\n    reason: r\n"} {
		os.Remove(filepath.Join(dir, ".charterlint.yaml"))
		if existing != "" {
			if err := os.WriteFile(filepath.Join(dir, ".charterlint.yaml"), []byte(existing), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		c := start(t)
		c.open(uri, text)
		ds := c.diagnostics(uri, 1)
		var target wireDiag
		for _, d := range ds {
			if d.Code == "CL-CAP-005" {
				target = d
			}
		}
		var actions []json.RawMessage
		c.call("textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": uri}, "range": target.Range, "context": map[string]any{"diagnostics": []wireDiag{target}}}, &actions)
		var found string
		for _, a := range actions {
			if strings.Contains(string(a), "suppression") {
				found = string(a)
			}
		}
		if found == "" {
			t.Fatalf("config %q: no suppression action in %s", existing, actions)
		}
		for _, want := range []string{`rule: CL-CAP-005`, `element: \"council\"`, `TODO: why this is accepted`, `file: \"test.charter.json\"`} {
			if !strings.Contains(found, want) {
				t.Errorf("config %q: action lacks %s: %s", existing, want, found)
			}
		}
		if existing == "" && !strings.Contains(found, `"kind":"create"`) {
			t.Errorf("no configuration file: the action does not create one: %s", found)
		}
	}
}

// TestBadInput: malformed JSON-RPC, unknown methods, bad parameters,
// requests about documents not open and edits out of range neither end
// nor crash the server.
func TestBadInput(t *testing.T) {
	text, uri, _ := fixture(t)
	c := start(t)
	c.raw([]byte(`{"jsonrpc": "2.0", "id": 1, "method": `))
	c.raw([]byte(`[1, 2]`))
	c.raw([]byte(`{"jsonrpc":"2.0","id":99}`))
	if _, err := c.conn.Write([]byte("X-Nonsense: 1\r\n\r\n")); err != nil {
		t.Fatal(err)
	}
	if m := c.request("no/such/method", map[string]any{}); m.Error == nil || m.Error.Code != -32601 {
		t.Errorf("unknown method: %+v", m)
	}
	c.notify("$/no/such/notification", map[string]any{})
	if m := c.request("textDocument/hover", "not an object"); m.Error == nil || m.Error.Code != -32602 {
		t.Errorf("invalid params: %+v", m)
	}
	var none any
	c.call("textDocument/hover", textDoc("file:///not/open.charter.json", position{}), &none)
	c.change("file:///not/open.charter.json", 2, map[string]any{"text": "{}"})
	c.open(uri, text)
	c.diagnostics(uri, 1)
	far := map[string]any{"start": position{1000, 1000}, "end": position{5, 0}}
	c.change(uri, 2, map[string]any{"range": far, "text": "x"}, map[string]any{"range": map[string]any{"start": position{3, 1 << 30}, "end": position{1 << 30, 0}}, "text": ""})
	c.diagnostics(uri, 2)
	c.call("textDocument/completion", textDoc(uri, position{1 << 30, 1 << 30}), &none)
	c.call("textDocument/definition", textDoc(uri, position{0, 1 << 30}), &none)
	// Errors were sent for the unreadable messages.
	if errs := c.nullErrors.Load(); errs < 4 {
		t.Errorf("%d error replies for 4 unreadable messages", errs)
	}
	c.call("shutdown", nil, nil)
	c.notify("exit", nil)
	if err := <-c.done; err != nil {
		t.Errorf("Serve: %v", err)
	}
}

// BenchmarkDiagnosticsAfterEdit times an incremental edit to a typical
// charter until its diagnostics arrive, the debounce excluded.
func BenchmarkDiagnosticsAfterEdit(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("..", "..", "fixtures", "icann.charter.json"))
	if err != nil {
		b.Fatal(err)
	}
	text := string(data)
	c := startWith(b, time.Nanosecond)
	uri := "file:///bench/icann.charter.json"
	c.open(uri, text)
	c.diagnostics(uri, 1)
	version := 1
	b.ResetTimer()
	for b.Loop() {
		version++
		c.change(uri, version, map[string]any{"range": map[string]any{"start": position{0, 0}, "end": position{0, 0}}, "text": " "})
		c.diagnostics(uri, version)
	}
}

// BenchmarkSoak reports the live heap after n rapid edits (each
// superseding the last analysis) and their final diagnostics: after
// 10,000 it should be no higher than after 100.
func BenchmarkSoak(b *testing.B) {
	text := string(must(os.ReadFile(filepath.Join("testdata", "test.charter.json"))))
	edited := strings.Replace(text, `"vote": "full" },
        { "id": "council-firms"`, `"vote": "none" },
        { "id": "council-firms"`, 1)
	for _, n := range []int{100, 10000} {
		b.Run("edits="+itoa(n), func(b *testing.B) {
			for b.Loop() {
				c := startWith(b, time.Millisecond)
				uri := "file:///soak/test.charter.json"
				c.open(uri, text)
				for v := 2; v <= n+1; v++ {
					t := text
					if v%2 == 0 {
						t = edited
					}
					c.change(uri, v, map[string]any{"text": t})
					if v%50 == 0 {
						c.diagnostics(uri, v)
					}
				}
				c.diagnostics(uri, n+1)
				runtime.GC()
				var ms runtime.MemStats
				runtime.ReadMemStats(&ms)
				b.ReportMetric(float64(ms.HeapAlloc), "heap-bytes")
				b.ReportMetric(float64(runtime.NumGoroutine()), "goroutines")
				c.call("shutdown", nil, nil)
				c.notify("exit", nil)
				<-c.done
			}
		})
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestZedTraffic replays what Zed sends to the server it starts for JSON
// when its binary is replaced by `charterlint lsp` (docs/editors.md#zed),
// as Zed's source sends it: UTF-16 as the only position encoding, the
// JSON server's initializationOptions, its "json" settings with schema
// associations, the json/schemaContent notification, and every JSON or
// JSONC file of the project opened at version 0. The charter gets its
// findings; the other files get none; the server keeps answering.
func TestZedTraffic(t *testing.T) {
	text, uri, dir := fixture(t)
	c := startParams(t, 20*time.Millisecond, map[string]any{
		"processId": 4242, "rootUri": "file://" + filepath.ToSlash(dir),
		"capabilities": map[string]any{
			"general":      map[string]any{"positionEncodings": []string{"utf-16"}},
			"textDocument": map[string]any{"synchronization": map[string]any{"didSave": true}, "publishDiagnostics": map[string]any{"versionSupport": true}},
		},
		"initializationOptions": map[string]any{"provideFormatter": true},
		"clientInfo":            map[string]any{"name": "Zed", "version": "0.200.0"},
	})
	if c.encoding != "utf-16" {
		t.Fatalf("positionEncoding %q, want utf-16 (the only one Zed offers)", c.encoding)
	}
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"json": map[string]any{
		"format":   map[string]any{"enable": true},
		"validate": map[string]any{"enable": true},
		"schemas":  []any{map[string]any{"fileMatch": []string{"tsconfig.json"}, "url": "zed://schemas/tsconfig"}},
	}}})
	c.notify("json/schemaContent", []string{"zed://schemas/tsconfig"})
	other := "file://" + filepath.ToSlash(filepath.Join(dir, "tsconfig.json"))
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": other, "languageId": "jsonc", "version": 0,
		"text": "{\n  // comments are allowed in JSONC\n  \"compilerOptions\": {\"strict\": true},\n}\n"}})
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "json", "version": 0, "text": text}})
	if got := codes(c.diagnostics(uri, 0)); !slices.Contains(got, "CL-PRC-004") {
		t.Errorf("charter diagnostics %v, want lint's findings", got)
	}
	// The server may answer a JSON file that is not a charter with an
	// empty list, never with findings: an edit to it, then one to the
	// charter, whose diagnostics arrive after any for the other file.
	c.change(other, 1, map[string]any{"text": "{\"compilerOptions\": {}}"})
	c.change(uri, 1, map[string]any{"text": text})
	timeout := time.After(30 * time.Second)
	for done := false; !done; {
		select {
		case m := <-c.notes:
			var p publish
			if m.Method != "textDocument/publishDiagnostics" || json.Unmarshal(m.Params, &p) != nil {
				continue
			}
			if p.URI == other && len(p.Diagnostics) > 0 {
				t.Errorf("diagnostics for a JSONC file that is no charter: %+v", p.Diagnostics)
			}
			done = p.URI == uri && p.Version != nil && *p.Version == 1
		case <-timeout:
			t.Fatal("no diagnostics for the charter's edit")
		}
	}
	var hover struct {
		Contents struct {
			Value string `json:"value"`
		} `json:"contents"`
	}
	c.call("textDocument/hover", textDoc(uri, at(t, text, `"council"`, 1, 2, true)), &hover)
	if hover.Contents.Value == "" {
		t.Error("no hover on a body id after Zed's configuration traffic")
	}
	if m := c.request("textDocument/formatting", map[string]any{"textDocument": map[string]any{"uri": uri}, "options": map[string]any{"tabSize": 2, "insertSpaces": true}}); m.Error == nil || m.Error.Code != -32601 {
		t.Errorf("formatting, which Zed asks only of servers that offer it: %+v", m)
	}
	c.call("shutdown", nil, nil)
	c.notify("exit", nil)
	if err := <-c.done; err != nil {
		t.Errorf("Serve: %v", err)
	}
}

// A reference that names nothing gets the same quick fix as a misspelt
// word: the nearest id of the kind wanted.
func TestQuickFixForAReference(t *testing.T) {
	text, _, _ := fixture(t)
	text = strings.Replace(text, `"actor": "ministry"`, `"actor": "ministri"`, 1)
	c := start(t, "utf-16")
	uri := "untitled:Untitled-2.charter.json"
	c.open(uri, text)
	ds := c.diagnostics(uri, 1)
	if len(ds) != 1 || ds[0].Code != "reference" {
		t.Fatalf("diagnostics %+v, want one reference finding", ds)
	}
	if text, r := quickFix(t, c, uri, ds); text != `"ministry"` || r != ds[0].Range {
		t.Errorf("edit %s at %+v", text, r)
	}
}

// quickFix asks for the code actions of the first diagnostic and returns
// the one edit of the one action expected.
func quickFix(t *testing.T, c *client, uri string, ds []wireDiag) (string, lspRange) {
	t.Helper()
	var actions []struct {
		Edit struct {
			Changes map[string][]struct {
				Range   lspRange `json:"range"`
				NewText string   `json:"newText"`
			} `json:"changes"`
		} `json:"edit"`
	}
	c.call("textDocument/codeAction", map[string]any{"textDocument": map[string]any{"uri": uri}, "range": ds[0].Range, "context": map[string]any{"diagnostics": ds}}, &actions)
	if len(actions) != 1 || len(actions[0].Edit.Changes[uri]) != 1 {
		t.Fatalf("code actions %+v", actions)
	}
	e := actions[0].Edit.Changes[uri][0]
	return e.NewText, e.Range
}
