// Package decode implements strict, position-aware JSON decoding for charter
// files.
//
// [Decode] parses exactly one JSON value (RFC 8259) and rejects everything a
// lenient parser would let through: duplicate object keys, invalid UTF-8, a
// leading byte order mark, trailing data, excessive nesting and oversized
// input. Every failure is reported as an [*Error] carrying a line and column
// that point at the offending byte, with a message meant for the person who
// edits the file rather than for a programmer.
//
// On success the returned [Document] holds the decoded value together with
// the position of every value in it, addressed by JSON Pointer (RFC 6901).
// Positions are recorded as byte offsets during the single decoding pass;
// lines and columns are only computed when they are asked for.
package decode

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/go-json-experiment/json/jsontext"
)

const (
	defaultMaxBytes = 4 << 20 // 4 MiB
	defaultMaxDepth = 64

	// tokenizerMaxDepth is the nesting limit built into jsontext; deeper
	// input fails there whatever Limits.MaxDepth says.
	tokenizerMaxDepth = 10000

	// maxInput is the largest input Decode accepts whatever the limits say;
	// offsets are stored as int32.
	maxInput = math.MaxInt32

	// sortedKids is the member count above which an object's children are
	// kept sorted by name so that pointer lookups can binary search them.
	sortedKids = 16
)

// Limits bounds what Decode accepts.
//
// A zero or negative field means "use the default" (see [DefaultLimits]),
// so the zero Limits is the default limits.
type Limits struct {
	MaxBytes int64 // larger input is rejected; default 4 MiB
	MaxDepth int   // deeper nesting of objects/arrays is rejected; default 64
}

// DefaultLimits returns the documented default limits: 4 MiB of input and
// 64 levels of nested objects and arrays.
func DefaultLimits() Limits {
	return Limits{MaxBytes: defaultMaxBytes, MaxDepth: defaultMaxDepth}
}

// withDefaults replaces unset fields by their defaults.
func (l Limits) withDefaults() Limits {
	if l.MaxBytes <= 0 {
		l.MaxBytes = defaultMaxBytes
	}
	if l.MaxDepth <= 0 {
		l.MaxDepth = defaultMaxDepth
	}
	return l
}

// Pos is a location in the input: 1-based line and column (column counted in
// Unicode characters, i.e. runes, from the start of the line) and the 0-based
// byte offset.
//
// Lines are separated by "\n" (so "\r\n" counts as a single line break); a
// tab is one column, and every byte that is not part of valid UTF-8 counts as
// one column.
type Pos struct {
	Line, Column int
	Offset       int64
}

// String formats p as "LINE:COL".
func (p Pos) String() string {
	return strconv.Itoa(p.Line) + ":" + strconv.Itoa(p.Column)
}

// Error is a decoding failure at a position.
type Error struct {
	Pos     Pos    // where the problem is
	Pointer string // JSON Pointer of the value being decoded, "" for the root or if unknown
	Msg     string // lower-case, human-readable description
}

// Error formats e as "LINE:COL: MSG", for example
// `3:5: duplicate key "id" (first at 2:5)`.
func (e *Error) Error() string {
	return e.Pos.String() + ": " + e.Msg
}

// Document is a decoded JSON value with the position of every value by its
// JSON Pointer (RFC 6901, "" is the root).
//
// A Document retains the input passed to [Decode]; the caller must not modify
// it afterwards. A Document is safe for concurrent reads.
type Document struct {
	// Value is the decoded value: map[string]any for objects, []any for
	// arrays, string, bool, nil for null and [json.Number] (the literal text
	// of the number) for numbers.
	Value any

	data  []byte
	lines []int // byte offset at which each line starts; lines[0] == 0
	// long holds, for each line longer than longLine bytes, marks along it
	// that spare counting its runes from the start for every position:
	// with thousands of values on one line, that made locating them n².
	long  map[int]lineMarks
	nodes []node  // every value in document order; nodes[0] is the root
	kids  []int32 // children of containers, see node.kids
}

