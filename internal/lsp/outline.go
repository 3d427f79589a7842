package lsp

import (
	"sort"
	"strings"

	"github.com/charterlint/charterlint/internal/charter"
	"github.com/charterlint/charterlint/internal/decode"
	"github.com/charterlint/charterlint/internal/refcheck"
)

// span is a string token in the text: an id where it is declared or
// where it is referred to.
type span struct {
	id         string
	pointer    string
	start, end int // the token, quotes included
	kind       refcheck.Kind
	decl       bool // a declaration (".../id"), else a reference
}

// outline is what a document that decoded into a charter model says about
// its ids: kept while later edits do not parse, for symbols, definition
// and completion.
type outline struct {
	text    *text
	doc     *decode.Document
	charter *charter.Charter
	spans   []span // in text order
	decls   map[string]span
}

// newOutline reads the ids of a decoded document; nil when its value is
// not a charter the model can hold.
func newOutline(t *text, doc *decode.Document) *outline {
	c, err := charter.FromValue(doc.Value)
	if err != nil {
		return nil
	}
	o := &outline{text: t, doc: doc, charter: c, decls: map[string]span{}}
	at := func(pointer string) (int, int, bool) {
		if !doc.Has(pointer) {
			return 0, 0, false
		}
		start := int(doc.Pos(pointer).Offset)
		if start >= len(t.data) || t.data[start] != '"' {
			return 0, 0, false
		}
		return start, tokenEnd(t.data, start), true
	}
	for _, d := range refcheck.Declarations(c) {
		if start, end, ok := at(d.Pointer); ok {
			s := span{id: d.ID, pointer: d.Pointer, start: start, end: end, kind: d.Kind, decl: true}
			o.spans = append(o.spans, s)
			o.decls[d.ID] = s
		}
	}
	for _, r := range refcheck.References(c) {
		if start, end, ok := at(r.Pointer); ok {
			o.spans = append(o.spans, span{id: r.ID, pointer: r.Pointer, start: start, end: end, kind: r.Want})
		}
	}
	sort.Slice(o.spans, func(i, j int) bool { return o.spans[i].start < o.spans[j].start })
	return o
}

// at is the id token that holds offset (or ends at it).
func (o *outline) at(offset int) (span, bool) {
	i := sort.Search(len(o.spans), func(i int) bool { return o.spans[i].end >= offset })
	if i < len(o.spans) && o.spans[i].start <= offset {
		return o.spans[i], true
	}
	return span{}, false
}

// uses are the spans naming id: its declaration first when decl is set,
// then its references in text order.
func (o *outline) uses(id string, decl bool) []span {
	var out []span
	if d, ok := o.decls[id]; ok && decl {
		out = append(out, d)
	}
	for _, s := range o.spans {
		if s.id == id && !s.decl {
			out = append(out, s)
		}
	}
	return out
}

// element is the extent of the element whose id d declares.
func (o *outline) element(d span) (int, int) {
	ptr := strings.TrimSuffix(d.pointer, "/id")
	start := int(o.doc.Pos(ptr).Offset)
	return start, valueEnd(o.text.data, start)
}

// name is the name of the element id declares ("" when it has none).
func (o *outline) name(id string) string {
	c := o.charter
	for _, a := range c.Actors {
		if a.ID == id {
			return a.Name
		}
	}
	for _, b := range c.Bodies {
		if b.ID == id {
			return b.Name
		}
	}
	for _, f := range c.Functions {
		if f.ID == id {
			return f.Name
		}
	}
	return ""
}
