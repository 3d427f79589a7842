package main

import (
	"fmt"
	"io"

	"github.com/charterlint/charterlint/schemas"
)

const schemaExamples = `  # Save the schema beside your charters, for an editor
  # ("$schema": "./charter-v1.schema.json" in each charter):
  charterlint schema --output charter-v1.schema.json

  # The same on standard output:
  charterlint schema > charter-v1.schema.json
`

func runSchema(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("schema", "schema [flags]", schemaExamples, stdout)
	output := fs.StringP("output", "o", "", "write the schema to this file (replaced whole, only once it is complete) instead of standard output")
	if code, done := parseFlags(fs, args, stdout, stderr); done {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "charterlint schema: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	dest, err := openOutput(*output, stdout)
	if err != nil {
		fmt.Fprintf(stderr, "charterlint schema: --output: %v\n", err)
		return exitUsage
	}
	defer dest.abort()
	_, err = io.WriteString(dest, schemas.CharterV1())
	if err == nil {
		err = dest.commit()
	}
	if err != nil {
		fmt.Fprintf(stderr, "charterlint schema: write schema: %v\n", err)
		return exitUsage
	}
	return exitOK
}
