package facts

import (
	"errors"
	"math"
	"math/big"
	"math/rand/v2"
	"runtime"
	"slices"
	"testing"
)

// bruteWins is an independent oracle for Game.Wins.
func bruteWins(g Game, mask int) bool {
	for h, q := range g.Quotas {
		sum := 0
		for i, b := range g.Blocs {
			if mask&(1<<i) != 0 {
				sum += b.Weights[h]
			}
		}
		if sum < q {
			return false
		}
	}
	for i, b := range g.Blocs {
		if b.Veto && mask&(1<<i) == 0 {
			return false
		}
	}
	return true
}

// brutePower solves g by enumerating all 2^n coalitions.
func brutePower(g Game) Power {
	n := len(g.Blocs)
	p := Power{Swings: make([]float64, n), Banzhaf: make([]float64, n), Carries: make([]bool, n), Blocks: make([]bool, n)}
	for mask := range 1 << n {
		for i := range n {
			if mask&(1<<i) == 0 && !bruteWins(g, mask) && bruteWins(g, mask|1<<i) {
				p.Swings[i]++
			}
		}
	}
	total := 0.0
	for _, s := range p.Swings {
		total += s
	}
	for i := range n {
		if total > 0 {
			p.Banzhaf[i] = p.Swings[i] / total
		}
		p.Carries[i] = bruteWins(g, 1<<i)
		p.Blocks[i] = !bruteWins(g, (1<<n-1)&^(1<<i))
	}
	return p
}

func randomVotingGame(r *rand.Rand) Game {
	houses, n := 1+r.IntN(3), r.IntN(11)
	g := Game{Quotas: make([]int, houses)}
	totals := make([]int, houses)
	for i := range n {
		b := Bloc{Name: string(rune('a' + i)), Weights: make([]int, houses), Veto: r.IntN(6) == 0}
		for h := range b.Weights {
			b.Weights[h] = r.IntN(7)
			totals[h] += b.Weights[h]
		}
		g.Blocs = append(g.Blocs, b)
	}
	for h := range g.Quotas {
		g.Quotas[h] = r.IntN(totals[h] + 3) // sometimes 0, sometimes unreachable
	}
	return g
}

func TestSolvePowerMatchesBruteForce(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for k := range 3000 {
		g := randomVotingGame(r)
		got, err := g.Solve()
		if err != nil {
			t.Fatalf("game %d %+v: %v", k, g, err)
		}
		if want := brutePower(g); !equalPower(got, want) {
			t.Fatalf("game %d %+v:\n got %+v\nwant %+v", k, g, got, want)
		}
		for mask := range 1 << len(g.Blocs) {
			in := make([]bool, len(g.Blocs))
			for i := range in {
				in[i] = mask&(1<<i) != 0
			}
			if g.Wins(in) != bruteWins(g, mask) {
				t.Fatalf("game %d %+v: Wins(%v) = %v", k, g, in, g.Wins(in))
			}
		}
	}
}

func equalPower(a, b Power) bool {
	return slices.Equal(a.Swings, b.Swings) && slices.Equal(a.Banzhaf, b.Banzhaf) &&
		slices.Equal(a.Carries, b.Carries) && slices.Equal(a.Blocks, b.Blocks)
}

// oneHouseGame builds a one-house game from weights; vetoes lists the veto blocs.
func oneHouseGame(quota int, weights []int, vetoes ...int) Game {
	g := Game{Quotas: []int{quota}}
	for i, w := range weights {
		g.Blocs = append(g.Blocs, Bloc{Name: string(rune('A' + i)), Weights: []int{w}, Veto: slices.Contains(vetoes, i)})
	}
	return g
}

