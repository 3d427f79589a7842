package lsp

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sync"
	"time"

	"github.com/charterlint/charterlint/internal/analysis"
	"github.com/charterlint/charterlint/internal/config"
	"github.com/charterlint/charterlint/internal/finding"
	"github.com/charterlint/charterlint/internal/report"
	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// document is an open text document: its text as the client has it, and
// the latest analysis of that text.
type document struct {
	uri     string
	path    string // file-system path, or the URI of an unsaved buffer
	file    bool   // path is a file's
	version int32
	text    *text
	gen     uint64 // counts changes; an analysis of an older one is dropped

	timer  *time.Timer
	cancel context.CancelFunc

	// Set by the analysis of the current text.
	result   *result
	analyzed uint64 // gen of result
	// good is the outline of the last text that decoded into a charter.
	good *outline
}

// result is an analysis and the text it analysed.
type result struct {
	text     *text
	analysis *analysis.Analysis
	analyzer *analysis.Analyzer
	diags    []diagnostic
	config   *config.Config
}

// diagnostic is a finding placed in the analysed text.
type diagnostic struct {
	finding    finding.Finding
	start, end int
}

// stop cancels the pending analysis.
func (d *document) stop() {
	if d.timer != nil {
		d.timer.Stop()
	}
	if d.cancel != nil {
		d.cancel()
	}
}

func (s *Server) didOpen(_ *glsp.Context, p *protocol.DidOpenTextDocumentParams) error {
	path, file := uriPath(p.TextDocument.URI)
	s.mu.Lock()
	defer s.mu.Unlock()
	if old := s.docs[p.TextDocument.URI]; old != nil {
		old.stop()
	}
	d := &document{uri: p.TextDocument.URI, path: path, file: file, version: p.TextDocument.Version, text: newText([]byte(p.TextDocument.Text))}
	s.docs[d.uri] = d
	s.schedule(d, 0)
	return nil
}

func (s *Server) didChange(_ *glsp.Context, p *protocol.DidChangeTextDocumentParams) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docs[p.TextDocument.URI]
	if d == nil {
		return fmt.Errorf("document %s is not open", p.TextDocument.URI)
	}
	for _, c := range p.ContentChanges {
		switch c := c.(type) {
		case protocol.TextDocumentContentChangeEventWhole:
			d.text = newText([]byte(c.Text))
		case protocol.TextDocumentContentChangeEvent:
			if c.Range == nil {
				d.text = newText([]byte(c.Text))
			} else {
				d.text = newText(d.text.apply(*c.Range, c.Text, s.encoding))
			}
		}
	}
	d.version = p.TextDocument.Version
	s.schedule(d, s.opts.Debounce)
	return nil
}

func (s *Server) didClose(_ *glsp.Context, p *protocol.DidCloseTextDocumentParams) error {
	s.mu.Lock()
	d := s.docs[p.TextDocument.URI]
	if d == nil {
		s.mu.Unlock()
		return nil
	}
	d.stop()
	delete(s.docs, d.uri)
	s.publish(d.uri, nil, []protocol.Diagnostic{}) // unlocks s.mu
	return nil
}

// schedule analyses d's current text after delay, cancelling the
// analysis of any earlier text. s.mu is held.
func (s *Server) schedule(d *document, delay time.Duration) {
	d.stop()
	d.gen++
	gen, t := d.gen, d.text
	ctx, cancel := context.WithCancel(context.Background())
	d.cancel = cancel
	d.timer = time.AfterFunc(delay, func() {
		defer cancel()
		s.mu.Lock()
		if s.closed || ctx.Err() != nil {
			s.mu.Unlock()
			return
		}
		s.wg.Add(1) // Serve waits for it once closed is set
		s.mu.Unlock()
		defer s.wg.Done()
		s.analyse(ctx, d, gen, t)
	})
}

