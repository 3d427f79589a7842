// Package lsp is charterlint's language server: the Language Server
// Protocol over a stream (standard input and output for `charterlint
// lsp`). It publishes lint's findings for each open charter as the author
// types, and understands a charter's ids: definition, references, rename,
// completion, symbols, hover and quick fixes.
//
// The server is built on github.com/tliron/glsp, the one LSP library kept
// on the Go module proxy here (go.lsp.dev/protocol is not): its
// protocol_3_16 package gives the message types and the dispatch of each
// method to a handler, and it runs over github.com/sourcegraph/jsonrpc2,
// glsp's own transport, which this package drives on any stream so that
// tests can use a pipe (glsp's server runs only on the process's standard
// streams, TCP or WebSocket). LSP 3.17's positionEncoding, which glsp's
// 3.16 types lack, is read from the raw initialize parameters.
package lsp

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"net/url"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/charterlint/charterlint/internal/analysis"
	"github.com/charterlint/charterlint/internal/config"
	"github.com/sourcegraph/jsonrpc2"
	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// Options configure a Server.
type Options struct {
	// NewAnalyzer builds the analyzer for the charters a configuration
	// file governs (nil: no configuration file), with its rules, data,
	// selection and suppressions, as lint would. Required.
	NewAnalyzer func(cfg *config.Config) (*analysis.Analyzer, error)
	// Debounce is how long after the last change a document is analysed
	// (0: DefaultDebounce).
	Debounce time.Duration
	// Log receives the server's own messages (nil: discarded).
	Log io.Writer
}

// DefaultDebounce is the pause after an edit before its analysis starts.
const DefaultDebounce = 150 * time.Millisecond

// Server is a language server for charters. Serve runs it on one
// connection.
type Server struct {
	opts     Options
	log      *log.Logger
	handler  protocol.Handler
	analyzer *analyzers

	mu       sync.Mutex
	pubMu    sync.Mutex // orders the diagnostics sent
	conn     *jsonrpc2.Conn
	encoding string
	docs     map[string]*document
	shutdown bool
	exited   chan struct{}
	wg       sync.WaitGroup // analyses running
	closed   bool
}

// New returns a server; it runs once Serve is called.
func New(opts Options) *Server {
	if opts.Debounce <= 0 {
		opts.Debounce = DefaultDebounce
	}
	w := opts.Log
	if w == nil {
		w = io.Discard
	}
	s := &Server{
		opts: opts, log: log.New(w, "charterlint lsp: ", log.LstdFlags),
		encoding: encodingUTF16, docs: map[string]*document{}, exited: make(chan struct{}),
		analyzer: &analyzers{build: opts.NewAnalyzer, cache: map[string]*analyzerEntry{}},
	}
	s.handler = protocol.Handler{
		Initialize:                     s.initialize,
		Initialized:                    func(*glsp.Context, *protocol.InitializedParams) error { return nil },
		Shutdown:                       s.shutdownRequest,
		Exit:                           s.exit,
		SetTrace:                       func(*glsp.Context, *protocol.SetTraceParams) error { return nil },
		TextDocumentDidOpen:            s.didOpen,
		TextDocumentDidChange:          s.didChange,
		TextDocumentDidClose:           s.didClose,
		TextDocumentDidSave:            func(*glsp.Context, *protocol.DidSaveTextDocumentParams) error { return nil },
		TextDocumentDefinition:         s.definition,
		TextDocumentReferences:         s.references,
		TextDocumentPrepareRename:      s.prepareRename,
		TextDocumentRename:             s.rename,
		TextDocumentCompletion:         s.completion,
		TextDocumentDocumentSymbol:     s.documentSymbol,
		TextDocumentHover:              s.hover,
		TextDocumentCodeAction:         s.codeAction,
		WorkspaceDidChangeWatchedFiles: func(*glsp.Context, *protocol.DidChangeWatchedFilesParams) error { return nil },
		WorkspaceDidChangeConfiguration: func(*glsp.Context, *protocol.DidChangeConfigurationParams) error {
			return nil
		},
	}
	return s
}

// Serve answers the client on rwc until it exits or the stream ends. It
// returns nil when the client asked to shut down before exiting, an
// error otherwise (the exit code of `charterlint lsp` is 1 then, as the
// protocol asks).
func (s *Server) Serve(ctx context.Context, rwc io.ReadWriteCloser) error {
	conn := jsonrpc2.NewConn(ctx, &framed{rwc: rwc, log: s.log}, jsonrpc2.HandlerWithError(s.handle),
		jsonrpc2.SetLogger(s.log))
	s.mu.Lock()
	s.conn = conn
	s.mu.Unlock()
	select {
	case <-conn.DisconnectNotify():
	case <-s.exited:
		conn.Close()
	case <-ctx.Done():
		conn.Close()
	}
	s.mu.Lock()
	s.closed = true
	for _, d := range s.docs {
		d.stop()
	}
	s.docs = map[string]*document{}
	shutdown := s.shutdown
	s.mu.Unlock()
	s.wg.Wait()
	if !shutdown {
		return fmt.Errorf("the client ended the connection without asking the server to shut down")
	}
	return nil
}

