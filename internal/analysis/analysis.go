// Package analysis runs charterlint's pipeline over charter files, one
// stage a package: read, decode with positions (decode), validate against
// the schema (schema), check references (refcheck), derive facts (facts),
// evaluate the rules (policy) and classify (classify). Each file gives one
// Analysis, which every command consumes; findings are located at a line
// and column, and results come in input order whatever the number of
// workers.
package analysis

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"sync"
	"syscall"
	"time"

	"github.com/charterlint/charterlint/internal/baseline"
	"github.com/charterlint/charterlint/internal/charter"
	"github.com/charterlint/charterlint/internal/classify"
	"github.com/charterlint/charterlint/internal/config"
	"github.com/charterlint/charterlint/internal/decode"
	"github.com/charterlint/charterlint/internal/discover"
	"github.com/charterlint/charterlint/internal/facts"
	"github.com/charterlint/charterlint/internal/finding"
	"github.com/charterlint/charterlint/internal/policy"
	"github.com/charterlint/charterlint/internal/refcheck"
	"github.com/charterlint/charterlint/internal/ruledata"
	"github.com/charterlint/charterlint/internal/schema"
	"github.com/charterlint/charterlint/schemas"
)

// Analysis is what the pipeline knows about one charter file. The later
// fields are set only when the stages before them passed: a charter that
// does not parse has no Document, one with schema or reference problems
// has no Charter, Facts or Classification.
type Analysis struct {
	// Path is the file's name as shown (StdinName for "-").
	Path     string
	Document *decode.Document
	Charter  *charter.Charter
	Facts    *facts.Facts
	// Classification is the charter's variety, per body and function.
	Classification *classify.Classification
	// Findings are every stage's findings, located and in output order.
	Findings []finding.Finding
	// Suppressed are the findings that a suppression in the configuration
	// accepts, with its reason: not reported as problems, but kept for the
	// formats that show them (SARIF, JSON).
	Suppressed []finding.Suppressed
	// Disabled are the ids of the rules turned off for this charter (the
	// configuration file, the command line): they ran, but their findings
	// are not reported.
	Disabled []string
	// Config marks the analysis of charterlint's own configuration or
	// baseline file, not a charter: its findings are about suppressions or
	// baseline entries.
	Config bool
	// Baselined counts the findings left out because the baseline holds
	// them (Analyzer.Baseline).
	Baselined int
	// Hidden counts the findings left out of Findings by the per-file cap
	// (Analyzer.MaxFindings); they still count towards the exit code.
	Hidden finding.Tally
	// Err is set when the file could not be read or analysed at all: a
	// failure of the invocation (*TimeoutError, *policy.MemoryError,
	// *InternalError, an unreadable file), not a finding in the charter.
	Err error
}

// Checked reports whether the charter passed the structural stages
// (parse, schema, references), so that it has facts and a classification.
func (a *Analysis) Checked() bool { return a.Charter != nil }

// Worst is the highest severity among the file's findings, those the cap
// left out included; 0 when there is none.
func (a *Analysis) Worst() finding.Severity {
	w := a.Hidden.Max()
	for _, f := range a.Findings {
		w = max(w, f.Severity)
	}
	return w
}

// Options configure an Analyzer built by New.
type Options struct {
	Limits decode.Limits
	// Data is the rule data (the modality matrix that judges each
	// function, the thresholds); nil: the built-in data.
	Data *ruledata.Data
	// Rules configures the rule engine (the built-in pack, the user's
	// rules, the deadline); nil runs no rules: structure, facts and
	// classification only. Its Data is set from Data.
	Rules       *policy.Options
	MaxFindings int
	// Timeout bounds the whole pipeline on one charter, from decoding to
	// classification; 0 means DefaultTimeout.
	Timeout   time.Duration
	Stdin     io.Reader
	StdinName string
}

// DefaultTimeout bounds the analysis of one charter.
const DefaultTimeout = 5 * time.Second

// TimeoutError is a charter whose analysis did not finish in time.
type TimeoutError struct {
	Path    string
	Timeout time.Duration
	Stage   string // the stage that was running: "rules", or "schema" and so on
}

func (e *TimeoutError) Error() string {
	hint := ""
	if e.Stage == "rules" {
		hint = " (a user rule may loop or do too much work)"
	}
	return fmt.Sprintf("%s: analysis did not finish within %s: stopped in the %s stage%s", e.Path, e.Timeout, e.Stage, hint)
}

