package policy

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"

	"github.com/charterlint/charterlint/internal/discover"
)

// loadConfig reads the pack's config document and merges each data file
// over it: objects merge key by key, anything else replaces.
func loadConfig(pack fs.FS, files []string) (map[string]any, error) {
	config := map[string]any{}
	if pack != nil {
		data, err := fs.ReadFile(pack, ConfigFile)
		if err != nil {
			return nil, fmt.Errorf("read builtin %s: %w", ConfigFile, err)
		}
		if err := decodeObject(data, &config); err != nil {
			return nil, fmt.Errorf("builtin %s: %w", ConfigFile, err)
		}
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("--data %s: %w", f, discover.StripPath(err))
		}
		var over map[string]any
		if err := decodeObject(data, &over); err != nil {
			return nil, fmt.Errorf("--data %s: %w", f, err)
		}
		merge(config, over)
	}
	return config, nil
}

func decodeObject(data []byte, v *map[string]any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("not a JSON object: %w", err)
	}
	if *v == nil {
		return fmt.Errorf("not a JSON object")
	}
	return nil
}

func merge(dst, src map[string]any) {
	for k, v := range src {
		if sub, ok := v.(map[string]any); ok {
			if d, ok := dst[k].(map[string]any); ok {
				merge(d, sub)
				continue
			}
		}
		dst[k] = v
	}
}
