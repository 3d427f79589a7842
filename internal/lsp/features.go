package lsp

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/charterlint/charterlint/internal/charter"
	"github.com/charterlint/charterlint/internal/config"
	"github.com/charterlint/charterlint/internal/decode"
	"github.com/charterlint/charterlint/internal/discover"
	"github.com/charterlint/charterlint/internal/finding"
	"github.com/charterlint/charterlint/internal/policy"
	"github.com/charterlint/charterlint/internal/refcheck"
	"github.com/charterlint/charterlint/internal/report"
	"github.com/tliron/glsp"
	protocol "github.com/tliron/glsp/protocol_3_16"
)

// view is what a request sees of a document: its current text, the
// outline of the last text that decoded (the current one when it does)
// and the latest analysis.
type view struct {
	d       *document
	text    *text
	outline *outline
	result  *result
	enc     string
}

// view returns the open document uri, nil when it is not open.
func (s *Server) view(uri string) *view {
	s.mu.Lock()
	defer s.mu.Unlock()
	d := s.docs[uri]
	if d == nil {
		return nil
	}
	if d.good == nil || d.good.text != d.text {
		// The analysis may not have run yet: decoding is quick.
		if doc, err := decode.Decode(d.text.data, decode.Limits{}); err == nil {
			if o := newOutline(d.text, doc); o != nil {
				d.good = o
			}
		}
	}
	return &view{d: d, text: d.text, outline: d.good, result: d.result, enc: s.encoding}
}

// span is the id token at a position, in the outline's text.
func (v *view) span(p protocol.Position) (span, bool) {
	if v.outline == nil {
		return span{}, false
	}
	return v.outline.at(v.outline.text.offset(p, v.enc))
}

func (v *view) location(sp span) protocol.Location {
	return protocol.Location{URI: v.d.uri, Range: v.outline.text.rangeOf(sp.start, sp.end, v.enc)}
}

func (s *Server) definition(_ *glsp.Context, p *protocol.DefinitionParams) (any, error) {
	v := s.view(p.TextDocument.URI)
	if v == nil {
		return nil, nil
	}
	sp, ok := v.span(p.Position)
	if !ok {
		return nil, nil
	}
	d, ok := v.outline.decls[sp.id]
	if !ok {
		return nil, nil
	}
	return []protocol.Location{v.location(d)}, nil
}

func (s *Server) references(_ *glsp.Context, p *protocol.ReferenceParams) ([]protocol.Location, error) {
	v := s.view(p.TextDocument.URI)
	if v == nil {
		return nil, nil
	}
	sp, ok := v.span(p.Position)
	if !ok {
		return nil, nil
	}
	locs := []protocol.Location{}
	for _, u := range v.outline.uses(sp.id, p.Context.IncludeDeclaration) {
		locs = append(locs, v.location(u))
	}
	return locs, nil
}

// inner is the range of a string token without its quotes.
func (v *view) inner(sp span) protocol.Range {
	return v.outline.text.rangeOf(sp.start+1, sp.end-1, v.enc)
}

// renamable is the declared id at a position, or an error saying why
// there is nothing to rename there.
func (v *view) renamable(p protocol.Position) (span, error) {
	if v.outline != nil && v.outline.text != v.text {
		return span{}, fmt.Errorf("the charter does not parse: fix it before renaming")
	}
	sp, ok := v.span(p)
	if !ok {
		return span{}, fmt.Errorf("not an id: only the id of an actor, body, function or other element can be renamed")
	}
	if _, declared := v.outline.decls[sp.id]; !declared {
		return span{}, fmt.Errorf("%q names no element of this charter", sp.id)
	}
	return sp, nil
}

func (s *Server) prepareRename(_ *glsp.Context, p *protocol.PrepareRenameParams) (any, error) {
	v := s.view(p.TextDocument.URI)
	if v == nil {
		return nil, nil
	}
	sp, err := v.renamable(p.Position)
	if err != nil {
		return nil, err
	}
	return protocol.RangeWithPlaceholder{Range: v.inner(sp), Placeholder: sp.id}, nil
}

