package decode

import (
	"reflect"
	"strings"
	"testing"
	"unsafe"
)

// Decoding with words gives the same document, with the words' own strings
// for the names and values among them; escaped spellings still decode to
// their value, and a duplicate name is caught whichever way it is spelled.
func TestWordsDecode(t *testing.T) {
	w := NewWords("id", "vote", "full", "seats", `a"b`)
	src := `{"id": "board", "seats": [{"vote": "full"}, {"vote": "\u0066ull"}], "x": "full"}`
	plain, err := Decode([]byte(src), DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	shared, err := w.Decode([]byte(src), DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(plain.Value, shared.Value) {
		t.Fatalf("with words %v, without %v", shared.Value, plain.Value)
	}
	same := func(a, b string) bool { return unsafe.StringData(a) == unsafe.StringData(b) }
	doc := shared.Value.(map[string]any)
	for k := range doc {
		if k == "id" && !same(k, w.m["id"].s) {
			t.Error(`member name "id" is not the shared word`)
		}
	}
	seats := doc["seats"].([]any)
	if v := seats[0].(map[string]any)["vote"].(string); !same(v, w.m["full"].s) {
		t.Error(`value "full" is not the shared word`)
	}
	if v := seats[1].(map[string]any)["vote"].(string); v != "full" || same(v, w.m["full"].s) {
		t.Errorf(`escaped "\u0066ull" gave %q, shared %v; want a copy equal to "full"`, v, same(v, w.m["full"].s))
	}
	if _, ok := w.m[`a"b`]; ok {
		t.Error("a word with a quote was kept")
	}
	// Small integers come shared too, and equal the plain decoding's.
	nums, err := w.Decode([]byte(`[0, 7, 42, 99, 100, -1, 1.5, 1e2]`), DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	plainNums, _ := Decode([]byte(`[0, 7, 42, 99, 100, -1, 1.5, 1e2]`), DefaultLimits())
	if !reflect.DeepEqual(nums.Value, plainNums.Value) {
		t.Errorf("numbers with words %v, without %v", nums.Value, plainNums.Value)
	}
	_, err = w.Decode([]byte(`{"id": 1, "\u0069d": 2}`), DefaultLimits())
	if err == nil || !strings.Contains(err.Error(), "duplicate") {
		t.Errorf("duplicate name spelled two ways: err = %v", err)
	}
}
