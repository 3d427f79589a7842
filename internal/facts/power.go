package facts

import (
	"errors"
	"fmt"
	"math"
	"slices"
)

// ErrTooLarge is returned by Game.Solve when the game is too big to solve
// exactly: its table of coalition weights would need more than maxCells entries.
var ErrTooLarge = errors.New("facts: voting game too large to solve exactly")

// maxCells bounds the coalition table: the product over houses of quota+1.
const maxCells = 1 << 20

// Bloc is a set of votes cast together: an actor class, or one named organisation.
type Bloc struct {
	Name    string
	Weights []int // votes in each house, indexed like Game.Quotas; 0 in a house the bloc is absent from
	Veto    bool  // the bloc must be in every winning coalition (it holds a veto, or each of its members does)
}

// Game is a weighted voting game with one or more houses (chambers). A
// coalition of blocs wins when it contains every Veto bloc and, in every house
// h, its Weights[h] sum to at least Quotas[h] (a quota of 0 imposes nothing).
type Game struct {
	Quotas []int
	Blocs  []Bloc
}

// Power is the solution of a game: the normalised Banzhaf index (Penrose 1946;
// Banzhaf 1965) of each bloc, and whether it can carry or block a decision
// alone, with one entry per bloc in the order of Game.Blocs.
type Power struct {
	Swings  []float64 // raw Banzhaf swing counts: losing coalitions the bloc turns into winning ones by joining
	Banzhaf []float64 // normalised Banzhaf index: swings / sum of swings (all 0 when nobody has a swing)
	Carries []bool    // the bloc alone is a winning coalition
	Blocks  []bool    // all the other blocs together lose
}

// Quota returns how many of total votes a decision by method needs: more than
// half for "majority", "" or an unknown method; for "supermajority", the share
// threshold rounded up, but at least a majority and at most total (nil means a
// majority); every vote for "unanimity", "consensus", "rough-consensus" and
// "non-objection". The quota of 0 votes is 0.
func Quota(total int, method string, threshold *float64) int {
	if total <= 0 {
		return 0
	}
	majority := total/2 + 1
	switch method {
	case "unanimity", "consensus", "rough-consensus", "non-objection":
		return total
	case "supermajority":
		if threshold != nil && *threshold < 1 { // the 1e-9 absorbs float error in threshold*total
			return max(int(math.Ceil(*threshold*float64(total)-1e-9)), majority)
		}
		if threshold != nil {
			return total // a threshold of 1 or more
		}
	}
	return majority
}

// Wins reports whether the coalition of the blocs marked true in in (indexed
// like g.Blocs; missing entries count as false) wins the game.
func (g Game) Wins(in []bool) bool {
	sums := make([]int, len(g.Quotas))
	for i, b := range g.Blocs {
		member := i < len(in) && in[i]
		if b.Veto && !member {
			return false
		}
		for h := 0; member && h < min(len(sums), len(b.Weights)); h++ {
			sums[h] += b.Weights[h]
		}
	}
	for h, q := range g.Quotas {
		if sums[h] < q {
			return false
		}
	}
	return true
}

// Alone reports, per bloc, whether it wins on its own (carries) and whether
// all the other blocs together lose without it (blocks).
func (g Game) Alone() (carries, blocks []bool) {
	n := len(g.Blocs)
	carries, blocks = make([]bool, n), make([]bool, n)
	alone, others := make([]bool, n), make([]bool, n)
	for i := range g.Blocs {
		for j := range alone {
			alone[j], others[j] = j == i, j != i
		}
		carries[i], blocks[i] = g.Wins(alone), !g.Wins(others)
	}
	return carries, blocks
}