// New compiles the schema and, when asked, the rules, and returns an
// analyzer ready to run.
func New(ctx context.Context, opts Options) (*Analyzer, error) {
	if opts.Data == nil {
		var err error
		if opts.Data, err = ruledata.Load(); err != nil {
			return nil, err
		}
	}
	// The schema compiles while the rules do: a pre-commit hook linting one
	// file waits for both.
	var v *schema.Validator
	var verr error
	var words *decode.Words
	done := make(chan struct{})
	go func() {
		defer close(done)
		v, verr = schema.New()
		words = decode.NewWords(schema.Words()...)
	}()
	var e *policy.Engine
	var err error
	if opts.Rules != nil {
		ro := *opts.Rules
		ro.Data = opts.Data
		e, err = policy.New(ctx, ro)
	}
	<-done
	if verr != nil {
		return nil, verr
	}
	if err != nil {
		return nil, err
	}
	return &Analyzer{
		Limits: opts.Limits, MaxFindings: opts.MaxFindings, Validator: v, Data: opts.Data, Rules: e, Words: words,
		Timeout: cmp.Or(opts.Timeout, DefaultTimeout), Stdin: opts.Stdin, StdinName: opts.StdinName,
	}, nil
}

// DefaultMaxFindings is the default cap on findings reported per file.
const DefaultMaxFindings = 1000

// Analyzer analyses charters. It is safe for concurrent use.
type Analyzer struct {
	Limits decode.Limits
	// MaxFindings caps the findings reported for one file (0: the
	// default); the rest are counted in one last finding.
	MaxFindings int
	Validator   *schema.Validator
	// Words are the schema's names and enum values, which decoded
	// charters share instead of copying (nil: every string is copied).
	Words *decode.Words
	// Data judges each function's effective modality in the facts.
	Data *ruledata.Data
	// Rules evaluates the rules; nil means no rule runs.
	Rules *policy.Engine
	// Baseline, when set, leaves out the findings it recorded.
	Baseline *baseline.Baseline
	// Selection turns rules off, sets severities and applies suppressions
	// (the configuration file and the command line); nil keeps every
	// finding as the rules report it.
	Selection *config.Selection
	// Timeout bounds each charter's analysis (0: no deadline).
	Timeout time.Duration
	Stdin   io.Reader
	// StdinName is the file name findings show for "-" (default "<stdin>").
	StdinName string
}

// Run analyses sources with jobs workers and calls emit once per source,
// in the order of sources, as soon as each result and all before it are
// ready. emit runs on the calling goroutine.
func (l *Analyzer) Run(ctx context.Context, sources []discover.Source, jobs int, emit func(*Analysis)) {
	jobs = min(max(jobs, 1), len(sources))
	if jobs <= 1 {
		// One worker: no goroutine to hand results over, no second thread.
		for _, s := range sources {
			emit(l.File(ctx, s.Path))
		}
		return
	}
	// Several: each file's result comes back on a channel of its own, and
	// this goroutine emits them in order. Letting the worker that finishes
	// the next result emit it instead was measured no faster with two
	// workers and peaking 0.5 MB higher (bench/README.md); perhaps because
	// this goroutine's waits leave the collector idle time to mark in.
	results := make([]chan *Analysis, len(sources))
	for i := range results {
		results[i] = make(chan *Analysis, 1)
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for range jobs {
		wg.Go(func() {
			for i := range next {
				results[i] <- l.File(ctx, sources[i].Path)
			}
		})
	}
	go func() {
		for i := range sources {
			next <- i
		}
		close(next)
	}()
	for i := range results {
		emit(<-results[i])
	}
	wg.Wait()
}

// readAll appends what r holds to buf, growing it only when it is full.
func readAll(r io.Reader, buf []byte) ([]byte, error) {
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
}

// File analyses one file ("-" reads the analyzer's Stdin).
func (l *Analyzer) File(ctx context.Context, path string) *Analysis {
	data, err := l.Read(path)
	path = l.DisplayName(path)
	if err != nil {
		var tooBig *TooBigError
		if errors.As(err, &tooBig) {
			return &Analysis{Path: path, Findings: []finding.Finding{{
				Rule: string(finding.StageParse), Stage: finding.StageParse, Severity: finding.Error,
				File: path, Line: 1, Column: 1, Message: tooBig.Error(),
			}}}
		}
		return &Analysis{Path: path, Err: err}
	}
	return l.Text(ctx, path, data)
}

// capped keeps at most MaxFindings findings, the most severe first (so a
// flood of notes never hides an error), in output order, and appends one
// last finding that counts the rest by severity; a.Hidden keeps those
// counts for the run's summary. One pathological file cannot flood a report.
func (l *Analyzer) capped(a *Analysis) {
	limit := l.MaxFindings
	if limit <= 0 {
		limit = DefaultMaxFindings
	}
	fs := a.Findings
	if len(fs) <= limit {
		return
	}
	byRank := slices.Clone(fs)
	slices.SortStableFunc(byRank, func(x, y finding.Finding) int { return cmp.Compare(y.Severity, x.Severity) })
	for _, f := range byRank[limit:] {
		a.Hidden.Add(f.Severity)
	}
	kept := byRank[:limit:limit]
	finding.Sort(kept)
	last := kept[limit-1]
	more := finding.Finding{
		Rule: "limit", Stage: finding.StagePolicy, Severity: finding.Info,
		File: a.Path, Line: last.Line, Column: last.Column, Pointer: last.Pointer,
		Message: fmt.Sprintf("%d more findings in this file not shown (%s; at most %d are reported per file)", len(fs)-limit, a.Hidden, limit),
	}
	a.Findings = append(kept, more)
}

// Check runs the pipeline on data read from path.
//
// A panic in any stage, a bug in charterlint or in OPA (which a user's
// rule can reach), becomes an *InternalError for this file instead of
// ending the run with a stack trace.
func (l *Analyzer) Check(ctx context.Context, path string, data []byte) (a *Analysis) {
	a = &Analysis{Path: path}
	defer func() {
		if v := recover(); v != nil {
			*a = Analysis{Path: path, Err: &InternalError{Path: path, Panic: v}}
		}
	}()
	if l.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, l.Timeout)
		defer cancel()
	}
	if err := l.check(ctx, a, data); err != nil {
		a.Err = err
	}
	return a
}

