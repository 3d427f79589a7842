// Package policy is charterlint's policy engine: it compiles the embedded
// rule pack and the user's own rules (the same conventions, the same
// restricted builtins) once, reads each rule's metadata from its METADATA
// annotation, and evaluates every rule over a charter and its derived facts.
package policy

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/charterlint/charterlint/internal/charter"
	"github.com/charterlint/charterlint/internal/discover"
	"github.com/charterlint/charterlint/internal/facts"
	"github.com/charterlint/charterlint/internal/finding"
	"github.com/charterlint/charterlint/internal/schema"
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/metrics"
	"github.com/open-policy-agent/opa/v1/storage"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
	"github.com/open-policy-agent/opa/v1/topdown"
)

// ConfigFile is the data document of the rule pack, below its root: the
// modality matrix and the thresholds rules read as data.charterlint.config.
const ConfigFile = "data/config.json"

// DefaultTimeout bounds the evaluation of all rules over one charter.
const DefaultTimeout = 5 * time.Second

// Options configure an Engine.
type Options struct {
	// Pack is the embedded rule pack (policies.FS()).
	Pack fs.FS
	// PolicyDirs are directories of the user's own rules.
	PolicyDirs []string
	// DataFiles are JSON documents merged over the pack's config, in order.
	DataFiles []string
	// Timeout bounds one charter's evaluation; 0 means DefaultTimeout.
	Timeout time.Duration
	// Brief loads only the metadata lint needs from the built-in pack (a
	// rule's id, title, severity and group), not its prose (description,
	// rationale, citation, fail and pass snippets), whose YAML is a third
	// of parsing the pack. Commands that show rules leave it unset. User
	// rules are always read in full: their metadata is checked.
	Brief bool
	// Shards splits the compilation of the built-in pack into that many
	// parts compiled in parallel (0 or 1: one). It shortens start-up on
	// idle cores at a small cost per charter (one query per part), so it
	// pays when few charters are linted. Each part holds its share of the
	// rule files and all of the pack's lib/, where the shared helpers must
	// live. User policies are always compiled in one part: they may refer
	// to each other.
	Shards int
	// DeferMessages renders the built-in rules' messages after OPA has
	// run, with a small interpreter of the compiled message (see
	// deferMessages): 8 % less work per charter, for 1-2 ms more of
	// start-up, so it pays on a repository, not on a pre-commit hook's
	// one file. Findings are the same either way.
	DeferMessages bool

	// readConfig leaves the built-in rules reading the configuration
	// from the store (see inlineConfig), for the tests that compare.
	readConfig bool
}

// compileEnv is what compiling any part of the rules needs.
type compileEnv struct {
	caps      *ast.Capabilities
	store     storage.Store
	brief     bool
	config    ast.Object // inlined into the built-in rules; nil: not inlined
	deferMsgs bool       // defer the built-in rules' messages (deferMessages)
}

// Engine evaluates the rules. It is safe for concurrent use.
type Engine struct {
	rules   []Rule
	shards  []*shard
	config  map[string]any
	matrix  facts.Matrix
	timeout time.Duration
	vocab   vocabulary
}

// shard is a compiled part of the rule set and its compiled query.
type shard struct {
	rules    []Rule
	vars     []ast.Var    // query variable holding each rule's deny set
	messages [][]*msgFunc // each rule's deferred messages, by index
	compiler *ast.Compiler
	query    ast.Body
	store    storage.Store
}

