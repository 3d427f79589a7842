package decode

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func FuzzDecode(f *testing.F) {
	f.Add([]byte(`{"id": "x", "list": [1, 2.5, true, null, {"a/b": "~"}]}`))
	f.Add([]byte("{\"a\": 1,\r\n \"a\": 2}"))
	f.Add([]byte("[[[[[[[[[[1]]]]]]]]]]"))
	f.Add([]byte("{\"k\": \"\xff\"}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, lim := range []Limits{DefaultLimits(), {MaxBytes: 64, MaxDepth: 4}} {
			checkDecode(t, data, lim)
		}
	})
}

// fuzzWords are words as short as the fuzzer's strings tend to be.
func fuzzWords() *Words {
	return NewWords("", "a", "b", "id", "k", "x", "list", "a/b", "~", "0", "\u00e9")
}

// checkDecode checks the invariants of one Decode call.
func checkDecode(t *testing.T, data []byte, lim Limits) {
	doc, err := Decode(data, lim)
	if err != nil {
		var e *Error
		if !errors.As(err, &e) {
			t.Fatalf("error %v is %T, want *Error", err, err)
		}
		if e.Pos.Line < 1 || e.Pos.Column < 1 || e.Pos.Offset < 0 || e.Pos.Offset > int64(len(data)) {
			t.Fatalf("error %q has position %+v outside the %d-byte input", e, e.Pos, len(data))
		}
		if want := scanPos(data, int(e.Pos.Offset)); e.Pos != want {
			t.Fatalf("error %q has position %+v, its offset is at %+v", e, e.Pos, want)
		}
		if r, _ := utf8.DecodeRuneInString(e.Msg); e.Msg == "" || unicode.IsUpper(r) || strings.Contains(e.Msg, "jsontext") {
			t.Fatalf("error message %q is empty, capitalised or mentions Go packages", e.Msg)
		}
		return
	}
	if doc == nil || !bytes.Equal(doc.Bytes(), data) {
		t.Fatalf("Decode succeeded without a document for its input")
	}
	// Anything accepted is valid JSON and decodes as encoding/json does.
	if !json.Valid(data) {
		t.Fatalf("Decode accepted invalid JSON %q", data)
	}
	var std any
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&std); err != nil {
		t.Fatalf("encoding/json rejects accepted input %q: %v", data, err)
	}
	if !reflect.DeepEqual(doc.Value, std) {
		t.Fatalf("value %#v, encoding/json says %#v", doc.Value, std)
	}
	// Shared words change no value.
	shared, err := fuzzWords().Decode(data, lim)
	if err != nil || !reflect.DeepEqual(shared.Value, std) {
		t.Fatalf("with words: value %#v, error %v; encoding/json says %#v", shared.Value, err, std)
	}
	// Every recorded value can be found and is positioned inside the input.
	walk(doc, func(ptr string, n node) {
		if !doc.Has(ptr) {
			t.Fatalf("Has(%q) = false for a recorded value", ptr)
		}
		p := doc.Pos(ptr)
		if p.Offset != int64(n.off) || p.Offset < 0 || p.Offset >= int64(len(data)) || p.Line < 1 || p.Column < 1 {
			t.Fatalf("Pos(%q) = %+v, recorded offset %d, input %d bytes", ptr, p, n.off, len(data))
		}
		if p != scanPos(data, int(p.Offset)) {
			t.Fatalf("Pos(%q) = %+v disagrees with scanning (%+v)", ptr, p, scanPos(data, int(p.Offset)))
		}
		kp, ok := doc.KeyPos(ptr)
		if ok != (n.keyOff != 0) {
			t.Fatalf("KeyPos(%q) reports %v for keyOff %d", ptr, ok, n.keyOff)
		}
		if ok && (kp.Offset >= p.Offset || data[kp.Offset] != '"') {
			t.Fatalf("KeyPos(%q) = %+v, value at %+v", ptr, kp, p)
		}
	})
}
