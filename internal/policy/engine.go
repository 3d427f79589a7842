// Package policy is charterlint's rule engine: it loads the embedded rule
// pack and the user's own rules (the same conventions, the same restricted
// builtins), reads each rule's metadata from its METADATA annotation,
// compiles them once, and evaluates every rule over a charter and its
// derived facts.
package policy

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/charterlint/charterlint/internal/discover"
	"github.com/charterlint/charterlint/internal/facts"
	"github.com/charterlint/charterlint/internal/finding"
	"github.com/charterlint/charterlint/internal/ruledata"
	"github.com/charterlint/charterlint/internal/schema"
	"github.com/open-policy-agent/opa/v1/ast"
	opametrics "github.com/open-policy-agent/opa/v1/metrics"
	"github.com/open-policy-agent/opa/v1/storage"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
	"github.com/open-policy-agent/opa/v1/topdown"
)

// DefaultMaxMemory is the default ceiling on the heap while rules run.
const DefaultMaxMemory = 1 << 30

// Options configure an Engine.
type Options struct {
	// Pack is the embedded rule pack (policies.FS()).
	Pack fs.FS
	// PolicyDirs are directories (or .rego files) of the user's own rules.
	PolicyDirs []string
	// Data is what the rules read as data.charterlint.config; nil loads
	// the built-in data alone.
	Data *ruledata.Data
	// MaxMemory is the ceiling, in bytes, on the process's heap while rules
	// run: past it the evaluation of the charter is stopped with a
	// *MemoryError. 0 means DefaultMaxMemory.
	MaxMemory int64
	// OnMemoryExhausted, when set, is called (from another goroutine) if
	// the heap reaches twice MaxMemory while rules are still running after
	// they were told to stop: a single builtin call that cannot be
	// interrupted (sprintf of a huge format) is building a value past
	// what the machine may have. The process's owner decides what to do,
	// typically say so and exit, rather than let the runtime die.
	OnMemoryExhausted func(*MemoryError)
}

// LoadError is a rule file, or a directory of them, that cannot be used:
// missing or unreadable (Path names it), not Rego, failing to compile,
// calling a forbidden builtin, or lacking metadata (the message names the
// file and line).
type LoadError struct {
	Path string
	Err  error
}

func (e *LoadError) Error() string {
	if e.Path != "" {
		return e.Path + ": " + e.Err.Error()
	}
	return e.Err.Error()
}
func (e *LoadError) Unwrap() error { return e.Err }

// MemoryError is an evaluation stopped because the heap grew past the
// ceiling.
type MemoryError struct {
	Charter string // the name of the charter being evaluated
	Limit   int64  // the ceiling, in bytes
	Heap    int64  // the heap when it was stopped
}

func (e *MemoryError) Error() string {
	return fmt.Sprintf("%s: rules used more memory than the ceiling of %d MiB (the heap reached %d MiB; a user rule may build values too large)", e.Charter, e.Limit>>20, e.Heap>>20)
}

// Engine evaluates the rules. It is safe for concurrent use.
type Engine struct {
	rules  []Rule // every part's, ordered by id
	parts  []*part
	store  storage.Store
	maxMem int64
	onOOM  func(*MemoryError)
	vocab  vocabulary
}

// part is a compiled part of the rules and the query that reads each of
// its rules' deny set (see packParts).
type part struct {
	rules    []Rule    // in query order
	vars     []ast.Var // query variable holding each rule's deny set
	compiler *ast.Compiler
	query    ast.Body
	// modules are the parsed modules compiled, kept only when the user's
	// tests were loaded too (RunTests compiles them again for the tester).
	modules map[string]*ast.Module
}

// New loads, checks and compiles the rules.
func New(ctx context.Context, opts Options) (*Engine, error) {
	return newEngine(ctx, opts, false)
}

