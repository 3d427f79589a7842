package lsp

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/charterlint/charterlint/internal/analysis"
	"github.com/charterlint/charterlint/internal/config"
	"github.com/charterlint/charterlint/internal/policy"
	"github.com/charterlint/charterlint/policies"
)

var (
	baseOnce     sync.Once
	baseAnalyzer *analysis.Analyzer
	baseErr      error
)

// newAnalyzer builds analyzers as `charterlint lsp` does, sharing one
// compiled rule engine between tests.
func newAnalyzer(c *config.Config) (*analysis.Analyzer, error) {
	baseOnce.Do(func() {
		baseAnalyzer, baseErr = analysis.New(context.Background(), analysis.Options{Rules: &policy.Options{Pack: policies.FS()}})
	})
	if baseErr != nil {
		return nil, baseErr
	}
	l := *baseAnalyzer
	sel, err := config.Select(c, config.Flags{}, l.Rules.Rules(), time.Now())
	if err != nil {
		return nil, err
	}
	l.Selection = sel
	return &l, nil
}

type rpcError struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

type message struct {
	ID     *json.RawMessage `json:"id"`
	Method string           `json:"method"`
	Params json.RawMessage  `json:"params"`
	Result json.RawMessage  `json:"result"`
	Error  *rpcError        `json:"error"`
}

// client is a test's end of the connection.
type client struct {
	t      testing.TB
	conn   net.Conn
	mu     sync.Mutex
	nextID int
	wait   map[string]chan message
	notes  chan message
	done   chan error // Serve's result
	// nullErrors counts the error replies to messages without an id.
	nullErrors atomic.Int32
	// encoding is the position encoding the server chose.
	encoding string
}

// start runs a server on one end of a pipe and returns a client on the
// other, initialized with the given position encodings.
func start(t testing.TB, encodings ...string) *client {
	t.Helper()
	return startWith(t, 20*time.Millisecond, encodings...)
}

func startWith(t testing.TB, debounce time.Duration, encodings ...string) *client {
	t.Helper()
	params := map[string]any{"processId": nil, "rootUri": nil, "capabilities": map[string]any{}}
	if encodings != nil {
		params["capabilities"] = map[string]any{"general": map[string]any{"positionEncodings": encodings}}
	}
	return startParams(t, debounce, params)
}

// startParams starts a server and initializes it with params.
func startParams(t testing.TB, debounce time.Duration, params map[string]any) *client {
	t.Helper()
	a, b := net.Pipe()
	srv := New(Options{NewAnalyzer: newAnalyzer, Debounce: debounce})
	c := &client{t: t, conn: b, wait: map[string]chan message{}, notes: make(chan message, 1000), done: make(chan error, 1)}
	go func() { c.done <- srv.Serve(context.Background(), a) }()
	go c.read()
	t.Cleanup(func() { b.Close() })
	var res struct {
		Capabilities struct {
			PositionEncoding string `json:"positionEncoding"`
		} `json:"capabilities"`
	}
	c.call("initialize", params, &res)
	c.encoding = res.Capabilities.PositionEncoding
	c.notify("initialized", map[string]any{})
	return c
}

func (c *client) read() {
	r := bufio.NewReader(c.conn)
	for {
		length := -1
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				close(c.notes)
				return
			}
			line = strings.TrimSpace(line)
			if line == "" {
				break
			}
			if v, ok := strings.CutPrefix(line, "Content-Length: "); ok {
				length, _ = strconv.Atoi(v)
			}
		}
		body := make([]byte, length)
		if _, err := io.ReadFull(r, body); err != nil {
			close(c.notes)
			return
		}
		var m message
		if err := json.Unmarshal(body, &m); err != nil {
			c.t.Errorf("server sent invalid JSON: %s", body)
			continue
		}
		if m.Method != "" {
			c.notes <- m
			continue
		}
		id := "null"
		if m.ID != nil {
			id = string(*m.ID)
		}
		c.mu.Lock()
		ch := c.wait[id]
		delete(c.wait, id)
		c.mu.Unlock()
		if ch != nil {
			ch <- m
		} else {
			if m.Error != nil {
				c.nullErrors.Add(1)
			}
			c.notes <- m // an error for a message without id
		}
	}
}

func (c *client) send(v any) {
	c.t.Helper()
	data, _ := json.Marshal(v)
	c.raw(data)
}

