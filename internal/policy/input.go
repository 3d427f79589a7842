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
	// The keys of each kind of fact object, in the order factsValue adds
	// them (the order of the struct's fields).
	facts, actor, body, function, advice, seat, veto, decision, variety *shape
}

// shape is the keys of one kind of object in the order they are added, each
// with its prebuilt term: adding the members in that order looks nothing
// up.
type shape struct {
	names []string
	terms []*ast.Term
}

// newVocabulary prebuilds words (the schema's names and enum values,
// schema.Words, and the other values the facts use) and the facts' JSON
// keys, which each shape reads from its struct's tags, so a new field needs
// no change here.
func newVocabulary(words ...string) vocabulary {
	v := vocabulary{words: map[string]*ast.Term{}, emptyArray: ast.ArrayTerm(), emptyObject: ast.ObjectTerm()}
	for _, s := range words {
		v.add(s)
	}
	v.facts = v.shapeOf(reflect.TypeFor[facts.Facts]())
	v.actor = v.shapeOf(reflect.TypeFor[facts.ActorFacts]())
	v.body = v.shapeOf(reflect.TypeFor[facts.BodyFacts]())
	v.function = v.shapeOf(reflect.TypeFor[facts.FunctionFacts]())
	v.advice = v.shapeOf(reflect.TypeFor[facts.AdviceFacts]())
	v.seat = v.shapeOf(reflect.TypeFor[facts.SeatFacts]())
	v.veto = v.shapeOf(reflect.TypeFor[facts.VetoFacts]())
	v.decision = v.shapeOf(reflect.TypeFor[facts.DecisionFacts]())
	v.variety = v.shapeOf(reflect.TypeFor[facts.Variety]())
	return v
}

// add prebuilds the term of a word.
func (v vocabulary) add(s string) {
	if _, ok := v.words[s]; !ok {
		v.words[s] = ast.StringTerm(s)
	}
}

// shapeOf lists the JSON keys of a struct's fields, in field order, and
// adds them to the vocabulary.
func (v vocabulary) shapeOf(t reflect.Type) *shape {
	s := &shape{}
	for f := range t.Fields() {
		if name, _, _ := strings.Cut(f.Tag.Get("json"), ","); name != "" && name != "-" {
			v.add(name)
			s.names = append(s.names, name)
			s.terms = append(s.terms, v.words[name])
		}
	}
	return s
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
	shape *shape
	start int // where the members begin on the stack
}

func (b *builder) obj() obj { return obj{b: b, start: len(b.stack)} }

// shaped starts an object whose members are added in the shape's order.
func (b *builder) shaped(s *shape) obj { return obj{b: b, shape: s, start: len(b.stack)} }

func (o *obj) add(key string, t *ast.Term) {
	if i := len(o.b.stack) - o.start; o.shape != nil && i < len(o.shape.names) && o.shape.names[i] == key {
		o.b.stack = append(o.b.stack, [2]*ast.Term{o.shape.terms[i], t})
		return
	}
	o.b.stack = append(o.b.stack, [2]*ast.Term{o.b.word(key), t})
}

// member adds a member keyed by an id, which is never in the vocabulary.
func (o *obj) member(id string, t *ast.Term) {
	o.b.stack = append(o.b.stack, [2]*ast.Term{o.b.term(ast.String(id)), t})
}

func (o *obj) str(key, s string)          { o.add(key, o.b.word(s)) }
func (o *obj) id(key, s string)           { o.add(key, o.b.term(ast.String(s))) }
func (o *obj) boolean(key string, b bool) { o.add(key, ast.InternedTerm(b)) }
func (o *obj) int(key string, n int)      { o.add(key, ast.InternedTerm(n)) }
func (o *obj) float(key string, f float64) {
	o.add(key, o.b.term(ast.Number(strconv.FormatFloat(f, 'g', -1, 64))))
}
func (o *obj) strings(key string, v []string) { o.add(key, o.b.strings(v, true)) }
func (o *obj) ids(key string, v []string)     { o.add(key, o.b.strings(v, false)) }

// optFloat adds f, or null when it is nil.
func (o *obj) optFloat(key string, f *float64) {
	if f == nil {
		o.add(key, ast.InternedNullTerm)
		return
	}
	o.float(key, *f)
}

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

// strings makes an array of strings, looked up in the vocabulary when they
// may be words; ids never are.
func (b *builder) strings(s []string, words bool) *ast.Term {
	if len(s) == 0 {
		return b.v.emptyArray
	}
	elems := b.slice(len(s))
	for i, x := range s {
		if words {
			elems[i] = b.word(x)
		} else {
			elems[i] = b.term(ast.String(x))
		}
	}
	return b.term(ast.NewArray(elems...))
}

// intMap and floatMap add members in map order: an OPA object orders its
// keys itself.
func (b *builder) intMap(m map[string]int) *ast.Term {
	o := b.obj()
	for k, n := range m {
		o.int(k, n)
	}
	return o.term()
}

func (b *builder) floatMap(m map[string]float64) *ast.Term {
	o := b.obj()
	for k, f := range m {
		o.float(k, f)
	}
	return o.term()
}

