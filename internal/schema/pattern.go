package schema

import (
	"regexp"
	"regexp/syntax"
)

// stringMatcher is a compiled "pattern" keyword.
type stringMatcher interface {
	MatchString(s string) bool
}

// compilePattern compiles a schema pattern. Patterns of the shape ids and
// codes use, an anchored run of ASCII character classes of which only the
// last may vary in length (^[a-z0-9][a-z0-9._-]{0,63}$, ^[A-Z]{3}$), are
// matched by a byte loop: every id and reference of a charter is checked,
// and the regexp engine spent a third of the fast path on them. Any other
// pattern uses package regexp.
func compilePattern(p string) (stringMatcher, error) {
	re, err := regexp.Compile(p)
	if err != nil {
		return nil, err
	}
	if m, ok := compileClassRun(p); ok {
		return m, nil
	}
	return re, nil
}

// classRun matches a whole string against a sequence of ASCII classes,
// each repeated a fixed number of times except the last, which may repeat
// between min and max times (max < 0: no limit).
type classRun struct {
	items []classItem
}

type classItem struct {
	set      [2]uint64 // bit c set: ASCII byte c is in the class
	min, max int
}

func (it *classItem) has(c byte) bool {
	return c < 128 && it.set[c>>6]&(1<<(c&63)) != 0
}

func (r *classRun) MatchString(s string) bool {
	i := 0
	for k := range r.items {
		it := &r.items[k]
		n := it.min
		if k == len(r.items)-1 {
			n = len(s) - i // the last item takes the rest
			if n < it.min || (it.max >= 0 && n > it.max) {
				return false
			}
		}
		if len(s)-i < n {
			return false
		}
		for ; n > 0; n-- {
			if !it.has(s[i]) {
				return false
			}
			i++
		}
	}
	return i == len(s)
}

// compileClassRun recognises the patterns classRun can match, from the
// regexp parser's own reading of them.
func compileClassRun(p string) (*classRun, bool) {
	re, err := syntax.Parse(p, syntax.Perl)
	if err != nil || re.Op != syntax.OpConcat || len(re.Sub) < 3 {
		return nil, false
	}
	subs := re.Sub
	if subs[0].Op != syntax.OpBeginText || subs[len(subs)-1].Op != syntax.OpEndText {
		return nil, false
	}
	var run classRun
	for _, sub := range subs[1 : len(subs)-1] {
		lo, hi := 1, 1
		switch sub.Op {
		case syntax.OpRepeat:
			lo, hi = sub.Min, sub.Max
			sub = sub.Sub[0]
		case syntax.OpStar:
			lo, hi = 0, -1
			sub = sub.Sub[0]
		case syntax.OpPlus:
			lo, hi = 1, -1
			sub = sub.Sub[0]
		case syntax.OpQuest:
			lo, hi = 0, 1
			sub = sub.Sub[0]
		}
		items, ok := classItems(sub)
		if !ok || (len(items) > 1 && (lo != 1 || hi != 1)) {
			return nil, false
		}
		for _, it := range items {
			if n := len(run.items); n > 0 && run.items[n-1].min != run.items[n-1].max {
				return nil, false // only the last item may vary in length
			}
			if lo != 1 || hi != 1 {
				it.min, it.max = lo, hi
			}
			run.items = append(run.items, it)
		}
	}
	return &run, len(run.items) > 0
}

// classItems reads a character class, or a literal as one single-byte
// class per character; false for anything else or anything not ASCII.
func classItems(re *syntax.Regexp) ([]classItem, bool) {
	if re.Flags&syntax.FoldCase != 0 {
		return nil, false
	}
	switch re.Op {
	case syntax.OpCharClass:
		var it classItem
		for i := 0; i+1 < len(re.Rune); i += 2 {
			lo, hi := re.Rune[i], re.Rune[i+1]
			if lo < 0 || hi > 127 {
				return nil, false
			}
			for c := lo; c <= hi; c++ {
				it.set[c>>6] |= 1 << (c & 63)
			}
		}
		it.min, it.max = 1, 1
		return []classItem{it}, true
	case syntax.OpLiteral:
		items := make([]classItem, 0, len(re.Rune))
		for _, c := range re.Rune {
			if c < 0 || c > 127 {
				return nil, false
			}
			var it classItem
			it.set[c>>6] |= 1 << (c & 63)
			it.min, it.max = 1, 1
			items = append(items, it)
		}
		return items, true
	}
	return nil, false
}