// node records where one value is in the input.
type node struct {
	name   string // member name if the value is an object member
	off    int32  // offset of the value's first byte
	keyOff int32  // offset of the member name's opening quote; 0 if not a member
	// kids and nkids locate the node's children (indexes into
	// Document.nodes) in Document.kids, in document order, or sorted by
	// name for objects with more than sortedKids members.
	kids, nkids int32
}

// Pos returns the position of the value at pointer. If there is no such value,
// it returns the position of its nearest existing ancestor, which is the root
// if pointer is not a valid JSON Pointer.
func (d *Document) Pos(pointer string) Pos {
	i, _ := d.find(pointer)
	if i < 0 {
		return Pos{Line: 1, Column: 1}
	}
	return d.posAt(int(d.nodes[i].off))
}

// KeyPos returns the position of the opening quote of the object member name
// whose value is at pointer. It reports false, with a zero Pos, if there is no
// value at pointer or the value is not an object member (the root or an array
// element).
func (d *Document) KeyPos(pointer string) (Pos, bool) {
	i, ok := d.find(pointer)
	if !ok || d.nodes[i].keyOff == 0 {
		return Pos{}, false
	}
	return d.posAt(int(d.nodes[i].keyOff)), true
}

// Has reports whether the document has a value at pointer.
func (d *Document) Has(pointer string) bool {
	_, ok := d.find(pointer)
	return ok
}

// Bytes returns the original input. The caller must not modify it.
func (d *Document) Bytes() []byte {
	if d == nil {
		return nil
	}
	return d.data
}

// find resolves pointer. It returns the index of the node it designates and
// true, or the index of the deepest existing ancestor and false. The index is
// -1 if the document has no nodes at all.
func (d *Document) find(pointer string) (int, bool) {
	if d == nil || len(d.nodes) == 0 {
		return -1, false
	}
	if pointer == "" {
		return 0, true
	}
	if pointer[0] != '/' {
		return 0, false
	}
	cur := 0
	rest := pointer[1:]
	for {
		tok := rest
		end := strings.IndexByte(rest, '/')
		if end >= 0 {
			tok = rest[:end]
		}
		if strings.IndexByte(tok, '~') >= 0 {
			var ok bool
			if tok, ok = unescapeToken(tok); !ok {
				return cur, false
			}
		}
		next, ok := d.child(cur, tok)
		if !ok {
			return cur, false
		}
		cur = next
		if end < 0 {
			return cur, true
		}
		rest = rest[end+1:]
	}
}

// child returns the index of the child of node i designated by the unescaped
// reference token tok.
func (d *Document) child(i int, tok string) (int, bool) {
	n := &d.nodes[i]
	kids := d.kids[n.kids : n.kids+n.nkids]
	switch d.data[n.off] {
	case '[':
		k, ok := arrayIndex(tok)
		if !ok || k >= len(kids) {
			return 0, false
		}
		return int(kids[k]), true
	case '{':
		if len(kids) > sortedKids {
			k, ok := slices.BinarySearchFunc(kids, tok, func(c int32, t string) int {
				return strings.Compare(d.nodes[c].name, t)
			})
			if !ok {
				return 0, false
			}
			return int(kids[k]), true
		}
		for _, c := range kids {
			if d.nodes[c].name == tok {
				return int(c), true
			}
		}
	}
	return 0, false
}

