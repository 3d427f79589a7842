package schema

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// fastNode is one compiled subschema of the fast path: a validator for the
// subset of JSON Schema the charter schema uses, answering only "valid or
// not". Almost every charter is valid, and for those it allocates nothing;
// when it says "not valid", the full validator runs to explain why. It is
// compiled from the same embedded schema, so the two cannot drift apart in
// what they accept (TestFastAgreesWithFull checks they agree).
type fastNode struct {
	types       uint8 // bit set of jsonType; 0 means any
	enum        []any
	hasConst    bool
	constant    any
	pattern     stringMatcher
	required    []string
	properties  map[string]*fastNode
	closed      bool // additionalProperties: false
	items       *fastNode
	ref         string
	target      *fastNode // resolved ref
	anyOf       []*fastNode
	minimum     *float64
	maximum     *float64
	exclMinimum *float64
	exclMaximum *float64
	minItems    int
	maxItems    int // -1: no limit
	minLength   int
	maxLength   int // -1: no limit
	uniqueItems bool
}

type jsonType uint8

const (
	tNull jsonType = 1 << iota
	tBoolean
	tObject
	tArray
	tNumber
	tString
	tInteger
)

// ignoredKeyword reports the keywords that are annotations, or handled
// elsewhere ($defs), and so constrain nothing. The last line are the
// editor annotations of VS Code's JSON language service (descriptions of
// enum values, the message for a failed pattern), which validators ignore.
func ignoredKeyword(k string) bool {
	switch k {
	case "description", "title", "default", "$schema", "$id", "$defs", "examples", "$comment", "format",
		"markdownDescription", "markdownEnumDescriptions", "enumDescriptions", "patternErrorMessage":
		return true
	}
	return false
}

// compileFast compiles the raw schema document. It fails on any keyword
// it does not implement, so a schema change can never make the fast path
// silently accept what the full validator rejects.
func compileFast(raw []byte) (*fastNode, error) {
	var doc map[string]any
	dec := json.NewDecoder(strings.NewReader(string(raw)))
	dec.UseNumber()
	if err := dec.Decode(&doc); err != nil {
		return nil, err
	}
	c := &fastCompiler{root: doc, byRef: map[string]*fastNode{}}
	root, err := c.node(doc, "#")
	if err != nil {
		return nil, err
	}
	for ref, n := range c.refs {
		t, ok := c.byRef[ref]
		if !ok {
			return nil, fmt.Errorf("unresolved $ref %q", ref)
		}
		for _, x := range n {
			x.target = t
		}
	}
	return root, nil
}

type fastCompiler struct {
	root  map[string]any
	byRef map[string]*fastNode
	refs  map[string][]*fastNode
}

