// Package amend compares two versions of one charter, an amendment, as the
// analysis pipeline sees them: the elements added, removed, renamed or
// changed, each body's seats, votes and vote shares by class, each
// function's effective modality, the classification, and the findings the
// amendment introduces or resolves.
//
// Everything is matched by id, never by position or line, so reordering
// arrays or reformatting the file changes nothing. Arrays are compared as
// sets: the order of seats, participants or objectives carries no meaning
// in the charter format.
//
// A rename is an element of some kind (actor, body, seat, veto, function,
// advice relation, appeal, independent review) whose id disappeared while
// an element of the same kind with a new id appeared, and either
//
//   - the two are the same once ids are left aside and references to
//     elements renamed before them are followed, or
//   - failing that, they have the same non-empty name,
//
// when that pairs exactly one old element with exactly one new one. Kinds
// are paired in the order actors, bodies, seats, vetoes, functions,
// advice, appeals, reviews, so that references from a later kind to a
// renamed element of an earlier kind count as unchanged. A reference is
// any string value equal to the old id (ids are unique across a charter).
package amend

import (
	"encoding/json"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/charterlint/charterlint/internal/analysis"
	"github.com/charterlint/charterlint/internal/charter"
	"github.com/charterlint/charterlint/internal/facts"
	"github.com/charterlint/charterlint/internal/finding"
)

// Kinds of element, in the order renames are paired.
const (
	KindActor    = "actor"
	KindBody     = "body"
	KindSeat     = "seat"
	KindVeto     = "veto"
	KindFunction = "function"
	KindAdvice   = "advice"
	KindAppeal   = "appeal"
	KindReview   = "review"
	// KindCharter is the charter's own settings: name, modality,
	// objectives, participation, transparency, recall, review cycle.
	KindCharter = "charter"
)

var kinds = []string{KindActor, KindBody, KindSeat, KindVeto, KindFunction, KindAdvice, KindAppeal, KindReview, KindCharter}

// Changes to an element.
const (
	Added   = "added"
	Removed = "removed"
	Renamed = "renamed"
	Changed = "changed"
)

// Amendment is the comparison of two versions of a charter.
type Amendment struct {
	Old Side `json:"old"`
	New Side `json:"new"`
	// IDsDiffer is true when both sides have an id and the ids differ:
	// the two files are probably different charters, not two versions
	// of one.
	IDsDiffer bool `json:"idsDiffer"`
	// ElementsCompared is false when one side could not be read as a
	// charter model (it fails to parse or breaks the schema); Elements is
	// then empty.
	ElementsCompared bool      `json:"elementsCompared"`
	Elements         []Element `json:"elements"`
	// PowerCompared is false when one side failed the structural checks,
	// so that it has no facts: Bodies, Functions and Classification are
	// then empty.
	PowerCompared bool       `json:"powerCompared"`
	Bodies        []Body     `json:"bodies"`
	Functions     []Function `json:"functions"`
	// Classification is the variety before and after; nil when power is
	// not compared.
	Classification *Classification `json:"classification"`
	// RulesCompared is false when the rules ran on one side only (the
	// other failed the structural checks): rule findings are then left out
	// of Introduced and Resolved, and only structural findings compared.
	RulesCompared bool `json:"rulesCompared"`
	// Introduced are NEW's findings that OLD does not have, located in
	// NEW; Resolved are OLD's findings that NEW no longer has, located in
	// OLD.
	Introduced []finding.Finding `json:"introduced"`
	Resolved   []finding.Finding `json:"resolved"`
}

// Side is one version of the charter.
type Side struct {
	// Path is the file as shown: a path, or REV:PATH for a git revision.
	Path string `json:"path"`
	ID   string `json:"id,omitempty"`
	Name string `json:"name,omitempty"`
	// Checked is true when the side passed the structural checks (parse,
	// schema, references), so that its power can be compared.
	Checked bool `json:"checked"`
	// Problem says, when Checked is false, which check it failed:
	// "parse", "schema" or "reference".
	Problem string `json:"problem,omitempty"`
}

