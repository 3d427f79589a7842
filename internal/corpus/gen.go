package corpus

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"

	"github.com/charterlint/charterlint/internal/charter"
	"github.com/charterlint/charterlint/schemas"
)

// archetype is the overall shape of a generated charter.
type archetype int

const (
	// archBalanced: multistakeholder board with seats for several classes,
	// a nominating committee and advisory committees (ICANN-like).
	archBalanced archetype = iota
	// archGovVotes: claims multistakeholder, but only governments vote on
	// the deciding body; the other classes sit as observers or liaisons.
	archGovVotes
	// archIncumbent: a private consortium whose founding firms hold seats
	// by name, admit newcomers by sponsorship and often veto admission.
	archIncumbent
	// archOpen: a technical community whose deciding body is open to all
	// and decides by rough consensus (IETF-like).
	archOpen
	// archIntergov: states vote, IGOs have limited votes, sector members
	// take part without a vote (ITU-like).
	archIntergov
	// archNational: one ministry or regulator decides after consulting a
	// national advisory council.
	archNational
	numArchetypes
)

// gen builds one charter. It is used once and thrown away.
type gen struct {
	r     *rand.Rand
	size  Size
	arch  archetype
	ids   map[string]bool // ids in use (one id space for the whole charter)
	names map[string]bool // actor, body and function names in use
	c     charter.Charter
}

func (g *gen) intn(n int) int {
	if n <= 0 {
		return 0
	}
	return g.r.IntN(n)
}

func (g *gen) chance(p float64) bool { return g.r.Float64() < p }

func (g *gen) pick(list []string) string { return list[g.intn(len(list))] }

func (g *gen) boolPtr() *bool {
	b := g.chance(0.5)
	return &b
}

func ptr[T any](v T) *T { return &v }

// subset returns k distinct indices below n in increasing order.
func (g *gen) subset(n, k int) []int {
	k = clamp(k, 0, n)
	idx := g.r.Perm(n)[:k]
	slices.Sort(idx)
	return idx
}

// slug turns a name into an id fragment.
func slug(name string, maxLen int) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case b.Len() > 0 && !dash:
			b.WriteByte('-')
			dash = true
		}
		if b.Len() >= maxLen {
			break
		}
	}
	s := strings.TrimRight(b.String(), "-")
	if len(s) > maxLen {
		s = strings.TrimRight(s[:maxLen], "-")
	}
	if s == "" {
		s = "x"
	}
	return s
}

// newID returns a fresh id made from base and records it. Ids stay within
// the schema's 64 characters.
func (g *gen) newID(base string) string {
	id := slug(base, 56)
	for i := 2; g.ids[id]; i++ {
		id = slug(base, 56) + "-" + strconv.Itoa(i)
	}
	g.ids[id] = true
	return id
}

// newNamed returns an unused name and a fresh id for it: one from try,
// or, when that keeps failing, a variant qualified by a place or number.
func (g *gen) newNamed(try func() named) (name, id string) {
	var n named
	for attempt := range 8 {
		n = try()
		if attempt >= 3 {
			p := g.pick(places())
			n = named{n.name + " of " + p, n.id + "-" + strings.ToLower(p)}
		}
		if !g.names[n.name] {
			g.names[n.name] = true
			return n.name, g.newID(n.id)
		}
	}
	name = n.name
	for i := 2; g.names[name]; i++ {
		name = n.name + " " + strconv.Itoa(i)
	}
	g.names[name] = true
	return name, g.newID(n.id)
}

func (g *gen) build() {
	g.arch = archetype(g.intn(int(numArchetypes)))
	g.header()
	g.actors()
	g.bodies()
	g.functions()
	g.advice()
	g.participation()
	g.transparency()
	g.accountability()
}

