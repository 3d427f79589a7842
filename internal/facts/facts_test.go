package facts

import (
	"reflect"
	"slices"
	"strconv"
	"testing"

	"github.com/charterlint/charterlint/internal/charter"
)

func actors() []charter.Actor {
	return []charter.Actor{
		{ID: "states", Class: "government"},
		{ID: "firms", Class: "private-sector"},
		{ID: "ngos", Class: "civil-society"},
		{ID: "techies", Class: "technical-community"},
		{ID: "ministry", Class: "government", Kind: "organisation"},
		{ID: "megacorp", Class: "private-sector", Kind: "organisation", Incumbent: true},
	}
}

func seat(id, actor string, n int, vote string) charter.Seat {
	return charter.Seat{ID: id, Actor: actor, Count: n, Vote: vote}
}

func fn(id, category, modality, body string) charter.Function {
	return charter.Function{ID: id, Category: category, Modality: modality, DecidedBy: body}
}

// Members without a vote (the ITU pattern): only states vote, so the body
// is intergovernmental and single-class, whatever the claim.
func TestMembersWithoutVote(t *testing.T) {
	c := &charter.Charter{
		Modality: "multistakeholder",
		Actors:   actors(),
		Bodies: []charter.Body{{ID: "council", Role: "decision", Seats: []charter.Seat{
			seat("s", "states", 48, "full"), seat("f", "firms", 700, "none"),
		}}},
		Functions: []charter.Function{fn("spectrum", "spectrum-and-satellite", "multistakeholder", "council")},
	}
	f := Derive(c, nil)
	b := f.Bodies["council"]
	if b.VotingSeats != 48 || b.Seats != 748 {
		t.Errorf("seats = %d voting of %d, want 48 of 748", b.VotingSeats, b.Seats)
	}
	if !reflect.DeepEqual(b.VotingClasses, []string{"government"}) || !reflect.DeepEqual(b.NonVotingClasses, []string{"private-sector"}) {
		t.Errorf("voting %v non-voting %v", b.VotingClasses, b.NonVotingClasses)
	}
	if b.Shares["government"] != 1 || b.GovernmentalShare != 1 || b.MajorityClass != "government" {
		t.Errorf("shares %v governmental %v majority %q", b.Shares, b.GovernmentalShare, b.MajorityClass)
	}
	if b.EffectiveModality != "intergovernmental" || b.Relation != RelationSingleClass {
		t.Errorf("modality %q relation %q, want intergovernmental single-class", b.EffectiveModality, b.Relation)
	}
	if got := f.Functions["spectrum"].EffectiveModality; got != "intergovernmental" {
		t.Errorf("function modality %q", got)
	}
	if !f.ClaimsMultistakeholder || f.Variety.EffectiveModality != "intergovernmental" || f.Variety.Relation != RelationSingleClass {
		t.Errorf("variety %+v", f.Variety)
	}
	if !reflect.DeepEqual(f.Variety.AdvisoryClasses, []string{"private-sector", "civil-society", "technical-community"}) {
		t.Errorf("advisory classes %v", f.Variety.AdvisoryClasses)
	}
}

// Open consensus bodies: nobody votes, every participant has equal standing.
func TestOpenConsensusBody(t *testing.T) {
	c := &charter.Charter{
		Modality: "technical-community",
		Actors:   actors(),
		Bodies: []charter.Body{{ID: "wg", Role: "decision", Open: true,
			Participants: []string{"techies", "firms", "ngos"},
			Decision:     &charter.Decision{Method: "rough-consensus"}}},
		Functions: []charter.Function{fn("protocols", "standards-setting", "technical-community", "wg")},
	}
	f := Derive(c, nil)
	b := f.Bodies["wg"]
	if b.VotingSeats != 0 || len(b.NonVotingClasses) != 0 {
		t.Errorf("open body: voting %d non-voting %v", b.VotingSeats, b.NonVotingClasses)
	}
	if !reflect.DeepEqual(b.PowerClasses, []string{"private-sector", "civil-society", "technical-community"}) {
		t.Errorf("power %v", b.PowerClasses)
	}
	if b.EffectiveModality != "multistakeholder" || b.Relation != RelationPolyarchic {
		t.Errorf("modality %q relation %q", b.EffectiveModality, b.Relation)
	}
}