// newEngine is New; withTests also loads the user's test files
// (*_test.rego) beside their rules, with the same checks, for RunTests.
func newEngine(_ context.Context, opts Options, withTests bool) (*Engine, error) {
	data := opts.Data
	if data == nil {
		var err error
		if data, err = ruledata.Load(); err != nil {
			return nil, err
		}
	}
	caps := Capabilities()
	vocab := make(chan vocabulary, 1)
	go func() {
		vocab <- newVocabulary(append(schema.Words(), facts.Mixed, facts.ModalityNone,
			facts.RelationHierarchical, facts.RelationPolyarchic, facts.RelationSingleClass,
			facts.TheoryState, facts.TheoryIGO, facts.TheoryFirm, facts.TheoryCivilSociety,
			"suited", "caution", "ill-suited")...)
	}()
	// The data is converted to an OPA value once, here; the store hands
	// that value to the rules that read it, rather than converting the
	// matrix again at every lookup.
	cv, err := ast.InterfaceToValue(data.Value())
	if err != nil {
		return nil, fmt.Errorf("convert rule data: %w", err)
	}
	e := &Engine{
		store:  inmem.NewFromObjectWithOpts(map[string]any{"charterlint": map[string]any{"config": cv}}, inmem.OptReturnASTValuesOnRead(true)),
		maxMem: cmp.Or(opts.MaxMemory, DefaultMaxMemory),
		onOOM:  opts.OnMemoryExhausted,
	}
	err = e.load(opts, caps, withTests)
	e.vocab = <-vocab
	if err != nil {
		return nil, err
	}
	return e, nil
}

// packParts is how many parts the built-in pack is compiled in, side by
// side. OPA's compiler runs on one core; two parts compiled at once halve
// the start-up of a single-file run on two cores (8 ms against 15 ms for
// the pack), at the cost of one more query a charter (about 4 % of its
// time). Every run, a pre-commit hook's or a repository's, takes the same
// path.
const packParts = 2

// libDir holds the built-in pack's shared helpers; every other file of the
// pack defines one rule. Every part holds all of lib/.
const libDir = "lib/"

// load parses and compiles the rules. The built-in pack alone compiles in
// packParts parts at once, trusted. With the user's rules, which may
// refer to the pack's helpers, everything compiles in one part with every
// check. The pack's rules take their metadata from its catalogue (see
// CatalogueFile), so its METADATA, whose YAML is a third of parsing the
// pack, is not parsed; user rules are parsed with theirs, which is
// checked.
func (e *Engine) load(opts Options, caps *ast.Capabilities, withTests bool) error {
	var cat catalogue
	if opts.Pack != nil {
		var err error
		if cat, err = readCatalogue(opts.Pack); err != nil {
			return err
		}
	}
	var err error
	if opts.Pack != nil && len(opts.PolicyDirs) == 0 && !withTests {
		e.parts, err = packInParts(opts.Pack, caps, cat)
	} else {
		e.parts, err = allInOne(opts, caps, cat, withTests)
	}
	if err != nil {
		return err
	}
	byID := map[string]Rule{}
	for _, pt := range e.parts {
		for _, r := range pt.rules {
			if other, dup := byID[r.ID]; dup {
				return &LoadError{Err: fmt.Errorf("%s: rule id %s is already used by %s", r.File, r.ID, other.File)}
			}
			byID[r.ID] = r
			e.rules = append(e.rules, r)
		}
	}
	slices.SortFunc(e.rules, func(a, b Rule) int { return strings.Compare(a.ID, b.ID) })
	return nil
}

