package schema

import (
	"encoding/json"
	"fmt"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v5"
)

// maxIDLength is the longest id the id pattern accepts.
const maxIDLength = 64

// idChars reports whether s starts with a lower-case letter or digit and
// uses only the characters ids may use.
func idChars(s string) bool {
	for i, c := range s {
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case i > 0 && (c == '.' || c == '_' || c == '-'):
		default:
			return false
		}
	}
	return s != ""
}

// leaf turns one leaf validation error into issues. Messages are built from
// the compiled schema and the instance rather than from jsonschema's own
// text; the library's message is the fallback for keywords the charter
// schema does not use.
func (r *reporter) leaf(e *jsonschema.ValidationError, node *jsonschema.Schema, keyword string, ok bool) []issue {
	ptr, tokens := libraryPointer(e.InstanceLocation)
	val, found := lookup(r.doc, tokens)
	kind := kindOf(keyword)
	one := func(text string) []issue { return []issue{{pointer: ptr, at: ptr, kind: kind, text: text}} }
	fallback := []issue{{pointer: ptr, at: ptr, kind: KindOther, text: strings.TrimPrefix(e.Message, "jsonschema: ")}}
	if !ok || !found {
		return fallback
	}

	switch keyword {
	case "type":
		return one("expected " + typeWords(node.Types) + ", got " + describe(val))

	case "const":
		if len(node.Constant) > 0 {
			return one("must be " + literal(node.Constant[0]))
		}

	case "enum":
		return one(enumText(val, node.Enum, vocabulary(tokens)))

	case "required":
		obj, isObj := val.(map[string]any)
		if !isObj {
			break
		}
		var out []issue
		for _, name := range node.Required {
			if _, present := obj[name]; !present {
				out = append(out, issue{pointer: ptr, at: ptr, kind: KindRequired, text: "missing required property " + strconv.Quote(name)})
			}
		}
		if len(out) > 0 {
			return out
		}

	case "additionalProperties":
		obj, isObj := val.(map[string]any)
		if !isObj {
			break
		}
		if out := unknownProperties(ptr, obj, node); len(out) > 0 {
			return out
		}

	case "pattern":
		if s, isStr := val.(string); isStr {
			return one(patternText(s, node))
		}

	case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum":
		return one(numberText(keyword, val, node))

	case "multipleOf":
		if node.MultipleOf != nil {
			return one("must be a multiple of " + ratString(node.MultipleOf) + ", got " + describe(val))
		}

	case "minItems", "maxItems":
		if list, isList := val.([]any); isList {
			return one(countText(keyword, len(list), node))
		}

	case "minLength", "maxLength":
		if s, isStr := val.(string); isStr {
			return one(lengthText(keyword, utf8.RuneCountInString(s), node))
		}

	case "uniqueItems":
		if list, isList := val.([]any); isList {
			if text := duplicatesText(list); text != "" {
				return one(text)
			}
		}

	case "format":
		return one(literal(val) + " is not a valid " + node.Format)

	case "":
		if node.Always != nil && !*node.Always {
			return one("is not allowed here")
		}
	}
	return fallback
}

// unknownProperties reports each property of obj the schema does not allow,
// with the closest allowed name as a suggestion.
func unknownProperties(ptr string, obj map[string]any, node *jsonschema.Schema) []issue {
	allowed := make([]string, 0, len(node.Properties))
	for name := range node.Properties {
		allowed = append(allowed, name)
	}
	slices.Sort(allowed)
	// Only names not already used are worth suggesting.
	var unused []string
	for _, name := range allowed {
		if _, present := obj[name]; !present {
			unused = append(unused, name)
		}
	}
	var out []issue
	for name := range obj {
		if _, known := node.Properties[name]; known {
			continue
		}
		if matchesPattern(name, node) {
			continue
		}
		text := "unknown property " + strconv.Quote(name)
		if s, ok := Closest(name, unused); ok {
			text += "; did you mean " + strconv.Quote(s) + "?"
		} else if len(allowed) > 0 {
			text += "; expected one of " + strings.Join(allowed, ", ")
		}
		out = append(out, issue{pointer: ptr + "/" + escapeToken(name), at: ptr, kind: KindUnknownProperty, text: text})
	}
	return out
}

