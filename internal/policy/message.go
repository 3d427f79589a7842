package policy

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/charterlint/charterlint/internal/finding"
	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/topdown"
)

// Deferred messages.
//
// A finding's message is a large share of what the rules cost: every value
// it reads and every helper it calls is an expression of its own for OPA's
// evaluator, which binds, plugs and unifies each. deferMessages moves the
// message out of a built-in rule's head into a function of its own in the
// same package,
//
//	deny contains {"pointer": p, "element": id, "message": sprintf(F, [id, fn.x])} if {...}
//
// becomes
//
//	deny contains {"pointer": p, "element": id, "message": [0, id, fn]} if {...}
//	charterlint_message_0(id, fn) := sprintf(F, [id, fn.x])
//
// so that OPA only gathers the variables the message reads (already bound:
// no expression at all). After the query, the engine renders each message
// by running the compiled function with a small interpreter (interp) over
// numbered slots, which calls OPA's own builtins. The rule means the same:
// a message that is undefined drops the finding, as it would have failed
// the rule's head, and findings that render alike are merged, as the deny
// set merged them. Only what the interpreter knows is deferred: calls of
// pure builtins and of functions (with else chains and negation),
// equality, references into bound values, the input and constant rules. A
// message with anything else keeps to Rego, and so do all of them when a
// module reads a deny set. Rules stay plain Rego; users write nothing
// different. TestDeferredMessagesChangeNothing and FuzzPipeline check that
// the two ways agree.
//
// It costs compiling a function per message (1-2 ms of start-up for
// the pack) and saves 8-9 % of the instructions per charter, so lint
// turns it on for a repository (Options.DeferMessages).

// messageFuncPrefix names the functions deferMessages writes; the number
// after it is the function's index in its package.
const messageFuncPrefix = "charterlint_message_"

// messageValuePrefix names the parameters of a message function that
// stand for a rule's value, gathered in the head.
const messageValuePrefix = "charterlint_value_"

// deferredMessage records one rewritten deny rule, to undo it.
type deferredMessage struct {
	module *ast.Module
	rule   *ast.Rule
	key    *ast.Term // the finding object, as written
	fn     *ast.Rule // the function written for its message
}

// deferMessages rewrites the messages of the built-in pack's deny rules
// (see above) and returns what it did, so that it can be undone.
func deferMessages(modules map[string]*ast.Module) []deferredMessage {
	var done []deferredMessage
	for name, m := range modules {
		if !strings.HasPrefix(name, "builtin:") {
			continue
		}
		names := moduleNames(m)
		n := 0
		for _, r := range m.Rules {
			if !namesDeny(r) || len(r.Head.Ref()) != 1 || r.Head.Key == nil {
				continue
			}
			obj, ok := r.Head.Key.Value.(ast.Object)
			if !ok || !findingShape(obj) {
				continue
			}
			msg := obj.Get(messageKey)
			switch msg.Value.(type) {
			case ast.String, ast.Var:
				continue // nothing to save
			}
			body, params, gathered, ok := messageParams(msg, names)
			if !ok {
				continue
			}
			fname := messageFuncPrefix + strconv.Itoa(n)
			if names[ast.Var(fname)] {
				continue
			}
			n++
			fn := &ast.Rule{
				Head: &ast.Head{
					Name: ast.Var(fname), Reference: ast.Ref{ast.VarTerm(fname)},
					Args: params, Value: body, Assign: true, Location: r.Location,
				},
				Body:     ast.NewBody(ast.NewExpr(ast.BooleanTerm(true).SetLocation(r.Location))),
				Module:   m,
				Location: r.Location,
			}
			fn.Body[0].Location = r.Location
			args := make([]*ast.Term, 0, len(gathered)+1)
			args = append(args, ast.IntNumberTerm(n-1))
			args = append(args, gathered...)
			key := r.Head.Key
			r.Head.Key = ast.NewTerm(withMessage(obj, ast.ArrayTerm(args...))).SetLocation(key.Location)
			m.Rules = append(m.Rules, fn)
			done = append(done, deferredMessage{module: m, rule: r, key: key, fn: fn})
		}
	}
	return done
}

