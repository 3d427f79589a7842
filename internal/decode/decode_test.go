package decode

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// mustDecode decodes src with the default limits or fails the test.
func mustDecode(t testing.TB, src string) *Document {
	t.Helper()
	doc, err := Decode([]byte(src), DefaultLimits())
	if err != nil {
		t.Fatalf("Decode(%q): unexpected error: %v", src, err)
	}
	return doc
}

// lc formats a position as "LINE:COL".
func lc(p Pos) string { return fmt.Sprintf("%d:%d", p.Line, p.Column) }

const positionsDoc = `{
  "id": "x",
  "a/b": {"m~n": [10, {"deep": true}]},
  "list": [
    1,
    "two",
    null
  ],
  "": 0
}
`

func TestPos(t *testing.T) {
	doc := mustDecode(t, positionsDoc)
	tests := []struct {
		pointer string
		want    string // LINE:COL
		text    string // what the input holds at that position
		key     string // LINE:COL of the member name, "" for none
	}{
		{"", "1:1", "{", ""},
		{"/id", "2:9", `"x"`, "2:3"},
		{"/a~1b", "3:10", `{"m~n"`, "3:3"},
		{"/a~1b/m~0n", "3:18", "[10", "3:11"},
		{"/a~1b/m~0n/0", "3:19", "10", ""},
		{"/a~1b/m~0n/1", "3:23", `{"deep"`, ""},
		{"/a~1b/m~0n/1/deep", "3:32", "true", "3:24"},
		{"/list", "4:11", "[", "4:3"},
		{"/list/0", "5:5", "1,", ""},
		{"/list/1", "6:5", `"two"`, ""},
		{"/list/2", "7:5", "null", ""},
		{"/", "9:7", "0\n", "9:3"},
	}
	for _, tt := range tests {
		t.Run(tt.pointer, func(t *testing.T) {
			if !doc.Has(tt.pointer) {
				t.Fatalf("Has(%q) = false, want true", tt.pointer)
			}
			p := doc.Pos(tt.pointer)
			if got := lc(p); got != tt.want {
				t.Errorf("Pos(%q) = %s, want %s", tt.pointer, got, tt.want)
			}
			if !strings.HasPrefix(positionsDoc[p.Offset:], tt.text) {
				t.Errorf("Pos(%q).Offset = %d points at %q, want %q", tt.pointer, p.Offset, positionsDoc[p.Offset:], tt.text)
			}
			kp, ok := doc.KeyPos(tt.pointer)
			switch {
			case tt.key == "" && ok:
				t.Errorf("KeyPos(%q) = %s, true; want false", tt.pointer, lc(kp))
			case tt.key != "" && !ok:
				t.Errorf("KeyPos(%q) = false, want %s", tt.pointer, tt.key)
			case tt.key != "" && lc(kp) != tt.key:
				t.Errorf("KeyPos(%q) = %s, want %s", tt.pointer, lc(kp), tt.key)
			case ok && positionsDoc[kp.Offset] != '"':
				t.Errorf("KeyPos(%q).Offset = %d points at %q, want a quote", tt.pointer, kp.Offset, positionsDoc[kp.Offset:])
			}
		})
	}
}

func TestPosFallback(t *testing.T) {
	doc := mustDecode(t, positionsDoc)
	tests := []struct {
		pointer string
		want    string // position of the nearest existing ancestor
	}{
		{"/missing", "1:1"},
		{"/missing/deeper", "1:1"},
		{"/list/3", "4:11"},
		{"/list/-", "4:11"},
		{"/list/01", "4:11"}, // leading zeros are not array indexes
		{"/list/+1", "4:11"}, // nor are signs
		{"/list/x", "4:11"},  // nor names
		{"/list/1/x", "6:5"}, // a string has no children
		{"/id/0", "2:9"},     // neither has a string indexed like an array
		{"/a~1b/m~0n/1/nope/x", "3:23"},
		{"/a/b", "1:1"},       // "/" separates tokens: this is a then b
		{"/a~1b/m~n", "3:10"}, // "~n" is not a valid escape
		{"/a~1b/m~", "3:10"},
		{"id", "1:1"}, // not a JSON Pointer at all
		{"/list/99999999999999999999", "4:11"},
	}
	for _, tt := range tests {
		if doc.Has(tt.pointer) {
			t.Errorf("Has(%q) = true, want false", tt.pointer)
		}
		if got := lc(doc.Pos(tt.pointer)); got != tt.want {
			t.Errorf("Pos(%q) = %s, want %s", tt.pointer, got, tt.want)
		}
		if p, ok := doc.KeyPos(tt.pointer); ok || p != (Pos{}) {
			t.Errorf("KeyPos(%q) = %v, %v; want zero, false", tt.pointer, p, ok)
		}
	}
}

