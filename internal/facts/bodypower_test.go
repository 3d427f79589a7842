package facts

import (
	"reflect"
	"strings"
	"testing"

	"github.com/charterlint/charterlint/internal/charter"
)

func share(f float64) *float64 { return &f }

// board derives the facts of a charter whose one deciding body is b.
func board(b charter.Body, more ...charter.Body) *BodyFacts {
	c := &charter.Charter{
		Modality:  "multistakeholder",
		Actors:    append(actors(), founders()...),
		Bodies:    append([]charter.Body{b}, more...),
		Functions: []charter.Function{fn("f", "standards-setting", "multistakeholder", b.ID)},
	}
	return Derive(c, nil).Bodies[b.ID]
}

func founders() []charter.Actor {
	var out []charter.Actor
	for _, id := range []string{"f1", "f2", "f3", "f4", "f5"} {
		out = append(out, charter.Actor{ID: id, Class: "private-sector", Kind: "organisation", Incumbent: true})
	}
	return append(out, charter.Actor{ID: "uni", Class: "academia", Kind: "organisation"}, charter.Actor{ID: "ngo", Class: "civil-society", Kind: "organisation"})
}

func bloc(p *PowerFacts, name string) BlocFacts {
	for _, b := range p.Blocs {
		if b.Name == name {
			return b
		}
	}
	return BlocFacts{}
}

// A class with 40 % of the votes blocks alone under a two-thirds rule,
// though its seat share looks like a minority.
func TestPowerBlockingMinority(t *testing.T) {
	b := board(charter.Body{ID: "council", Role: "decision",
		Seats:    []charter.Seat{seat("a", "firms", 6, "full"), seat("b", "states", 4, "full")},
		Decision: &charter.Decision{Method: "supermajority", Threshold: share(0.667)}})
	if b.Power == nil || !reflect.DeepEqual(b.Power.Blockers, []string{"private-sector", "government"}) || len(b.Power.Carriers) != 0 {
		t.Fatalf("power %+v", b.Power)
	}
	if b.DecisiveClass != "" || b.Relation != RelationPolyarchic {
		t.Errorf("decisive %q relation %q", b.DecisiveClass, b.Relation)
	}
	// Two blocs that each block: each is pivotal in the one winning coalition.
	if g := bloc(b.Power, "government").Banzhaf; g != 0.5 {
		t.Errorf("government's index %v, want 0.5", g)
	}
}

// A decision needs a majority in each house: a class holding one house
// blocks but cannot carry, and nobody is decisive.
func TestPowerHouses(t *testing.T) {
	a, h := seat("a", "firms", 6, "full"), seat("b", "ngos", 7, "full")
	a.House, h.House = "contracted", "non-contracted"
	b := board(charter.Body{ID: "council", Role: "decision", Seats: []charter.Seat{a, h},
		Houses: []charter.House{{ID: "contracted", Name: "C"}, {ID: "non-contracted", Name: "N"}}})
	if len(b.Power.Carriers) != 0 || len(b.Power.Blockers) != 2 || b.DecisiveClass != "" {
		t.Fatalf("power %+v decisive %q", b.Power, b.DecisiveClass)
	}
	if b.Power.Rule != "majority in each house" {
		t.Errorf("rule %q", b.Power.Rule)
	}
	// Without houses the larger class carries alone.
	a.House, h.House = "", ""
	b = board(charter.Body{ID: "council", Role: "decision", Seats: []charter.Seat{a, h}})
	if b.DecisiveClass != "civil-society" {
		t.Errorf("without houses decisive %q, want civil-society", b.DecisiveClass)
	}
}

// Matters decided by another rule: a 60 % class carries ordinary matters
// but not bylaw changes needing three quarters, which the 40 % class blocks.
func TestPowerMatters(t *testing.T) {
	b := board(charter.Body{ID: "council", Role: "decision",
		Seats: []charter.Seat{seat("a", "firms", 6, "full"), seat("b", "ngos", 4, "full")},
		Decision: &charter.Decision{Method: "majority", Matters: []charter.MatterRule{
			{Matter: "bylaws", Method: "supermajority", Threshold: share(0.75)}}}})
	if !reflect.DeepEqual(b.Power.Carriers, []string{"private-sector"}) {
		t.Errorf("ordinary carriers %v", b.Power.Carriers)
	}
	if len(b.Power.Matters) != 1 || b.Power.Matters[0].Matter != "bylaws" || len(b.Power.Matters[0].Carriers) != 0 ||
		!reflect.DeepEqual(b.Power.Matters[0].Blockers, []string{"private-sector", "civil-society"}) {
		t.Errorf("matters %+v", b.Power.Matters)
	}
}