// arrayIndex parses an RFC 6901 array index: "0" or a decimal number without
// leading zeros.
func arrayIndex(tok string) (int, bool) {
	if tok == "" || len(tok) > 10 || (tok[0] == '0' && len(tok) > 1) {
		return 0, false
	}
	k := 0
	for i := 0; i < len(tok); i++ {
		c := tok[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		k = k*10 + int(c-'0')
	}
	return k, true
}

// unescapeToken undoes RFC 6901 escaping ("~1" is "/", "~0" is "~"). It
// reports false if tok contains any other use of "~".
func unescapeToken(tok string) (string, bool) {
	var b strings.Builder
	b.Grow(len(tok))
	for i := 0; i < len(tok); i++ {
		c := tok[i]
		if c != '~' {
			b.WriteByte(c)
			continue
		}
		if i+1 == len(tok) {
			return "", false
		}
		i++
		switch tok[i] {
		case '0':
			b.WriteByte('~')
		case '1':
			b.WriteByte('/')
		default:
			return "", false
		}
	}
	return b.String(), true
}

// escapeToken applies RFC 6901 escaping to a member name.
func escapeToken(name string) string {
	if strings.IndexByte(name, '~') < 0 && strings.IndexByte(name, '/') < 0 {
		return name
	}
	return strings.ReplaceAll(strings.ReplaceAll(name, "~", "~0"), "/", "~1")
}

// posAt converts a byte offset into a position using the line table.
func (d *Document) posAt(off int) Pos {
	off = min(max(off, 0), len(d.data))
	// Index of the last line starting at or before off.
	i, found := slices.BinarySearch(d.lines, off)
	if !found {
		i--
	}
	i = max(i, 0)
	start := 0
	if i < len(d.lines) {
		start = d.lines[i]
	}
	from, runes := start, 0
	if m, ok := d.long[i]; ok {
		from, runes = m.before(off)
	}
	return Pos{Line: i + 1, Column: runes + utf8.RuneCount(d.data[from:off]) + 1, Offset: int64(off)}
}

// longLine is the length from which a line gets marks (lineMarks).
const longLine = 1024

// lineMarks are points along a long line, about every longLine bytes and
// always at the start of a rune: the offset of each and the runes before
// it on the line.
type lineMarks struct{ offs, runes []int }

// before returns the last mark at or before off.
func (m lineMarks) before(off int) (int, int) {
	k, found := slices.BinarySearch(m.offs, off)
	if !found {
		k--
	}
	return m.offs[k], m.runes[k]
}

// longLines marks every line of data longer than longLine bytes.
func longLines(data []byte, lines []int) map[int]lineMarks {
	var long map[int]lineMarks
	for i, start := range lines {
		end := len(data)
		if i+1 < len(lines) {
			end = lines[i+1]
		}
		if end-start <= longLine {
			continue
		}
		m := lineMarks{offs: []int{start}, runes: []int{0}}
		for at := start + longLine; at < end; at += longLine {
			for at < end && !utf8.RuneStart(data[at]) {
				at++
			}
			last := len(m.offs) - 1
			m.runes = append(m.runes, m.runes[last]+utf8.RuneCount(data[m.offs[last]:at]))
			m.offs = append(m.offs, at)
		}
		if long == nil {
			long = map[int]lineMarks{}
		}
		long[i] = m
	}
	return long
}

// lineStarts returns the offset at which each line of data starts.
func lineStarts(data []byte) []int {
	lines := make([]int, 1, bytes.Count(data, []byte{'\n'})+1)
	for i := 0; ; {
		j := bytes.IndexByte(data[i:], '\n')
		if j < 0 {
			return lines
		}
		i += j + 1
		lines = append(lines, i)
	}
}

// scanPos converts a byte offset into a position without a line table.
func scanPos(data []byte, off int) Pos {
	off = min(max(off, 0), len(data))
	before := data[:off]
	start := bytes.LastIndexByte(before, '\n') + 1
	return Pos{
		Line:   bytes.Count(before, []byte{'\n'}) + 1,
		Column: utf8.RuneCount(before[start:]) + 1,
		Offset: int64(off),
	}
}

// Decode parses exactly one JSON value from data. Errors are always *Error.
//
// The returned Document keeps a reference to data.
func Decode(data []byte, lim Limits) (*Document, error) {
	var w *Words
	return w.Decode(data, lim)
}

// Words are strings a decoder hands out shared instead of allocating a
// copy each time it reads them: a format's member names and enum values,
// which make up most of the strings of a document in that format. Words
// are read-only once built, so decoders on several goroutines share them.
type Words struct {
	m map[string]word
	// numbers holds the integers 0 to 99 as decoded values: counts and
	// years, most of a charter's numbers.
	numbers [100]any
}

// word is a word and the same word as a decoded value: storing a string
// in an interface otherwise allocates a copy of its header each time.
type word struct {
	s string
	v any
}

// NewWords collects words. Strings with a backslash or a quote are left
// out: the decoder looks words up by their raw bytes in the input, which
// for such strings differ from their value.
func NewWords(words ...string) *Words {
	w := &Words{m: make(map[string]word, len(words))}
	for _, s := range words {
		if !strings.ContainsAny(s, "\\\"") {
			w.m[s] = word{s, s}
		}
	}
	for i := range w.numbers {
		w.numbers[i] = json.Number(strconv.Itoa(i))
	}
	return w
}

// Decode is like the package's Decode, but member names and string values
// that are among the words are the words' own strings. A nil *Words
// decodes like Decode.
func (w *Words) Decode(data []byte, lim Limits) (*Document, error) {
	lim = lim.withDefaults()
	if n := int64(len(data)); n > min(lim.MaxBytes, maxInput) {
		return nil, &Error{Pos: Pos{Line: 1, Column: 1}, Msg: fmt.Sprintf("file is %d bytes, over the limit of %d bytes", n, min(lim.MaxBytes, maxInput))}
	}
	if bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")) {
		return nil, &Error{Pos: Pos{Line: 1, Column: 1}, Msg: "file starts with a UTF-8 byte order mark (BOM); save it as UTF-8 without BOM"}
	}
	if skipSpace(data, 0) == len(data) {
		return nil, &Error{Pos: Pos{Line: 1, Column: 1}, Msg: "empty document"}
	}

	// Every value but the first of each container follows a comma, so this
	// bounds the number of values unless strings contain such characters.
	est := 1 + bytes.Count(data, []byte{','}) + bytes.Count(data, []byte{'{'}) + bytes.Count(data, []byte{'['})
	est = min(est, 16+len(data)/4)
	p := &parser{
		data:     data,
		words:    w,
		dec:      jsontext.NewDecoder(bytes.NewBuffer(data), jsontext.AllowDuplicateNames(true)),
		maxDepth: lim.MaxDepth,
		nodes:    make([]node, 0, est),
		kids:     make([]int32, 0, est),
	}
	tok, start, err := p.next()
	if err != nil {
		return nil, p.syntaxError(err, -1)
	}
	v, err := p.value(tok, start, "", 0)
	if err != nil {
		return nil, err
	}
	// jsontext reads a stream of values; insist on exactly one.
	if end := skipSpace(data, int(p.dec.InputOffset())); end < len(data) {
		return nil, &Error{Pos: scanPos(data, end), Msg: "unexpected data after the top-level value"}
	}
	lines := lineStarts(data)
	return &Document{Value: v, data: data, lines: lines, long: longLines(data, lines), nodes: p.nodes, kids: p.kids}, nil
}

