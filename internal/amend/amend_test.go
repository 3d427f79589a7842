package amend_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/charterlint/charterlint/internal/amend"
	"github.com/charterlint/charterlint/internal/analysis"
	"github.com/charterlint/charterlint/internal/decode"
	"github.com/charterlint/charterlint/internal/policy"
	"github.com/charterlint/charterlint/policies"
)

const dir = "../../fixtures/amendments"

func analyzer(t *testing.T) *analysis.Analyzer {
	t.Helper()
	l, err := analysis.New(context.Background(), analysis.Options{Limits: decode.DefaultLimits(), Rules: &policy.Options{Pack: policies.FS()}})
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func read(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// compare analyses two charters given as bytes and compares them.
func compare(t *testing.T, l *analysis.Analyzer, old, new []byte) *amend.Amendment {
	t.Helper()
	a := l.Check(context.Background(), "old.json", old)
	b := l.Check(context.Background(), "new.json", new)
	if a.Err != nil || b.Err != nil {
		t.Fatal(a.Err, b.Err)
	}
	return amend.Compare(a, b)
}

func TestReorderAndReformatChangeNothing(t *testing.T) {
	l := analyzer(t)
	am := compare(t, l, read(t, "base.json"), read(t, "reordered.json"))
	if !am.Empty() || !am.ElementsCompared || !am.PowerCompared || !am.RulesCompared {
		t.Errorf("reordered arrays and reformatted JSON: got %+v, want an empty amendment", am)
	}
	// The same charter against itself, compact: nothing either.
	compact := strings.Join(strings.Fields(string(read(t, "base.json"))), " ")
	if am := compare(t, l, read(t, "base.json"), []byte(compact)); !am.Empty() {
		t.Errorf("compacted JSON: got %+v, want an empty amendment", am)
	}
}

func TestGovernmentMajority(t *testing.T) {
	am := compare(t, analyzer(t), read(t, "base.json"), read(t, "government-majority.json"))
	if len(am.Elements) != 1 || am.Elements[0].Change != amend.Changed || am.Elements[0].ID != "board-municipal-director" || strings.Join(am.Elements[0].Fields, ",") != "count" {
		t.Errorf("elements = %+v, want the municipal director's seat changed in count", am.Elements)
	}
	if len(am.Bodies) != 1 {
		t.Fatalf("bodies = %+v, want the Board only", am.Bodies)
	}
	b := am.Bodies[0]
	if b.ID != "association-board" || b.Before.Votes["government"] != 1 || b.After.Votes["government"] != 7 || b.After.VotingSeats != 13 || b.After.Relation != "polyarchic" || b.After.Dominant != "government" || b.Before.Dominant != "" {
		t.Errorf("Board = %+v before %+v after %+v", b, b.Before, b.After)
	}
	// A majority is dominance, not authority: the relation stays
	// polyarchic, and the charter's classification does not change.
	if c := am.Classification; c == nil || c.Changed || c.After.Relation != "polyarchic" {
		t.Errorf("classification = %+v, want polyarchic, unchanged", c)
	}
	if len(am.Introduced) != 1 || am.Introduced[0].Rule != "CL-CAP-005" || am.Introduced[0].File != "new.json" || len(am.Resolved) != 0 {
		t.Errorf("introduced %v, resolved %v; want CL-CAP-005 introduced, none resolved", am.Introduced, am.Resolved)
	}
	if len(am.Functions) != 0 {
		t.Errorf("functions = %+v, want none changed (still multistakeholder)", am.Functions)
	}
}

func TestAppealAddedResolvesAndRemovedIntroduces(t *testing.T) {
	l := analyzer(t)
	am := compare(t, l, read(t, "base.json"), read(t, "appeal-added.json"))
	if len(am.Elements) != 1 || am.Elements[0].Kind != amend.KindAppeal || am.Elements[0].Change != amend.Added {
		t.Errorf("elements = %+v, want one appeal added", am.Elements)
	}
	if len(am.Resolved) != 1 || am.Resolved[0].Rule != "CL-ACC-001" || am.Resolved[0].File != "old.json" || len(am.Introduced) != 0 {
		t.Errorf("introduced %v, resolved %v; want CL-ACC-001 resolved", am.Introduced, am.Resolved)
	}
	back := compare(t, l, read(t, "appeal-added.json"), read(t, "base.json"))
	if len(back.Introduced) != 1 || back.Introduced[0].Rule != "CL-ACC-001" || back.Worst().String() != "error" {
		t.Errorf("removing the appeal: introduced %v, want CL-ACC-001, an error", back.Introduced)
	}
	if len(back.Elements) != 1 || back.Elements[0].Change != amend.Removed {
		t.Errorf("elements = %+v, want one appeal removed", back.Elements)
	}
}

func TestRenameByContent(t *testing.T) {
	am := compare(t, analyzer(t), read(t, "base.json"), read(t, "body-renamed.json"))
	want := amend.Element{Kind: amend.KindBody, Change: amend.Renamed, ID: "governing-board", OldID: "association-board", Name: "Board of the Association"}
	if len(am.Elements) != 1 || am.Elements[0].Kind != want.Kind || am.Elements[0].Change != want.Change || am.Elements[0].ID != want.ID || am.Elements[0].OldID != want.OldID || len(am.Elements[0].Fields) != 0 {
		t.Errorf("elements = %+v, want only %+v: the references to it follow the rename", am.Elements, want)
	}
	if len(am.Bodies) != 0 || len(am.Functions) != 0 || len(am.Introduced) != 0 || len(am.Resolved) != 0 {
		t.Errorf("a rename moved power or findings: %+v", am)
	}
}

func TestRenameByName(t *testing.T) {
	base := read(t, "base.json")
	// The engineers' id changes, and their class: same name, so a rename.
	amended := strings.ReplaceAll(string(base), `"network-engineers"`, `"engineers"`)
	amended = strings.Replace(amended, `"class": "technical-community"`, `"class": "academia"`, 1)
	am := compare(t, analyzer(t), base, []byte(amended))
	var got *amend.Element
	for i, e := range am.Elements {
		if e.Kind == amend.KindActor {
			got = &am.Elements[i]
		}
	}
	if got == nil || got.Change != amend.Renamed || got.OldID != "network-engineers" || got.ID != "engineers" || strings.Join(got.Fields, ",") != "class" {
		t.Errorf("elements = %+v, want the actor renamed with its class changed", am.Elements)
	}
	for _, e := range am.Elements {
		if e.Kind == amend.KindSeat || e.Kind == amend.KindBody {
			t.Errorf("%+v: a reference to a renamed actor counted as a change", e)
		}
	}
}

func TestFindingsFollowRenames(t *testing.T) {
	old := read(t, "government-majority.json")
	renamed := strings.ReplaceAll(string(old), `"association-board"`, `"governing-board"`)
	am := compare(t, analyzer(t), old, []byte(renamed))
	if len(am.Introduced) != 0 || len(am.Resolved) != 0 {
		t.Errorf("CL-CAP-005 on the renamed Board: introduced %v, resolved %v; want it matched", am.Introduced, am.Resolved)
	}
	if len(am.Elements) != 1 || am.Elements[0].Change != amend.Renamed {
		t.Errorf("elements = %+v", am.Elements)
	}
}

func TestStructuralSide(t *testing.T) {
	base := read(t, "base.json")
	broken := strings.Replace(string(base), `"class": "government"`, `"class": "goverment"`, 1)
	am := compare(t, analyzer(t), base, []byte(broken))
	if am.PowerCompared || am.RulesCompared || am.ElementsCompared || am.New.Checked || am.New.Problem != "schema" {
		t.Errorf("got %+v, want power, rules and elements not compared, NEW failing the schema", am)
	}
	if len(am.Introduced) != 1 || am.Introduced[0].Rule != "schema" || len(am.Resolved) != 0 {
		t.Errorf("introduced %v, resolved %v; want the schema finding introduced and OLD's rule findings left out", am.Introduced, am.Resolved)
	}
	// Fixed: the schema finding is resolved.
	back := compare(t, analyzer(t), []byte(broken), base)
	if len(back.Resolved) != 1 || back.Resolved[0].Rule != "schema" || len(back.Introduced) != 0 {
		t.Errorf("introduced %v, resolved %v; want the schema finding resolved", back.Introduced, back.Resolved)
	}
}

// A structural finding has no element: it is matched by its pointer with
// array indices replaced by ids, so moving the broken actor changes nothing.
func TestStructuralFindingMatchedAcrossReorder(t *testing.T) {
	l := analyzer(t)
	broken := func(name string) []byte {
		return []byte(strings.Replace(string(read(t, name)), `"class": "government"`, `"class": "goverment"`, 1))
	}
	am := compare(t, l, broken("base.json"), broken("reordered.json"))
	if !am.Empty() {
		t.Errorf("got introduced %v, resolved %v; want nothing", am.Introduced, am.Resolved)
	}
}

// The relation as diff shows it names who has authority and who
// dominates, so that a change of either is visible.
func TestRelationText(t *testing.T) {
	for _, tt := range []struct {
		p    amend.BodyPower
		want string
	}{
		{amend.BodyPower{Relation: "polyarchic"}, "polyarchic"},
		{amend.BodyPower{Relation: "polyarchic", Dominant: "government"}, "polyarchic, government dominant"},
		{amend.BodyPower{Relation: "hierarchical", Authority: "private-sector"}, "hierarchical under private-sector"},
		{amend.BodyPower{Relation: "single-class", Authority: "government"}, "single-class"},
	} {
		if got := tt.p.RelationText(); got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.p, got, tt.want)
		}
	}
}

