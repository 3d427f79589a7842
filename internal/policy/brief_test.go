package policy

import (
	"bytes"
	"context"
	"io/fs"
	"strings"
	"testing"

	"github.com/charterlint/charterlint/policies"
)

// TestBriefMetadata checks that a brief load of the pack gives every rule
// the same id, title, severity, group, package and file as a full one, and
// no prose, and that leaving the prose out moves no line.
func TestBriefMetadata(t *testing.T) {
	ctx := context.Background()
	full, err := New(ctx, Options{Pack: policies.FS()})
	if err != nil {
		t.Fatal(err)
	}
	brief, err := New(ctx, Options{Pack: policies.FS(), Brief: true, Shards: 2})
	if err != nil {
		t.Fatal(err)
	}
	fr, br := full.Rules(), brief.Rules()
	if len(fr) != len(br) || len(fr) == 0 {
		t.Fatalf("%d rules in full, %d brief", len(fr), len(br))
	}
	for i, f := range fr {
		b := br[i]
		if b.ID != f.ID || b.Title != f.Title || b.Severity != f.Severity || b.Group != f.Group || b.Package != f.Package || b.File != f.File {
			t.Errorf("brief %+v\nfull  %+v", b, f)
		}
		if b.Description != "" || b.Rationale != "" || b.Citation != "" || b.Fail != "" || b.Pass != "" {
			t.Errorf("%s: brief metadata kept prose: %+v", b.ID, b)
		}
		if f.Rationale == "" || f.Fail == "" {
			t.Errorf("%s: full metadata lost prose", f.ID)
		}
	}
	err = fs.WalkDir(policies.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".rego") {
			return err
		}
		src, err := fs.ReadFile(policies.FS(), p)
		if err != nil {
			return err
		}
		out := briefMetadata(bytes.Clone(src))
		if bytes.Count(out, []byte("\n")) != bytes.Count(src, []byte("\n")) {
			t.Errorf("%s: brief metadata changed the number of lines", p)
		}
		if i := bytes.Index(src, []byte("\npackage ")); i >= 0 && !bytes.Contains(out, src[i:]) {
			t.Errorf("%s: brief metadata changed code after the METADATA block", p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
