// Package baseline records a repository's findings of today so that later
// runs report only new ones: a way to adopt charterlint in a repository
// full of legacy charters. An entry names a finding by its rule, its
// charter (relative to the baseline file), the element it is about and a
// hash of its message, never by line, so reformatting or reordering a
// charter keeps its entries matching.
package baseline

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/charterlint/charterlint/internal/decode"
	"github.com/charterlint/charterlint/internal/discover"
	"github.com/charterlint/charterlint/internal/finding"
)

// Version is the format's version, written in every file.
const Version = 1

// MaxFileBytes bounds a baseline file.
const MaxFileBytes = 64 << 20

// Entry is one recorded finding.
type Entry struct {
	Rule string `json:"rule"`
	// File is the charter's path relative to the baseline file, with
	// forward slashes.
	File string `json:"file"`
	// Element is the id of the element the finding is about; when it has
	// none, Pointer says where.
	Element string `json:"element,omitempty"`
	Pointer string `json:"pointer,omitempty"`
	// Message is a hash of the finding's message: the same rule on the
	// same element with other facts (another count, another class) is a
	// new finding.
	Message string `json:"message"`
	// Count is how many such findings there were (1 when left out).
	Count int `json:"count,omitempty"`
}

type file struct {
	Version  int     `json:"version"`
	Findings []Entry `json:"findings"`
}

// Error is a baseline file that cannot be used.
type Error struct {
	File         string
	Line, Column int // 0 when the file could not be read at all
	Message      string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Column, e.Message)
	}
	return e.File + ": " + e.Message
}

// Baseline is a loaded baseline, matched against a run's findings. It is
// safe for concurrent use.
type Baseline struct {
	path string
	dir  string // absolute
	mu   sync.Mutex
	left map[key]int // matches still available, by key
	had  map[key]int // matches the file records, by key
	pos  map[key]decode.Pos
	ptr  map[key]string  // the entry's JSON Pointer in the baseline file
	seen map[string]bool // files of the run
}

type key struct{ rule, file, element, pointer, message string }

// Load reads a baseline file written by Write.
func Load(path string) (*Baseline, error) {
	data, err := discover.ReadFile(path, MaxFileBytes)
	if err != nil {
		return nil, &Error{File: path, Message: err.Error()}
	}
	doc, err := decode.Decode(data, decode.Limits{MaxBytes: MaxFileBytes})
	if err != nil {
		var de *decode.Error
		if errors.As(err, &de) {
			return nil, &Error{File: path, Line: de.Pos.Line, Column: de.Pos.Column, Message: de.Msg}
		}
		return nil, &Error{File: path, Message: err.Error()}
	}
	var f file
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, &Error{File: path, Line: 1, Column: 1, Message: "not a charterlint baseline (write one with lint --write-baseline): " + err.Error()}
	}
	if f.Version != Version {
		p := doc.Pos("/version")
		return nil, &Error{File: path, Line: p.Line, Column: p.Column, Message: fmt.Sprintf("baseline version %d, want %d", f.Version, Version)}
	}
	dir, err := filepath.Abs(filepath.Dir(path))
	if err != nil {
		return nil, &Error{File: path, Message: err.Error()}
	}
	b := &Baseline{path: path, dir: dir, left: map[key]int{}, had: map[key]int{}, pos: map[key]decode.Pos{}, ptr: map[key]string{}, seen: map[string]bool{}}
	for i, e := range f.Findings {
		ptr := fmt.Sprintf("/findings/%d", i)
		if e.Rule == "" || e.File == "" || e.Message == "" {
			p := doc.Pos(ptr)
			return nil, &Error{File: path, Line: p.Line, Column: p.Column, Message: "an entry needs rule, file and message"}
		}
		k := key{e.Rule, e.File, e.Element, e.Pointer, e.Message}
		b.left[k] += max(e.Count, 1)
		b.had[k] += max(e.Count, 1)
		if _, ok := b.pos[k]; !ok {
			b.pos[k] = doc.Pos(ptr)
			b.ptr[k] = ptr
		}
	}
	return b, nil
}

// rel is path relative to dir with forward slashes (the absolute path
// when it lies outside dir).
func rel(dir, path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.ToSlash(path)
	}
	r, err := filepath.Rel(dir, abs)
	if err != nil || strings.HasPrefix(r, "..") {
		return filepath.ToSlash(abs)
	}
	return filepath.ToSlash(r)
}

func keyOf(dir, path string, f finding.Finding) key {
	k := key{rule: f.Rule, file: rel(dir, path), element: f.Element, message: hash(f.Message)}
	if f.Element == "" {
		k.pointer = f.Pointer
	}
	return k
}

