package report

import (
	"github.com/charterlint/charterlint/internal/amend"
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

// A technical body that acts as a firm is named, and the relation gives
// the theory's classes beside the groups.
func TestWhyNamesActorsActingAsFirms(t *testing.T) {
	c := &charter.Charter{
		Modality: "multistakeholder",
		Actors: []charter.Actor{
			{ID: "engineers", Class: "technical-community"},
			{ID: "registry", Class: "technical-community", Kind: "organisation", ActsAs: "firm"},
			{ID: "users", Class: "civil-society"},
		},
		Bodies:    []charter.Body{{ID: "forum", Role: "decision", Open: true, Participants: []string{"engineers", "registry", "users"}}},
		Functions: []charter.Function{{ID: "policy", Category: "critical-internet-resources", Modality: "multistakeholder", DecidedBy: "forum"}},
	}
	f := facts.Derive(c, nil)
	got := bodyWhy(c, f, c.Bodies[0])
	for _, want := range []string{
		"registry acts as a firm (actsAs), a class of the theory apart from the rest of the technical community and academia.",
		"Relation polyarchic: power is shared by civil-society, technical-community (in the theory's classes, firm, civil-society), and no class can act alone.",
	} {
		if !slices.Contains(got, want) {
			t.Errorf("%q lacks %q", got, want)
		}
	}
}

// Tables round shares as the rules' messages do, so that one diff never
// says 62% in its table and 63% in a finding; votes count weights.
func TestPercentRoundsAsTheRules(t *testing.T) {
	for share, want := range map[float64]string{0.625: "63%", 0.125: "13%", 0.5: "50%", 2.0 / 3: "67%", 0: "0%", 1: "100%",
		57.0 / 200: "29%", 113.0 / 200: "57%", 0.004: "0%", 0.005: "1%"} {
		if got := Percent(share); got != want {
			t.Errorf("Percent(%v) = %s, want %s", share, got, want)
		}
	}
	p := &amend.BodyPower{VotingSeats: 3, TotalVotes: 8, Votes: map[string]int{"private-sector": 5}, Shares: map[string]float64{"private-sector": 0.625}}
	if got, want := votesText(p, "private-sector"), "5 of 8 (63%)"; got != want {
		t.Errorf("votesText = %q, want %q", got, want)
	}
}
