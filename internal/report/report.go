// Package report renders lint results. Every output format implements
// Reporter; New picks one by name and rejects names it does not know.
package report

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/charterlint/charterlint/internal/finding"
)

// File is the outcome of linting one charter file, as reporters see it.
type File struct {
	Path     string
	Findings []finding.Finding
}

// Summary counts what a run found.
type Summary struct {
	Files             int `json:"files"`
	FilesWithFindings int `json:"filesWithFindings"`
	Errors            int `json:"errors"`
	Warnings          int `json:"warnings"`
	Infos             int `json:"infos"`
}

// Add counts one file's findings.
func (s *Summary) Add(f File) {
	s.Files++
	if len(f.Findings) > 0 {
		s.FilesWithFindings++
	}
	for _, x := range f.Findings {
		switch x.Severity {
		case finding.Error:
			s.Errors++
		case finding.Warning:
			s.Warnings++
		default:
			s.Infos++
		}
	}
}

// Reporter renders results. File is called once per linted file, in input
// order; Close is called once at the end with the run's summary.
type Reporter interface {
	File(f File) error
	Close(s Summary) error
}

// Formats lists the output formats New accepts.
func Formats() []string { return []string{"text", "json"} }

// New returns the reporter for format writing to w.
func New(format string, w io.Writer) (Reporter, error) {
	switch format {
	case "text":
		return &textReporter{w: w}, nil
	case "json":
		return &jsonReporter{w: w}, nil
	}
	return nil, fmt.Errorf("unknown output format %q (want one of %s)", format, strings.Join(Formats(), ", "))
}

// ValidFormat reports whether New accepts format.
func ValidFormat(format string) bool { return slices.Contains(Formats(), format) }

func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}