// New loads, checks and compiles the rules.
func New(ctx context.Context, opts Options) (*Engine, error) {
	caps := Capabilities()
	config, err := loadConfig(opts.Pack, opts.DataFiles)
	if err != nil {
		return nil, err
	}
	vocab := make(chan vocabulary, 1)
	go func() {
		vocab <- newVocabulary(append(schema.Words(), facts.Mixed, facts.ModalityNone,
			facts.RelationHierarchical, facts.RelationPolyarchic, facts.RelationAdvisory,
			"suited", "caution", "ill-suited")...)
	}()
	// The configuration is converted to an OPA value once, here. The store
	// takes that value as it is and hands it to the rules that read it,
	// rather than converting the matrix again at every lookup; the built-in
	// rules get it as literals (inlineConfig). Stores are safe for
	// concurrent use, so the shards share one.
	cv, err := ast.InterfaceToValue(config)
	if err != nil {
		return nil, fmt.Errorf("convert config: %w", err)
	}
	store := inmem.NewFromObjectWithOpts(map[string]any{"charterlint": map[string]any{"config": cv}}, inmem.OptReturnASTValuesOnRead(true))
	env := compileEnv{caps: caps, store: store, brief: opts.Brief, deferMsgs: opts.DeferMessages}
	if !opts.readConfig {
		env.config, _ = cv.(ast.Object)
	}
	var shards []*shard
	if len(opts.PolicyDirs) == 0 && opts.Shards > 1 && opts.Pack != nil {
		shards, err = packInParts(opts.Pack, opts.Shards, env)
	} else {
		shards, err = packWhole(opts, env)
	}
	e := &Engine{config: config, matrix: facts.MatrixFromConfig(config), timeout: opts.Timeout, vocab: <-vocab}
	if err != nil {
		return nil, err
	}
	if e.timeout <= 0 {
		e.timeout = DefaultTimeout
	}
	byID := map[string]Rule{}
	for _, sh := range shards {
		for _, r := range sh.rules {
			if other, dup := byID[r.ID]; dup {
				return nil, fmt.Errorf("%s: rule id %s is already used by %s", r.File, r.ID, other.File)
			}
			byID[r.ID] = r
			e.rules = append(e.rules, r)
		}
		if len(sh.rules) > 0 {
			e.shards = append(e.shards, sh)
		}
	}
	slices.SortFunc(e.rules, func(a, b Rule) int { return strings.Compare(a.ID, b.ID) })
	return e, nil
}

// packWhole parses the pack and the user's policies and compiles them as
// one part. User policies are never trusted: every compiler check runs.
func packWhole(opts Options, env compileEnv) ([]*shard, error) {
	modules := map[string]*ast.Module{}
	if opts.Pack != nil {
		if err := parseFS(opts.Pack, "builtin:", false, env.brief, env.caps, modules); err != nil {
			return nil, err
		}
	}
	for _, dir := range opts.PolicyDirs {
		if err := parseDir(dir, env.caps, modules); err != nil {
			return nil, err
		}
	}
	sh, err := newShard(modules, len(opts.PolicyDirs) == 0, env)
	if err != nil {
		return nil, err
	}
	return []*shard{sh}, nil
}

// libDir holds the built-in pack's shared helpers; every other file of the
// pack defines one rule.
const libDir = "lib/"

