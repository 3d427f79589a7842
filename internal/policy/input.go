package policy

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"strings"

	"github.com/charterlint/charterlint/internal/facts"
	"github.com/open-policy-agent/opa/v1/ast"
)

// inputValue builds the rules' input, {"charter": doc, "facts": facts},
// directly as an OPA value. Converting the facts through
// ast.InterfaceToValue would round-trip them through JSON, which cost more
// than evaluating every rule.
func (v vocabulary) inputValue(doc any, f *facts.Facts) (ast.Value, error) {
	var charter ast.Value
	if m, ok := doc.(map[string]any); ok {
		// Converted as the rules read it: most rules read facts, and the
		// parts of the charter nobody reads are never converted.
		charter = ast.LazyObject(m)
	} else {
		var err error
		if charter, err = docValue(doc); err != nil {
			return nil, err
		}
	}
	// A lazy object at the top too: an eager one would hash its members,
	// and hashing the lazy charter converts all of it.
	return ast.LazyObject(map[string]any{"charter": charter, "facts": v.factsValue(f)}), nil
}

// docValue converts a decoded JSON document (maps, slices, strings,
// json.Number, bools, nil).
func docValue(v any) (ast.Value, error) {
	switch x := v.(type) {
	case nil:
		return ast.NullValue, nil
	case bool:
		return ast.InternedTerm(x).Value, nil
	case string:
		return ast.String(x), nil
	case json.Number:
		return ast.Number(x), nil
	case []any:
		terms := make([]*ast.Term, len(x))
		for i, e := range x {
			ev, err := docValue(e)
			if err != nil {
				return nil, err
			}
			terms[i] = ast.NewTerm(ev)
		}
		return ast.NewArray(terms...), nil
	case map[string]any:
		items := make([][2]*ast.Term, 0, len(x))
		for k, e := range x {
			ev, err := docValue(e)
			if err != nil {
				return nil, err
			}
			items = append(items, ast.Item(ast.InternedTerm(k), ast.NewTerm(ev)))
		}
		return ast.NewObject(items...), nil
	}
	return nil, fmt.Errorf("unexpected %T in charter document", v)
}

// vocabulary holds one prebuilt term for every word the facts repeat (the
// keys of the facts' JSON encoding and the values of the format's enums),
// and for the empty array and object, which the facts are full of. Facts
// are built from it without allocating a term per key; it is read-only
// once built, and evaluation never changes a term, so the workers share it.
type vocabulary struct {
	words                   map[string]*ast.Term
	emptyArray, emptyObject *ast.Term
	// shapes holds the keys of every struct type the facts are made of,
	// in field order.
	shapes map[reflect.Type]*shape
}

// shape is the JSON keys of one struct type, each as its prebuilt term,
// with the index of the field it names: building an object looks nothing
// up.
type shape struct {
	terms  []*ast.Term
	fields []int
}

// newVocabulary prebuilds words (the schema's names and enum values,
// schema.Words, and the other values the facts use) and the facts' JSON
// keys, which each shape reads from its struct's tags, so a new field needs
// no change here.
func newVocabulary(words ...string) vocabulary {
	v := vocabulary{words: map[string]*ast.Term{}, emptyArray: ast.ArrayTerm(), emptyObject: ast.ObjectTerm(),
		shapes: map[reflect.Type]*shape{}}
	for _, s := range words {
		v.add(s)
	}
	v.shapeOf(reflect.TypeFor[facts.Facts]())
	return v
}

// add prebuilds the term of a word.
func (v vocabulary) add(s string) {
	if _, ok := v.words[s]; !ok {
		v.words[s] = ast.StringTerm(s)
	}
}

// shapeOf records the JSON keys of a struct type's fields, in field
// order, and of every struct type inside it, and adds the keys to the
// vocabulary.
func (v vocabulary) shapeOf(t reflect.Type) {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct || v.shapes[t] != nil {
		return
	}
	s := &shape{}
	v.shapes[t] = s
	for i := range t.NumField() {
		f := t.Field(i)
		if name, _, _ := strings.Cut(f.Tag.Get("json"), ","); name != "" && name != "-" {
			v.add(name)
			s.terms = append(s.terms, v.words[name])
			s.fields = append(s.fields, i)
			v.shapeOf(f.Type)
		}
	}
}

