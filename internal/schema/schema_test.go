package schema

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/charterlint/charterlint/schemas"
)

// minimalCharter has only the required properties.
const minimalCharter = `{
  "format": "charterlint/v1",
  "id": "tiny",
  "name": "Tiny Forum",
  "modality": "technical-community",
  "actors": [{"id": "tech", "name": "Engineers", "class": "technical-community"}],
  "bodies": [{"id": "plenary", "name": "Plenary", "role": "decision"}],
  "functions": [{"id": "specs", "name": "Specifications", "category": "standards-setting", "modality": "technical-community"}]
}`

// baseCharter is valid and has the optional parts the mutations need.
const baseCharter = `{
  "format": "charterlint/v1",
  "id": "example-council",
  "name": "Example Internet Council",
  "adopted": "2024-03-01",
  "modality": "multistakeholder",
  "objectives": ["stability", "security"],
  "principles": ["open", "transparent"],
  "actors": [
    {"id": "gov", "name": "Governments", "class": "government"},
    {"id": "biz", "name": "Business", "class": "private-sector", "kind": "constituency"},
    {"id": "civ", "name": "Civil society", "class": "civil-society"}
  ],
  "bodies": [
    {
      "id": "council", "name": "Council", "role": "decision",
      "seats": [
        {"id": "council.gov", "actor": "gov", "vote": "full", "count": 3, "term": {"years": 2.5, "maxConsecutive": 2}},
        {"id": "council.nom", "appointedBy": "nomcom", "vote": "full", "count": 2,
         "selection": {"method": "nomination", "by": ["nomcom"]}}
      ],
      "decision": {"method": "supermajority", "threshold": 0.667, "quorum": 0.5}
    },
    {
      "id": "nomcom", "name": "Nominating Committee", "role": "nominating",
      "seats": [{"id": "nomcom.civ", "actor": "civ", "vote": "full"}]
    }
  ],
  "functions": [
    {"id": "policy", "name": "Root zone policy", "category": "critical-internet-resources",
     "modality": "multistakeholder", "decidedBy": "council", "binding": true},
    {"id": "standards", "name": "Protocol parameters", "category": "standards-setting",
     "modality": "technical-community", "decidedBy": "council", "binding": false}
  ]
}`

// decodeCharter decodes a charter the way the decode stage does: numbers as json.Number.
func decodeCharter(t testing.TB, s string) any {
	t.Helper()
	d := json.NewDecoder(strings.NewReader(s))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		t.Fatalf("decoding test charter: %v", err)
	}
	return v
}

// tokens splits an RFC 6901 pointer, independently of the code under test.
func tokens(ptr string) []string {
	if ptr == "" {
		return nil
	}
	parts := strings.Split(ptr[1:], "/")
	for i, p := range parts {
		parts[i] = strings.ReplaceAll(strings.ReplaceAll(p, "~1", "/"), "~0", "~")
	}
	return parts
}

// parent returns the container holding ptr and ptr's last token.
func parent(t *testing.T, doc any, ptr string) (any, string) {
	t.Helper()
	toks := tokens(ptr)
	cur := doc
	for _, tok := range toks[:len(toks)-1] {
		switch c := cur.(type) {
		case map[string]any:
			cur = c[tok]
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i >= len(c) {
				t.Fatalf("bad index %q in %s", tok, ptr)
			}
			cur = c[i]
		default:
			t.Fatalf("cannot descend into %T at %q in %s", cur, tok, ptr)
		}
	}
	return cur, toks[len(toks)-1]
}

// set sets the value at ptr, adding an object member if needed.
func set(t *testing.T, doc any, ptr string, v any) {
	t.Helper()
	c, last := parent(t, doc, ptr)
	switch c := c.(type) {
	case map[string]any:
		c[last] = v
	case []any:
		i, err := strconv.Atoi(last)
		if err != nil || i >= len(c) {
			t.Fatalf("bad index in %s", ptr)
		}
		c[i] = v
	default:
		t.Fatalf("cannot set %s in %T", ptr, c)
	}
}