// Non-voting liaisons and mixed appointers (the ICANN board pattern): the
// nominating committee's seats count as mixed; liaisons do not vote; the
// power is shared.
func TestLiaisonsAndMixedAppointers(t *testing.T) {
	c := &charter.Charter{
		Modality: "multistakeholder",
		Actors:   actors(),
		Bodies: []charter.Body{
			{ID: "board", Role: "decision", Seats: []charter.Seat{
				{ID: "nomcom-seats", AppointedBy: "nomcom", Count: 8, Vote: "full"},
				seat("registries", "firms", 4, "full"),
				seat("atlarge", "ngos", 1, "full"),
				seat("tech", "techies", 2, "full"),
				{ID: "gac-liaison", Actor: "states", Count: 1, Vote: "none", Kind: "liaison"},
			}},
			{ID: "nomcom", Role: "nominating", Seats: []charter.Seat{
				seat("n1", "firms", 7, "full"), seat("n2", "ngos", 5, "full"), seat("n3", "techies", 3, "full"),
			}},
		},
		Advice:    []charter.Advice{{ID: "gac-advice", From: "nomcom", To: "board", Weight: "must-consider"}},
		Functions: []charter.Function{fn("root", "critical-internet-resources", "multistakeholder", "board")},
	}
	f := Derive(c, nil)
	b := f.Bodies["board"]
	if b.Votes["mixed"] != 8 || b.VotingSeats != 15 {
		t.Errorf("votes %v of %d", b.Votes, b.VotingSeats)
	}
	if b.MajorityClass != "" {
		t.Errorf("majority %q, want none (mixed is no class)", b.MajorityClass)
	}
	// The liaison is a link to the GAC, not a member without a vote.
	if len(b.NonVotingClasses) != 0 || len(b.Links) != 1 || b.Links[0].Seat != "gac-liaison" || b.Links[0].Class != "government" {
		t.Errorf("non-voting %v, links %+v", b.NonVotingClasses, b.Links)
	}
	if b.GovernmentalShare != 0 {
		t.Errorf("governmental share %v", b.GovernmentalShare)
	}
	if b.EffectiveModality != "multistakeholder" || b.Relation != RelationPolyarchic {
		t.Errorf("modality %q relation %q", b.EffectiveModality, b.Relation)
	}
	if len(b.BindingAdviceFrom) != 0 {
		t.Errorf("must-consider advice counted as binding: %v", b.BindingAdviceFrom)
	}
	if got := b.Appointers["nomcom-seats"]; !reflect.DeepEqual(got, []string{"nomcom"}) {
		t.Errorf("appointers %v", got)
	}
}

// Binding advice and general vetoes move power: the adviser's classes and
// the veto holder's class join the deciders, and one class dominates.
func TestBindingAdviceAndVeto(t *testing.T) {
	c := &charter.Charter{
		Modality: "multistakeholder",
		Actors:   actors(),
		Bodies: []charter.Body{
			{ID: "board", Role: "decision", Seats: []charter.Seat{seat("f", "firms", 5, "full"), seat("n", "ngos", 5, "full")},
				Vetoes: []charter.Veto{{ID: "golden-share", Holder: "ministry", Scope: "all"}}},
			{ID: "gov-committee", Role: "advisory", Seats: []charter.Seat{seat("g", "states", 10, "full")}},
		},
		Advice:    []charter.Advice{{ID: "adv", From: "gov-committee", To: "board", Weight: "binding"}},
		Functions: []charter.Function{fn("policy", "information-intermediaries", "multistakeholder", "board")},
	}
	f := Derive(c, nil)
	b := f.Bodies["board"]
	if !reflect.DeepEqual(b.PowerClasses, []string{"government", "private-sector", "civil-society"}) {
		t.Errorf("power %v", b.PowerClasses)
	}
	if !reflect.DeepEqual(b.BindingAdviceFrom, []string{"gov-committee"}) {
		t.Errorf("binding advice %v", b.BindingAdviceFrom)
	}
	if b.Relation != RelationHierarchical || b.Authority != "government" {
		t.Errorf("relation %q authority %q", b.Relation, b.Authority)
	}
	if v := b.Vetoes[0]; v.Pointer != "/bodies/0/vetoes/0" || !reflect.DeepEqual(v.Classes, []string{"government"}) {
		t.Errorf("veto %+v", v)
	}
}

