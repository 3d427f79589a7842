// Package policies embeds charterlint's rule pack: Rego rules in category
// folders, each with its tests beside it, a shared library, and the data
// document (the modality matrix and thresholds) the rules read.
//
// A rule is a package that defines a partial set "deny" and carries a
// package-scoped METADATA annotation with its title, description and custom
// id, severity, group, rationale, citation and example snippets.
package policies

import (
	"embed"
	"io/fs"
)

//go:embed */*.rego data/*.json profiles/*.json catalogue.json
var pack embed.FS

// FS returns the rule pack, rooted at the policies folder.
func FS() fs.FS { return pack }

// ConfigFile is the pack's data document, below its root: the modality
// matrix and the thresholds the rules read as data.charterlint.config.
const ConfigFile = "data/config.json"
