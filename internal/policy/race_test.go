//go:build race

package policy

func init() { raceEnabled = true }
