package schema

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/charterlint/charterlint/schemas"
)

func decodeJSON(t testing.TB, data []byte) any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatal(err)
	}
	return v
}

// reference is the library compiling the charter schema as it is,
// uniqueItems included, which the validators must agree with.
var reference = sync.OnceValues(func() (*jsonschema.Schema, error) {
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	if err := c.AddResource(schemas.CharterV1URL, strings.NewReader(schemas.CharterV1())); err != nil {
		return nil, err
	}
	return c.Compile(schemas.CharterV1URL)
})

// agree checks that the fast path and Validate (the library without
// uniqueItems, and the walk that finds duplicates) both say what the
// library says of the schema as written.
func agree(t testing.TB, v *Validator, doc any, what string) {
	t.Helper()
	ref, err := reference()
	if err != nil {
		t.Fatal(err)
	}
	want := ref.Validate(doc) == nil
	if fast := v.fast.valid(doc); fast != want {
		t.Errorf("%s: fast path says valid=%v, the library valid=%v", what, fast, want)
	}
	if full := v.Validate(doc) == nil; full != want {
		t.Errorf("%s: Validate says valid=%v, the library valid=%v", what, full, want)
	}
}

// mutations returns variants of doc that each change one value: every
// value replaced by values of other types and by near-miss strings and
// numbers, every object given an unknown key and stripped of each key.
func mutations(doc any, emit func(any)) {
	var walk func(v any, set func(any))
	replacements := []any{nil, true, "x", "Bad Id", json.Number("0"), json.Number("-1"), json.Number("1.5"), json.Number("100001"), []any{}, map[string]any{}}
	walk = func(v any, set func(any)) {
		for _, r := range replacements {
			set(r)
			emit(doc)
		}
		switch x := v.(type) {
		case map[string]any:
			x["zzz-unknown"] = true
			set(x)
			emit(doc)
			delete(x, "zzz-unknown")
			for k, child := range x {
				delete(x, k)
				set(x)
				emit(doc)
				x[k] = child
				walk(child, func(n any) { x[k] = n })
				x[k] = child
			}
		case []any:
			if len(x) > 0 {
				set(append(append([]any{}, x...), x[0]))
				emit(doc)
				set(x[1:])
				emit(doc)
			}
			for i, child := range x {
				walk(child, func(n any) { x[i] = n })
				x[i] = child
			}
		}
		set(v)
	}
	walk(doc, func(any) {})
}

// TestFastAgreesWithFull checks that the fast path and the full validator
// agree on every shipped fixture and on thousands of one-value mutations of
// them: the fast path must never accept what the schema rejects.
func TestFastAgreesWithFull(t *testing.T) {
	v, err := New()
	if err != nil {
		t.Fatal(err)
	}
	// Three fixtures that between them use every part of the schema; the
	// fuzz target below covers the rest.
	files := []string{"../../fixtures/icann.charter.json", "../../fixtures/peering-alliance.charter.json", "../../fixtures/ietf.charter.json"}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc := decodeJSON(t, data)
		agree(t, v, doc, f)
		if !v.fast.valid(doc) {
			t.Errorf("%s: fast path rejects a valid fixture", f)
		}
		n := 0
		var root any = doc
		mutations(root, func(d any) {
			n++
			agree(t, v, d, f+" (mutated)")
		})
		if n < 100 {
			t.Errorf("%s: only %d mutations", f, n)
		}
	}
}

// FuzzFastAgreesWithFull compares the two validators on arbitrary JSON.
func FuzzFastAgreesWithFull(f *testing.F) {
	v, err := New()
	if err != nil {
		f.Fatal(err)
	}
	files, _ := filepath.Glob("../../fixtures/*.charter.json")
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err == nil {
			f.Add(data)
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.UseNumber()
		var doc any
		if dec.Decode(&doc) != nil {
			return
		}
		agree(t, v, doc, "fuzz input")
	})
}