// analyse runs lint's pipeline on t and, if it is still d's latest text,
// keeps the result and publishes its diagnostics.
func (s *Server) analyse(ctx context.Context, d *document, gen uint64, t *text) {
	r := &result{text: t}
	var cfgErr error
	if isCharter(d.uri, t.data) {
		dir := ""
		if d.file {
			dir = filepath.Dir(d.path)
		}
		var l *analysis.Analyzer
		l, r.config, cfgErr = s.analyzer.get(dir)
		if l != nil {
			r.analyzer = l
			r.analysis = l.Text(ctx, d.path, t.data)
		}
	}
	if ctx.Err() != nil {
		return
	}
	var good *outline
	if r.analysis != nil && r.analysis.Document != nil {
		good = newOutline(t, r.analysis.Document)
	}
	var diags []protocol.Diagnostic
	if r.analysis != nil {
		for _, f := range r.analysis.Findings {
			start := t.lineColumn(f.Line, f.Column)
			r.diags = append(r.diags, diagnostic{finding: f, start: start, end: tokenEnd(t.data, start)})
		}
	}
	s.mu.Lock()
	if s.docs[d.uri] != d || d.gen != gen || s.closed {
		s.mu.Unlock()
		return
	}
	for _, dg := range r.diags {
		diags = append(diags, s.toDiagnostic(t, dg, r))
	}
	if r.analysis != nil && r.analysis.Err != nil && !errors.Is(r.analysis.Err, context.Canceled) {
		diags = append(diags, plain(t, protocol.DiagnosticSeverityError, r.analysis.Err.Error()))
	}
	if cfgErr != nil {
		diags = append(diags, plain(t, protocol.DiagnosticSeverityWarning, "configuration: "+cfgErr.Error()))
	}
	if diags == nil {
		diags = []protocol.Diagnostic{}
	}
	d.result, d.analyzed = r, gen
	if good != nil {
		d.good = good
	}
	v := protocol.UInteger(d.version)
	s.publish(d.uri, &v, diags) // unlocks s.mu
}

// plain is a diagnostic at the start of the text.
func plain(t *text, sev protocol.DiagnosticSeverity, msg string) protocol.Diagnostic {
	src := "charterlint"
	return protocol.Diagnostic{Range: protocol.Range{}, Severity: &sev, Source: &src, Message: msg}
}

var severities = map[finding.Severity]protocol.DiagnosticSeverity{
	finding.Error:   protocol.DiagnosticSeverityError,
	finding.Warning: protocol.DiagnosticSeverityWarning,
	finding.Info:    protocol.DiagnosticSeverityInformation,
}

func (s *Server) toDiagnostic(t *text, dg diagnostic, r *result) protocol.Diagnostic {
	f := dg.finding
	sev, ok := severities[f.Severity]
	if !ok {
		sev = protocol.DiagnosticSeverityError
	}
	src := "charterlint"
	diag := protocol.Diagnostic{
		Range: t.rangeOf(dg.start, dg.end, s.encoding), Severity: &sev, Source: &src,
		Code: &protocol.IntegerOrString{Value: f.Rule}, Message: f.Message,
	}
	if rule, ok := ruleOf(r, f.Rule); ok {
		diag.CodeDescription = &protocol.CodeDescription{HRef: report.RuleHelpURL(rule.ID, rule.Title)}
	}
	return diag
}

// publish sends a document's diagnostics. It is called with s.mu held
// and releases it: the notification is written outside it (a client slow
// to read must not block the handlers), in the order publish was called.
func (s *Server) publish(uri string, version *protocol.UInteger, diags []protocol.Diagnostic) {
	conn := s.conn
	s.pubMu.Lock()
	s.mu.Unlock()
	defer s.pubMu.Unlock()
	if conn == nil {
		return
	}
	_ = conn.Notify(context.Background(), protocol.ServerTextDocumentPublishDiagnostics, protocol.PublishDiagnosticsParams{URI: uri, Version: version, Diagnostics: diags})
}

// analyzers builds one analyzer per configuration file, and again when
// the file changes.
type analyzers struct {
	build func(*config.Config) (*analysis.Analyzer, error)
	mu    sync.Mutex
	cache map[string]*analyzerEntry // by configuration file, "" for none
}

type analyzerEntry struct {
	mod  time.Time
	size int64
	l    *analysis.Analyzer
	cfg  *config.Config
	err  error
}

// get returns the analyzer for the charters of dir ("" for a buffer with
// no file): the configuration file found from there, or none. A
// configuration file that cannot be read falls back to none, with its
// error.
func (a *analyzers) get(dir string) (*analysis.Analyzer, *config.Config, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	path := ""
	if dir != "" {
		found, err := config.Find(dir)
		if err == nil {
			path = found
		}
	}
	var mod time.Time
	var size int64
	if path != "" {
		if info, err := os.Stat(path); err == nil {
			mod, size = info.ModTime(), info.Size()
		}
	}
	if e := a.cache[path]; e != nil && e.mod.Equal(mod) && e.size == size {
		return e.l, e.cfg, e.err
	}
	e := &analyzerEntry{mod: mod, size: size}
	var cfg *config.Config
	if path != "" {
		cfg, e.err = config.Load(path)
		if e.err != nil {
			cfg = nil
		}
	}
	l, err := a.build(cfg)
	if err != nil && cfg != nil {
		e.err = err
		cfg = nil
		l, err = a.build(nil)
	}
	if err != nil {
		e.err = errors.Join(e.err, err)
	}
	e.l, e.cfg = l, cfg
	a.cache[path] = e
	return e.l, e.cfg, e.err
}

// didYouMean finds the suggestion in a schema message.
var didYouMean = regexp.MustCompile(`did you mean "([^"\\]+)"\?`)