// late returns a *TimeoutError when ctx's deadline has passed: stages
// other than the rules are not interrupted, but the pipeline stops after
// the one that overran. Each grows no faster than n log n in the size of
// the charter (TestStagesGrowNoFasterThanNLogN).
func (l *Analyzer) late(ctx context.Context, path, stage string) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return &TimeoutError{Path: path, Timeout: l.Timeout, Stage: stage}
	}
	return nil
}

// InternalError reports a panic while analysing a file.
type InternalError struct {
	Path  string
	Panic any // the value the panic carried
}

func (e *InternalError) Error() string {
	return fmt.Sprintf("%s: internal error: %v (a bug in charterlint or in OPA; please report it with this file and the rules used)", e.Path, e.Panic)
}

func (l *Analyzer) check(ctx context.Context, a *Analysis, data []byte) error {
	path := a.Path
	doc, err := l.Words.Decode(data, l.Limits)
	if err != nil {
		var de *decode.Error
		if !errors.As(err, &de) {
			return fmt.Errorf("decode %s: %w", path, err)
		}
		a.Findings = []finding.Finding{{
			Rule: string(finding.StageParse), Stage: finding.StageParse, Severity: finding.Error,
			File: path, Pointer: de.Pointer, Line: de.Pos.Line, Column: de.Pos.Column, Message: de.Msg,
		}}
		return nil
	}
	a.Document = doc
	if err := l.late(ctx, path, "decode"); err != nil {
		return err
	}
	if root, ok := doc.Value.(map[string]any); ok && root["format"] == nil {
		// Some other JSON file: one clear finding, not one per property
		// the charter format would want.
		a.Findings = []finding.Finding{locate(doc, path, finding.Finding{
			Rule: string(finding.StageSchema), Stage: finding.StageSchema, Severity: finding.Error,
			Message: fmt.Sprintf("not a charter: it has no \"format\": %q key (docs/charter-format.md)", schemas.FormatV1),
		})}
		return nil
	}
	problems := l.Validator.Validate(doc.Value)
	if err := l.late(ctx, path, "schema"); err != nil {
		return err
	}
	if len(problems) > 0 {
		fs := make([]finding.Finding, 0, len(problems))
		for _, p := range problems {
			f := finding.Finding{
				Rule: string(finding.StageSchema), Stage: finding.StageSchema, Severity: finding.Error,
				Pointer: p.Pointer, Message: p.Message,
			}
			fs = append(fs, at(f, path, p.Pos(doc)))
		}
		finding.Sort(fs)
		a.Findings = fs
		return nil
	}
	c, err := charter.FromValue(doc.Value)
	if err != nil {
		// A value the schema allows but the model cannot hold (1e400).
		var ve *charter.ValueError
		if !errors.As(err, &ve) {
			return fmt.Errorf("%s: read charter model: %w", path, err)
		}
		a.Findings = []finding.Finding{locate(doc, path, finding.Finding{
			Rule: string(finding.StageSchema), Stage: finding.StageSchema, Severity: finding.Error,
			Pointer: ve.Pointer, Message: ve.Message,
		})}
		return nil
	}
	refProblems := refcheck.Check(c)
	if err := l.late(ctx, path, "references"); err != nil {
		return err
	}
	if problems := refProblems; len(problems) > 0 {
		fs := make([]finding.Finding, 0, len(problems))
		for _, p := range problems {
			fs = append(fs, locate(doc, path, finding.Finding{
				Rule: string(finding.StageReference), Stage: finding.StageReference, Severity: finding.Error,
				Pointer: p.Pointer, Element: p.Element, Message: p.Message,
			}))
		}
		finding.Sort(fs)
		a.Findings = fs
		return nil
	}
	a.Charter = c
	a.Facts = facts.Derive(c, l.Data.Judge)
	if err := l.late(ctx, path, "facts"); err != nil {
		return err
	}
	if l.Rules != nil {
		fs, err := l.Rules.Evaluate(ctx, path, doc.Value, a.Facts)
		if err := l.late(ctx, path, "rules"); err != nil {
			return err
		}
		var me *policy.MemoryError
		if errors.As(err, &me) {
			return err
		}
		if err != nil {
			return fmt.Errorf("evaluate policies on %s: %w", path, err)
		}
		for i := range fs {
			fs[i] = locate(doc, path, fs[i])
		}
		finding.Sort(fs)
		a.Findings, a.Suppressed = l.Selection.Apply(path, fs)
		a.Disabled = l.Selection.Disabled(path)
	}
	cl := classify.Of(path, c, a.Facts)
	a.Classification = &cl
	return nil
}