// undeferMessages puts the messages back where deferMessages found them.
func undeferMessages(done []deferredMessage) {
	for _, d := range done {
		d.rule.Head.Key = d.key
		d.module.Rules = slices.DeleteFunc(d.module.Rules, func(r *ast.Rule) bool { return r == d.fn })
	}
}

// findingShape reports whether obj is a finding written with string keys
// that are all the engine reads: then two findings are the same exactly
// when their pointer, element and message are.
func findingShape(obj ast.Object) bool {
	ok := obj.Get(messageKey) != nil
	obj.Foreach(func(k, _ *ast.Term) {
		if !k.Equal(pointerKey) && !k.Equal(messageKey) && !k.Equal(elementKey) {
			ok = false
		}
	})
	return ok
}

func withMessage(obj ast.Object, msg *ast.Term) ast.Object {
	pairs := make([][2]*ast.Term, 0, obj.Len())
	obj.Foreach(func(k, v *ast.Term) {
		if k.Equal(messageKey) {
			v = msg
		}
		pairs = append(pairs, [2]*ast.Term{k, v})
	})
	return ast.NewObject(pairs...)
}

// moduleNames are the names a module's terms may use that are not local
// variables: its rules, its imports, input and data.
func moduleNames(m *ast.Module) map[ast.Var]bool {
	names := map[ast.Var]bool{"input": true, "data": true}
	for _, r := range m.Rules {
		if ref := r.Head.Ref(); len(ref) > 0 {
			if v, ok := ref[0].Value.(ast.Var); ok {
				names[v] = true
			}
		}
	}
	for _, imp := range m.Imports {
		if imp.Alias != "" {
			names[imp.Alias] = true
		} else if ref, ok := imp.Path.Value.(ast.Ref); ok && len(ref) > 0 {
			switch last := ref[len(ref)-1].Value.(type) {
			case ast.String:
				names[ast.Var(last)] = true
			case ast.Var:
				names[last] = true
			}
		}
	}
	return names
}

// messageParams works out what a message reads. It returns the message
// rewritten for its function, the function's parameters, and the values
// the rule's head gathers for them, in order of first use: a local
// variable is gathered as itself; a rule, an import or data read as a value
// (gap, lib.deciding_bodies_named, vote_text[v]) is gathered whole, OPA
// evaluating it in the head, and the function reads a parameter in its
// place. References into the input stay in the message: the interpreter
// reads them. It reports false for a comprehension or a wildcard.
func messageParams(msg *ast.Term, names map[ast.Var]bool) (rewritten *ast.Term, params, gathered []*ast.Term, ok bool) {
	seen := map[ast.Var]bool{}
	ok = true
	local := func(v ast.Var) {
		switch {
		case v.IsWildcard() || v.IsGenerated() || names[v]:
			ok = false
		case !seen[v]:
			seen[v] = true
			params = append(params, ast.VarTerm(string(v)))
			gathered = append(gathered, ast.VarTerm(string(v)))
		}
	}
	byValue := func(t *ast.Term) *ast.Term {
		v := ast.VarTerm(messageValuePrefix + strconv.Itoa(len(params)))
		params = append(params, v)
		gathered = append(gathered, t.Copy())
		return v
	}
	var walk func(t *ast.Term) *ast.Term
	walk = func(t *ast.Term) *ast.Term {
		if !ok {
			return t
		}
		switch v := t.Value.(type) {
		case ast.Var:
			if names[v] && v != "input" && v != "data" {
				return byValue(t)
			}
			local(v)
			return t
		case ast.Ref:
			head, isVar := v[0].Value.(ast.Var)
			if !isVar {
				ok = false
				return t
			}
			switch {
			case head == "input": // the interpreter reads the input itself
			case names[head]:
				return byValue(t)
			default:
				local(head)
			}
			out := make(ast.Ref, len(v))
			out[0] = v[0]
			for i, x := range v[1:] {
				out[i+1] = walk(x)
			}
			return ast.NewTerm(out).SetLocation(t.Location)
		case ast.Call:
			out := make(ast.Call, len(v))
			out[0] = v[0]
			for i, x := range v[1:] {
				out[i+1] = walk(x)
			}
			return ast.NewTerm(out).SetLocation(t.Location)
		case *ast.Array:
			elems := make([]*ast.Term, 0, v.Len())
			v.Foreach(func(x *ast.Term) { elems = append(elems, walk(x)) })
			return ast.ArrayTerm(elems...).SetLocation(t.Location)
		case ast.Object:
			pairs := make([][2]*ast.Term, 0, v.Len())
			v.Foreach(func(k, x *ast.Term) { pairs = append(pairs, [2]*ast.Term{walk(k), walk(x)}) })
			return ast.ObjectTerm(pairs...).SetLocation(t.Location)
		case ast.Set:
			elems := make([]*ast.Term, 0, v.Len())
			v.Foreach(func(x *ast.Term) { elems = append(elems, walk(x)) })
			return ast.SetTerm(elems...).SetLocation(t.Location)
		case ast.Null, ast.Boolean, ast.Number, ast.String:
			return t
		}
		ok = false
		return t
	}
	rewritten = walk(msg)
	return rewritten, params, gathered, ok
}

