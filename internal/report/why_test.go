package report

import (
	"slices"
	"testing"

	"github.com/charterlint/charterlint/internal/charter"
	"github.com/charterlint/charterlint/internal/facts"
)

// A body of engineers and academics is one class of the theory: the
// report says so, rather than that nobody holds power or that power is
// shared among classes.
func TestWhySingleClassOfSeveralGroups(t *testing.T) {
	c := &charter.Charter{
		Modality: "multistakeholder",
		Actors: []charter.Actor{
			{ID: "engineers", Class: "technical-community"},
			{ID: "scholars", Class: "academia"},
		},
		Bodies: []charter.Body{{ID: "council", Role: "decision", Seats: []charter.Seat{
			{ID: "e", Actor: "engineers", Count: 5, Vote: "full"},
			{ID: "a", Actor: "scholars", Count: 4, Vote: "full"},
		}}},
		Functions: []charter.Function{{ID: "policy", Category: "standards-setting", Modality: "multistakeholder", DecidedBy: "council"}},
	}
	f := facts.Derive(c, nil)
	body := bodyWhy(c, f, c.Bodies[0])
	want := "Relation single-class: technical-community, academia hold decision power, and are one class of the theory, civil-society."
	if !slices.Contains(body, want) {
		t.Errorf("body: %q lacks %q", body, want)
	}
	whole := charterWhy(c, f)
	if len(whole) == 0 || whole[0] != "council decides policy: technical-community, academia hold decision power, one class of the theory, civil-society (single-class)." {
		t.Errorf("charter: %q", whole)
	}
}
