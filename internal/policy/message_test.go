package policy

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/charterlint/charterlint/internal/finding"
	"github.com/charterlint/charterlint/policies"
	"github.com/open-policy-agent/opa/v1/ast"
)

// deferredRules lists the ids of the rules whose messages an engine
// renders itself.
func deferredRules(e *Engine) []string {
	var ids []string
	for _, sh := range e.shards {
		for i, r := range sh.rules {
			if sh.messages != nil && sh.messages[i] != nil {
				ids = append(ids, r.ID)
			}
		}
	}
	slices.Sort(ids)
	return ids
}

// TestDeferredMessagesChangeNothing checks that the built-in rules find
// exactly the same with their messages rendered by the engine as with
// their messages in Rego: on every fixture and on generated charters, with
// the shipped configuration and with a --data file that changes matrix
// cells the messages quote. Every deferred rule must fire somewhere in the
// sample, so that each deferred message is compared at least once.
func TestDeferredMessagesChangeNothing(t *testing.T) {
	ctx := context.Background()
	over := filepath.Join(t.TempDir(), "over.json")
	if err := os.WriteFile(over, []byte(`{
		"matrix": {"critical-internet-resources": {"intergovernmental": {"fit": "caution", "rationale": "Overridden, with a dot.", "source": "test"}}}
	}`), 0o644); err != nil {
		t.Fatal(err)
	}
	docs, _ := comparisonDocs(t, 23, 300)
	for _, data := range [][]string{nil, {over}} {
		deferred, err := New(ctx, Options{Pack: policies.FS(), DataFiles: data, DeferMessages: true})
		if err != nil {
			t.Fatal(err)
		}
		inRego, err := New(ctx, Options{Pack: policies.FS(), DataFiles: data})
		if err != nil {
			t.Fatal(err)
		}
		if got := deferredRules(inRego); len(got) != 0 {
			t.Fatalf("without DeferMessages, rules %v deferred", got)
		}
		ids := deferredRules(deferred)
		if len(ids) < 20 {
			t.Fatalf("only %d rules deferred: %v", len(ids), ids)
		}
		fired := map[string]bool{}
		for i, d := range docs {
			got, err := deferred.Evaluate(ctx, d.doc, d.charter)
			if err != nil {
				t.Fatal(err)
			}
			want, err := inRego.Evaluate(ctx, d.doc, d.charter)
			if err != nil {
				t.Fatal(err)
			}
			finding.Sort(got)
			finding.Sort(want)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("data %v, document %d: deferred messages found\n%v\nwant (messages in Rego)\n%v", data, i, got, want)
			}
			for _, f := range got {
				fired[f.Rule] = true
			}
		}
		for _, id := range ids {
			if !fired[id] {
				t.Errorf("data %v: deferred rule %s never fired; the comparison does not cover its message", data, id)
			}
		}
	}
}

// TestBuiltinMessagesAllDeferred checks that every message the built-in
// pack's rules defer can be run by the interpreter, so that building a
// repository engine never compiles the pack twice.
func TestBuiltinMessagesAllDeferred(t *testing.T) {
	modules := map[string]*ast.Module{}
	if err := parseFS(policies.FS(), "builtin:", false, true, Capabilities(), modules); err != nil {
		t.Fatal(err)
	}
	done := deferMessages(modules)
	c, err := compileTrusted(modules, Capabilities())
	if err != nil {
		t.Fatal(err)
	}
	funcs, failed := prepareMessages(c, done)
	for _, f := range failed {
		mc := &msgCompiler{compiler: c, funcs: map[string]*msgFunc{}}
		_, err := mc.function(f.module.Package.Path.Append(ast.StringTerm(string(f.fn.Head.Name))))
		t.Errorf("%s: message not deferred: %v", f.module.Package.Path, err)
	}
	n := 0
	for _, fs := range funcs {
		n += len(fs)
	}
	if n != len(done) || n == 0 {
		t.Errorf("%d message functions for %d deferred messages", n, len(done))
	}
}