// Element is one element added, removed, renamed or changed.
type Element struct {
	Kind   string `json:"kind"`
	Change string `json:"change"`
	// ID is the element's id in NEW (in OLD when removed); "" for the
	// charter's own settings.
	ID string `json:"id"`
	// OldID is the id in OLD of a renamed element.
	OldID string `json:"oldId,omitempty"`
	Name  string `json:"name,omitempty"`
	// Fields are the properties whose value changed, for a changed
	// element or a renamed one that changed otherwise too.
	Fields []string `json:"fields,omitempty"`
	// Changes say how each of Fields changed, before and after: one
	// entry per property, or, for an object such as a seat's selection,
	// one per property of it that changed ("selection.method").
	Changes []FieldChange `json:"changes,omitempty"`
}

// FieldChange is one property of an element, before and after.
type FieldChange struct {
	// Field names the property; a property of a nested object by its
	// path, "selection.method", "reviewCycle.years".
	Field string `json:"field"`
	// Old and New are the values as JSON, as each version writes them;
	// null on the side where the property is not set. An array is given
	// whole.
	Old any `json:"old"`
	New any `json:"new"`
	// Added and Removed are, for an array, the items NEW has that OLD
	// does not, and those OLD has that NEW does not: arrays are compared
	// as sets, references to renamed elements followed.
	Added   []any `json:"added,omitempty"`
	Removed []any `json:"removed,omitempty"`
}

// Body is one body whose seats, votes or power changed.
type Body struct {
	ID    string `json:"id"`
	OldID string `json:"oldId,omitempty"`
	// Before and After are nil on the side where the body does not exist.
	Before *BodyPower `json:"before"`
	After  *BodyPower `json:"after"`
}

// BodyPower is what the facts say of one body's votes and power.
type BodyPower struct {
	Seats       int `json:"seats"`
	VotingSeats int `json:"votingSeats"`
	// TotalVotes are the full votes the voting seats cast (seats times
	// their weight).
	TotalVotes int `json:"totalVotes"`
	// Votes counts full votes per class, Shares their share of TotalVotes
	// ("mixed" for seats filled by a body of several classes).
	Votes             map[string]int     `json:"votes"`
	Shares            map[string]float64 `json:"shares"`
	PowerClasses      []string           `json:"powerClasses"`
	EffectiveModality string             `json:"effectiveModality"`
	Relation          string             `json:"relation"`
	Authority         string             `json:"authority,omitempty"`
	// Dominant is the class that can carry decisions alone by its votes.
	Dominant string `json:"dominant,omitempty"`
}

// RelationText is the authority relation, with the class that has
// authority and the dominant class when there are: "hierarchical under
// government", "polyarchic, government dominant".
func (p *BodyPower) RelationText() string {
	rel := p.Relation
	if p.Relation == "hierarchical" && p.Authority != "" {
		rel += " under " + p.Authority
	}
	if p.Dominant != "" {
		return rel + ", " + p.Dominant + " dominant"
	}
	return rel
}

// Function is one function whose modality or deciding body changed.
type Function struct {
	ID     string            `json:"id"`
	OldID  string            `json:"oldId,omitempty"`
	Before *FunctionModality `json:"before"`
	After  *FunctionModality `json:"after"`
}

// FunctionModality is a function's declared and effective modality.
type FunctionModality struct {
	DeclaredModality  string `json:"declaredModality"`
	EffectiveModality string `json:"effectiveModality"`
	// DecidedBy is the deciding body, in NEW's ids on both sides.
	DecidedBy string `json:"decidedBy,omitempty"`
	Fit       string `json:"fit,omitempty"`
}

// Classification is the charter's variety before and after.
type Classification struct {
	Before  Variety `json:"before"`
	After   Variety `json:"after"`
	Changed bool    `json:"changed"`
}

// Variety is the part of a classification an amendment can move.
type Variety struct {
	DeclaredModality  string   `json:"declaredModality"`
	EffectiveModality string   `json:"effectiveModality"`
	PowerClasses      []string `json:"powerClasses"`
	AdvisoryClasses   []string `json:"advisoryClasses"`
	Relation          string   `json:"relation"`
	Verdict           string   `json:"verdict"`
}