func solvePower(t *testing.T, g Game) Power {
	t.Helper()
	p, err := g.Solve()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestSolvePowerHandComputed(t *testing.T) {
	third, half, seventh := 1.0/3, 0.5, 1.0/7
	for _, tc := range []struct {
		name    string
		g       Game
		swings  []float64
		banzhaf []float64
		carries []bool
		blocks  []bool
	}{
		// Every pair wins (7, 6, 5 >= 5), no single bloc does: the game is
		// symmetric despite the weights, each bloc swinging the two pairs
		// {other} -> {other, it}.
		{"majority 4-3-2", oneHouseGame(Quota(9, "majority", nil), []int{4, 3, 2}),
			[]float64{2, 2, 2}, []float64{third, third, third}, []bool{false, false, false}, []bool{false, false, false}},
		// Two-thirds of 10 is 7: the class with 40% blocks alone, neither carries.
		{"two-thirds 4-6", oneHouseGame(Quota(10, "supermajority", threshold(2.0/3)), []int{4, 6}),
			[]float64{1, 1}, []float64{half, half}, []bool{false, false}, []bool{true, true}},
		// Seven blocs of 1, quota 4: each swings the C(6,3) = 20 sets of three others.
		{"seven of one", oneHouseGame(Quota(7, "majority", nil), []int{1, 1, 1, 1, 1, 1, 1}),
			[]float64{20, 20, 20, 20, 20, 20, 20}, slices.Repeat([]float64{seventh}, 7),
			make([]bool, 7), make([]bool, 7)},
		// House A: X holds all 5 seats; house B: Y 2, Z 3; majorities 3 and 3.
		// Winning: {X,Z} and {X,Y,Z}; Y is a dummy.
		{"two houses", Game{Quotas: []int{Quota(5, "", nil), Quota(5, "", nil)}, Blocs: []Bloc{
			{Name: "X", Weights: []int{5, 0}}, {Name: "Y", Weights: []int{0, 2}}, {Name: "Z", Weights: []int{0, 3}}}},
			[]float64{2, 0, 2}, []float64{half, 0, half}, []bool{false, false, false}, []bool{true, false, true}},
		// Unanimity: only the grand coalition wins; each bloc swings it once.
		{"unanimity", oneHouseGame(Quota(10, "consensus", nil), []int{2, 3, 5}),
			[]float64{1, 1, 1}, []float64{third, third, third}, []bool{false, false, false}, []bool{true, true, true}},
		// A veto bloc V with no votes, majority 3 of 5: winning {A,V}, {A,B,V}.
		{"zero-weight veto", oneHouseGame(Quota(5, "majority", nil), []int{3, 2, 0}, 2),
			[]float64{2, 0, 2}, []float64{half, 0, half}, []bool{false, false, false}, []bool{true, false, true}},
		// Blocs with no votes and no veto have no power; A swings all 4 sets of the others.
		{"zero-weight bloc", oneHouseGame(2, []int{2, 0, 0}),
			[]float64{4, 0, 0}, []float64{1, 0, 0}, []bool{true, false, false}, []bool{true, false, false}},
		// No winning coalition at all: nobody has power.
		{"unreachable", oneHouseGame(9, []int{3, 2}),
			[]float64{0, 0}, []float64{0, 0}, []bool{false, false}, []bool{true, true}},
		{"empty", Game{}, []float64{}, []float64{}, []bool{}, []bool{}},
	} {
		p := solvePower(t, tc.g)
		want := Power{tc.swings, tc.banzhaf, tc.carries, tc.blocks}
		if !equalPower(p, want) {
			t.Errorf("%s:\n got %+v\nwant %+v", tc.name, p, want)
		}
	}
}

func threshold(v float64) *float64 { return &v }

func TestWinsFounders(t *testing.T) {
	g := oneHouseGame(Quota(7, "majority", nil), []int{1, 1, 1, 1, 1, 1, 1})
	if g.Quotas[0] != 4 {
		t.Fatalf("quota = %d, want 4", g.Quotas[0])
	}
	if !g.Wins([]bool{true, true, true, true, true}) { // the five founders; missing entries are false
		t.Error("the five founders should win")
	}
	if g.Wins([]bool{true, true, true}) || g.Wins(nil) {
		t.Error("three of seven should lose")
	}
	if p := solvePower(t, g); slices.Contains(p.Carries, true) {
		t.Errorf("no bloc should carry alone: %v", p.Carries)
	}
}

func TestQuota(t *testing.T) {
	for _, tc := range []struct {
		total     int
		method    string
		threshold *float64
		want      int
	}{
		{9, "majority", nil, 5}, {10, "", nil, 6}, {1, "majority", nil, 1}, {0, "majority", nil, 0}, {0, "unanimity", nil, 0},
		{10, "supermajority", threshold(2.0 / 3), 7}, {9, "supermajority", threshold(2.0 / 3), 6}, {3, "supermajority", threshold(2.0 / 3), 2},
		{100, "supermajority", threshold(0.6), 60}, {100, "supermajority", threshold(0.3), 51}, {10, "supermajority", nil, 6},
		{10, "supermajority", threshold(1.0), 10}, {10, "supermajority", threshold(1.5), 10}, {20, "supermajority", threshold(0.75), 15},
		{7, "unanimity", nil, 7}, {7, "consensus", nil, 7}, {7, "rough-consensus", nil, 7}, {7, "non-objection", nil, 7},
	} {
		if got := Quota(tc.total, tc.method, tc.threshold); got != tc.want {
			t.Errorf("Quota(%d, %q, %v) = %d, want %d", tc.total, tc.method, tc.threshold, got, tc.want)
		}
	}
}

func TestSolveTooLarge(t *testing.T) {
	g := Game{Quotas: []int{100000, 100000, 100000}, Blocs: []Bloc{{Name: "a", Weights: []int{1, 1, 1}}}}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := g.Solve()
	runtime.ReadMemStats(&after)
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("err = %v, want ErrTooLarge", err)
	}
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 1<<16 {
		t.Errorf("Solve allocated %d bytes before giving up", grew)
	}
	if _, err := (Game{Quotas: []int{math.MaxInt}}).Solve(); !errors.Is(err, ErrTooLarge) {
		t.Errorf("huge quota: err = %v, want ErrTooLarge", err)
	}
	for _, bad := range []Game{
		{Quotas: []int{-1}},
		{Quotas: []int{3}, Blocs: []Bloc{{Name: "a", Weights: []int{-2}}}},
		{Quotas: []int{3}, Blocs: []Bloc{{Name: "a", Weights: []int{1, 2}}}},
	} {
		if _, err := bad.Solve(); err == nil || errors.Is(err, ErrTooLarge) {
			t.Errorf("%+v: err = %v, want a validation error", bad, err)
		}
	}
}

