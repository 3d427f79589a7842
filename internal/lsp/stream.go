package lsp

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"log"
	"strconv"
	"strings"
	"sync"
)

// maxMessage bounds one message from the client: a charter is at most a
// few MiB (decode's limit is 4 MiB), and JSON escaping can double it.
const maxMessage = 64 << 20

// framed is the base protocol's framing (a Content-Length header, a blank
// line, the JSON body) as a jsonrpc2.ObjectStream. Unlike the framing
// jsonrpc2 ships, a message that is not JSON or not JSON-RPC is answered
// with a parse error or an invalid-request error and skipped: the
// connection lives on.
type framed struct {
	rwc io.ReadWriteCloser
	log *log.Logger
	r   *bufio.Reader
	mu  sync.Mutex // writes
}

func (f *framed) WriteObject(obj any) error {
	data, err := json.Marshal(obj)
	if err != nil {
		return err
	}
	return f.write(data)
}

func (f *framed) write(body []byte) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if _, err := fmt.Fprintf(f.rwc, "Content-Length: %d\r\n\r\n", len(body)); err != nil {
		return err
	}
	_, err := f.rwc.Write(body)
	return err
}

// reject answers a message that could not be read.
func (f *framed) reject(code int, msg string) error {
	f.log.Printf("rejected a message: %s", msg)
	body, _ := json.Marshal(map[string]any{
		"jsonrpc": "2.0", "id": nil,
		"error": map[string]any{"code": code, "message": msg},
	})
	return f.write(body)
}

func (f *framed) ReadObject(v any) error {
	if f.r == nil {
		f.r = bufio.NewReaderSize(f.rwc, 64<<10)
	}
	for {
		length, err := f.header()
		if err != nil {
			return err
		}
		if length < 0 {
			if err := f.reject(-32700, "message without a valid Content-Length header"); err != nil {
				return err
			}
			continue
		}
		if length > maxMessage {
			if _, err := io.CopyN(io.Discard, f.r, length); err != nil {
				return err
			}
			if err := f.reject(-32600, fmt.Sprintf("message of %d bytes is over the limit of %d", length, maxMessage)); err != nil {
				return err
			}
			continue
		}
		body := make([]byte, length)
		if _, err := io.ReadFull(f.r, body); err != nil {
			return err
		}
		if !json.Valid(body) {
			if err := f.reject(-32700, "message is not valid JSON"); err != nil {
				return err
			}
			continue
		}
		if err := json.Unmarshal(body, v); err != nil {
			if err := f.reject(-32600, "not a JSON-RPC request, notification or response: "+err.Error()); err != nil {
				return err
			}
			continue
		}
		return nil
	}
}

// header reads one message's header up to its blank line and returns its
// Content-Length, -1 when it has none that can be read.
func (f *framed) header() (int64, error) {
	length := int64(-1)
	for n := 0; ; n++ {
		line, err := f.r.ReadString('\n')
		if err != nil {
			return 0, err
		}
		line = strings.TrimRight(line, "\r\n")
		if line == "" {
			if n == 0 {
				n-- // tolerate blank lines between messages
				continue
			}
			return length, nil
		}
		if len(line) > 1024 || n > 32 {
			return 0, fmt.Errorf("header line too long or too many header lines")
		}
		name, value, ok := strings.Cut(line, ":")
		if ok && strings.EqualFold(strings.TrimSpace(name), "Content-Length") {
			if l, err := strconv.ParseInt(strings.TrimSpace(value), 10, 64); err == nil && l >= 0 {
				length = l
			}
		}
	}
}

func (f *framed) Close() error { return f.rwc.Close() }