// idPattern is the schema's pattern of an id.
var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{0,63}$`)

func (s *Server) rename(_ *glsp.Context, p *protocol.RenameParams) (*protocol.WorkspaceEdit, error) {
	v := s.view(p.TextDocument.URI)
	if v == nil {
		return nil, fmt.Errorf("document %s is not open", p.TextDocument.URI)
	}
	sp, err := v.renamable(p.Position)
	if err != nil {
		return nil, err
	}
	if !idPattern.MatchString(p.NewName) {
		return nil, fmt.Errorf("%q is not an id: lower-case letters, digits, '.', '_' and '-', starting with a letter or digit, at most 64 characters", p.NewName)
	}
	if _, taken := v.outline.decls[p.NewName]; taken && p.NewName != sp.id {
		return nil, fmt.Errorf("id %q is already used in this charter", p.NewName)
	}
	var edits []protocol.TextEdit
	for _, u := range v.outline.uses(sp.id, true) {
		edits = append(edits, protocol.TextEdit{Range: v.inner(u), NewText: p.NewName})
	}
	return &protocol.WorkspaceEdit{Changes: map[protocol.DocumentUri][]protocol.TextEdit{v.d.uri: edits}}, nil
}

// referenceField matches the text before the cursor where an id belongs:
// the value of a reference field, or an item of a list of ids. Group 1 is
// the field, group 3 an opening quote and what is typed after it.
var referenceField = regexp.MustCompile(`"([A-Za-z]+)"\s*:\s*(\[\s*(?:"[^"\\\n]*"\s*,\s*)*)?("[^"\\\n]*)?$`)

func (s *Server) completion(_ *glsp.Context, p *protocol.CompletionParams) (any, error) {
	v := s.view(p.TextDocument.URI)
	if v == nil || v.outline == nil {
		return []protocol.CompletionItem{}, nil
	}
	off := v.text.offset(p.Position, v.enc)
	before := v.text.data[max(0, off-2048):off]
	m := referenceField.FindSubmatchIndex(before)
	items := []protocol.CompletionItem{}
	if m == nil {
		return items, nil
	}
	field := string(before[m[2]:m[3]])
	want, ok := refcheck.Fields[field]
	if !ok {
		return items, nil
	}
	if field == "functions" && m[4] < 0 {
		return items, nil // the charter's list of functions, not advice's
	}
	// The edit replaces what was typed, from the opening quote on.
	from, quoted := off, false
	if m[6] >= 0 {
		from, quoted = off-(len(before)-m[6]), true
	}
	rng := v.text.rangeOf(from, off, v.enc)
	if quoted && off < len(v.text.data) && v.text.data[off] == '"' {
		rng = v.text.rangeOf(from, off+1, v.enc) // and the closing quote
	}
	for _, d := range v.outline.spans {
		if !d.decl || d.kind&want == 0 || d.kind == refcheck.KindOther {
			continue
		}
		detail := kindName(d.kind)
		if name := v.outline.name(d.id); name != "" {
			detail = name + " (" + detail + ")"
		}
		kind := completionKinds[d.kind]
		newText := `"` + d.id + `"`
		items = append(items, protocol.CompletionItem{
			Label: d.id, Detail: &detail, Kind: &kind, FilterText: &newText,
			TextEdit: protocol.TextEdit{Range: rng, NewText: newText},
		})
	}
	return items, nil
}

var completionKinds = map[refcheck.Kind]protocol.CompletionItemKind{
	refcheck.KindActor: protocol.CompletionItemKindClass, refcheck.KindBody: protocol.CompletionItemKindModule,
	refcheck.KindFunction: protocol.CompletionItemKindFunction,
}

func kindName(k refcheck.Kind) string { return k.String() }

func (s *Server) documentSymbol(_ *glsp.Context, p *protocol.DocumentSymbolParams) (any, error) {
	v := s.view(p.TextDocument.URI)
	syms := []protocol.DocumentSymbol{}
	if v == nil || v.outline == nil {
		return syms, nil
	}
	o := v.outline
	sym := func(id string, kind protocol.SymbolKind, detail string) (protocol.DocumentSymbol, bool) {
		d, ok := o.decls[id]
		if !ok {
			return protocol.DocumentSymbol{}, false
		}
		start, end := o.element(d)
		return protocol.DocumentSymbol{
			Name: id, Detail: &detail, Kind: kind,
			Range: o.text.rangeOf(start, end, v.enc), SelectionRange: o.text.rangeOf(d.start, d.end, v.enc),
		}, true
	}
	c := o.charter
	for _, a := range c.Actors {
		if s, ok := sym(a.ID, protocol.SymbolKindClass, a.Name+" ("+a.Class+")"); ok {
			syms = append(syms, s)
		}
	}
	for _, b := range c.Bodies {
		s, ok := sym(b.ID, protocol.SymbolKindModule, b.Name+" ("+b.Role+")")
		if !ok {
			continue
		}
		for _, seat := range b.Seats {
			holder := seat.Actor
			if holder == "" {
				holder = "appointed by " + seat.AppointedBy
			}
			if c, ok := sym(seat.ID, protocol.SymbolKindField, holder); ok {
				s.Children = append(s.Children, c)
			}
		}
		syms = append(syms, s)
	}
	for _, f := range c.Functions {
		if s, ok := sym(f.ID, protocol.SymbolKindFunction, f.Name+" (decided by "+f.DecidedBy+")"); ok {
			syms = append(syms, s)
		}
	}
	if acc := c.Accountability; acc != nil {
		for _, a := range acc.Appeals {
			if s, ok := sym(a.ID, protocol.SymbolKindEvent, "appeal from "+a.From+" to "+a.To); ok {
				syms = append(syms, s)
			}
		}
	}
	return syms, nil
}

// ruleOf is a rule of the analyzer that produced r.
func ruleOf(r *result, id string) (policy.Rule, bool) {
	if r == nil || r.analyzer == nil || r.analyzer.Rules == nil {
		return policy.Rule{}, false
	}
	for _, rule := range r.analyzer.Rules.Rules() {
		if rule.ID == id {
			return rule, true
		}
	}
	return policy.Rule{}, false
}

// current is the diagnostics of the analysis of the current text.
func (v *view) current() []diagnostic {
	if v.result == nil || v.result.text != v.text {
		return nil
	}
	return v.result.diags
}

func (s *Server) hover(_ *glsp.Context, p *protocol.HoverParams) (*protocol.Hover, error) {
	v := s.view(p.TextDocument.URI)
	if v == nil {
		return nil, nil
	}
	off := v.text.offset(p.Position, v.enc)
	var parts []string
	var rng *protocol.Range
	for _, dg := range v.current() {
		if off < dg.start || off > dg.end {
			continue
		}
		r := v.text.rangeOf(dg.start, dg.end, v.enc)
		rng = &r
		f := dg.finding
		if rule, ok := ruleOf(v.result, f.Rule); ok {
			parts = append(parts, fmt.Sprintf("**%s: %s** (%s)\n\n%s\n\n**Why:** %s\n\n**Source:** %s\n\n[docs/rules.md](%s)",
				rule.ID, rule.Title, f.Severity, f.Message, rule.Rationale, rule.Citation, report.RuleHelpURL(rule.ID, rule.Title)))
		} else {
			parts = append(parts, fmt.Sprintf("**%s** (%s)\n\n%s", f.Rule, f.Severity, f.Message))
		}
	}
	if sp, ok := v.span(p.Position); ok {
		if sum := v.summary(sp.id); sum != "" {
			parts = append(parts, sum)
			if rng == nil && v.outline.text == v.text {
				r := v.outline.text.rangeOf(sp.start, sp.end, v.enc)
				rng = &r
			}
		}
	}
	if len(parts) == 0 {
		return nil, nil
	}
	return &protocol.Hover{Contents: protocol.MarkupContent{Kind: protocol.MarkupKindMarkdown, Value: strings.Join(parts, "\n\n---\n\n")}, Range: rng}, nil
}

// summary describes the element id names: an actor's class, a body's
// role, seats, votes by class and effective modality, a function's
// modality.
func (v *view) summary(id string) string {
	c := v.outline.charter
	facts := v.result
	if facts != nil && (facts.analysis == nil || facts.analysis.Facts == nil) {
		facts = nil
	}
	for _, a := range c.Actors {
		if a.ID == id {
			s := fmt.Sprintf("**actor `%s`**: %s\n\nclass: %s", a.ID, a.Name, a.Class)
			if a.Kind != "" {
				s += "; kind: " + a.Kind
			}
			if a.Incumbent {
				s += "; incumbent"
			}
			return s
		}
	}
	for _, b := range c.Bodies {
		if b.ID != id {
			continue
		}
		seats := 0
		for _, seat := range b.Seats {
			seats += max(seat.Count, 1)
		}
		s := fmt.Sprintf("**body `%s`**: %s\n\nrole: %s; seats: %d", b.ID, b.Name, b.Role, seats)
		if facts != nil {
			if bf := facts.analysis.Facts.Bodies[id]; bf != nil {
				s += fmt.Sprintf(" (%d voting)", bf.VotingSeats)
				if len(bf.Votes) > 0 {
					var votes []string
					for _, class := range slices.Sorted(maps.Keys(bf.Votes)) {
						votes = append(votes, fmt.Sprintf("%s %d (%s)", class, bf.Votes[class], report.Percent(bf.Shares[class])))
					}
					s += "\n\nvotes by class: " + strings.Join(votes, ", ")
				}
				if len(bf.NonVotingClasses) > 0 {
					s += "\n\nseated without a vote: " + strings.Join(bf.NonVotingClasses, ", ")
				}
				if bf.EffectiveModality != "" {
					s += "\n\neffective modality: " + bf.EffectiveModality
				}
				if len(bf.PowerClasses) > 0 {
					s += "; classes holding power: " + strings.Join(bf.PowerClasses, ", ")
				}
			}
		}
		return s
	}
	for _, f := range c.Functions {
		if f.ID != id {
			continue
		}
		s := fmt.Sprintf("**function `%s`**: %s\n\ncategory: %s; declared modality: %s; decided by: %s", f.ID, f.Name, charter.Subject(f.Category, f.Task), f.Modality, f.DecidedBy)
		if facts != nil {
			if ff := facts.analysis.Facts.Functions[id]; ff != nil && ff.EffectiveModality != "" {
				s += "\n\neffective modality: " + ff.EffectiveModality
				if ff.Fit != "" {
					s += " (" + ff.Fit + ")"
				}
				s += "; variety: " + ff.Variety
			}
		}
		return s
	}
	return ""
}

// suppressionReason is the reason a quick fix writes, for the author to
// replace.
const suppressionReason = "TODO: why this is accepted"

func (s *Server) codeAction(_ *glsp.Context, p *protocol.CodeActionParams) (any, error) {
	v := s.view(p.TextDocument.URI)
	actions := []protocol.CodeAction{}
	if v == nil {
		return actions, nil
	}
	start, end := v.text.offset(p.Range.Start, v.enc), v.text.offset(p.Range.End, v.enc)
	quickfix := protocol.CodeActionKindQuickFix
	for _, dg := range v.current() {
		if dg.end < start || dg.start > end {
			continue
		}
		f := dg.finding
		diag := s.toDiagnostic(v.text, dg, v.result)
		if m := didYouMean.FindStringSubmatch(f.Message); m != nil && (f.Stage == finding.StageSchema || f.Stage == finding.StageReference) {
			if tok := v.text.data[dg.start:dg.end]; len(tok) > 0 && tok[0] == '"' {
				newText, _ := json.Marshal(m[1])
				actions = append(actions, protocol.CodeAction{
					Title: fmt.Sprintf("Replace with %s", newText), Kind: &quickfix, Diagnostics: []protocol.Diagnostic{diag},
					Edit: &protocol.WorkspaceEdit{Changes: map[protocol.DocumentUri][]protocol.TextEdit{
						v.d.uri: {{Range: v.text.rangeOf(dg.start, dg.end, v.enc), NewText: string(newText)}},
					}},
				})
			}
		}
		if f.Stage == finding.StagePolicy && v.d.file {
			if edit, err := suppress(v, f); err == nil {
				actions = append(actions, protocol.CodeAction{
					Title: fmt.Sprintf("Accept %s here: add a suppression to %s", f.Rule, config.FileName),
					Kind:  &quickfix, Diagnostics: []protocol.Diagnostic{diag}, Edit: edit,
				})
			} else {
				s.log.Printf("suppression for %s: %v", f.Rule, err)
			}
		}
	}
	return actions, nil
}

// suppressionsKey is the configuration file's list of suppressions.
var suppressionsKey = regexp.MustCompile(`(?m)^suppressions:[ \t]*(#.*)?\r?$`)

// suppress is the edit that accepts f in the configuration file that
// governs the document, creating one beside it when there is none.
func suppress(v *view, f finding.Finding) (*protocol.WorkspaceEdit, error) {
	path := filepath.Join(filepath.Dir(v.d.path), config.FileName)
	if v.result.config != nil && v.result.config.File != "" {
		path = v.result.config.File
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	rel := discover.Rel(filepath.Dir(abs), v.d.path)
	if rel == "" {
		rel = filepath.ToSlash(v.d.path)
	}
	entry := func(indent string) string {
		q := func(s string) string { b, _ := json.Marshal(s); return string(b) }
		e := indent + "- rule: " + f.Rule + "\n" + indent + "  file: " + q(rel) + "\n"
		if f.Element != "" {
			e += indent + "  element: " + q(f.Element) + "\n"
		} else {
			e += indent + "  pointer: " + q(f.Pointer) + "\n"
		}
		return e + indent + "  reason: " + q(suppressionReason) + "\n"
	}
	uri := fileURI(abs)
	data, err := os.ReadFile(abs)
	if os.IsNotExist(err) {
		return &protocol.WorkspaceEdit{DocumentChanges: []any{
			protocol.CreateFile{Kind: "create", URI: uri, Options: &protocol.CreateFileOptions{IgnoreIfExists: boolPtr(true)}},
			protocol.TextDocumentEdit{
				TextDocument: protocol.OptionalVersionedTextDocumentIdentifier{TextDocumentIdentifier: protocol.TextDocumentIdentifier{URI: uri}},
				Edits:        []any{protocol.TextEdit{Range: protocol.Range{}, NewText: "suppressions:\n" + entry("  ")}},
			},
		}}, nil
	}
	if err != nil {
		return nil, err
	}
	t := newText(data)
	var at int
	var newText string
	if m := suppressionsKey.FindIndex(data); m != nil {
		// Insert first in the list, at the indentation of its entries.
		line := t.lineOf(m[0]) + 1
		at = len(data)
		if line < len(t.lines) {
			at = t.lines[line]
		}
		indent := "  "
		if next := data[at:]; len(next) > 0 {
			trimmed := strings.TrimLeft(string(next[:min(len(next), 64)]), " ")
			if strings.HasPrefix(trimmed, "- ") {
				indent = string(next[:len(next[:min(len(next), 64)])-len(trimmed)])
			}
		}
		newText = entry(indent)
		if at == len(data) && len(data) > 0 && data[len(data)-1] != '\n' {
			newText = "\n" + newText
		}
	} else {
		at = len(data)
		newText = "\nsuppressions:\n" + entry("  ")
		if len(data) > 0 && data[len(data)-1] != '\n' {
			newText = "\n" + newText
		}
	}
	enc := v.enc
	pos := t.position(at, enc)
	return &protocol.WorkspaceEdit{Changes: map[protocol.DocumentUri][]protocol.TextEdit{
		uri: {{Range: protocol.Range{Start: pos, End: pos}, NewText: newText}},
	}}, nil
}

func boolPtr(b bool) *bool { return &b }
