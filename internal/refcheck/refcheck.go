// Package refcheck checks the references inside a charter that the schema
// cannot: every id is unique across the charter, and every seat, function,
// advice relation, veto, appeal, review or recall names an actor, body or
// function that exists. Problems are located by JSON Pointer.
package refcheck

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/charterlint/charterlint/internal/charter"
	"github.com/charterlint/charterlint/internal/schema"
)

// Problem is one broken reference or duplicated id.
type Problem struct {
	Pointer string // the offending value
	Element string // id of the element that holds the reference
	Message string
}

// kind is what an id names.
type kind uint8

const (
	kindActor kind = 1 << iota
	kindBody
	kindFunction
	kindOther // seats, vetoes, advice, appeals, reviews: ids nothing refers to
	kindHouse
)

func (k kind) String() string {
	switch k {
	case kindActor:
		return "actor"
	case kindBody:
		return "body"
	case kindFunction:
		return "function"
	case kindActor | kindBody:
		return "actor or body"
	case kindHouse:
		return "house"
	}
	return "element"
}

// entry is a declared id: its kind and where it is declared, kept as the
// parts of a JSON Pointer (section/i[/sub/j]/id) that is built only when
// a problem names it: a valid charter needs none of them.
type entry struct {
	kind kind
	sec  string // "/actors", "/bodies", ...
	i    int    // index in sec; -1 when sec is one object
	sub  string // "/seats", "/vetoes" or "/houses" inside a body; "" for none
	j    int
}

func (e entry) pointer() string {
	p := e.sec
	if e.i >= 0 {
		p = idx(p, e.i)
	}
	if e.sub != "" {
		p = idx(p+e.sub, e.j)
	}
	return p + "/id"
}

type checker struct {
	ids      map[string]entry
	problems []Problem
	// visit, when set, is told of every reference instead of checking it
	// (References).
	visit func(id string, want kind, ptr func() string)
}

// Check returns the reference problems of c, in document order.
func Check(c *charter.Charter) []Problem {
	k := &checker{ids: make(map[string]entry, len(c.Actors)+4*len(c.Bodies)+len(c.Functions))}
	k.declareAll(c)
	k.resolveAll(c)
	return k.problems
}

func (k *checker) declare(id string, e entry) {
	if first, dup := k.ids[id]; dup {
		k.problems = append(k.problems, Problem{
			Pointer: e.pointer(),
			Element: id,
			Message: fmt.Sprintf("id %q is already used by the %s at %s; ids must be unique within a charter", id, first.kind, first.pointer()),
		})
		return
	}
	k.ids[id] = e
}

func (k *checker) declareAll(c *charter.Charter) {
	for i, a := range c.Actors {
		k.declare(a.ID, entry{kind: kindActor, sec: "/actors", i: i})
	}
	for i, b := range c.Bodies {
		k.declare(b.ID, entry{kind: kindBody, sec: "/bodies", i: i})
		for j, s := range b.Seats {
			k.declare(s.ID, entry{kind: kindOther, sec: "/bodies", i: i, sub: "/seats", j: j})
		}
		for j, v := range b.Vetoes {
			k.declare(v.ID, entry{kind: kindOther, sec: "/bodies", i: i, sub: "/vetoes", j: j})
		}
		for j, h := range b.Houses {
			k.declare(h.ID, entry{kind: kindHouse, sec: "/bodies", i: i, sub: "/houses", j: j})
		}
	}
	for i, f := range c.Functions {
		k.declare(f.ID, entry{kind: kindFunction, sec: "/functions", i: i})
	}
	for i, a := range c.Advice {
		k.declare(a.ID, entry{kind: kindOther, sec: "/advice", i: i})
	}
	if acc := c.Accountability; acc != nil {
		for i, a := range acc.Appeals {
			k.declare(a.ID, entry{kind: kindOther, sec: "/accountability/appeals", i: i})
		}
		if r := acc.IndependentReview; r != nil {
			k.declare(r.ID, entry{kind: kindOther, sec: "/accountability/independentReview", i: -1})
		}
		for i, r := range acc.Recourse {
			k.declare(r.ID, entry{kind: kindOther, sec: "/accountability/recourse", i: i})
		}
	}
}

