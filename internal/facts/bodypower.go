package facts

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/charterlint/charterlint/internal/charter"
)

// PowerFacts are what coalitions can do on one body under its decision
// rules: the normalised Banzhaf index of each bloc (Banzhaf 1965; Penrose
// 1946) and which blocs can carry or block a decision alone.
type PowerFacts struct {
	// Rule describes the rule for ordinary decisions, e.g. "majority in
	// each house" or "consensus; every member can block".
	Rule string `json:"rule"`
	// Blocs are the actor classes ("mixed" included) and any veto holder
	// that speaks for several classes, each voting as one bloc.
	Blocs []BlocFacts `json:"blocs"`
	// Organisations repeats the game with each named organisation as a
	// bloc of its own and the other votes by class; empty when no named
	// organisation votes.
	Organisations []BlocFacts `json:"organisations"`
	// Carriers and Blockers name the class blocs that can carry, or
	// block, an ordinary decision alone.
	Carriers []string `json:"carriers"`
	Blockers []string `json:"blockers"`
	// Matters are the carriers and blockers for matters decided by
	// another rule or subject to a veto of their own.
	Matters []MatterPower `json:"matters"`
	// IncumbentCoalition names the incumbent named organisations when,
	// together, they can carry an ordinary decision; empty otherwise.
	IncumbentCoalition []string `json:"incumbentCoalition"`
	// Note says why the index could not be computed exactly, or "".
	Note string `json:"note"`
}

// BlocFacts are one bloc's votes and power.
type BlocFacts struct {
	Name         string  `json:"name"`
	Class        string  `json:"class"`
	Organisation bool    `json:"organisation"`
	Incumbent    bool    `json:"incumbent"`
	Votes        int     `json:"votes"`
	Share        float64 `json:"share"`
	Banzhaf      float64 `json:"banzhaf"`
	Carries      bool    `json:"carries"`
	Blocks       bool    `json:"blocks"`
	Veto         bool    `json:"veto"`
}

// MatterPower are the carriers and blockers for one kind of matter.
type MatterPower struct {
	Matter   string   `json:"matter"`
	Rule     string   `json:"rule"`
	Carriers []string `json:"carriers"`
	Blockers []string `json:"blockers"`
}

// maxHolders is how many holders of seats that vote alone (mixed seats
// and seats held in a personal capacity) a body may have for each to count
// as a voter of its own; holderPrefix begins their bloc names, followed by
// the line solve merges them into.
const (
	maxHolders   = 500
	holderPrefix = "\x00holder:"
)

// TheoryBloc is a class of the theory made up of the voting seats of
// several stakeholder groups (BodyFacts.DecisiveTheory).
type TheoryBloc struct {
	Class string `json:"class"`
	// Groups are the stakeholder groups whose voting seats count under
	// Class, in canonical order.
	Groups []string `json:"groups"`
	// Votes are Class's full votes, of BodyFacts.TotalVotes.
	Votes int `json:"votes"`
	// Others are the other classes of the theory that vote on the body,
	// in the theory's order, "mixed" for seats of no one class.
	Others []string `json:"others"`
}

// decisiveTheory finds the class of the theory that carries an ordinary
// decision alone on a body where no stakeholder group does. Only a class
// that gathers the voting seats of two or more groups, one of them held
// by an actor that acts otherwise than its group usually does
// (actor.actsAs), counts: engineers acting as firms with the private
// sector. The theory's default, which
// puts engineers and academics with civil society, is left to the
// stakeholder groups, the unit of balance in practice: otherwise every
// board of three civil-society, three technical and three industry seats
// would be dominated. For other bodies no second game is played.
func (d *deriver) decisiveTheory(b charter.Body, bf *BodyFacts) *TheoryBloc {
	groups := map[string]wordSet{} // theory class -> the groups voting under it
	stated := map[string]bool{}    // theory class -> an actor's actsAs puts seats in it
	for _, s := range b.Seats {
		if s.Vote == charter.VoteFull && !s.Personal() {
			if t := d.seatTheoryClass(s); t != Mixed {
				class, _ := d.seatClass(s)
				groups[t] = groups[t].add(class)
				stated[t] = stated[t] || s.Actor != "" && actsOtherwise(d.f.Actors[s.Actor])
			}
		}
	}
	counts := func(t string) bool { return len(groups[t]) > 1 && stated[t] }
	found := false
	for t := range groups {
		found = found || counts(t)
	}
	if !found {
		return nil
	}
	ordinary, _ := ordinaryRule(b)
	g, blocs := d.game(b, bf, ordinary, "all", d.seatTheoryClass, d.holderTheoryClass)
	solved := solve(g, blocs, false, nil)
	for _, x := range solved {
		if x.Carries && x.Name != Mixed && counts(x.Name) {
			var others wordSet
			for _, y := range solved {
				if y.Name != x.Name && y.Votes > 0 {
					others = others.add(y.Name)
				}
			}
			return &TheoryBloc{Class: x.Name, Groups: canonical(groups[x.Name]), Votes: x.Votes, Others: theoryCanonical(others)}
		}
	}
	return nil
}