// parser holds the state of one Decode call.
type parser struct {
	data     []byte
	words    *Words // nil: none
	dec      *jsontext.Decoder
	maxDepth int
	depth    int
	nodes    []node
	kids     []int32 // finished children lists, see node.kids
	open     []int32 // children of the containers being decoded, innermost last
}

// skipSeparators returns the offset of the first byte at or after i that is
// neither JSON whitespace nor a ':' or ',' separator.
func skipSeparators(data []byte, i int) int {
	for i < len(data) {
		switch data[i] {
		case ' ', '\t', '\n', '\r', ':', ',':
			i++
		default:
			return i
		}
	}
	return i
}

// str returns the value of the string token tok, which starts at offset
// start and has just been read: the shared word when its raw bytes are one
// (a raw string with an escape never is), else a new string.
func (p *parser) str(tok jsontext.Token, start int) string {
	if w, ok := p.word(start); ok {
		return w.s
	}
	return tok.String()
}

// strValue is str as a decoded value.
func (p *parser) strValue(tok jsontext.Token, start int) any {
	if w, ok := p.word(start); ok {
		return w.v
	}
	return tok.String()
}

// word looks up the raw bytes of the string just read, which starts at
// offset start, among the words (a raw string with an escape never is one).
func (p *parser) word(start int) (word, bool) {
	if p.words == nil {
		return word{}, false
	}
	end := int(p.dec.InputOffset())
	if end-start < 2 {
		return word{}, false
	}
	w, ok := p.words.m[string(p.data[start+1:end-1])]
	return w, ok
}