func (c *client) raw(body []byte) {
	c.t.Helper()
	if _, err := fmt.Fprintf(c.conn, "Content-Length: %d\r\n\r\n%s", len(body), body); err != nil {
		c.t.Fatalf("write: %v", err)
	}
}

func (c *client) notify(method string, params any) {
	c.t.Helper()
	c.send(map[string]any{"jsonrpc": "2.0", "method": method, "params": params})
}

// request sends a request and returns its response.
func (c *client) request(method string, params any) message {
	c.t.Helper()
	c.mu.Lock()
	c.nextID++
	id := c.nextID
	ch := make(chan message, 1)
	c.wait[strconv.Itoa(id)] = ch
	c.mu.Unlock()
	c.send(map[string]any{"jsonrpc": "2.0", "id": id, "method": method, "params": params})
	select {
	case m := <-ch:
		return m
	case <-time.After(30 * time.Second):
		c.t.Fatalf("no answer to %s", method)
	}
	return message{}
}

// call sends a request and decodes its result into out; an error fails
// the test.
func (c *client) call(method string, params any, out any) {
	c.t.Helper()
	m := c.request(method, params)
	if m.Error != nil {
		c.t.Fatalf("%s: error %d: %s", method, m.Error.Code, m.Error.Message)
	}
	if out != nil {
		if err := json.Unmarshal(m.Result, out); err != nil {
			c.t.Fatalf("%s: result %s: %v", method, m.Result, err)
		}
	}
}

type position struct {
	Line      int `json:"line"`
	Character int `json:"character"`
}

type lspRange struct {
	Start position `json:"start"`
	End   position `json:"end"`
}

type wireDiag struct {
	Range           lspRange `json:"range"`
	Severity        int      `json:"severity"`
	Code            string   `json:"code"`
	CodeDescription *struct {
		Href string `json:"href"`
	} `json:"codeDescription"`
	Source  string `json:"source"`
	Message string `json:"message"`
}

type publish struct {
	URI         string     `json:"uri"`
	Version     *int       `json:"version"`
	Diagnostics []wireDiag `json:"diagnostics"`
}

// diagnostics waits for the diagnostics of uri at version.
func (c *client) diagnostics(uri string, version int) []wireDiag {
	c.t.Helper()
	timeout := time.After(30 * time.Second)
	for {
		select {
		case m, ok := <-c.notes:
			if !ok {
				c.t.Fatal("connection closed while waiting for diagnostics")
			}
			if m.Method != "textDocument/publishDiagnostics" {
				continue
			}
			var p publish
			if err := json.Unmarshal(m.Params, &p); err != nil {
				c.t.Fatal(err)
			}
			if p.URI == uri && p.Version != nil && *p.Version == version {
				return p.Diagnostics
			}
		case <-timeout:
			c.t.Fatalf("no diagnostics for %s version %d", uri, version)
		}
	}
}

func (c *client) open(uri, text string) {
	c.t.Helper()
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "json", "version": 1, "text": text}})
}

func (c *client) change(uri string, version int, changes ...map[string]any) {
	c.t.Helper()
	c.notify("textDocument/didChange", map[string]any{"textDocument": map[string]any{"uri": uri, "version": version}, "contentChanges": changes})
}

// fixture is the test charter, written to a temporary directory, and its
// URI.
func fixture(t testing.TB) (text, uri, dir string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "test.charter.json"))
	if err != nil {
		t.Fatal(err)
	}
	dir = t.TempDir()
	path := filepath.Join(dir, "test.charter.json")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return string(data), fileURI(path), dir
}

// at is the position of the n-th occurrence (0-based) of needle in text,
// plus delta bytes, in UTF-16 code units (utf16 set) or bytes.
func at(t testing.TB, text, needle string, n, delta int, utf16Units bool) position {
	t.Helper()
	off := -1
	for i := 0; i <= n; i++ {
		j := strings.Index(text[off+1:], needle)
		if j < 0 {
			t.Fatalf("%q occurs fewer than %d times", needle, n+1)
		}
		off += 1 + j
	}
	off += delta
	line := strings.Count(text[:off], "\n")
	prefix := text[strings.LastIndex(text[:off], "\n")+1 : off]
	if utf16Units {
		return position{line, len(utf16.Encode([]rune(prefix)))}
	}
	return position{line, len(prefix)}
}

func textDoc(uri string, p position) map[string]any {
	return map[string]any{"textDocument": map[string]any{"uri": uri}, "position": p}
}
