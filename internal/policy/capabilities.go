package policy

import (
	"strings"

	"github.com/open-policy-agent/opa/v1/ast"
)

// forbidden reports whether a builtin is kept from policies: anything that
// reaches the network or the runtime, and anything whose result depends on
// the clock or on randomness, so a lint is pure and repeatable.
func forbidden(name string) bool {
	if strings.HasPrefix(name, "net.") || strings.HasPrefix(name, "rand.") {
		return true
	}
	switch name {
	case "http.send", "opa.runtime", "time.now_ns", "uuid.rfc4122", "uuid.parse",
		"io.jwt.encode_sign", "io.jwt.encode_sign_raw", "io.jwt.decode_verify",
		"providers.aws.sign_req", "crypto.x509.parse_and_verify_certificates",
		"crypto.x509.parse_and_verify_certificates_with_options", "trace", "print":
		return true
	}
	return false
}

// Capabilities returns OPA's capabilities less the forbidden builtins, with
// network access for schema refs switched off (an empty, non-nil list).
func Capabilities() *ast.Capabilities {
	caps := ast.CapabilitiesForThisVersion()
	kept := caps.Builtins[:0:0]
	for _, b := range caps.Builtins {
		if !forbidden(b.Name) {
			kept = append(kept, b)
		}
	}
	caps.Builtins = kept
	caps.AllowNet = []string{}
	return caps
}