func TestKeyPosNotMember(t *testing.T) {
	doc := mustDecode(t, `[{"a": [1]}]`)
	for _, ptr := range []string{"", "/0", "/0/a/0"} {
		if p, ok := doc.KeyPos(ptr); ok {
			t.Errorf("KeyPos(%q) = %v, true; want false (not an object member)", ptr, p)
		}
	}
	if p, ok := doc.KeyPos("/0/a"); !ok || lc(p) != "1:3" {
		t.Errorf(`KeyPos("/0/a") = %s, %v; want 1:3, true`, lc(p), ok)
	}
}

// TestLargeObject covers objects with enough members that lookups binary
// search them.
func TestLargeObject(t *testing.T) {
	var b strings.Builder
	b.WriteString("{\n")
	const n = 40
	for i := n; i > 0; i-- { // names in reverse order
		fmt.Fprintf(&b, "  \"k%02d\": %d", i, i)
		if i > 1 {
			b.WriteString(",")
		}
		b.WriteString("\n")
	}
	b.WriteString("}")
	doc := mustDecode(t, b.String())
	for i := 1; i <= n; i++ {
		ptr := fmt.Sprintf("/k%02d", i)
		line := n - i + 2
		if got, want := lc(doc.Pos(ptr)), fmt.Sprintf("%d:10", line); got != want {
			t.Errorf("Pos(%q) = %s, want %s", ptr, got, want)
		}
		if kp, ok := doc.KeyPos(ptr); !ok || kp.Line != line || kp.Column != 3 {
			t.Errorf("KeyPos(%q) = %s, %v; want %d:3", ptr, lc(kp), ok, line)
		}
	}
	for _, ptr := range []string{"/k00", "/k41", "/k", "/k05/x"} {
		wantHas := false
		want := "1:1"
		if ptr == "/k05/x" {
			want = fmt.Sprintf("%d:10", n-5+2)
		}
		if doc.Has(ptr) != wantHas || lc(doc.Pos(ptr)) != want {
			t.Errorf("Has/Pos(%q) = %v, %s; want false, %s", ptr, doc.Has(ptr), lc(doc.Pos(ptr)), want)
		}
	}
}

func TestMultiByteColumns(t *testing.T) {
	src := "{\"名前\": \"値\", \"x\": [1],\n\t\"😀\":\ttrue}"
	doc := mustDecode(t, src)
	tests := []struct{ pointer, want, text string }{
		{"/名前", "1:8", `"値"`},
		{"/x", "1:18", "[1]"},
		{"/x/0", "1:19", "1]"},
		{"/😀", "2:7", "true"}, // a tab is one column, so is the emoji
	}
	for _, tt := range tests {
		p := doc.Pos(tt.pointer)
		if lc(p) != tt.want {
			t.Errorf("Pos(%q) = %s, want %s", tt.pointer, lc(p), tt.want)
		}
		if !strings.HasPrefix(src[p.Offset:], tt.text) {
			t.Errorf("Pos(%q).Offset = %d points at %q, want %q", tt.pointer, p.Offset, src[p.Offset:], tt.text)
		}
	}
	if kp, ok := doc.KeyPos("/😀"); !ok || lc(kp) != "2:2" {
		t.Errorf("KeyPos = %s, %v; want 2:2", lc(kp), ok)
	}
}