// header fills the charter's own fields: id, name, modality, objectives,
// principles.
func (g *gen) header() {
	c := &g.c
	c.Format = schemas.FormatV1
	place := g.pick(places())
	c.Name = place + " " + g.pick(charterNames(g.arch))
	c.ID = slug(c.Name, 40) + "-" + strconv.Itoa(g.intn(10000))
	if g.chance(0.8) {
		c.Adopted = fmt.Sprintf("%04d-%02d-%02d", 1995+g.intn(31), 1+g.intn(12), 1+g.intn(28))
	}
	if g.chance(0.5) {
		c.Description = g.description(place)
	}
	switch g.arch {
	case archBalanced, archGovVotes:
		c.Modality = charter.ModalityMultistakeholder
	case archIncumbent:
		c.Modality = charter.ModalityPrivate
		if g.chance(0.3) {
			c.Modality = charter.ModalityMultistakeholder
		}
	case archOpen:
		c.Modality = charter.ModalityTechnicalCommunity
		if g.chance(0.3) {
			c.Modality = charter.ModalityMultistakeholder
		}
	case archIntergov:
		c.Modality = charter.ModalityIntergovernmental
	case archNational:
		c.Modality = charter.ModalityNational
		if g.chance(0.3) {
			c.Modality = charter.ModalityMultistakeholder
		}
	}
	switch p := g.r.Float64(); {
	case p < 0.15: // no objectives
	case p < 0.25:
		c.Objectives = []string{"multistakeholderism"}
	default:
		all := allObjectives()
		for _, i := range g.subset(len(all), 1+g.intn(2)) {
			c.Objectives = append(c.Objectives, all[i])
		}
	}
	all := allPrinciples()
	for _, i := range g.subset(len(all), g.intn(3)) {
		c.Principles = append(c.Principles, all[i])
	}
}

func (g *gen) description(place string) string {
	var what string
	switch g.arch {
	case archGovVotes:
		what = "calls itself multistakeholder; governments vote, others attend"
	case archIncumbent:
		what = "is an industry consortium run by its founding members"
	case archOpen:
		what = "writes specifications in open working groups"
	case archIntergov:
		what = "is a treaty body of member states with sector members"
	case archNational:
		what = "sets national Internet policy under a ministry"
	default:
		what = "coordinates shared resources through a multi-class board"
	}
	return "Based in " + place + "; " + what + "."
}

// classWeights are the relative weights of the actor classes, in the
// order of charter.Classes(), for each archetype.
func classWeights(a archetype) [6]int {
	switch a {
	case archGovVotes:
		return [6]int{5, 2, 3, 2, 2, 1}
	case archIncumbent:
		return [6]int{0, 0, 8, 1, 1, 1}
	case archOpen:
		return [6]int{0, 0, 3, 2, 6, 3}
	case archIntergov:
		return [6]int{6, 3, 3, 1, 1, 1}
	case archNational:
		return [6]int{2, 0, 4, 3, 2, 2}
	default:
		return [6]int{3, 1, 4, 3, 3, 2}
	}
}

// seed actors that give every archetype the structure it needs.
type actorSpec struct {
	class string
	org   bool
}

func requiredActors(a archetype) []actorSpec {
	switch a {
	case archGovVotes:
		return []actorSpec{{charter.ClassGovernment, false}, {charter.ClassPrivateSector, false}, {charter.ClassCivilSociety, false}, {charter.ClassIntergovernmental, false}}
	case archIncumbent:
		return []actorSpec{{charter.ClassPrivateSector, true}, {charter.ClassPrivateSector, true}, {charter.ClassPrivateSector, true}, {charter.ClassPrivateSector, false}}
	case archOpen:
		return []actorSpec{{charter.ClassTechnicalCommunity, false}, {charter.ClassPrivateSector, false}, {charter.ClassAcademia, false}}
	case archIntergov:
		return []actorSpec{{charter.ClassGovernment, false}, {charter.ClassIntergovernmental, false}, {charter.ClassPrivateSector, false}}
	case archNational:
		return []actorSpec{{charter.ClassGovernment, true}, {charter.ClassPrivateSector, false}, {charter.ClassCivilSociety, false}}
	default:
		return []actorSpec{{charter.ClassPrivateSector, false}, {charter.ClassCivilSociety, false}, {charter.ClassTechnicalCommunity, false}, {charter.ClassGovernment, false}}
	}
}

