// Command naive is the reference point of bench/: the minimal embedded-OPA
// program issue 5 measures charterlint against. It decodes each charter
// with encoding/json and evaluates 24 straightforward rules (rules.rego)
// over it, with none of charterlint's schema, references, facts,
// positions or parallelism. It finds files as charterlint does. bench/single-file.sh and bench/repository.sh
// run it beside charterlint, in turns, so that the machine's drift in
// speed hits both alike.
//
//	go run ./bench/naive FILE|DIR...
package main

import (
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"os"

	"github.com/charterlint/charterlint/internal/discover"
	"github.com/open-policy-agent/opa/v1/rego"
)

//go:embed rules.rego
var rules string

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintf(os.Stderr, "naive: %v\n", err)
		os.Exit(2)
	}
}

func run(paths []string) error {
	ctx := context.Background()
	query, err := rego.New(rego.Query("data.naive.deny"), rego.Module("rules.rego", rules)).PrepareForEval(ctx)
	if err != nil {
		return err
	}
	findings := 0
	lint := func(path string) error {
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		var doc any
		if err := json.Unmarshal(data, &doc); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		rs, err := query.Eval(ctx, rego.EvalInput(doc))
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		for _, r := range rs {
			for _, e := range r.Expressions {
				if msgs, ok := e.Value.([]any); ok {
					findings += len(msgs)
				}
			}
		}
		return nil
	}
	sources, problems := discover.Sources(paths)
	if len(problems) > 0 {
		return problems[0]
	}
	for _, src := range sources {
		if err := lint(src.Path); err != nil {
			return err
		}
	}
	fmt.Printf("%d findings\n", findings)
	return nil
}