// Bounds on number literals. JSON sets none, but the schema validator
// reads numbers exactly (as big rationals), where a literal of a million
// digits or an exponent of a million costs seconds to minutes and beyond
// about 1e1000000 fails outright. No charter needs either: its numbers are
// counts, years, shares and weights.
const (
	MaxNumberLength   = 100  // bytes in one number literal
	MaxNumberExponent = 1000 // magnitude of its decimal exponent
)

// number returns the number token that starts at offset start and has just
// been read, shared when it is a small integer.
func (p *parser) number(start int) (any, error) {
	raw := p.data[start:p.dec.InputOffset()]
	if p.words != nil {
		switch {
		case len(raw) == 1 && raw[0] >= '0' && raw[0] <= '9':
			return p.words.numbers[raw[0]-'0'], nil
		case len(raw) == 2 && raw[0] >= '1' && raw[0] <= '9' && raw[1] >= '0' && raw[1] <= '9':
			return p.words.numbers[int(raw[0]-'0')*10+int(raw[1]-'0')], nil
		}
	}
	if msg := numberProblem(raw); msg != "" {
		return nil, &Error{Pos: scanPos(p.data, start), Pointer: string(p.dec.StackPointer()), Msg: msg}
	}
	return json.Number(raw), nil
}

// numberProblem says why a valid JSON number literal is out of bounds, or
// returns "".
func numberProblem(raw []byte) string {
	if len(raw) > MaxNumberLength {
		return fmt.Sprintf("number literal of %d characters, over the limit of %d", len(raw), MaxNumberLength)
	}
	e := bytes.IndexAny(raw, "eE")
	if e < 0 {
		return ""
	}
	digits := bytes.TrimLeft(bytes.TrimLeft(raw[e+1:], "+-"), "0")
	if n, err := strconv.Atoi(string(digits)); len(digits) > 0 && (err != nil || n > MaxNumberExponent) {
		return fmt.Sprintf("number %s has an exponent beyond ±%d", raw, MaxNumberExponent)
	}
	return ""
}

// next reads the next token and returns it with the offset of its first byte.
func (p *parser) next() (jsontext.Token, int, error) {
	from := int(p.dec.InputOffset())
	tok, err := p.dec.ReadToken()
	if err != nil {
		return tok, from, err
	}
	return tok, skipSeparators(p.data, from), nil
}

// value decodes the value that starts with tok at offset start and records
// it as a node; name and keyOff describe the object member it belongs to.
func (p *parser) value(tok jsontext.Token, start int, name string, keyOff int) (any, error) {
	idx := len(p.nodes)
	p.nodes = append(p.nodes, node{name: name, off: int32(start), keyOff: int32(keyOff)})
	switch tok.Kind() {
	case '"':
		return p.strValue(tok, start), nil
	case '0':
		return p.number(start)
	case 't':
		return true, nil
	case 'f':
		return false, nil
	case 'n':
		return nil, nil
	case '{':
		return p.object(idx, start)
	case '[':
		return p.array(idx, start)
	}
	// ReadToken never returns '}' or ']' where a value is expected.
	return nil, &Error{Pos: scanPos(p.data, start), Pointer: string(p.dec.StackPointer()), Msg: "unexpected " + strconv.QuoteRune(rune(tok.Kind()))}
}