// ref checks that id names something of one of the wanted kinds. ptr
// builds the reference's pointer, called only for a problem.
func (k *checker) ref(owner, id string, want kind, ptr func() string, what string) {
	if id == "" {
		return
	}
	if k.visit != nil {
		k.visit(id, want, ptr)
		return
	}
	e, ok := k.ids[id]
	switch {
	case !ok:
		msg := fmt.Sprintf("%s %q names no %s in this charter", what, id, want)
		if best, ok := schema.Closest(id, k.idsOf(want)); ok {
			msg += fmt.Sprintf("; did you mean %q?", best)
		}
		k.problems = append(k.problems, Problem{Pointer: ptr(), Element: owner, Message: msg})
	case e.kind&want == 0:
		k.problems = append(k.problems, Problem{Pointer: ptr(), Element: owner,
			Message: fmt.Sprintf("%s %q names the %s at %s, not %s", what, id, e.kind, e.pointer(), article(want))})
	}
}

// idsOf lists the ids declared with one of the wanted kinds, sorted: the
// candidates for a misspelt reference.
func (k *checker) idsOf(want kind) []string {
	var ids []string
	for id, e := range k.ids {
		if e.kind&want != 0 {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	return ids
}

// refs checks a list of references; ptr builds the list's pointer.
func (k *checker) refs(owner string, ids []string, want kind, ptr func() string, what string) {
	for i, id := range ids {
		k.ref(owner, id, want, func() string { return idx(ptr(), i) }, what)
	}
}

func (k *checker) resolveAll(c *charter.Charter) {
	if k.visit == nil {
		for i, a := range c.Actors {
			if a.State != "" && a.Class != charter.ClassGovernment {
				k.problems = append(k.problems, Problem{Pointer: idx("/actors", i) + "/state", Element: a.ID,
					Message: fmt.Sprintf("actor %q names state %q but is of class %q; a state is named for governmental actors (class government), whose state decides whether a body is national", a.ID, a.State, a.Class)})
			}
			if a.ActsAs != "" && a.Class != charter.ClassTechnicalCommunity && a.Class != charter.ClassAcademia {
				k.problems = append(k.problems, Problem{Pointer: idx("/actors", i) + "/actsAs", Element: a.ID,
					Message: fmt.Sprintf("actor %q says it acts as %s but is of class %q; actsAs is for technical-community and academic actors, the only classes that may act as a firm or as civil society", a.ID, a.ActsAs, a.Class)})
			}
		}
	}
	for i, b := range c.Bodies {
		bp := func() string { return idx("/bodies", i) }
		k.refs(b.ID, b.Participants, kindActor, func() string { return bp() + "/participants" }, "participant")
		for j, s := range b.Seats {
			sp := func() string { return idx(bp()+"/seats", j) }
			k.ref(s.ID, s.Actor, kindActor, func() string { return sp() + "/actor" }, "seat holder")
			k.ref(s.ID, s.AppointedBy, kindBody, func() string { return sp() + "/appointedBy" }, "appointing body")
			if s.Selection != nil {
				k.refs(s.ID, s.Selection.By, kindActor|kindBody, func() string { return sp() + "/selection/by" }, "selector")
			}
			k.ref(s.ID, s.OnBehalfOf, kindActor|kindBody, func() string { return sp() + "/onBehalfOf" }, "represented actor or body")
			k.house(b, i, s, func() string { return sp() + "/house" })
		}
		k.refs(b.ID, b.Oversees, kindBody, func() string { return bp() + "/oversees" }, "overseen body")
		k.refs(b.ID, b.FundedBy, kindActor|kindBody, func() string { return bp() + "/fundedBy" }, "funder")
		k.refs(b.ID, b.FirstAppointedBy, kindActor|kindBody, func() string { return bp() + "/firstAppointedBy" }, "first appointer")
		k.composition(b, func() string { return bp() + "/composition" })
		k.consistent(c, b, bp)
		for j, v := range b.Vetoes {
			k.ref(v.ID, v.Holder, kindActor|kindBody, func() string { return idx(bp()+"/vetoes", j) + "/holder" }, "veto holder")
		}
	}
	for i, f := range c.Functions {
		fp := func() string { return idx("/functions", i) }
		k.ref(f.ID, f.DecidedBy, kindBody, func() string { return fp() + "/decidedBy" }, "deciding body")
		k.refs(f.ID, f.AdvisedBy, kindBody, func() string { return fp() + "/advisedBy" }, "advising body")
		k.task(f, fp)
	}
	for i, a := range c.Advice {
		ap := func() string { return idx("/advice", i) }
		k.ref(a.ID, a.From, kindBody, func() string { return ap() + "/from" }, "advising body")
		k.ref(a.ID, a.To, kindBody, func() string { return ap() + "/to" }, "advised body")
		k.refs(a.ID, a.Functions, kindFunction, func() string { return ap() + "/functions" }, "function")
	}
	if p := c.Participation; p != nil && p.Admission != nil {
		k.ref("", p.Admission.ApprovedBy, kindBody, func() string { return "/participation/admission/approvedBy" }, "approving body")
	}
	if acc := c.Accountability; acc != nil {
		for i, a := range acc.Appeals {
			ap := func() string { return idx("/accountability/appeals", i) }
			k.ref(a.ID, a.From, kindBody, func() string { return ap() + "/from" }, "appealed body")
			k.ref(a.ID, a.To, kindBody, func() string { return ap() + "/to" }, "appeal body")
		}
		if r := acc.IndependentReview; r != nil {
			k.ref(r.ID, r.Body, kindBody, func() string { return "/accountability/independentReview/body" }, "review body")
		}
		for i, r := range acc.Recourse {
			k.refs(r.ID, r.Of, kindBody, func() string { return idx("/accountability/recourse", i) + "/of" }, "body")
		}
		if r := acc.Recall; r != nil {
			k.refs("", r.By, kindActor|kindBody, func() string { return "/accountability/recall/by" }, "recalling actor or body")
			k.refs("", r.Of, kindBody, func() string { return "/accountability/recall/of" }, "recalled body")
		}
	}
}

// house checks a seat's house: it names a house of the seat's own body,
// and every seat of a body with houses names one.
func (k *checker) house(b charter.Body, i int, s charter.Seat, ptr func() string) {
	switch {
	case s.House == "" && len(b.Houses) > 0:
		if k.visit == nil {
			k.problems = append(k.problems, Problem{Pointer: strings.TrimSuffix(ptr(), "/house"), Element: s.ID,
				Message: fmt.Sprintf("seat %q names no house, but body %q has houses; say which house the seats sit in", s.ID, b.ID)})
		}
		return
	case s.House == "":
		return
	}
	k.ref(s.ID, s.House, kindHouse, ptr, "house")
	if k.visit != nil {
		return
	}
	if e, ok := k.ids[s.House]; ok && e.kind == kindHouse && e.i != i {
		k.problems = append(k.problems, Problem{Pointer: ptr(), Element: s.ID,
			Message: fmt.Sprintf("house %q belongs to another body (%s); a seat sits in a house of its own body %q", s.House, strings.TrimSuffix(e.pointer(), "/id"), b.ID)})
	}
}

// composition checks that a membership's parts name each class once and
// add up to no more than the whole.
func (k *checker) composition(b charter.Body, ptr func() string) {
	if k.visit != nil || len(b.Composition) == 0 {
		return
	}
	sum, seen := 0.0, map[string]bool{}
	for j, p := range b.Composition {
		if seen[p.Class] {
			k.problems = append(k.problems, Problem{Pointer: idx(ptr(), j) + "/class", Element: b.ID,
				Message: fmt.Sprintf("class %q appears twice in the composition of body %q", p.Class, b.ID)})
		}
		seen[p.Class] = true
		sum += p.Share
	}
	if sum > 1.0001 {
		k.problems = append(k.problems, Problem{Pointer: ptr(), Element: b.ID,
			Message: fmt.Sprintf("the shares of body %q's composition add up to %.3g, more than the whole (1)", b.ID, sum)})
	}
}

// consistent checks that a body's parts do not contradict each other: a
// named organisation cannot serve in a personal capacity, a liaison or
// observer speaking for another has no vote, a body does not oversee
// itself, and a matter has one rule.
func (k *checker) consistent(c *charter.Charter, b charter.Body, bp func() string) {
	if k.visit != nil {
		return
	}
	add := func(ptr, msg string, args ...any) {
		k.problems = append(k.problems, Problem{Pointer: ptr, Element: b.ID, Message: fmt.Sprintf(msg, args...)})
	}
	for j, s := range b.Seats {
		sp := idx(bp()+"/seats", j)
		if e, ok := k.ids[s.Actor]; ok && e.kind == kindActor && s.Personal() && c.Actors[e.i].Organisation() {
			add(sp+"/capacity", "seat %q is held in a personal capacity, but its actor %q is a named organisation; a personal seat belongs to an actor that stands for individuals (kind constituency)", s.ID, s.Actor)
		}
		if (s.Kind == "liaison" || s.Kind == "observer") && s.Vote != charter.VoteNone {
			what := map[string]string{"liaison": "a liaison", "observer": "an observer"}[s.Kind]
			add(sp+"/vote", "seat %q is %s but has vote %q; a liaison or observer takes part without a vote (vote \"none\"), and a voting member is of kind member or chair", s.ID, what, s.Vote)
		} else if s.OnBehalfOf != "" && s.Vote != charter.VoteNone {
			add(sp+"/onBehalfOf", "seat %q speaks on behalf of %q but has vote %q; a liaison or observer seat carries no vote (vote \"none\"), and a voting member needs no onBehalfOf", s.ID, s.OnBehalfOf, s.Vote)
		}
	}
	for j, id := range b.Oversees {
		if id == b.ID {
			add(idx(bp()+"/oversees", j), "body %q names itself among the bodies it oversees; oversight is of another body", b.ID)
		}
	}
	if d := b.Decision; d != nil {
		seen := map[string]bool{}
		for j, m := range d.Matters {
			if seen[m.Matter] {
				add(idx(bp()+"/decision/matters", j)+"/matter", "matter %q has two rules in body %q's decision; give each matter one rule", m.Matter, b.ID)
			}
			seen[m.Matter] = true
		}
	}
}

func article(k kind) string {
	if s := k.String(); s[0] == 'a' || s[0] == 'e' {
		return "an " + s
	}
	return "a " + k.String()
}

func idx(prefix string, i int) string { return prefix + "/" + strconv.Itoa(i) }

// task checks that a function's task belongs to its category: the matrix
// judges a task by its own row only within that category. Likewise the
// openness of standards is said of a standards-setting function only,
// which CL-PAR-004 reads.
func (k *checker) task(f charter.Function, fp func() string) {
	if k.visit != nil {
		return
	}
	if f.Standards != nil && f.Category != charter.CategoryStandardsSetting {
		k.problems = append(k.problems, Problem{Pointer: fp() + "/standards", Element: f.ID,
			Message: fmt.Sprintf("function %q says how open its standards are but is of category %q; standards are described on a function of category standards-setting", f.ID, f.Category)})
	}
	if f.Task == "" {
		return
	}
	if want := charter.TaskCategory(f.Task); want != f.Category {
		k.problems = append(k.problems, Problem{Pointer: fp() + "/task", Element: f.ID,
			Message: fmt.Sprintf("function %q has task %q, which belongs to category %q, not to its category %q", f.ID, f.Task, want, f.Category)})
	}
}
