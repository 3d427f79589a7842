package policy

import "github.com/open-policy-agent/opa/v1/ast"

// refCache is the virtual-document cache of one evaluation: the values
// (or undefined results) of the rules and function calls evaluated so far,
// keyed by reference. OPA's own cache is a tree with a hash map per
// reference element, which cost about 15 KB per charter; this is one flat
// map per frame, keyed by the reference's hash.
type refCache struct {
	frames []map[int][]refCacheEntry
	keys   []*ast.Term // room for copies of the references kept
}

type refCacheEntry struct {
	ref   ast.Ref
	value *ast.Term // nil: undefined
}

func newRefCache() *refCache {
	return &refCache{frames: []map[int][]refCacheEntry{{}}}
}

// Push starts a frame (an expression with "with" modifiers).
func (c *refCache) Push() { c.frames = append(c.frames, map[int][]refCacheEntry{}) }

// Pop drops the innermost frame and its entries.
func (c *refCache) Pop() {
	if len(c.frames) > 1 {
		c.frames = c.frames[:len(c.frames)-1]
	}
}

// Get returns the cached value of ref; the second result is true when ref
// is cached as undefined.
func (c *refCache) Get(ref ast.Ref) (*ast.Term, bool) {
	for _, e := range c.frames[len(c.frames)-1][ref.Hash()] {
		if e.ref.Equal(ref) {
			return e.value, e.value == nil
		}
	}
	return nil, false
}

// Put caches the value of ref; nil records an undefined result. Deny sets
// are not kept: the engine's query reads each once, so keeping them only
// cost an entry each (a user rule that reads one again evaluates it
// again, to the same result).
func (c *refCache) Put(ref ast.Ref, value *ast.Term) {
	if isDeny(ref) {
		return
	}
	top := c.frames[len(c.frames)-1]
	h := ref.Hash()
	for i, e := range top[h] {
		if e.ref.Equal(ref) {
			top[h][i].value = value
			return
		}
	}
	top[h] = append(top[h], refCacheEntry{c.keep(ref), value})
}

// keep copies ref for the cache to hold. OPA hands Put a slice it reuses:
// a function call's key lives in a pooled evaluator, which overwrites it
// for the next call, on whatever goroutine takes it from the pool next.
// The copies are carved from shared blocks, to spare an allocation each.
func (c *refCache) keep(ref ast.Ref) ast.Ref {
	if len(ref) > cap(c.keys)-len(c.keys) {
		c.keys = make([]*ast.Term, 0, max(refKeyBlock, len(ref)))
	}
	start := len(c.keys)
	c.keys = append(c.keys, ref...)
	return c.keys[start:len(c.keys):len(c.keys)]
}

// refKeyBlock is how many reference elements one block of copies holds.
const refKeyBlock = 256

// Keys lists the references cached in the innermost frame.
func (c *refCache) Keys() []ast.Ref {
	var keys []ast.Ref
	for _, entries := range c.frames[len(c.frames)-1] {
		for _, e := range entries {
			keys = append(keys, e.ref)
		}
	}
	return keys
}

var denyTerm = ast.StringTerm("deny")

// isDeny reports whether ref names a deny set.
func isDeny(ref ast.Ref) bool {
	return len(ref) > 1 && ref[len(ref)-1].Equal(denyTerm)
}
