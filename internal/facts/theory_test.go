package facts

import (
	"reflect"
	"testing"

	"github.com/charterlint/charterlint/internal/charter"
)

// theoryCharter is a charter whose one deciding body has the given seats,
// among actors of every kind the theory tells apart.
func theoryCharter(seats ...charter.Seat) *charter.Charter {
	return &charter.Charter{
		Modality: "multistakeholder",
		Actors: append(actors(),
			charter.Actor{ID: "scholars", Class: "academia"},
			charter.Actor{ID: "registry", Class: "technical-community", Kind: "organisation", ActsAs: "firm"},
			charter.Actor{ID: "secretariat", Class: "intergovernmental", Kind: "organisation"}),
		Bodies:    []charter.Body{{ID: "council", Role: "decision", Seats: seats}},
		Functions: []charter.Function{fn("policy", "standards-setting", "multistakeholder", "council")},
	}
}

// A body of engineers and academics is one class of the theory (civil
// society): single class, the technical community's modality, not
// multistakeholder, however many stakeholder groups it counts.
func TestEngineersAndAcademicsAreOneClass(t *testing.T) {
	f := Derive(theoryCharter(seat("e", "techies", 5, "full"), seat("a", "scholars", 4, "full")), nil)
	b := f.Bodies["council"]
	if !reflect.DeepEqual(b.PowerClasses, []string{"technical-community", "academia"}) {
		t.Fatalf("power classes %v", b.PowerClasses)
	}
	if !reflect.DeepEqual(b.TheoryClasses, []string{TheoryCivilSociety}) || b.Relation != RelationSingleClass ||
		b.EffectiveModality != charter.ModalityTechnicalCommunity || b.Authority != "" {
		t.Errorf("theory %v relation %q modality %q authority %q", b.TheoryClasses, b.Relation, b.EffectiveModality, b.Authority)
	}
	fn := f.Functions["policy"]
	if fn.Variety != "civil society, single class" || fn.Relation != RelationSingleClass {
		t.Errorf("function variety %q relation %q", fn.Variety, fn.Relation)
	}
	if f.Variety.Name != "civil society, single class" || f.Variety.Relation != RelationSingleClass ||
		f.Variety.EffectiveModality != charter.ModalityTechnicalCommunity {
		t.Errorf("charter variety %+v", f.Variety)
	}
	if got := f.Actors["scholars"].TheoryClass; got != TheoryCivilSociety {
		t.Errorf("academia acts as %q", got)
	}
}

// A technical body that is a firm (actsAs) beside civil society makes two
// classes: multistakeholder, with the variety named in the theory's terms.
func TestTechnicalFirmBesideCivilSociety(t *testing.T) {
	f := Derive(theoryCharter(seat("r", "registry", 3, "full"), seat("n", "ngos", 3, "full"), seat("e", "techies", 3, "full")), nil)
	b := f.Bodies["council"]
	if !reflect.DeepEqual(b.TheoryClasses, []string{TheoryFirm, TheoryCivilSociety}) ||
		b.EffectiveModality != charter.ModalityMultistakeholder || b.Relation != RelationPolyarchic {
		t.Errorf("theory %v modality %q relation %q", b.TheoryClasses, b.EffectiveModality, b.Relation)
	}
	if got := f.Functions["policy"].Variety; got != "firms and civil society, polyarchic" {
		t.Errorf("variety %q", got)
	}
	// The registry alone: a firm, though of the technical community, and
	// judged as firms deciding alone are (private).
	f = Derive(theoryCharter(seat("r", "registry", 3, "full")), nil)
	if b := f.Bodies["council"]; !reflect.DeepEqual(b.TheoryClasses, []string{TheoryFirm}) || b.EffectiveModality != charter.ModalityPrivate {
		t.Errorf("registry alone: theory %v modality %q", b.TheoryClasses, b.EffectiveModality)
	}
}

