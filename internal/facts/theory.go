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

// theoryClasses are the theory's classes behind a body's power classes,
// found through the same channels as the power: the full votes and open
// participation of the body (resolve), vetoes over all its decisions, and
// the bodies whose advice binds it. Each stakeholder group stands for the
// classes its actors there act as; a group no actor stands behind (a
// composition, governments that choose or recall the members) stands for
// its default class (TheoryClass with no actsAs).
func (d *deriver) theoryClasses(b charter.Body, bf *BodyFacts) []string {
	behind := map[string]wordSet{}
	if bf.VotingSeats > 0 || b.Open {
		mergeTheory(behind, d.resolve(b.ID).theory)
	}
	for _, v := range b.Vetoes {
		if v.Scope == "all" {
			mergeTheory(behind, d.theoryBehind(v.Holder))
		}
	}
	for _, from := range bf.BindingAdviceFrom {
		mergeTheory(behind, d.theoryBehind(from))
	}
	// Those who choose the voting members or can recall them hold power
	// through them when power() says so: one class that chooses every
	// member, governments that choose members of other classes, and
	// governments or a single class that can recall the members.
	all := chooserOfAll(bf)
	chooser := func(g string) bool { return g == all || charter.Governmental(g) && slices.Contains(bf.Choosers, g) }
	for _, w := range d.appointers(b) {
		mergeTheoryIf(behind, d.theoryBehind(w), chooser)
	}
	recaller := func(g string) bool {
		return charter.Governmental(g) || len(bf.RecalledBy) == 1 && bf.RecalledBy[0] == g
	}
	for _, w := range d.recallerIDs(b.ID) {
		mergeTheoryIf(behind, d.theoryBehind(w), recaller)
	}
	set := make(wordSet, 0, 4)
	for _, g := range bf.PowerClasses {
		if g == Mixed {
			continue
		}
		classes := behind[g]
		if len(classes) == 0 {
			classes = wordSet{TheoryClass(g, "")}
		}
		for _, t := range classes {
			set = set.add(t)
		}
	}
	return theoryCanonical(set)
}

// appointers are the actors and bodies that choose the holders of the
// body's voting seats.
func (d *deriver) appointers(b charter.Body) []string {
	var out wordSet
	bf := d.f.Bodies[b.ID]
	for _, s := range b.Seats {
		if s.Vote == charter.VoteFull {
			for _, w := range bf.Appointers[s.ID] {
				out = out.add(w)
			}
		}
	}
	return out
}

// recallerIDs are the actors and bodies that can recall the body's
// members (accountability.recall).
func (d *deriver) recallerIDs(body string) []string {
	if acc := d.c.Accountability; acc != nil && acc.Recall != nil && slices.Contains(acc.Recall.Of, body) {
		return acc.Recall.By
	}
	return nil
}

// authorityTheory is the theory's class of whoever has authority over a
// hierarchical body: the holder of the veto over all decisions, those who
// choose every voting member, or those who can recall them, as relation
// found it, when they are all of one class; else the authority group's
// usual class.
func (d *deriver) authorityTheory(b charter.Body, bf *BodyFacts, via authorityChannel) string {
	g := bf.Authority
	if bf.Relation != RelationHierarchical || g == "" || g == Mixed {
		return ""
	}
	var ids []string
	switch via {
	case viaVeto:
		for _, v := range bf.Vetoes {
			if v.Scope == "all" && len(v.Classes) == 1 && v.Classes[0] == g {
				ids = append(ids, v.Holder)
			}
		}
	case viaChoice:
		ids = d.appointers(b)
	case viaRecall:
		ids = d.recallerIDs(b.ID)
	}
	set := make(wordSet, 0, 2)
	for _, id := range ids {
		for _, t := range d.theoryBehind(id)[g] {
			set = set.add(t)
		}
	}
	if len(set) == 1 {
		return set[0]
	}
	return TheoryClass(g, "")
}

// actsOtherwise reports whether an actor acts as another class of the
// theory than its group usually does (actor.actsAs: a technical or
// academic actor that acts as a firm).
func actsOtherwise(a ActorFacts) bool { return a.TheoryClass != TheoryClass(a.Class, "") }

// theoryUnion is every class of the theory in a by-group map
// (theoryBehind, seatTheory), whatever the group.
func theoryUnion(m map[string]wordSet) wordSet {
	var set wordSet
	for _, ts := range m {
		for _, t := range ts {
			set = set.add(t)
		}
	}
	return set
}

// theoryBehind is, by stakeholder group, the theory's classes behind an
// actor or a body's voters.
func (d *deriver) theoryBehind(id string) map[string]wordSet {
	if a, ok := d.f.Actors[id]; ok {
		return map[string]wordSet{a.Class: {a.TheoryClass}}
	}
	if _, ok := d.f.Bodies[id]; ok {
		return d.resolve(id).theory
	}
	return nil
}

// seatTheory is, by stakeholder group, the theory's classes behind a seat
// group: its actor's, or those of the appointing body's voters of the
// groups the seat counts under (behind, from seatClass).
func (d *deriver) seatTheory(s charter.Seat, behind []string) map[string]wordSet {
	if s.Actor != "" {
		return d.theoryBehind(s.Actor)
	}
	if s.AppointedBy == "" {
		return nil
	}
	from := d.resolve(s.AppointedBy).theory
	out := make(map[string]wordSet, len(behind))
	for _, g := range behind {
		if t := from[g]; len(t) > 0 {
			out[g] = t
		}
	}
	return out
}

// addTheory records that an actor of group g acts as theory class t.
func addTheory(m map[string]wordSet, g, t string) { m[g] = m[g].add(t) }

// mergeTheory adds the theory classes of from to m, group by group.
func mergeTheory(m, from map[string]wordSet) {
	mergeTheoryIf(m, from, func(string) bool { return true })
}

// mergeTheoryIf adds those of the groups keep accepts.
func mergeTheoryIf(m, from map[string]wordSet, keep func(group string) bool) {
	for g, ts := range from {
		if !keep(g) {
			continue
		}
		for _, t := range ts {
			addTheory(m, g, t)
		}
	}
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
// among them and the theory class with authority, if any: "firms and
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
	text := strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
	if relation == RelationSingleClass {
		// Several bodies, each decided by one class: no two classes share
		// power anywhere.
		return text + ", each alone on its own bodies"
	}
	text += ", " + relation
	if relation == RelationHierarchical && authority != "" {
		text += " under " + theoryName(authority)
	}
	return text
}