// holderTheoryClass is the theory's class of a veto's holder: an actor's,
// or the one class behind a body's voters; Mixed when there are several.
func (d *deriver) holderTheoryClass(id string) string {
	if set := theoryUnion(d.theoryBehind(id)); len(set) == 1 {
		return set[0]
	}
	return Mixed
}

// seatTheoryClass is the theory's class a voting seat group counts under:
// its actor's, or the one class behind the appointing body's voters of
// the groups the seat counts under; Mixed when there are several.
func (d *deriver) seatTheoryClass(s charter.Seat) string {
	class, behind := d.seatClass(s)
	if class == Mixed {
		return Mixed
	}
	switch set := theoryUnion(d.seatTheory(s, behind)); len(set) {
	case 0:
		return TheoryClass(class, "")
	case 1:
		return set[0]
	}
	return Mixed
}

// matters are the kinds of matter a rule or a veto can single out.
var matters = []string{"admission", "budget", "bylaws", "appointments"}

// votingPower builds and solves the voting games of a body; nil when
// nobody votes on it.
func (d *deriver) votingPower(b charter.Body, bf *BodyFacts) *PowerFacts {
	if bf.TotalVotes == 0 {
		return nil
	}
	ordinary, text := ordinaryRule(b)
	p := &PowerFacts{Rule: text, Matters: []MatterPower{}, IncumbentCoalition: []string{}, Organisations: []BlocFacts{}}
	byClass := func(s charter.Seat) string { c, _ := d.seatClass(s); return c }
	g, blocs := d.game(b, bf, ordinary, "all", byClass, nil)
	p.Blocs = solve(g, blocs, true, &p.Note)
	p.Carriers, p.Blockers = carriersBlockers(p.Blocs)
	if d.namedOrganisationVotes(b) {
		byOrg := func(s charter.Seat) string {
			if a, ok := d.f.Actors[s.Actor]; ok && a.Organisation {
				return s.Actor
			}
			return byClass(s)
		}
		og, oblocs := d.game(b, bf, ordinary, "all", byOrg, nil)
		p.Organisations = solve(og, oblocs, true, &p.Note)
		in := make([]bool, len(p.Organisations))
		n := 0
		for i, x := range p.Organisations {
			if x.Incumbent && x.Votes > 0 {
				in[i] = true
				n++
			}
		}
		if n >= 2 && og.Wins(in) {
			for i, x := range p.Organisations {
				if in[i] {
					p.IncumbentCoalition = append(p.IncumbentCoalition, x.Name)
				}
			}
		}
	}
	for _, m := range matters {
		rule, special := matterRule(b.Decision, m, ordinary)
		for _, v := range b.Vetoes {
			special = special || v.Scope == m
		}
		if !special {
			continue
		}
		mg, mblocs := d.game(b, bf, rule, m, byClass, nil)
		mp := MatterPower{Matter: m, Rule: ruleText(rule, b)}
		mp.Carriers, mp.Blockers = carriersBlockers(solve(mg, mblocs, false, nil))
		p.Matters = append(p.Matters, mp)
	}
	return p
}

func carriersBlockers(blocs []BlocFacts) (carriers, blockers []string) {
	carriers, blockers = []string{}, []string{}
	for _, x := range blocs {
		if x.Carries {
			carriers = append(carriers, x.Name)
		}
		if x.Blocks {
			blockers = append(blockers, x.Name)
		}
	}
	return carriers, blockers
}

