package lint

import (
	"os"
	"runtime/debug"
)

// TuneGC sets the collector for a lint run, trading memory for speed: it
// runs when the heap has grown fivefold rather than doubled, under a soft
// limit of 40 MiB that keeps a 10,000-charter run's peak memory near 50 MB
// (measured in bench/README.md). GOGC or GOMEMLIMIT in the environment
// win. It returns the function that restores the previous settings.
func TuneGC() (restore func()) {
	percent, limit := -2, int64(-1)
	if os.Getenv("GOGC") == "" {
		percent = debug.SetGCPercent(400)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		limit = debug.SetMemoryLimit(40 << 20)
	}
	return func() {
		if percent != -2 {
			debug.SetGCPercent(percent)
		}
		if limit >= 0 {
			debug.SetMemoryLimit(limit)
		}
	}
}
