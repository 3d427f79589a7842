// Package schema validates decoded charters against the embedded charter
// format schema (JSON Schema draft 2020-12) and reports every violation in
// words a committee clerk can act on, each located by JSON Pointer.
package schema

import (
	"cmp"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/charterlint/charterlint/schemas"
)

// Validator validates charters against the embedded charter schema. It is
// safe for concurrent use; compile once per process.
type Validator struct {
	// fast answers "valid?" without allocating. The full validator, which
	// explains failures, is compiled on first need: a run over valid
	// charters never pays for it. Validators made by Compile have no fast
	// path.
	fast *fastNode
	full func() (*jsonschema.Schema, error)
	// what names the documents validated ("charter"): paths call the
	// root "(charter)".
	what string
}

// Problem is one schema violation.
type Problem struct {
	// Pointer is the RFC 6901 JSON Pointer of the offending value ("" is
	// the whole charter). For a missing required property it is the
	// pointer of the object that lacks it; for an unknown property it is
	// the pointer of the unknown property itself.
	Pointer string
	// Path names, for people, the value the message speaks of: the
	// pointer without its leading slash, "(charter)" for the root, and
	// for an unknown property the object that holds it.
	Path string
	// Kind says what is wrong, for programs: they must not parse Message.
	Kind Kind
	// Message explains the violation in plain words, without a path.
	Message string
}

// Text is the problem as one line for people: "path: message".
func (p Problem) Text() string { return p.Path + ": " + p.Message }

// Kind classifies a problem by the schema keyword it breaks.
type Kind string

// The kinds of problem.
const (
	KindType            Kind = "type"             // a value of the wrong JSON type
	KindConst           Kind = "const"            // a value other than the one allowed
	KindEnum            Kind = "enum"             // a value outside a list of words
	KindRequired        Kind = "required"         // a required property is missing
	KindUnknownProperty Kind = "unknown-property" // a property the format does not define
	KindPattern         Kind = "pattern"          // a string of the wrong form
	KindRange           Kind = "range"            // a number out of range or not a multiple
	KindCount           Kind = "count"            // a list too short or too long
	KindLength          Kind = "length"           // a string too short or too long
	KindDuplicates      Kind = "duplicates"       // a list that repeats an item
	KindFormat          Kind = "format"           // a string that breaks a named format (a date)
	KindNotAllowed      Kind = "not-allowed"      // a value that may not appear at all
	KindAlternatives    Kind = "alternatives"     // none (or more than one) of several shapes fits
	KindOther           Kind = "other"            // anything else, in the validator's words
)

// kindOf is the kind of problem a failed keyword reports.
func kindOf(keyword string) Kind {
	switch keyword {
	case "type":
		return KindType
	case "const":
		return KindConst
	case "enum":
		return KindEnum
	case "required":
		return KindRequired
	case "additionalProperties":
		return KindUnknownProperty
	case "pattern":
		return KindPattern
	case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf":
		return KindRange
	case "minItems", "maxItems":
		return KindCount
	case "minLength", "maxLength":
		return KindLength
	case "uniqueItems":
		return KindDuplicates
	case "format":
		return KindFormat
	case "":
		return KindNotAllowed
	}
	return KindOther
}

// New compiles the embedded charter schema.
func New() (*Validator, error) {
	fast, err := compileFast([]byte(schemas.CharterV1()))
	if err != nil {
		return nil, fmt.Errorf("compiling charter schema %s for the fast path: %w", schemas.CharterV1URL, err)
	}
	full := func() (*jsonschema.Schema, error) { return compileFull(schemas.CharterV1URL, schemas.CharterV1()) }
	return &Validator{fast: fast, full: sync.OnceValues(full), what: "charter"}, nil
}

// Compile compiles another embedded schema (draft 2020-12, within the
// subset the fast path implements) into a validator whose problems speak
// of documents as what ("data": the root is "(data)"), with the same
// messages as the charter's.
func Compile(url, src, what string) (*Validator, error) {
	fast, err := compileFast([]byte(src))
	if err != nil {
		return nil, fmt.Errorf("compile schema %s for the fast path: %w", url, err)
	}
	full := func() (*jsonschema.Schema, error) { return compileFull(url, src) }
	return &Validator{fast: fast, full: sync.OnceValues(full), what: what}, nil
}

// compileFull compiles the schema for the library that explains failures,
// without uniqueItems: the library compares every pair of items, n² in a
// list's length, and fastNode.duplicates reports the same problems in
// n log n.
func compileFull(url, src string) (*jsonschema.Schema, error) {
	src = strings.ReplaceAll(src, `"uniqueItems": true`, `"uniqueItems": false`)
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	if err := c.AddResource(url, strings.NewReader(src)); err != nil {
		return nil, fmt.Errorf("load schema %s: %w", url, err)
	}
	root, err := c.Compile(url)
	if err != nil {
		return nil, fmt.Errorf("compile schema %s: %w", url, err)
	}
	return root, nil
}

