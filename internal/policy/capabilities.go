package policy

import (
	"slices"
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
)

// Refused is a builtin that rules may not call, and why.
type Refused struct {
	Name   string
	Reason string
}

// The reasons a builtin is refused.
const (
	reasonNetwork = "reaches the network"
	reasonFiles   = "follows file:// and http(s):// references in a schema, so it reaches the file system and the network"
	reasonRuntime = "reads the process's environment and configuration"
	reasonClock   = "depends on the clock"
	reasonRandom  = "depends on randomness"
	reasonOutput  = "writes outside the findings"
)

// refusedReason says why rules may not call a builtin, or "" when they
// may: anything that reaches the network, the file system or the
// runtime, and anything whose result depends on the clock or on
// randomness, so that a lint is pure and repeatable and a rule cannot
// carry what it learns about the machine into its findings.
func refusedReason(name string) string {
	if strings.HasPrefix(name, "rand.") {
		return reasonRandom
	}
	switch name {
	case "http.send", "net.lookup_ip_addr":
		return reasonNetwork
	case "json.match_schema", "json.verify_schema":
		return reasonFiles
	case "opa.runtime":
		return reasonRuntime
	case "time.now_ns", "io.jwt.decode_verify", "providers.aws.sign_req",
		"crypto.x509.parse_and_verify_certificates",
		"crypto.x509.parse_and_verify_certificates_with_options":
		return reasonClock
	case "uuid.rfc4122", "io.jwt.encode_sign", "io.jwt.encode_sign_raw":
		return reasonRandom
	case "trace", "print", "internal.print":
		return reasonOutput
	}
	return ""
}

// forbidden reports whether rules may not call a builtin.
func forbidden(name string) bool { return refusedReason(name) != "" }

// Capabilities returns OPA's capabilities less the refused builtins, with
// network access for schema refs switched off (an empty, non-nil list).
func Capabilities() *ast.Capabilities {
	caps := ast.CapabilitiesForThisVersion()
	caps.Builtins = slices.DeleteFunc(slices.Clone(caps.Builtins), func(b *ast.Builtin) bool { return forbidden(b.Name) })
	caps.AllowNet = []string{}
	return caps
}

// Allowed lists, in name order, the builtins rules may call by name
// (operators such as == and + aside, which are all allowed).
func Allowed() []string {
	var names []string
	for _, b := range Capabilities().Builtins {
		if b.Infix == "" && !strings.HasPrefix(b.Name, "internal.") {
			names = append(names, b.Name)
		}
	}
	slices.Sort(names)
	return slices.Compact(names)
}

// RefusedBuiltins lists, in name order, the builtins of this version of
// OPA that rules may not call, with the reason.
func RefusedBuiltins() []Refused {
	var out []Refused
	for _, b := range ast.CapabilitiesForThisVersion().Builtins {
		if r := refusedReason(b.Name); r != "" {
			out = append(out, Refused{b.Name, r})
		}
	}
	slices.SortFunc(out, func(a, b Refused) int { return strings.Compare(a.Name, b.Name) })
	return slices.CompactFunc(out, func(a, b Refused) bool { return a.Name == b.Name })
}