func TestCRLF(t *testing.T) {
	src := "{\r\n  \"a\": 1,\r\n\r\n  \"b\": [\r\n    true\r\n  ]\r\n}\r\n"
	doc := mustDecode(t, src)
	for ptr, want := range map[string]string{"": "1:1", "/a": "2:8", "/b": "4:8", "/b/0": "5:5"} {
		if got := lc(doc.Pos(ptr)); got != want {
			t.Errorf("Pos(%q) = %s, want %s", ptr, got, want)
		}
	}
	_, err := Decode([]byte("{\r\n  \"a\": 1,\r\n  \"a\": 2\r\n}"), Limits{})
	if got, want := errString(err), `3:3: duplicate key "a" (first at 2:3)`; got != want {
		t.Errorf("CRLF duplicate: got %q, want %q", got, want)
	}
	// A lone carriage return is not a line break.
	doc = mustDecode(t, "[1,\r2]")
	if got := lc(doc.Pos("/1")); got != "1:5" {
		t.Errorf("Pos after lone CR = %s, want 1:5", got)
	}
}

func TestValues(t *testing.T) {
	doc := mustDecode(t, `{"s": "é\n\u00e9\ud83d\ude00", "n": [0, -1.50, 2E+3, 12345678901234567890123, 1e-400],
		"b": [true, false], "z": null, "o": {}, "a": []}`)
	want := map[string]any{
		"s": "é\né😀",
		"n": []any{json.Number("0"), json.Number("-1.50"), json.Number("2E+3"), json.Number("12345678901234567890123"), json.Number("1e-400")},
		"b": []any{true, false},
		"z": nil,
		"o": map[string]any{},
		"a": []any{},
	}
	if !reflect.DeepEqual(doc.Value, want) {
		t.Errorf("Value = %#v\nwant    %#v", doc.Value, want)
	}
	for _, src := range []string{`1.0`, `"x"`, `true`, `null`, ` [ ] `} {
		doc := mustDecode(t, src)
		var std any
		dec := json.NewDecoder(strings.NewReader(src))
		dec.UseNumber()
		if err := dec.Decode(&std); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(doc.Value, std) {
			t.Errorf("Decode(%q).Value = %#v, encoding/json says %#v", src, doc.Value, std)
		}
	}
	if _, ok := mustDecode(t, "42").Value.(json.Number); !ok {
		t.Errorf("a number does not decode to json.Number")
	}
}