// TestSolvePowerManyBlocs checks games beyond 2^53 coalitions against exact
// binomial counts: one bloc of 10 votes and 100 blocs of 1, at several quotas
// (near the top, where subtracting tables would cancel catastrophically).
func TestSolvePowerManyBlocs(t *testing.T) {
	binom := func(n, k int) float64 {
		if k < 0 || k > n {
			return 0
		}
		f, _ := new(big.Float).SetInt(new(big.Int).Binomial(int64(n), int64(k))).Float64()
		return f
	}
	near := func(got, want float64) bool { return math.Abs(got-want) <= 1e-12*want }
	for _, q := range []int{1, 11, 56, 74, 100, 105, 110} {
		weights := append([]int{10}, slices.Repeat([]int{1}, 100)...)
		p := solvePower(t, oneHouseGame(q, weights))
		heavy := 0.0
		for k := max(q-10, 0); k < q; k++ {
			heavy += binom(100, k)
		}
		small := binom(99, q-1) + binom(99, q-11)
		if !near(p.Swings[0], heavy) || !near(p.Swings[1], small) || !near(p.Swings[100], small) {
			t.Errorf("quota %d: swings %g, %g, want %g, %g", q, p.Swings[0], p.Swings[1], heavy, small)
		}
	}
	// 193 equal members: each has 1/193 of the power, whatever the rule.
	for _, q := range []int{97, 129, 193} {
		p := solvePower(t, oneHouseGame(q, slices.Repeat([]int{1}, 193)))
		if want := binom(192, q-1); !near(p.Swings[0], want) || !near(p.Swings[192], want) {
			t.Errorf("193 members, quota %d: swings %g, want %g", q, p.Swings[0], want)
		}
		if !near(p.Banzhaf[42], 1.0/193) {
			t.Errorf("193 members, quota %d: Banzhaf %g", q, p.Banzhaf[42])
		}
	}
}

func BenchmarkSolve(b *testing.B) {
	r := rand.New(rand.NewPCG(3, 4))
	weights := make([]int, 8)
	total := 0
	for i := range weights {
		weights[i] = 1 + r.IntN(50)
		total += weights[i]
	}
	for _, bc := range []struct {
		name string
		g    Game
	}{
		{"8blocs", oneHouseGame(Quota(total, "supermajority", threshold(2.0/3)), weights)},
		{"193blocs", oneHouseGame(Quota(193, "majority", nil), slices.Repeat([]int{1}, 193))},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := bc.g.Solve(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