// Empty reports whether the amendment changes nothing that is compared.
func (a *Amendment) Empty() bool {
	return len(a.Elements) == 0 && len(a.Bodies) == 0 && len(a.Functions) == 0 &&
		(a.Classification == nil || !a.Classification.Changed) &&
		len(a.Introduced) == 0 && len(a.Resolved) == 0
}

// Worst is the highest severity among the introduced findings; 0 when
// there is none.
func (a *Amendment) Worst() finding.Severity {
	var w finding.Severity
	for _, f := range a.Introduced {
		w = max(w, f.Severity)
	}
	return w
}

// Compare compares two analyses of a charter: before is the version
// amended, after the amended one. Both should come from the same
// analyzer, so that the same rules and data judged them.
func Compare(before, after *analysis.Analysis) *Amendment {
	am := &Amendment{
		Old: side(before), New: side(after),
		Elements: []Element{}, Bodies: []Body{}, Functions: []Function{},
		Introduced: []finding.Finding{}, Resolved: []finding.Finding{},
	}
	am.IDsDiffer = am.Old.ID != "" && am.New.ID != "" && am.Old.ID != am.New.ID
	renames := map[string]string{}
	oc, nc := model(before), model(after)
	if oc != nil && nc != nil {
		am.ElementsCompared = true
		am.Elements, renames = compareElements(oc, nc)
	}
	if before.Facts != nil && after.Facts != nil {
		am.PowerCompared = true
		am.Bodies = compareBodies(before.Facts, after.Facts, renames)
		am.Functions = compareFunctions(before.Facts, after.Facts, renames)
		am.Classification = compareVariety(before, after)
	}
	am.RulesCompared = before.Checked() && after.Checked()
	am.Introduced, am.Resolved = compareFindings(before, after, renames, am.RulesCompared)
	return am
}

func side(a *analysis.Analysis) Side {
	s := Side{Path: a.Path, Checked: a.Checked()}
	switch {
	case a.Charter != nil:
		s.ID, s.Name = a.Charter.ID, a.Charter.Name
	case len(a.Findings) > 0:
		s.Problem = string(a.Findings[0].Stage)
	}
	if c := model(a); c != nil {
		s.ID, s.Name = c.ID, c.Name
	}
	return s
}

// model is the charter model of a side: the analysis's, or, for a
// charter that passed the schema but not the reference checks, one read
// from its document.
func model(a *analysis.Analysis) *charter.Charter {
	if a.Charter != nil {
		return a.Charter
	}
	if a.Document == nil {
		return nil
	}
	for _, f := range a.Findings {
		if f.Stage != finding.StageReference {
			return nil
		}
	}
	c, err := charter.FromValue(a.Document.Value)
	if err != nil {
		return nil
	}
	return c
}

// entry is one element of a charter: its kind, id, name and content, the
// content as generic JSON with nested elements left out.
type entry struct {
	id, name string
	content  map[string]any
}

// catalogue lists a charter's elements by kind, in document order.
type catalogue map[string][]entry

func (c catalogue) add(kind, id, name string, v any, extra map[string]any) {
	m := toMap(v)
	maps.Copy(m, extra)
	c[kind] = append(c[kind], entry{id: id, name: name, content: m})
}

