package policy

import (
	"strings"
	"testing"

	"github.com/charterlint/charterlint/policies"
	"github.com/open-policy-agent/opa/v1/ast"
)

// TestTrustedCompileChangesNothing checks the claim compileTrusted rests
// on: for the built-in pack, the stages it skips rewrite nothing that
// evaluation uses. Among them is the safety check, which would reorder a
// rule body whose expressions use a variable before binding it; the pack's
// rules are written in a safe order, and this test keeps them so (write
// the expression that binds a variable before those that use it).
func TestTrustedCompileChangesNothing(t *testing.T) {
	caps := Capabilities()
	parse := func() map[string]*ast.Module {
		modules := map[string]*ast.Module{}
		if err := ParseFS(policies.FS(), "builtin:", false, caps, modules); err != nil {
			t.Fatal(err)
		}
		return modules
	}
	full, err := Compile(parse(), caps)
	if err != nil {
		t.Fatal(err)
	}
	trusted, err := compileTrusted(parse(), caps)
	if err != nil {
		t.Fatal(err)
	}
	if len(full.Modules) != len(trusted.Modules) || len(full.Modules) == 0 {
		t.Fatalf("%d modules compiled in full, %d trusted", len(full.Modules), len(trusted.Modules))
	}
	for name, m := range full.Modules {
		other := trusted.Modules[name]
		if other == nil || len(other.Rules) != len(m.Rules) {
			t.Fatalf("%s: compiled differently", name)
		}
		for i, r := range m.Rules {
			for a, b := r, other.Rules[i]; a != nil || b != nil; a, b = a.Else, b.Else {
				if a == nil || b == nil || !a.Head.Equal(b.Head) || !a.Body.Equal(b.Body) {
					t.Errorf("%s:%d: the skipped stages change this rule:\nfull:    %v\ntrusted: %v", name, r.Location.Row, a, b)
					break
				}
			}
		}
	}
}

// A panic in OPA's compiler (here on a module it was handed as nil)
// comes back as an error.
func TestCompilePanicIsAnError(t *testing.T) {
	modules := map[string]*ast.Module{"broken.rego": nil}
	for name, compile := range map[string]func(map[string]*ast.Module, *ast.Capabilities) (*ast.Compiler, error){
		"checked": Compile, "trusted": compileTrusted,
	} {
		c, err := compile(modules, nil)
		if c != nil || err == nil || !strings.Contains(err.Error(), "internal error in OPA's compiler") {
			t.Errorf("%s: Compile = %v, %v; want an internal error", name, c, err)
		}
	}
}