// del removes the object member at ptr.
func del(t *testing.T, doc any, ptr string) {
	t.Helper()
	c, last := parent(t, doc, ptr)
	m, ok := c.(map[string]any)
	if !ok {
		t.Fatalf("%s is not an object member", ptr)
	}
	if _, ok := m[last]; !ok {
		t.Fatalf("%s does not exist", ptr)
	}
	delete(m, last)
}

// rename moves the object member at ptr to a new key in the same object.
func rename(t *testing.T, doc any, ptr, to string) {
	t.Helper()
	c, last := parent(t, doc, ptr)
	m := c.(map[string]any)
	m[to] = m[last]
	delete(m, last)
}

func newValidator(t testing.TB) *Validator {
	t.Helper()
	v, err := New()
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return v
}

func TestSchemaCompiles(t *testing.T) {
	v := newValidator(t)
	root, err := v.full()
	if err != nil || root == nil {
		t.Fatalf("the full validator does not compile: %v", err)
	}
	if got := root.Location; !strings.HasPrefix(got, schemas.CharterV1URL) {
		t.Errorf("compiled schema location = %q, want prefix %q", got, schemas.CharterV1URL)
	}
}

func TestValidCharters(t *testing.T) {
	v := newValidator(t)
	for name, src := range map[string]string{"minimal": minimalCharter, "base": baseCharter} {
		t.Run(name, func(t *testing.T) {
			if got := v.Validate(decodeCharter(t, src)); got != nil {
				t.Errorf("Validate = %#v, want nil", got)
			}
		})
	}
}