// States and firms under a state veto: hierarchical under states. An IGO
// secretariat deciding alone is IGO authority, not a multilateral body.
func TestVarietyNames(t *testing.T) {
	c := theoryCharter(seat("s", "states", 3, "full"), seat("f", "firms", 3, "full"))
	c.Bodies[0].Vetoes = []charter.Veto{{ID: "v", Holder: "ministry", Scope: "all"}}
	f := Derive(c, nil)
	if got := f.Functions["policy"].Variety; got != "states and firms, hierarchical under states" {
		t.Errorf("variety %q", got)
	}
	f = Derive(theoryCharter(seat("x", "secretariat", 1, "full")), nil)
	if got := f.Functions["policy"].Variety; got != "IGO authority, single class" {
		t.Errorf("variety %q", got)
	}
	for _, tc := range []struct {
		theory    []string
		relation  string
		authority string
		want      string
	}{
		{nil, RelationNone, "", "nobody decides"},
		{[]string{TheoryState, TheoryFirm, TheoryCivilSociety}, RelationPolyarchic, "", "states, firms and civil society, polyarchic"},
		{[]string{TheoryState, TheoryIGO}, RelationHierarchical, TheoryIGO, "states and IGOs, hierarchical under IGOs"},
		{[]string{TheoryFirm, TheoryCivilSociety}, RelationHierarchical, "", "firms and civil society, hierarchical"},
	} {
		if got := VarietyName(tc.theory, tc.relation, tc.authority); got != tc.want {
			t.Errorf("VarietyName(%v, %s, %q) = %q, want %q", tc.theory, tc.relation, tc.authority, got, tc.want)
		}
	}
}

func TestTheoryClass(t *testing.T) {
	for _, tc := range []struct{ group, actsAs, want string }{
		{"government", "", TheoryState},
		{"intergovernmental", "", TheoryIGO},
		{"private-sector", "", TheoryFirm},
		{"civil-society", "", TheoryCivilSociety},
		{"technical-community", "", TheoryCivilSociety},
		{"technical-community", "firm", TheoryFirm},
		{"academia", "civil-society", TheoryCivilSociety},
		{"academia", "firm", TheoryFirm},
	} {
		if got := TheoryClass(tc.group, tc.actsAs); got != tc.want {
			t.Errorf("TheoryClass(%s, %q) = %s, want %s", tc.group, tc.actsAs, got, tc.want)
		}
	}
}