func TestBytes(t *testing.T) {
	src := []byte(` {"a": 1} `)
	doc, err := Decode(src, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(doc.Bytes(), src) {
		t.Errorf("Bytes() = %q, want %q", doc.Bytes(), src)
	}
	if got := lc(doc.Pos("")); got != "1:2" {
		t.Errorf("root after leading space at %s, want 1:2", got)
	}
}

func TestNilDocument(t *testing.T) {
	var doc *Document
	if p := doc.Pos("/a"); p != (Pos{Line: 1, Column: 1}) {
		t.Errorf("nil Pos = %v", p)
	}
	if doc.Has("") || doc.Bytes() != nil {
		t.Errorf("nil document has values")
	}
	if _, ok := doc.KeyPos("/a"); ok {
		t.Errorf("nil KeyPos reports ok")
	}
}

func TestDefaultLimits(t *testing.T) {
	if got, want := DefaultLimits(), (Limits{MaxBytes: 4 << 20, MaxDepth: 64}); got != want {
		t.Errorf("DefaultLimits() = %+v, want %+v", got, want)
	}
	// Zero fields mean the defaults.
	deep := strings.Repeat("[", 65) + strings.Repeat("]", 65)
	if _, err := Decode([]byte(deep), Limits{}); errString(err) != "1:65: nesting deeper than 64 levels" {
		t.Errorf("zero Limits: got %v, want the default depth limit", err)
	}
	big := make([]byte, 4<<20+1)
	if _, err := Decode(big, Limits{MaxDepth: 3}); errString(err) != "1:1: file is 4194305 bytes, over the limit of 4194304 bytes" {
		t.Errorf("zero MaxBytes: got %v, want the default size limit", err)
	}
}

func errString(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}

func TestErrors(t *testing.T) {
	deep := func(open string, n int) string {
		close := map[string]string{"[": "]", `{"k":`: "}"}[open]
		return strings.Repeat(open, n) + "0" + strings.Repeat(close, n)
	}
	tests := []struct {
		name string
		src  string
		lim  Limits
		want string // full Error() text
		ptr  string // Error.Pointer
		off  int    // Error.Pos.Offset
	}{
		// Duplicate keys, at the second occurrence.
		{"duplicate", "{\n    \"id\": 1,\n    \"id\": 2\n}", Limits{}, `3:5: duplicate key "id" (first at 2:5)`, "/id", 19},
		{"duplicate escaped", "{\"x\": {\"a\": 1,\n \"b\": 2, \"\\u0061\": 3}}", Limits{}, `2:10: duplicate key "a" (first at 1:8)`, "/x/a", 24},
		{"duplicate in array", `[{}, {"a/b": 1, "c": 2, "a/b": 3}]`, Limits{}, `1:25: duplicate key "a/b" (first at 1:7)`, "/1/a~1b", 24},
		// Depth, exactly over the limit (exactly at the limit is in TestDepthLimit).
		{"depth arrays", deep("[", 65), Limits{}, "1:65: nesting deeper than 64 levels", strings.Repeat("/0", 64), 64},
		{"depth objects", deep(`{"k":`, 4), Limits{MaxDepth: 3}, "1:16: nesting deeper than 3 levels", "/k/k/k", 15},
		{"depth mixed", "{\"a\": [\n  {\"b\": [1]}]}", Limits{MaxDepth: 3}, "2:9: nesting deeper than 3 levels", "/a/0/b", 16},
		// Size.
		{"size", `{"a": "bcd"}`, Limits{MaxBytes: 11}, "1:1: file is 12 bytes, over the limit of 11 bytes", "", 0},
		// Encoding.
		{"invalid utf8 in string", "{\n  \"a\": \"caf\xe9\"\n}", Limits{}, "2:12: invalid UTF-8 byte 0xE9; the file must be encoded as UTF-8", "/a", 13},
		{"invalid utf8 in key", "{\"\xff\": 1}", Limits{}, "1:3: invalid UTF-8 byte 0xFF; the file must be encoded as UTF-8", "", 2},
		{"invalid utf8 outside string", "[1, \xc3]", Limits{}, "1:5: invalid UTF-8 byte 0xC3; the file must be encoded as UTF-8", "/1", 4},
		{"bom", "\xef\xbb\xbf{\"a\": 1}", Limits{}, "1:1: file starts with a UTF-8 byte order mark (BOM); save it as UTF-8 without BOM", "", 0},
		// Trailing data.
		{"trailing value", "{\"a\": 1}\n  {\"b\": 2}", Limits{}, "2:3: unexpected data after the top-level value", "", 11},
		{"trailing bracket", `[1]]`, Limits{}, "1:4: unexpected data after the top-level value", "", 3},
		{"trailing garbage", "1 x", Limits{}, "1:3: unexpected data after the top-level value", "", 2},
		{"leading zero", "01", Limits{}, "1:2: unexpected data after the top-level value", "", 1},
		{"separator after value", "0, ", Limits{}, "1:2: unexpected data after the top-level value", "", 1},
		{"only separator", " :", Limits{}, "1:2: unexpected ':', expected a value", "", 1},
		// Empty.
		{"empty", "", Limits{}, "1:1: empty document", "", 0},
		{"whitespace", " \r\n\t\n", Limits{}, "1:1: empty document", "", 0},
		// Truncated input, at the end.
		{"truncated object", "{\n  \"a\": [1, 2", Limits{}, "2:13: unexpected end of input, the array starting at 2:8 is not closed", "/a", 14},
		{"truncated after comma", "{\"a\": 1,\n", Limits{}, "2:1: unexpected end of input, the object starting at 1:1 is not closed", "", 9},
		{"truncated string", `{"a": "bc`, Limits{}, "1:10: unexpected end of input inside the string starting at 1:7", "/a", 9},
		{"truncated literal", `[tru`, Limits{}, "1:5: unexpected end of input inside `tru` starting at 1:2", "/0", 4},
		{"truncated number", `-`, Limits{}, "1:2: unexpected end of input inside `-` starting at 1:1", "", 1},
		// Syntax errors, at the offending byte.
		{"missing comma", "{\"a\": 1\n \"b\": 2}", Limits{}, "2:2: missing ',' between object members", "", 9},
		{"missing comma array", "[1 2]", Limits{}, "1:4: missing ',' between array elements", "", 3},
		{"trailing comma", "{\"a\": 1,\n}", Limits{}, "1:8: trailing comma before '}' is not allowed", "", 7},
		{"trailing comma array", "[1, ]", Limits{}, "1:3: trailing comma before ']' is not allowed", "", 2},
		{"double comma", "[1,,2]", Limits{}, "1:4: unexpected ',', expected a value", "/1", 3},
		{"missing colon", `{"a" 1}`, Limits{}, `1:6: missing ':' after key "a"`, "/a", 5},
		{"missing value", `{"a": }`, Limits{}, `1:7: missing value for key "a"`, "/a", 6},
		{"unquoted key", `{a: 1}`, Limits{}, "1:2: key `a` must be in double quotes", "", 1},
		{"number key", `{1: 1}`, Limits{}, "1:2: invalid key `1`, keys must be strings in double quotes", "", 1},
		{"single quotes", `{"a": 'b'}`, Limits{}, "1:7: strings and keys must be in double quotes, not single quotes", "/a", 6},
		{"capital literal", `{"a": True}`, Limits{}, "1:7: invalid value `True`, did you mean true?", "/a", 6},
		{"bare word", `{"a": yes}`, Limits{}, "1:7: invalid value `yes`, text must be in double quotes", "/a", 6},
		{"comment", "{\n  // note\n  \"a\": 1}", Limits{}, "2:3: comments are not allowed in JSON", "", 4},
		{"wrong bracket", "{\"a\": [1, 2}", Limits{}, "1:12: '}' does not close the array starting at 1:7, expected ',' or ']'", "/a", 11},
		{"wrong bracket object", `{"a": 1]`, Limits{}, "1:8: ']' does not close the object starting at 1:1, expected ',' or '}'", "", 7},
		{"bad literal", `[trux]`, Limits{}, "1:5: invalid character 'x' in literal true, expected 'e'", "/0", 4},
		{"bad escape", `["a\qb"]`, Limits{}, "1:4: invalid escape sequence `\\q` in string", "/0", 3},
		{"newline in string", "[\"a\nb\"]", Limits{}, `1:4: line break inside a string, write it as \n`, "/0", 3},
		{"control in string", "[\"a\x01\"]", Limits{}, `1:4: control character U+0001 inside a string, write it as \u0001`, "/0", 3},
		{"bad number", `[1.x]`, Limits{}, "1:4: invalid character 'x' in number, expected digit", "/0", 3},
		{"lone close", `}`, Limits{}, "1:1: unexpected '}', expected a value", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Decode([]byte(tt.src), tt.lim)
			if err == nil {
				t.Fatalf("Decode(%q) = %v, want error %q", tt.src, doc.Value, tt.want)
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v is %T, want *Error", err, err)
			}
			if got := e.Error(); got != tt.want {
				t.Errorf("Decode(%q) error\n got %q\nwant %q", tt.src, got, tt.want)
			}
			if e.Pointer != tt.ptr {
				t.Errorf("Pointer = %q, want %q", e.Pointer, tt.ptr)
			}
			if e.Pos.Offset != int64(tt.off) {
				t.Errorf("Offset = %d, want %d", e.Pos.Offset, tt.off)
			}
			if e.Pos != scanPos([]byte(tt.src), tt.off) {
				t.Errorf("Pos = %+v, inconsistent with its offset (%+v)", e.Pos, scanPos([]byte(tt.src), tt.off))
			}
			if r, _ := utf8.DecodeRuneInString(e.Msg); unicode.IsUpper(r) || strings.Contains(e.Msg, "jsontext") {
				t.Errorf("message %q must be lower-case and free of Go package names", e.Msg)
			}
		})
	}
}