func TestValidate(t *testing.T) {
	v := newValidator(t)
	tests := []struct {
		name   string
		mutate func(t *testing.T, doc any)
		want   []problemText
	}{
		{
			name:   "misspelt enum value gets a suggestion",
			mutate: func(t *testing.T, doc any) { set(t, doc, "/actors/2/class", "goverment") },
			want: []problemText{{"/actors/2/class",
				`actors/2/class: "goverment" is not a known actor class; did you mean "government"?`}},
		},
		{
			name:   "enum suggestion ignores case",
			mutate: func(t *testing.T, doc any) { set(t, doc, "/bodies/1/role", "Nominating") },
			want: []problemText{{"/bodies/1/role",
				`bodies/1/role: "Nominating" is not a known body role; did you mean "nominating"?`}},
		},
		{
			name:   "enum value with no close match lists the allowed values",
			mutate: func(t *testing.T, doc any) { set(t, doc, "/actors/0/class", "banana") },
			want: []problemText{{"/actors/0/class",
				`actors/0/class: "banana" is not a known actor class; expected one of government, intergovernmental, private-sector, civil-society, technical-community, academia`}},
		},
		{
			name:   "enum in an array item is named after the array",
			mutate: func(t *testing.T, doc any) { set(t, doc, "/objectives/1", "securty") },
			want: []problemText{{"/objectives/1",
				`objectives/1: "securty" is not a known objective; did you mean "security"?`}},
		},
		{
			name:   "method is named after its parent",
			mutate: func(t *testing.T, doc any) { set(t, doc, "/bodies/0/decision/method", "majorty") },
			want: []problemText{{"/bodies/0/decision/method",
				`bodies/0/decision/method: "majorty" is not a known decision method; did you mean "majority"?`}},
		},
		{
			name:   "non-string enum value",
			mutate: func(t *testing.T, doc any) { set(t, doc, "/bodies/0/seats/0/vote", json.Number("1")) },
			want: []problemText{{"/bodies/0/seats/0/vote",
				`bodies/0/seats/0/vote: 1 is not a known voting right; expected one of full, limited, none`}},
		},
		{
			name:   "missing required property points at the parent",
			mutate: func(t *testing.T, doc any) { del(t, doc, "/bodies/0/role") },
			want:   []problemText{{"/bodies/0", `bodies/0: missing required property "role"`}},
		},
		{
			name:   "missing required property at the root",
			mutate: func(t *testing.T, doc any) { del(t, doc, "/functions") },
			want:   []problemText{{"", `(charter): missing required property "functions"`}},
		},
		{
			name:   "misspelt property name gets a suggestion",
			mutate: func(t *testing.T, doc any) { rename(t, doc, "/bodies/0/role", "rol") },
			want: []problemText{
				{"/bodies/0", `bodies/0: missing required property "role"`},
				{"/bodies/0/rol", `bodies/0: unknown property "rol"; did you mean "role"?`},
			},
		},
		{
			name:   "misspelt optional property",
			mutate: func(t *testing.T, doc any) { set(t, doc, "/actors/0/incumbant", true) },
			want: []problemText{{"/actors/0/incumbant",
				`actors/0: unknown property "incumbant"; did you mean "incumbent"?`}},
		},
		{
			name:   "unknown property with no close match lists the allowed ones",
			mutate: func(t *testing.T, doc any) { set(t, doc, "/actors/0/colour", "blue") },
			want: []problemText{{"/actors/0/colour",
				`actors/0: unknown property "colour"; expected one of actsAs, class, id, incumbent, kind, name, state`}},
		},
		{
			name:   "wrong type",
			mutate: func(t *testing.T, doc any) { set(t, doc, "/functions/1/binding", "yes") },
			want: []problemText{{"/functions/1/binding",
				`functions/1/binding: expected true or false, got string "yes"`}},
		},
		{
			name:   "string where a list belongs",
			mutate: func(t *testing.T, doc any) { set(t, doc, "/objectives", "stability") },
			want:   []problemText{{"/objectives", `objectives: expected a list, got string "stability"`}},
		},
		{
			name:   "const",
			mutate: func(t *testing.T, doc any) { set(t, doc, "/format", "charterlint/v2") },
			want:   []problemText{{"/format", `format: must be "charterlint/v1"`}},
		},
		{
			name:   "bad id",
			mutate: func(t *testing.T, doc any) { set(t, doc, "/actors/0/id", "Bad Id") },
			want: []problemText{{"/actors/0/id",
				`actors/0/id: "Bad Id" is not a valid id: use lower-case letters, digits, '.', '_' and '-', starting with a letter or digit`}},
		},
		{
			name:   "id too long",
			mutate: func(t *testing.T, doc any) { set(t, doc, "/id", strings.Repeat("a", 65)) },
			want: []problemText{{"/id",
				`id: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…" is not a valid id: an id has at most 64 characters`}},
		},
		{
			name:   "bad id in a list of ids",
			mutate: func(t *testing.T, doc any) { set(t, doc, "/bodies/0/seats/1/selection/by/0", "NomCom") },
			want: []problemText{{"/bodies/0/seats/1/selection/by/0",
				`bodies/0/seats/1/selection/by/0: "NomCom" is not a valid id: use lower-case letters, digits, '.', '_' and '-', starting with a letter or digit`}},
		},
		{
			name:   "bad date",
			mutate: func(t *testing.T, doc any) { set(t, doc, "/adopted", "2024-13-01") },
			want:   []problemText{{"/adopted", `adopted: "2024-13-01" is not a date in the form YYYY-MM-DD`}},
		},
		{
			name:   "seat with neither actor nor appointedBy",
			mutate: func(t *testing.T, doc any) { del(t, doc, "/bodies/0/seats/0/actor") },
			want: []problemText{{"/bodies/0/seats/0",
				`bodies/0/seats/0: seat must name an "actor" or the body it is "appointedBy"`}},
		},
		{
			name: "several errors are all reported in order",
			mutate: func(t *testing.T, doc any) {
				del(t, doc, "/name")
				set(t, doc, "/format", "charterlint/v2")
				set(t, doc, "/actors/1/class", "goverment")
				set(t, doc, "/functions/0/binding", "yes")
				del(t, doc, "/bodies/1/seats/0/actor")
				set(t, doc, "/bodies/0/seats/0/count", json.Number("0"))
			},
			want: []problemText{
				{"", `(charter): missing required property "name"`},
				{"/actors/1/class", `actors/1/class: "goverment" is not a known actor class; did you mean "government"?`},
				{"/bodies/0/seats/0/count", `bodies/0/seats/0/count: must be at least 1, got number 0`},
				{"/bodies/1/seats/0", `bodies/1/seats/0: seat must name an "actor" or the body it is "appointedBy"`},
				{"/format", `format: must be "charterlint/v1"`},
				{"/functions/0/binding", `functions/0/binding: expected true or false, got string "yes"`},
			},
		},
		{
			name: "several missing properties in one object",
			mutate: func(t *testing.T, doc any) {
				del(t, doc, "/actors/0/name")
				del(t, doc, "/actors/0/class")
			},
			want: []problemText{
				{"/actors/0", `actors/0: missing required property "class"`},
				{"/actors/0", `actors/0: missing required property "name"`},
			},
		},
		{
			name: "json.Number values validate as numbers",
			mutate: func(t *testing.T, doc any) {
				set(t, doc, "/bodies/0/seats/0/count", json.Number("1.0"))
				set(t, doc, "/bodies/0/seats/1/count", json.Number("1e2"))
				set(t, doc, "/bodies/0/decision/threshold", json.Number("0.75"))
			},
			want: nil,
		},
		{
			name:   "json.Number that is not a whole number",
			mutate: func(t *testing.T, doc any) { set(t, doc, "/bodies/0/seats/0/count", json.Number("2.5")) },
			want: []problemText{{"/bodies/0/seats/0/count",
				`bodies/0/seats/0/count: expected a whole number, got number 2.5`}},
		},
		{
			name:   "share written as a percentage",
			mutate: func(t *testing.T, doc any) { set(t, doc, "/bodies/0/decision/threshold", json.Number("60")) },
			want: []problemText{{"/bodies/0/decision/threshold",
				`bodies/0/decision/threshold: must be a share between 0 and 1 (0.6 means 60 %), got number 60`}},
		},
		{
			name:   "exclusive minimum",
			mutate: func(t *testing.T, doc any) { set(t, doc, "/bodies/0/seats/0/term/years", json.Number("0")) },
			want: []problemText{{"/bodies/0/seats/0/term/years",
				`bodies/0/seats/0/term/years: must be more than 0, got number 0`}},
		},
		{
			name:   "maximum",
			mutate: func(t *testing.T, doc any) { set(t, doc, "/bodies/0/seats/0/term/maxConsecutive", json.Number("51")) },
			want: []problemText{{"/bodies/0/seats/0/term/maxConsecutive",
				`bodies/0/seats/0/term/maxConsecutive: must be at most 50, got number 51`}},
		},
		{
			name:   "empty list",
			mutate: func(t *testing.T, doc any) { set(t, doc, "/actors", []any{}) },
			want:   []problemText{{"/actors", `actors: must list at least 1 item, got 0`}},
		},
		{
			name:   "empty name",
			mutate: func(t *testing.T, doc any) { set(t, doc, "/name", "") },
			want:   []problemText{{"/name", `name: must not be empty`}},
		},
		{
			name:   "name too long",
			mutate: func(t *testing.T, doc any) { set(t, doc, "/actors/0/name", strings.Repeat("é", 501)) },
			want: []problemText{{"/actors/0/name",
				`actors/0/name: must be at most 500 characters long, got 501`}},
		},
		{
			name: "repeated items",
			mutate: func(t *testing.T, doc any) {
				set(t, doc, "/principles", []any{"open", "inclusive", "open", "inclusive", "open"})
			},
			want: []problemText{{"/principles", `principles: lists "open" 3 times, "inclusive" twice`}},
		},
		{
			name:   "keys needing ~0 and ~1 escaping",
			mutate: func(t *testing.T, doc any) { set(t, doc, "/bodies/0/a~1b~0c", true) },
			want: []problemText{{"/bodies/0/a~1b~0c",
				`bodies/0: unknown property "a/b~c"; expected one of composition, decision, firstAppointedBy, fundedBy, houses, id, name, open, oversees, participants, role, seats, vetoes`}},
		},
		{
			name:   "keys jsonschema would percent-encode",
			mutate: func(t *testing.T, doc any) { set(t, doc, "/participation", map[string]any{"fée%s": true, "a b": 1}) },
			want: []problemText{
				{"/participation/a b", `participation: unknown property "a b"; expected one of admission, capacityBuilding, fees, openness, remote`},
				{"/participation/fée%s", `participation: unknown property "fée%s"; did you mean "fees"?`},
			},
		},
		{
			name: "number and currency errors in a nested object",
			mutate: func(t *testing.T, doc any) {
				set(t, doc, "/participation", map[string]any{"fees": map[string]any{"amount": json.Number("-1"), "currency": "eur"}})
			},
			want: []problemText{
				{"/participation/fees/amount", `participation/fees/amount: must be at least 0, got number -1`},
				{"/participation/fees/currency", `participation/fees/currency: "eur" is not a currency code: use the three capital letters of ISO 4217, such as "EUR"`},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := decodeCharter(t, baseCharter)
			tt.mutate(t, doc)
			got := texts(v.Validate(doc))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Validate mismatch\n got: %s\nwant: %s", showTexts(got), showTexts(tt.want))
			}
		})
	}
}