// Solve computes the exact voting power of every bloc in g. It returns
// ErrTooLarge when the coalition table would be too big, and an error for
// negative weights or quotas, or weights not matching the houses.
//
// Every winning coalition holds all the vetoes, so a non-veto bloc i swings
// each coalition S of the other non-veto blocs such that vetoes+S loses and
// vetoes+S+i wins, and a veto bloc each S such that vetoes+S wins. These are
// counted by dynamic programming over a dense table indexed by weights capped
// at the quotas, in mixed radix; the table without bloc i comes by divide and
// conquer (leaveOut), in O(n log n * R) time for R cells. Unlike the inverse
// (subtract) step, this is exact with capped cells and only adds non-negative
// float64 counts: exact below 2^53 (always, with up to 53 non-veto blocs),
// and beyond, a small relative error but no cancellation.
func (g Game) Solve() (Power, error) {
	n, houses := len(g.Blocs), len(g.Quotas)
	negative := func(x int) bool { return x < 0 }
	if slices.ContainsFunc(g.Quotas, negative) {
		return Power{}, fmt.Errorf("facts: negative quota in %v", g.Quotas)
	}
	t := powerTable{q: g.Quotas, stride: make([]int, houses), c: make([]int, houses)}
	size := 1
	for h, q := range g.Quotas {
		if q >= maxCells || size*(q+1) > maxCells {
			return Power{}, ErrTooLarge
		}
		t.stride[h], size = size, size*(q+1)
	}
	w := make([][]int, n) // weights capped at the quotas
	vetoes := make([]int, houses)
	var free []int // the non-veto blocs
	for i, b := range g.Blocs {
		if len(b.Weights) != houses || slices.ContainsFunc(b.Weights, negative) {
			return Power{}, fmt.Errorf("facts: bloc %q has weights %v, want %d non-negative ones", b.Name, b.Weights, houses)
		}
		w[i] = make([]int, houses)
		for h, x := range b.Weights {
			w[i][h] = min(x, g.Quotas[h])
			if b.Veto {
				vetoes[h] = min(vetoes[h]+w[i][h], g.Quotas[h])
			}
		}
		if !b.Veto {
			free = append(free, i)
		}
	}
	cells, at := make([]float64, size), 0
	for h, x := range vetoes {
		at += x * t.stride[h]
	}
	cells[at] = 1 // the vetoes alone, with no non-veto bloc
	p := Power{Swings: make([]float64, n), Banzhaf: make([]float64, n)}
	p.Carries, p.Blocks = g.Alone()
	winning := cells[size-1] // coalitions of non-veto blocs that win with the vetoes
	if len(free) > 0 {
		winning = t.leaveOut(cells, free, w, p.Swings)
	}
	total := 0.0
	for i, b := range g.Blocs {
		if b.Veto {
			p.Swings[i] = winning
		}
		total += p.Swings[i]
	}
	for i := range p.Banzhaf {
		if total > 0 {
			p.Banzhaf[i] = p.Swings[i] / total
		}
	}
	return p, nil
}

// powerTable is the shape of a dense table of coalition counts: cell
// sum(c[h]*stride[h]) counts the coalitions of weights c, capped at the quotas
// q. The last cell, every house at its quota, counts the winning ones.
type powerTable struct{ q, stride, c []int } // c: scratch coordinates for walk

// leaveOut sets swings[i] for every bloc i of blocs, given cells counting the
// coalitions of the vetoes and of the non-veto blocs outside blocs: it adds
// one half of blocs to a copy of cells and recurses into the other half, then
// the other way round, reusing cells. It returns the number of coalitions of
// all the non-veto blocs that win with the vetoes.
func (t *powerTable) leaveOut(cells []float64, blocs []int, w [][]int, swings []float64) float64 {
	if len(blocs) == 1 {
		i := blocs[0]
		swings[i] = t.walk(cells, w[i], false)
		return swings[i] + 2*cells[len(cells)-1] // winning without i, with or without i
	}
	left, right := blocs[:len(blocs)/2], blocs[len(blocs)/2:]
	other := slices.Clone(cells) // no dearer than the walks over it
	for _, i := range right {
		t.walk(other, w[i], true)
	}
	t.leaveOut(other, left, w, swings)
	for _, i := range left {
		t.walk(cells, w[i], true)
	}
	return t.leaveOut(cells, right, w, swings)
}

// walk visits the cells from the top down. With add, it adds a bloc of capped
// weights w to the coalitions counted, in place as in a 0/1 knapsack (cell c
// adds to cap(c+w): c itself or a cell already visited). Without add, it
// returns how many losing coalitions (all but the top cell) w makes win.
func (t *powerTable) walk(cells []float64, w []int, add bool) (swings float64) {
	c := append(t.c[:0], t.q...)
	top := len(cells) - 1
	for i := top; i >= 0; i-- {
		j := 0
		for h, x := range c {
			j += min(x+w[h], t.q[h]) * t.stride[h]
		}
		if add {
			cells[j] += cells[i]
		} else if j == top && i != top {
			swings += cells[i]
		}
		for h := range c { // step the coordinates down to cell i-1
			if c[h] > 0 {
				c[h]--
				break
			}
			c[h] = t.q[h]
		}
	}
	return swings
}