func (c *fastCompiler) node(s map[string]any, loc string) (*fastNode, error) {
	n := &fastNode{maxItems: -1, maxLength: -1}
	c.byRef[loc] = n
	for k, v := range s {
		if ignoredKeyword(k) {
			continue
		}
		var err error
		switch k {
		case "type":
			err = n.setTypes(v)
		case "enum":
			list, ok := v.([]any)
			if !ok {
				err = fmt.Errorf("enum is not a list")
			}
			n.enum = list
		case "const":
			n.hasConst, n.constant = true, v
		case "pattern":
			p, _ := v.(string)
			n.pattern, err = compilePattern(p)
		case "required":
			for _, r := range v.([]any) {
				n.required = append(n.required, r.(string))
			}
		case "properties":
			n.properties = map[string]*fastNode{}
			for name, sub := range v.(map[string]any) {
				subMap, ok := sub.(map[string]any)
				if !ok {
					return nil, fmt.Errorf("%s/properties/%s: not an object", loc, name)
				}
				if n.properties[name], err = c.node(subMap, loc+"/properties/"+name); err != nil {
					return nil, err
				}
			}
		case "additionalProperties":
			b, ok := v.(bool)
			if !ok || b {
				err = fmt.Errorf("additionalProperties other than false")
			}
			n.closed = true
		case "items":
			sub, ok := v.(map[string]any)
			if !ok {
				err = fmt.Errorf("items is not an object")
				break
			}
			n.items, err = c.node(sub, loc+"/items")
		case "$ref":
			n.ref = v.(string)
			if c.refs == nil {
				c.refs = map[string][]*fastNode{}
			}
			c.refs[n.ref] = append(c.refs[n.ref], n)
		case "anyOf":
			for i, sub := range v.([]any) {
				x, err := c.node(sub.(map[string]any), fmt.Sprintf("%s/anyOf/%d", loc, i))
				if err != nil {
					return nil, err
				}
				n.anyOf = append(n.anyOf, x)
			}
		case "minimum":
			n.minimum, err = schemaNumber(v)
		case "maximum":
			n.maximum, err = schemaNumber(v)
		case "exclusiveMinimum":
			n.exclMinimum, err = schemaNumber(v)
		case "exclusiveMaximum":
			n.exclMaximum, err = schemaNumber(v)
		case "minItems":
			n.minItems, err = whole(v)
		case "maxItems":
			n.maxItems, err = whole(v)
		case "minLength":
			n.minLength, err = whole(v)
		case "maxLength":
			n.maxLength, err = whole(v)
		case "uniqueItems":
			n.uniqueItems, _ = v.(bool)
		default:
			err = fmt.Errorf("keyword %q is not supported by the fast path", k)
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", loc, err)
		}
	}
	if defs, ok := s["$defs"].(map[string]any); ok {
		for name, sub := range defs {
			if _, err := c.node(sub.(map[string]any), loc+"/$defs/"+name); err != nil {
				return nil, err
			}
		}
	}
	return n, nil
}

func (n *fastNode) setTypes(v any) error {
	var names []any
	switch x := v.(type) {
	case string:
		names = []any{x}
	case []any:
		names = x
	default:
		return fmt.Errorf("type is neither a string nor a list")
	}
	for _, name := range names {
		switch name {
		case "null":
			n.types |= uint8(tNull)
		case "boolean":
			n.types |= uint8(tBoolean)
		case "object":
			n.types |= uint8(tObject)
		case "array":
			n.types |= uint8(tArray)
		case "number":
			n.types |= uint8(tNumber)
		case "string":
			n.types |= uint8(tString)
		case "integer":
			n.types |= uint8(tInteger)
		default:
			return fmt.Errorf("unknown type %v", name)
		}
	}
	return nil
}

func schemaNumber(v any) (*float64, error) {
	num, ok := v.(json.Number)
	if !ok {
		return nil, fmt.Errorf("not a number: %v", v)
	}
	f, err := num.Float64()
	return &f, err
}

func whole(v any) (int, error) {
	num, ok := v.(json.Number)
	if !ok {
		return 0, fmt.Errorf("not a number: %v", v)
	}
	i, err := strconv.Atoi(string(num))
	return i, err
}

