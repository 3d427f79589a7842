package amend

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

// fieldChanges on the cases the charters in the fixtures do not reach.
func TestFieldChangesEdges(t *testing.T) {
	renames := map[string]string{"old-board": "board"}
	for _, tt := range []struct {
		name     string
		old, new map[string]any
		want     []FieldChange
	}{
		{"an empty object and none: one change, not none",
			map[string]any{"term": map[string]any{}}, map[string]any{},
			[]FieldChange{{Field: "term", Old: map[string]any{}, New: nil}}},
		{"an object set for the first time: each property",
			map[string]any{}, map[string]any{"term": map[string]any{"years": 2.0}},
			[]FieldChange{{Field: "term.years", Old: nil, New: 2.0}}},
		{"a value that becomes an object: one change",
			map[string]any{"term": 2.0}, map[string]any{"term": map[string]any{"years": 2.0}},
			[]FieldChange{{Field: "term", Old: 2.0, New: map[string]any{"years": 2.0}}}},
		{"an array: the items added and removed, renames followed, order ignored",
			map[string]any{"by": []any{"old-board", "a", "b", "b"}}, map[string]any{"by": []any{"b", "c", "board", "a"}},
			[]FieldChange{{Field: "by", Old: []any{"old-board", "a", "b", "b"}, New: []any{"b", "c", "board", "a"}, Added: []any{"c"}, Removed: []any{"b"}}}},
		{"only order and renames differ: nothing",
			map[string]any{"by": []any{"old-board", "a"}, "x": map[string]any{"to": "old-board"}}, map[string]any{"by": []any{"a", "board"}, "x": map[string]any{"to": "board"}},
			nil},
		{"the id is left out but for the charter's own",
			map[string]any{"id": "old-board", "name": "A"}, map[string]any{"id": "other", "name": "B"},
			[]FieldChange{{Field: "name", Old: "A", New: "B"}}},
	} {
		if got := fieldChanges(KindBody, tt.old, tt.new, renames); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s:\ngot  %#v\nwant %#v", tt.name, got, tt.want)
		}
		// Fields lists exactly the properties the changes start from.
		var top []string
		for _, c := range tt.want {
			if f, _, _ := strings.Cut(c.Field, "."); !slices.Contains(top, f) {
				top = append(top, f)
			}
		}
		if got := fields(KindBody, tt.old, tt.new, renames); !slices.Equal(got, top) {
			t.Errorf("%s: fields %v, want %v", tt.name, got, top)
		}
	}
	if got := fieldChanges(KindCharter, map[string]any{"id": "a"}, map[string]any{"id": "b"}, nil); !reflect.DeepEqual(got, []FieldChange{{Field: "id", Old: "a", New: "b"}}) {
		t.Errorf("the charter's id: %#v", got)
	}
}