func matchesPattern(name string, node *jsonschema.Schema) bool {
	for re := range node.PatternProperties {
		if re.MatchString(name) {
			return true
		}
	}
	return false
}

// enumText explains a value outside an enumeration.
func enumText(val any, enum []any, vocab string) string {
	text := literal(val) + " is not a known " + vocab
	var names []string
	for _, e := range enum {
		if s, ok := e.(string); ok {
			names = append(names, s)
		} else {
			names = append(names, literal(e))
		}
	}
	if s, isStr := val.(string); isStr {
		if best, ok := Closest(s, names); ok {
			return text + "; did you mean " + strconv.Quote(best) + "?"
		}
	}
	return text + "; expected one of " + strings.Join(names, ", ")
}

// vocabulary names the set of allowed words for the value at tokens, from
// the property that holds it.
func vocabulary(tokens []string) string {
	n := len(tokens)
	if n == 0 {
		return "value"
	}
	last, parent, grandparent := tokens[n-1], "", ""
	if n >= 2 {
		parent = tokens[n-2]
	}
	if n >= 3 {
		grandparent = tokens[n-3]
	}
	if isIndex(last) {
		switch parent {
		case "objectives":
			return "objective"
		case "principles":
			return "principle"
		}
		return "value"
	}
	switch last {
	case "class":
		return "actor class"
	case "role":
		return "body role"
	case "modality":
		return "modality"
	case "category":
		return "function category"
	case "method":
		switch parent {
		case "decision":
			return "decision method"
		case "selection":
			return "selection method"
		}
		return "method"
	case "weight":
		return "advice weight"
	case "vote":
		return "voting right"
	case "kind":
		if isIndex(parent) {
			switch grandparent {
			case "actors":
				return "actor kind"
			case "seats":
				return "seat kind"
			}
		}
		return "kind"
	case "scope":
		return "veto scope"
	case "openness":
		return "openness"
	}
	return "value"
}