// A changed element says how each property changed, before and after:
// a nested object down to the property that changed, an array whole
// with the items added and removed, a property no longer set as null.
func TestFieldChanges(t *testing.T) {
	l := analyzer(t)
	am := compare(t, l, read(t, "base.json"), read(t, "government-majority.json"))
	if len(am.Elements) != 1 || !reflect.DeepEqual(am.Elements[0].Changes, []amend.FieldChange{{Field: "count", Old: 1.0, New: 7.0}}) {
		t.Errorf("elements = %+v, want count 1 → 7", am.Elements)
	}

	base := string(read(t, "base.json"))
	seat := `"id": "board-municipal-director",
          "actor": "municipal-networks",
          "count": 1,
          "vote": "full",
          "selection": {
            "method": "election",
            "by": [
              "municipal-networks"
            ]
          },
          "term": {
            "years": 2,
            "maxConsecutive": 3
          }`
	if !strings.Contains(base, seat) {
		t.Fatal("base.json's municipal director seat is not as the test expects")
	}
	amended := strings.Replace(base, seat, `"id": "board-municipal-director",
          "actor": "municipal-networks",
          "count": 1,
          "vote": "none",
          "selection": {
            "method": "election",
            "by": ["municipal-networks", "access-isps"]
          },
          "term": {"years": 3}`, 1)
	am = compare(t, l, []byte(base), []byte(amended))
	var got *amend.Element
	for i, e := range am.Elements {
		if e.ID == "board-municipal-director" {
			got = &am.Elements[i]
		}
	}
	want := []amend.FieldChange{
		{Field: "selection.by", Old: []any{"municipal-networks"}, New: []any{"municipal-networks", "access-isps"}, Added: []any{"access-isps"}},
		{Field: "term.maxConsecutive", Old: 3.0, New: nil},
		{Field: "term.years", Old: 2.0, New: 3.0},
		{Field: "vote", Old: "full", New: "none"},
	}
	if got == nil || strings.Join(got.Fields, ",") != "selection,term,vote" || !reflect.DeepEqual(got.Changes, want) {
		t.Fatalf("seat = %+v, want fields selection, term, vote with changes %+v", got, want)
	}
	b, err := json.Marshal(got.Changes[1])
	if err != nil || string(b) != `{"field":"term.maxConsecutive","old":3,"new":null}` {
		t.Errorf("JSON of a property no longer set: %s, %v", b, err)
	}
}

