package analysis_test

import (
	"context"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/charterlint/charterlint/internal/corpus"
)

// TestStagesGrowNoFasterThanNLogN runs the whole pipeline on pathological
// charters of size n and 4n and checks how the time grows: at most about
// 4 log 4n / log n, with room for this machine's noise, never 16 (n²).
// It measures growth, not absolute time, so a slow machine passes.
func TestStagesGrowNoFasterThanNLogN(t *testing.T) {
	if testing.Short() {
		t.Skip("times the pipeline on large charters")
	}
	l := newLinter(t)
	l.Timeout = 0 // growth, not a deadline, is what this measures
	ctx := context.Background()
	cases := []struct {
		name string
		gen  func(n int) []byte
		n    int
	}{
		// Valid: every stage and every rule.
		{"many actors", corpus.ManyActors, 2000},
		// Invalid: the full schema validator explains, duplicates and all.
		{"long id list", repeated(`"participants": [`, `"a%d"`), 20000},
		{"long list of objectives", repeated(`"objectives": [`, `"stability-%d"`), 5000},
		{"many seat groups", repeated(`"seats": [`, `{"id": "s%d", "actor": "a", "vote": "full"}`), 5000},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			small, large := c.gen(c.n), c.gen(4*c.n)
			measure := func(data []byte) time.Duration {
				best := time.Duration(math.MaxInt64)
				for range 3 {
					start := time.Now()
					if a := l.Check(ctx, "x.charter.json", data); a.Err != nil {
						t.Fatal(a.Err)
					}
					best = min(best, time.Since(start))
				}
				return best
			}
			ts, tl := measure(small), measure(large)
			ratio := float64(tl) / float64(ts)
			t.Logf("n=%d: %v, 4n: %v, ratio %.1f", c.n, ts, tl, ratio)
			if ratio > 10 {
				t.Errorf("4x the size took %.1fx the time (%v against %v): worse than n log n", ratio, tl, ts)
			}
		})
	}
}

// repeated makes a charter whose list opened by open holds n distinct
// items, made from item with its %d, and then the first again: for a list
// that must be unique, the worst case of comparing every pair.
func repeated(open, item string) func(n int) []byte {
	return func(n int) []byte {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, item+", ", i)
		}
		fmt.Fprintf(&b, item, 0)
		items := b.String()
		body := `{"id": "b", "name": "B", "role": "decision"}`
		doc := `{"format": "charterlint/v1", "id": "x", "name": "X", "modality": "multistakeholder",
  "actors": [{"id": "a", "name": "A", "class": "government"}],
  "bodies": [%s],
  "functions": [{"id": "f", "name": "F", "category": "standards-setting", "modality": "multistakeholder"}]}`
		switch {
		case strings.Contains(open, "objectives"):
			return []byte(strings.Replace(fmt.Sprintf(doc, body), `"actors"`, open+items+`], "actors"`, 1))
		default:
			return []byte(fmt.Sprintf(doc, strings.TrimSuffix(body, "}")+", "+open+items+"]}"))
		}
	}
}
