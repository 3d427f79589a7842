package charter

import (
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"sync"
)

// FromValue fills a Charter from a decoded document (maps, slices,
// strings, json.Number, bools) that passed the schema, without parsing
// the bytes a second time. Fields follow the json tags of the model. A
// value the model cannot hold, such as a number too large for a float64
// (1e400), is a *ValueError naming it.
func FromValue(v any) (*Charter, error) {
	var c Charter
	f := filler{fields: modelFields()}
	if err := f.fill(reflect.ValueOf(&c).Elem(), v); err != nil {
		return nil, err
	}
	return &c, nil
}

// ValueError is a value of the document that the charter model cannot
// hold, at a JSON Pointer.
type ValueError struct {
	Pointer string
	Message string
}

func (e *ValueError) Error() string { return e.Pointer + ": " + e.Message }

// fieldIndex maps a struct type's JSON names to field indices.
type fieldIndex map[string]int

// filler fills one model.
type filler struct {
	fields map[reflect.Type]fieldIndex
}

func (f filler) fieldsOf(t reflect.Type) fieldIndex { return f.fields[t] }

// modelFields indexes the fields of every struct type the model is made
// of, once per process; it is never written after that.
var modelFields = sync.OnceValue(func() map[reflect.Type]fieldIndex {
	fields := map[reflect.Type]fieldIndex{}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || fields[t] != nil {
			return
		}
		fi := fieldIndex{}
		fields[t] = fi
		for i := range t.NumField() {
			name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
			if name != "" && name != "-" {
				fi[name] = i
			}
			walk(t.Field(i).Type)
		}
	}
	walk(reflect.TypeFor[Charter]())
	return fields
})

// under prefixes err's pointer with one more token: the pointer is built
// outward as fill returns, so the happy path formats none.
func under(err error, token string) error {
	if ve, ok := err.(*ValueError); ok {
		ve.Pointer = "/" + strings.NewReplacer("~", "~0", "/", "~1").Replace(token) + ve.Pointer
	}
	return err
}

func wrong(format string, args ...any) error {
	return &ValueError{Message: fmt.Sprintf(format, args...)}
}

func (f filler) fill(dst reflect.Value, v any) error {
	if v == nil {
		return nil
	}
	switch dst.Kind() {
	case reflect.Pointer:
		p := reflect.New(dst.Type().Elem())
		if err := f.fill(p.Elem(), v); err != nil {
			return err
		}
		dst.Set(p)
	case reflect.Struct:
		m, ok := v.(map[string]any)
		if !ok {
			return wrong("want an object, got %T", v)
		}
		fi := f.fieldsOf(dst.Type())
		for k, x := range m {
			if i, ok := fi[k]; ok {
				if err := f.fill(dst.Field(i), x); err != nil {
					return under(err, k)
				}
			}
		}
	case reflect.Slice:
		a, ok := v.([]any)
		if !ok {
			return wrong("want a list, got %T", v)
		}
		s := reflect.MakeSlice(dst.Type(), len(a), len(a))
		for i, x := range a {
			if err := f.fill(s.Index(i), x); err != nil {
				return under(err, strconv.Itoa(i))
			}
		}
		dst.Set(s)
	case reflect.String:
		s, ok := v.(string)
		if !ok {
			return wrong("want a string, got %T", v)
		}
		dst.SetString(s)
	case reflect.Bool:
		b, ok := v.(bool)
		if !ok {
			return wrong("want a boolean, got %T", v)
		}
		dst.SetBool(b)
	case reflect.Int:
		// JSON Schema counts 1.0 as an integer, so parse it as a number
		// and require a whole value.
		n, ok := v.(json.Number)
		f, err := n.Float64()
		if !ok || err != nil || f != math.Trunc(f) || math.Abs(f) > 1<<53 {
			return wrong("%v is not a whole number charterlint can use (at most 2^53 in size)", v)
		}
		dst.SetInt(int64(f))
	case reflect.Float64:
		n, ok := v.(json.Number)
		f, err := n.Float64()
		if !ok || err != nil {
			return wrong("%v is out of the range of numbers charterlint can use (about ±1.8e308)", v)
		}
		dst.SetFloat(f)
	default:
		return wrong("unsupported field kind %s", dst.Kind())
	}
	return nil
}