// An appointed advisory forum decides nothing: no power, relation none.
func TestAdvisoryForum(t *testing.T) {
	c := &charter.Charter{
		Modality: "multistakeholder",
		Actors:   actors(),
		Bodies: []charter.Body{{ID: "mag", Role: "advisory", Seats: []charter.Seat{
			{ID: "members", Actor: "ngos", Count: 40, Vote: "none", Selection: &charter.Selection{Method: "appointment", By: []string{"states"}}},
		}}},
		Functions: []charter.Function{{ID: "topics", Category: "information-intermediaries", Modality: "multistakeholder"}},
	}
	f := Derive(c, nil)
	if f.Functions["topics"].EffectiveModality != ModalityNone {
		t.Errorf("undecided function modality %q", f.Functions["topics"].EffectiveModality)
	}
	if f.Variety.EffectiveModality != ModalityNone || f.Variety.Relation != RelationNone || len(f.Variety.PowerClasses) != 0 {
		t.Errorf("variety %+v", f.Variety)
	}
	if b := f.Bodies["mag"]; b.Relation != RelationNone || b.EffectiveModality != ModalityNone {
		t.Errorf("forum relation %q modality %q", b.Relation, b.EffectiveModality)
	}
}

// The matrix judges a function by the row it names: Derive records the
// task, the row and its verdict, and does not consult the matrix for a
// function nobody decides.
func TestMatrixRow(t *testing.T) {
	c := &charter.Charter{
		Modality: "national",
		Actors:   actors(),
		Bodies:   []charter.Body{{ID: "regulator", Role: "decision", Seats: []charter.Seat{seat("m", "ministry", 1, "full")}}},
		Functions: []charter.Function{
			fn("dot-example", "critical-internet-resources", "national", "regulator"),
			fn("topics", "policy-dialogue", "national", ""),
		},
	}
	c.Functions[0].Task = "cctld-policy"
	var asked []string
	judge := func(category, task, modality string) (string, string) {
		asked = append(asked, category+"/"+task+"/"+modality)
		return task, "suited"
	}
	f := Derive(c, judge)
	if ff := f.Functions["dot-example"]; ff.Task != "cctld-policy" || ff.MatrixRow != "cctld-policy" || ff.Fit != "suited" {
		t.Errorf("function facts %+v, want task and row cctld-policy, fit suited", ff)
	}
	if ff := f.Functions["topics"]; ff.MatrixRow != "" || ff.Fit != "" {
		t.Errorf("undecided function: row %q fit %q, want none", ff.MatrixRow, ff.Fit)
	}
	if want := []string{"critical-internet-resources/cctld-policy/national"}; !slices.Equal(asked, want) {
		t.Errorf("matrix asked %v, want %v", asked, want)
	}
}

// A single ministry deciding alone is national, not intergovernmental.
func TestNationalModality(t *testing.T) {
	c := &charter.Charter{
		Modality:  "national",
		Actors:    actors(),
		Bodies:    []charter.Body{{ID: "regulator", Role: "decision", Seats: []charter.Seat{seat("m", "ministry", 1, "full")}}},
		Functions: []charter.Function{fn("ip", "ip-enforcement", "national", "regulator")},
	}
	if got := Derive(c, nil).Bodies["regulator"].EffectiveModality; got != "national" {
		t.Errorf("modality %q, want national", got)
	}
}