// packInParts parses and compiles the built-in pack in n parts at once,
// each part its share of the rule files and all of lib/: a part starts
// compiling as soon as its own files are parsed, with no wait for the
// others.
func packInParts(pack fs.FS, n int, env compileEnv) ([]*shard, error) {
	files, err := regoFiles(pack, "builtin:", false)
	if err != nil {
		return nil, err
	}
	parts := splitFiles(files, n)
	shards := make([]*shard, len(parts))
	errs := make([]error, len(parts))
	var wg sync.WaitGroup
	for i, part := range parts {
		wg.Go(func() {
			modules := make(map[string]*ast.Module, len(part))
			for _, f := range part {
				m, err := parseFile(pack, "builtin:", f, env.brief, env.caps)
				if err != nil {
					errs[i] = err
					return
				}
				if !strings.HasPrefix(f, libDir) && !definesDeny(m) {
					errs[i] = fmt.Errorf("builtin:%s: the built-in pack keeps shared helpers in %s; this file defines no deny rule", f, libDir)
					return
				}
				modules["builtin:"+f] = m
			}
			shards[i], errs[i] = newShard(modules, true, env)
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err // the first part's: parts share lib/, and so its errors
		}
	}
	return shards, nil
}

// splitFiles deals the pack's rule files into n parts of about the same
// size, in path order; the files under lib/ go into every part.
func splitFiles(files []string, n int) [][]string {
	var shared, rules []string
	for _, f := range files {
		if strings.HasPrefix(f, libDir) {
			shared = append(shared, f)
		} else {
			rules = append(rules, f)
		}
	}
	n = max(1, min(n, len(rules)))
	parts := make([][]string, n)
	for i, f := range rules {
		parts[i%n] = append(parts[i%n], f)
	}
	for i := range parts {
		parts[i] = append(parts[i], shared...)
	}
	return parts
}

// newShard compiles modules and prepares the query that reads every
// rule's deny set among them.
func newShard(modules map[string]*ast.Module, trusted bool, env compileEnv) (*shard, error) {
	inlineConfig(modules, env.config)
	var deferred []deferredMessage
	if env.deferMsgs {
		deferred = deferMessages(modules)
	}
	compileAll := func() (*ast.Compiler, error) {
		if trusted {
			return compileTrusted(modules, env.caps)
		}
		return Compile(modules, env.caps)
	}
	compiler, err := compileAll()
	if err != nil && len(deferred) > 0 {
		// Whatever failed, report it as the user wrote it.
		undeferMessages(deferred)
		deferred = nil
		compiler, err = compileAll()
	}
	if err != nil {
		return nil, err
	}
	// A message the interpreter cannot run, or a module that reads a
	// built-in deny set, keeps its message in Rego; the built-in pack alone
	// never recompiles (TestBuiltinMessagesAllDeferred).
	messages, failed := prepareMessages(compiler, deferred)
	for len(failed) > 0 {
		undeferMessages(failed)
		deferred = slices.DeleteFunc(deferred, func(d deferredMessage) bool {
			return slices.ContainsFunc(failed, func(f deferredMessage) bool { return f.fn == d.fn })
		})
		if compiler, err = compileAll(); err != nil {
			return nil, err
		}
		messages, failed = prepareMessages(compiler, deferred)
	}
	rules, err := rulesOf(compiler, modules, env.brief)
	if err != nil {
		return nil, err
	}
	sh := &shard{rules: rules, compiler: compiler, store: env.store}
	if messages != nil {
		sh.messages = make([][]*msgFunc, len(rules))
		for i, r := range rules {
			sh.messages[i] = messages[r.Package]
		}
	}
	if len(rules) == 0 {
		return sh, nil
	}
	var q strings.Builder
	for i, r := range rules {
		v := "r" + strconv.Itoa(i)
		sh.vars = append(sh.vars, ast.Var(v))
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
	if sh.query, err = compiler.QueryCompiler().Compile(body); err != nil {
		return nil, fmt.Errorf("compile rule query: %w", err)
	}
	return sh, nil
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

// Config returns the merged data document the rules read (the modality
// matrix and thresholds).
func (e *Engine) Config() map[string]any { return e.config }

// Facts derives a charter's facts with the engine's modality matrix: the
// facts the rules see, for any command that renders them.
func (e *Engine) Facts(c *charter.Charter) *facts.Facts { return facts.Derive(c, e.matrix) }

// Evaluate runs every rule over a charter that passed the structural
// checks: doc is the decoded document, c its model. Findings carry a
// pointer; the caller locates them.
func (e *Engine) Evaluate(ctx context.Context, doc any, c *charter.Charter) ([]finding.Finding, error) {
	if len(e.rules) == 0 {
		return nil, nil
	}
	value, err := e.vocab.inputValue(doc, e.Facts(c))
	if err != nil {
		return nil, fmt.Errorf("convert input: %w", err)
	}
	return e.eval(ctx, value)
}

func (e *Engine) eval(ctx context.Context, input ast.Value) ([]finding.Finding, error) {
	// One cancellation per charter, fired by the deadline or by the
	// caller's context. Handing it to OPA spares the goroutine, channel and
	// thread wake-up it otherwise starts for every query to watch ctx: on
	// two cores that was a tenth of a charter's time.
	cancel := topdown.NewCancel()
	var expired atomic.Bool
	timer := time.AfterFunc(e.timeout, func() {
		expired.Store(true)
		cancel.Cancel()
	})
	defer timer.Stop()
	defer context.AfterFunc(ctx, cancel.Cancel)()
	var out []finding.Finding
	for _, sh := range e.shards {
		var err error
		if out, err = sh.eval(ctx, input, cancel, out); err != nil {
			// Only the deadline and the caller's context fire cancel.
			switch {
			case expired.Load():
				return nil, fmt.Errorf("rules did not finish within %s (a user rule may loop or do too much work)", e.timeout)
			case ctx.Err() != nil:
				return nil, fmt.Errorf("rules stopped: %w", context.Cause(ctx))
			}
			return nil, err
		}
	}
	return out, nil
}

// eval appends the shard's findings over input to out.
func (sh *shard) eval(ctx context.Context, input ast.Value, cancel topdown.Cancel, out []finding.Finding) ([]finding.Finding, error) {
	txn, err := sh.store.NewTransaction(ctx)
	if err != nil {
		return out, fmt.Errorf("open rule data: %w", err)
	}
	defer sh.store.Abort(ctx, txn)
	inputTerm := ast.NewTerm(input)
	q := topdown.NewQuery(sh.query).WithCompiler(sh.compiler).WithStore(sh.store).WithTransaction(txn).
		WithInput(inputTerm).WithStrictBuiltinErrors(true).WithCancel(cancel).
		WithVirtualCache(newRefCache()).WithMetrics(metrics.NoOp())
	results := 0
	err = q.Iter(ctx, func(qr topdown.QueryResult) error {
		if results++; results > 1 {
			return fmt.Errorf("rule query gave more than one result")
		}
		sets := make([]ast.Set, len(sh.rules))
		n := 0
		for i, r := range sh.rules {
			set, ok := qr[sh.vars[i]].Value.(ast.Set)
			if !ok {
				return fmt.Errorf("rule %s (%s): deny is not a set", r.ID, r.File)
			}
			sets[i] = set
			n += set.Len()
		}
		out = slices.Grow(out, n)
		// One visitor for all the sets: a closure per rule, capturing a
		// copy of the rule, was two allocations for every rule.
		var rule *Rule
		var in *interp // renders deferred messages
		visit := func(x *ast.Term) error {
			f, err := toFinding(rule, x)
			out = append(out, f)
			return err
		}
		for i := range sh.rules {
			rule = &sh.rules[i]
			var err error
			if sh.messages != nil && sh.messages[i] != nil {
				if in == nil {
					in = newInterp(ctx, inputTerm)
				}
				out, err = in.renderFindings(rule, sh.messages[i], sets[i], out)
			} else {
				err = sets[i].Iter(visit)
			}
			if err != nil {
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
var pointerKey, messageKey, elementKey = ast.StringTerm("pointer"), ast.StringTerm("message"), ast.StringTerm("element")

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
	return newFinding(r, ptr, el, msg), nil
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
	return compile(ast.NewCompiler().WithCapabilities(caps).WithEnablePrintStatements(false), modules)
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
	return compile(ast.NewCompiler().WithCapabilities(caps).WithEnablePrintStatements(false).WithSkipStages(checkOnlyStages()...), modules)
}

// explainForbidden rewrites "undefined function" errors for builtins the
// capabilities removed, so the user learns why.
func explainForbidden(errs ast.Errors) error {
	var lines []string
	for _, e := range errs {
		msg := e.Message
		if name, ok := strings.CutPrefix(msg, "undefined function "); ok && forbidden(name) {
			msg = fmt.Sprintf("builtin %s is not allowed in charterlint policies (no network, runtime, clock or randomness: a lint must be pure and repeatable)", name)
		}
		where := ""
		if e.Location != nil {
			where = fmt.Sprintf("%s:%d:%d: ", e.Location.File, e.Location.Row, e.Location.Col)
		}
		lines = append(lines, "  "+where+msg)
	}
	return errors.New(strings.Join(lines, "\n"))
}

// rulesOf finds every package that defines deny and reads its metadata.
// The rules come in file order, the built-in pack first, so that New,
// which checks that ids are unique across all parts, reports the user
// rule that reuses a built-in id.
func rulesOf(c *ast.Compiler, modules map[string]*ast.Module, brief bool) ([]Rule, error) {
	as := c.GetAnnotationSet()
	seenPkg := map[string]bool{}
	var rules []Rule
	names := slices.SortedFunc(maps.Keys(modules), func(a, b string) int {
		return cmp.Or(cmp.Compare(builtinRank(a), builtinRank(b)), cmp.Compare(a, b))
	})
	for _, name := range names {
		m := c.Modules[name]
		pkg := m.Package.Path.String()
		if seenPkg[pkg] || !definesDeny(m) {
			continue
		}
		seenPkg[pkg] = true
		r, err := ruleFromAnnotations(as.GetPackageScope(m.Package), pkg, name, brief && builtinRank(name) == 0)
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
	return slices.ContainsFunc(m.Rules, namesDeny)
}

// namesDeny reports whether a rule's head starts with deny.
func namesDeny(r *ast.Rule) bool {
	ref := r.Head.Ref()
	return len(ref) > 0 && ref[0].Value.Compare(ast.Var("deny")) == 0
}

// ParseFS parses the Rego files of fsys into modules, keyed by prefix+path.
// Test files (*_test.rego) are skipped unless withTests is set. Files are
// parsed in parallel: parsing is most of a single-file run's start-up.
func ParseFS(fsys fs.FS, prefix string, withTests bool, caps *ast.Capabilities, modules map[string]*ast.Module) error {
	return parseFS(fsys, prefix, withTests, false, caps, modules)
}

// parseFS is ParseFS, with the prose of the METADATA blocks left out when
// brief is set (see briefMetadata).
func parseFS(fsys fs.FS, prefix string, withTests, brief bool, caps *ast.Capabilities, modules map[string]*ast.Module) error {
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
				parsed[i], errs[i] = parseFile(fsys, prefix, files[i], brief, caps)
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

// parseFile reads and parses one Rego file of fsys, its metadata's prose
// blanked when brief is set (see briefMetadata).
func parseFile(fsys fs.FS, prefix, file string, brief bool, caps *ast.Capabilities) (*ast.Module, error) {
	src, err := fs.ReadFile(fsys, file)
	if err != nil {
		return nil, fmt.Errorf("read %s%s: %w", prefix, file, err)
	}
	if brief {
		src = briefMetadata(src)
	}
	return parseModule(prefix+file, src, caps)
}

func parseInto(name string, src []byte, caps *ast.Capabilities, modules map[string]*ast.Module) error {
	m, err := parseModule(name, src, caps)
	if err != nil {
		return err
	}
	modules[name] = m
	return nil
}

func parseModule(name string, src []byte, caps *ast.Capabilities) (*ast.Module, error) {
	m, err := ast.ParseModuleWithOpts(name, string(src), ast.ParserOptions{
		ProcessAnnotation: true,
		Capabilities:      caps,
		RegoVersion:       ast.RegoV1,
	})
	if err != nil {
		return nil, fmt.Errorf("parse policy: %w", err)
	}
	if m == nil {
		return nil, fmt.Errorf("parse policy %s: file holds no Rego module", name)
	}
	return m, nil
}

// parseDir parses the user's Rego files below dir (tests excluded).
func parseDir(dir string, caps *ast.Capabilities, modules map[string]*ast.Module) error {
	info, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("--policy %s: %w", dir, discover.StripPath(err))
	}
	if !info.IsDir() {
		if filepath.Ext(dir) != ".rego" {
			return fmt.Errorf("--policy %s: not a directory or .rego file", dir)
		}
		src, err := os.ReadFile(dir)
		if err != nil {
			return fmt.Errorf("--policy %s: %w", dir, discover.StripPath(err))
		}
		return parseInto(dir, src, caps, modules)
	}
	found := false
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("--policy %s: %w", p, discover.StripPath(err))
		}
		if d.IsDir() || filepath.Ext(p) != ".rego" || strings.HasSuffix(p, "_test.rego") {
			return nil
		}
		found = true
		src, err := os.ReadFile(p)
		if err != nil {
			return fmt.Errorf("--policy %s: %w", p, discover.StripPath(err))
		}
		return parseInto(p, src, caps, modules)
	})
	if err != nil {
		return err
	}
	if !found {
		return fmt.Errorf("--policy %s: no .rego files found", dir)
	}
	return nil
}