func (d *deriver) namedOrganisationVotes(b charter.Body) bool {
	for _, s := range b.Seats {
		if s.Vote == charter.VoteFull && d.f.Actors[s.Actor].Organisation {
			return true
		}
	}
	return false
}

// game builds the weighted voting game of a body: one bloc per name that
// blocOf gives a voting seat, weighted per house, plus the holders of the
// vetoes (and binding advice) that apply to the scope. holderOf, when set,
// names the bloc of a veto's holder (an actor's or a body's id) as blocOf
// names seats; nil names it by stakeholder group, or by the organisation
// when it has a bloc of its own.
func (d *deriver) game(b charter.Body, bf *BodyFacts, rule charter.Rule, scope string, blocOf func(charter.Seat) string, holderOf func(id string) string) (Game, []BlocFacts) {
	houses := []string{""} // one house, unnamed, for a body without houses
	if len(b.Houses) > 0 {
		houses = make([]string, len(b.Houses))
		for h, x := range b.Houses {
			houses[h] = x.ID
		}
	}
	var blocs []BlocFacts
	var weights [][]int
	index := map[string]int{}
	bloc := func(name, class string) int {
		if i, ok := index[name]; ok {
			return i
		}
		a := d.f.Actors[name]
		index[name] = len(blocs)
		blocs = append(blocs, BlocFacts{Name: name, Class: class, Organisation: a.Organisation && name != class, Incumbent: a.Incumbent && a.Organisation})
		weights = append(weights, make([]int, len(houses)))
		return index[name]
	}
	totals := make([]int, len(houses))
	// Two kinds of seat are not part of a bloc: mixed seats, filled by a
	// body drawn from several classes, and seats held in a personal
	// capacity. Each of their holders votes alone, up to maxHolders on the
	// body; past that, they vote with their class's bloc (or as one
	// "mixed" bloc).
	alone := func(s charter.Seat) bool { return s.Personal() || blocOf(s) == Mixed }
	holders := 0
	for _, s := range b.Seats {
		if s.Vote == charter.VoteFull && alone(s) {
			holders += s.Seats()
		}
	}
	for _, s := range b.Seats {
		if s.Vote != charter.VoteFull {
			continue
		}
		class, _ := d.seatClass(s)
		h := max(slices.Index(houses, s.House), 0)
		name, n := blocOf(s), 1
		individual := alone(s) && holders <= maxHolders
		if individual {
			n = s.Seats()
		}
		for k := range n {
			i := 0
			if individual {
				i = bloc(holderPrefix+name+"\x00"+s.ID+"#"+strconv.Itoa(k), class)
			} else {
				i = bloc(name, class)
			}
			votes := s.Votes() / n
			weights[i][h] += votes
			blocs[i].Votes += votes
			totals[h] += votes
		}
	}
	veto := func(holder string) {
		if holderOf != nil {
			name := holderOf(holder)
			blocs[bloc(name, name)].Veto = true
			return
		}
		name, class := holder, ""
		if a, ok := d.f.Actors[holder]; ok {
			class = a.Class
			if _, own := index[holder]; !own {
				name = class
			}
		} else if cs := d.classesOf(holder); len(cs) == 1 {
			name, class = cs[0], cs[0]
		} else {
			class = Mixed
		}
		blocs[bloc(name, class)].Veto = true
	}
	for _, v := range b.Vetoes {
		if v.Scope == "all" || v.Scope == scope {
			veto(v.Holder)
		}
	}
	for _, from := range bf.BindingAdviceFrom {
		veto(from)
	}
	g := Game{Quotas: make([]int, len(houses))}
	for h := range houses {
		method, threshold := rule.Method, rule.Threshold
		if len(b.Houses) > 0 && b.Houses[h].Threshold != nil && scope == "all" {
			// A house's own threshold is its rule for ordinary decisions.
			method, threshold = "supermajority", b.Houses[h].Threshold
		}
		g.Quotas[h] = Quota(totals[h], method, threshold)
	}
	for i := range blocs {
		g.Blocs = append(g.Blocs, Bloc{Name: blocs[i].Name, Weights: weights[i], Veto: blocs[i].Veto})
		if bf.TotalVotes > 0 {
			blocs[i].Share = float64(blocs[i].Votes) / float64(bf.TotalVotes)
		}
	}
	return g, blocs
}