// messageBuiltins are the builtins a deferred message may call: pure
// functions of their arguments. A message calling any other keeps to Rego.
var messageBuiltins = func() map[string]bool {
	m := map[string]bool{}
	for _, name := range []string{
		"sprintf", "concat", "sort", "count", "trim", "trim_left", "trim_right", "trim_prefix",
		"trim_suffix", "trim_space", "replace", "upper", "lower", "split", "substring",
		"indexof", "contains", "startswith", "endswith", "format_int", "to_number",
		"round", "ceil", "floor", "abs", "plus", "minus", "mul", "div", "rem",
		"equal", "neq", "gt", "gte", "lt", "lte", "sum", "max", "min",
		"array.concat", "array.slice", "object.get", "object.keys", "union", "intersection",
		"and", "or", "internal.member_2", "is_string", "is_number", "is_array",
		"is_object", "is_set", "is_boolean", "is_null", "type_name", "strings.count",
		"json.marshal",
	} {
		m[name] = true
	}
	return m
}()

// errNotDeferrable says why a message function cannot be run by the
// interpreter.
var errNotDeferrable = errors.New("message not deferrable")

// prepareMessages compiles every deferred message function of a compiled
// shard for the interpreter and returns, per rule package, its functions
// by index. It also returns the deferrals it could not take: those whose
// function, or anything it calls, is beyond the interpreter, and all of
// them when a module reads a deny set whose messages were deferred (it
// would see the gathered variables).
func prepareMessages(c *ast.Compiler, done []deferredMessage) (map[string][]*msgFunc, []deferredMessage) {
	if len(done) == 0 {
		return nil, nil
	}
	deferredPkgs := map[string]bool{}
	for _, d := range done {
		deferredPkgs[d.module.Package.Path.String()] = true
	}
	if denyRead(c, deferredPkgs) {
		return nil, done
	}
	mc := &msgCompiler{compiler: c, funcs: map[string]*msgFunc{}}
	out := map[string][]*msgFunc{}
	var failed []deferredMessage
	for _, d := range done {
		pkg := d.module.Package.Path
		fn, err := mc.function(pkg.Append(ast.StringTerm(string(d.fn.Head.Name))))
		if err != nil {
			failed = append(failed, d)
			continue
		}
		idx, _ := strconv.Atoi(strings.TrimPrefix(string(d.fn.Head.Name), messageFuncPrefix))
		fs := out[pkg.String()]
		for len(fs) <= idx {
			fs = append(fs, nil)
		}
		fs[idx] = fn
		out[pkg.String()] = fs
	}
	return out, failed
}

