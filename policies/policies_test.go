package policies_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"github.com/charterlint/charterlint/internal/ruledata"
	"io/fs"
	"os"
	"path"
	"strings"
	"testing"

	"github.com/charterlint/charterlint/internal/policy"
	"github.com/charterlint/charterlint/policies"
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
	"github.com/open-policy-agent/opa/v1/tester"
)

// TestRego runs every *_test.rego of the pack through OPA's tester, with the
// same restricted capabilities and the same data the engine uses.
func TestRego(t *testing.T) {
	ctx := context.Background()
	caps := policy.Capabilities()
	modules := map[string]*ast.Module{}
	if err := policy.ParseFS(policies.FS(), "", true, caps, modules); err != nil {
		t.Fatal(err)
	}
	compiler, err := policy.Compile(modules, caps)
	if err != nil {
		t.Fatal(err)
	}
	data, err := ruledata.Load()
	if err != nil {
		t.Fatal(err)
	}
	store := inmem.NewFromObject(map[string]any{"charterlint": map[string]any{"config": data.Value()}})
	txn, err := store.NewTransaction(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Abort(ctx, txn)
	ch, err := tester.NewRunner().
		SetCompiler(compiler).
		SetStore(store).
		SetModules(modules).
		RaiseBuiltinErrors(true).
		RunTests(ctx, txn)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for r := range ch {
		n++
		name := strings.TrimPrefix(r.Package, "data.") + "." + r.Name
		t.Run(name, func(t *testing.T) {
			switch {
			case r.Error != nil:
				t.Fatalf("%s: error: %v", r.Location, r.Error)
			case r.Fail:
				t.Fatalf("%s: failed", r.Location)
			case r.Skip:
				t.Skip("skipped")
			}
		})
	}
	if n == 0 {
		t.Fatal("no Rego tests ran")
	}
}

// TestEveryRuleHasFailAndPassTests checks that each rule file has a test
// file beside it with at least one test_fail_ and one test_pass_ case.
func TestEveryRuleHasFailAndPassTests(t *testing.T) {
	ctx := context.Background()
	engine, err := policy.New(ctx, policy.Options{Pack: policies.FS()})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range engine.Rules() {
		file := strings.TrimPrefix(r.File, "builtin:")
		test := strings.TrimSuffix(file, ".rego") + "_test.rego"
		src, err := fs.ReadFile(policies.FS(), test)
		if err != nil {
			t.Errorf("rule %s (%s) has no test file %s", r.ID, file, test)
			continue
		}
		if !strings.Contains(string(src), "\ntest_fail_") || !strings.Contains(string(src), "\ntest_pass_") {
			t.Errorf("%s: want at least one test_fail_ and one test_pass_ case for %s", test, r.ID)
		}
		if group := path.Dir(file); group != r.Group {
			t.Errorf("rule %s lives in folder %s but declares group %s", r.ID, group, r.Group)
		}
	}
}

var update = flag.Bool("update", false, "rewrite catalogue.json")

// TestCatalogue checks that catalogue.json holds exactly the metadata of
// the pack's METADATA blocks: the engine reads the catalogue instead of
// parsing them. Run with -update after changing a rule's METADATA.
func TestCatalogue(t *testing.T) {
	rules, err := policy.ReadCatalogue(policies.FS())
	if err != nil {
		t.Fatal(err)
	}
	want, err := json.MarshalIndent(rules, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	want = append(want, '\n')
	if *update {
		if err := os.WriteFile(policy.CatalogueFile, want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := fs.ReadFile(policies.FS(), policy.CatalogueFile)
	if err != nil || !bytes.Equal(got, want) {
		t.Errorf("%s is stale: run go test ./policies -run TestCatalogue -update", policy.CatalogueFile)
	}
}