func elementsOf(c *charter.Charter) catalogue {
	cat := catalogue{}
	for _, a := range c.Actors {
		cat.add(KindActor, a.ID, a.Name, a, nil)
	}
	for _, b := range c.Bodies {
		for _, s := range b.Seats {
			cat.add(KindSeat, s.ID, "", s, map[string]any{"body": b.ID})
		}
		for _, v := range b.Vetoes {
			cat.add(KindVeto, v.ID, "", v, map[string]any{"body": b.ID})
		}
		b.Seats, b.Vetoes = nil, nil
		cat.add(KindBody, b.ID, b.Name, b, nil)
	}
	for _, f := range c.Functions {
		cat.add(KindFunction, f.ID, f.Name, f, nil)
	}
	for _, a := range c.Advice {
		cat.add(KindAdvice, a.ID, "", a, nil)
	}
	rest := *c
	rest.Actors, rest.Bodies, rest.Functions, rest.Advice = nil, nil, nil, nil
	if acc := c.Accountability; acc != nil {
		for _, a := range acc.Appeals {
			cat.add(KindAppeal, a.ID, "", a, nil)
		}
		if r := acc.IndependentReview; r != nil {
			cat.add(KindReview, r.ID, "", r, nil)
		}
		a := *acc
		a.Appeals, a.IndependentReview = nil, nil
		rest.Accountability = &a
	}
	cat.add(KindCharter, "", "", rest, nil)
	return cat
}

// toMap turns a model value into generic JSON, as its json tags say.
func toMap(v any) map[string]any {
	b, err := json.Marshal(v)
	if err != nil {
		panic("amend: the charter model does not marshal: " + err.Error())
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		panic("amend: the charter model does not unmarshal: " + err.Error())
	}
	return m
}

// canon returns v with every string equal to a renamed id replaced by the
// new id, and every array sorted, so that order carries no meaning.
func canon(v any, renames map[string]string) any {
	switch x := v.(type) {
	case string:
		if n, ok := renames[x]; ok {
			return n
		}
		return x
	case []any:
		out := make([]any, len(x))
		keys := make([]string, len(x))
		for i, e := range x {
			out[i] = canon(e, renames)
		}
		idx := make([]int, len(x))
		for i := range idx {
			idx[i] = i
			b, _ := json.Marshal(out[i])
			keys[i] = string(b)
		}
		slices.SortStableFunc(idx, func(a, b int) int { return strings.Compare(keys[a], keys[b]) })
		sorted := make([]any, len(x))
		for i, j := range idx {
			sorted[i] = out[j]
		}
		return sorted
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = canon(e, renames)
		}
		return out
	}
	return v
}