// solve fills the blocs' power from the game, with the index when asked
// (a failure to compute it goes to note), and merges the holders who vote
// alone into one line per class (or "mixed"): the line carries or blocks
// when one of them can alone. Carrying and blocking are decided exactly
// even when the index is too costly to compute.
func solve(g Game, blocs []BlocFacts, index bool, note *string) []BlocFacts {
	var banzhaf []float64
	if index {
		if p, err := g.Solve(); err != nil {
			*note = "the voting power index was not computed: " + err.Error()
		} else {
			banzhaf = p.Banzhaf
		}
	}
	carries, blocks := g.Alone()
	out := make([]BlocFacts, 0, len(blocs))
	at := map[string]int{} // the line of each name in out
	for i, x := range blocs {
		x.Carries, x.Blocks = carries[i], blocks[i]
		if banzhaf != nil {
			x.Banzhaf = banzhaf[i]
		}
		if line, ok := strings.CutPrefix(x.Name, holderPrefix); ok {
			x.Name, _, _ = strings.Cut(line, "\x00")
		}
		j, ok := at[x.Name]
		if !ok {
			at[x.Name] = len(out)
			out = append(out, x)
			continue
		}
		m := &out[j]
		m.Votes += x.Votes
		m.Share += x.Share
		m.Banzhaf += x.Banzhaf
		m.Carries = m.Carries || x.Carries
		m.Blocks = m.Blocks || x.Blocks
		m.Veto = m.Veto || x.Veto
	}
	for i := range out {
		out[i].Banzhaf = math.Round(out[i].Banzhaf*1e4) / 1e4
	}
	return out
}

// ordinaryRule is the voting rule for a body's ordinary decisions, and
// its description: the method given, the fallback vote of a consensus
// body, or for a consensus body without one its consensus, where every
// member can block.
func ordinaryRule(b charter.Body) (charter.Rule, string) {
	dec := b.Decision
	switch {
	case dec == nil:
		r := charter.Rule{Method: "majority"}
		return r, ruleText(r, b)
	case dec.Method == "consensus" || dec.Method == "rough-consensus":
		if dec.Fallback != nil {
			return *dec.Fallback, dec.Method + ", else " + ruleText(*dec.Fallback, b)
		}
	}
	r := charter.Rule{Method: dec.Method, Threshold: dec.Threshold}
	return r, ruleText(r, b)
}

// matterRule is the rule for one kind of matter, and whether the charter
// gives one.
func matterRule(dec *charter.Decision, matter string, ordinary charter.Rule) (charter.Rule, bool) {
	if dec != nil {
		for _, m := range dec.Matters {
			if m.Matter == matter {
				return charter.Rule{Method: m.Method, Threshold: m.Threshold}, true
			}
		}
	}
	return ordinary, false
}

// ruleText describes a voting rule for people, in each house if the body
// has houses.
func ruleText(r charter.Rule, b charter.Body) string {
	var s string
	switch r.Method {
	case "supermajority":
		if r.Threshold == nil {
			s = "supermajority without a threshold (counted as majority)"
		} else {
			s = "supermajority of " + strconv.FormatFloat(math.Round(*r.Threshold*1000)/10, 'f', -1, 64) + " %"
		}
	case "consensus", "rough-consensus":
		s = r.Method + "; every member can block"
	default:
		s = r.Method
	}
	if len(b.Houses) > 0 {
		s += " in each house"
	}
	return s
}

