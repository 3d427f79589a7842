package policy

import (
	"context"
	"errors"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/storage"
)

// Suite is the user's rules with their tests (*_test.rego), loaded and
// checked exactly as New loads the user's rules, beside the built-in pack
// and over the same data, for OPA's tester (internal/verify runs it).
type Suite struct {
	// Modules are the parsed modules, the pack's and the user's, tests
	// included.
	Modules map[string]*ast.Module
	// Rules are every rule, the pack's and the user's, ordered by id.
	Rules []Rule
	// Store holds the rules' data as the rules read it at lint time.
	Store storage.Store
	e     *Engine
}

// LoadSuite loads the user's rules and tests given by opts.PolicyDirs.
func LoadSuite(ctx context.Context, opts Options) (*Suite, error) {
	e, err := newEngine(ctx, opts, true)
	if err != nil {
		return nil, err
	}
	if len(e.parts) != 1 || e.parts[0].modules == nil {
		return nil, errors.New("load tests: the user's rules were not loaded (no policy directory given)")
	}
	return &Suite{Modules: e.parts[0].modules, Rules: e.rules, Store: e.store, e: e}, nil
}

// WatchHeap watches the heap, as Evaluate does, until stop is called:
// the first time it passes the memory ceiling, over is told, with what
// names what runs.
func (s *Suite) WatchHeap(what string, over func(*MemoryError)) (stop func()) {
	return s.e.watchHeap(what, func(h int64) {
		over(&MemoryError{Charter: what, Limit: s.e.maxMem, Heap: h})
	})
}

// NewCompiler returns a compiler with every check and the restricted
// capabilities, not yet run.
func NewCompiler() *ast.Compiler { return newCompiler(Capabilities()) }

// ExplainCompileErrors lists compile errors one a line at their position,
// saying why a refused builtin is refused.
func ExplainCompileErrors(errs ast.Errors) error { return explainForbidden(errs) }

// IsBuiltin reports whether a module or rule file name is one of the
// built-in pack's.
func IsBuiltin(name string) bool { return builtinRank(name) == 0 }