// denyRead reports whether any compiled rule reads the deny set of a
// package in pkgs.
func denyRead(c *ast.Compiler, pkgs map[string]bool) bool {
	found := false
	for _, m := range c.Modules {
		ast.WalkRefs(m, func(ref ast.Ref) bool {
			if found || !ref.HasPrefix(ast.DefaultRootRef) {
				return found
			}
			for i := 2; i < len(ref); i++ {
				if last, ok := ref[i].Value.(ast.String); ok && last == "deny" && pkgs[ref[:i].String()] {
					found = true
				}
			}
			return found
		})
	}
	return found
}

// The interpreter's program: OPA's compiled function rules, turned into
// instructions over numbered slots, so that running them looks nothing
// up by name.

// msgFunc is a compiled function: its definition and the else chain.
type msgFunc struct {
	defs  []msgDef
	arity int
}

// msgDef is one definition of a function.
type msgDef struct {
	slots int // variables, arguments first
	body  []msgInstr
	value *operand // nil: true
}

type instrKind uint8

const (
	instrTest    instrKind = iota // a term: defined and not false
	instrAssign                   // slot := operand
	instrCompare                  // operand == operand
	instrBuiltin                  // builtin(args) -> out
	instrCall                     // function(args) -> out
)

// msgInstr is one expression of a body.
type msgInstr struct {
	kind    instrKind
	negated bool
	name    string
	builtin topdown.BuiltinFunc
	fn      *msgFunc
	args    []operand
	// out receives a call's result: a slot to bind (outSlot >= 0), or a
	// value to compare with; neither when the call is a test.
	outSlot int
	out     *operand
}

type operandKind uint8

const (
	opConst operandKind = iota
	opSlot
	opInput
	opRef   // base, then path
	opArray // elems
	opObject
	opSet
)

// operand computes a value.
type operand struct {
	kind operandKind
	term *ast.Term // opConst
	slot int       // opSlot
	base *operand  // opRef
	path []operand // opRef: keys; opArray, opSet: elements; opObject: keys and values in turn
}

// msgCompiler compiles functions for the interpreter, each once.
type msgCompiler struct {
	compiler *ast.Compiler
	funcs    map[string]*msgFunc
}

// function compiles the function at ref and all it calls.
func (mc *msgCompiler) function(ref ast.Ref) (_ *msgFunc, err error) {
	key := ref.String()
	if fn, ok := mc.funcs[key]; ok {
		if fn == nil {
			return nil, fmt.Errorf("recursion through %s: %w", key, errNotDeferrable)
		}
		return fn, nil
	}
	mc.funcs[key] = nil // being compiled
	defer func() {
		if err != nil {
			delete(mc.funcs, key)
		}
	}()
	rules := mc.compiler.GetRulesExact(ref)
	if len(rules) != 1 {
		return nil, fmt.Errorf("%s has %d definitions: %w", key, len(rules), errNotDeferrable)
	}
	fn := &msgFunc{arity: len(rules[0].Head.Args)}
	for r := rules[0]; r != nil; r = r.Else {
		if r.Default || len(r.Head.Args) != fn.arity {
			return nil, fmt.Errorf("%s: default or uneven else: %w", key, errNotDeferrable)
		}
		d, err := mc.definition(r)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", key, err)
		}
		fn.defs = append(fn.defs, d)
	}
	mc.funcs[key] = fn
	return fn, nil
}

// scope numbers a definition's variables; bound says which hold a value
// at the point being compiled.
type scope struct {
	slots map[ast.Var]int
	bound map[ast.Var]bool
}

func (s *scope) slot(v ast.Var) int {
	if i, ok := s.slots[v]; ok {
		return i
	}
	s.slots[v] = len(s.slots)
	return s.slots[v]
}