// builder builds one charter's facts. Terms come from an arena, a block
// of them allocated at once, and each object's members are collected on
// one stack that the finished object copies out of: a typical charter's
// facts take about 400 allocations fewer than one term and one member list
// per value. Nothing keeps a builder once its facts are built.
type builder struct {
	v     vocabulary
	arena []ast.Term     // terms handed out from the front
	elems []*ast.Term    // the elements of arrays, likewise
	stack [][2]*ast.Term // members of the objects under construction
}

// arenaBlock is how many terms (or array elements) one allocation holds.
const arenaBlock = 128

// term wraps a value in a term from the arena.
func (b *builder) term(v ast.Value) *ast.Term {
	if len(b.arena) == 0 {
		b.arena = make([]ast.Term, arenaBlock)
	}
	t := &b.arena[0]
	b.arena = b.arena[1:]
	t.Value = v
	return t
}

// word returns the vocabulary's term for s, or a new one.
func (b *builder) word(s string) *ast.Term {
	if t, ok := b.v.words[s]; ok {
		return t
	}
	return b.term(ast.String(s))
}

// slice returns room for n array elements from a shared block, capped so
// that an append elsewhere cannot write into it.
func (b *builder) slice(n int) []*ast.Term {
	if n > len(b.elems) {
		b.elems = make([]*ast.Term, max(arenaBlock, n))
	}
	s := b.elems[:n:n]
	b.elems = b.elems[n:]
	return s
}

// array makes an array of elements from slice.
func (b *builder) array(elems []*ast.Term) *ast.Term {
	if len(elems) == 0 {
		return b.v.emptyArray
	}
	return b.term(ast.NewArray(elems...))
}

// obj collects an object's members on the builder's stack.
type obj struct {
	b     *builder
	start int // where the members begin on the stack
}

func (b *builder) obj() obj { return obj{b: b, start: len(b.stack)} }

// add adds a member. The value must be built before add is called: building
// it may grow the stack.
func (o *obj) add(key, t *ast.Term) { o.b.stack = append(o.b.stack, [2]*ast.Term{key, t}) }

// value finishes the object: its members leave the stack, so the object
// must be finished before its parent adds another member.
func (o *obj) value() ast.Object {
	members := o.b.stack[o.start:]
	v := ast.NewObject(members...)
	clear(members) // the stack holds no term past its use
	o.b.stack = o.b.stack[:o.start]
	return v
}

func (o *obj) term() *ast.Term {
	if len(o.b.stack) == o.start {
		return o.b.v.emptyObject
	}
	return o.b.term(o.value())
}

// factsValue mirrors the JSON encoding of facts.Facts, walking its
// struct tags by reflection (TestFactsValueMatchesJSON keeps the two in
// step), so a new fact needs no code here. Strings are looked up in the
// vocabulary; map keys, which are ids, never are: an OPA object orders its
// keys itself.
func (v vocabulary) factsValue(f *facts.Facts) ast.Value {
	b := &builder{v: v, stack: make([][2]*ast.Term, 0, 64)}
	return b.value(reflect.ValueOf(f).Elem()).Value
}

// value converts one value of the facts as encoding/json would: nil
// slices, maps and pointers become null.
func (b *builder) value(x reflect.Value) *ast.Term {
	switch x.Kind() {
	case reflect.Pointer:
		if x.IsNil() {
			return ast.InternedNullTerm
		}
		return b.value(x.Elem())
	case reflect.Struct:
		s := b.v.shapes[x.Type()]
		o := b.obj()
		for i, f := range s.fields {
			v := b.value(x.Field(f))
			o.add(s.terms[i], v)
		}
		return o.term()
	case reflect.Map:
		if x.IsNil() {
			return ast.InternedNullTerm
		}
		o := b.obj()
		for it := x.MapRange(); it.Next(); {
			// Keys are ids, never in the vocabulary.
			v := b.value(it.Value())
			o.add(b.term(ast.String(it.Key().String())), v)
		}
		return o.term()
	case reflect.Slice:
		if x.IsNil() {
			return ast.InternedNullTerm
		}
		elems := b.slice(x.Len())
		for i := range elems {
			elems[i] = b.value(x.Index(i))
		}
		return b.array(elems)
	case reflect.String:
		return b.word(x.String())
	case reflect.Bool:
		return ast.InternedTerm(x.Bool())
	case reflect.Int:
		return ast.InternedTerm(int(x.Int()))
	case reflect.Float64:
		return b.term(ast.Number(strconv.FormatFloat(x.Float(), 'g', -1, 64)))
	}
	panic(fmt.Sprintf("policy: facts hold a %s, which the input cannot carry", x.Type()))
}