// A renamed element's changes leave out the id, and an array that names
// a renamed element follows the rename: only what else changed is listed.
func TestFieldChangesFollowRenames(t *testing.T) {
	base := string(read(t, "base.json"))
	amended := strings.ReplaceAll(base, `"network-engineers"`, `"engineers"`)
	amended = strings.Replace(amended, `"class": "technical-community"`, `"class": "academia"`, 1)
	am := compare(t, analyzer(t), []byte(base), []byte(amended))
	for _, e := range am.Elements {
		switch {
		case e.Kind == amend.KindActor:
			if want := []amend.FieldChange{{Field: "class", Old: "technical-community", New: "academia"}}; !reflect.DeepEqual(e.Changes, want) {
				t.Errorf("renamed actor: changes %+v, want %+v", e.Changes, want)
			}
		case len(e.Changes) > 0:
			t.Errorf("%s %s: changes %+v from a reference to a renamed actor", e.Kind, e.ID, e.Changes)
		}
	}
}

func TestIDsDiffer(t *testing.T) {
	l := analyzer(t)
	base := read(t, "base.json")
	if am := compare(t, l, base, read(t, "government-majority.json")); am.IDsDiffer {
		t.Error("two versions of lakeside-ix: IDsDiffer")
	}
	other := strings.Replace(string(base), `"id": "lakeside-ix"`, `"id": "lakeside-ix-2"`, 1)
	am := compare(t, l, base, []byte(other))
	if !am.IDsDiffer || am.Old.ID != "lakeside-ix" || am.New.ID != "lakeside-ix-2" {
		t.Errorf("ids lakeside-ix and lakeside-ix-2: IDsDiffer %v, old %q, new %q", am.IDsDiffer, am.Old.ID, am.New.ID)
	}
	if len(am.Elements) != 1 || am.Elements[0].Kind != amend.KindCharter || !reflect.DeepEqual(am.Elements[0].Changes, []amend.FieldChange{{Field: "id", Old: "lakeside-ix", New: "lakeside-ix-2"}}) {
		t.Errorf("elements = %+v, want the charter's id changed", am.Elements)
	}
	// A side that is not JSON has no id: nothing to warn of.
	if am := compare(t, l, base, []byte("{")); am.IDsDiffer {
		t.Error("NEW unreadable: IDsDiffer")
	}
}