// packInParts parses and compiles the pack's rule files in packParts
// parts at once, each with all of lib/.
func packInParts(pack fs.FS, caps *ast.Capabilities, cat catalogue) ([]*part, error) {
	files, err := regoFiles(pack, "builtin:", false)
	if err != nil {
		return nil, err
	}
	var shared, rules []string
	for _, f := range files {
		if strings.HasPrefix(f, libDir) {
			shared = append(shared, f)
		} else {
			rules = append(rules, f)
		}
	}
	n := max(1, min(packParts, len(rules)))
	parts := make([]*part, n)
	errs := make([]error, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			modules := map[string]*ast.Module{}
			for k, f := range rules {
				if k%n != i {
					continue
				}
				if errs[i] = parsePackFile(pack, f, cat == nil, caps, modules); errs[i] != nil {
					return
				}
				if !definesDeny(modules["builtin:"+f]) {
					errs[i] = fmt.Errorf("builtin:%s: the built-in pack keeps shared helpers in %s; this file defines no deny rule", f, libDir)
					return
				}
			}
			for _, f := range shared {
				if errs[i] = parsePackFile(pack, f, cat == nil, caps, modules); errs[i] != nil {
					return
				}
			}
			parts[i], errs[i] = newPart(modules, true, caps, cat)
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return parts, nil
}

// parsePackFile parses one file of the pack into modules, with its
// METADATA only when annotations is set.
func parsePackFile(pack fs.FS, file string, annotations bool, caps *ast.Capabilities, modules map[string]*ast.Module) error {
	m, err := parseFile(pack, "builtin:", file, annotations, caps)
	if err != nil {
		return err
	}
	modules["builtin:"+file] = m
	return nil
}

// allInOne parses the pack and the user's rules (and, with withTests,
// their tests) and compiles them as one part, with every check: user rules
// are never trusted.
func allInOne(opts Options, caps *ast.Capabilities, cat catalogue, withTests bool) ([]*part, error) {
	modules := map[string]*ast.Module{}
	if opts.Pack != nil {
		if err := parseFS(opts.Pack, "builtin:", false, cat == nil, caps, modules); err != nil {
			return nil, err
		}
	}
	for _, dir := range opts.PolicyDirs {
		if err := parseDir(dir, caps, withTests, modules); err != nil {
			var le *LoadError
			if errors.As(err, &le) {
				return nil, err
			}
			return nil, &LoadError{Err: err}
		}
	}
	pt, err := newPart(modules, false, caps, cat)
	if err != nil {
		return nil, err
	}
	if withTests {
		pt.modules = modules
	}
	return []*part{pt}, nil
}

// newPart compiles modules, reads their rules' metadata and prepares the
// query that reads every rule's deny set.
func newPart(modules map[string]*ast.Module, trusted bool, caps *ast.Capabilities, cat catalogue) (*part, error) {
	var pt part
	var err error
	if trusted {
		pt.compiler, err = compileTrusted(modules, caps)
	} else {
		pt.compiler, err = Compile(modules, caps)
	}
	if err != nil {
		return nil, &LoadError{Err: err}
	}
	if pt.rules, err = rulesOf(modules, cat); err != nil {
		return nil, &LoadError{Err: err}
	}
	if len(pt.rules) == 0 {
		return &pt, nil
	}
	var q strings.Builder
	for i, r := range pt.rules {
		v := "r" + strconv.Itoa(i)
		pt.vars = append(pt.vars, ast.Var(v))
		if i > 0 {
			q.WriteString("; ")
		}
		fmt.Fprintf(&q, "%s = %s.deny", v, r.Package)
	}
	body, err := ast.ParseBody(q.String())
	if err != nil {
		return nil, fmt.Errorf("parse rule query: %w", err)
	}
	// The query runs on topdown directly: package rego's evaluation adds
	// metrics, caches and a result set around it, 7 % of the rules' time.
	if pt.query, err = pt.compiler.QueryCompiler().Compile(body); err != nil {
		return nil, fmt.Errorf("compile rule query: %w", err)
	}
	return &pt, nil
}

// Rules returns the loaded rules, ordered by id.
func (e *Engine) Rules() []Rule { return slices.Clone(e.rules) }

// Rule returns the rule with the given id.
func (e *Engine) Rule(id string) (Rule, bool) {
	for _, r := range e.rules {
		if strings.EqualFold(r.ID, id) {
			return r, true
		}
	}
	return Rule{}, false
}

// Evaluate runs every rule over a charter that passed the structural
// checks: name is the charter's file as shown, doc the decoded document,
// f its facts. Findings carry a
// pointer; the caller locates them. Evaluation stops when ctx is done
// (its deadline is the charter's) with ctx's error, and when the heap
// passes the ceiling with a *MemoryError.
func (e *Engine) Evaluate(ctx context.Context, name string, doc any, f *facts.Facts) ([]finding.Finding, error) {
	if len(e.rules) == 0 {
		return nil, nil
	}
	value, err := e.vocab.inputValue(doc, f)
	if err != nil {
		return nil, fmt.Errorf("convert input: %w", err)
	}
	return e.eval(ctx, name, value)
}

// memoryPoll is how often the heap is looked at while rules run: a
// typical charter's rules take under a millisecond, so most evaluations
// never look.
const memoryPoll = 5 * time.Millisecond

// eval evaluates the rules over input until ctx is done or the heap
// passes the ceiling.
func (e *Engine) eval(ctx context.Context, name string, input ast.Value) ([]finding.Finding, error) {
	// One cancellation per charter, fired by the caller's context or by
	// the memory watch. Handing it to OPA spares the goroutine, channel
	// and thread wake-up it otherwise starts for every query to watch
	// ctx: on two cores that was a tenth of a charter's time.
	cancel := topdown.NewCancel()
	var heap atomic.Int64 // set when the heap passed the ceiling
	defer e.watchHeap(name, func(h int64) {
		heap.Store(h)
		cancel.Cancel()
	})()
	defer context.AfterFunc(ctx, cancel.Cancel)()
	var out []finding.Finding
	var err error
	for _, pt := range e.parts {
		if len(pt.rules) > 0 {
			if out, err = e.run(ctx, pt, input, cancel, out); err != nil {
				break
			}
		}
	}
	if err != nil {
		// Only the memory watch and the caller's context fire cancel.
		switch {
		case heap.Load() > 0:
			return nil, &MemoryError{Charter: name, Limit: e.maxMem, Heap: heap.Load()}
		case ctx.Err() != nil:
			return nil, fmt.Errorf("rules stopped: %w", context.Cause(ctx))
		}
		return nil, err
	}
	return out, nil
}

// watchHeap looks at the heap every memoryPoll until the returned stop
// is called. The first time the heap is past the ceiling it calls over;
// past twice the ceiling after that (a builtin that does not look at the
// cancellation is still growing), it hands the charter name to the
// engine's OnMemoryExhausted. No goroutine starts for an evaluation that
// ends within the first poll, as most do.
func (e *Engine) watchHeap(name string, over func(heap int64)) (stop func()) {
	var tripped atomic.Bool
	var watch atomic.Pointer[time.Timer]
	var finished atomic.Bool
	watch.Store(time.AfterFunc(memoryPoll, func() {
		switch h := liveHeap(e.maxMem); {
		case finished.Load():
			return
		case h > 2*e.maxMem && tripped.Load() && e.onOOM != nil:
			e.onOOM(&MemoryError{Charter: name, Limit: e.maxMem, Heap: h})
			return
		case h > e.maxMem && !tripped.Load():
			tripped.Store(true)
			over(h)
		}
		// Keep watching until the evaluation returns: a builtin that
		// does not look at the cancellation may still be growing.
		if t := watch.Load(); t != nil && !finished.Load() {
			t.Reset(memoryPoll)
		}
	}))
	return func() {
		finished.Store(true) // a callback under way does not re-arm
		watch.Load().Stop()
	}
}

// liveHeap is the memory the heap's objects take now. When that is over
// limit, it collects garbage first and measures again, so that garbage
// not yet collected (the CLI collects only near its memory limit) does
// not count.
func liveHeap(limit int64) int64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	if int64(s[0].Value.Uint64()) <= limit {
		return int64(s[0].Value.Uint64())
	}
	runtime.GC()
	metrics.Read(s)
	return int64(s[0].Value.Uint64())
}