func show(ps []Problem) string { return showTexts(texts(ps)) }

// problemText is a problem as people read it: its pointer and its line.
type problemText struct{ Pointer, Text string }

func texts(ps []Problem) []problemText {
	if ps == nil {
		return nil
	}
	out := make([]problemText, len(ps))
	for i, p := range ps {
		out[i] = problemText{p.Pointer, p.Text()}
	}
	return out
}

func showTexts(ps []problemText) string {
	if ps == nil {
		return "nil"
	}
	var b strings.Builder
	for _, p := range ps {
		fmt.Fprintf(&b, "\n  {%q, %q}", p.Pointer, p.Text)
	}
	return b.String()
}

func TestValidateRootShapes(t *testing.T) {
	v := newValidator(t)
	tests := []struct {
		name string
		doc  any
		want []problemText
	}{
		{"list instead of object", []any{}, []problemText{{"", "(charter): expected an object, got a list"}}},
		{"null", nil, []problemText{{"", "(charter): expected an object, got null"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := texts(v.Validate(tt.doc)); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Validate mismatch\n got: %s\nwant: %s", showTexts(got), showTexts(tt.want))
			}
		})
	}
}

func TestValidateNonJSONValue(t *testing.T) {
	v := newValidator(t)
	got := v.Validate(map[string]any{"format": struct{}{}})
	if len(got) != 1 || got[0].Pointer != "" || !strings.HasPrefix(got[0].Text(), "(charter): cannot be checked against the charter format: ") {
		t.Errorf("Validate = %s, want one root problem saying the charter cannot be checked", show(got))
	}
}