// fields lists the properties whose values differ: other than the id,
// which a rename changes, except for the charter's own.
func fields(kind string, old, new map[string]any, renames map[string]string) []string {
	o := canon(old, renames).(map[string]any)
	n := canon(new, nil).(map[string]any)
	var out []string
	for _, k := range slices.Sorted(maps.Keys(o)) {
		if (k != "id" || kind == KindCharter) && !reflect.DeepEqual(o[k], n[k]) {
			out = append(out, k)
		}
	}
	for _, k := range slices.Sorted(maps.Keys(n)) {
		if _, ok := o[k]; !ok && (k != "id" || kind == KindCharter) {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

// fieldNames are the properties the changes are in, sorted: a nested
// property's change ("selection.method") counts for its top property.
func fieldNames(changes []FieldChange) []string {
	var out []string
	for _, c := range changes {
		top, _, _ := strings.Cut(c.Field, ".")
		if !slices.Contains(out, top) {
			out = append(out, top)
		}
	}
	slices.Sort(out)
	return out
}

// fieldChanges says how the properties that fields lists changed: the
// values before and after, as each side writes them. An object is
// followed down to the properties of it that changed, one not set
// counting as empty; any other value, arrays included, is one change.
func fieldChanges(kind string, old, new map[string]any, renames map[string]string) []FieldChange {
	co := canon(old, renames).(map[string]any)
	cn := canon(new, nil).(map[string]any)
	var out []FieldChange
	for _, k := range unionKeys(old, new) {
		if k != "id" || kind == KindCharter {
			diffValues(k, old[k], new[k], co[k], cn[k], renames, &out)
		}
	}
	return out
}

// diffValues appends the changes from o to n at path; co and cn are the
// same values in canonical form (canon), which decide what is equal.
func diffValues(path string, o, n, co, cn any, renames map[string]string, out *[]FieldChange) {
	if reflect.DeepEqual(co, cn) {
		return
	}
	om, oObj := object(o)
	nm, nObj := object(n)
	if oObj && nObj {
		com, _ := object(co)
		cnm, _ := object(cn)
		before := len(*out)
		for _, k := range unionKeys(om, nm) {
			diffValues(path+"."+k, om[k], nm[k], com[k], cnm[k], renames, out)
		}
		if len(*out) > before {
			return
		}
		// {} and no object at all: not equal, but nothing inside differs.
	}
	c := FieldChange{Field: path, Old: o, New: n}
	oa, oArr := o.([]any)
	na, nArr := n.([]any)
	if (oArr || o == nil) && (nArr || n == nil) {
		c.Added, c.Removed = setDiff(oa, na, renames)
	}
	*out = append(*out, c)
}

// object reads v as an object; a value not set reads as an empty one.
func object(v any) (map[string]any, bool) {
	if v == nil {
		return nil, true
	}
	m, ok := v.(map[string]any)
	return m, ok
}

func unionKeys(a, b map[string]any) []string {
	keys := slices.Collect(maps.Keys(a))
	for k := range b {
		if _, ok := a[k]; !ok {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	return keys
}

// setDiff compares two arrays as multisets: the items of n that o does
// not have, and those of o that n does not have, in their order, each as
// its side writes it. OLD's references to renamed elements are followed.
func setDiff(o, n []any, renames map[string]string) (added, removed []any) {
	key := func(v any, renames map[string]string) string {
		b, _ := json.Marshal(canon(v, renames))
		return string(b)
	}
	left := map[string]int{}
	for _, v := range n {
		left[key(v, nil)]++
	}
	for _, v := range o {
		if k := key(v, renames); left[k] > 0 {
			left[k]--
		} else {
			removed = append(removed, v)
		}
	}
	for _, v := range n {
		if k := key(v, nil); left[k] > 0 {
			left[k]--
			added = append(added, v)
		}
	}
	return added, removed
}

// compareElements lists the elements added, removed, renamed and changed,
// and returns the renames, old id to new id.
func compareElements(oc, nc *charter.Charter) ([]Element, map[string]string) {
	olds, news := elementsOf(oc), elementsOf(nc)
	renames := map[string]string{}
	for _, kind := range kinds[:len(kinds)-1] {
		pairRenames(kind, olds[kind], news[kind], renames)
	}
	out := []Element{}
	for _, kind := range kinds {
		oldByID := map[string]entry{}
		for _, e := range olds[kind] {
			oldByID[e.id] = e
		}
		newIDs := map[string]bool{}
		for _, e := range news[kind] {
			newIDs[e.id] = true
		}
		renamedTo := map[string]string{}
		for o, n := range renames {
			if _, ok := oldByID[o]; ok {
				renamedTo[n] = o
			}
		}
		for _, n := range news[kind] {
			if o, ok := renamedTo[n.id]; ok {
				ch := fieldChanges(kind, oldByID[o].content, n.content, renames)
				out = append(out, Element{Kind: kind, Change: Renamed, ID: n.id, OldID: o, Name: n.name, Fields: fieldNames(ch), Changes: ch})
				continue
			}
			o, ok := oldByID[n.id]
			if !ok {
				out = append(out, Element{Kind: kind, Change: Added, ID: n.id, Name: n.name})
				continue
			}
			if ch := fieldChanges(kind, o.content, n.content, renames); len(ch) > 0 {
				out = append(out, Element{Kind: kind, Change: Changed, ID: n.id, Name: n.name, Fields: fieldNames(ch), Changes: ch})
			}
		}
		for _, o := range olds[kind] {
			if _, ok := renames[o.id]; !ok && !newIDs[o.id] {
				out = append(out, Element{Kind: kind, Change: Removed, ID: o.id, Name: o.name})
			}
		}
	}
	return out, renames
}

// pairRenames pairs the old elements of one kind whose id disappeared with
// the new ones whose id appeared: first by content, then by name, one to
// one. It adds the pairs to renames.
func pairRenames(kind string, olds, news []entry, renames map[string]string) {
	newIDs, oldIDs := map[string]bool{}, map[string]bool{}
	for _, e := range news {
		newIDs[e.id] = true
	}
	for _, e := range olds {
		oldIDs[e.id] = true
	}
	var gone, come []entry
	for _, e := range olds {
		if !newIDs[e.id] {
			gone = append(gone, e)
		}
	}
	for _, e := range news {
		if !oldIDs[e.id] {
			come = append(come, e)
		}
	}
	same := func(o, n entry) bool { return len(fields(kind, o.content, n.content, renames)) == 0 }
	sameName := func(o, n entry) bool { return o.name != "" && o.name == n.name }
	for _, match := range []func(o, n entry) bool{same, sameName} {
		matched := map[int]int{} // index in gone to index in come
		for i, o := range gone {
			if _, done := renames[o.id]; done {
				continue
			}
			candidate := -1
			for j, n := range come {
				if !taken(renames, n.id) && match(o, n) {
					if candidate >= 0 {
						candidate = -2 // more than one
						break
					}
					candidate = j
				}
			}
			if candidate >= 0 {
				matched[i] = candidate
			}
		}
		// One to one: a new element claimed by two old ones is nobody's.
		claims := map[int]int{}
		for _, j := range matched {
			claims[j]++
		}
		for i, j := range matched {
			if claims[j] == 1 {
				renames[gone[i].id] = come[j].id
			}
		}
	}
}

// taken reports whether id is already the new id of a rename.
func taken(renames map[string]string, id string) bool {
	for _, n := range renames {
		if n == id {
			return true
		}
	}
	return false
}

func bodyPower(bf *facts.BodyFacts) *BodyPower {
	return &BodyPower{
		Seats: bf.Seats, VotingSeats: bf.VotingSeats, TotalVotes: bf.TotalVotes, Votes: bf.Votes, Shares: bf.Shares,
		PowerClasses: bf.PowerClasses, EffectiveModality: bf.EffectiveModality,
		Relation: bf.Relation, Authority: bf.Authority, Dominant: bf.DecisiveClass,
	}
}

// invert maps new ids back to old ones.
func invert(renames map[string]string) map[string]string {
	out := make(map[string]string, len(renames))
	for o, n := range renames {
		out[n] = o
	}
	return out
}

func compareBodies(of, nf *facts.Facts, renames map[string]string) []Body {
	back := invert(renames)
	out := []Body{}
	seen := map[string]bool{}
	for _, id := range nf.BodyOrder {
		oldID := id
		if o, ok := back[id]; ok {
			oldID = o
		}
		seen[oldID] = true
		b := Body{ID: id, After: bodyPower(nf.Bodies[id])}
		if oldID != id {
			b.OldID = oldID
		}
		if obf, ok := of.Bodies[oldID]; ok {
			b.Before = bodyPower(obf)
			if reflect.DeepEqual(b.Before, b.After) {
				continue
			}
		}
		out = append(out, b)
	}
	for _, id := range of.BodyOrder {
		if !seen[id] {
			out = append(out, Body{ID: id, Before: bodyPower(of.Bodies[id])})
		}
	}
	return out
}

func functionModality(ff *facts.FunctionFacts, renames map[string]string) *FunctionModality {
	by := ff.DecidedBy
	if n, ok := renames[by]; ok {
		by = n
	}
	return &FunctionModality{DeclaredModality: ff.DeclaredModality, EffectiveModality: ff.EffectiveModality, DecidedBy: by, Fit: ff.Fit}
}

func compareFunctions(of, nf *facts.Facts, renames map[string]string) []Function {
	back := invert(renames)
	out := []Function{}
	seen := map[string]bool{}
	for _, id := range nf.FunctionOrder {
		oldID := id
		if o, ok := back[id]; ok {
			oldID = o
		}
		seen[oldID] = true
		f := Function{ID: id, After: functionModality(nf.Functions[id], nil)}
		if oldID != id {
			f.OldID = oldID
		}
		if off, ok := of.Functions[oldID]; ok {
			f.Before = functionModality(off, renames)
			if *f.Before == *f.After {
				continue
			}
		}
		out = append(out, f)
	}
	for _, id := range of.FunctionOrder {
		if !seen[id] {
			out = append(out, Function{ID: id, Before: functionModality(of.Functions[id], renames)})
		}
	}
	return out
}

func variety(a *analysis.Analysis) Variety {
	v := a.Facts.Variety
	out := Variety{
		DeclaredModality: v.DeclaredModality, EffectiveModality: v.EffectiveModality,
		PowerClasses: v.PowerClasses, AdvisoryClasses: v.AdvisoryClasses, Relation: v.Relation,
	}
	if a.Classification != nil {
		out.Verdict = a.Classification.Verdict
	}
	return out
}

func compareVariety(before, after *analysis.Analysis) *Classification {
	c := &Classification{Before: variety(before), After: variety(after)}
	c.Changed = !reflect.DeepEqual(c.Before, c.After)
	return c
}

// compareFindings matches the two sides' findings by rule and element id
// (OLD's ids renamed to NEW's), or, for a finding on no element, by rule
// and JSON Pointer with each array index replaced by the id of the element
// it selects. Findings with the same key pair up by message first, then in
// order. With rules false, only structural findings are compared.
func compareFindings(before, after *analysis.Analysis, renames map[string]string, rules bool) (introduced, resolved []finding.Finding) {
	keep := func(f finding.Finding) bool {
		return rules || f.Stage == finding.StageParse || f.Stage == finding.StageSchema || f.Stage == finding.StageReference
	}
	type keyed struct {
		key string
		f   finding.Finding
	}
	collect := func(a *analysis.Analysis, renames map[string]string) []keyed {
		var out []keyed
		for _, f := range a.Findings {
			if keep(f) {
				out = append(out, keyed{findingKey(a, f, renames), f})
			}
		}
		return out
	}
	olds, news := collect(before, renames), collect(after, nil)
	oldUsed, newUsed := make([]bool, len(olds)), make([]bool, len(news))
	for _, sameMessage := range []bool{true, false} {
		for i, n := range news {
			if newUsed[i] {
				continue
			}
			for j, o := range olds {
				if !oldUsed[j] && o.key == n.key && (!sameMessage || o.f.Message == n.f.Message) {
					oldUsed[j], newUsed[i] = true, true
					break
				}
			}
		}
	}
	introduced, resolved = []finding.Finding{}, []finding.Finding{}
	for i, n := range news {
		if !newUsed[i] {
			introduced = append(introduced, n.f)
		}
	}
	for j, o := range olds {
		if !oldUsed[j] {
			resolved = append(resolved, o.f)
		}
	}
	return introduced, resolved
}

// findingKey is what identifies a finding across versions.
func findingKey(a *analysis.Analysis, f finding.Finding, renames map[string]string) string {
	if f.Element != "" {
		id := f.Element
		if n, ok := renames[id]; ok {
			id = n
		}
		return f.Rule + "\x00element\x00" + id
	}
	var doc any
	if a.Document != nil {
		doc = a.Document.Value
	}
	return f.Rule + "\x00pointer\x00" + idPointer(doc, f.Pointer, renames)
}

// idPointer rewrites a JSON Pointer so that each array index that selects
// an element with an id reads "[id]" instead: /bodies/1/seats/0 becomes
// /bodies/[board]/seats/[board-chair], the same whatever the order.
func idPointer(doc any, pointer string, renames map[string]string) string {
	if pointer == "" {
		return ""
	}
	toks := strings.Split(pointer[1:], "/")
	cur := doc
	for i, tok := range toks {
		switch x := cur.(type) {
		case map[string]any:
			name := strings.ReplaceAll(strings.ReplaceAll(tok, "~1", "/"), "~0", "~")
			cur = x[name]
		case []any:
			n, err := strconv.Atoi(tok)
			if err != nil || n < 0 || n >= len(x) {
				cur = nil
				continue
			}
			cur = x[n]
			if m, ok := cur.(map[string]any); ok {
				if id, ok := m["id"].(string); ok {
					if r, ok := renames[id]; ok {
						id = r
					}
					toks[i] = "[" + id + "]"
				}
			}
		default:
			cur = nil
		}
	}
	return "/" + strings.Join(toks, "/")
}