// The theory's classes come through the same channels as power: full
// votes and open participation, vetoes over everything, binding advice and
// the bodies that fill seats. A limited vote or a veto over admissions
// adds no class, and a group no actor stands behind counts as its default
// class.
func TestTheoryClassesFollowPower(t *testing.T) {
	firmEngineers := charter.Actor{ID: "vendor-engineers", Class: "technical-community", ActsAs: "firm"}
	derive := func(bodies ...charter.Body) *BodyFacts {
		c := theoryCharter()
		c.Actors = append(c.Actors, firmEngineers)
		c.Bodies = bodies
		return Derive(c, nil).Bodies["council"]
	}
	check := func(name string, b *BodyFacts, theory []string, modality, relation string) {
		t.Helper()
		if !reflect.DeepEqual(b.TheoryClasses, theory) || b.EffectiveModality != modality || b.Relation != relation {
			t.Errorf("%s: theory %v modality %q relation %q, want %v %q %q", name, b.TheoryClasses, b.EffectiveModality, b.Relation, theory, modality, relation)
		}
	}
	limited := seat("v", "vendor-engineers", 2, "limited")
	check("limited vote", derive(charter.Body{ID: "council", Role: "decision",
		Seats: []charter.Seat{seat("e", "techies", 5, "full"), limited}}),
		[]string{TheoryCivilSociety}, charter.ModalityTechnicalCommunity, RelationSingleClass)
	check("veto over admissions", derive(charter.Body{ID: "council", Role: "decision",
		Seats:  []charter.Seat{seat("e", "techies", 5, "full")},
		Vetoes: []charter.Veto{{ID: "v", Holder: "vendor-engineers", Scope: "admission"}}}),
		[]string{TheoryCivilSociety}, charter.ModalityTechnicalCommunity, RelationSingleClass)
	check("veto over all", derive(charter.Body{ID: "council", Role: "decision",
		Seats:  []charter.Seat{seat("e", "techies", 5, "full")},
		Vetoes: []charter.Veto{{ID: "v", Holder: "vendor-engineers", Scope: "all"}}}),
		[]string{TheoryFirm, TheoryCivilSociety}, charter.ModalityMultistakeholder, RelationHierarchical)
	// Binding advice from a panel of firms' engineers: the firm class, not
	// the volunteers of an unrelated working group.
	c := theoryCharter()
	c.Actors = append(c.Actors, firmEngineers)
	c.Bodies = []charter.Body{
		{ID: "council", Role: "decision", Seats: []charter.Seat{seat("s", "states", 3, "full")}},
		{ID: "panel", Role: "advisory", Seats: []charter.Seat{seat("p", "vendor-engineers", 3, "full")}},
		{ID: "wg", Role: "advisory", Open: true, Participants: []string{"techies"}},
	}
	c.Advice = []charter.Advice{{ID: "a", From: "panel", To: "council", Weight: "binding"}}
	b := Derive(c, nil).Bodies["council"]
	check("binding advice", b, []string{TheoryState, TheoryFirm}, charter.ModalityMultistakeholder, RelationPolyarchic)
	// A nominating committee of firms' engineers fills the seats.
	check("nominated", derive(
		charter.Body{ID: "council", Role: "decision", Seats: []charter.Seat{{ID: "n", AppointedBy: "nomcom", Count: 5, Vote: "full"}}},
		charter.Body{ID: "nomcom", Role: "nominating", Seats: []charter.Seat{seat("p", "vendor-engineers", 3, "full")}},
		charter.Body{ID: "wg", Role: "advisory", Open: true, Participants: []string{"techies"}}),
		[]string{TheoryFirm}, charter.ModalityPrivate, RelationSingleClass)
	// An electorate known only by its make-up: no actor stands behind the
	// technical community, which counts as civil society.
	check("composition", derive(
		charter.Body{ID: "council", Role: "decision", Seats: []charter.Seat{{ID: "n", AppointedBy: "meeting", Count: 5, Vote: "full"}}},
		charter.Body{ID: "meeting", Role: "nominating", Composition: []charter.Part{{Class: "technical-community", Share: 1}}}),
		[]string{TheoryCivilSociety}, charter.ModalityTechnicalCommunity, RelationSingleClass)
	// A technical firm that chooses every member, or alone can recall
	// them, holds power through them, as a firm: hierarchical under firms.
	chosen := charter.Body{ID: "council", Role: "decision", Seats: []charter.Seat{seat("e", "techies", 5, "full")}}
	chosen.Seats[0].Selection = &charter.Selection{Method: "appointment", By: []string{"vendor-engineers"}}
	b = derive(chosen)
	check("chooser of all", b, []string{TheoryFirm, TheoryCivilSociety}, charter.ModalityMultistakeholder, RelationHierarchical)
	if b.AuthorityTheory != TheoryFirm {
		t.Errorf("chooser of all: authority %q, want firm", b.AuthorityTheory)
	}
	c = theoryCharter()
	c.Actors = append(c.Actors, firmEngineers)
	c.Bodies = []charter.Body{{ID: "council", Role: "decision", Seats: []charter.Seat{seat("e", "techies", 5, "full")}}}
	c.Accountability = &charter.Accountability{Recall: &charter.Recall{By: []string{"vendor-engineers"}, Of: []string{"council"}}}
	f := Derive(c, nil)
	check("recaller", f.Bodies["council"], []string{TheoryFirm, TheoryCivilSociety}, charter.ModalityMultistakeholder, RelationHierarchical)
	if got := f.Functions["policy"].Variety; got != "firms and civil society, hierarchical under firms" {
		t.Errorf("recaller: variety %q", got)
	}
	// A firm's veto over the volunteers' decisions: the authority is the
	// firm's, though both are of the technical community.
	vetoed := charter.Body{ID: "council", Role: "decision", Seats: []charter.Seat{seat("e", "techies", 5, "full")},
		Vetoes: []charter.Veto{{ID: "v", Holder: "vendor-engineers", Scope: "all"}}}
	if b := derive(vetoed); b.AuthorityTheory != TheoryFirm {
		t.Errorf("veto: authority %q, want firm", b.AuthorityTheory)
	}
	// One group, two classes: volunteers and a technical firm share power.
	check("one group, two classes", derive(charter.Body{ID: "council", Role: "decision",
		Seats: []charter.Seat{seat("e", "techies", 3, "full"), seat("v", "vendor-engineers", 3, "full")}}),
		[]string{TheoryFirm, TheoryCivilSociety}, charter.ModalityMultistakeholder, RelationPolyarchic)
}