func TestValidateSortedAndDeduplicated(t *testing.T) {
	v := newValidator(t)
	doc := decodeCharter(t, baseCharter)
	for _, a := range doc.(map[string]any)["actors"].([]any) {
		a.(map[string]any)["class"] = "nope"
		a.(map[string]any)["extra"] = true
	}
	got := v.Validate(doc)
	if len(got) != 6 {
		t.Fatalf("got %d problems, want 6: %s", len(got), show(got))
	}
	if !slices.IsSortedFunc(got, func(a, b Problem) int {
		if c := strings.Compare(a.Pointer, b.Pointer); c != 0 {
			return c
		}
		return strings.Compare(a.Message, b.Message)
	}) {
		t.Errorf("problems not sorted: %s", show(got))
	}
	if len(slices.Compact(slices.Clone(got))) != len(got) {
		t.Errorf("problems not deduplicated: %s", show(got))
	}
}

// TestLibraryInstanceLocation pins how jsonschema v5 spells instance
// locations: RFC 6901 escaping plus percent-encoding of each token, which
// libraryPointer undoes.
func TestLibraryInstanceLocation(t *testing.T) {
	v := newValidator(t)
	doc := decodeCharter(t, minimalCharter)
	doc.(map[string]any)["a/b~c d%é"] = true
	root, err := v.full()
	if err != nil {
		t.Fatal(err)
	}
	err = root.Validate(doc)
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("Validate error = %v, want *ValidationError", err)
	}
	var locs []string
	var walk func(*jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		locs = append(locs, e.InstanceLocation)
		for _, c := range e.Causes {
			walk(c)
		}
	}
	walk(ve)
	// additionalProperties is reported at the parent object, not the key.
	for _, loc := range locs {
		if loc != "" {
			t.Errorf("instance locations = %q, want only the root", locs)
			break
		}
	}

	doc = decodeCharter(t, minimalCharter)
	doc.(map[string]any)["participation"] = map[string]any{"fees": map[string]any{"amount": "x", "currency": "EUR"}}
	err = root.Validate(doc)
	if !errors.As(err, &ve) {
		t.Fatalf("Validate error = %v, want *ValidationError", err)
	}
	locs = nil
	walk(ve)
	if !slices.Contains(locs, "/participation/fees/amount") {
		t.Errorf("instance locations = %q, want one to be /participation/fees/amount", locs)
	}

	// Where a value below an odd key is validated, the key shows up
	// percent-encoded. The charter schema forbids unknown keys, so build a
	// small schema that validates them.
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	if err := c.AddResource("mem://odd.json", strings.NewReader(`{"additionalProperties": {"type": "string"}}`)); err != nil {
		t.Fatal(err)
	}
	odd := c.MustCompile("mem://odd.json")
	err = odd.Validate(map[string]any{"a/b~c d%é": json.Number("1")})
	if !errors.As(err, &ve) {
		t.Fatalf("Validate error = %v, want *ValidationError", err)
	}
	locs = nil
	walk(ve)
	if want := "/a~1b~0c%20d%25%C3%A9"; !slices.Contains(locs, want) {
		t.Errorf("instance locations = %q, want one to be %q", locs, want)
	}

	for loc, want := range map[string]string{
		"":                      "",
		"/actors/2/class":       "/actors/2/class",
		"/a~1b~0c%20d%25%C3%A9": "/a~1b~0c d%é",
	} {
		if got, _ := libraryPointer(loc); got != want {
			t.Errorf("libraryPointer(%q) = %q, want %q", loc, got, want)
		}
	}
	if _, toks := libraryPointer("/a~1b~0c%20d"); !reflect.DeepEqual(toks, []string{"a/b~c d"}) {
		t.Errorf("libraryPointer tokens = %q, want [a/b~c d]", toks)
	}
}

