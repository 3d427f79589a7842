package main

import (
	"fmt"
	"io"

	"github.com/charterlint/charterlint/schemas"
)

func runSchema(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("schema", "schema", `  # Save the schema for an editor:
  charterlint schema > charter-v1.schema.json
`, stdout)
	if code, done := parseFlags(fs, args, stdout, stderr); done {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "charterlint schema: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	fmt.Fprint(stdout, schemas.CharterV1())
	return exitOK
}
