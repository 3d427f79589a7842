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

// OPA passes Put a key it reuses (a pooled function evaluator's): the
// cache must hold its own copy, or the entry changes under it.
func TestRefCacheKeepsACopyOfTheKey(t *testing.T) {
	c := newRefCache()
	key := ast.MustParseRef("data.lib.seats_text[3]")
	c.Put(key, ast.StringTerm("3 seats"))
	key[len(key)-1] = ast.IntNumberTerm(1) // the evaluator's next call
	if v, _ := c.Get(ast.MustParseRef("data.lib.seats_text[3]")); v == nil || v.Value.Compare(ast.String("3 seats")) != 0 {
		t.Errorf("after the caller reused its key: Get(seats_text[3]) = %v", v)
	}
	if v, _ := c.Get(key); v != nil {
		t.Errorf("after the caller reused its key: Get(seats_text[1]) = %v, never put", v)
	}
	// Keys longer than a block, and many keys, are kept whole.
	long := make(ast.Ref, refKeyBlock+1)
	long[0] = ast.DefaultRootDocument
	for i := 1; i < len(long); i++ {
		long[i] = ast.IntNumberTerm(i)
	}
	c.Put(long, ast.BooleanTerm(true))
	for i := range 2 * refKeyBlock {
		c.Put(ast.Ref{ast.DefaultRootDocument, ast.StringTerm("f"), ast.IntNumberTerm(i)}, ast.IntNumberTerm(i))
	}
	if v, _ := c.Get(slices.Clone(long)); v == nil {
		t.Error("a key longer than a block was lost")
	}
	for i := range 2 * refKeyBlock {
		v, _ := c.Get(ast.Ref{ast.DefaultRootDocument, ast.StringTerm("f"), ast.IntNumberTerm(i)})
		if v == nil || v.Value.Compare(ast.IntNumberTerm(i).Value) != 0 {
			t.Fatalf("f[%d] = %v", i, v)
		}
	}
}