// reasons says, per power class, why the class holds power on the body.
func (d *deriver) reasons(b charter.Body, bf *BodyFacts) {
	add := func(c, why string) {
		if !slices.Contains(bf.Reasons[c], why) {
			bf.Reasons[c] = append(bf.Reasons[c], why)
		}
	}
	direct, personal := map[string]int{}, map[string]int{}
	for _, s := range b.Seats {
		if s.Vote != charter.VoteFull {
			continue
		}
		if s.Actor != "" && s.Personal() {
			personal[d.f.Actors[s.Actor].Class] += s.Votes()
			continue
		}
		if s.Actor != "" {
			direct[d.f.Actors[s.Actor].Class] += s.Votes()
			continue
		}
		class, behind := d.seatClass(s)
		ab := d.f.Bodies[s.AppointedBy]
		why := fmt.Sprintf("%d of %d votes in seats filled by %s", s.Votes(), bf.TotalVotes, s.AppointedBy)
		if mk := d.makeUp(s.AppointedBy); mk != "" {
			why += " (" + mk + ")"
		} else if class == Mixed {
			why += " (drawn from " + strings.Join(behind, ", ") + ")"
		} else if ab != nil && ab.MajorityClass != "" {
			why += " (majority " + ab.MajorityClass + ")"
		}
		for _, c := range behind {
			add(c, why)
		}
	}
	for _, c := range canonical(mapKeys(direct)) {
		add(c, fmt.Sprintf("holds %d of %d votes in its own seats", direct[c], bf.TotalVotes))
	}
	for _, c := range canonical(mapKeys(personal)) {
		add(c, fmt.Sprintf("%d of %d votes in seats held in a personal capacity, each voting alone", personal[c], bf.TotalVotes))
	}
	if b.Open {
		for _, c := range d.resolve(b.ID).voters {
			add(c, "takes part with equal standing in an open body")
		}
	}
	for _, v := range bf.Vetoes {
		if v.Scope == "all" {
			for _, c := range v.Classes {
				add(c, "holds a veto over all decisions ("+v.ID+")")
			}
		}
	}
	for _, from := range bf.BindingAdviceFrom {
		for _, c := range d.classesOf(from) {
			add(c, "gives binding advice through "+from)
		}
	}
	if c := chooserOfAll(bf); c != "" && c != Mixed {
		add(c, "chooses every voting member")
	}
	if bf.GovernmentChosen > 0 {
		for _, c := range bf.Choosers {
			add(c, fmt.Sprintf("chooses the holders of %d of %d votes in other classes' seats", bf.GovernmentChosen, bf.TotalVotes))
		}
	}
	for _, c := range bf.RecalledBy {
		if c != Mixed && slices.Contains(bf.PowerClasses, c) {
			add(c, "can recall the members")
		}
	}
	// Actors that act otherwise than their group (actor.actsAs) are named,
	// since they change the class of the theory that holds power.
	firms := map[string][]string{}
	note := func(id string) {
		a, ok := d.f.Actors[id]
		if ok && actsOtherwise(a) && slices.Contains(bf.PowerClasses, a.Class) && !slices.Contains(firms[a.Class], id) {
			firms[a.Class] = append(firms[a.Class], id)
		}
	}
	for _, s := range b.Seats {
		if s.Vote == charter.VoteFull && s.Actor != "" {
			note(s.Actor)
		}
	}
	if b.Open {
		for _, id := range b.Participants {
			note(id)
		}
	}
	var groups wordSet
	for c := range firms {
		groups = groups.add(c)
	}
	for _, c := range canonical(groups) {
		add(c, "acts as firms through "+strings.Join(firms[c], ", ")+" (actsAs)")
	}
}

// makeUp describes a membership given by its composition, e.g.
// "95 % private-sector, 5 % academia".
func (d *deriver) makeUp(body string) string {
	i, ok := d.bodyIndex[body]
	if !ok || len(d.c.Bodies[i].Composition) == 0 {
		return ""
	}
	var parts []string
	for _, p := range d.c.Bodies[i].Composition {
		parts = append(parts, strconv.FormatFloat(math.Round(p.Share*1000)/10, 'f', -1, 64)+" % "+p.Class)
	}
	return strings.Join(parts, ", ")
}

// consulted lists the classes that sit on, attend or advise the body
// without holding decision power on it.
func (d *deriver) consulted(b charter.Body, bf *BodyFacts) {
	set := make(wordSet, 0, 8)
	for _, c := range bf.MemberClasses {
		set = set.add(c)
	}
	for c := range bf.LimitedVotes {
		set = set.add(c)
	}
	for _, l := range bf.Links {
		set = set.add(l.Class)
	}
	for _, a := range d.c.Advice {
		if a.To == b.ID {
			for _, c := range d.f.Bodies[a.From].MemberClasses {
				set = set.add(c)
			}
		}
	}
	for _, c := range bf.PowerClasses {
		set = set.remove(c)
	}
	bf.Consulted = canonical(set.remove(Mixed))
}

func mapKeys(m map[string]int) wordSet {
	out := make(wordSet, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}