// Seats filled by a body dominated by one class count as that class (a
// general meeting of firms electing a board); seats filled through a chain
// of bodies resolve through the chain (a nominating committee drawn from an
// open volunteer pool); a board filling one of its own seats is no loop.
func TestAppointingBodies(t *testing.T) {
	c := &charter.Charter{
		Modality: "multistakeholder",
		Actors:   actors(),
		Bodies: []charter.Body{
			{ID: "board", Role: "decision", Seats: []charter.Seat{
				{ID: "elected", AppointedBy: "general-meeting", Count: 7, Vote: "full"},
				{ID: "ceo", AppointedBy: "board", Count: 1, Vote: "none"},
			}},
			{ID: "general-meeting", Role: "decision", Seats: []charter.Seat{seat("members", "firms", 95, "full"), seat("others", "ngos", 5, "full")}},
			{ID: "iesg", Role: "decision", Seats: []charter.Seat{{ID: "ads", AppointedBy: "nomcom", Count: 15, Vote: "full"}}},
			{ID: "nomcom", Role: "nominating", Seats: []charter.Seat{
				{ID: "volunteers", AppointedBy: "pool", Count: 10, Vote: "full"},
				{ID: "isoc-chair", Actor: "ngos", Count: 1, Vote: "none"},
			}},
			{ID: "pool", Role: "nominating", Open: true, Participants: []string{"firms", "techies", "ngos"}},
		},
		Functions: []charter.Function{fn("numbers", "critical-internet-resources", "multistakeholder", "board"), fn("stds", "standards-setting", "multistakeholder", "iesg")},
	}
	f := Derive(c, nil)
	board := f.Bodies["board"]
	if board.Votes["private-sector"] != 7 || board.MajorityClass != "private-sector" || board.EffectiveModality != "private" {
		t.Errorf("board votes %v majority %q modality %q, want 7 private-sector seats, effectively private", board.Votes, board.MajorityClass, board.EffectiveModality)
	}
	iesg := f.Bodies["iesg"]
	if iesg.Votes["mixed"] != 15 || !reflect.DeepEqual(iesg.PowerClasses, []string{"private-sector", "civil-society", "technical-community"}) {
		t.Errorf("iesg votes %v power %v, want mixed seats backed by the pool's classes", iesg.Votes, iesg.PowerClasses)
	}
	if iesg.EffectiveModality != "multistakeholder" {
		t.Errorf("iesg modality %q", iesg.EffectiveModality)
	}
}

// TestGovernedFunctions checks the summary one_modality_for_all reads:
// discussion topics (no decider, outputs declared non-binding) are not
// governed; a function with no decider whose binding is unstated or true
// still is.
func TestGovernedFunctions(t *testing.T) {
	no, yes := false, true
	c := &charter.Charter{
		Modality: "multistakeholder",
		Actors:   actors(),
		Bodies: []charter.Body{{ID: "board", Role: "decision", Seats: []charter.Seat{
			seat("ngo-seats", "ngos", 3, "full"),
		}}},
		Functions: []charter.Function{
			fn("dns", "critical-internet-resources", "multistakeholder", "board"),
			fn("cert", "cybersecurity-operations", "private", "board"),
			{ID: "topic", Category: "information-intermediaries", Modality: "intergovernmental", Binding: &no},
			{ID: "orphan", Category: "standards-setting", Modality: "multistakeholder"},
			{ID: "decree", Category: "standards-setting", Modality: "multistakeholder", Binding: &yes},
		},
	}
	v := Derive(c, nil).Variety
	if v.GovernedFunctions != 4 {
		t.Errorf("governed functions = %d, want 4 (all but the topic)", v.GovernedFunctions)
	}
	if want := []string{"multistakeholder", "private"}; !slices.Equal(v.GovernedModalities, want) {
		t.Errorf("governed modalities = %v, want %v (the topic's intergovernmental left out)", v.GovernedModalities, want)
	}
	if want := []string{"critical-internet-resources", "cybersecurity-operations", "standards-setting"}; !slices.Equal(v.GovernedCategories, want) {
		t.Errorf("governed categories = %v, want %v", v.GovernedCategories, want)
	}
}

