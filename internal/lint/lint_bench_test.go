package lint_test

import (
	"context"
	"encoding/json"
	"os"
	"testing"

	"github.com/charterlint/charterlint/internal/decode"
)

func BenchmarkFixturePipeline(b *testing.B) {
	data, err := os.ReadFile("../../fixtures/icann.charter.json")
	if err != nil {
		b.Fatal(err)
	}
	l := newLinter(b)
	v := l.Validator
	b.Run("stdlib", func(b *testing.B) {
		for b.Loop() {
			var x any
			if err := json.Unmarshal(data, &x); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("decode", func(b *testing.B) {
		for b.Loop() {
			if _, err := decode.Decode(data, decode.DefaultLimits()); err != nil {
				b.Fatal(err)
			}
		}
	})
	doc, _ := decode.Decode(data, decode.DefaultLimits())
	b.Run("schema", func(b *testing.B) {
		for b.Loop() {
			v.Validate(doc.Value)
		}
	})
	b.Run("full", func(b *testing.B) {
		for b.Loop() {
			if _, _, err := l.Check(context.Background(), "f", data); err != nil {
				b.Fatal(err)
			}
		}
	})
}