// run runs a part's query over input and appends its rules' findings to
// out.
func (e *Engine) run(ctx context.Context, pt *part, input ast.Value, cancel topdown.Cancel, out []finding.Finding) ([]finding.Finding, error) {
	txn, err := e.store.NewTransaction(ctx)
	if err != nil {
		return out, fmt.Errorf("open rule data: %w", err)
	}
	defer e.store.Abort(ctx, txn)
	q := topdown.NewQuery(pt.query).WithCompiler(pt.compiler).WithStore(e.store).WithTransaction(txn).
		WithInput(ast.NewTerm(input)).WithStrictBuiltinErrors(true).WithCancel(cancel).
		WithMetrics(opametrics.NoOp())
	results := 0
	err = q.Iter(ctx, func(qr topdown.QueryResult) error {
		if results++; results > 1 {
			return fmt.Errorf("rule query gave more than one result")
		}
		for i := range pt.rules {
			r := &pt.rules[i]
			set, ok := qr[pt.vars[i]].Value.(ast.Set)
			if !ok {
				return fmt.Errorf("rule %s (%s): deny is not a set", r.ID, r.File)
			}
			if err := set.Iter(func(x *ast.Term) error {
				f, err := toFinding(r, x)
				out = append(out, f)
				return err
			}); err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil && results != 1 {
		err = fmt.Errorf("rule query gave %d results, want 1", results)
	}
	return out, err
}

// The members of a finding object.
var pointerKey, messageKey, elementKey, severityKey = ast.StringTerm("pointer"), ast.StringTerm("message"), ast.StringTerm("element"), ast.StringTerm("severity")

func toFinding(r *Rule, x *ast.Term) (finding.Finding, error) {
	obj, ok := x.Value.(ast.Object)
	var ptr, msg, el ast.String
	if ok {
		ptr, ok = termString(obj.Get(pointerKey))
	}
	if ok {
		msg, ok = termString(obj.Get(messageKey))
	}
	if !ok || msg == "" {
		return finding.Finding{}, findingShapeError(r, x)
	}
	el, _ = termString(obj.Get(elementKey))
	f := newFinding(r, ptr, el, msg)
	// A finding may be graded below its rule's severity, never above:
	// the metadata gives the most a rule reports.
	if t := obj.Get(severityKey); t != nil {
		s, _ := termString(t)
		sev, err := finding.ParseSeverity(string(s))
		if err != nil || sev > r.Severity {
			return f, fmt.Errorf("rule %s (%s): a finding's \"severity\" must be info, warning or error and no higher than the rule's %s, got %v", r.ID, r.File, r.Severity, t)
		}
		f.Severity = sev
	}
	return f, nil
}

func findingShapeError(r *Rule, x *ast.Term) error {
	return fmt.Errorf("rule %s (%s): deny must contain objects with string fields \"pointer\" and \"message\", got %v", r.ID, r.File, x)
}

func newFinding(r *Rule, ptr, el, msg ast.String) finding.Finding {
	return finding.Finding{
		Rule: r.ID, Stage: finding.StagePolicy, Severity: r.Severity,
		Pointer: string(ptr), Element: string(el), Message: string(msg),
	}
}

func termString(t *ast.Term) (ast.String, bool) {
	if t == nil {
		return "", false
	}
	s, ok := t.Value.(ast.String)
	return s, ok
}

// Compile compiles modules with the restricted capabilities; errors name
// the file, line and what is wrong (an unknown or forbidden builtin among
// them).
func Compile(modules map[string]*ast.Module, caps *ast.Capabilities) (*ast.Compiler, error) {
	return compile(newCompiler(caps), modules)
}

// newCompiler is a compiler with every check and the restricted
// capabilities, not yet run.
func newCompiler(caps *ast.Capabilities) *ast.Compiler {
	return ast.NewCompiler().WithCapabilities(caps).WithEnablePrintStatements(true)
}

// compile runs c over modules. A panic in OPA's compiler, which an
// unusual user module can reach, becomes an error rather than a crash.
func compile(c *ast.Compiler, modules map[string]*ast.Module) (_ *ast.Compiler, err error) {
	defer func() {
		if v := recover(); v != nil {
			err = fmt.Errorf("compile policies: internal error in OPA's compiler: %v (please report it with the policy files used)", v)
		}
	}()
	c.Compile(modules)
	if c.Failed() {
		return nil, fmt.Errorf("compile policies:\n%w", explainForbidden(c.Errors))
	}
	return c, nil
}

// checkOnlyStages are compiler stages that only check (types, recursion,
// conflicts, imports, undefined and unsafe functions, the safety of rule
// heads and bodies) or prepare tracing of tests. The body safety check also
// reorders a body that uses a variable before binding it; for the built-in
// pack that is a no-op (TestTrustedCompileChangesNothing).
func checkOnlyStages() []ast.StageID {
	return []ast.StageID{
		ast.StageCheckTypes, ast.StageCheckRecursion, ast.StageCheckRuleConflicts,
		ast.StageCheckUnusedImports, ast.StageCheckDuplicateImports,
		ast.StageCheckKeywordOverrides, ast.StageCheckDeprecatedBuiltins,
		ast.StageBuildRequiredCapabilities, ast.StageCheckUndefinedFuncs,
		ast.StageCheckVoidCalls, ast.StageCheckUnsafeBuiltins,
		ast.StageCheckSafetyRuleHeads, ast.StageRewriteTestRulesForTracing,
		ast.StageCheckSafetyRuleBodies,
	}
}

// compileTrusted compiles the built-in pack alone, skipping the stages that
// only check, and the safety check, which would only reorder bodies the
// pack already writes in a safe order: the pack's tests compile it with
// every stage (Compile), so those checks have passed before a release, and
// TestTrustedCompileChangesNothing checks that the skipped stages change no
// rule. Skipping them saves 30-40 % of compiling. User rules are never
// trusted.
func compileTrusted(modules map[string]*ast.Module, caps *ast.Capabilities) (*ast.Compiler, error) {
	return compile(ast.NewCompiler().WithCapabilities(caps).WithEnablePrintStatements(true).WithSkipStages(checkOnlyStages()...), modules)
}

// explainForbidden rewrites "undefined function" errors for builtins the
// capabilities removed, so the user learns why.
func explainForbidden(errs ast.Errors) error {
	var lines []string
	for _, e := range errs {
		msg := e.Message
		if name, ok := strings.CutPrefix(msg, "undefined function "); ok && forbidden(name) {
			if name == "internal.print" {
				name = "print" // as the rule wrote it; the compiler renames it
			}
			msg = fmt.Sprintf("builtin %s is not allowed in charterlint policies: it %s (a lint must be pure and repeatable; docs/builtins.md lists what rules may call)", name, refusedReason(name))
		}
		where := ""
		if e.Location != nil {
			where = fmt.Sprintf("%s:%d:%d: ", e.Location.File, e.Location.Row, e.Location.Col)
		}
		lines = append(lines, "  "+where+msg)
	}
	return errors.New(strings.Join(lines, "\n"))
}

// rulesOf finds every package that defines deny and reads its metadata:
// a built-in rule's from the pack's catalogue when there is one, any
// other rule's from its METADATA annotation. The rules come in file
// order, the built-in pack first, so that load, which checks that ids are
// unique, reports the user rule that reuses a built-in id.
func rulesOf(modules map[string]*ast.Module, cat catalogue) ([]Rule, error) {
	seenPkg := map[string]bool{}
	var rules []Rule
	names := slices.SortedFunc(maps.Keys(modules), func(a, b string) int {
		return cmp.Or(cmp.Compare(builtinRank(a), builtinRank(b)), cmp.Compare(a, b))
	})
	for _, name := range names {
		m := modules[name]
		pkg := m.Package.Path.String()
		if seenPkg[pkg] || !definesDeny(m) {
			continue
		}
		seenPkg[pkg] = true
		if builtinRank(name) == 0 && cat != nil {
			r, ok := cat[pkg]
			if !ok || r.File != name {
				return nil, fmt.Errorf("%s: package %s is not in the pack's %s as defined here; regenerate it: go test ./policies -run TestCatalogue -update", name, strings.TrimPrefix(pkg, "data."), CatalogueFile)
			}
			rules = append(rules, r)
			continue
		}
		as, errs := ast.BuildAnnotationSet([]*ast.Module{m})
		if len(errs) > 0 {
			return nil, fmt.Errorf("%s: METADATA: %w", name, errs)
		}
		r, err := ruleFromAnnotations(as.GetPackageScope(m.Package), pkg, name)
		if err != nil {
			return nil, err
		}
		rules = append(rules, r)
	}
	return rules, nil
}

func builtinRank(name string) int {
	if strings.HasPrefix(name, "builtin:") {
		return 0
	}
	return 1
}

func definesDeny(m *ast.Module) bool {
	return slices.ContainsFunc(m.Rules, NamesDeny)
}

// NamesDeny reports whether a rule's head starts with deny.
func NamesDeny(r *ast.Rule) bool {
	ref := r.Head.Ref()
	return len(ref) > 0 && ref[0].Value.Compare(ast.Var("deny")) == 0
}

// ParseFS parses the Rego files of fsys into modules, keyed by prefix+path,
// METADATA annotations included. Test files (*_test.rego) are skipped
// unless withTests is set. Files are parsed in parallel: parsing is most
// of a single-file run's start-up.
func ParseFS(fsys fs.FS, prefix string, withTests bool, caps *ast.Capabilities, modules map[string]*ast.Module) error {
	return parseFS(fsys, prefix, withTests, true, caps, modules)
}

// parseFS is ParseFS, with the METADATA annotations processed only when
// annotations is set.
func parseFS(fsys fs.FS, prefix string, withTests, annotations bool, caps *ast.Capabilities, modules map[string]*ast.Module) error {
	files, err := regoFiles(fsys, prefix, withTests)
	if err != nil {
		return err
	}
	parsed := make([]*ast.Module, len(files))
	errs := make([]error, len(files))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(files)) {
		wg.Go(func() {
			for i := range next {
				parsed[i], errs[i] = parseFile(fsys, prefix, files[i], annotations, caps)
			}
		})
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	for i, f := range files {
		if errs[i] != nil {
			return errs[i] // the first in path order, whatever the scheduling
		}
		modules[prefix+f] = parsed[i]
	}
	return nil
}

// regoFiles lists the Rego files of fsys in path order, test files
// (*_test.rego) only when withTests is set.
func regoFiles(fsys fs.FS, prefix string, withTests bool) ([]string, error) {
	var files []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("read %s%s: %w", prefix, p, err)
		}
		if !d.IsDir() && path.Ext(p) == ".rego" && (withTests || !strings.HasSuffix(p, "_test.rego")) {
			files = append(files, p)
		}
		return nil
	})
	return files, err
}