func (g *gen) actors() {
	req := requiredActors(g.arch)
	w := classWeights(g.arch)
	total := 0
	for _, x := range w {
		total += x
	}
	classes := charter.Classes()
	g.c.Actors = make([]charter.Actor, 0, g.size.Actors)
	for i := range g.size.Actors {
		var spec actorSpec
		if i < len(req) {
			spec = req[i]
		} else {
			k := g.intn(total)
			for ci, x := range w {
				if k < x {
					spec.class = classes[ci]
					break
				}
				k -= x
			}
			spec.org = g.chance(0.12)
			if g.arch == archIncumbent && spec.class == charter.ClassPrivateSector {
				spec.org = g.chance(0.3)
			}
		}
		a := g.actor(spec)
		if spec.org && spec.class == charter.ClassPrivateSector {
			switch {
			case g.arch == archIncumbent && (i < 3 || g.chance(0.1)):
				a.Incumbent = true
			case g.arch != archIncumbent && g.chance(0.1):
				a.Incumbent = true
			}
		}
		g.c.Actors = append(g.c.Actors, a)
	}
}

func (g *gen) actor(spec actorSpec) charter.Actor {
	name, id := g.newNamed(func() named {
		switch {
		case spec.org && spec.class == charter.ClassPrivateSector:
			n := g.pick(firmPrefixes()) + " " + g.pick(firmNouns())
			return named{n + " " + g.pick(firmSuffixes()), slug(n, 40)}
		case spec.org:
			p := g.pick(places())
			pat := g.pick2n(orgPatterns(spec.class))
			return named{fmt.Sprintf(pat.name, p, strings.ToLower(p)), fmt.Sprintf(pat.id, p, strings.ToLower(p))}
		}
		return g.pick2n(constituencies(spec.class))
	})
	a := charter.Actor{ID: id, Name: name, Class: spec.class}
	switch {
	case spec.org:
		a.Kind = "organisation"
	case g.chance(0.03):
		a.Kind = "constituency"
	}
	return a
}

func (g *gen) pick2n(list []named) named { return list[g.intn(len(list))] }

// actorsWhere returns the indices of the actors for which keep is true, or
// of all actors when none is.
func (g *gen) actorsWhere(keep func(charter.Actor) bool) []int {
	var out []int
	for i, a := range g.c.Actors {
		if keep(a) {
			out = append(out, i)
		}
	}
	if len(out) == 0 {
		for i := range g.c.Actors {
			out = append(out, i)
		}
	}
	return out
}

func governmental(a charter.Actor) bool    { return charter.Governmental(a.Class) }
func nongovernmental(a charter.Actor) bool { return !charter.Governmental(a.Class) }
func anyActor(charter.Actor) bool          { return true }

func classIs(classes ...string) func(charter.Actor) bool {
	return func(a charter.Actor) bool { return slices.Contains(classes, a.Class) }
}

// hasClass reports whether some actor has one of classes.
func (g *gen) hasClass(classes ...string) bool {
	return slices.ContainsFunc(g.c.Actors, classIs(classes...))
}

// memberClasses returns the actor classes that sit on an advisory body
// with the given name, or nil when any class may.
func memberClasses(name string) []string {
	switch {
	case strings.HasPrefix(name, "Governmental"):
		return []string{charter.ClassGovernment, charter.ClassIntergovernmental}
	case strings.HasPrefix(name, "Civil Society"), strings.HasPrefix(name, "User"):
		return []string{charter.ClassCivilSociety}
	case strings.HasPrefix(name, "Technical"), strings.HasPrefix(name, "Security"):
		return []string{charter.ClassTechnicalCommunity, charter.ClassAcademia}
	case strings.HasPrefix(name, "Academic"):
		return []string{charter.ClassAcademia}
	case strings.HasPrefix(name, "Industry"):
		return []string{charter.ClassPrivateSector}
	}
	return nil
}

// pickActors returns k distinct actor indices from pool (fewer if the pool
// is smaller), in pool order.
func (g *gen) pickActors(pool []int, k int) []int {
	var out []int
	for _, i := range g.subset(len(pool), k) {
		out = append(out, pool[i])
	}
	return out
}