// Weighted votes count as votes, not seats.
func TestPowerWeightedVotes(t *testing.T) {
	heavy := seat("a", "firms", 2, "full")
	heavy.Weight = 3
	b := board(charter.Body{ID: "council", Role: "decision", Seats: []charter.Seat{heavy, seat("b", "ngos", 5, "full")}})
	if b.VotingSeats != 7 || b.TotalVotes != 11 || b.Votes["private-sector"] != 6 || b.DecisiveClass != "private-sector" {
		t.Errorf("seats %d votes %d %v decisive %q", b.VotingSeats, b.TotalVotes, b.Votes, b.DecisiveClass)
	}
}

// Seats elected by a general meeting given by its composition count for
// its majority class, and the reason says so.
func TestCompositionElectorate(t *testing.T) {
	gm := charter.Body{ID: "member-meeting", Role: "nominating", Composition: []charter.Part{
		{Class: "private-sector", Share: 0.95}, {Class: "academia", Share: 0.05}}}
	b := board(charter.Body{ID: "board", Role: "decision", Seats: []charter.Seat{
		{ID: "elected", AppointedBy: "member-meeting", Count: 5, Vote: "full"}, seat("n", "ngos", 2, "full")}}, gm)
	if b.Votes["private-sector"] != 5 || b.DecisiveClass != "private-sector" {
		t.Fatalf("votes %v decisive %q", b.Votes, b.DecisiveClass)
	}
	why := strings.Join(b.Reasons["private-sector"], "; ")
	if !strings.Contains(why, "seats filled by member-meeting (95 % private-sector, 5 % academia)") {
		t.Errorf("reason %q", why)
	}
}

// A liaison speaks for another body: a link, consulted, never a member
// without a vote.
func TestLinks(t *testing.T) {
	l := charter.Seat{ID: "gac-liaison", Actor: "states", Vote: "none", Kind: "liaison", OnBehalfOf: "gac"}
	b := board(charter.Body{ID: "board", Role: "decision", Seats: []charter.Seat{seat("a", "firms", 3, "full"), l}},
		charter.Body{ID: "gac", Role: "advisory", Seats: []charter.Seat{seat("g", "states", 9, "full")}})
	if len(b.NonVotingClasses) != 0 || len(b.Links) != 1 || b.Links[0].OnBehalfOf != "gac" || !reflect.DeepEqual(b.Consulted, []string{"government"}) {
		t.Errorf("non-voting %v links %+v consulted %v", b.NonVotingClasses, b.Links, b.Consulted)
	}
	if b.Relation != RelationSingleClass {
		t.Errorf("relation %q, want single-class", b.Relation)
	}
}

// A veto held by each member of a constituency: the class blocks alone
// even with no vote, and the bloc is marked as holding a veto.
func TestEachMemberVeto(t *testing.T) {
	b := board(charter.Body{ID: "council", Role: "decision",
		Seats:  []charter.Seat{seat("a", "firms", 6, "full"), seat("b", "ngos", 4, "full")},
		Vetoes: []charter.Veto{{ID: "v", Holder: "states", Scope: "admission", Each: true}}})
	if len(b.Vetoes) != 1 || !b.Vetoes[0].Each {
		t.Fatalf("vetoes %+v", b.Vetoes)
	}
	if len(b.Power.Matters) != 1 || b.Power.Matters[0].Matter != "admission" || !strings.Contains(strings.Join(b.Power.Matters[0].Blockers, ","), "government") {
		t.Errorf("admission %+v", b.Power.Matters)
	}
	if strings.Contains(strings.Join(b.Power.Blockers, ","), "government") {
		t.Errorf("an admission veto blocks ordinary decisions: %v", b.Power.Blockers)
	}
}

// Five named incumbent founders with one vote each control a board of
// seven that three classes sit on.
func TestIncumbentCoalition(t *testing.T) {
	var seats []charter.Seat
	for _, id := range []string{"f1", "f2", "f3", "f4", "f5", "uni", "ngo"} {
		seats = append(seats, seat(id+"-seat", id, 1, "full"))
	}
	b := board(charter.Body{ID: "board", Role: "decision", Seats: seats})
	if !reflect.DeepEqual(b.Power.IncumbentCoalition, []string{"f1", "f2", "f3", "f4", "f5"}) {
		t.Errorf("coalition %v", b.Power.IncumbentCoalition)
	}
	if len(b.Power.Organisations) != 7 {
		t.Errorf("organisation blocs %+v", b.Power.Organisations)
	}
}

