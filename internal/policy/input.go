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
			s.terms = append(s.terms, v.term(name))
		}
	}
	return s
}

// term returns the prebuilt term for s, or a new one.
func (v vocabulary) term(s string) *ast.Term {
	if t, ok := v.words[s]; ok {
		return t
	}
	return ast.StringTerm(s)
}

// obj collects an object's members.
type obj struct {
	v     vocabulary
	shape *shape
	items [][2]*ast.Term
}

func (v vocabulary) obj(n int) obj { return obj{v: v, items: make([][2]*ast.Term, 0, n)} }

// shaped starts an object whose members are added in the shape's order.
func (v vocabulary) shaped(s *shape) obj {
	return obj{v: v, shape: s, items: make([][2]*ast.Term, 0, len(s.names))}
}

func (o *obj) add(key string, t *ast.Term) {
	if i := len(o.items); o.shape != nil && i < len(o.shape.names) && o.shape.names[i] == key {
		o.items = append(o.items, [2]*ast.Term{o.shape.terms[i], t})
		return
	}
	o.items = append(o.items, [2]*ast.Term{o.v.term(key), t})
}

// member adds a member keyed by an id, which is never in the vocabulary.
func (o *obj) member(id string, t *ast.Term) {
	o.items = append(o.items, [2]*ast.Term{ast.StringTerm(id), t})
}

func (o *obj) str(key, s string)          { o.add(key, o.v.term(s)) }
func (o *obj) id(key, s string)           { o.add(key, ast.StringTerm(s)) }
func (o *obj) boolean(key string, b bool) { o.add(key, ast.InternedTerm(b)) }
func (o *obj) int(key string, n int)      { o.add(key, ast.InternedTerm(n)) }
func (o *obj) float(key string, f float64) {
	o.add(key, ast.NumberTerm(json.Number(strconv.FormatFloat(f, 'g', -1, 64))))
}
func (o *obj) strings(key string, v []string) { o.add(key, o.v.array(v)) }
func (o *obj) ids(key string, v []string)     { o.add(key, o.v.idArray(v)) }

// optFloat adds f, or null when it is nil.
func (o *obj) optFloat(key string, f *float64) {
	if f == nil {
		o.add(key, ast.InternedNullTerm)
		return
	}
	o.float(key, *f)
}
func (o *obj) term() *ast.Term {
	if len(o.items) == 0 {
		return o.v.emptyObject
	}
	return ast.NewTerm(ast.NewObject(o.items...))
}

func (v vocabulary) array(s []string) *ast.Term { return v.stringArray(s, true) }

// idArray makes an array of ids, which are never in the vocabulary.
func (v vocabulary) idArray(s []string) *ast.Term { return v.stringArray(s, false) }

// stringArray makes an array of strings, looked up in the vocabulary when
// they may be words.
func (v vocabulary) stringArray(s []string, words bool) *ast.Term {
	if len(s) == 0 {
		return v.emptyArray
	}
	terms := make([]*ast.Term, len(s))
	for i, x := range s {
		if words {
			terms[i] = v.term(x)
		} else {
			terms[i] = ast.StringTerm(x)
		}
	}
	return ast.ArrayTerm(terms...)
}

// terms makes an array of terms.
func (v vocabulary) terms(ts []*ast.Term) *ast.Term {
	if len(ts) == 0 {
		return v.emptyArray
	}
	return ast.ArrayTerm(ts...)
}

// intMap and floatMap add members in map order: an OPA object orders its
// keys itself.
func (v vocabulary) intMap(m map[string]int) *ast.Term {
	o := v.obj(len(m))
	for k, n := range m {
		o.int(k, n)
	}
	return o.term()
}

