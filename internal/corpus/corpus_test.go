package corpus

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/charterlint/charterlint/internal/charter"
	"github.com/charterlint/charterlint/internal/refcheck"
	"github.com/charterlint/charterlint/schemas"
)

func compileSchema(t testing.TB) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft2020
	if err := c.AddResource(schemas.CharterV1URL, strings.NewReader(schemas.CharterV1())); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(schemas.CharterV1URL)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// decodeJSON decodes data the way the schema validator expects: numbers
// as json.Number.
func decodeJSON(data []byte) (any, error) {
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		return nil, err
	}
	return v, nil
}

// check validates data against the schema and the reference checks and
// returns the parsed charter.
func check(t *testing.T, s *jsonschema.Schema, name string, data []byte) *charter.Charter {
	t.Helper()
	doc, err := decodeJSON(data)
	if err != nil {
		t.Fatalf("%s: not JSON: %v", name, err)
	}
	if err := s.Validate(doc); err != nil {
		t.Fatalf("%s: schema: %#v\n%s", name, err, data)
	}
	c, err := charter.Parse(data)
	if err != nil {
		t.Fatalf("%s: parse: %v", name, err)
	}
	if probs := refcheck.Check(c); len(probs) > 0 {
		t.Fatalf("%s: references: %+v\n%s", name, probs, data)
	}
	return c
}

func TestDeterministic(t *testing.T) {
	for _, size := range []Size{Typical(), {Actors: 3, Bodies: 2, SeatsPerBody: 1, Functions: 1}} {
		for n := range 20 {
			a, b := Generate(7, n, size), Generate(7, n, size)
			if !bytes.Equal(a, b) {
				t.Fatalf("Generate(7, %d, %+v) differs between calls", n, size)
			}
			if bytes.Equal(a, Generate(7, n+1, size)) {
				t.Errorf("Generate(7, %d, %+v) and Generate(7, %d, …) are equal", n, size, n+1)
			}
			if bytes.Equal(a, Generate(8, n, size)) {
				t.Errorf("Generate(7, %d, %+v) and Generate(8, %d, …) are equal", n, size, n)
			}
		}
	}
	if !bytes.Equal(ManyActors(50), ManyActors(50)) || !bytes.Equal(DeepNesting(40), DeepNesting(40)) {
		t.Error("pathological generators are not deterministic")
	}
}

func TestTypicalValidAndVaried(t *testing.T) {
	s := compileSchema(t)
	const count = 200
	var (
		total                                                          int
		govOnly, sponsors, noAppeals, appeals, openBody, noAcc, noObjs int
		modalities                                                     = map[string]int{}
	)
	for n := range count {
		data := Generate(1, n, Typical())
		total += len(data)
		c := check(t, s, fmt.Sprintf("charter %d", n), data)
		if !bytes.HasPrefix(data, []byte("{\n  \"format\": ")) {
			t.Fatalf("charter %d is not indented by two spaces:\n%.80s", n, data)
		}
		modalities[c.Modality]++
		if len(c.Actors) != 30 || len(c.Bodies) != 6 || len(c.Functions) != 12 {
			t.Errorf("charter %d: %d actors, %d bodies, %d functions, want 30, 6, 12", n, len(c.Actors), len(c.Bodies), len(c.Functions))
		}
		if c.Modality == charter.ModalityMultistakeholder && onlyGovernmentsVote(c) {
			govOnly++
		}
		if p := c.Participation; p != nil && p.Admission != nil && p.Admission.Sponsors > 0 {
			sponsors++
		}
		if c.Accountability == nil {
			noAcc++
		}
		if c.Accountability == nil || len(c.Accountability.Appeals) == 0 {
			noAppeals++
		} else {
			appeals++
		}
		if len(c.Objectives) == 0 {
			noObjs++
		}
		for _, b := range c.Bodies {
			if b.Open {
				openBody++
				break
			}
		}
	}
	avg := total / count
	t.Logf("average size %d bytes; declared modalities %v", avg, modalities)
	t.Logf("multistakeholder with only government votes %d, admission sponsors %d, no appeals %d (no accountability %d), open bodies %d, no objectives %d",
		govOnly, sponsors, noAppeals, noAcc, openBody, noObjs)
	if avg < 8500 || avg > 9500 {
		t.Errorf("average size of a typical charter is %d bytes, want 8500-9500", avg)
	}
	for _, v := range []struct {
		what string
		got  int
	}{
		{"multistakeholder charters where only governments vote", govOnly},
		{"charters with admission sponsors", sponsors},
		{"charters without appeals", noAppeals},
		{"charters with appeals", appeals},
		{"charters with an open body", openBody},
		{"charters without an open body", count - openBody},
		{"charters without accountability", noAcc},
		{"charters without objectives", noObjs},
	} {
		if v.got < count/20 {
			t.Errorf("%s: %d of %d, want at least %d", v.what, v.got, count, count/20)
		}
	}
	for _, m := range allModalities() {
		if modalities[m] == 0 {
			t.Errorf("no charter claims modality %s", m)
		}
	}
}