// TestDeferredMessageSemantics runs small rules that exercise each thing
// the interpreter does, with their messages deferred and in Rego, and
// checks that both find the same (or both fail), and that the message was
// indeed deferred.
func TestDeferredMessageSemantics(t *testing.T) {
	input := `{"charter": {"items": [
		{"id": "a", "n": 1, "tags": ["x", "y"], "kind": "big"},
		{"id": "b", "n": 3, "tags": [], "kind": "small"},
		{"id": "c", "n": 3, "tags": ["z"], "kind": "odd"}
	]}}`
	tests := []struct {
		name, rule string
		wantErr    bool
		findings   int
	}{
		{"reads and builtins", `deny contains {"pointer": "", "element": it.id, "message": sprintf("%s has %d (%s)", [it.id, it.n, concat("+", sort(it.tags))])} if {
	some it in input.charter.items
}`, false, 3},
		{"undefined message drops the finding", `deny contains {"pointer": "", "element": it.id, "message": sprintf("%s %s", [it.id, it.tags[0]])} if {
	some it in input.charter.items
}`, false, 2},
		{"equal messages merge", `deny contains {"pointer": "", "message": sprintf("n is %d", [it.n])} if {
	some it in input.charter.items
}`, false, 2},
		{"functions with else and negation", `deny contains {"pointer": "", "element": it.id, "message": sprintf("%s: %s", [it.id, size(it)])} if {
	some it in input.charter.items
}

size(it) := "one" if {
	it.n == 1
} else := "empty" if {
	not it.tags[0]
} else := sprintf("%d tags", [count(it.tags)])`, false, 3},
		{"constant rules and input", `deny contains {"pointer": "", "element": it.id, "message": sprintf("%s is %s of %d", [it.id, label(it.kind), total])} if {
	some it in input.charter.items
	total := 1
}

labels := {"big": "large", "small": "little"}

label(k) := sprintf("%s/%d", [labels[k], count(input.charter.items)])`, false, 2},
		{"a test term and a comparison", `deny contains {"pointer": "", "element": it.id, "message": note(it)} if {
	some it in input.charter.items
}

note(it) := "tagged" if {
	it.tags[0]
	it.kind != "odd"
} else := "other"`, false, 3},
		{"rules read as values are gathered", `deny contains {"pointer": "", "element": it.id, "message": sprintf("%s of %d: %s", [it.id, n, kinds[it.kind]])} if {
	some it in input.charter.items
}

n := count(input.charter.items)

kinds[k] := upper(k) if {
	some it in input.charter.items
	k := it.kind
	k != "odd"
}`, false, 2},
		{"a deferred and a constant message in one package", `deny contains {"pointer": "", "element": it.id, "message": sprintf("%s", [it.kind])} if {
	some it in input.charter.items
}

deny contains {"pointer": "", "element": "a", "message": "big"} if true

deny contains {"pointer": "", "element": "z", "message": "constant"} if true`, false, 4},
		{"a builtin error is an error", `deny contains {"pointer": "", "element": it.id, "message": sprintf("%v", [to_number(it.kind)])} if {
	some it in input.charter.items
}`, true, 0},
	}
	value := ast.MustParseTerm(input).Value
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			results := make([][]finding.Finding, 2)
			errs := make([]error, 2)
			for i, deferMessages := range []bool{false, true} {
				e, err := New(context.Background(), Options{
					Pack:          pack(map[string]string{"test/r.rego": metadata + "package t.r\n\n" + tt.rule + "\n"}),
					DeferMessages: deferMessages,
				})
				if err != nil {
					t.Fatal(err)
				}
				if got := deferredRules(e); deferMessages && !reflect.DeepEqual(got, []string{"T-001"}) {
					t.Fatalf("deferred rules = %v, want [T-001]", got)
				}
				results[i], errs[i] = e.eval(context.Background(), value)
				finding.Sort(results[i])
			}
			if tt.wantErr {
				if errs[0] == nil || errs[1] == nil {
					t.Fatalf("errors = %v (in Rego), %v (deferred); want both", errs[0], errs[1])
				}
				return
			}
			if errs[0] != nil || errs[1] != nil {
				t.Fatalf("errors = %v (in Rego), %v (deferred)", errs[0], errs[1])
			}
			if !reflect.DeepEqual(results[1], results[0]) {
				t.Errorf("deferred found\n%+v\nwant (in Rego)\n%+v", results[1], results[0])
			}
			if len(results[0]) != tt.findings {
				t.Errorf("%d findings, want %d: %+v", len(results[0]), tt.findings, results[0])
			}
		})
	}
}

// TestNotDeferred checks the messages that stay in Rego: a message that
// calls a builtin the interpreter does not run, or holds a comprehension,
// or calls a function that does.
func TestNotDeferred(t *testing.T) {
	tests := []struct{ name, rule string }{
		{"a builtin outside the list", `deny contains {"pointer": "", "message": base64.encode(input.x)} if input.x`},
		{"a comprehension", `deny contains {"pointer": "", "message": concat(",", [x | some x in input.x])} if input.x`},
		{"a function with a comprehension", `deny contains {"pointer": "", "message": f(input.x)} if input.x

f(x) := concat(",", [y | some y in x])`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := New(context.Background(), Options{
				Pack:          pack(map[string]string{"test/r.rego": metadata + "package t.r\n\n" + tt.rule + "\n"}),
				DeferMessages: true,
			})
			if err != nil {
				t.Fatal(err)
			}
			if got := deferredRules(e); len(got) != 0 {
				t.Errorf("deferred rules = %v, want none", got)
			}
		})
	}
}

// TestUserRuleReadingDenyKeepsMessages checks that a user rule reading a
// built-in deny set sees the messages as the rules write them, not the
// values gathered for rendering: the engine then keeps every message in
// Rego.
func TestUserRuleReadingDenyKeepsMessages(t *testing.T) {
	user := strings.Replace(metadata, "T-001", "U-001", 1) + `package u

deny contains {"pointer": f.pointer, "message": sprintf("again: %v", [f.message])} if {
	some f in data.t.r.deny
}
`
	builtin := pack(map[string]string{"test/r.rego": metadata + "package t.r\n\ndeny contains {\"pointer\": \"\", \"message\": sprintf(\"x is %v\", [x])} if x := input.x\n"})
	e, err := New(context.Background(), Options{
		Pack:          builtin,
		PolicyDirs:    []string{writePolicy(t, user)},
		DeferMessages: true,
	})
	if err != nil {
		t.Fatal(err)
	}
	if got := deferredRules(e); len(got) != 0 {
		t.Errorf("deferred rules = %v, want none", got)
	}
	// Without the user's rule, the same built-in rule is deferred.
	alone, err := New(context.Background(), Options{Pack: builtin, DeferMessages: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := deferredRules(alone); !reflect.DeepEqual(got, []string{"T-001"}) {
		t.Errorf("without the user's rule, deferred rules = %v, want [T-001]", got)
	}
	fs, err := e.eval(context.Background(), ast.MustParseTerm(`{"x": 7}`).Value)
	if err != nil {
		t.Fatal(err)
	}
	finding.Sort(fs)
	var msgs []string
	for _, f := range fs {
		msgs = append(msgs, f.Message)
	}
	if want := []string{"x is 7", "again: x is 7"}; !reflect.DeepEqual(msgs, want) {
		t.Errorf("messages = %q, want %q", msgs, want)
	}
}
