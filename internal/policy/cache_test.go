package policy

import (
	"slices"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
)

// refCache keeps what OPA's VirtualCache contract asks: exact references,
// undefined results told apart from missing ones, and frames that "with"
// modifiers push and pop.
func TestRefCache(t *testing.T) {
	c := newRefCache()
	p := ast.MustParseRef("data.lib.seats_text[3]")
	q := ast.MustParseRef("data.lib.seats_text[1]")
	u := ast.MustParseRef("data.lib.missing")
	if v, undefined := c.Get(p); v != nil || undefined {
		t.Fatalf("empty cache: Get = %v, %v", v, undefined)
	}
	c.Put(p, ast.StringTerm("3 seats"))
	c.Put(u, nil)
	if v, undefined := c.Get(ast.MustParseRef("data.lib.seats_text[3]")); undefined || v.Value.Compare(ast.String("3 seats")) != 0 {
		t.Errorf("Get(p) = %v, %v", v, undefined)
	}
	if v, undefined := c.Get(q); v != nil || undefined {
		t.Errorf("Get(q), never put = %v, %v", v, undefined)
	}
	if v, undefined := c.Get(u); v != nil || !undefined {
		t.Errorf("Get(u), put as undefined = %v, %v", v, undefined)
	}
	c.Put(p, ast.StringTerm("three seats"))
	if v, _ := c.Get(p); v.Value.Compare(ast.String("three seats")) != 0 {
		t.Errorf("Put twice: Get = %v", v)
	}
	c.Push()
	if v, undefined := c.Get(p); v != nil || undefined {
		t.Errorf("new frame: Get(p) = %v, %v", v, undefined)
	}
	c.Put(q, ast.StringTerm("1 seat"))
	if got := c.Keys(); len(got) != 1 || !got[0].Equal(q) {
		t.Errorf("Keys in the pushed frame = %v", got)
	}
	c.Pop()
	if v, _ := c.Get(q); v != nil {
		t.Errorf("after Pop: Get(q) = %v", v)
	}
	// Each deny set is read once, by the engine's query: keeping it would
	// only cost a map entry.
	c.Put(ast.MustParseRef("data.charterlint.rules.capture.x.deny"), ast.SetTerm())
	if v, undefined := c.Get(ast.MustParseRef("data.charterlint.rules.capture.x.deny")); v != nil || undefined {
		t.Errorf("a deny set was kept: Get = %v, %v", v, undefined)
	}
	keys := c.Keys()
	slices.SortFunc(keys, func(a, b ast.Ref) int { return a.Compare(b) })
	if len(keys) != 2 || !keys[0].Equal(u) || !keys[1].Equal(p) {
		t.Errorf("Keys after Pop = %v", keys)
	}
}