// factsValue mirrors the JSON encoding of facts.Facts (its struct tags),
// adding members in field order (see shape); TestFactsValueMatchesJSON
// keeps the two in step. Ids and pointers are never looked up in the
// vocabulary, and maps are added in map order: an OPA object orders its
// keys itself.
func (v vocabulary) factsValue(f *facts.Facts) ast.Value {
	b := &builder{v: v, stack: make([][2]*ast.Term, 0, 64)}
	o := b.shaped(v.facts)
	o.boolean("claimsMultistakeholder", f.ClaimsMultistakeholder)
	o.strings("classes", f.Classes)
	actors := b.obj()
	for id, a := range f.Actors {
		x := b.shaped(v.actor)
		x.id("pointer", a.Pointer)
		x.str("class", a.Class)
		x.boolean("governmental", a.Governmental)
		x.boolean("organisation", a.Organisation)
		x.boolean("incumbent", a.Incumbent)
		actors.member(id, x.term())
	}
	o.add("actors", actors.term())
	bodies := b.obj()
	for _, id := range f.BodyOrder {
		bodies.member(id, b.bodyValue(f.Bodies[id]))
	}
	o.add("bodies", bodies.term())
	functions := b.obj()
	for _, id := range f.FunctionOrder {
		fn := f.Functions[id]
		x := b.shaped(v.function)
		x.id("id", fn.ID)
		x.id("pointer", fn.Pointer)
		x.str("category", fn.Category)
		x.str("declaredModality", fn.DeclaredModality)
		x.id("decidedBy", fn.DecidedBy)
		x.str("effectiveModality", fn.EffectiveModality)
		x.strings("powerClasses", fn.PowerClasses)
		x.str("fit", fn.Fit)
		if fn.Binding == nil {
			x.add("binding", ast.InternedNullTerm)
		} else {
			x.boolean("binding", *fn.Binding)
		}
		functions.member(id, x.term())
	}
	o.add("functions", functions.term())
	advice := b.obj()
	for id, a := range f.Advice {
		x := b.shaped(v.advice)
		x.id("pointer", a.Pointer)
		x.id("from", a.From)
		x.id("to", a.To)
		x.str("weight", a.Weight)
		x.strings("classes", a.Classes)
		advice.member(id, x.term())
	}
	o.add("advice", advice.term())
	seats := b.slice(len(f.Seats))
	for i, s := range f.Seats {
		x := b.shaped(v.seat)
		x.id("id", s.ID)
		x.id("pointer", s.Pointer)
		x.id("body", s.Body)
		x.boolean("deciding", s.Deciding)
		x.str("vote", s.Vote)
		x.int("count", s.Count)
		x.str("kind", s.Kind)
		x.id("actor", s.Actor)
		x.id("appointedBy", s.AppointedBy)
		x.str("selection", s.Selection)
		x.ids("selectedBy", s.SelectedBy)
		x.float("termYears", s.TermYears)
		x.int("maxConsecutive", s.MaxConsecutive)
		seats[i] = x.term()
	}
	o.add("seats", b.array(seats))
	o.ids("bodyOrder", f.BodyOrder)
	o.ids("functionOrder", f.FunctionOrder)
	vr := f.Variety
	variety := b.shaped(v.variety)
	variety.str("declaredModality", vr.DeclaredModality)
	variety.str("effectiveModality", vr.EffectiveModality)
	variety.strings("powerClasses", vr.PowerClasses)
	variety.strings("advisoryClasses", vr.AdvisoryClasses)
	variety.str("relation", vr.Relation)
	variety.add("functionsByModality", b.intMap(vr.FunctionsByModality))
	variety.int("governedFunctions", vr.GovernedFunctions)
	variety.strings("governedModalities", vr.GovernedModalities)
	variety.strings("governedCategories", vr.GovernedCategories)
	o.add("variety", variety.term())
	return o.value()
}

func (b *builder) bodyValue(bf *facts.BodyFacts) *ast.Term {
	v := b.v
	x := b.shaped(v.body)
	x.id("id", bf.ID)
	x.id("pointer", bf.Pointer)
	x.str("role", bf.Role)
	x.boolean("open", bf.Open)
	x.int("seats", bf.Seats)
	x.int("votingSeats", bf.VotingSeats)
	x.add("votes", b.intMap(bf.Votes))
	x.add("limitedVotes", b.intMap(bf.LimitedVotes))
	x.add("shares", b.floatMap(bf.Shares))
	x.strings("votingClasses", bf.VotingClasses)
	x.strings("nonVotingClasses", bf.NonVotingClasses)
	x.strings("memberClasses", bf.MemberClasses)
	x.float("governmentalShare", bf.GovernmentalShare)
	x.str("majorityClass", bf.MajorityClass)
	x.str("decisiveClass", bf.DecisiveClass)
	x.strings("powerClasses", bf.PowerClasses)
	vetoes := b.slice(len(bf.Vetoes))
	for i, vt := range bf.Vetoes {
		y := b.shaped(v.veto)
		y.id("id", vt.ID)
		y.id("pointer", vt.Pointer)
		y.id("holder", vt.Holder)
		y.str("scope", vt.Scope)
		y.strings("classes", vt.Classes)
		y.boolean("incumbent", vt.Incumbent)
		vetoes[i] = y.term()
	}
	x.add("vetoes", b.array(vetoes))
	x.ids("bindingAdviceFrom", bf.BindingAdviceFrom)
	appointers := b.obj()
	for seat, by := range bf.Appointers {
		appointers.member(seat, b.strings(by, false))
	}
	x.add("appointers", appointers.term())
	x.strings("appointerClasses", bf.AppointerClasses)
	x.ids("decides", bf.Decides)
	x.str("effectiveModality", bf.EffectiveModality)
	x.str("relation", bf.Relation)
	d := b.shaped(v.decision)
	d.str("method", bf.Decision.Method)
	d.optFloat("quorum", bf.Decision.Quorum)
	d.optFloat("threshold", bf.Decision.Threshold)
	d.str("definition", bf.Decision.Definition)
	d.str("judgedBy", bf.Decision.JudgedBy)
	x.add("decision", d.term())
	x.str("dominant", bf.Dominant)
	x.str("dominanceReason", bf.DominanceReason)
	return x.term()
}