func (v vocabulary) floatMap(m map[string]float64) *ast.Term {
	o := v.obj(len(m))
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
	o := v.shaped(v.facts)
	o.boolean("claimsMultistakeholder", f.ClaimsMultistakeholder)
	o.strings("classes", f.Classes)
	actors := v.obj(len(f.Actors))
	for id, a := range f.Actors {
		x := v.shaped(v.actor)
		x.id("pointer", a.Pointer)
		x.str("class", a.Class)
		x.boolean("governmental", a.Governmental)
		x.boolean("organisation", a.Organisation)
		x.boolean("incumbent", a.Incumbent)
		actors.member(id, x.term())
	}
	o.add("actors", actors.term())
	bodies := v.obj(len(f.BodyOrder))
	for _, id := range f.BodyOrder {
		bodies.member(id, v.bodyValue(f.Bodies[id]))
	}
	o.add("bodies", bodies.term())
	functions := v.obj(len(f.FunctionOrder))
	for _, id := range f.FunctionOrder {
		fn := f.Functions[id]
		x := v.shaped(v.function)
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
	advice := v.obj(len(f.Advice))
	for id, a := range f.Advice {
		x := v.shaped(v.advice)
		x.id("pointer", a.Pointer)
		x.id("from", a.From)
		x.id("to", a.To)
		x.str("weight", a.Weight)
		x.strings("classes", a.Classes)
		advice.member(id, x.term())
	}
	o.add("advice", advice.term())
	seats := make([]*ast.Term, len(f.Seats))
	for i, s := range f.Seats {
		x := v.shaped(v.seat)
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
	o.add("seats", v.terms(seats))
	o.ids("bodyOrder", f.BodyOrder)
	o.ids("functionOrder", f.FunctionOrder)
	vr := f.Variety
	variety := v.shaped(v.variety)
	variety.str("declaredModality", vr.DeclaredModality)
	variety.str("effectiveModality", vr.EffectiveModality)
	variety.strings("powerClasses", vr.PowerClasses)
	variety.strings("advisoryClasses", vr.AdvisoryClasses)
	variety.str("relation", vr.Relation)
	variety.add("functionsByModality", v.intMap(vr.FunctionsByModality))
	variety.int("governedFunctions", vr.GovernedFunctions)
	variety.strings("governedModalities", vr.GovernedModalities)
	variety.strings("governedCategories", vr.GovernedCategories)
	o.add("variety", variety.term())
	return ast.NewObject(o.items...)
}

func (v vocabulary) bodyValue(b *facts.BodyFacts) *ast.Term {
	x := v.shaped(v.body)
	x.id("id", b.ID)
	x.id("pointer", b.Pointer)
	x.str("role", b.Role)
	x.boolean("open", b.Open)
	x.int("seats", b.Seats)
	x.int("votingSeats", b.VotingSeats)
	x.add("votes", v.intMap(b.Votes))
	x.add("limitedVotes", v.intMap(b.LimitedVotes))
	x.add("shares", v.floatMap(b.Shares))
	x.strings("votingClasses", b.VotingClasses)
	x.strings("nonVotingClasses", b.NonVotingClasses)
	x.strings("memberClasses", b.MemberClasses)
	x.float("governmentalShare", b.GovernmentalShare)
	x.str("majorityClass", b.MajorityClass)
	x.str("decisiveClass", b.DecisiveClass)
	x.strings("powerClasses", b.PowerClasses)
	vetoes := make([]*ast.Term, len(b.Vetoes))
	for i, vt := range b.Vetoes {
		y := v.shaped(v.veto)
		y.id("id", vt.ID)
		y.id("pointer", vt.Pointer)
		y.id("holder", vt.Holder)
		y.str("scope", vt.Scope)
		y.strings("classes", vt.Classes)
		y.boolean("incumbent", vt.Incumbent)
		vetoes[i] = y.term()
	}
	x.add("vetoes", v.terms(vetoes))
	x.ids("bindingAdviceFrom", b.BindingAdviceFrom)
	appointers := v.obj(len(b.Appointers))
	for seat, by := range b.Appointers {
		appointers.member(seat, v.idArray(by))
	}
	x.add("appointers", appointers.term())
	x.strings("appointerClasses", b.AppointerClasses)
	x.ids("decides", b.Decides)
	x.str("effectiveModality", b.EffectiveModality)
	x.str("relation", b.Relation)
	d := v.shaped(v.decision)
	d.str("method", b.Decision.Method)
	d.optFloat("quorum", b.Decision.Quorum)
	d.optFloat("threshold", b.Decision.Threshold)
	d.str("definition", b.Decision.Definition)
	d.str("judgedBy", b.Decision.JudgedBy)
	x.add("decision", d.term())
	x.str("dominant", b.Dominant)
	x.str("dominanceReason", b.DominanceReason)
	return x.term()
}
