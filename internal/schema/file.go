package schema

import (
	"errors"

	"github.com/charterlint/charterlint/internal/decode"
)

// Pos is where p is best shown in doc: an unknown property at its name,
// any other problem at its value.
func (p Problem) Pos(doc *decode.Document) decode.Pos {
	if p.Kind == KindUnknownProperty {
		if kp, ok := doc.KeyPos(p.Pointer); ok {
			return kp
		}
	}
	return doc.Pos(p.Pointer)
}

// Located is a problem of a file at its line and column.
type Located struct {
	Line, Column int
	// Path names the value for people ("params/majority_share"); "" for
	// a file that does not decode.
	Path    string
	Message string
}

// DecodeValid decodes data with the strict positional decoder and
// validates it: the document, or the file's problems, each located. A file
// that does not decode has one problem, where it breaks; err is set only
// when the decoder fails without a position.
func (v *Validator) DecodeValid(data []byte, limits decode.Limits) (*decode.Document, []Located, error) {
	doc, err := decode.Decode(data, limits)
	if err != nil {
		var de *decode.Error
		if errors.As(err, &de) {
			return nil, []Located{{Line: de.Pos.Line, Column: de.Pos.Column, Message: de.Msg}}, nil
		}
		return nil, nil, err
	}
	var located []Located
	for _, p := range v.Validate(doc.Value) {
		pos := p.Pos(doc)
		located = append(located, Located{Line: pos.Line, Column: pos.Column, Path: p.Path, Message: p.Message})
	}
	return doc, located, nil
}