func (mc *msgCompiler) definition(r *ast.Rule) (msgDef, error) {
	s := &scope{slots: map[ast.Var]int{}, bound: map[ast.Var]bool{}}
	for _, a := range r.Head.Args {
		v, ok := a.Value.(ast.Var)
		if !ok || s.bound[v] {
			return msgDef{}, fmt.Errorf("argument pattern %v: %w", a, errNotDeferrable)
		}
		s.slot(v)
		s.bound[v] = true
	}
	var d msgDef
	for _, e := range r.Body {
		in, err := mc.expr(e, s)
		if err != nil {
			return msgDef{}, fmt.Errorf("%v: %w", e, err)
		}
		d.body = append(d.body, in)
	}
	if r.Head.Value != nil {
		v, ok := mc.operand(r.Head.Value, s)
		if !ok {
			return msgDef{}, fmt.Errorf("value %v: %w", r.Head.Value, errNotDeferrable)
		}
		d.value = &v
	}
	d.slots = len(s.slots)
	return d, nil
}

func (mc *msgCompiler) expr(e *ast.Expr, s *scope) (msgInstr, error) {
	if len(e.With) > 0 {
		return msgInstr{}, errNotDeferrable
	}
	if e.Negated {
		// A negated expression binds nothing outside it.
		outer := s.bound
		s.bound = maps.Clone(outer)
		defer func() { s.bound = outer }()
	}
	in := msgInstr{negated: e.Negated, outSlot: -1}
	switch t := e.Terms.(type) {
	case *ast.Term:
		v, ok := mc.operand(t, s)
		if !ok {
			return msgInstr{}, errNotDeferrable
		}
		in.kind, in.args = instrTest, []operand{v}
		return in, nil
	case []*ast.Term:
		op, ok := t[0].Value.(ast.Ref)
		if !ok {
			return msgInstr{}, errNotDeferrable
		}
		operands := t[1:]
		in.name = op.String()
		if in.name == ast.Equality.Name || in.name == ast.Assign.Name {
			if len(operands) != 2 {
				return msgInstr{}, errNotDeferrable
			}
			return mc.unify(in, operands[0], operands[1], s)
		}
		arity := 0
		if bi, ok := ast.BuiltinMap[in.name]; ok {
			in.kind, in.builtin = instrBuiltin, topdown.GetBuiltin(in.name)
			if !messageBuiltins[in.name] || in.builtin == nil {
				return msgInstr{}, fmt.Errorf("builtin %s: %w", in.name, errNotDeferrable)
			}
			arity = len(bi.Decl.FuncArgs().Args)
		} else if op.HasPrefix(ast.DefaultRootRef) {
			fn, err := mc.function(op)
			if err != nil {
				return msgInstr{}, err
			}
			in.kind, in.fn, arity = instrCall, fn, fn.arity
		} else {
			return msgInstr{}, errNotDeferrable
		}
		if len(operands) != arity && len(operands) != arity+1 {
			return msgInstr{}, errNotDeferrable
		}
		for _, x := range operands[:arity] {
			v, ok := mc.operand(x, s)
			if !ok {
				return msgInstr{}, errNotDeferrable
			}
			in.args = append(in.args, v)
		}
		if len(operands) == arity+1 {
			out := operands[arity]
			if v, ok := out.Value.(ast.Var); ok && !s.bound[v] && !v.IsWildcard() {
				in.outSlot = s.slot(v)
				s.bound[v] = true
			} else if o, ok := mc.operand(out, s); ok {
				in.out = &o
			} else {
				return msgInstr{}, errNotDeferrable
			}
		}
		return in, nil
	}
	return msgInstr{}, errNotDeferrable
}