// parseFile reads and parses one Rego file of fsys.
func parseFile(fsys fs.FS, prefix, file string, annotations bool, caps *ast.Capabilities) (*ast.Module, error) {
	src, err := fs.ReadFile(fsys, file)
	if err != nil {
		return nil, fmt.Errorf("read %s%s: %w", prefix, file, err)
	}
	if !annotations && prefix == "builtin:" {
		src = blankComments(src)
	}
	return parseModule(prefix+file, src, annotations, caps)
}

// blankComments empties the whole-line comments of a built-in rule file
// whose metadata comes from the catalogue, keeping every line in its
// place: their METADATA blocks are two thirds of the pack's text, and the
// parser would otherwise keep every line of them as a comment (a
// single-file run starts about 4 % sooner). A file with a backtick on a
// line of code may hold a raw string, whose lines can start with "#", and
// is left as it is.
func blankComments(src []byte) []byte {
	out := make([]byte, 0, len(src))
	for line := range bytes.Lines(src) {
		t := bytes.TrimLeft(line, " \t")
		switch {
		case len(t) > 0 && t[0] == '#':
			out = append(out, '\n')
		case bytes.IndexByte(t, '`') >= 0:
			return src
		default:
			out = append(out, line...)
		}
	}
	return out
}

// CatalogueFile is the file of the rule pack, below its root, that holds
// the metadata of the pack's rules as JSON: generated from their METADATA
// blocks by ReadCatalogue (go test ./policies -run TestCatalogue -update)
// and checked against them by that test, so that a run reads JSON instead
// of parsing the YAML of every block. A pack without one (a test's) is
// parsed with its METADATA.
const CatalogueFile = "catalogue.json"

