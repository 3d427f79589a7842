package lsp

import (
	"unicode/utf8"

	protocol "github.com/tliron/glsp/protocol_3_16"
)

// Position encodings a client may offer (LSP 3.17's positionEncoding).
const (
	encodingUTF8  = "utf-8"
	encodingUTF16 = "utf-16"
)

// text is a document's contents with the offset of each line's start,
// to turn LSP positions into byte offsets and back.
type text struct {
	data  []byte
	lines []int // byte offset of each line's first byte
}

func newText(data []byte) *text {
	t := &text{data: data, lines: []int{0}}
	for i, b := range data {
		if b == '\n' {
			t.lines = append(t.lines, i+1)
		}
	}
	return t
}

// lineEnd is the offset of the end of line i, its "\n" (and a "\r"
// before it) excluded.
func (t *text) lineEnd(i int) int {
	end := len(t.data)
	if i+1 < len(t.lines) {
		end = t.lines[i+1] - 1
	}
	if end > t.lines[i] && t.data[end-1] == '\r' {
		end--
	}
	return end
}

// offset turns an LSP position into a byte offset, counting characters
// in enc (UTF-16 code units or bytes). A position past the end of its
// line is the line's end; a line past the last is the end of the text.
// A position inside a character is that character's start.
func (t *text) offset(p protocol.Position, enc string) int {
	line := int(p.Line)
	if line >= len(t.lines) {
		return len(t.data)
	}
	start, end := t.lines[line], t.lineEnd(line)
	want := int(p.Character)
	if enc == encodingUTF8 {
		o := min(start+want, end)
		for o > start && o < end && !utf8.RuneStart(t.data[o]) {
			o--
		}
		return o
	}
	units := 0
	o := start
	for o < end {
		r, size := utf8.DecodeRune(t.data[o:end])
		n := 1
		if r >= 0x10000 {
			n = 2
		}
		if units+n > want {
			break
		}
		units += n
		o += size
	}
	return o
}

// position turns a byte offset into an LSP position in enc.
func (t *text) position(offset int, enc string) protocol.Position {
	offset = max(0, min(offset, len(t.data)))
	line := t.lineOf(offset)
	start := t.lines[line]
	if enc == encodingUTF8 {
		return protocol.Position{Line: uint32(line), Character: uint32(offset - start)}
	}
	units := 0
	for o := start; o < offset; {
		r, size := utf8.DecodeRune(t.data[o:offset])
		if r >= 0x10000 {
			units += 2
		} else {
			units++
		}
		o += size
	}
	return protocol.Position{Line: uint32(line), Character: uint32(units)}
}

// lineOf is the 0-based line that holds offset.
func (t *text) lineOf(offset int) int {
	lo, hi := 0, len(t.lines)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if t.lines[mid] <= offset {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo
}

// lineColumn turns a 1-based line and column counted in runes (as
// decode.Pos and findings give them; an invalid byte is one column) into
// a byte offset.
func (t *text) lineColumn(line, col int) int {
	if line < 1 {
		return 0
	}
	if line > len(t.lines) {
		return len(t.data)
	}
	o, end := t.lines[line-1], t.lineEnd(line-1)
	for c := 1; c < col && o < end; c++ {
		_, size := utf8.DecodeRune(t.data[o:end])
		o += size
	}
	return o
}

// rangeOf is the LSP range of the bytes [start, end).
func (t *text) rangeOf(start, end int, enc string) protocol.Range {
	return protocol.Range{Start: t.position(start, enc), End: t.position(end, enc)}
}

// apply returns the text with one incremental change made: the range
// replaced by s. Positions out of range are clamped, and an end before
// the start is taken as the start.
func (t *text) apply(r protocol.Range, s string, enc string) []byte {
	start := t.offset(r.Start, enc)
	end := max(start, t.offset(r.End, enc))
	out := make([]byte, 0, len(t.data)-(end-start)+len(s))
	out = append(out, t.data[:start]...)
	out = append(out, s...)
	return append(out, t.data[end:]...)
}

// tokenEnd is the end of the JSON token that starts at offset: past the
// closing quote of a string, the end of a number or literal, or one byte
// for anything else (the brace of an object, a stray character).
func tokenEnd(data []byte, offset int) int {
	if offset >= len(data) {
		return len(data)
	}
	switch c := data[offset]; {
	case c == '"':
		for i := offset + 1; i < len(data); i++ {
			switch data[i] {
			case '\\':
				i++
			case '"':
				return i + 1
			case '\n':
				return i
			}
		}
		return len(data)
	case c == '-' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z':
		i := offset
		for i < len(data) && (data[i] == '-' || data[i] == '+' || data[i] == '.' || data[i] >= '0' && data[i] <= '9' || data[i] >= 'a' && data[i] <= 'z' || data[i] >= 'A' && data[i] <= 'Z') {
			i++
		}
		return i
	}
	_, size := utf8.DecodeRune(data[offset:])
	return offset + size
}

// valueEnd is the end of the JSON value that starts at offset (an object
// or array with all it holds), for text that decoded.
func valueEnd(data []byte, offset int) int {
	if offset >= len(data) || data[offset] != '{' && data[offset] != '[' {
		return tokenEnd(data, offset)
	}
	depth := 0
	for i := offset; i < len(data); i++ {
		switch data[i] {
		case '"':
			i = tokenEnd(data, i) - 1
		case '{', '[':
			depth++
		case '}', ']':
			depth--
			if depth == 0 {
				return i + 1
			}
		}
	}
	return len(data)
}