// unify compiles a = b: a binding when one side is a free variable and
// the other computable, else a comparison.
func (mc *msgCompiler) unify(in msgInstr, a, b *ast.Term, s *scope) (msgInstr, error) {
	free := func(t *ast.Term) (ast.Var, bool) {
		v, ok := t.Value.(ast.Var)
		return v, ok && !s.bound[v] && !v.IsWildcard()
	}
	if _, ok := free(a); ok {
		a, b = b, a
	}
	if v, ok := free(b); ok {
		x, ok := mc.operand(a, s)
		if !ok {
			return msgInstr{}, errNotDeferrable
		}
		in.kind, in.args, in.outSlot = instrAssign, []operand{x}, s.slot(v)
		s.bound[v] = true
		return in, nil
	}
	x, ok1 := mc.operand(a, s)
	y, ok2 := mc.operand(b, s)
	if !ok1 || !ok2 {
		return msgInstr{}, errNotDeferrable
	}
	in.kind, in.args = instrCompare, []operand{x, y}
	return in, nil
}

// operand compiles a term computable from bound variables, the input and
// constant rules.
func (mc *msgCompiler) operand(t *ast.Term, s *scope) (operand, bool) {
	switch v := t.Value.(type) {
	case ast.Null, ast.Boolean, ast.Number, ast.String:
		return operand{kind: opConst, term: t}, true
	case ast.Var:
		if !s.bound[v] {
			return operand{}, false
		}
		return operand{kind: opSlot, slot: s.slot(v)}, true
	case ast.Ref:
		head, ok := v[0].Value.(ast.Var)
		if !ok {
			return operand{}, false
		}
		var base operand
		rest := v[1:]
		switch {
		case s.bound[head]:
			base = operand{kind: opSlot, slot: s.slot(head)}
		case head == "input":
			base = operand{kind: opInput}
		case v.HasPrefix(ast.DefaultRootRef):
			value, n, ok := mc.constant(v)
			if !ok {
				return operand{}, false
			}
			base, rest = operand{kind: opConst, term: value}, v[n:]
		default:
			return operand{}, false
		}
		if len(rest) == 0 {
			return base, true
		}
		out := operand{kind: opRef, base: &base}
		for _, x := range rest {
			k, ok := mc.operand(x, s)
			if !ok {
				return operand{}, false
			}
			out.path = append(out.path, k)
		}
		return out, true
	case *ast.Array:
		return mc.collection(opArray, t, v.Len(), v.Foreach, s)
	case ast.Set:
		return mc.collection(opSet, t, v.Len(), v.Foreach, s)
	case ast.Object:
		// Keys and values in turn.
		return mc.collection(opObject, t, 2*v.Len(), func(f func(*ast.Term)) {
			v.Foreach(func(k, x *ast.Term) { f(k); f(x) })
		}, s)
	}
	return operand{}, false
}

func (mc *msgCompiler) collection(kind operandKind, t *ast.Term, n int, each func(func(*ast.Term)), s *scope) (operand, bool) {
	if t.IsGround() {
		return operand{kind: opConst, term: t}, true
	}
	out := operand{kind: kind, path: make([]operand, 0, n)}
	ok := true
	each(func(x *ast.Term) {
		o, ok1 := mc.operand(x, s)
		ok = ok && ok1
		out.path = append(out.path, o)
	})
	return out, ok
}

// constant finds the constant rule a data reference starts with (a
// complete rule with a literal value, the only one of its name): its
// value, and how many terms of ref name it.
func (mc *msgCompiler) constant(ref ast.Ref) (*ast.Term, int, bool) {
	for i := len(ref); i > 1; i-- {
		rules := mc.compiler.GetRulesExact(ref[:i])
		if len(rules) == 0 {
			continue
		}
		r := rules[0]
		if len(rules) != 1 || r.Else != nil || r.Default || len(r.Head.Args) > 0 || r.Head.Key != nil ||
			r.Head.Value == nil || !r.Head.Value.IsGround() || len(r.Body) != 1 || !isTrue(r.Body[0]) {
			return nil, 0, false
		}
		return r.Head.Value, i, true
	}
	return nil, 0, false
}

func isTrue(e *ast.Expr) bool {
	t, ok := e.Terms.(*ast.Term)
	if !ok || e.Negated {
		return false
	}
	b, ok := t.Value.(ast.Boolean)
	return ok && bool(b)
}