// catalogue is the pack's rules by package path.
type catalogue map[string]Rule

// readCatalogue reads the pack's catalogue; nil when it has none.
func readCatalogue(pack fs.FS) (catalogue, error) {
	data, err := fs.ReadFile(pack, CatalogueFile)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read builtin:%s: %w", CatalogueFile, err)
	}
	var rules []Rule
	if err := json.Unmarshal(data, &rules); err != nil {
		return nil, fmt.Errorf("builtin:%s: %w", CatalogueFile, err)
	}
	cat := make(catalogue, len(rules))
	for _, r := range rules {
		cat[r.Package] = r
	}
	return cat, nil
}

// ReadCatalogue parses the rule files of a pack with their METADATA and
// returns its rules, ordered by id, as CatalogueFile holds them.
func ReadCatalogue(pack fs.FS) ([]Rule, error) {
	modules := map[string]*ast.Module{}
	if err := ParseFS(pack, "builtin:", false, Capabilities(), modules); err != nil {
		return nil, err
	}
	rules, err := rulesOf(modules, nil)
	if err != nil {
		return nil, err
	}
	slices.SortFunc(rules, func(a, b Rule) int { return strings.Compare(a.ID, b.ID) })
	return rules, nil
}

// parseInto parses one of the user's files. A user's rules extend the
// pack and never alter it: a module that declares a package in the
// pack's namespace, where it could redefine a helper or the rules' data
// the built-in rules read, is refused.
func parseInto(name string, src []byte, caps *ast.Capabilities, modules map[string]*ast.Module) error {
	m, err := parseModule(name, src, true, caps)
	if err != nil {
		return err
	}
	if path := m.Package.Path; len(path) > 1 && path[1].Equal(reservedRoot) {
		loc := m.Package.Location
		return fmt.Errorf("%s:%d:%d: package %s is reserved for the built-in rules: your rules may add packages of their own, not declare one under %s (change what the built-in rules read through the rules' data instead)",
			name, loc.Row, loc.Col, strings.TrimPrefix(path.String(), "data."), reservedRoot.Value.(ast.String))
	}
	modules[name] = m
	return nil
}

