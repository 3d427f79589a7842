// Package corpus generates charters for benchmarks and fuzz seeds: a
// deterministic, seeded stream of realistic charters in format v1 that pass
// the schema and the reference checks, and a few pathological documents
// for hardening (very many actors, very deep nesting).
//
// Generated charters vary the way real ones do: the class mix of the
// actors, the modality they claim (including multistakeholder charters in
// which only governments vote, consortia run by incumbents that admit
// newcomers by sponsorship, and open consensus bodies), objectives and
// principles, participation, transparency and accountability present or
// absent. So the policy rules fire on some charters and not on others.
package corpus

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"

	"github.com/charterlint/charterlint/internal/charter"
)

// Size says how big a generated charter is.
//
// Actors, Bodies and Functions are exact counts (each at least 1).
// SeatsPerBody (at least 1) is the number of seat groups on each body that
// has seats; the main decision body has one or two more, because it
// carries the charter's structure, an open body has participants and at
// most a chair, and a secretariat often has no seats. Advice is the number
// of advice relations when there are at least two bodies. Appeals is the
// number of appeal paths of a charter that has any; some charters have
// none.
type Size struct {
	Actors, Bodies, SeatsPerBody, Functions, Advice, Appeals int
}

// Typical is the typical charter of the benchmarks: 30 actors, 6 bodies,
// 12 functions, about 9 KB of pretty-printed JSON (9.2 KB on average).
func Typical() Size {
	return Size{Actors: 30, Bodies: 6, SeatsPerBody: 1, Functions: 12, Advice: 1, Appeals: 1}
}

// Schema limits on array lengths (schemas/charter-v1.json).
const (
	maxActors    = 10000
	maxBodies    = 1000
	maxSeats     = 1000
	maxFunctions = 1000
	maxAdvice    = 1000
)

// normalized clamps s to what a valid charter can hold.
func (s Size) normalized() Size {
	s.Actors = clamp(s.Actors, 1, maxActors)
	s.Bodies = clamp(s.Bodies, 1, maxBodies)
	s.SeatsPerBody = clamp(s.SeatsPerBody, 1, maxSeats-1)
	s.Functions = clamp(s.Functions, 1, maxFunctions)
	s.Advice = clamp(s.Advice, 0, maxAdvice)
	s.Appeals = max(s.Appeals, 0)
	return s
}

func clamp(v, lo, hi int) int { return min(max(v, lo), hi) }

// Generate returns charter number n of the corpus for seed, as JSON
// indented by two spaces. The charter is valid against the charter format
// v1 schema and all its references resolve. The same seed, n and size
// always give the same bytes.
func Generate(seed int64, n int, size Size) []byte {
	g := &gen{
		r:     rand.New(rand.NewPCG(uint64(seed), uint64(n))),
		size:  size.normalized(),
		ids:   make(map[string]bool),
		names: make(map[string]bool),
	}
	g.build()
	return marshal(&g.c)
}

// marshal renders a charter as indented JSON. The charter model holds no
// maps, so the key order is the struct field order and the output is
// deterministic.
func marshal(c *charter.Charter) []byte {
	out, err := json.MarshalIndent(c, "", "  ")
	if err != nil {
		// The model holds only strings, numbers, booleans, slices and
		// pointers to structs: marshalling cannot fail.
		panic("corpus: marshal charter: " + err.Error())
	}
	return append(out, '\n')
}

// WriteDir writes charters 0..n-1 of the corpus for seed into dir as
// files named *.charter.json, 1,000 to a subdirectory, for the
// repository-scale benchmarks.
func WriteDir(dir string, seed int64, n int) error {
	for i := range n {
		sub := filepath.Join(dir, fmt.Sprintf("%03d", i/1000))
		if i%1000 == 0 {
			if err := os.MkdirAll(sub, 0o755); err != nil {
				return fmt.Errorf("write corpus: %w", err)
			}
		}
		name := filepath.Join(sub, fmt.Sprintf("c%05d.charter.json", i))
		if err := os.WriteFile(name, Generate(seed, i, Typical()), 0o644); err != nil {
			return fmt.Errorf("write corpus: %w", err)
		}
	}
	return nil
}
