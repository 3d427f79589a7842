package charter

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// FromValue must build the same model as encoding/json's own decoding
// into the struct, on every shipped fixture.
func TestFromValueMatchesParse(t *testing.T) {
	files, _ := filepath.Glob("../../fixtures/*.charter.json")
	if len(files) == 0 {
		t.Fatal("no fixtures")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var want Charter
		if err := json.Unmarshal(data, &want); err != nil {
			t.Fatal(err)
		}
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.UseNumber()
		var v any
		if err := dec.Decode(&v); err != nil {
			t.Fatal(err)
		}
		got, err := FromValue(v)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(*got, want) {
			t.Errorf("%s: FromValue differs from Parse", f)
		}
	}
}

func TestFromValueRejectsWrongShapes(t *testing.T) {
	_, err := FromValue(map[string]any{"actors": []any{map[string]any{"id": json.Number("3")}}})
	if err == nil || err.Error() != "/actors/0/id: want a string, got json.Number" {
		t.Errorf("err = %v", err)
	}
}

// JSON Schema counts 1.0 and 1e1 as integers: a charter the schema accepts
// must not fail here.
func TestFromValueWholeNumbersWrittenAsFloats(t *testing.T) {
	c, err := FromValue(map[string]any{"bodies": []any{map[string]any{"seats": []any{
		map[string]any{"id": "s", "count": json.Number("1.0")},
		map[string]any{"id": "t", "count": json.Number("1e1")},
	}}}})
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Bodies[0].Seats; got[0].Count != 1 || got[1].Count != 10 {
		t.Errorf("counts = %d, %d", got[0].Count, got[1].Count)
	}
	if _, err := FromValue(map[string]any{"bodies": []any{map[string]any{"seats": []any{map[string]any{"count": json.Number("1.5")}}}}}); err == nil {
		t.Error("1.5 accepted as an integer")
	}
}