func TestClosest(t *testing.T) {
	cands := []string{"government", "intergovernmental", "academia"}
	tests := []struct {
		in     string
		want   string
		wantOK bool
	}{
		{"goverment", "government", true},
		{"GOVERNMENT", "government", true},
		{"acadmeia", "academia", true}, // distance 2
		{"gov", "", false},             // distance 7
		{"xy", "", false},
		{"ab", "", false}, // "ab" is 6 from academia
	}
	for _, tt := range tests {
		got, ok := Closest(tt.in, cands)
		if got != tt.want || ok != tt.wantOK {
			t.Errorf("Closest(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.wantOK)
		}
	}
	for _, tt := range []struct {
		a, b string
		want int
	}{{"", "", 0}, {"kitten", "sitting", 3}, {"", "abc", 3}, {"flaw", "lawn", 2}, {"é", "e", 1}} {
		if got := levenshtein([]rune(tt.a), []rune(tt.b)); got != tt.want {
			t.Errorf("levenshtein(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestValidateConcurrently(t *testing.T) {
	v := newValidator(t)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			doc := decodeCharter(t, baseCharter)
			doc.(map[string]any)["adopted"] = fmt.Sprintf("bad-%d", i)
			for range 20 {
				got := v.Validate(doc)
				if len(got) != 1 || got[0].Pointer != "/adopted" {
					t.Errorf("goroutine %d: Validate = %s", i, show(got))
					return
				}
			}
		}()
	}
	wg.Wait()
}

// TestEveryPropertyHasDescription walks the raw schema: every entry of every
// "properties" map must have a description, directly or through its $ref
// target, so editors show hover help for every property.
func TestEveryPropertyHasDescription(t *testing.T) {
	if missing := missingDescriptions(t, schemas.CharterV1()); len(missing) > 0 {
		t.Errorf("properties without a description (directly or via $ref):\n  %s", strings.Join(missing, "\n  "))
	}
}

// TestMissingDescriptions checks the checker on a schema with gaps.
func TestMissingDescriptions(t *testing.T) {
	const raw = `{
	  "properties": {
	    "a": {"description": "ok", "type": "string"},
	    "b": {"$ref": "#/$defs/described"},
	    "c": {"$ref": "#/$defs/bare"},
	    "d": {"type": "array", "items": {"properties": {"e": {"type": "string"}}}}
	  },
	  "$defs": {
	    "described": {"description": "ok"},
	    "bare": {"type": "object", "properties": {"f": {"description": ""}}}
	  }
	}`
	want := []string{"#/$defs/bare/properties/f", "#/properties/c", "#/properties/d", "#/properties/d/items/properties/e"}
	if got := missingDescriptions(t, raw); !reflect.DeepEqual(got, want) {
		t.Errorf("missingDescriptions = %q, want %q", got, want)
	}
}

// missingDescriptions lists, sorted, the locations of the properties of the
// raw schema that have no description directly or via local $refs.
func missingDescriptions(t *testing.T, raw string) []string {
	t.Helper()
	var root map[string]any
	if err := json.Unmarshal([]byte(raw), &root); err != nil {
		t.Fatalf("parsing schema: %v", err)
	}
	defs, _ := root["$defs"].(map[string]any)
	hasDescription := func(s map[string]any) bool {
		for range 10 { // follow at most 10 $refs
			if d, ok := s["description"].(string); ok && strings.TrimSpace(d) != "" {
				return true
			}
			ref, ok := s["$ref"].(string)
			if !ok || !strings.HasPrefix(ref, "#/$defs/") {
				return false
			}
			if s, ok = defs[strings.TrimPrefix(ref, "#/$defs/")].(map[string]any); !ok {
				return false
			}
		}
		return false
	}

	var missing []string
	var walk func(s any, loc string)
	walk = func(s any, loc string) {
		m, ok := s.(map[string]any)
		if !ok {
			return
		}
		if props, ok := m["properties"].(map[string]any); ok {
			for name, p := range props {
				ploc := loc + "/properties/" + name
				pm, ok := p.(map[string]any)
				if !ok || !hasDescription(pm) {
					missing = append(missing, ploc)
				}
				walk(p, ploc)
			}
		}
		for _, kw := range []string{"$defs", "dependentSchemas", "patternProperties"} {
			if sub, ok := m[kw].(map[string]any); ok {
				for name, d := range sub {
					walk(d, loc+"/"+kw+"/"+name)
				}
			}
		}
		for _, kw := range []string{"items", "additionalProperties", "not", "if", "then", "else", "contains", "propertyNames", "unevaluatedProperties", "unevaluatedItems"} {
			walk(m[kw], loc+"/"+kw)
		}
		for _, kw := range []string{"allOf", "anyOf", "oneOf", "prefixItems"} {
			if list, ok := m[kw].([]any); ok {
				for i, d := range list {
					walk(d, loc+"/"+kw+"/"+strconv.Itoa(i))
				}
			}
		}
	}
	walk(root, "#")
	slices.Sort(missing)
	return missing
}

// benchCharter builds a valid charter of about 9 KB: 30 actors, 6 bodies
// with seats and 12 functions.
func benchCharter(tb testing.TB) (any, int) {
	tb.Helper()
	classes := []string{"government", "intergovernmental", "private-sector", "civil-society", "technical-community", "academia"}
	roles := []string{"decision", "advisory", "oversight", "appeal", "nominating", "secretariat"}
	categories := []string{"critical-internet-resources", "standards-setting", "access-and-interconnection", "cybersecurity-operations"}
	c := map[string]any{
		"format":     schemas.FormatV1,
		"id":         "bench",
		"name":       "Benchmark Governance Forum",
		"adopted":    "2023-11-20",
		"modality":   "multistakeholder",
		"objectives": []any{"stability", "security", "openness"},
		"principles": []any{"open", "inclusive", "transparent", "accountable"},
	}
	var actors []any
	for i := range 30 {
		actors = append(actors, map[string]any{
			"id": fmt.Sprintf("actor-%02d", i), "name": fmt.Sprintf("Constituency number %d", i),
			"class": classes[i%len(classes)], "kind": "constituency",
		})
	}
	var bodies []any
	for b := range 6 {
		var seats []any
		for s := range 5 {
			seats = append(seats, map[string]any{
				"id": fmt.Sprintf("body-%d.seat-%d", b, s), "actor": fmt.Sprintf("actor-%02d", (b*5+s)%30),
				"vote": "full", "count": 2,
				"term": map[string]any{"years": 3, "maxConsecutive": 2},
			})
		}
		bodies = append(bodies, map[string]any{
			"id": fmt.Sprintf("body-%d", b), "name": fmt.Sprintf("Body %d", b), "role": roles[b],
			"seats":    seats,
			"decision": map[string]any{"method": "supermajority", "threshold": 0.667, "quorum": 0.5},
		})
	}
	var functions []any
	for f := range 12 {
		functions = append(functions, map[string]any{
			"id": fmt.Sprintf("function-%02d", f), "name": fmt.Sprintf("Governance function %d", f),
			"category": categories[f%len(categories)], "modality": "multistakeholder",
			"decidedBy": "body-0", "advisedBy": []any{"body-1"}, "binding": f%2 == 0,
		})
	}
	c["actors"], c["bodies"], c["functions"] = actors, bodies, functions
	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(c); err != nil {
		tb.Fatalf("encoding benchmark charter: %v", err)
	}
	return decodeCharter(tb, buf.String()), buf.Len()
}

func TestBenchCharterIsValid(t *testing.T) {
	v := newValidator(t)
	doc, size := benchCharter(t)
	if size < 8000 || size > 10000 {
		t.Errorf("benchmark charter is %d bytes, want about 9 KB", size)
	}
	if got := v.Validate(doc); got != nil {
		t.Errorf("benchmark charter is invalid: %s", show(got))
	}
}

func BenchmarkValidate(b *testing.B) {
	v := newValidator(b)
	doc, size := benchCharter(b)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		if v.Validate(doc) != nil {
			b.Fatal("benchmark charter is invalid")
		}
	}
}

// Programs tell problems apart by Kind, never by their words.
func TestProblemKinds(t *testing.T) {
	v := newValidator(t)
	doc := decodeCharter(t, baseCharter)
	set(t, doc, "/actors/0/class", "goverment")
	set(t, doc, "/actors/1/colour", "red")
	set(t, doc, "/bodies/0/seats/0/count", json.Number("-2"))
	delete(doc.(map[string]any), "functions")
	got := map[string]Kind{}
	for _, p := range v.Validate(doc) {
		got[p.Pointer] = p.Kind
	}
	want := map[string]Kind{
		"/actors/0/class":         KindEnum,
		"/actors/1/colour":        KindUnknownProperty,
		"/bodies/0/seats/0/count": KindRange,
		"":                        KindRequired,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("kinds = %v, want %v", got, want)
	}
}

// A validator compiled from another schema names its root in its own words.
func TestCompileOtherSchema(t *testing.T) {
	v, err := Compile("https://example.org/x.json", `{"type": "object", "properties": {"a": {"type": "integer"}}, "additionalProperties": false}`, "data")
	if err != nil {
		t.Fatal(err)
	}
	got := texts(v.Validate(map[string]any{"a": "x", "b": true}))
	want := []problemText{{"/a", `a: expected a whole number, got string "x"`}, {"/b", `(data): unknown property "b"; expected one of a`}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %s\nwant %s", showTexts(got), showTexts(want))
	}
}