// onlyGovernmentsVote reports whether some decision body of c has voting
// seats, all held by governmental actors, and non-voting seats held by
// non-governmental actors.
func onlyGovernmentsVote(c *charter.Charter) bool {
	class := map[string]string{}
	for _, a := range c.Actors {
		class[a.ID] = a.Class
	}
	for _, b := range c.Bodies {
		if b.Role != charter.RoleDecision {
			continue
		}
		govVote, otherVote, silenced := false, false, false
		for _, s := range b.Seats {
			gov := s.Actor != "" && charter.Governmental(class[s.Actor])
			switch {
			case s.Vote == charter.VoteNone && !gov:
				silenced = true
			case s.Vote != charter.VoteNone && gov:
				govVote = true
			case s.Vote != charter.VoteNone:
				otherVote = true
			}
		}
		if govVote && !otherVote && silenced {
			return true
		}
	}
	return false
}

func TestOtherSizesValid(t *testing.T) {
	s := compileSchema(t)
	sizes := []Size{
		{},
		{Actors: 1, Bodies: 1, SeatsPerBody: 1, Functions: 1, Advice: 3, Appeals: 1},
		{Actors: 2, Bodies: 2, SeatsPerBody: 1, Functions: 2, Advice: 1, Appeals: 1},
		{Actors: -5, Bodies: -1, SeatsPerBody: -1, Functions: -1, Advice: -1, Appeals: -1},
		{Actors: 300, Bodies: 40, SeatsPerBody: 10, Functions: 100, Advice: 50, Appeals: 10},
	}
	for _, size := range sizes {
		for n := range 50 {
			c := check(t, s, fmt.Sprintf("size %+v charter %d", size, n), Generate(-3, n, size))
			if size.Actors > 0 && len(c.Actors) != size.Actors {
				t.Errorf("size %+v: %d actors", size, len(c.Actors))
			}
		}
	}
}

func TestManyActors(t *testing.T) {
	s := compileSchema(t)
	for _, n := range []int{1, 7, 1000, 5000} {
		c := check(t, s, fmt.Sprintf("ManyActors(%d)", n), ManyActors(n))
		if len(c.Actors) != n || len(c.Bodies) != 1 || len(c.Bodies[0].Participants) != n {
			t.Errorf("ManyActors(%d): %d actors, %d bodies", n, len(c.Actors), len(c.Bodies))
		}
		if want := min(n, maxSeats); len(c.Bodies[0].Seats) != want {
			t.Errorf("ManyActors(%d): %d seat groups, want %d", n, len(c.Bodies[0].Seats), want)
		}
	}
}

// maxDepth returns the deepest bracket nesting of a JSON document, not
// counting brackets inside strings.
func maxDepth(data []byte) int {
	depth, deepest := 0, 0
	inString, escaped := false, false
	for _, c := range data {
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case c == '\\':
				escaped = true
			case c == '"':
				inString = false
			}
		case c == '"':
			inString = true
		case c == '{' || c == '[':
			depth++
			deepest = max(deepest, depth)
		case c == '}' || c == ']':
			depth--
		}
	}
	return deepest
}

func TestDeepNesting(t *testing.T) {
	for _, d := range []int{1, 2, 3, 4, 63, 64, 65, 1000} {
		data := DeepNesting(d)
		if got := maxDepth(data); got != d {
			t.Errorf("DeepNesting(%d) nests %d levels", d, got)
		}
		if _, err := decodeJSON(data); err != nil {
			t.Errorf("DeepNesting(%d) is not JSON: %v", d, err)
		}
	}
	// Ordinary charters stay far from a decoder's depth limit.
	if got := maxDepth(Generate(1, 0, Typical())); got > 7 {
		t.Errorf("a typical charter nests %d levels", got)
	}
}

func TestGenerateSpeed(t *testing.T) {
	if testing.Short() {
		t.Skip("timing only")
	}
	const n = 500
	start := time.Now()
	for i := range n {
		Generate(42, i, Typical())
	}
	t.Logf("Generate(Typical()) takes %v per charter", time.Since(start)/n)
}

func BenchmarkGenerateTypical(b *testing.B) {
	size := Typical()
	n := 0
	for b.Loop() {
		Generate(1, n, size)
		n++
	}
}

func BenchmarkManyActors5000(b *testing.B) {
	for b.Loop() {
		ManyActors(5000)
	}
}
