package baseline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charterlint/charterlint/internal/finding"
)

// Entries match by rule, file, element (pointer when there is none) and
// message, never by line; each entry matches as many findings as it
// counted; a new message on the same element is a new finding.
func TestMatching(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "base.json")
	charter := filepath.Join(dir, "a.charter.json")
	old := []finding.Finding{
		{Rule: "R1", Element: "board", Pointer: "/bodies/0", Line: 10, Message: "m"},
		{Rule: "R1", Element: "board", Pointer: "/bodies/0", Line: 10, Message: "m"},
		{Rule: "R2", Pointer: "/transparency", Line: 40, Message: "n"},
	}
	rec, err := NewRecorder(path)
	if err != nil {
		t.Fatal(err)
	}
	rec.Add(charter, old)
	if err := rec.Write(path); err != nil {
		t.Fatal(err)
	}
	b, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	now := []finding.Finding{
		{Rule: "R1", Element: "board", Pointer: "/bodies/3", Line: 99, Message: "m"}, // moved and reordered
		{Rule: "R1", Element: "board", Pointer: "/bodies/3", Line: 99, Message: "m"},
		{Rule: "R1", Element: "board", Pointer: "/bodies/3", Line: 99, Message: "m"}, // a third: new
		{Rule: "R1", Element: "board", Pointer: "/bodies/3", Line: 99, Message: "other facts"},
	}
	kept, known := b.Filter(charter, now)
	if known != 2 || len(kept) != 2 || kept[1].Message != "other facts" {
		t.Errorf("known %d, kept %v", known, kept)
	}
	stale := b.Stale(false)
	if len(stale) != 1 || stale[0].Rule != "baseline" || stale[0].File != path || stale[0].Line == 0 {
		t.Errorf("stale = %v, want R2's entry located in the baseline", stale)
	}
	// Entries of charters the run did not lint are not judged...
	b2, _ := Load(path)
	if s := b2.Stale(false); len(s) != 0 {
		t.Errorf("judged without seeing the charter: %v", s)
	}
	// ... unless the run linted the whole project.
	if s := b2.Stale(true); len(s) != 2 {
		t.Errorf("whole run: %d stale, want 2", len(s))
	}
}

// A file that is not a baseline, or of another version, is an error with
// its position.
func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	for src, want := range map[string]string{
		`{"version": 2, "findings": []}`:                ":1:13: baseline version 2, want 1",
		`{"version": 1, "findings": [{"rule": "R"}]}`:   ":1:29: an entry needs rule, file and message",
		`{"version": 1, "findings": [], "extra": true}`: ":1:1: not a charterlint baseline",
		`{"version": 1, "findings": [] `:                ":1:",
	} {
		p := filepath.Join(dir, "b.json")
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := Load(p)
		if err == nil || len(err.Error()) < len(p) || !strings.Contains(err.Error(), p+want) {
			t.Errorf("%s: err = %v, want %s%s", src, err, p, want)
		}
	}
}

// An entry whose findings are partly seen is to be lowered, not removed:
// removing it would report the ones still seen.
func TestStaleText(t *testing.T) {
	if got, want := staleText("CL-X", "board", "a.json", 1, 1), "CL-X on board in a.json is no longer found: remove the entry, or write the baseline again"; got != want {
		t.Errorf("all unseen: %q, want %q", got, want)
	}
	if got, want := staleText("CL-X", "board", "a.json", 1, 3), "CL-X on board in a.json is found 2 times, not the 3 recorded: lower the entry's count to 2, or write the baseline again"; got != want {
		t.Errorf("partly seen: %q, want %q", got, want)
	}
	if got, want := staleText("CL-X", "board", "a.json", 1, 2), "CL-X on board in a.json is found once, not the 2 recorded: lower the entry's count to 1, or write the baseline again"; got != want {
		t.Errorf("one seen: %q, want %q", got, want)
	}
}
