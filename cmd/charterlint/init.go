package main

import (
	_ "embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/charterlint/charterlint/internal/config"
)

// starter is the configuration file init writes: every key, most of them
// commented out, each with a word on what it does.
//
//go:embed starter.yaml
var starter []byte

func runInit(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("init", "init [flags]", `  # Start a configuration file in the current directory:
  charterlint init
`, stdout)
	force := fs.Bool("force", false, "replace an existing "+config.FileName)
	if code, done := parseFlags(fs, args, stdout, stderr); done {
		return code
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "charterlint init: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	if err := writeStarter(config.FileName, *force); err != nil {
		fmt.Fprintf(stderr, "charterlint init: %v\n", err)
		return exitUsage
	}
	fmt.Fprintf(stdout, "wrote %s: see docs/configuration.md for every key\n", config.FileName)
	return exitOK
}

// writeStarter writes the starter file at path, replacing one only when
// force is set.
func writeStarter(path string, force bool) error {
	flag := os.O_WRONLY | os.O_CREATE | os.O_EXCL
	if force {
		flag = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	}
	f, err := os.OpenFile(path, flag, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("%s already exists (--force replaces it)", path)
	}
	if err != nil {
		return err
	}
	if _, err := f.Write(starter); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	return f.Close()
}