// roleCycle is the order in which an archetype adds bodies after the main
// decision body; a generated charter starts at a random point of it.
func roleCycle(a archetype) []string {
	switch a {
	case archGovVotes:
		return []string{charter.RoleAdvisory, charter.RoleSecretariat, charter.RoleAdvisory, charter.RoleAppeal, charter.RoleOversight}
	case archIncumbent:
		return []string{charter.RoleAdvisory, charter.RoleSecretariat, charter.RoleAppeal, charter.RoleAdvisory}
	case archOpen:
		return []string{charter.RoleOversight, charter.RoleNominating, charter.RoleAppeal, charter.RoleAdvisory, charter.RoleSecretariat, charter.RoleDecision}
	case archIntergov:
		return []string{charter.RoleAdvisory, charter.RoleSecretariat, charter.RoleAppeal, charter.RoleAdvisory, charter.RoleDecision}
	case archNational:
		return []string{charter.RoleAdvisory, charter.RoleSecretariat, charter.RoleAppeal, charter.RoleOversight}
	default:
		return []string{charter.RoleNominating, charter.RoleAdvisory, charter.RoleAppeal, charter.RoleAdvisory, charter.RoleOversight, charter.RoleSecretariat}
	}
}

// bodiesWith returns the indices of the bodies with one of roles.
func (g *gen) bodiesWith(roles ...string) []int {
	var out []int
	for i, b := range g.c.Bodies {
		if slices.Contains(roles, b.Role) {
			out = append(out, i)
		}
	}
	return out
}

func (g *gen) bodies() {
	n := g.size.Bodies
	g.c.Bodies = make([]charter.Body, n)
	// Roles and ids first, so seats can name any body.
	cycle := roleCycle(g.arch)
	start := g.intn(len(cycle))
	for i := range n {
		role := charter.RoleDecision
		open := g.arch == archOpen
		if i > 0 {
			role = cycle[(start+i-1)%len(cycle)]
			open = (role == charter.RoleAdvisory && g.chance(0.3)) ||
				(role == charter.RoleDecision && g.arch == archOpen)
		}
		name, id := g.newNamed(func() named {
			// Prefer a name that fits the actors there are: no
			// governmental advisory committee without governments.
			var n named
			for range 4 {
				n = g.pick2n(bodyNames(role, open))
				if cl := memberClasses(n.name); cl == nil || g.hasClass(cl...) {
					break
				}
			}
			return n
		})
		g.c.Bodies[i] = charter.Body{ID: id, Name: name, Role: role, Open: open}
	}
	for i := range g.c.Bodies {
		g.fillBody(i)
	}
}

// seatCount is the number of seat groups of an ordinary body.
func (g *gen) seatCount() int { return g.size.SeatsPerBody }

// mainSeatCount is the number of seat groups of the main decision body,
// which carries the archetype's structure and so has one or two more.
func (g *gen) mainSeatCount() int {
	k := g.size.SeatsPerBody + 1
	if g.chance(0.15) {
		k++
	}
	return clamp(k, 2, maxSeats-2)
}

func (g *gen) fillBody(i int) {
	b := &g.c.Bodies[i]
	if b.Open {
		g.openBody(b)
		return
	}
	switch {
	case i == 0:
		g.mainBody(b)
	case b.Role == charter.RoleSecretariat:
		if g.chance(0.3) {
			b.Seats = []charter.Seat{g.appointedSeat(b, 0, charter.VoteNone)}
		}
		return // a secretariat does not decide
	case b.Role == charter.RoleAppeal:
		k := g.seatCount()
		for range k {
			if g.chance(0.6) {
				b.Seats = append(b.Seats, g.appointedSeat(b, g.appointer(), charter.VoteFull))
			} else {
				a := g.pickActors(g.actorsWhere(anyActor), 1)[0]
				b.Seats = append(b.Seats, g.seat(b, a, charter.VoteFull, ""))
			}
		}
	default:
		pool := g.actorsWhere(anyActor)
		switch {
		case b.Role == charter.RoleNominating:
			pool = g.actorsWhere(nongovernmental)
		case memberClasses(b.Name) != nil:
			pool = g.actorsWhere(classIs(memberClasses(b.Name)...))
		case g.arch == archIntergov:
			pool = g.actorsWhere(governmental)
		}
		for _, a := range g.pickActors(pool, g.seatCount()) {
			b.Seats = append(b.Seats, g.seat(b, a, charter.VoteFull, ""))
		}
	}
	if i == 0 || b.Role == charter.RoleDecision || g.chance(0.4) {
		b.Decision = g.decision(false)
	}
	g.vetoes(i, b)
}