// reservedRoot is the first segment of the built-in pack's packages.
var reservedRoot = ast.StringTerm("charterlint")

func parseModule(name string, src []byte, annotations bool, caps *ast.Capabilities) (*ast.Module, error) {
	m, err := ast.ParseModuleWithOpts(name, string(src), ast.ParserOptions{
		ProcessAnnotation: annotations,
		Capabilities:      caps,
		RegoVersion:       ast.RegoV1,
	})
	if err != nil {
		var errs ast.Errors
		if errors.As(err, &errs) && len(errs) > 0 {
			return nil, fmt.Errorf("parse policy:\n%w", parseErrors(errs))
		}
		return nil, fmt.Errorf("parse policy: %w", err)
	}
	if m == nil {
		return nil, fmt.Errorf("parse policy %s: file holds no Rego module", name)
	}
	return m, nil
}

// parseErrors lists parse errors one a line, each at its file, line and
// column (OPA's own text gives the line only), with the parser's excerpt.
func parseErrors(errs ast.Errors) error {
	var lines []string
	for _, e := range errs {
		where := ""
		switch l := e.Location; {
		case l != nil && l.Col > 0:
			where = fmt.Sprintf("%s:%d:%d: ", l.File, l.Row, l.Col)
		case l != nil: // at the end of the file
			where = fmt.Sprintf("%s:%d: ", l.File, l.Row)
		}
		line := "  " + where + e.Code + ": " + e.Message
		if e.Details != nil {
			for _, d := range e.Details.Lines() {
				line += "\n\t" + d
			}
		}
		lines = append(lines, line)
	}
	return errors.New(strings.Join(lines, "\n"))
}