// interp runs compiled functions. Frames live on one stack of slots,
// reused from one message to the next.
type interp struct {
	ctx    context.Context
	input  *ast.Term
	stack  []*ast.Term
	args   []*ast.Term // scratch for builtin arguments
	result *ast.Term
	iter   func(*ast.Term) error
}

func newInterp(ctx context.Context, input *ast.Term) *interp {
	in := &interp{ctx: ctx, input: input}
	in.iter = func(t *ast.Term) error {
		in.result = t
		return nil
	}
	return in
}

// render runs a message function with args; ok is false when the message
// is undefined.
func (in *interp) render(fn *msgFunc, args []*ast.Term) (string, bool, error) {
	if len(args) != fn.arity {
		return "", false, fmt.Errorf("message takes %d values, got %d", fn.arity, len(args))
	}
	v, ok, err := in.call(fn, args)
	if err != nil || !ok {
		return "", false, err
	}
	s, isStr := v.Value.(ast.String)
	if !isStr {
		return "", false, fmt.Errorf("message is %s, not a string", ast.ValueName(v.Value))
	}
	return string(s), true, nil
}

// call runs a function: its first definition whose body holds, else the
// next in its else chain.
func (in *interp) call(fn *msgFunc, args []*ast.Term) (*ast.Term, bool, error) {
	base := len(in.stack)
	defer func() { in.stack = in.stack[:base] }()
	for i := range fn.defs {
		d := &fn.defs[i]
		in.stack = in.stack[:base]
		for range d.slots {
			in.stack = append(in.stack, nil)
		}
		frame := in.stack[base:]
		copy(frame, args)
		ok, err := in.body(d.body, base)
		if err != nil {
			return nil, false, err
		}
		if !ok {
			continue
		}
		if d.value == nil {
			return ast.BooleanTerm(true), true, nil
		}
		v, ok := in.operand(d.value, base)
		return v, ok, nil
	}
	return nil, false, nil
}

func (in *interp) body(body []msgInstr, base int) (bool, error) {
	for i := range body {
		ok, err := in.instr(&body[i], base)
		if err != nil {
			return false, err
		}
		if ok == body[i].negated {
			return false, nil
		}
	}
	return true, nil
}

// instr runs one instruction and reports whether it held (before any
// negation).
func (in *interp) instr(x *msgInstr, base int) (bool, error) {
	switch x.kind {
	case instrTest:
		v, ok := in.operand(&x.args[0], base)
		return ok && truthy(v), nil
	case instrAssign:
		v, ok := in.operand(&x.args[0], base)
		if ok {
			in.stack[base+x.outSlot] = v
		}
		return ok, nil
	case instrCompare:
		a, ok := in.operand(&x.args[0], base)
		if !ok {
			return false, nil
		}
		b, ok := in.operand(&x.args[1], base)
		return ok && ast.ValueEqual(a.Value, b.Value), nil
	}
	mark := len(in.args)
	defer func() { in.args = in.args[:mark] }()
	for i := range x.args {
		v, ok := in.operand(&x.args[i], base)
		if !ok {
			return false, nil
		}
		in.args = append(in.args, v)
	}
	args := in.args[mark:]
	var result *ast.Term
	if x.kind == instrBuiltin {
		in.result = nil
		if err := x.builtin(topdown.BuiltinContext{Context: in.ctx}, args, in.iter); err != nil {
			return false, fmt.Errorf("%s: %w", x.name, err)
		}
		result = in.result
	} else {
		v, ok, err := in.call(x.fn, args)
		if err != nil || !ok {
			return false, err
		}
		result = v
	}
	switch {
	case result == nil:
		return false, nil
	case x.outSlot >= 0:
		in.stack[base+x.outSlot] = result
		return true, nil
	case x.out != nil:
		v, ok := in.operand(x.out, base)
		return ok && ast.ValueEqual(v.Value, result.Value), nil
	}
	return truthy(result), nil
}

func truthy(t *ast.Term) bool {
	b, isBool := t.Value.(ast.Boolean)
	return !isBool || bool(b)
}

