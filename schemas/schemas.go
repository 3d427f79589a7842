// Package schemas embeds the JSON Schemas of the charter format and of the
// rules' data, so the binary validates charters and data files and prints
// the schemas without reading any file.
package schemas

import _ "embed"

//go:embed charter-v1.json
var charterV1 string

// CharterV1URL is the $id of the charter format v1 schema.
const CharterV1URL = "https://charterlint.github.io/schemas/charter-v1.json"

// FormatV1 is the value of a v1 charter's "format" key.
const FormatV1 = "charterlint/v1"

// CharterV1 returns the charter format v1 schema (JSON Schema draft 2020-12).
func CharterV1() string { return charterV1 }

//go:embed ruledata-v1.json
var ruleDataV1 string

// RuleDataV1URL is the $id of the schema of the rules' data.
const RuleDataV1URL = "https://charterlint.github.io/schemas/ruledata-v1.json"

// RuleDataV1 returns the schema of the rules' data (the modality matrix,
// compatible modalities and thresholds) and of --data files.
func RuleDataV1() string { return ruleDataV1 }

//go:embed config-v1.json
var configV1 string

// ConfigV1URL is the $id of the schema of the configuration file.
const ConfigV1URL = "https://charterlint.github.io/schemas/config-v1.json"

// ConfigV1 returns the schema of the configuration file, .charterlint.yaml.
func ConfigV1() string { return configV1 }

//go:embed profile-v1.json
var profileV1 string

// ProfileV1URL is the $id of the schema of framework profiles.
const ProfileV1URL = "https://charterlint.github.io/schemas/profile-v1.json"

// ProfileV1 returns the schema of framework profiles (policies/profiles
// and --profile-file files).
func ProfileV1() string { return profileV1 }
