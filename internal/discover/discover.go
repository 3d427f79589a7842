// Package discover turns the paths given on the command line into the list
// of charter files to lint. A file named explicitly is always linted; a
// directory is walked recursively for files whose name ends in
// ".charter.json", so a repository's other JSON files are left alone.
package discover

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
)

// Suffix is the file-name ending that marks a charter in a directory walk.
const Suffix = ".charter.json"

// Stdin is the path that stands for standard input.
const Stdin = "-"

// Source is one charter to lint.
type Source struct {
	// Path is the file path as the user will see it in findings, or "-" for stdin.
	Path string
}

// Problem is a path that could not be walked or read. Problems are
// reported, and the rest of the walk goes on.
type Problem struct {
	Path string
	Err  error
}

func (p Problem) Error() string { return fmt.Sprintf("%s: %v", p.Path, p.Err) }

// ErrNotExist is wrapped by a Problem for a path named on the command line
// that does not exist.
var ErrNotExist = errors.New("no such file or directory")

// Sources expands paths into charter files, in a stable order: the order of
// the arguments, and lexical order within each directory. Files reached
// more than once (for example through two arguments) are linted once.
func Sources(paths []string) ([]Source, []Problem) {
	return (*Filter)(nil).Sources(paths)
}

// Filter narrows discovery with globs (doublestar syntax) relative to Dir:
// a directory walk picks the files Include matches (nil: files named
// *.charter.json), and no file that Exclude matches is linted, whether
// walked or named. Walks outside Dir pick files named *.charter.json.
type Filter struct {
	Dir              string // absolute
	Include, Exclude []string
	// Excluded counts the files left out by Exclude.
	Excluded int
}

// Rel is path relative to the absolute directory dir, with forward
// slashes, or "" when path lies outside dir.
func Rel(dir, path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return ""
	}
	rel, err := filepath.Rel(dir, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return ""
	}
	return filepath.ToSlash(rel)
}

// keep reports whether the file at path is linted; walked says whether a
// directory walk found it, rather than the command line naming it.
func (f *Filter) keep(path string, walked bool) bool {
	if f == nil {
		return !walked || strings.HasSuffix(path, Suffix)
	}
	rel := Rel(f.Dir, path)
	for _, g := range f.Exclude {
		if rel != "" && doublestar.MatchUnvalidated(g, rel) {
			f.Excluded++
			return false
		}
	}
	if !walked {
		return true
	}
	if len(f.Include) == 0 || rel == "" {
		// No include globs, or a walk outside Dir, where they cannot
		// apply: the files named *.charter.json.
		return strings.HasSuffix(path, Suffix)
	}
	for _, g := range f.Include {
		if rel != "" && doublestar.MatchUnvalidated(g, rel) {
			return true
		}
	}
	return false
}

// Sources is the package's Sources narrowed by f (nil: no narrowing).
func (f *Filter) Sources(paths []string) ([]Source, []Problem) {
	var (
		out      []Source
		problems []Problem
		seen     = map[string]bool{}
	)
	add := func(p string) {
		key := filepath.Clean(p)
		if p == Stdin {
			key = Stdin
		}
		if !seen[key] {
			seen[key] = true
			out = append(out, Source{Path: p})
		}
	}
	for _, p := range paths {
		if p == Stdin {
			add(p)
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				err = ErrNotExist
			} else {
				err = StripPath(err)
			}
			problems = append(problems, Problem{Path: p, Err: err})
			continue
		}
		if !info.IsDir() {
			if f.keep(p, false) {
				add(p)
			}
			continue
		}
		files, walkProblems := f.walk(p)
		problems = append(problems, walkProblems...)
		for _, f := range files {
			add(f)
		}
	}
	return out, problems
}

// walk lists the charter files below root. filepath.WalkDir does not follow
// symbolic links to directories, so a link loop cannot trap it; a link to a
// charter file is followed when it is read.
func (f *Filter) walk(root string) ([]string, []Problem) {
	var (
		files    []string
		problems []Problem
	)
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			problems = append(problems, Problem{Path: path, Err: StripPath(err)})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			if path != root && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir // .git and other hidden directories
			}
			return nil
		}
		if f.keep(path, true) {
			// A FIFO or a device would block the read or never end: a
			// walk takes regular files only (a link is followed; a broken
			// one is reported when it is read).
			if !d.Type().IsRegular() {
				if info, err := os.Stat(path); err == nil && !info.Mode().IsRegular() {
					problems = append(problems, Problem{Path: path, Err: ErrNotRegular})
					return nil
				}
			}
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		problems = append(problems, Problem{Path: root, Err: StripPath(err)})
	}
	slices.Sort(files)
	return files, problems
}

// ErrNotRegular is a path that names a FIFO, a device or a socket where a
// regular file is wanted.
var ErrNotRegular = errors.New("not a regular file")

// ReadFile reads a regular file of at most limit bytes: a rule or data
// file. A FIFO, a device (/dev/zero) or a larger file is an error, never
// a blocked or endless read.
func ReadFile(path string, limit int64) ([]byte, error) {
	// Stat before opening: opening a FIFO blocks until a writer comes.
	info, err := os.Stat(path)
	if err != nil {
		return nil, StripPath(err)
	}
	if !info.Mode().IsRegular() {
		return nil, ErrNotRegular
	}
	if info.Size() > limit {
		return nil, fmt.Errorf("file is %d bytes, over the limit of %d bytes", info.Size(), limit)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, StripPath(err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, StripPath(err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("file is over the limit of %d bytes", limit)
	}
	return data, nil
}

// StripPath drops the path from a *fs.PathError (an *os.PathError), for a
// message that names the path itself, as a Problem does.
func StripPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
