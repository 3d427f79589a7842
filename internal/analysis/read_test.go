package analysis

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"testing/iotest"
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