// A ministry that chooses, and can recall, every business and
// civil-society member of a council: government holds power through them,
// and has authority over the others.
func TestGovernmentChoosesAndRecalls(t *testing.T) {
	chosen := func(id, actor string, n int) charter.Seat {
		s := seat(id, actor, n, "full")
		s.Selection = &charter.Selection{Method: "appointment", By: []string{"ministry"}}
		return s
	}
	c := &charter.Charter{
		Modality: "multistakeholder",
		Actors:   actors(),
		Bodies: []charter.Body{{ID: "council", Role: "decision",
			Seats: []charter.Seat{chosen("industry", "firms", 3), chosen("community", "ngos", 3)}}},
		Functions:      []charter.Function{fn("f", "critical-internet-resources", "multistakeholder", "council")},
		Accountability: &charter.Accountability{Recall: &charter.Recall{By: []string{"ministry"}, Of: []string{"council"}}},
	}
	b := Derive(c, nil).Bodies["council"]
	if b.GovernmentChosen != 6 || !reflect.DeepEqual(b.Choosers, []string{"government"}) || !reflect.DeepEqual(b.RecalledBy, []string{"government"}) {
		t.Errorf("chosen %d by %v, recalled by %v", b.GovernmentChosen, b.Choosers, b.RecalledBy)
	}
	if !reflect.DeepEqual(b.PowerClasses, []string{"government", "private-sector", "civil-society"}) || b.Relation != RelationHierarchical || b.Authority != "government" {
		t.Errorf("power %v relation %q authority %q", b.PowerClasses, b.Relation, b.Authority)
	}
	// Each class elects its own members: no authority, no government power.
	for i := range c.Bodies[0].Seats {
		c.Bodies[0].Seats[i].Selection = &charter.Selection{Method: "election", By: []string{c.Bodies[0].Seats[i].Actor}}
	}
	c.Accountability = nil
	b = Derive(c, nil).Bodies["council"]
	if b.GovernmentChosen != 0 || b.Relation != RelationPolyarchic || slices.Contains(b.PowerClasses, "government") {
		t.Errorf("self-chosen: chosen %d relation %q power %v", b.GovernmentChosen, b.Relation, b.PowerClasses)
	}
	// Some seats unchosen by the charter: choosing the rest is no authority.
	c.Bodies[0].Seats[1].Selection = nil
	c.Bodies[0].Seats[0].Selection = &charter.Selection{Method: "appointment", By: []string{"firms"}}
	if b = Derive(c, nil).Bodies["council"]; b.UnchosenSeats != 3 || b.Relation != RelationPolyarchic {
		t.Errorf("unchosen %d relation %q", b.UnchosenSeats, b.Relation)
	}
}

// Two ministries of one state decide nationally; ministries of two states
// intergovernmentally; a ministry without a state named is its own state.
func TestNationalCountsStates(t *testing.T) {
	modality := func(states ...string) string {
		c := &charter.Charter{Modality: "national", Functions: []charter.Function{fn("f", "spectrum-and-satellite", "national", "council")}}
		council := charter.Body{ID: "council", Role: "decision"}
		for i, st := range states {
			id := "ministry-" + strconv.Itoa(i)
			c.Actors = append(c.Actors, charter.Actor{ID: id, Class: "government", Kind: "organisation", State: st})
			council.Seats = append(council.Seats, seat("s"+strconv.Itoa(i), id, 1, "full"))
		}
		c.Bodies = []charter.Body{council}
		return Derive(c, nil).Bodies["council"].EffectiveModality
	}
	for _, tt := range []struct {
		states []string
		want   string
	}{
		{[]string{"FR", "FR"}, "national"},
		{[]string{"FR", "DE"}, "intergovernmental"},
		{[]string{""}, "national"},
		{[]string{"", ""}, "intergovernmental"},
		{[]string{"FR", ""}, "intergovernmental"},
	} {
		if got := modality(tt.states...); got != tt.want {
			t.Errorf("ministries of %q: %s, want %s", tt.states, got, tt.want)
		}
	}
}

