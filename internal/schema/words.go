package schema

import (
	"slices"
	"strings"
	"sync"

	"github.com/charterlint/charterlint/schemas"
	"github.com/go-json-experiment/json/jsontext"
)

// Words lists the member names and string enum values of the charter
// schema: most of the strings of any charter, which the decoder can then
// share instead of copying (decode.Words) and the rule engine prebuilds as
// terms. It reads the schema's token stream; anything else the schema
// spells, a description for one, is only a word nobody uses. The schema is
// read once per process; each call returns a copy.
func Words() []string { return slices.Clone(schemaWords()) }

var schemaWords = sync.OnceValue(func() []string {
	var words []string
	dec := jsontext.NewDecoder(strings.NewReader(schemas.CharterV1()))
	for {
		tok, err := dec.ReadToken()
		if err != nil {
			return words
		}
		if tok.Kind() == '"' {
			if s := tok.String(); len(s) <= 64 && !strings.ContainsAny(s, " \n") {
				words = append(words, s)
			}
		}
	}
})
