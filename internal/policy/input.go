package policy

import (
	"encoding/json"
	"fmt"
	"slices"

	"github.com/charterlint/charterlint/internal/facts"
	"github.com/open-policy-agent/opa/v1/ast"
)

// inputValue builds the rules' input, {"charter": doc, "facts": facts},
// directly as an OPA value. Converting the facts through
// ast.InterfaceToValue would round-trip them through JSON, which cost more
// than evaluating every rule.
func inputValue(doc any, f *facts.Facts) (ast.Value, error) {
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
	return ast.NewObject(
		ast.Item(ast.InternedTerm("charter"), ast.NewTerm(charter)),
		ast.Item(ast.InternedTerm("facts"), ast.NewTerm(factsValue(f))),
	), nil
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

type obj struct{ items [][2]*ast.Term }

func (o *obj) add(key string, v ast.Value) {
	o.items = append(o.items, ast.Item(ast.InternedTerm(key), ast.NewTerm(v)))
}
func (o *obj) str(key, v string)          { o.add(key, ast.String(v)) }
func (o *obj) boolean(key string, v bool) { o.add(key, ast.InternedTerm(v).Value) }
func (o *obj) int(key string, v int)      { o.add(key, ast.InternedTerm(v).Value) }
func (o *obj) float(key string, v float64) {
	o.add(key, ast.Number(json.Number(fmt.Sprint(v))))
}
func (o *obj) strings(key string, v []string) { o.add(key, strArray(v)) }

// optFloat adds v, or null when it is nil.
func (o *obj) optFloat(key string, v *float64) {
	if v == nil {
		o.add(key, ast.NullValue)
		return
	}
	o.float(key, *v)
}
func (o *obj) value() ast.Value { return ast.NewObject(o.items...) }

func strArray(v []string) ast.Value {
	terms := make([]*ast.Term, len(v))
	for i, s := range v {
		terms[i] = ast.InternedTerm(s)
	}
	return ast.NewArray(terms...)
}

func intMap(m map[string]int) ast.Value {
	o := obj{items: make([][2]*ast.Term, 0, len(m))}
	for _, k := range sortedKeys(m) {
		o.int(k, m[k])
	}
	return o.value()
}

func floatMap(m map[string]float64) ast.Value {
	o := obj{items: make([][2]*ast.Term, 0, len(m))}
	for _, k := range sortedKeys(m) {
		o.float(k, m[k])
	}
	return o.value()
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// factsValue mirrors the JSON encoding of facts.Facts (its struct tags);
// TestFactsValueMatchesJSON keeps the two in step.
func factsValue(f *facts.Facts) ast.Value {
	var o obj
	o.boolean("claimsMultistakeholder", f.ClaimsMultistakeholder)
	o.strings("classes", f.Classes)
	var actors obj
	for _, id := range sortedKeys(f.Actors) {
		a := f.Actors[id]
		var x obj
		x.str("pointer", a.Pointer)
		x.str("class", a.Class)
		x.boolean("governmental", a.Governmental)
		x.boolean("organisation", a.Organisation)
		x.boolean("incumbent", a.Incumbent)
		actors.add(id, x.value())
	}
	o.add("actors", actors.value())
	var bodies obj
	for _, id := range f.BodyOrder {
		bodies.add(id, bodyValue(f.Bodies[id]))
	}
	o.add("bodies", bodies.value())
	var functions obj
	for _, id := range f.FunctionOrder {
		fn := f.Functions[id]
		var x obj
		x.str("id", fn.ID)
		x.str("pointer", fn.Pointer)
		x.str("category", fn.Category)
		x.str("declaredModality", fn.DeclaredModality)
		x.str("decidedBy", fn.DecidedBy)
		x.str("effectiveModality", fn.EffectiveModality)
		x.strings("powerClasses", fn.PowerClasses)
		x.str("fit", fn.Fit)
		if fn.Binding == nil {
			x.add("binding", ast.NullValue)
		} else {
			x.boolean("binding", *fn.Binding)
		}
		functions.add(id, x.value())
	}
	o.add("functions", functions.value())
	var advice obj
	for _, id := range sortedKeys(f.Advice) {
		a := f.Advice[id]
		var x obj
		x.str("pointer", a.Pointer)
		x.str("from", a.From)
		x.str("to", a.To)
		x.str("weight", a.Weight)
		x.strings("classes", a.Classes)
		advice.add(id, x.value())
	}
	o.add("advice", advice.value())
	seats := make([]*ast.Term, len(f.Seats))
	for i, s := range f.Seats {
		var x obj
		x.str("id", s.ID)
		x.str("pointer", s.Pointer)
		x.str("body", s.Body)
		x.boolean("deciding", s.Deciding)
		x.str("vote", s.Vote)
		x.int("count", s.Count)
		x.str("kind", s.Kind)
		x.str("actor", s.Actor)
		x.str("appointedBy", s.AppointedBy)
		x.str("selection", s.Selection)
		x.strings("selectedBy", s.SelectedBy)
		x.float("termYears", s.TermYears)
		x.int("maxConsecutive", s.MaxConsecutive)
		seats[i] = ast.NewTerm(x.value())
	}
	o.add("seats", ast.NewArray(seats...))
	o.strings("bodyOrder", f.BodyOrder)
	o.strings("functionOrder", f.FunctionOrder)
	v := f.Variety
	var variety obj
	variety.str("declaredModality", v.DeclaredModality)
	variety.str("effectiveModality", v.EffectiveModality)
	variety.strings("powerClasses", v.PowerClasses)
	variety.strings("advisoryClasses", v.AdvisoryClasses)
	variety.str("relation", v.Relation)
	variety.add("functionsByModality", intMap(v.FunctionsByModality))
	o.add("variety", variety.value())
	return o.value()
}

func bodyValue(b *facts.BodyFacts) ast.Value {
	var x obj
	x.str("id", b.ID)
	x.str("pointer", b.Pointer)
	x.str("role", b.Role)
	x.boolean("open", b.Open)
	x.int("seats", b.Seats)
	x.int("votingSeats", b.VotingSeats)
	x.add("votes", intMap(b.Votes))
	x.add("limitedVotes", intMap(b.LimitedVotes))
	x.add("shares", floatMap(b.Shares))
	x.strings("votingClasses", b.VotingClasses)
	x.strings("nonVotingClasses", b.NonVotingClasses)
	x.strings("memberClasses", b.MemberClasses)
	x.float("governmentalShare", b.GovernmentalShare)
	x.str("majorityClass", b.MajorityClass)
	x.str("decisiveClass", b.DecisiveClass)
	x.strings("powerClasses", b.PowerClasses)
	vetoes := make([]*ast.Term, len(b.Vetoes))
	for i, v := range b.Vetoes {
		var y obj
		y.str("id", v.ID)
		y.str("pointer", v.Pointer)
		y.str("holder", v.Holder)
		y.str("scope", v.Scope)
		y.strings("classes", v.Classes)
		y.boolean("incumbent", v.Incumbent)
		vetoes[i] = ast.NewTerm(y.value())
	}
	x.add("vetoes", ast.NewArray(vetoes...))
	x.strings("bindingAdviceFrom", b.BindingAdviceFrom)
	var appointers obj
	for _, k := range sortedKeys(b.Appointers) {
		appointers.strings(k, b.Appointers[k])
	}
	x.add("appointers", appointers.value())
	x.strings("appointerClasses", b.AppointerClasses)
	x.strings("decides", b.Decides)
	x.str("effectiveModality", b.EffectiveModality)
	x.str("relation", b.Relation)
	x.str("dominant", b.Dominant)
	x.str("dominanceReason", b.DominanceReason)
	var d obj
	d.str("method", b.Decision.Method)
	d.optFloat("quorum", b.Decision.Quorum)
	d.optFloat("threshold", b.Decision.Threshold)
	d.str("definition", b.Decision.Definition)
	d.str("judgedBy", b.Decision.JudgedBy)
	x.add("decision", d.value())
	return x.value()
}
