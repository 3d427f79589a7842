package analysis

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"testing/iotest"
	"time"

	"github.com/charterlint/charterlint/internal/decode"
)

// readAll returns every byte whatever the buffer's first guess of the
// size, and the reader's error.
func TestReadAll(t *testing.T) {
	data := strings.Repeat("charter ", 300) // 2,400 bytes
	for _, capacity := range []int{0, 1, 100, len(data), len(data) + 1, 10000} {
		got, err := readAll(strings.NewReader(data), make([]byte, 0, capacity))
		if err != nil || string(got) != data {
			t.Errorf("capacity %d: got %d bytes, %v", capacity, len(got), err)
		}
		got, err = readAll(iotest.OneByteReader(strings.NewReader(data)), make([]byte, 0, capacity))
		if err != nil || string(got) != data {
			t.Errorf("one byte at a time, capacity %d: got %d bytes, %v", capacity, len(got), err)
		}
	}
	if got, err := readAll(strings.NewReader(""), make([]byte, 0, 1)); err != nil || len(got) != 0 {
		t.Errorf("empty: got %q, %v", got, err)
	}
	broken := errors.New("disk on fire")
	got, err := readAll(iotest.TimeoutReader(bytes.NewReader([]byte(data))), nil)
	if !errors.Is(err, iotest.ErrTimeout) {
		t.Errorf("a failing reader: err = %v", err)
	}
	if len(got) == 0 {
		t.Errorf("a failing reader: the bytes read before the error were lost")
	}
	if _, err := readAll(iotest.ErrReader(broken), nil); !errors.Is(err, broken) {
		t.Errorf("ErrReader: err = %v", err)
	}
}

// A named pipe that nobody writes to reads as empty instead of hanging;
// one whose writer never finishes stops at the deadline; a device that
// never ends stops at the size limit and says so without a made-up size.
func TestReadSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.charter.json")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	l := &Analyzer{Limits: decode.Limits{MaxBytes: 1 << 10}, Timeout: 200 * time.Millisecond}
	data, err := l.Read(fifo)
	if err != nil || len(data) != 0 {
		t.Errorf("a pipe without a writer: %q, %v; want it empty", data, err)
	}

	// A writer that holds the pipe open and never writes (Linux opens a
	// pipe for reading and writing at once without waiting).
	w, err := os.OpenFile(fifo, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	start := time.Now()
	_, err = l.Read(fifo)
	var te *TimeoutError
	if !errors.As(err, &te) || te.Stage != "read" {
		t.Errorf("a silent writer: err = %v, want a timeout in the read stage", err)
	}
	if d := time.Since(start); d > 1500*time.Millisecond {
		t.Errorf("the read took %s, past its deadline", d)
	}

	_, err = l.Read("/dev/zero")
	var big *TooBigError
	if !errors.As(err, &big) || err.Error() != "input goes on past the limit of 1024 bytes" {
		t.Errorf("/dev/zero: err = %v", err)
	}
}