// enter checks the depth limit on entering the container starting at start.
func (p *parser) enter(start int) error {
	p.depth++
	if p.depth > p.maxDepth {
		return &Error{
			Pos:     scanPos(p.data, start),
			Pointer: string(p.dec.StackPointer()),
			Msg:     fmt.Sprintf("nesting deeper than %d levels", p.maxDepth),
		}
	}
	return nil
}

// leave finishes container idx whose children are p.open[base:].
func (p *parser) leave(idx int, base int) {
	p.depth--
	k := len(p.kids)
	p.kids = append(p.kids, p.open[base:]...)
	p.open = p.open[:base]
	n := &p.nodes[idx]
	n.kids, n.nkids = int32(k), int32(len(p.kids)-k)
	if n.nkids > sortedKids && p.data[n.off] == '{' {
		slices.SortFunc(p.kids[k:], func(a, b int32) int {
			return strings.Compare(p.nodes[a].name, p.nodes[b].name)
		})
	}
}

func (p *parser) object(idx, start int) (any, error) {
	if err := p.enter(start); err != nil {
		return nil, err
	}
	base := len(p.open)
	m := make(map[string]any)
	for {
		tok, keyOff, err := p.next()
		if err != nil {
			return nil, p.syntaxError(err, idx)
		}
		if tok.Kind() == '}' {
			break
		}
		name := p.str(tok, keyOff)
		if _, dup := m[name]; dup {
			return nil, p.duplicate(name, keyOff, base)
		}
		vtok, vstart, err := p.next()
		if err != nil {
			return nil, p.syntaxError(err, idx)
		}
		p.open = append(p.open, int32(len(p.nodes)))
		v, err := p.value(vtok, vstart, name, keyOff)
		if err != nil {
			return nil, err
		}
		m[name] = v
	}
	p.leave(idx, base)
	return m, nil
}

func (p *parser) array(idx, start int) (any, error) {
	if err := p.enter(start); err != nil {
		return nil, err
	}
	base := len(p.open)
	a := []any{}
	for {
		tok, vstart, err := p.next()
		if err != nil {
			return nil, p.syntaxError(err, idx)
		}
		if tok.Kind() == ']' {
			break
		}
		p.open = append(p.open, int32(len(p.nodes)))
		v, err := p.value(tok, vstart, "", 0)
		if err != nil {
			return nil, err
		}
		a = append(a, v)
	}
	p.leave(idx, base)
	return a, nil
}

// duplicate reports a repeated member name at keyOff; the members decoded so
// far are p.open[base:].
func (p *parser) duplicate(name string, keyOff, base int) error {
	msg := "duplicate key " + strconv.Quote(name)
	for _, c := range p.open[base:] {
		if n := &p.nodes[c]; n.name == name {
			msg += " (first at " + scanPos(p.data, int(n.keyOff)).String() + ")"
			break
		}
	}
	return &Error{Pos: scanPos(p.data, keyOff), Pointer: string(p.dec.StackPointer()), Msg: msg}
}

// syntaxError converts an error from the tokenizer into an *Error. container
// is the node index of the innermost open object or array, or -1.
func (p *parser) syntaxError(err error, container int) *Error {
	var serr *jsontext.SyntacticError
	if !errors.As(err, &serr) {
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			return p.eofError(container, "")
		}
		return &Error{Pos: scanPos(p.data, int(p.dec.InputOffset())), Msg: cleanMessage(err.Error())}
	}
	ptr := string(serr.JSONPointer)
	if serr.Err == io.ErrUnexpectedEOF {
		return p.eofError(container, ptr)
	}
	off := int(min(max(serr.ByteOffset, 0), int64(len(p.data))))
	return &Error{Pos: scanPos(p.data, off), Pointer: ptr, Msg: p.describe(serr, off, container)}
}

