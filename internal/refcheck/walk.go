package refcheck

import (
	"strings"

	"github.com/charterlint/charterlint/internal/charter"
)

// Kind is what an id names: a set of element kinds.
type Kind = kind

// The kinds of element an id can name.
const (
	KindActor    = kindActor
	KindBody     = kindBody
	KindFunction = kindFunction
	// KindOther is a seat, veto, advice relation, appeal, review or
	// recourse: ids that nothing refers to.
	KindOther = kindOther
	// KindHouse is a house of a body, which its seats name.
	KindHouse = kindHouse
)

// Declaration is an id a charter declares.
type Declaration struct {
	ID string
	// Pointer is the JSON Pointer of the id's value (".../id").
	Pointer string
	Kind    Kind
}

// Element is the pointer of the declared element: Pointer without "/id".
func (d Declaration) Element() string { return strings.TrimSuffix(d.Pointer, "/id") }

// Reference is a value of a charter that names another element by id.
type Reference struct {
	ID      string
	Pointer string
	// Want is the kinds of element the field may name.
	Want Kind
}

// Declarations returns the ids c declares, in document order; a
// duplicated id is listed once, at its first declaration.
func Declarations(c *charter.Charter) []Declaration {
	k := &checker{ids: map[string]entry{}}
	k.declareAll(c)
	out := make([]Declaration, 0, len(k.ids))
	seen := make(map[string]bool, len(k.ids))
	add := func(id string) {
		if e, ok := k.ids[id]; ok && !seen[id] {
			seen[id] = true
			out = append(out, Declaration{ID: id, Pointer: e.pointer(), Kind: e.kind})
		}
	}
	for _, a := range c.Actors {
		add(a.ID)
	}
	for _, b := range c.Bodies {
		add(b.ID)
		for _, s := range b.Seats {
			add(s.ID)
		}
		for _, v := range b.Vetoes {
			add(v.ID)
		}
		for _, h := range b.Houses {
			add(h.ID)
		}
	}
	for _, f := range c.Functions {
		add(f.ID)
	}
	for _, a := range c.Advice {
		add(a.ID)
	}
	if acc := c.Accountability; acc != nil {
		for _, a := range acc.Appeals {
			add(a.ID)
		}
		if r := acc.IndependentReview; r != nil {
			add(r.ID)
		}
		for _, r := range acc.Recourse {
			add(r.ID)
		}
	}
	return out
}

// References returns every reference of c to another element, in the
// order Check resolves them, whether or not it resolves.
func References(c *charter.Charter) []Reference {
	var out []Reference
	k := &checker{ids: map[string]entry{}}
	k.visit = func(id string, want kind, ptr func() string) {
		out = append(out, Reference{ID: id, Pointer: ptr(), Want: want})
	}
	k.resolveAll(c)
	return out
}

// Fields maps each property name that holds references (a single id or a
// list of ids) to the kinds of element it may name. Check resolves
// exactly these (TestFieldsAgreeWithReferences).
var Fields = map[string]Kind{
	"participants":     KindActor,
	"actor":            KindActor,
	"appointedBy":      KindBody,
	"by":               KindActor | KindBody, // selection.by, recall.by
	"holder":           KindActor | KindBody,
	"decidedBy":        KindBody,
	"advisedBy":        KindBody,
	"from":             KindBody,
	"to":               KindBody,
	"functions":        KindFunction, // advice[].functions
	"approvedBy":       KindBody,
	"body":             KindBody,
	"of":               KindBody, // recall.of, recourse.of
	"house":            KindHouse,
	"onBehalfOf":       KindActor | KindBody,
	"oversees":         KindBody,
	"fundedBy":         KindActor | KindBody,
	"firstAppointedBy": KindActor | KindBody,
}