// operand computes a value; false means undefined.
func (in *interp) operand(o *operand, base int) (*ast.Term, bool) {
	switch o.kind {
	case opConst:
		return o.term, true
	case opSlot:
		t := in.stack[base+o.slot]
		return t, t != nil
	case opInput:
		return in.input, in.input != nil
	case opRef:
		cur, ok := in.operand(o.base, base)
		for i := range o.path {
			if !ok {
				return nil, false
			}
			var key *ast.Term
			if key, ok = in.operand(&o.path[i], base); ok {
				cur = cur.Get(key)
				ok = cur != nil
			}
		}
		return cur, ok
	case opArray, opSet:
		elems := make([]*ast.Term, len(o.path))
		for i := range o.path {
			v, ok := in.operand(&o.path[i], base)
			if !ok {
				return nil, false
			}
			elems[i] = v
		}
		if o.kind == opSet {
			return ast.SetTerm(elems...), true
		}
		return ast.ArrayTerm(elems...), true
	case opObject:
		pairs := make([][2]*ast.Term, len(o.path)/2)
		for i := range pairs {
			k, ok1 := in.operand(&o.path[2*i], base)
			v, ok2 := in.operand(&o.path[2*i+1], base)
			if !ok1 || !ok2 {
				return nil, false
			}
			pairs[i] = [2]*ast.Term{k, v}
		}
		return ast.ObjectTerm(pairs...), true
	}
	return nil, false
}

// renderFindings appends the findings of a rule whose messages were
// deferred: each finding's message is rendered from the variables it
// gathered, a finding whose message is undefined is dropped, and findings
// that render alike are merged, as the deny set would have merged them.
// A finding whose message was not deferred (a constant, say, in another
// deny rule of the package) is taken as it is.
func (in *interp) renderFindings(r *Rule, funcs []*msgFunc, set ast.Set, out []finding.Finding) ([]finding.Finding, error) {
	type identity struct{ pointer, element, message string }
	var seen map[identity]bool // a set of one needs no merging
	if set.Len() > 1 {
		seen = make(map[identity]bool, set.Len())
	}
	err := set.Iter(func(x *ast.Term) error {
		f, ok, err := in.renderFinding(r, funcs, x)
		if err != nil || !ok {
			return err
		}
		if seen != nil {
			id := identity{f.Pointer, f.Element, f.Message}
			if seen[id] {
				return nil
			}
			seen[id] = true
		}
		out = append(out, f)
		return nil
	})
	return out, err
}

func (in *interp) renderFinding(r *Rule, funcs []*msgFunc, x *ast.Term) (finding.Finding, bool, error) {
	obj, ok := x.Value.(ast.Object)
	var arr *ast.Array
	if ok {
		if msg := obj.Get(messageKey); msg != nil {
			arr, ok = msg.Value.(*ast.Array)
		}
	}
	if !ok || arr == nil {
		f, err := toFinding(r, x)
		return f, err == nil, err
	}
	n, _ := arr.Elem(0).Value.(ast.Number)
	idx, ok := n.Int()
	if !ok || idx < 0 || idx >= len(funcs) || funcs[idx] == nil {
		return finding.Finding{}, false, findingShapeError(r, x)
	}
	mark := len(in.args)
	for i := 1; i < arr.Len(); i++ {
		in.args = append(in.args, arr.Elem(i))
	}
	text, ok, err := in.render(funcs[idx], in.args[mark:])
	in.args = in.args[:mark]
	if err != nil {
		return finding.Finding{}, false, fmt.Errorf("rule %s (%s): message: %w", r.ID, r.File, err)
	}
	if !ok {
		return finding.Finding{}, false, nil
	}
	ptr, ok := termString(obj.Get(pointerKey))
	if !ok || text == "" {
		return finding.Finding{}, false, findingShapeError(r, x)
	}
	el, _ := termString(obj.Get(elementKey))
	return newFinding(r, ptr, el, ast.String(text)), true, nil
}