func TestDepthLimit(t *testing.T) {
	for _, lim := range []int{1, 3, 64} {
		at := strings.Repeat(`{"a":[`, lim/2) + strings.Repeat("[", lim%2) + "0" + strings.Repeat("]", lim%2) + strings.Repeat(`]}`, lim/2)
		if _, err := Decode([]byte(at), Limits{MaxDepth: lim}); err != nil {
			t.Errorf("depth exactly %d with MaxDepth %d: %v", lim, lim, err)
		}
		over := "[" + at + "]"
		_, err := Decode([]byte(over), Limits{MaxDepth: lim})
		var e *Error
		if !errors.As(err, &e) || e.Msg != fmt.Sprintf("nesting deeper than %d levels", lim) {
			t.Fatalf("depth %d with MaxDepth %d: got %v", lim+1, lim, err)
		}
		// The innermost opening bracket is the one that exceeds the limit.
		if want := strings.LastIndexAny(over, "[{"); e.Pos.Offset != int64(want) {
			t.Errorf("depth error at offset %d, want %d (%q)", e.Pos.Offset, want, over)
		}
	}
}

func TestTokenizerDepthLimit(t *testing.T) {
	// jsontext has a nesting limit of its own; it is reported the same way.
	src := strings.Repeat("[", tokenizerMaxDepth+1)
	_, err := Decode([]byte(src), Limits{MaxDepth: 2 * tokenizerMaxDepth})
	want := fmt.Sprintf("1:%d: nesting deeper than %d levels", tokenizerMaxDepth+1, tokenizerMaxDepth)
	if got := errString(err); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestSizeLimit(t *testing.T) {
	src := []byte(`["0123456789"]`) // 14 bytes
	if _, err := Decode(src, Limits{MaxBytes: 14}); err != nil {
		t.Errorf("input exactly at MaxBytes: %v", err)
	}
	_, err := Decode(src, Limits{MaxBytes: 13})
	if got, want := errString(err), "1:1: file is 14 bytes, over the limit of 13 bytes"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	// The size is checked before anything else.
	_, err = Decode([]byte("\xef\xbb\xbf{{{{"), Limits{MaxBytes: 2})
	if got, want := errString(err), "1:1: file is 7 bytes, over the limit of 2 bytes"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestErrorString(t *testing.T) {
	e := &Error{Pos: Pos{Line: 3, Column: 5, Offset: 20}, Pointer: "/id", Msg: `duplicate key "id" (first at 2:5)`}
	if got, want := e.Error(), `3:5: duplicate key "id" (first at 2:5)`; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

// walk calls fn for every value recorded in doc with its JSON Pointer.
func walk(doc *Document, fn func(ptr string, n node)) {
	var rec func(i int, ptr string)
	rec = func(i int, ptr string) {
		n := doc.nodes[i]
		fn(ptr, n)
		for k, c := range doc.kids[n.kids : n.kids+n.nkids] {
			if doc.data[n.off] == '[' {
				rec(int(c), fmt.Sprintf("%s/%d", ptr, k))
			} else {
				rec(int(c), ptr+"/"+escapeToken(doc.nodes[c].name))
			}
		}
	}
	if len(doc.nodes) > 0 {
		rec(0, "")
	}
}

func TestWalkRecordsEveryValue(t *testing.T) {
	doc := mustDecode(t, positionsDoc)
	var got []string
	walk(doc, func(ptr string, _ node) { got = append(got, ptr) })
	want := []string{"", "/id", "/a~1b", "/a~1b/m~0n", "/a~1b/m~0n/0", "/a~1b/m~0n/1", "/a~1b/m~0n/1/deep", "/list", "/list/0", "/list/1", "/list/2", "/"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("recorded pointers\n got %q\nwant %q", got, want)
	}
}

// charterJSON returns a realistic, indented charter document with n services.
func charterJSON(n int) []byte {
	var b strings.Builder
	b.WriteString("{\n  \"apiVersion\": \"charter/v1\",\n  \"kind\": \"Charter\",\n")
	b.WriteString("  \"metadata\": {\n    \"id\": \"payments-platform\",\n    \"title\": \"Payments platform — Zahlungsplattform\",\n" +
		"    \"owners\": [\"alice@example.com\", \"bob@example.com\"],\n    \"labels\": {\"tier\": \"1\", \"region\": \"eu-west\"}\n  },\n")
	b.WriteString("  \"services\": [\n")
	for i := range n {
		if i > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, "    {\n      \"name\": \"service-%02d\",\n      \"replicas\": %d,\n      \"cpu\": %d.5,\n"+
			"      \"public\": %t,\n      \"owner\": null,\n      \"ports\": [%d, %d],\n"+
			"      \"sla\": {\"availability\": 99.95, \"latencyMs\": %d, \"paging\": true}\n    }",
			i, i%5+1, i%4, i%2 == 0, 8000+i, 9000+i, 100+i*3)
	}
	b.WriteString("\n  ],\n  \"review\": {\"cadence\": \"quarterly\", \"lastReviewed\": \"2025-01-15\", \"approved\": true}\n}\n")
	return []byte(b.String())
}

func TestCharter(t *testing.T) {
	data := charterJSON(40)
	if len(data) < 8<<10 || len(data) > 10<<10 {
		t.Errorf("benchmark document is %d bytes, want about 9 KB", len(data))
	}
	doc, err := Decode(data, DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	var std any
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&std); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(doc.Value, std) {
		t.Errorf("value differs from encoding/json's")
	}
	p := doc.Pos("/services/39/sla/paging")
	if got := lc(p); got != "369:66" || !bytes.HasPrefix(data[p.Offset:], []byte("true}")) {
		t.Errorf("Pos = %s at %q", got, data[p.Offset:])
	}
}

func BenchmarkDecode(b *testing.B) {
	data := charterJSON(40)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Decode(data, DefaultLimits()); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkStdlibUnmarshal(b *testing.B) {
	data := charterJSON(40)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		var v any
		if err := json.Unmarshal(data, &v); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkPos measures looking up a deep value's position.
func BenchmarkPos(b *testing.B) {
	doc := mustDecode(b, string(charterJSON(40)))
	b.ReportAllocs()
	for b.Loop() {
		if doc.Pos("/services/39/sla/paging").Line == 0 {
			b.Fatal("no position")
		}
	}
}

// Positions on a long line with multi-byte characters count runes from
// the line's start, whatever marks speed the counting up.
func TestPositionsOnLongLines(t *testing.T) {
	var b strings.Builder
	b.WriteString("[")
	for i := range 3000 {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, `"é%d€"`, i)
	}
	b.WriteString("]")
	src := b.String()
	doc, err := Decode([]byte(src), DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	for _, i := range []int{0, 1, 400, 1234, 2999} {
		item := fmt.Sprintf(`"é%d€"`, i)
		off := strings.Index(src, item)
		want := Pos{Line: 1, Column: utf8.RuneCountInString(src[:off]) + 1, Offset: int64(off)}
		if got := doc.Pos(fmt.Sprintf("/%d", i)); got != want {
			t.Errorf("item %d at %v, want %v", i, got, want)
		}
	}
}

// Numbers the validator cannot read exactly in bounded time are parse
// errors at the literal; those within the bounds decode as written.
func TestNumberBounds(t *testing.T) {
	long := "1" + strings.Repeat("0", MaxNumberLength)
	for src, want := range map[string]string{
		`{"n": 1e1000}`:                 "",
		`{"n": -2.5E-1000}`:             "",
		`{"n": 1e000000000000001}`:      "",
		`{"n": 1e1001}`:                 "1:7: number 1e1001 has an exponent beyond ±1000",
		`{"n": [1, 1e-1000001]}`:        "1:11: number 1e-1000001 has an exponent beyond ±1000",
		`{"n": 1e99999999999999999999}`: "1:7: number 1e99999999999999999999 has an exponent beyond ±1000",
		`{"n": ` + long + `}`:           "1:7: number literal of 101 characters, over the limit of 100",
		`{"n": ` + strings.Repeat("9", MaxNumberLength) + `}`: "",
	} {
		_, err := Decode([]byte(src), DefaultLimits())
		got := ""
		if err != nil {
			var de *Error
			if !errors.As(err, &de) {
				t.Fatalf("%.40s: error %v is not a *Error", src, err)
			}
			got = lc(de.Pos) + ": " + de.Msg
		}
		if got != want {
			t.Errorf("%.40s: got %q, want %q", src, got, want)
		}
	}
}
