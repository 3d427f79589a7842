package discover

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func write(t *testing.T, path string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
}

func paths(ss []Source) []string {
	var out []string
	for _, s := range ss {
		out = append(out, s.Path)
	}
	return out
}

func TestWalkPicksChartersOnly(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"b.charter.json", "a/x.charter.json", "a/package.json", ".git/y.charter.json", "notes.json"} {
		write(t, filepath.Join(dir, p))
	}
	got, problems := Sources([]string{dir})
	want := []string{filepath.Join(dir, "a/x.charter.json"), filepath.Join(dir, "b.charter.json")}
	if len(problems) != 0 || !reflect.DeepEqual(paths(got), want) {
		t.Errorf("got %v, problems %v; want %v", paths(got), problems, want)
	}
}

// A symbolic link loop cannot trap the walk, and a dangling link to a
// charter is linted (and then fails to read) rather than silently skipped.
func TestSymlinkLoopAndDanglingLink(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "sub/a.charter.json"))
	if err := os.Symlink("..", filepath.Join(dir, "sub/loop")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("missing.json", filepath.Join(dir, "dangling.charter.json")); err != nil {
		t.Fatal(err)
	}
	got, problems := Sources([]string{dir})
	want := []string{filepath.Join(dir, "dangling.charter.json"), filepath.Join(dir, "sub/a.charter.json")}
	if len(problems) != 0 || !reflect.DeepEqual(paths(got), want) {
		t.Errorf("got %v, problems %v; want %v", paths(got), problems, want)
	}
}

func TestMissingPathIsAProblem(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.charter.json"))
	got, problems := Sources([]string{filepath.Join(dir, "nope"), filepath.Join(dir, "a.charter.json"), "-", "-"})
	if len(problems) != 1 || !errors.Is(problems[0].Err, ErrNotExist) {
		t.Errorf("problems = %v", problems)
	}
	if want := []string{filepath.Join(dir, "a.charter.json"), "-"}; !reflect.DeepEqual(paths(got), want) {
		t.Errorf("got %v, want %v", paths(got), want)
	}
}
