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
	// The registry alone: a firm, though of the technical community.
	f = Derive(theoryCharter(seat("r", "registry", 3, "full")), nil)
	if b := f.Bodies["council"]; !reflect.DeepEqual(b.TheoryClasses, []string{TheoryFirm}) || b.EffectiveModality != charter.ModalityTechnicalCommunity {
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
		{[]string{TheoryState, TheoryIGO}, RelationHierarchical, "intergovernmental", "states and IGOs, hierarchical under IGOs"},
		{[]string{TheoryFirm, TheoryCivilSociety}, RelationHierarchical, Mixed, "firms and civil society, hierarchical"},
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