// Two bodies, each decided by one class, make no relation between
// classes: the charter is single-class on each body, and its name says so.
func TestCharterOfSeparateSingleClasses(t *testing.T) {
	c := theoryCharter(seat("s", "states", 3, "full"))
	c.Bodies = append(c.Bodies, charter.Body{ID: "forum", Role: "decision", Seats: []charter.Seat{seat("n", "ngos", 4, "full")}})
	c.Functions = append(c.Functions, fn("content", "information-intermediaries", "multistakeholder", "forum"))
	v := Derive(c, nil).Variety
	if v.Relation != RelationSingleClass || v.Name != "states and civil society, each alone on its own bodies" || v.EffectiveModality != Mixed {
		t.Errorf("relation %q name %q modality %q", v.Relation, v.Name, v.EffectiveModality)
	}
}

// The governmental votes of a body belong to one state when one ministry,
// or ministries naming one state, hold them, whoever else votes beside
// them; a constituency of governments or a second state does not.
func TestOneState(t *testing.T) {
	c := theoryCharter(seat("m", "ministry", 5, "full"), seat("n", "ngos", 4, "full"))
	c.Actors = append(c.Actors,
		charter.Actor{ID: "regulator", Class: "government", Kind: "organisation", State: "FR"},
		charter.Actor{ID: "ministere", Class: "government", Kind: "organisation", State: "FR"},
		charter.Actor{ID: "bundesamt", Class: "government", Kind: "organisation", State: "DE"})
	if b := Derive(c, nil).Bodies["council"]; !b.OneState || b.EffectiveModality != charter.ModalityMultistakeholder {
		t.Errorf("ministry and community: one state %v, modality %q", b.OneState, b.EffectiveModality)
	}
	for name, seats := range map[string][]charter.Seat{
		"constituency of governments": {seat("s", "states", 5, "full"), seat("n", "ngos", 4, "full")},
		"two states":                  {seat("r", "regulator", 2, "full"), seat("b", "bundesamt", 2, "full"), seat("n", "ngos", 4, "full")},
		"an IGO beside":               {seat("r", "regulator", 2, "full"), seat("x", "secretariat", 1, "full")},
		"no government":               {seat("n", "ngos", 4, "full")},
	} {
		c.Bodies[0].Seats = seats
		if Derive(c, nil).Bodies["council"].OneState {
			t.Errorf("%s: one state", name)
		}
	}
	c.Bodies[0].Seats = []charter.Seat{seat("r", "regulator", 2, "full"), seat("f", "ministere", 2, "full"), seat("n", "ngos", 4, "full")}
	if !Derive(c, nil).Bodies["council"].OneState {
		t.Errorf("two ministries of one state: not one state")
	}
	// The community's seats are filled by an open meeting of the
	// community: still one state. Another state's veto over all
	// decisions, or its taking part in an open body, makes two.
	c.Bodies = []charter.Body{
		{ID: "council", Role: "decision", Seats: []charter.Seat{seat("r", "regulator", 5, "full"), {ID: "c", AppointedBy: "meeting", Count: 4, Vote: "full"}}},
		{ID: "meeting", Role: "nominating", Open: true, Participants: []string{"ngos", "techies"}},
	}
	if !Derive(c, nil).Bodies["council"].OneState {
		t.Errorf("seats filled by the community's meeting: not one state")
	}
	c.Bodies[0].Vetoes = []charter.Veto{{ID: "v", Holder: "bundesamt", Scope: "all"}}
	if Derive(c, nil).Bodies["council"].OneState {
		t.Errorf("another state's veto: one state")
	}
	c.Bodies[0].Vetoes = nil
	c.Bodies[0].Open, c.Bodies[0].Participants = true, []string{"bundesamt"}
	if Derive(c, nil).Bodies["council"].OneState {
		t.Errorf("another state taking part: one state")
	}
}