// eofError reports input that ends in the middle of the document.
func (p *parser) eofError(container int, ptr string) *Error {
	msg := "unexpected end of input"
	// A token the tokenizer could not finish starts after the last one read.
	if s := skipSeparators(p.data, int(p.dec.InputOffset())); s < len(p.data) {
		switch p.data[s] {
		case '"':
			msg += " inside the string starting at " + scanPos(p.data, s).String()
		default:
			msg += " inside " + quoteText(p.data[s:]) + " starting at " + scanPos(p.data, s).String()
		}
	} else if container >= 0 {
		off := int(p.nodes[container].off)
		what := "object"
		if p.data[off] == '[' {
			what = "array"
		}
		msg += ", the " + what + " starting at " + scanPos(p.data, off).String() + " is not closed"
	}
	return &Error{Pos: scanPos(p.data, len(p.data)), Pointer: ptr, Msg: msg}
}

// describe turns a syntactic error at offset off into a message for humans.
// container is the node index of the innermost open object or array, or -1.
func (p *parser) describe(serr *jsontext.SyntacticError, off, container int) string {
	msg := serr.Err.Error()
	c := byte(0)
	if off < len(p.data) {
		c = p.data[off]
	}
	// The state of the innermost container, which the tokenizer left as it
	// was before the failing token.
	depth := p.dec.StackDepth()
	kind, length := p.dec.StackIndex(depth)
	wantKey := kind == '{' && length%2 == 0

	switch {
	case msg == "exceeded max depth":
		return fmt.Sprintf("nesting deeper than %d levels", min(p.maxDepth, tokenizerMaxDepth))
	case serr.Err == jsontext.ErrNonStringName:
		return "invalid key " + quoteText(p.data[off:]) + ", keys must be strings in double quotes"
	case msg == "missing value after object name":
		return "missing value for key " + strconv.Quote(serr.JSONPointer.LastToken())
	case msg == "invalid UTF-8" || (c >= utf8.RuneSelf && !validRuneAt(p.data, off)):
		return fmt.Sprintf("invalid UTF-8 byte 0x%02X; the file must be encoded as UTF-8", c)
	case strings.HasSuffix(msg, "in string (expecting non-control character)"):
		switch c {
		case '\n':
			return `line break inside a string, write it as \n`
		case '\r':
			return `carriage return inside a string, write it as \r`
		case '\t':
			return `tab character inside a string, write it as \t`
		}
		return fmt.Sprintf(`control character U+%04X inside a string, write it as \u%04x`, c, c)
	case (c == '}' || c == ']') && container >= 0 && p.data[p.nodes[container].off] != c-2:
		// A closing bracket of the wrong kind ('}' - 2 == '{', ']' - 2 == '[').
		what, want := "object", "'}'"
		if p.data[p.nodes[container].off] == '[' {
			what, want = "array", "']'"
		}
		s := fmt.Sprintf("%q does not close the %s starting at %s", c, what, scanPos(p.data, int(p.nodes[container].off)))
		prev := bytes.TrimRight(p.data[:off], " \t\r\n")
		switch {
		case len(prev) == 0 || prev[len(prev)-1] == '{' || prev[len(prev)-1] == '[':
		case prev[len(prev)-1] == ':':
			s += ", expected a value"
		case what == "object" && length%2 == 1:
			s += ", expected ':'"
		default:
			s += ", expected ',' or " + want
		}
		return s
	case strings.HasSuffix(msg, "at start of value"):
		return p.unexpectedAt(off, c, wantKey, length > 0)
	case strings.HasSuffix(msg, "after object value (expecting ',' or '}')") && startsValue(c):
		return "missing ',' between object members"
	case strings.HasSuffix(msg, "after array element (expecting ',' or ']')") && startsValue(c):
		return "missing ',' between array elements"
	case strings.HasSuffix(msg, "after object name (expecting ':')"):
		key := strconv.Quote(serr.JSONPointer.LastToken())
		if startsValue(c) {
			return "missing ':' after key " + key
		}
		return "invalid character " + strconv.QuoteRune(rune(c)) + " after key " + key + ", expected ':'"
	}
	return cleanMessage(msg)
}

