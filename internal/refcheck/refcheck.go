// Package refcheck checks the references inside a charter that the schema
// cannot: every id is unique across the charter, and every seat, function,
// advice relation, veto, appeal, review or recall names an actor, body or
// function that exists. Problems are located by JSON Pointer.
package refcheck

import (
	"fmt"
	"strconv"

	"github.com/charterlint/charterlint/internal/charter"
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
	}
	return "element"
}

type entry struct {
	kind    kind
	pointer string
}

type checker struct {
	ids      map[string]entry
	problems []Problem
}

// Check returns the reference problems of c, in document order.
func Check(c *charter.Charter) []Problem {
	k := &checker{ids: make(map[string]entry, len(c.Actors)+4*len(c.Bodies)+len(c.Functions))}
	k.declareAll(c)
	k.resolveAll(c)
	return k.problems
}

func (k *checker) declare(id string, kd kind, ptr string) {
	if first, dup := k.ids[id]; dup {
		k.problems = append(k.problems, Problem{
			Pointer: ptr,
			Element: id,
			Message: fmt.Sprintf("id %q is already used by the %s at %s; ids must be unique within a charter", id, first.kind, first.pointer),
		})
		return
	}
	k.ids[id] = entry{kind: kd, pointer: ptr}
}

func (k *checker) declareAll(c *charter.Charter) {
	for i, a := range c.Actors {
		k.declare(a.ID, kindActor, idx("/actors", i)+"/id")
	}
	for i, b := range c.Bodies {
		bp := idx("/bodies", i)
		k.declare(b.ID, kindBody, bp+"/id")
		for j, s := range b.Seats {
			k.declare(s.ID, kindOther, idx(bp+"/seats", j)+"/id")
		}
		for j, v := range b.Vetoes {
			k.declare(v.ID, kindOther, idx(bp+"/vetoes", j)+"/id")
		}
	}
	for i, f := range c.Functions {
		k.declare(f.ID, kindFunction, idx("/functions", i)+"/id")
	}
	for i, a := range c.Advice {
		k.declare(a.ID, kindOther, idx("/advice", i)+"/id")
	}
	if acc := c.Accountability; acc != nil {
		for i, a := range acc.Appeals {
			k.declare(a.ID, kindOther, idx("/accountability/appeals", i)+"/id")
		}
		if r := acc.IndependentReview; r != nil {
			k.declare(r.ID, kindOther, "/accountability/independentReview/id")
		}
	}
}

// ref checks that id names something of one of the wanted kinds.
func (k *checker) ref(owner, id string, want kind, ptr, what string) {
	if id == "" {
		return
	}
	e, ok := k.ids[id]
	switch {
	case !ok:
		k.problems = append(k.problems, Problem{Pointer: ptr, Element: owner,
			Message: fmt.Sprintf("%s %q names no %s in this charter", what, id, want)})
	case e.kind&want == 0:
		k.problems = append(k.problems, Problem{Pointer: ptr, Element: owner,
			Message: fmt.Sprintf("%s %q names the %s at %s, not %s", what, id, e.kind, e.pointer, article(want))})
	}
}

func (k *checker) refs(owner string, ids []string, want kind, ptr, what string) {
	for i, id := range ids {
		k.ref(owner, id, want, idx(ptr, i), what)
	}
}

func (k *checker) resolveAll(c *charter.Charter) {
	for i, b := range c.Bodies {
		bp := idx("/bodies", i)
		k.refs(b.ID, b.Participants, kindActor, bp+"/participants", "participant")
		for j, s := range b.Seats {
			sp := idx(bp+"/seats", j)
			k.ref(s.ID, s.Actor, kindActor, sp+"/actor", "seat holder")
			k.ref(s.ID, s.AppointedBy, kindBody, sp+"/appointedBy", "appointing body")
			if s.Selection != nil {
				k.refs(s.ID, s.Selection.By, kindActor|kindBody, sp+"/selection/by", "selector")
			}
		}
		for j, v := range b.Vetoes {
			k.ref(v.ID, v.Holder, kindActor|kindBody, idx(bp+"/vetoes", j)+"/holder", "veto holder")
		}
	}
	for i, f := range c.Functions {
		fp := idx("/functions", i)
		k.ref(f.ID, f.DecidedBy, kindBody, fp+"/decidedBy", "deciding body")
		k.refs(f.ID, f.AdvisedBy, kindBody, fp+"/advisedBy", "advising body")
	}
	for i, a := range c.Advice {
		ap := idx("/advice", i)
		k.ref(a.ID, a.From, kindBody, ap+"/from", "advising body")
		k.ref(a.ID, a.To, kindBody, ap+"/to", "advised body")
		k.refs(a.ID, a.Functions, kindFunction, ap+"/functions", "function")
	}
	if p := c.Participation; p != nil && p.Admission != nil {
		k.ref("", p.Admission.ApprovedBy, kindBody, "/participation/admission/approvedBy", "approving body")
	}
	if acc := c.Accountability; acc != nil {
		for i, a := range acc.Appeals {
			ap := idx("/accountability/appeals", i)
			k.ref(a.ID, a.From, kindBody, ap+"/from", "appealed body")
			k.ref(a.ID, a.To, kindBody, ap+"/to", "appeal body")
		}
		if r := acc.IndependentReview; r != nil {
			k.ref(r.ID, r.Body, kindBody, "/accountability/independentReview/body", "review body")
		}
		if r := acc.Recall; r != nil {
			k.refs("", r.By, kindActor|kindBody, "/accountability/recall/by", "recalling actor or body")
			k.refs("", r.Of, kindBody, "/accountability/recall/of", "recalled body")
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
