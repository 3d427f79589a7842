package report

import (
	"encoding/json"
	"io"

	"github.com/charterlint/charterlint/internal/analysis"
	"github.com/charterlint/charterlint/internal/classify"
	"github.com/charterlint/charterlint/internal/finding"
)

// jsonReporter writes one JSON document at Finish: for findings
// {"files":[{"file":...,"findings":[...]}],"summary":{...}}, for
// classifications a list of them.
type jsonReporter struct {
	w       io.Writer
	view    View
	run     *Run
	files   []jsonFile
	classes classifications
}

type jsonFile struct {
	File     string            `json:"file"`
	Findings []finding.Finding `json:"findings"`
	// Suppressed are findings accepted in the configuration, with the
	// reason; left out when there is none.
	Suppressed []finding.Suppressed `json:"suppressed,omitempty"`
}

func (r *jsonReporter) Start(run *Run) error { r.run = run; return nil }

func (r *jsonReporter) File(a *analysis.Analysis) error {
	if r.view == ViewClassification {
		r.classes.add(a)
		return nil
	}
	fs := a.Findings
	if fs == nil {
		fs = []finding.Finding{}
	}
	r.files = append(r.files, jsonFile{File: a.Path, Findings: fs, Suppressed: a.Suppressed})
	return nil
}

func (r *jsonReporter) Finish(s Summary) error {
	enc := json.NewEncoder(r.w)
	enc.SetIndent("", "  ")
	if r.view == ViewClassification {
		cs := []classify.Classification(r.classes)
		if cs == nil {
			cs = []classify.Classification{}
		}
		return enc.Encode(cs)
	}
	files := r.files
	if files == nil {
		files = []jsonFile{}
	}
	return enc.Encode(struct {
		Files   []jsonFile `json:"files"`
		Summary Summary    `json:"summary"`
	}{files, s})
}