// What classes without decision power do instead, kind by kind: the ICANN
// pattern (a limited vote in the community's body, liaisons, observers),
// members of a body that decides and advises nothing, and a funder.
func TestRolesOfClassesWithoutPower(t *testing.T) {
	liaison := func(id, actor string) charter.Seat {
		s := seat(id, actor, 1, "none")
		s.Kind = "liaison"
		return s
	}
	observer := liaison("igo-observer", "ministry")
	observer.Kind = "observer"
	c := &charter.Charter{
		Modality: "multistakeholder",
		Actors:   append(actors(), charter.Actor{ID: "un", Class: "intergovernmental", Kind: "organisation"}),
		Bodies: []charter.Body{
			{ID: "board", Role: "decision", FundedBy: []string{"megacorp"}, Seats: []charter.Seat{
				seat("techies-seats", "techies", 5, "full"), seat("ngo-seats", "ngos", 3, "full"), liaison("gov-liaison", "states"), liaison("gov-liaison-2", "ministry")}},
			{ID: "community", Role: "oversight", Seats: []charter.Seat{seat("ngo-votes", "ngos", 2, "full"), seat("gov-votes", "states", 1, "limited")}},
			{ID: "forum", Role: "advisory", Seats: []charter.Seat{seat("forum-gov", "states", 3, "full"), seat("forum-igo", "un", 1, "none")}},
			{ID: "gac", Role: "advisory", Seats: []charter.Seat{seat("gac-gov", "ministry", 1, "full")}},
		},
		Functions: []charter.Function{fn("names", "critical-internet-resources", "multistakeholder", "board")},
		Advice:    []charter.Advice{{ID: "gac-advice", From: "gac", To: "board", Weight: "must-consider"}},
	}
	roles := Derive(c, nil).Variety.Roles
	want := map[string][]RoleFacts{
		"government": {
			{Kind: "only a limited vote on", Bodies: []string{"community"}},
			{Kind: "liaison on", Bodies: []string{"board"}},
			{Kind: "member of non-deciding", Bodies: []string{"forum"}},
		},
		"intergovernmental": {{Kind: "member without a vote on", Bodies: []string{"forum"}}},
		"private-sector":    {{Kind: "funds", Bodies: []string{"board"}}},
	}
	if !reflect.DeepEqual(roles, want) {
		t.Errorf("roles\n got %+v\nwant %+v", roles, want)
	}
}

// Authority is power: a class that alone can recall a body's members, or
// chooses them all, holds power on it even without a seat, and is told
// why.
func TestAuthorityHoldsPower(t *testing.T) {
	c := &charter.Charter{
		Modality: "multistakeholder",
		Actors:   append(actors(), charter.Actor{ID: "scholars", Class: "academia"}),
		Bodies: []charter.Body{{ID: "board", Role: "decision",
			Seats: []charter.Seat{seat("f", "firms", 3, "full"), seat("n", "ngos", 3, "full")}}},
		Functions:      []charter.Function{fn("f", "standards-setting", "multistakeholder", "board")},
		Accountability: &charter.Accountability{Recall: &charter.Recall{By: []string{"scholars"}, Of: []string{"board"}}},
	}
	b := Derive(c, nil).Bodies["board"]
	if !slices.Contains(b.PowerClasses, "academia") || b.Relation != RelationHierarchical || b.Authority != "academia" {
		t.Errorf("recall by academia: power %v relation %q authority %q", b.PowerClasses, b.Relation, b.Authority)
	}
	if got := b.Reasons["academia"]; !slices.Contains(got, "can recall the members") {
		t.Errorf("academia's reasons %q", got)
	}
	// The recall goes to a body of several classes: it recalls as a body.
	c.Bodies = append(c.Bodies, charter.Body{ID: "assembly", Role: "oversight",
		Seats: []charter.Seat{seat("af", "firms", 10, "full"), seat("an", "ngos", 2, "full")}})
	c.Accountability.Recall.By = []string{"assembly"}
	if b = Derive(c, nil).Bodies["board"]; b.Relation != RelationPolyarchic || !reflect.DeepEqual(b.RecalledBy, []string{Mixed}) {
		t.Errorf("recall by a mixed assembly: relation %q recalled by %v", b.Relation, b.RecalledBy)
	}
}