// valid reports whether v satisfies the subschema.
func (n *fastNode) valid(v any) bool {
	if n.target != nil && !n.target.valid(v) {
		return false
	}
	if n.types != 0 && !n.typeOK(v) {
		return false
	}
	if n.hasConst && !equalJSON(v, n.constant) {
		return false
	}
	if n.enum != nil {
		found := false
		for _, e := range n.enum {
			if equalJSON(v, e) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	for _, alt := range n.anyOf {
		if alt.valid(v) {
			goto anyOfDone
		}
	}
	if len(n.anyOf) > 0 {
		return false
	}
anyOfDone:
	switch x := v.(type) {
	case string:
		return n.stringOK(x)
	case json.Number:
		return n.numberOK(x)
	case map[string]any:
		return n.objectOK(x)
	case []any:
		return n.arrayOK(x)
	case nil, bool:
		return true
	}
	return false // not a JSON value
}

func (n *fastNode) typeOK(v any) bool {
	var t jsonType
	switch x := v.(type) {
	case nil:
		t = tNull
	case bool:
		t = tBoolean
	case string:
		t = tString
	case map[string]any:
		t = tObject
	case []any:
		t = tArray
	case json.Number:
		if n.types&uint8(tNumber) != 0 {
			return true
		}
		f, err := x.Float64()
		return err == nil && n.types&uint8(tInteger) != 0 && f == math.Trunc(f) && !math.IsInf(f, 0)
	default:
		return false
	}
	return n.types&uint8(t) != 0
}

func (n *fastNode) stringOK(s string) bool {
	if n.minLength > 0 || n.maxLength >= 0 {
		l := utf8.RuneCountInString(s)
		if l < n.minLength || (n.maxLength >= 0 && l > n.maxLength) {
			return false
		}
	}
	return n.pattern == nil || n.pattern.MatchString(s)
}

func (n *fastNode) numberOK(num json.Number) bool {
	if n.minimum == nil && n.maximum == nil && n.exclMinimum == nil && n.exclMaximum == nil {
		return true
	}
	f, err := num.Float64()
	if err != nil {
		return false
	}
	return (n.minimum == nil || f >= *n.minimum) &&
		(n.maximum == nil || f <= *n.maximum) &&
		(n.exclMinimum == nil || f > *n.exclMinimum) &&
		(n.exclMaximum == nil || f < *n.exclMaximum)
}

func (n *fastNode) objectOK(m map[string]any) bool {
	for _, r := range n.required {
		if _, ok := m[r]; !ok {
			return false
		}
	}
	for k, v := range m {
		p, ok := n.properties[k]
		if !ok {
			if n.closed {
				return false
			}
			continue
		}
		if !p.valid(v) {
			return false
		}
	}
	return true
}

func (n *fastNode) arrayOK(a []any) bool {
	if len(a) < n.minItems || (n.maxItems >= 0 && len(a) > n.maxItems) {
		return false
	}
	if n.items != nil {
		for _, x := range a {
			if !n.items.valid(x) {
				return false
			}
		}
	}
	return !n.uniqueItems || !hasDuplicates(a)
}

// hasDuplicates reports whether a list repeats a value. Short lists are
// compared pair by pair, without allocating; longer ones through a set
// of canonical keys, so that a list of n items costs n, not n².
func hasDuplicates(a []any) bool {
	if len(a) <= 16 {
		for i := range a {
			for j := i + 1; j < len(a); j++ {
				if equalJSON(a[i], a[j]) {
					return true
				}
			}
		}
		return false
	}
	seen := make(map[string]struct{}, len(a))
	for _, x := range a {
		k := canonical(x)
		if _, dup := seen[k]; dup {
			return true
		}
		seen[k] = struct{}{}
	}
	return false
}

// duplicates appends an issue for every list below v (at ptr) that the
// schema wants unique and that repeats a value. The full validator is
// compiled without uniqueItems, which the library checks pair by pair
// (n² in the length of a list); this walk reports those problems instead,
// in n log n.
func (n *fastNode) duplicates(v any, ptr string, out []issue) []issue {
	if n.target != nil {
		out = n.target.duplicates(v, ptr, out)
	}
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			if p := n.properties[k]; p != nil {
				out = p.duplicates(e, ptr+"/"+escapeToken(k), out)
			}
		}
	case []any:
		if n.uniqueItems {
			if text := duplicatesText(x); text != "" {
				out = append(out, issue{pointer: ptr, at: ptr, kind: KindDuplicates, text: text})
			}
		}
		if n.items != nil {
			for i, e := range x {
				out = n.items.duplicates(e, ptr+"/"+strconv.Itoa(i), out)
			}
		}
	}
	return out
}

// equalJSON compares two decoded JSON values as JSON Schema does (numbers
// by value).
func equalJSON(a, b any) bool {
	switch x := a.(type) {
	case string:
		y, ok := b.(string)
		return ok && x == y
	case bool:
		y, ok := b.(bool)
		return ok && x == y
	case nil:
		return b == nil
	case json.Number:
		y, ok := b.(json.Number)
		if !ok {
			return false
		}
		fx, err1 := x.Float64()
		fy, err2 := y.Float64()
		return err1 == nil && err2 == nil && fx == fy
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for i := range x {
			if !equalJSON(x[i], y[i]) {
				return false
			}
		}
		return true
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for k, xv := range x {
			yv, ok := y[k]
			if !ok || !equalJSON(xv, yv) {
				return false
			}
		}
		return true
	}
	return false
}
