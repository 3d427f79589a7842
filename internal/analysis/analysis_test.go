package analysis_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/charterlint/charterlint/internal/analysis"
	"github.com/charterlint/charterlint/internal/corpus"
	"github.com/charterlint/charterlint/internal/decode"
	"github.com/charterlint/charterlint/internal/discover"
	"github.com/charterlint/charterlint/internal/finding"
	"github.com/charterlint/charterlint/internal/policy"
	"github.com/charterlint/charterlint/policies"
)

func newLinter(t testing.TB) *analysis.Analyzer {
	t.Helper()
	l, err := analysis.New(context.Background(), analysis.Options{Limits: decode.DefaultLimits(), Rules: &policy.Options{Pack: policies.FS()}})
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// A charter with thousands of actors lints, and its findings are capped
// per file with a last finding that counts the rest.
func TestManyActorsAndFindingsCap(t *testing.T) {
	l := newLinter(t)
	l.MaxFindings = 50
	path := filepath.Join(t.TempDir(), "many.charter.json")
	if err := os.WriteFile(path, corpus.ManyActors(5000), 0o644); err != nil {
		t.Fatal(err)
	}
	r := l.File(context.Background(), path)
	if r.Err != nil {
		t.Fatal(r.Err)
	}
	if len(r.Findings) != 51 {
		t.Fatalf("got %d findings, want 50 and the count of the rest", len(r.Findings))
	}
	last := r.Findings[50]
	if last.Rule != "limit" || !strings.Contains(last.Message, "more findings in this file not shown (0 errors, 89 warnings, 912 info; at most 50 are reported per file)") {
		t.Errorf("last finding = %s", last)
	}
}

// Nesting at the limit passes the decoder; one level deeper is a parse
// finding at the bracket that goes too deep.
func TestDepthLimit(t *testing.T) {
	l := newLinter(t)
	for depth, wantParse := range map[int]bool{64: false, 65: true} {
		a := l.Check(context.Background(), "deep.charter.json", corpus.DeepNesting(depth))
		if a.Err != nil {
			t.Fatal(a.Err)
		}
		fs := a.Findings
		gotParse := len(fs) == 1 && fs[0].Rule == "parse" && strings.Contains(fs[0].Message, "nesting deeper than 64 levels")
		if gotParse != wantParse {
			t.Errorf("depth %d: findings %v, want a depth parse error: %v", depth, fs, wantParse)
		}
	}
}

// Results come back in input order whatever the number of workers.
func TestRunOrderIndependentOfJobs(t *testing.T) {
	l := newLinter(t)
	dir := t.TempDir()
	var sources []discover.Source
	for i := range 40 {
		p := filepath.Join(dir, fmt.Sprintf("c%02d.charter.json", i))
		if err := os.WriteFile(p, corpus.Generate(7, i, corpus.Typical()), 0o644); err != nil {
			t.Fatal(err)
		}
		sources = append(sources, discover.Source{Path: p})
	}
	render := func(jobs int) string {
		var b strings.Builder
		l.Run(context.Background(), sources, jobs, func(r *analysis.Analysis) {
			fmt.Fprintf(&b, "%s %v\n", r.Path, r.Err)
			for _, f := range r.Findings {
				fmt.Fprintln(&b, f)
			}
		})
		return b.String()
	}
	one := render(1)
	if !strings.Contains(one, "CL-") {
		t.Fatal("generated charters produced no policy findings")
	}
	for _, jobs := range []int{2, 8} {
		if got := render(jobs); got != one {
			t.Errorf("-j %d output differs from -j 1", jobs)
		}
	}
}

// A panic in a stage (here the schema stage of a linter built without a
// validator) becomes an error naming the file, and the run goes on.
func TestPanicBecomesInternalError(t *testing.T) {
	l := newLinter(t)
	l.Validator = nil
	dir := t.TempDir()
	broken := filepath.Join(dir, "a-broken.charter.json")
	valid := filepath.Join(dir, "b-valid.charter.json")
	if err := os.WriteFile(broken, []byte(`{"id": "x",}`), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(valid, corpus.Generate(3, 0, corpus.Typical()), 0o644); err != nil {
		t.Fatal(err)
	}
	var results []*analysis.Analysis
	for _, jobs := range []int{1, 2} {
		results = results[:0]
		l.Run(context.Background(), []discover.Source{{Path: broken}, {Path: valid}}, jobs, func(r *analysis.Analysis) {
			results = append(results, r)
		})
		if len(results) != 2 {
			t.Fatalf("-j %d: %d results, want 2", jobs, len(results))
		}
		if r := results[0]; r.Err != nil || len(r.Findings) != 1 || r.Findings[0].Stage != finding.StageParse {
			t.Errorf("-j %d: the file that fails to parse gave %+v", jobs, r)
		}
		var ie *analysis.InternalError
		if r := results[1]; !errors.As(r.Err, &ie) || ie.Path != valid || !strings.Contains(r.Err.Error(), valid+": internal error: ") {
			t.Errorf("-j %d: the file that reached the missing stage gave %+v, want an internal error naming it", jobs, r)
		}
	}
}

// Without rules the pipeline still derives facts and classifies: classify
// compiles no rule, and a broken user rule cannot stop it.
func TestNoRulesStillClassifies(t *testing.T) {
	l, err := analysis.New(context.Background(), analysis.Options{Limits: decode.DefaultLimits()})
	if err != nil {
		t.Fatal(err)
	}
	if l.Rules != nil {
		t.Fatal("an analyzer built without rule options compiled rules")
	}
	a := l.File(context.Background(), "../../fixtures/itu.charter.json")
	if a.Err != nil || !a.Checked() {
		t.Fatalf("itu fixture: err %v, checked %v", a.Err, a.Checked())
	}
	if len(a.Findings) != 0 {
		t.Errorf("findings without rules: %v", a.Findings)
	}
	if got := a.Classification.Variety.EffectiveModality; got != "intergovernmental" {
		t.Errorf("effective modality %q, want intergovernmental", got)
	}
	bad := l.Check(context.Background(), "bad.charter.json", []byte(`{"format": "charterlint/v1"}`))
	if bad.Checked() || bad.Classification != nil || len(bad.Findings) == 0 {
		t.Errorf("a charter failing the schema: checked %v, classification %v, findings %v", bad.Checked(), bad.Classification, bad.Findings)
	}
}

// The deadline covers the whole pipeline, not only the rules: a charter
// whose structural stages overrun it is stopped after the stage that did,
// which the error names.
func TestDeadlineCoversEveryStage(t *testing.T) {
	l := newLinter(t)
	l.Timeout = time.Nanosecond
	a := l.File(context.Background(), "../../fixtures/itu.charter.json")
	var te *analysis.TimeoutError
	if !errors.As(a.Err, &te) || te.Stage != "decode" || te.Path != "../../fixtures/itu.charter.json" {
		t.Fatalf("err = %v, want a timeout after the decode stage", a.Err)
	}
	if a.Checked() || len(a.Findings) != 0 {
		t.Errorf("a charter past its deadline went on: checked %v, %d findings", a.Checked(), len(a.Findings))
	}
}