// A charter claims openness by a multistakeholder claim, an open or
// inclusive principle, or open participation; a private charter that says
// it is accountable and transparent does not.
func TestClaimsOpenness(t *testing.T) {
	for _, tt := range []struct {
		c    charter.Charter
		want bool
	}{
		{charter.Charter{Modality: "multistakeholder"}, true},
		{charter.Charter{Modality: "private", Principles: []string{"inclusive"}}, true},
		{charter.Charter{Modality: "private", Participation: &charter.Participation{Openness: "open"}}, true},
		{charter.Charter{Modality: "private", Principles: []string{"accountable", "transparent"}, Participation: &charter.Participation{Openness: "admission"}}, false},
		{charter.Charter{Modality: "national", Functions: []charter.Function{{ID: "f", Modality: "multistakeholder"}}}, true},
	} {
		if got := Derive(&tt.c, nil).ClaimsOpenness; got != tt.want {
			t.Errorf("%+v: claims openness %v, want %v", tt.c, got, tt.want)
		}
	}
}

// A decision's other rules, the fallback vote and one per matter, are
// facts the process rules read with where they stand.
func TestDecisionRules(t *testing.T) {
	c := &charter.Charter{Actors: actors(), Bodies: []charter.Body{{ID: "council", Role: "decision",
		Seats: []charter.Seat{seat("s", "states", 3, "full")},
		Decision: &charter.Decision{Method: "consensus", Fallback: &charter.Rule{Method: "supermajority"},
			Matters: []charter.MatterRule{{Matter: "budget", Method: "majority"}, {Matter: "admission", Method: "supermajority", Threshold: share(0.75)}}}}}}
	got := Derive(c, nil).Bodies["council"].Decision.Rules
	want := []RuleFacts{
		{Field: "fallback", Method: "supermajority"},
		{Field: "matters/0", Matter: "budget", Method: "majority"},
		{Field: "matters/1", Matter: "admission", Method: "supermajority", Threshold: share(0.75)},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rules %+v, want %+v", got, want)
	}
}

// A seat its own actor appoints, with no term, is a delegation; a body is
// delegated when each of its voting seats is one, whatever its seats
// without a vote are.
func TestDelegation(t *testing.T) {
	delegates := func(id, actor string, by ...string) charter.Seat {
		s := seat(id, actor, 3, "full")
		s.Selection = &charter.Selection{Method: "appointment", By: by}
		return s
	}
	withTerm := delegates("termed", "firms", "firms")
	withTerm.Term = &charter.Term{Years: 2}
	elected := delegates("elected", "firms", "firms")
	elected.Selection.Method = "election"
	observer := seat("observers", "ngos", 2, "none")
	c := &charter.Charter{Actors: actors(), Bodies: []charter.Body{
		{ID: "council", Role: "decision", Seats: []charter.Seat{delegates("states", "states", "states"), observer}},
		{ID: "board", Role: "decision", Seats: []charter.Seat{delegates("states", "states", "states"), withTerm}},
		{ID: "assembly", Role: "decision", Seats: []charter.Seat{delegates("states", "states", "states", "firms"), elected}},
		{ID: "forum", Role: "advisory", Participants: []string{"ngos", "techies"}, Seats: []charter.Seat{observer}},
		{ID: "panel", Role: "decision", Seats: []charter.Seat{delegates("experts", "techies", "states")}},
	}}
	f := Derive(c, nil)
	var got []string
	for _, s := range f.Seats {
		if s.Delegation {
			got = append(got, s.Body+"/"+s.ID)
		}
	}
	if want := []string{"council/states", "board/states"}; !reflect.DeepEqual(got, want) {
		t.Errorf("delegations %v, want %v", got, want)
	}
	for id, want := range map[string]bool{"council": true, "board": false, "assembly": false, "forum": false, "panel": false} {
		if f.Bodies[id].Delegated != want {
			t.Errorf("body %s: delegated %v, want %v", id, f.Bodies[id].Delegated, want)
		}
	}
	if n := f.Bodies["forum"].Participants; n != 2 {
		t.Errorf("forum: %d participants, want 2", n)
	}
}
