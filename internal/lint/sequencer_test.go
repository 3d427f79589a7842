package lint

import (
	"math/rand/v2"
	"strconv"
	"sync"
	"testing"
	"time"
)

// Results finished in any order, by any number of workers, are emitted
// once each, in index order, and never two at a time.
func TestSequencerEmitsInOrder(t *testing.T) {
	const n = 500
	for _, workers := range []int{2, 3, 8} {
		var got []string
		var busy sync.Mutex
		seq := sequencer{results: make([]Result, n), ready: make([]bool, n), emit: func(r Result) {
			if !busy.TryLock() {
				t.Error("emit called concurrently")
				return
			}
			defer busy.Unlock()
			got = append(got, r.Path)
		}}
		// Each worker finishes a shuffled share of the indexes, with
		// pauses, so results arrive out of order and drains overlap.
		order := rand.Perm(n)
		var wg sync.WaitGroup
		for w := range workers {
			wg.Go(func() {
				for k := w; k < n; k += workers {
					if order[k]%7 == 0 {
						time.Sleep(time.Duration(order[k]%3) * time.Microsecond)
					}
					seq.done(order[k], Result{Path: strconv.Itoa(order[k])})
				}
			})
		}
		wg.Wait()
		if len(got) != n {
			t.Fatalf("%d workers: emitted %d results, want %d", workers, len(got), n)
		}
		for i, p := range got {
			if p != strconv.Itoa(i) {
				t.Fatalf("%d workers: result %d emitted as %s", workers, i, p)
			}
		}
		for i, r := range seq.results {
			if r.Path != "" {
				t.Fatalf("%d workers: result %d still held after it was emitted", workers, i)
			}
		}
	}
}