func isIndex(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// patternText explains a string that does not match a pattern, in terms of
// what the pattern stands for.
func patternText(s string, node *jsonschema.Schema) string {
	q := quoteText(s)
	switch {
	case strings.HasSuffix(node.Location, "#/$defs/id"):
		if idChars(s) && utf8.RuneCountInString(s) > maxIDLength {
			return fmt.Sprintf("%s is not a valid id: an id has at most %d characters", q, maxIDLength)
		}
		return q + " is not a valid id: use lower-case letters, digits, '.', '_' and '-', starting with a letter or digit"
	case strings.HasSuffix(node.Location, "/properties/adopted"):
		return q + " is not a date in the form YYYY-MM-DD"
	case strings.HasSuffix(node.Location, "/properties/currency"):
		return q + ` is not a currency code: use the three capital letters of ISO 4217, such as "EUR"`
	}
	return q + " is not in the expected form"
}

// numberText explains a number out of range.
func numberText(keyword string, val any, node *jsonschema.Schema) string {
	got := ", got " + describe(val)
	if strings.HasSuffix(node.Location, "#/$defs/share") && node.Minimum != nil && node.Maximum != nil {
		return fmt.Sprintf("must be a share between %s and %s (0.6 means 60 %%)%s", ratString(node.Minimum), ratString(node.Maximum), got)
	}
	switch keyword {
	case "minimum":
		if node.Minimum != nil {
			return "must be at least " + ratString(node.Minimum) + got
		}
	case "maximum":
		if node.Maximum != nil {
			return "must be at most " + ratString(node.Maximum) + got
		}
	case "exclusiveMinimum":
		if node.ExclusiveMinimum != nil {
			return "must be more than " + ratString(node.ExclusiveMinimum) + got
		}
	case "exclusiveMaximum":
		if node.ExclusiveMaximum != nil {
			return "must be less than " + ratString(node.ExclusiveMaximum) + got
		}
	}
	return "is out of range" + got
}

// countText explains a list with too few or too many items.
func countText(keyword string, n int, node *jsonschema.Schema) string {
	if keyword == "minItems" {
		return fmt.Sprintf("must list at least %s, got %d", items(node.MinItems), n)
	}
	return fmt.Sprintf("must list at most %s, got %d", items(node.MaxItems), n)
}

func items(n int) string {
	if n == 1 {
		return "1 item"
	}
	return strconv.Itoa(n) + " items"
}

// lengthText explains a string that is too short or too long.
func lengthText(keyword string, n int, node *jsonschema.Schema) string {
	if keyword == "minLength" {
		if node.MinLength == 1 {
			return "must not be empty"
		}
		return fmt.Sprintf("must be at least %d characters long, got %d", node.MinLength, n)
	}
	return fmt.Sprintf("must be at most %d characters long, got %d", node.MaxLength, n)
}

// duplicatesText names every value a list repeats, in order of first
// appearance, or returns "" when it finds none.
func duplicatesText(list []any) string {
	counts := map[string]int{}
	var order []string
	shown := map[string]string{}
	for _, item := range list {
		k := canonical(item)
		if counts[k] == 0 {
			order = append(order, k)
			shown[k] = literal(item)
		}
		counts[k]++
	}
	var parts []string
	for _, k := range order {
		switch c := counts[k]; {
		case c == 2:
			parts = append(parts, shown[k]+" twice")
		case c > 2:
			parts = append(parts, fmt.Sprintf("%s %d times", shown[k], c))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return "lists " + strings.Join(parts, ", ")
}

// canonical returns a key equal for values JSON Schema considers equal
// (numbers compare by value: 1 and 1.0 are the same).
func canonical(v any) string {
	if r, ok := number(v); ok {
		return "n" + r.RatString()
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprintf("?%#v", v)
	}
	return "j" + string(b)
}

// number reads a JSON number into a rational.
func number(v any) (*big.Rat, bool) {
	switch v.(type) {
	case json.Number, float32, float64, int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64:
		return new(big.Rat).SetString(fmt.Sprint(v))
	}
	return nil, false
}

// ratString renders a schema bound as a plain decimal.
func ratString(r *big.Rat) string {
	if r.IsInt() {
		return r.Num().String()
	}
	f, _ := r.Float64()
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// typeWords names JSON Schema types in plain words.
func typeWords(types []string) string {
	words := make([]string, len(types))
	for i, t := range types {
		switch t {
		case "boolean":
			words[i] = "true or false"
		case "integer":
			words[i] = "a whole number"
		case "number":
			words[i] = "a number"
		case "string":
			words[i] = "text"
		case "array":
			words[i] = "a list"
		case "object":
			words[i] = "an object"
		default:
			words[i] = t
		}
	}
	return strings.Join(words, " or ")
}

// describe names a value and its type, for "got ..." and for values that
// are not allowed: string "yes", number 2.5, true, null, a list, an object.
func describe(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case bool:
		return strconv.FormatBool(x)
	case string:
		return "string " + quoteText(x)
	case []any:
		return "a list"
	case map[string]any:
		return "an object"
	}
	if r, ok := number(v); ok {
		return "number " + numberString(v, r)
	}
	return fmt.Sprintf("%v", v)
}

// literal renders a value as it would be written in the charter.
func literal(v any) string {
	switch x := v.(type) {
	case string:
		return quoteText(x)
	case nil:
		return "null"
	}
	if r, ok := number(v); ok {
		return numberString(v, r)
	}
	return describe(v)
}

func numberString(v any, r *big.Rat) string {
	if n, ok := v.(json.Number); ok {
		return string(n)
	}
	return ratString(r)
}

// maxQuoted is the longest text quoted in a message, in characters.
const maxQuoted = 60

// quoteText quotes s, shortening very long text.
func quoteText(s string) string {
	if utf8.RuneCountInString(s) > maxQuoted {
		s = string([]rune(s)[:maxQuoted-1]) + "…"
	}
	return strconv.Quote(s)
}