// appointer returns the index of a body that appoints members of others:
// a nominating committee when there is one, else the main body.
func (g *gen) appointer() int {
	if nom := g.bodiesWith(charter.RoleNominating); len(nom) > 0 && g.chance(0.7) {
		return nom[g.intn(len(nom))]
	}
	return 0
}

// mainBody fills the main decision body, whose seats carry the archetype.
func (g *gen) mainBody(b *charter.Body) {
	k := g.mainSeatCount() // seat groups in all
	add := func(actors []int, vote, kind string) {
		for _, a := range actors {
			b.Seats = append(b.Seats, g.seat(b, a, vote, kind))
		}
	}
	switch g.arch {
	case archGovVotes:
		govs := g.pickActors(g.actorsWhere(governmental), (k+1)/2)
		add(govs, charter.VoteFull, "")
		kind := "observer"
		if g.chance(0.4) {
			kind = "liaison"
		}
		add(g.pickActors(g.actorsWhere(nongovernmental), max(k-len(govs), 1)), charter.VoteNone, kind)
	case archIncumbent:
		add(g.pickActors(g.actorsWhere(func(a charter.Actor) bool { return a.Incumbent }), k-1), charter.VoteFull, "")
		ord := g.actorsWhere(func(a charter.Actor) bool { return !a.Incumbent && a.Class == charter.ClassPrivateSector })
		s := g.seat(b, ord[g.intn(len(ord))], charter.VoteFull, "")
		s.Selection = &charter.Selection{Method: "election", By: []string{s.Actor}}
		b.Seats = append(b.Seats, s)
	case archIntergov:
		govs := g.pickActors(g.actorsWhere(classIs(charter.ClassGovernment)), max(k-2, 1))
		add(govs, charter.VoteFull, "")
		add(g.pickActors(g.actorsWhere(classIs(charter.ClassIntergovernmental)), 1), charter.VoteLimited, "")
		add(g.pickActors(g.actorsWhere(nongovernmental), k-len(govs)-1), charter.VoteNone, "observer")
	case archNational:
		b.Seats = append(b.Seats, g.seat(b, 0, charter.VoteFull, "chair"))
		vote := charter.VoteNone
		if g.chance(0.3) {
			vote = charter.VoteLimited
		}
		add(g.pickActors(g.actorsWhere(nongovernmental), k-1), vote, "")
	default: // archBalanced
		var extra []charter.Seat
		if nom := g.bodiesWith(charter.RoleNominating); len(nom) > 0 {
			extra = append(extra, g.appointedSeat(b, nom[0], charter.VoteFull))
		}
		if gov := g.actorsWhere(governmental); g.chance(0.4) && governmental(g.c.Actors[gov[0]]) {
			extra = append(extra, g.seat(b, gov[0], charter.VoteNone, "liaison"))
		}
		pool := g.actorsWhere(nongovernmental)
		if g.chance(0.5) {
			pool = g.actorsWhere(anyActor)
		}
		add(g.pickActors(pool, max(k-len(extra), 1)), charter.VoteFull, "")
		b.Seats = append(b.Seats, extra...)
	}
}

// openBody fills a body that anyone may join: participants with equal
// standing, sometimes a chair, and a consensus decision.
func (g *gen) openBody(b *charter.Body) {
	for _, a := range g.pickActors(g.actorsWhere(anyActor), 2+g.intn(4)) {
		b.Participants = append(b.Participants, g.c.Actors[a].ID)
	}
	if g.chance(0.5) {
		s := g.appointedSeat(b, g.appointer(), charter.VoteFull)
		if s.AppointedBy == b.ID { // an open main body cannot appoint its own chair
			a := g.pickActors(g.actorsWhere(anyActor), 1)[0]
			s = g.seat(b, a, charter.VoteFull, "")
		}
		s.Kind = "chair"
		b.Seats = append(b.Seats, s)
	}
	b.Decision = g.decision(true)
}