// unexpectedAt describes a character that cannot start the value or key
// expected at off; afterItem reports whether the enclosing container already
// has members or elements.
func (p *parser) unexpectedAt(off int, c byte, wantKey, afterItem bool) string {
	expected := "expected a value"
	if wantKey {
		expected = "expected a key in double quotes"
	}
	rest := p.data[off:]
	switch {
	case c == ',':
		if n := skipSpace(p.data, off+1); afterItem && n < len(p.data) && (p.data[n] == '}' || p.data[n] == ']') {
			return "trailing comma before " + strconv.QuoteRune(rune(p.data[n])) + " is not allowed"
		}
		return "unexpected ',', " + expected
	case c == '\'':
		return "strings and keys must be in double quotes, not single quotes"
	case bytes.HasPrefix(rest, []byte("//")) || bytes.HasPrefix(rest, []byte("/*")):
		return "comments are not allowed in JSON"
	case isLetter(c):
		word := rest[:wordLen(rest)]
		if wantKey {
			return "key " + quoteText(word) + " must be in double quotes"
		}
		for _, lit := range []string{"true", "false", "null"} {
			if strings.EqualFold(string(word), lit) {
				return "invalid value " + quoteText(word) + ", did you mean " + lit + "?"
			}
		}
		return "invalid value " + quoteText(word) + ", text must be in double quotes"
	}
	return "unexpected " + quoteChar(rest) + ", " + expected
}

// cleanMessage strips Go package prefixes from a tokenizer message and turns
// its "(expecting X)" remarks into ", expected X".
func cleanMessage(msg string) string {
	msg = strings.TrimPrefix(msg, "jsontext: ")
	if i := strings.Index(msg, " (expecting "); i >= 0 && strings.HasSuffix(msg, ")") {
		msg = msg[:i] + ", expected " + msg[i+len(" (expecting "):len(msg)-1]
	}
	msg = strings.ReplaceAll(msg, "object name", "object key")
	if msg == "" {
		msg = "invalid JSON"
	}
	return msg
}

// skipSpace returns the offset of the first non-whitespace byte at or
// after i.
func skipSpace(data []byte, i int) int {
	for i < len(data) && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r') {
		i++
	}
	return i
}

// startsValue reports whether c can begin a JSON value.
func startsValue(c byte) bool {
	switch c {
	case '"', '{', '[', '-', 't', 'f', 'n':
		return true
	}
	return '0' <= c && c <= '9'
}

func isLetter(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_'
}

// wordLen returns the length of the identifier-like prefix of b, at most 40.
func wordLen(b []byte) int {
	n := 0
	for n < len(b) && n < 40 && (isLetter(b[n]) || '0' <= b[n] && b[n] <= '9' || b[n] == '-' || b[n] == '.') {
		n++
	}
	return n
}

// validRuneAt reports whether a valid UTF-8 encoded rune starts at off.
func validRuneAt(data []byte, off int) bool {
	r, size := utf8.DecodeRune(data[off:])
	return r != utf8.RuneError || size > 1
}

// quoteChar quotes the character at the start of b.
func quoteChar(b []byte) string {
	r, size := utf8.DecodeRune(b)
	if r == utf8.RuneError && size <= 1 {
		if len(b) == 0 {
			return "end of input"
		}
		return fmt.Sprintf("byte 0x%02X", b[0])
	}
	return strconv.QuoteRune(r)
}

// quoteText quotes a short excerpt (a word or token) starting at b.
func quoteText(b []byte) string {
	n := 0
	for n < len(b) && n < 20 && b[n] > ' ' && !strings.ContainsRune(`,:{}[]"`, rune(b[n])) {
		n++
	}
	if n == 0 {
		return quoteChar(b)
	}
	return "`" + strings.ToValidUTF8(string(b[:n]), "\uFFFD") + "`"
}