// Consensus with a fallback vote is judged by the vote; consensus without
// one lets every member block.
func TestConsensusFallback(t *testing.T) {
	seats := []charter.Seat{seat("a", "firms", 7, "full"), seat("b", "ngos", 3, "full")}
	b := board(charter.Body{ID: "c", Role: "decision", Seats: seats, Decision: &charter.Decision{Method: "consensus",
		Fallback: &charter.Rule{Method: "supermajority", Threshold: share(0.667)}}})
	if b.Power.Rule != "consensus, else supermajority of 66.7 %" || b.DecisiveClass != "private-sector" {
		t.Errorf("rule %q decisive %q", b.Power.Rule, b.DecisiveClass)
	}
	b = board(charter.Body{ID: "c", Role: "decision", Seats: seats, Decision: &charter.Decision{Method: "consensus"}})
	if b.DecisiveClass != "" || len(b.Power.Blockers) != 2 {
		t.Errorf("decisive %q blockers %v", b.DecisiveClass, b.Power.Blockers)
	}
}

// Mixed seats are not a bloc: each holder votes on its own, and their
// index is summed on one line.
func TestMixedSeatsVoteSeparately(t *testing.T) {
	b := board(charter.Body{ID: "board", Role: "decision", Seats: []charter.Seat{
		{ID: "nomcom-seats", AppointedBy: "nomcom", Count: 9, Vote: "full"}, seat("t", "techies", 7, "full")}},
		charter.Body{ID: "nomcom", Role: "nominating", Seats: []charter.Seat{seat("n1", "firms", 2, "full"), seat("n2", "ngos", 2, "full")}})
	m := bloc(b.Power, "mixed")
	if m.Votes != 9 || m.Carries || len(b.Power.Blocs) != 2 {
		t.Errorf("blocs %+v", b.Power.Blocs)
	}
	if tc := bloc(b.Power, "technical-community"); tc.Banzhaf <= m.Banzhaf/9 {
		t.Errorf("technical community (7 votes) has index %v, no more than one mixed holder's %v", tc.Banzhaf, m.Banzhaf/9)
	}
}

// Members serving in a personal capacity (an oversight board of
// independent experts) are not a class bloc: civil society holds 11 of 21
// seats, but no one member carries a decision, so no class is decisive and
// the relation is polyarchic. Their indices are summed on the class line.
func TestPowerPersonalCapacity(t *testing.T) {
	personal := func(id, actor string, n int) charter.Seat {
		s := seat(id, actor, n, "full")
		s.Capacity = "personal"
		return s
	}
	b := board(charter.Body{ID: "panel", Role: "decision",
		Seats:    []charter.Seat{personal("a", "ngos", 11), personal("b", "firms", 10)},
		Decision: &charter.Decision{Method: "majority"}})
	if b.Power == nil || len(b.Power.Carriers) != 0 || len(b.Power.Blockers) != 0 {
		t.Fatalf("power %+v", b.Power)
	}
	if b.DecisiveClass != "" || b.Relation != RelationPolyarchic || b.MajorityClass != "civil-society" {
		t.Errorf("decisive %q relation %q majority %q", b.DecisiveClass, b.Relation, b.MajorityClass)
	}
	cs, tc := bloc(b.Power, "civil-society"), bloc(b.Power, "private-sector")
	if cs.Votes != 11 || tc.Votes != 10 || len(b.Power.Blocs) != 2 {
		t.Errorf("blocs %+v", b.Power.Blocs)
	}
	// Symmetric voters: each of the 21 holds 1/21 of the power.
	if want := 0.5238; cs.Banzhaf != want {
		t.Errorf("civil society's index %v, want %v", cs.Banzhaf, want)
	}
	if got := b.Reasons["civil-society"]; !reflect.DeepEqual(got, []string{"11 of 21 votes in seats held in a personal capacity, each voting alone"}) {
		t.Errorf("reasons %q", got)
	}
	// The same seats as class delegates: civil society carries alone, a
	// dominant class, though it has no authority over the others.
	b = board(charter.Body{ID: "panel", Role: "decision",
		Seats:    []charter.Seat{seat("a", "ngos", 11, "full"), seat("b", "firms", 10, "full")},
		Decision: &charter.Decision{Method: "majority"}})
	if b.DecisiveClass != "civil-society" || b.Relation != RelationPolyarchic || b.Authority != "" {
		t.Errorf("as delegates: decisive %q relation %q", b.DecisiveClass, b.Relation)
	}
}