// handle runs one request or notification through glsp's dispatch. A
// panic in a handler answers that request with an internal error rather
// than ending the server.
func (s *Server) handle(ctx context.Context, conn *jsonrpc2.Conn, req *jsonrpc2.Request) (result any, err error) {
	defer func() {
		if v := recover(); v != nil {
			s.log.Printf("panic in %s: %v\n%s", req.Method, v, debug.Stack())
			result, err = nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInternalError, Message: fmt.Sprintf("internal error in %s: %v", req.Method, v)}
		}
	}()
	gc := &glsp.Context{
		Method: req.Method,
		Notify: func(method string, params any) { _ = conn.Notify(ctx, method, params) },
		Call:   func(method string, params, result any) { _ = conn.Call(ctx, method, params, result) },
	}
	if req.Params != nil {
		gc.Params = *req.Params
	} else {
		gc.Params = json.RawMessage("null")
	}
	if req.Method == protocol.MethodExit {
		// glsp refuses every method but initialize once shut down.
		return nil, s.exit(gc)
	}
	r, validMethod, validParams, err := s.handler.Handle(gc)
	switch {
	case !validMethod:
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeMethodNotFound, Message: "method not supported: " + req.Method}
	case !validParams:
		msg := "invalid parameters"
		if err != nil {
			msg += ": " + err.Error()
		}
		return nil, &jsonrpc2.Error{Code: jsonrpc2.CodeInvalidParams, Message: msg}
	case err != nil:
		var re *jsonrpc2.Error
		if e, ok := err.(*jsonrpc2.Error); ok {
			re = e
		} else {
			re = &jsonrpc2.Error{Code: codeRequestFailed, Message: err.Error()}
		}
		return nil, re
	}
	return r, nil
}

// codeRequestFailed is LSP's RequestFailed error code.
const codeRequestFailed = -32803

// initializeResult is InitializeResult with LSP 3.17's positionEncoding.
type initializeResult struct {
	Capabilities serverCapabilities                   `json:"capabilities"`
	ServerInfo   *protocol.InitializeResultServerInfo `json:"serverInfo,omitempty"`
}

type serverCapabilities struct {
	protocol.ServerCapabilities
	PositionEncoding string `json:"positionEncoding"`
}

func (s *Server) initialize(ctx *glsp.Context, _ *protocol.InitializeParams) (any, error) {
	var p struct {
		Capabilities struct {
			General struct {
				PositionEncodings []string `json:"positionEncodings"`
			} `json:"general"`
		} `json:"capabilities"`
	}
	_ = json.Unmarshal(ctx.Params, &p)
	enc := encodingUTF16
	for _, e := range p.Capabilities.General.PositionEncodings {
		if e == encodingUTF8 {
			enc = encodingUTF8
		}
	}
	s.mu.Lock()
	s.encoding = enc
	s.mu.Unlock()
	sync := protocol.TextDocumentSyncKindIncremental
	yes := true
	caps := protocol.ServerCapabilities{
		TextDocumentSync: protocol.TextDocumentSyncOptions{
			OpenClose: &yes,
			Change:    &sync,
		},
		DefinitionProvider:     true,
		ReferencesProvider:     true,
		RenameProvider:         protocol.RenameOptions{PrepareProvider: &yes},
		CompletionProvider:     &protocol.CompletionOptions{TriggerCharacters: []string{`"`}},
		DocumentSymbolProvider: true,
		HoverProvider:          true,
		CodeActionProvider:     protocol.CodeActionOptions{CodeActionKinds: []protocol.CodeActionKind{protocol.CodeActionKindQuickFix}},
	}
	version := "dev"
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" {
		version = bi.Main.Version
	}
	return initializeResult{
		Capabilities: serverCapabilities{ServerCapabilities: caps, PositionEncoding: enc},
		ServerInfo:   &protocol.InitializeResultServerInfo{Name: "charterlint", Version: &version},
	}, nil
}

func (s *Server) shutdownRequest(*glsp.Context) error {
	s.mu.Lock()
	s.shutdown = true
	s.mu.Unlock()
	return nil
}

func (s *Server) exit(*glsp.Context) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	select {
	case <-s.exited:
	default:
		close(s.exited)
	}
	return nil
}

// charterName matches the file names the server analyses whatever they
// hold; formatKey matches a charter of any other name.
var formatKey = regexp.MustCompile(`"format"\s*:\s*"charterlint/v1"`)

// isCharter says whether a document is a charter: a file named
// *.charter.json, or JSON whose "format" is "charterlint/v1".
func isCharter(uri string, data []byte) bool {
	return strings.HasSuffix(uri, ".charter.json") || formatKey.Match(data)
}

// uriPath is the file-system path of a file: URI, or the URI itself for
// another scheme (an unsaved buffer).
func uriPath(uri string) (path string, file bool) {
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "file" {
		return uri, false
	}
	return filepath.FromSlash(u.Path), true
}

// fileURI is the file: URI of an absolute path.
func fileURI(path string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
}
