package analysis

import "context"

// Text analyses the contents of a file that need not be saved (an
// editor's buffer) as File analyses a file: the pipeline, the baseline and
// the per-file cap. path names it in findings and matches it against the
// configuration's globs and suppressions.
func (l *Analyzer) Text(ctx context.Context, path string, data []byte) *Analysis {
	a := l.Check(ctx, path, data)
	a.Findings, a.Baselined = l.Baseline.Filter(path, a.Findings)
	l.capped(a)
	return a
}