// locate fills in the file and the line and column of f's pointer.
// A pointer that names no value (a missing property) falls back to the
// nearest enclosing value.
func locate(doc *decode.Document, path string, f finding.Finding) finding.Finding {
	return at(f, path, doc.Pos(f.Pointer))
}

// at places f in the file path at pos.
func at(f finding.Finding, path string, pos decode.Pos) finding.Finding {
	f.File = path
	f.Line, f.Column = pos.Line, pos.Column
	return f
}

// TooBigError is a file over the size limit: a finding, not a failure.
type TooBigError struct {
	size  int64 // -1 when unknown: a device or pipe read only up to the limit
	limit int64
}

func (e *TooBigError) Error() string {
	if e.size < 0 {
		return fmt.Sprintf("input goes on past the limit of %d bytes", e.limit)
	}
	return fmt.Sprintf("file is %d bytes, over the limit of %d bytes", e.size, e.limit)
}

// DisplayName is the name findings show for path: StdinName for "-".
func (l *Analyzer) DisplayName(path string) string {
	if path != discover.Stdin {
		return path
	}
	if l.StdinName != "" {
		return l.StdinName
	}
	return "<stdin>"
}

// Read reads a charter file ("-" for the analyzer's Stdin) within the size
// limit. A file over the limit is a *TooBigError.
func (l *Analyzer) Read(path string) ([]byte, error) {
	var r io.Reader
	regular := path != discover.Stdin
	limit := l.Limits.MaxBytes
	size := int64(bytes.MinRead)
	if path == discover.Stdin {
		if l.Stdin == nil {
			return nil, errors.New("read standard input: no input")
		}
		r = l.Stdin
	} else {
		// Non-blocking, so that a named pipe nobody writes to cannot hang
		// the run: the read then waits in Go's poller, under the deadline.
		f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", path, discover.StripPath(err))
		}
		defer f.Close()
		info, err := f.Stat()
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", path, discover.StripPath(err))
		}
		switch {
		case info.IsDir():
			return nil, fmt.Errorf("read %s: is a directory", path)
		case info.Mode().IsRegular():
			size = info.Size()
		default:
			regular = false
			if l.Timeout > 0 {
				// Files that cannot wait (devices that are always ready)
				// refuse a deadline; those reads end at the size limit.
				_ = f.SetReadDeadline(time.Now().Add(l.Timeout))
			}
		}
		r = f
	}
	// One byte past the expected size, so that the read which meets the
	// end of the file needs no larger buffer.
	data, err := readAll(io.LimitReader(r, limit+1), make([]byte, 0, min(size, limit)+1))
	if errors.Is(err, os.ErrDeadlineExceeded) {
		return nil, &TimeoutError{Path: path, Timeout: l.Timeout, Stage: "read"}
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, discover.StripPath(err))
	}
	if int64(len(data)) > limit {
		size := int64(-1)
		if regular {
			// The file may have grown since Stat: read its size again.
			if info, err := os.Stat(path); err == nil {
				size = max(info.Size(), limit+1)
			}
		}
		return nil, &TooBigError{size: size, limit: limit}
	}
	return data, nil
}