// Validate checks doc, a charter decoded by encoding/json with UseNumber
// (objects map[string]any, arrays []any, numbers json.Number, strings,
// bools and nil), against the charter schema. It returns every violation,
// sorted by Pointer (plain string order) then Message, without duplicates;
// it returns nil when doc is valid. A doc holding values that are not JSON
// values (for example a Go struct) yields a single problem at the root.
func (v *Validator) Validate(doc any) []Problem {
	if v.fast.valid(doc) {
		return nil
	}
	root, err := v.full()
	if err != nil {
		return []Problem{{Pointer: "", Path: v.rootPath(), Kind: KindOther, Message: err.Error()}}
	}
	r := reporter{root: root, doc: doc, rootPath: v.rootPath()}
	err = root.Validate(doc)
	var ve *jsonschema.ValidationError
	switch {
	case errors.As(err, &ve):
		r.walk(ve)
	case err != nil:
		return []Problem{{
			Pointer: "", Path: v.rootPath(), Kind: KindOther,
			Message: "cannot be checked against the " + v.what + " format: " + strings.TrimPrefix(err.Error(), "jsonschema: "),
		}}
	}
	r.issues = v.fast.duplicates(doc, "", r.issues)
	return r.problems()
}

// rootPath is how paths name the whole document: "(charter)".
func (v *Validator) rootPath() string { return "(" + v.what + ")" }

// issue is a problem before its message gets its path prefix. at is the
// pointer the message prefix is made from; it differs from pointer only
// for unknown properties, which are described from their parent object.
type issue struct {
	pointer string
	at      string
	kind    Kind
	text    string
}

// reporter turns one validation error tree into problems.
type reporter struct {
	root     *jsonschema.Schema
	doc      any
	rootPath string
	issues   []issue
}

// walk collects the useful leaves of the error tree, skipping the wrappers
// jsonschema adds for the root schema, for $ref and for several errors at
// one place, and condensing anyOf and oneOf failures into one issue each.
func (r *reporter) walk(e *jsonschema.ValidationError) {
	node, keyword, ok := resolve(r.root, e.KeywordLocation)
	if len(e.Causes) > 0 {
		if ok && (keyword == "anyOf" || keyword == "oneOf") {
			r.issues = append(r.issues, r.alternatives(e, node, keyword))
			return
		}
		for _, c := range e.Causes {
			r.walk(c)
		}
		return
	}
	r.issues = append(r.issues, r.leaf(e, node, keyword, ok)...)
}

// problems sorts, deduplicates and renders the collected issues.
func (r *reporter) problems() []Problem {
	ps := make([]Problem, 0, len(r.issues))
	for _, is := range r.issues {
		ps = append(ps, Problem{Pointer: is.pointer, Path: r.humanPath(is.at), Kind: is.kind, Message: is.text})
	}
	slices.SortFunc(ps, func(a, b Problem) int {
		return cmp.Or(cmp.Compare(a.Pointer, b.Pointer), cmp.Compare(a.Message, b.Message))
	})
	ps = slices.Compact(ps)
	if len(ps) == 0 {
		return nil
	}
	return ps
}

// alternatives describes a failed anyOf or oneOf as one issue.
func (r *reporter) alternatives(e *jsonschema.ValidationError, node *jsonschema.Schema, keyword string) issue {
	ptr, _ := libraryPointer(e.InstanceLocation)
	if keyword == "anyOf" && strings.HasSuffix(node.Location, "#/$defs/seat") {
		return issue{pointer: ptr, at: ptr, kind: KindAlternatives, text: `seat must name an "actor" or the body it is "appointedBy"`}
	}
	// Generic fallback: say what each alternative wanted.
	var branches []string
	for _, c := range e.Causes {
		sub := reporter{root: r.root, doc: r.doc, rootPath: r.rootPath}
		sub.walk(c)
		var parts []string
		for _, is := range sub.issues {
			if is.at == ptr {
				parts = append(parts, is.text)
			} else {
				parts = append(parts, r.humanPath(is.at)+": "+is.text)
			}
		}
		if len(parts) > 0 {
			branches = append(branches, strings.Join(parts, ", "))
		}
	}
	lead := "must satisfy at least one of these"
	if keyword == "oneOf" {
		lead = "must satisfy exactly one of these"
	}
	if len(branches) == 0 {
		return issue{pointer: ptr, at: ptr, kind: KindAlternatives, text: lead + " alternatives"}
	}
	return issue{pointer: ptr, at: ptr, kind: KindAlternatives, text: lead + ": " + strings.Join(branches, "; or ")}
}