// seat returns a seat group held by actor a on body b.
func (g *gen) seat(b *charter.Body, a int, vote, kind string) charter.Seat {
	actor := g.c.Actors[a]
	s := charter.Seat{
		ID:    g.newID(b.ID + "-" + actor.ID),
		Actor: actor.ID,
		Vote:  vote,
		Kind:  kind,
	}
	if g.chance(0.3) {
		s.Count = 2 + g.intn(4)
	}
	if g.chance(0.45) {
		sel := &charter.Selection{Method: "appointment"}
		if !actor.Organisation() && g.chance(0.6) {
			sel.Method = "election"
		}
		if g.chance(0.3) {
			sel.By = []string{actor.ID}
		}
		if g.chance(0.1) {
			sel.Description = g.pick(selectionNotes())
		}
		s.Selection = sel
	}
	if vote != charter.VoteNone && g.chance(0.15) {
		s.Term = g.term()
	}
	return s
}

// appointedSeat returns a seat group on body b filled by body app.
func (g *gen) appointedSeat(b *charter.Body, app int, vote string) charter.Seat {
	by := g.c.Bodies[app].ID
	s := charter.Seat{
		ID:          g.newID(b.ID + "-" + by),
		AppointedBy: by,
		Count:       1 + g.intn(5),
		Vote:        vote,
		Selection:   &charter.Selection{Method: "appointment"},
	}
	if g.c.Bodies[app].Role == charter.RoleNominating {
		s.Selection.Method = "nomination"
	}
	if g.chance(0.5) {
		s.Selection.By = []string{by}
	}
	if vote != charter.VoteNone && g.chance(0.4) {
		s.Term = g.term()
	}
	return s
}

func (g *gen) term() *charter.Term {
	t := &charter.Term{Years: float64(2 + g.intn(4))}
	if g.chance(0.4) {
		t.MaxConsecutive = 1 + g.intn(3)
	}
	return t
}

// decision returns how a body decides; some are deliberately underspecified
// (a supermajority without threshold, consensus without a definition).
func (g *gen) decision(open bool) *charter.Decision {
	d := &charter.Decision{}
	switch {
	case open:
		d.Method = "rough-consensus"
	case g.arch == archIntergov || g.arch == archOpen:
		d.Method = g.pick([]string{"consensus", "majority", "supermajority"})
	default:
		d.Method = g.pick([]string{"majority", "majority", "supermajority", "consensus", "unanimity"})
	}
	switch d.Method {
	case "supermajority":
		if g.chance(0.8) {
			d.Threshold = ptr(g.pick2([]float64{0.6, 0.667, 0.75}))
		}
	case "consensus", "rough-consensus":
		if g.chance(0.6) {
			d.Consensus = &charter.Consensus{Definition: g.pick(consensusDefinitions())}
			if g.chance(0.3) {
				d.Consensus.JudgedBy = g.pick(consensusJudges())
			}
		}
	}
	if !open && g.chance(0.2) {
		d.Quorum = ptr(g.pick2([]float64{0.5, 0.6, 0.667}))
	}
	return d
}

func (g *gen) pick2(list []float64) float64 { return list[g.intn(len(list))] }

// vetoes adds vetoes over body b's decisions, mostly on the main body.
func (g *gen) vetoes(i int, b *charter.Body) {
	var holder, scope string
	switch {
	case i == 0 && g.arch == archIncumbent && g.chance(0.7):
		inc := g.actorsWhere(func(a charter.Actor) bool { return a.Incumbent })
		holder, scope = g.c.Actors[inc[0]].ID, "admission"
	case i == 0 && g.arch == archIntergov && g.chance(0.3):
		gov := g.actorsWhere(governmental)
		holder, scope = g.c.Actors[gov[g.intn(len(gov))]].ID, "all"
	case i == 0 && g.arch == archNational && g.chance(0.5):
		holder, scope = g.c.Actors[0].ID, "all"
	case i == 0 && g.chance(0.15):
		if ov := g.bodiesWith(charter.RoleOversight); len(ov) > 0 {
			holder, scope = g.c.Bodies[ov[0]].ID, g.pick([]string{"budget", "bylaws"})
		}
	}
	if holder != "" {
		b.Vetoes = append(b.Vetoes, charter.Veto{ID: g.newID(holder + "-" + scope + "-veto"), Holder: holder, Scope: scope})
	}
}