// MaxFileBytes bounds one of the user's rule files; the largest file of
// the built-in pack is about 6 KB.
const MaxFileBytes = 1 << 20

// parseDir parses the user's Rego files below dir (tests, *_test.rego,
// only when withTests is set): regular files only, each of at most
// MaxFileBytes.
func parseDir(dir string, caps *ast.Capabilities, withTests bool, modules map[string]*ast.Module) error {
	info, err := os.Stat(dir)
	if err != nil {
		return &LoadError{Path: dir, Err: discover.StripPath(err)}
	}
	if !info.IsDir() {
		if filepath.Ext(dir) != ".rego" {
			return &LoadError{Path: dir, Err: errors.New("not a directory or .rego file")}
		}
		return parseUserFile(dir, caps, modules)
	}
	found := false
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return &LoadError{Path: p, Err: discover.StripPath(err)}
		}
		if d.IsDir() || filepath.Ext(p) != ".rego" || (!withTests && strings.HasSuffix(p, "_test.rego")) {
			return nil
		}
		found = true
		return parseUserFile(p, caps, modules)
	})
	if err != nil {
		return err
	}
	if !found {
		return &LoadError{Path: dir, Err: errors.New("no .rego files found")}
	}
	return nil
}

// parseUserFile reads and parses one of the user's rule files.
func parseUserFile(path string, caps *ast.Capabilities, modules map[string]*ast.Module) error {
	src, err := discover.ReadFile(path, MaxFileBytes)
	if err != nil {
		return &LoadError{Path: path, Err: err}
	}
	return parseInto(path, src, caps, modules) // its errors name the file
}