// A class of the theory can carry a decision alone where no stakeholder
// group can: a registry acting as a firm votes with the private sector.
func TestDecisiveTheoryClass(t *testing.T) {
	tests := []struct {
		name  string
		seats []charter.Seat
		want  *TheoryBloc
	}{
		{"firms across two groups", []charter.Seat{seat("f", "firms", 3, "full"), seat("r", "registry", 3, "full"), seat("n", "ngos", 1, "full")},
			&TheoryBloc{Class: TheoryFirm, Groups: []string{"private-sector", "technical-community"}, Votes: 6, Others: []string{TheoryCivilSociety}}},
		// The theory's default puts engineers and academics with civil
		// society; balance among stakeholder groups is left as it is.
		{"engineers and academics with civil society by default", []charter.Seat{seat("f", "firms", 3, "full"), seat("e", "techies", 2, "full"), seat("a", "scholars", 2, "full")}, nil},
		{"no class of the theory has a majority", []charter.Seat{seat("f", "firms", 4, "full"), seat("r", "registry", 1, "full"), seat("n", "ngos", 3, "full"), seat("e", "techies", 2, "full")}, nil},
		{"a group carries alone: its own finding", []charter.Seat{seat("f", "firms", 5, "full"), seat("r", "registry", 1, "full"), seat("n", "ngos", 3, "full")}, nil},
		{"one group per class", []charter.Seat{seat("f", "firms", 3, "full"), seat("n", "ngos", 3, "full")}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := Derive(theoryCharter(tt.seats...), nil).Bodies["council"]
			if !reflect.DeepEqual(b.DecisiveTheory, tt.want) {
				t.Errorf("decisive theory %+v, want %+v (decisive group %q)", b.DecisiveTheory, tt.want, b.DecisiveClass)
			}
		})
	}
}

// The reasons name the actors that act otherwise than their group: they
// are why a class of the theory holds power.
func TestReasonsNameActorsActingAsFirms(t *testing.T) {
	b := Derive(theoryCharter(seat("r", "registry", 3, "full"), seat("e", "techies", 2, "full"), seat("n", "ngos", 3, "full")), nil).Bodies["council"]
	want := []string{"holds 5 of 8 votes in its own seats", "acts as firms through registry (actsAs)"}
	if got := b.Reasons["technical-community"]; !reflect.DeepEqual(got, want) {
		t.Errorf("technical-community reasons %q, want %q", got, want)
	}
	if got := b.Reasons["civil-society"]; len(got) != 1 {
		t.Errorf("civil-society reasons %q", got)
	}
}

// A veto held by a group inside the class counts for the class: the
// theory's game names the holder by its class, not as a bloc of its own
// without votes that would block the class.
func TestDecisiveTheoryClassWithItsOwnVeto(t *testing.T) {
	c := theoryCharter(seat("f", "firms", 3, "full"), seat("r", "registry", 3, "full"), seat("n", "ngos", 1, "full"))
	c.Bodies[0].Vetoes = []charter.Veto{{ID: "v", Holder: "firms", Scope: "all"}}
	b := Derive(c, nil).Bodies["council"]
	want := &TheoryBloc{Class: TheoryFirm, Groups: []string{"private-sector", "technical-community"}, Votes: 6, Others: []string{TheoryCivilSociety}}
	if !reflect.DeepEqual(b.DecisiveTheory, want) {
		t.Errorf("decisive theory %+v, want %+v", b.DecisiveTheory, want)
	}
	// A veto held by civil society stops the firms carrying alone.
	c.Bodies[0].Vetoes[0].Holder = "ngos"
	if b := Derive(c, nil).Bodies["council"]; b.DecisiveTheory != nil {
		t.Errorf("decisive theory %+v under civil society's veto, want none", b.DecisiveTheory)
	}
}
