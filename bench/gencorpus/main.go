// Command gencorpus writes generated charters to a directory, for the
// repository-scale benchmarks: go run ./bench/gencorpus -n 10000 DIR.
package main

import (
	"flag"
	"fmt"
	"os"

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
	if err := corpus.WriteDir(flag.Arg(0), *seed, *n); err != nil {
		fmt.Fprintf(os.Stderr, "gencorpus: %v\n", err)
		os.Exit(1)
	}
}
