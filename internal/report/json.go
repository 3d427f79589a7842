package report

import (
	"encoding/json"
	"io"

	"github.com/charterlint/charterlint/internal/finding"
)

// jsonReporter writes one JSON document at Close:
// {"files":[{"file":...,"findings":[...]}],"summary":{...}}.
type jsonReporter struct {
	w     io.Writer
	files []jsonFile
}

type jsonFile struct {
	File     string            `json:"file"`
	Findings []finding.Finding `json:"findings"`
}

func (r *jsonReporter) File(f File) error {
	fs := f.Findings
	if fs == nil {
		fs = []finding.Finding{}
	}
	r.files = append(r.files, jsonFile{File: f.Path, Findings: fs})
	return nil
}

func (r *jsonReporter) Close(s Summary) error {
	files := r.files
	if files == nil {
		files = []jsonFile{}
	}
	enc := json.NewEncoder(r.w)
	enc.SetIndent("", "  ")
	return enc.Encode(struct {
		Files   []jsonFile `json:"files"`
		Summary Summary    `json:"summary"`
	}{files, s})
}