func (g *gen) functions() {
	cats := categories(g.arch)
	deciders := g.bodiesWith(charter.RoleDecision)
	advisers := g.bodiesWith(charter.RoleAdvisory, charter.RoleNominating, charter.RoleOversight)
	g.c.Functions = make([]charter.Function, 0, g.size.Functions)
	for range g.size.Functions {
		cat := cats[g.intn(len(cats))]
		if g.chance(0.1) {
			cat = g.pick(allCategories())
		}
		name, id := g.newNamed(func() named { return g.pick2n(functionNames(cat)) })
		f := charter.Function{ID: id, Name: name, Category: cat, Modality: g.c.Modality}
		if g.chance(0.15) {
			f.Modality = g.pick(allModalities())
		}
		if g.chance(0.95) {
			f.DecidedBy = g.c.Bodies[0].ID
			if len(deciders) > 1 && g.chance(0.3) {
				f.DecidedBy = g.c.Bodies[deciders[g.intn(len(deciders))]].ID
			}
		}
		k := 0
		switch p := g.r.Float64(); {
		case p < 0.05:
			k = 2
		case p < 0.2:
			k = 1
		}
		for _, a := range g.subset(len(advisers), k) {
			f.AdvisedBy = append(f.AdvisedBy, g.c.Bodies[advisers[a]].ID)
		}
		if g.chance(0.25) {
			f.Binding = g.boolPtr()
		}
		g.c.Functions = append(g.c.Functions, f)
	}
}

func (g *gen) advice() {
	if len(g.c.Bodies) < 2 {
		return
	}
	deciders := g.bodiesWith(charter.RoleDecision)
	advisers := g.bodiesWith(charter.RoleAdvisory, charter.RoleOversight, charter.RoleNominating)
	for range g.size.Advice {
		to := deciders[g.intn(len(deciders))]
		// Advice comes from an advisory body when there is one, else
		// from any other body.
		from := 1 + g.intn(len(g.c.Bodies)-1)
		if len(advisers) > 0 && g.chance(0.85) {
			from = advisers[g.intn(len(advisers))]
		}
		if from == to {
			from = 0
		}
		a := charter.Advice{
			ID:     g.newID(g.c.Bodies[from].ID + "-advice"),
			From:   g.c.Bodies[from].ID,
			To:     g.c.Bodies[to].ID,
			Weight: g.pick([]string{charter.WeightNonBinding, charter.WeightNonBinding, charter.WeightMustConsider, charter.WeightMustConsider, charter.WeightBinding}),
		}
		if a.Weight == charter.WeightMustConsider {
			if g.chance(0.7) {
				a.RejectThreshold = ptr(g.pick2([]float64{0.6, 0.66, 0.667, 0.75}))
			}
			a.Consultation = g.chance(0.6)
		}
		if g.chance(0.3) {
			for _, f := range g.subset(len(g.c.Functions), 1+g.intn(2)) {
				a.Functions = append(a.Functions, g.c.Functions[f].ID)
			}
		}
		g.c.Advice = append(g.c.Advice, a)
	}
}

