package finding

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// Sort orders by file, then line, column, rule, pointer and message, each
// deciding only when the fields before it are equal.
func TestSort(t *testing.T) {
	want := []Finding{
		{File: "a.charter.json", Line: 2, Column: 9, Rule: "CL-Z", Message: "z"},
		{File: "a.charter.json", Line: 10, Column: 1, Rule: "CL-A", Message: "a"},
		{File: "a.charter.json", Line: 10, Column: 3, Rule: "CL-A", Message: "a"},
		{File: "a.charter.json", Line: 10, Column: 3, Rule: "CL-B", Pointer: "/a", Message: "z"},
		{File: "a.charter.json", Line: 10, Column: 3, Rule: "CL-B", Pointer: "/b", Message: "a"},
		{File: "a.charter.json", Line: 10, Column: 3, Rule: "CL-B", Pointer: "/b", Message: "b"},
		{File: "b.charter.json", Line: 1, Column: 1, Rule: "CL-A", Message: "a"},
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20 {
		got := slices.Clone(want)
		r.Shuffle(len(got), func(i, j int) { got[i], got[j] = got[j], got[i] })
		Sort(got)
		if !slices.Equal(got, want) {
			t.Fatalf("Sort gave\n%v\nwant\n%v", got, want)
		}
	}
}
