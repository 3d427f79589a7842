package facts

import (
	"slices"
	"strings"

	"github.com/charterlint/charterlint/internal/charter"
)

// The classes of actors in Raymond and DeNardis's theory of
// multistakeholderism (International Theory 7(3), 2015), on which
// charterlint decides whether a body is multistakeholder: states, formal
// intergovernmental organisations, firms and civil society. A charter's six
// stakeholder groups, those of WSIS and NETmundial practice, map onto them
// (TheoryClass); technical experts and academics acting in their own
// capacity fall under civil society, as the authors place them.
const (
	TheoryState        = "state"
	TheoryIGO          = "igo"
	TheoryFirm         = "firm"
	TheoryCivilSociety = "civil-society"
)

// TheoryClass is the theory's class of an actor of a stakeholder group
// that acts as actsAs (actor.actsAs, "" for the default): governments are
// states, intergovernmental organisations IGOs, the private sector firms;
// civil society, the technical community and academia are civil society,
// except a technical or academic actor that acts as a firm.
func TheoryClass(group, actsAs string) string {
	switch group {
	case charter.ClassGovernment:
		return TheoryState
	case charter.ClassIntergovernmental:
		return TheoryIGO
	case charter.ClassPrivateSector:
		return TheoryFirm
	case charter.ClassTechnicalCommunity, charter.ClassAcademia:
		if actsAs == TheoryFirm {
			return TheoryFirm
		}
	}
	return TheoryCivilSociety
}

// theoryClasses are the theory's classes behind a body's power classes.
// A technical-community or academic group stands for the classes its
// actors act as: those with a voting seat on the body, taking part in it
// when it is open, or holding a veto over it; when none of its actors is
// there (its power comes through binding advice or appointment), those of
// all the charter's actors of the group.
func (d *deriver) theoryClasses(b charter.Body, power []string) []string {
	set := make(wordSet, 0, 4)
	for _, g := range power {
		switch g {
		case Mixed:
		case charter.ClassTechnicalCommunity, charter.ClassAcademia:
			found := false
			add := func(id string) {
				if a, ok := d.f.Actors[id]; ok && a.Class == g {
					set, found = set.add(a.TheoryClass), true
				}
			}
			for _, s := range b.Seats {
				if s.Vote != charter.VoteNone {
					add(s.Actor)
				}
			}
			if b.Open {
				for _, p := range b.Participants {
					add(p)
				}
			}
			for _, v := range b.Vetoes {
				add(v.Holder)
			}
			if !found {
				for _, a := range d.c.Actors {
					add(a.ID)
				}
			}
		default:
			set = set.add(TheoryClass(g, ""))
		}
	}
	return theoryCanonical(set)
}

// theoryCanonical returns the theory classes of set in the theory's order:
// state, IGO, firm, civil society.
func theoryCanonical(set wordSet) []string {
	out := slices.Clone([]string(set))
	slices.SortFunc(out, func(a, b string) int { return theoryRank(a) - theoryRank(b) })
	return out
}

func theoryRank(c string) int {
	switch c {
	case TheoryState:
		return 0
	case TheoryIGO:
		return 1
	case TheoryFirm:
		return 2
	}
	return 3
}

// theoryNames are the theory's classes as a sentence names them.
func theoryName(c string) string {
	switch c {
	case TheoryState:
		return "states"
	case TheoryIGO:
		return "IGOs"
	case TheoryFirm:
		return "firms"
	}
	return "civil society"
}

// VarietyName names a variety of multistakeholderism in the theory's
// terms, from the theory classes that hold power, the authority relation
// among them and the stakeholder group with authority, if any: "firms and
// civil society, polyarchic", "states and firms, hierarchical under
// states", "civil society, single class", "IGO authority, single class",
// "nobody decides".
func VarietyName(theory []string, relation, authority string) string {
	if len(theory) == 0 || relation == RelationNone {
		return "nobody decides"
	}
	if len(theory) == 1 {
		if theory[0] == TheoryIGO {
			return "IGO authority, single class"
		}
		return theoryName(theory[0]) + ", single class"
	}
	names := make([]string, len(theory))
	for i, c := range theory {
		names[i] = theoryName(c)
	}
	text := strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1] + ", " + relation
	if relation == RelationHierarchical && authority != "" && authority != Mixed {
		text += " under " + theoryName(TheoryClass(authority, ""))
	}
	return text
}
