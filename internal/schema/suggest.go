package schema

import (
	"strings"
	"unicode/utf8"
)

// Closest returns the candidate nearest to s by case-insensitive
// Levenshtein distance, if that distance is at most max(2, len(s)/3)
// characters. Ties go to the earlier candidate.
func Closest(s string, candidates []string) (string, bool) {
	in := []rune(strings.ToLower(s))
	limit := max(2, utf8.RuneCountInString(s)/3)
	best, bestDist := "", limit+1
	for _, c := range candidates {
		cand := []rune(strings.ToLower(c))
		if abs(len(cand)-len(in)) >= bestDist {
			continue // the distance is at least the difference in length
		}
		if d := levenshtein(in, cand); d < bestDist {
			best, bestDist = c, d
		}
	}
	return best, best != ""
}

// levenshtein returns the edit distance between a and b: the fewest
// single-character insertions, deletions and substitutions turning a into b.
func levenshtein(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
