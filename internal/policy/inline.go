package policy

import (
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
)

// configRef is where the rules read the pack's configuration.
var configRef = ast.MustParseRef("data.charterlint.config")

// inlineConfig writes the configuration's values into the built-in rules
// in place of the references that read them: a rule that reads
// data.charterlint.config.params.majority_share compares with the number
// itself, and one that reads data.charterlint.config.matrix[c][m] indexes
// the matrix as a literal. The configuration is fixed once the engine is
// built, so the rules mean the same; but OPA reads a data document through
// the store and its base cache, about 18 allocations a read, and a rule
// reads the configuration once per element it looks at
// (TestInlinedConfigChangesNothing checks the two agree).
//
// Only the files of the built-in pack (named "builtin:...") are rewritten,
// only references that name a path present in config (a key the
// configuration lacks stays a reference, undefined as before), and only
// to values of at most maxInlined terms. Nothing is
// rewritten when a module could make the literal differ from what the
// reference would read: a package at or below data.charterlint.config
// (its rules would join the document) or a with modifier on a path that
// overlaps it.
func inlineConfig(modules map[string]*ast.Module, config ast.Object) {
	if config == nil || !inlinable(modules) {
		return
	}
	for name, m := range modules {
		if !strings.HasPrefix(name, "builtin:") {
			continue
		}
		for _, r := range m.Rules {
			ast.WalkTerms(r, func(t *ast.Term) bool {
				ref, ok := t.Value.(ast.Ref)
				if !ok {
					return false
				}
				if v := configValue(ref, config); v != nil {
					t.Value = v
					return true
				}
				return false
			})
		}
	}
}

// inlinable reports whether no module could change what the rules read at
// data.charterlint.config.
func inlinable(modules map[string]*ast.Module) bool {
	overlaps := func(ref ast.Ref) bool { return ref.HasPrefix(configRef) || configRef.HasPrefix(ref) }
	for _, m := range modules {
		if overlaps(m.Package.Path) {
			return false
		}
		with := false
		ast.WalkExprs(m, func(e *ast.Expr) bool {
			for _, w := range e.With {
				if ref, ok := w.Target.Value.(ast.Ref); ok && overlaps(ref) {
					with = true
				}
			}
			return with
		})
		if with {
			return false
		}
	}
	return true
}

// maxInlined bounds the terms of an inlined value. The compiler copies a
// module several times over, and with it every literal in it: the modality
// matrix (600 terms) written into two rules cost a single-file run 6,000
// allocations of start-up, more than reading it from the store costs the
// rules of a typical charter.
const maxInlined = 64

// size counts the terms inside v, stopping once past maxInlined.
func size(v ast.Value) int {
	n := 0
	ast.WalkTerms(v, func(*ast.Term) bool {
		n++
		return n > maxInlined
	})
	return n
}

// configValue is the value ref reads from config, as a term or as a
// reference into a literal, or nil when ref does not read config or
// names a key it lacks.
func configValue(ref ast.Ref, config ast.Object) ast.Value {
	if !ref.HasPrefix(configRef) {
		return nil
	}
	cur := ast.NewTerm(config)
	i := len(configRef)
	for ; i < len(ref); i++ {
		key, ok := ref[i].Value.(ast.String)
		if !ok {
			break
		}
		obj, ok := cur.Value.(ast.Object)
		if !ok {
			return nil
		}
		next := obj.Get(ast.NewTerm(key))
		if next == nil {
			return nil
		}
		cur = next
	}
	if size(cur.Value) > maxInlined {
		return nil
	}
	if i == len(ref) {
		return cur.Value
	}
	if _, ok := ref[i].Value.(ast.Var); !ok {
		return nil
	}
	out := make(ast.Ref, 0, len(ref)-i+1)
	out = append(out, cur)
	return append(out, ref[i:]...)
}