func hash(msg string) string {
	sum := sha256.Sum256([]byte(msg))
	return hex.EncodeToString(sum[:8])
}

// Filter returns the findings of the charter at path that the baseline
// does not hold, and how many it held. Parse, schema and reference
// findings always pass: the rules cannot run on a broken charter.
func (b *Baseline) Filter(path string, fs []finding.Finding) (kept []finding.Finding, known int) {
	if b == nil {
		return fs, 0
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.seen[rel(b.dir, path)] = true
	kept = fs[:0:0]
	for _, f := range fs {
		if finding.Structural(f.Rule) {
			kept = append(kept, f) // a broken charter is never accepted
			continue
		}
		k := keyOf(b.dir, path, f)
		if b.left[k] > 0 {
			b.left[k]--
			known++
			continue
		}
		kept = append(kept, f)
	}
	return kept, known
}

// Stale are findings about the baseline's entries that matched nothing:
// fixed findings whose entries can go. Only entries for charters of the
// run are judged, unless whole is set (the run linted the whole project).
func (b *Baseline) Stale(whole bool) []finding.Finding {
	if b == nil {
		return nil
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []finding.Finding
	for k, n := range b.left {
		if n == 0 || !(whole || b.seen[k.file]) {
			continue
		}
		what := k.element
		if what == "" {
			what = finding.DisplayPointer(k.pointer)
		}
		p := b.pos[k]
		out = append(out, finding.Finding{
			Rule: "baseline", Stage: finding.StageConfig, Severity: finding.Info,
			File: b.path, Line: p.Line, Column: p.Column, Pointer: b.ptr[k],
			Message: staleText(k.rule, what, k.file, n, b.had[k]),
		})
	}
	finding.Sort(out)
	return out
}

// Recorder collects a run's findings for Write.
type Recorder struct {
	dir     string
	entries map[key]int
}

// NewRecorder records findings for a baseline file at path.
func NewRecorder(path string) (*Recorder, error) {
	dir, err := filepath.Abs(filepath.Dir(path))
	if err != nil {
		return nil, err
	}
	return &Recorder{dir: dir, entries: map[key]int{}}, nil
}

// Add records the findings of the charter at path.
func (r *Recorder) Add(path string, fs []finding.Finding) {
	for _, f := range fs {
		if f.Stage == finding.StageConfig || f.Rule == "limit" || finding.Structural(f.Rule) {
			continue // not a rule's finding on the charter
		}
		r.entries[keyOf(r.dir, path, f)]++
	}
}

// Len is the number of findings recorded.
func (r *Recorder) Len() int {
	n := 0
	for _, c := range r.entries {
		n += c
	}
	return n
}

// Encode renders the baseline file: entries sorted, so that a baseline
// written twice from the same findings is the same file.
func (r *Recorder) Encode() ([]byte, error) {
	f := file{Version: Version, Findings: []Entry{}}
	for k, n := range r.entries {
		e := Entry{Rule: k.rule, File: k.file, Element: k.element, Pointer: k.pointer, Message: k.message}
		if n > 1 {
			e.Count = n
		}
		f.Findings = append(f.Findings, e)
	}
	slices.SortFunc(f.Findings, func(a, b Entry) int {
		return strings.Compare(a.File+"\x00"+a.Rule+"\x00"+a.Element+"\x00"+a.Pointer+"\x00"+a.Message,
			b.File+"\x00"+b.Rule+"\x00"+b.Element+"\x00"+b.Pointer+"\x00"+b.Message)
	})
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(f); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Write writes the baseline file atomically: a temporary file beside it,
// renamed into place.
func (r *Recorder) Write(path string) error {
	data, err := r.Encode()
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("write baseline: %w", discover.StripPath(err))
	}
	defer os.Remove(tmp.Name()) // after a successful rename, nothing to remove
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("write baseline: %w", err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return fmt.Errorf("write baseline: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write baseline: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write baseline: %w", discover.StripPath(err))
	}
	return nil
}

// staleText says what of an entry the run did not see, and what to do:
// remove an entry none of whose findings is seen, lower the count of one
// whose findings are partly seen (removing it would report the others).
func staleText(rule, what, file string, unseen, had int) string {
	if unseen >= had {
		return fmt.Sprintf("%s on %s in %s is no longer found: remove the entry, or write the baseline again", rule, what, file)
	}
	times := fmt.Sprintf("%d times", had-unseen)
	if had-unseen == 1 {
		times = "once"
	}
	return fmt.Sprintf("%s on %s in %s is found %s, not the %d recorded: lower the entry's count to %d, or write the baseline again", rule, what, file, times, had, had-unseen)
}
