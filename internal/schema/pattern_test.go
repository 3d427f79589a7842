package schema

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

// The byte-loop matcher answers exactly as package regexp does, for the
// schema's own patterns and for other shapes it accepts, on edge cases and
// random strings.
func TestClassRunAgreesWithRegexp(t *testing.T) {
	patterns := []string{
		`^[a-z0-9][a-z0-9._-]{0,63}$`,
		`^[A-Z]{3}$`,
		`^ab[0-9]+$`,
		`^[a-c]?$`,
		`^x[a-f]*$`,
		`^[0-9]{2}-[0-9]{2,}$`,
	}
	edge := []string{"", "a", "A", "ab", "ab1", "ab12", "abc", "ABC", "ABCD", "AB", "x", "xaf", "xg",
		"a-b.c_d", "-ab", ".a", "é", "aé", "ab\n", "\nab", "ABC\n", "12-34", "12-3", "12-345",
		strings.Repeat("a", 64), strings.Repeat("a", 65), "a\x80", "\xffab"}
	r := rand.New(rand.NewPCG(7, 7))
	alphabet := []rune("abcfgxyzABCZ0129-._ é\n\x00")
	for _, p := range patterns {
		run, ok := compileClassRun(p)
		if !ok {
			t.Fatalf("%s: not compiled to a class run", p)
		}
		re := regexp.MustCompile(p)
		inputs := append([]string(nil), edge...)
		for range 3000 {
			var b strings.Builder
			for range r.IntN(8) {
				b.WriteRune(alphabet[r.IntN(len(alphabet))])
			}
			inputs = append(inputs, b.String())
		}
		for _, s := range inputs {
			if got, want := run.MatchString(s), re.MatchString(s); got != want {
				t.Errorf("%s on %q: class run says %v, regexp %v", p, s, got, want)
			}
		}
	}
}

// Patterns outside the shape fall back to package regexp.
func TestCompilePatternFallsBack(t *testing.T) {
	for _, p := range []string{
		`^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$`, // alternation
		`[a-z]+`,        // not anchored
		`^[a-z]*[0-9]$`, // a varying item before the last
		`^(?i)[a-z]$`,   // case folding
		`^[a-zé]$`,      // not ASCII
		`^.{3}$`,        // any character
	} {
		m, err := compilePattern(p)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := m.(*regexp.Regexp); !ok {
			t.Errorf("%s: got %T, want *regexp.Regexp", p, m)
		}
	}
	if _, err := compilePattern(`^[a-`); err == nil {
		t.Error("a broken pattern compiled")
	}
}