// humanPath renders a pointer for people.
func (r *reporter) humanPath(ptr string) string {
	if ptr == "" {
		return r.rootPath
	}
	return ptr[1:]
}

// libraryPointer converts a location reported by jsonschema v5 into an
// RFC 6901 pointer and its unescaped reference tokens. jsonschema escapes
// each token with ~0 and ~1 and then additionally percent-encodes it as a
// URI path segment (a key "a b" appears as "/a%20b"), so each token is
// percent-decoded first.
func libraryPointer(loc string) (string, []string) {
	if loc == "" {
		return "", nil
	}
	parts := strings.Split(strings.TrimPrefix(loc, "/"), "/")
	tokens := make([]string, len(parts))
	var b strings.Builder
	for i, p := range parts {
		if u, err := url.PathUnescape(p); err == nil {
			p = u
		}
		b.WriteByte('/')
		b.WriteString(p)
		tokens[i] = unescapeToken(p)
	}
	return b.String(), tokens
}

// escapeToken escapes one reference token for a JSON Pointer.
func escapeToken(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}

// unescapeToken reverses escapeToken.
func unescapeToken(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~1", "/"), "~0", "~")
}

// lookup returns the value at the given tokens of doc.
func lookup(doc any, tokens []string) (any, bool) {
	cur := doc
	for _, t := range tokens {
		switch c := cur.(type) {
		case map[string]any:
			v, ok := c[t]
			if !ok {
				return nil, false
			}
			cur = v
		case []any:
			i, err := strconv.Atoi(t)
			if err != nil || i < 0 || i >= len(c) {
				return nil, false
			}
			cur = c[i]
		default:
			return nil, false
		}
	}
	return cur, true
}

// resolve follows a keyword location (such as
// "/properties/actors/items/$ref/properties/class/enum") through the
// compiled schema. It returns the schema the location ends in and, when
// the location ends in a keyword of that schema rather than in a
// subschema, that keyword. ok is false when the location cannot be
// followed.
func resolve(root *jsonschema.Schema, kwloc string) (node *jsonschema.Schema, keyword string, ok bool) {
	_, tokens := libraryPointer(kwloc)
	node = root
	for i := 0; i < len(tokens); i++ {
		t := tokens[i]
		if i == len(tokens)-1 {
			return node, t, true
		}
		var next *jsonschema.Schema
		switch t {
		case "properties":
			i++
			next = node.Properties[tokens[i]]
		case "dependentSchemas":
			i++
			next = node.DependentSchemas[tokens[i]]
		case "allOf", "anyOf", "oneOf", "prefixItems":
			i++
			next = index(node, t, tokens[i])
		case "items":
			switch it := node.Items.(type) {
			case *jsonschema.Schema:
				next = it
			case []*jsonschema.Schema:
				i++
				next = indexOf(it, tokens[i])
			default:
				next = node.Items2020
			}
		case "additionalProperties":
			next, _ = node.AdditionalProperties.(*jsonschema.Schema)
		case "additionalItems":
			next, _ = node.AdditionalItems.(*jsonschema.Schema)
		case "$ref":
			next = node.Ref
		case "$dynamicRef":
			next = node.DynamicRef
		case "$recursiveRef":
			next = node.RecursiveRef
		case "not":
			next = node.Not
		case "if":
			next = node.If
		case "then":
			next = node.Then
		case "else":
			next = node.Else
		case "contains":
			next = node.Contains
		case "propertyNames":
			next = node.PropertyNames
		case "unevaluatedProperties":
			next = node.UnevaluatedProperties
		case "unevaluatedItems":
			next = node.UnevaluatedItems
		case "contentSchema":
			next = node.ContentSchema
		}
		if next == nil {
			return nil, "", false
		}
		node = next
	}
	return node, "", true
}

// index picks the i-th subschema of an array-valued keyword.
func index(node *jsonschema.Schema, keyword, i string) *jsonschema.Schema {
	switch keyword {
	case "allOf":
		return indexOf(node.AllOf, i)
	case "anyOf":
		return indexOf(node.AnyOf, i)
	case "oneOf":
		return indexOf(node.OneOf, i)
	case "prefixItems":
		return indexOf(node.PrefixItems, i)
	}
	return nil
}

func indexOf(list []*jsonschema.Schema, i string) *jsonschema.Schema {
	n, err := strconv.Atoi(i)
	if err != nil || n < 0 || n >= len(list) {
		return nil
	}
	return list[n]
}