func (g *gen) participation() {
	if g.chance(0.12) {
		return
	}
	p := &charter.Participation{}
	switch g.arch {
	case archOpen:
		p.Openness = "open"
	case archIncumbent:
		p.Openness = g.pick([]string{"admission", "admission", "closed"})
	case archBalanced:
		p.Openness = g.pick([]string{"open", "admission"})
	default:
		p.Openness = g.pick([]string{"admission", "closed", "open"})
	}
	if g.chance(0.1) {
		p.Openness = ""
	}
	if p.Openness == "admission" || (p.Openness == "closed" && g.chance(0.3)) {
		ad := &charter.Admission{ApprovedBy: g.c.Bodies[0].ID}
		switch {
		case g.arch == archIncumbent:
			ad.Sponsors = 1 + g.intn(3)
		case g.chance(0.2):
			ad.Sponsors = 1
		}
		if g.chance(0.3) {
			ad.Criteria = "Published in the membership rules."
		}
		p.Admission = ad
	}
	switch {
	case g.arch == archIncumbent:
		p.Fees = &charter.Fees{Amount: float64(5000 * (1 + g.intn(10))), Currency: g.pick([]string{"EUR", "USD", "GBP"}), Waiver: g.chance(0.2)}
	case g.arch != archOpen && g.chance(0.4):
		p.Fees = &charter.Fees{Amount: float64(100 * (1 + g.intn(20))), Currency: g.pick([]string{"EUR", "USD", "CHF"}), Waiver: g.chance(0.6)}
	}
	if g.chance(0.8) {
		p.Remote = g.boolPtr()
	}
	if g.chance(0.7) {
		p.CapacityBuilding = g.boolPtr()
	}
	g.c.Participation = p
}

func (g *gen) transparency() {
	if g.chance(0.2) {
		return
	}
	t := &charter.Transparency{}
	if g.chance(0.8) {
		t.PublicRecords = ptr(g.chance(0.75))
	}
	if g.chance(0.7) {
		t.Minutes = g.boolPtr()
	}
	if g.chance(0.6) {
		t.PublicComment = &charter.PublicComment{Days: []int{0, 14, 21, 30, 40, 60}[g.intn(6)]}
	}
	g.c.Transparency = t
}

func (g *gen) accountability() {
	if g.chance(0.2) {
		return
	}
	acc := &charter.Accountability{}
	// Appeals go to an appeal body when there is one, else to an oversight
	// body, else (and sometimes anyway) back to the main body.
	to := g.bodiesWith(charter.RoleAppeal)
	if len(to) == 0 {
		to = g.bodiesWith(charter.RoleOversight)
	}
	if len(to) == 0 || g.chance(0.15) {
		to = []int{0} // reconsideration by the body that decided
	}
	if g.size.Appeals > 0 && g.chance(0.7) {
		for range g.size.Appeals {
			dest := g.c.Bodies[to[g.intn(len(to))]].ID
			ap := charter.Appeal{ID: g.newID("appeal-to-" + dest), To: dest}
			if ap.To == g.c.Bodies[0].ID || g.chance(0.8) {
				ap.From = g.c.Bodies[0].ID
			}
			if g.chance(0.7) {
				ap.Binding = g.boolPtr()
			}
			if g.chance(0.6) {
				ap.DeadlineDays = 30 * (1 + g.intn(6))
			}
			acc.Appeals = append(acc.Appeals, ap)
		}
	}
	if g.chance(0.5) {
		ir := &charter.IndependentReview{ID: g.newID("independent-review"), Binding: g.chance(0.6)}
		if ab := g.bodiesWith(charter.RoleAppeal); len(ab) > 0 && g.chance(0.8) {
			ir.Body = g.c.Bodies[ab[len(ab)-1]].ID
		}
		if g.chance(0.6) {
			ir.DeadlineDays = 90 * (1 + g.intn(3))
		}
		acc.IndependentReview = ir
	}
	if g.chance(0.4) {
		r := &charter.Recall{Of: []string{g.c.Bodies[0].ID}}
		if ov := g.bodiesWith(charter.RoleOversight); len(ov) > 0 && g.chance(0.6) {
			r.By = []string{g.c.Bodies[ov[0]].ID}
		} else {
			for _, a := range g.pickActors(g.actorsWhere(anyActor), 1+g.intn(3)) {
				r.By = append(r.By, g.c.Actors[a].ID)
			}
		}
		acc.Recall = r
	}
	if g.chance(0.5) {
		acc.ReviewCycle = &charter.ReviewCycle{Years: float64(3 + g.intn(5))}
	}
	g.c.Accountability = acc
}
