package main

import (
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

var (
	readmeSection  = regexp.MustCompile(`(?m)^## (\S+\.charter\.json) `)
	readmeFindings = regexp.MustCompile(`^Findings: (none|CL-[A-Z]{3}-[0-9]{3}(?:, CL-[A-Z]{3}-[0-9]{3})*)\.$`)
	ruleID         = regexp.MustCompile(`CL-[A-Z]{3}-[0-9]{3}`)
	// sentenceStart is where a sentence begins: a full stop, question or
	// exclamation mark, space, then a capital letter, quote or backtick
	// ("Art. 4.2" and "e.g. the" do not end a sentence).
	sentenceStart = regexp.MustCompile(`[.!?]\s+[A-Z"` + "`" + `]`)
)

// TestFixturesReadme keeps fixtures/README.md honest: every fixture has a
// section whose last line, "Findings: ...", lists exactly the rule ids of
// its .expect file, and the prose names no other rule except in a sentence
// starting "Not reported".
func TestFixturesReadme(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(fixturesDir, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	sections := map[string]string{}
	heads := readmeSection.FindAllStringSubmatchIndex(text, -1)
	for i, h := range heads {
		end := len(text)
		if i+1 < len(heads) {
			end = heads[i+1][0]
		}
		name := text[h[2]:h[3]]
		if _, dup := sections[name]; dup {
			t.Errorf("README.md: two sections for %s", name)
		}
		body := text[h[1]:end]
		sections[name] = body[strings.Index(body, "\n")+1:]
	}
	files, _ := filepath.Glob(filepath.Join(fixturesDir, "*.charter.json"))
	if len(files) == 0 {
		t.Fatal("no fixtures")
	}
	for _, f := range files {
		if _, ok := sections[filepath.Base(f)]; !ok {
			t.Errorf("README.md has no section \"## %s — ...\"", filepath.Base(f))
		}
	}
	for _, name := range slices.Sorted(maps.Keys(sections)) {
		body := sections[name]
		t.Run(name, func(t *testing.T) {
			if _, err := os.Stat(filepath.Join(fixturesDir, name)); err != nil {
				t.Fatalf("README.md has a section for %s, but there is no such fixture", name)
			}
			keys, err := readExpect(filepath.Join(fixturesDir, strings.TrimSuffix(name, ".charter.json")+".expect"))
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			var want []string
			for _, k := range keys {
				want = append(want, strings.Fields(k)[0])
			}
			slices.Sort(want)
			want = slices.Compact(want)

			lines := strings.Split(strings.TrimSpace(body), "\n")
			m := readmeFindings.FindStringSubmatch(strings.TrimSpace(lines[len(lines)-1]))
			if m == nil {
				t.Fatalf("%s: the section must end with \"Findings: CL-ACC-003, CL-ACC-005.\" (sorted rule ids) or \"Findings: none.\"", name)
			}
			var got []string
			if m[1] != "none" {
				got = strings.Split(m[1], ", ")
			}
			if !slices.IsSorted(got) || len(slices.Compact(slices.Clone(got))) != len(got) {
				t.Errorf("%s: Findings line ids must be sorted and unique: %v", name, got)
			}
			if missing, extra := setDiff(want, got), setDiff(got, want); len(missing)+len(extra) > 0 {
				t.Errorf("%s: Findings line differs from the .expect file\n  reported but not in the Findings line: %v\n  in the Findings line but not reported: %v", name, missing, extra)
			}

			prose := strings.Join(strings.Fields(strings.Join(lines[:len(lines)-1], " ")), " ")
			for _, loc := range ruleID.FindAllStringIndex(prose, -1) {
				id := prose[loc[0]:loc[1]]
				if slices.Contains(want, id) {
					continue
				}
				start := 0
				for _, s := range sentenceStart.FindAllStringIndex(prose[:loc[0]], -1) {
					start = s[1] - 1
				}
				if !strings.HasPrefix(prose[start:], "Not reported") {
					t.Errorf("%s: the prose names %s, which the fixture does not report, outside a sentence starting \"Not reported\"", name, id)
				}
			}
		})
	}
}

// setDiff returns the elements of a that are not in b.
func setDiff(a, b []string) []string {
	var d []string
	for _, x := range a {
		if !slices.Contains(b, x) {
			d = append(d, x)
		}
	}
	return d
}
