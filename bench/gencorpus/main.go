// Command gencorpus writes generated charters to a directory, for the
// repository-scale benchmarks: go run ./bench/gencorpus -n 10000 DIR.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/charterlint/charterlint/internal/corpus"
)

func main() {
	n := flag.Int("n", 10000, "number of charters")
	seed := flag.Int64("seed", 1, "corpus seed")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: gencorpus [-n N] [-seed S] DIR")
		os.Exit(2)
	}
	if err := write(flag.Arg(0), *seed, *n); err != nil {
		fmt.Fprintf(os.Stderr, "gencorpus: %v\n", err)
		os.Exit(1)
	}
}

// write puts charters 0..n-1 into dir, 1,000 to a subdirectory.
func write(dir string, seed int64, n int) error {
	for i := range n {
		sub := filepath.Join(dir, fmt.Sprintf("%03d", i/1000))
		if i%1000 == 0 {
			if err := os.MkdirAll(sub, 0o755); err != nil {
				return err
			}
		}
		name := filepath.Join(sub, fmt.Sprintf("c%05d.charter.json", i))
		if err := os.WriteFile(name, corpus.Generate(seed, i, corpus.Typical()), 0o644); err != nil {
			return fmt.Errorf("write %s: %w", name, err)
		}
	}
	return nil
}
