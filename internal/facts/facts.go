// Package facts derives, once per charter, what the rules and the classify
// command reason about: the voting share of each actor class on each body,
// who holds vetoes, whose advice binds, who appoints whom, the classes that
// really hold decision power, and the effective modality of every body and
// function. It is the single source of truth for those numbers: rules read
// them as input.facts, classify renders them.
package facts

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/charterlint/charterlint/internal/charter"
)

// Mixed is the pseudo-class of seats filled by a body whose members come
// from several classes (a nominating committee): they belong to no one class.
const Mixed = "mixed"

// ModalityNone is the effective modality of a function no body decides, or
// of a body in which nobody holds decision power.
const ModalityNone = "none"

// Authority relations among the classes that hold power. Raymond &
// DeNardis (2015) name two, hierarchical and polyarchic, which need two or
// more classes; the other two are this project's words for a body where
// one class holds all power and one where nobody decides.
const (
	RelationHierarchical = "hierarchical" // one class has authority: a veto over all, or chooses or recalls every member
	RelationPolyarchic   = "polyarchic"   // power shared, no class with authority over the others
	RelationSingleClass  = "single-class" // one class holds all decision power; others at most attend or advise
	RelationNone         = "none"         // nobody decides (an advisory forum)
)

// Facts are the derived facts of one charter.
type Facts struct {
	// ClaimsMultistakeholder is true when the charter or any of its
	// functions declares the multistakeholder modality.
	ClaimsMultistakeholder bool `json:"claimsMultistakeholder"`
	// ClaimsOpenness is true when the charter claims to be multistakeholder
	// or open: a multistakeholder claim, an open or inclusive principle, or
	// open participation. The NETmundial process checklist is then the
	// standard it set itself.
	ClaimsOpenness bool `json:"claimsOpenness"`
	// Classes lists the actor classes present in the charter, canonical order.
	Classes   []string                  `json:"classes"`
	Actors    map[string]ActorFacts     `json:"actors"`
	Bodies    map[string]*BodyFacts     `json:"bodies"`
	Functions map[string]*FunctionFacts `json:"functions"`
	Advice    map[string]AdviceFacts    `json:"advice"`
	// Seats lists every seat group, in document order, with the body it
	// sits on: rules about seats walk one flat list.
	Seats []SeatFacts `json:"seats"`
	// BodyOrder and FunctionOrder keep document order for rendering.
	BodyOrder     []string `json:"bodyOrder"`
	FunctionOrder []string `json:"functionOrder"`
	Variety       Variety  `json:"variety"`
}

// ActorFacts locate an actor and give its class.
type ActorFacts struct {
	Pointer      string `json:"pointer"`
	Class        string `json:"class"`
	Governmental bool   `json:"governmental"`
	Organisation bool   `json:"organisation"`
	Incumbent    bool   `json:"incumbent"`
	// State is the state the actor belongs to, or "".
	State string `json:"state"`
	// TheoryClass is the actor's class in Raymond and DeNardis's theory:
	// state, igo, firm or civil-society (TheoryClass).
	TheoryClass string `json:"theoryClass"`
}

// BodyFacts are the derived facts of one body.
type BodyFacts struct {
	ID      string `json:"id"`
	Pointer string `json:"pointer"`
	Role    string `json:"role"`
	Open    bool   `json:"open"`
	// Seats counts all seats, VotingSeats those with a full vote, and
	// TotalVotes the full votes they cast (seats times their weight).
	Seats       int `json:"seats"`
	VotingSeats int `json:"votingSeats"`
	TotalVotes  int `json:"totalVotes"`
	// Participants counts the actors the body lists as participants.
	Participants int `json:"participants"`
	// Delegated is true when the body has voting seats and every one of
	// them is a delegation (SeatFacts.Delegation): each member can recall
	// its own delegates whenever it likes.
	Delegated bool `json:"delegated"`
	// Votes counts full votes per class ("mixed" for seats filled by a
	// multi-class body); LimitedVotes counts limited votes per class.
	Votes        map[string]int     `json:"votes"`
	LimitedVotes map[string]int     `json:"limitedVotes"`
	Shares       map[string]float64 `json:"shares"`
	// VotingClasses are the classes holding full votes, "mixed" included.
	VotingClasses []string `json:"votingClasses"`
	// NonVotingClasses are classes that hold member seats on the body but
	// no vote at all. Liaisons and observers are Links, not members.
	NonVotingClasses []string `json:"nonVotingClasses"`
	// Links are the liaison and observer seats without a vote.
	Links []LinkFacts `json:"links"`
	// Consulted are the classes that sit, attend or advise the body
	// without holding decision power on it.
	Consulted []string `json:"consulted"`
	// Reasons says, per power class, why it holds power, in words.
	Reasons map[string][]string `json:"reasons"`
	// Power is what coalitions of classes (and of named organisations)
	// can do under the body's decision rules; nil when nobody votes.
	Power *PowerFacts `json:"power"`
	// Oversees, FundedBy and FirstAppointedBy are the body's dependence:
	// what it oversees, who pays for it, who chose its first members.
	Oversees         []string `json:"oversees"`
	FundedBy         []string `json:"fundedBy"`
	FirstAppointedBy []string `json:"firstAppointedBy"`
	// MemberClasses are the classes with any seat or participant.
	MemberClasses []string `json:"memberClasses"`
	// GovernmentalShare is the share of full votes held by governments
	// and IGOs.
	GovernmentalShare float64 `json:"governmentalShare"`
	// OneState is true when the governments that hold power over the
	// body all belong to one state, whoever shares it with them (oneState).
	OneState bool `json:"oneState"`
	// MajorityClass is the one class holding more than half the full
	// votes, or "" (never "mixed").
	MajorityClass string `json:"majorityClass"`
	// DecisiveClass is the class that can carry an ordinary decision
	// alone under the body's decision rule, houses and vetoes included
	// (Power.Carriers): "" when there is none or it is "mixed".
	DecisiveClass string `json:"decisiveClass"`
	// DecisiveTheory is the theory's class that can carry an ordinary
	// decision alone where no stakeholder group can: several groups whose
	// voting seats make up one class of the theory because some of their
	// actors act otherwise than their group usually does, such as
	// private-sector with technical-community acting as firms
	// (actor.actsAs). Nil otherwise.
	DecisiveTheory *TheoryBloc `json:"decisiveTheory"`
	// PowerClasses are the classes that really hold decision power over the
	// body's decisions: voters (mixed seats resolved to the appointing
	// body's classes), open participants, holders of general vetoes and
	// bodies whose advice binds it.
	PowerClasses []string `json:"powerClasses"`
	// TheoryClasses are the classes of the theory (state, igo, firm,
	// civil-society) behind PowerClasses: a body is multistakeholder when
	// two or more of them hold power, one of them non-governmental.
	TheoryClasses []string    `json:"theoryClasses"`
	Vetoes        []VetoFacts `json:"vetoes"`
	// BindingAdviceFrom lists bodies whose advice binds this body.
	BindingAdviceFrom []string `json:"bindingAdviceFrom"`
	// Appointers maps each seat group id to who fills it.
	Appointers map[string][]string `json:"appointers"`
	// AppointerClasses are the classes of the actors and bodies that fill
	// the voting seats.
	AppointerClasses []string `json:"appointerClasses"`
	// UnchosenSeats counts the voting seats whose charter says nobody who
	// fills them (no selection.by, no appointedBy).
	UnchosenSeats int `json:"unchosenSeats"`
	// GovernmentChosen counts the votes in seats of non-governmental
	// classes whose holders governmental actors alone choose; Choosers
	// are those actors' classes.
	GovernmentChosen int      `json:"governmentChosen"`
	Choosers         []string `json:"choosers"`
	// RecalledBy are the classes of the actors and bodies that can recall
	// the body's members (accountability.recall).
	RecalledBy []string `json:"recalledBy"`
	// Decides lists the functions the body decides.
	Decides           []string `json:"decides"`
	EffectiveModality string   `json:"effectiveModality"`
	Relation          string   `json:"relation"`
	// Decision is how the body decides.
	Decision DecisionFacts `json:"decision"`
	// Authority is the class with authority over the others when
	// Relation is hierarchical: it holds a veto over every decision,
	// chooses or can recall every voting member. A class that merely
	// outvotes the others is DecisiveClass, not an authority.
	Authority string `json:"authority"`
	// AuthorityReason says how Authority rules the others.
	AuthorityReason string `json:"authorityReason"`
	// AuthorityTheory is the theory's class of whoever has that authority
	// (a technical firm's veto is a firm's): "" when there is none.
	AuthorityTheory string `json:"authorityTheory"`
}

// DecisionFacts describe how a body decides. Absent values are "" or nil.
type DecisionFacts struct {
	Method    string   `json:"method"`
	Quorum    *float64 `json:"quorum"`
	Threshold *float64 `json:"threshold"`
	// Definition and JudgedBy are the consensus definition and who judges
	// it, trimmed of white space.
	Definition string `json:"definition"`
	JudgedBy   string `json:"judgedBy"`
	// Rules are the decision's other voting rules: its fallback vote and
	// its rules per matter.
	Rules []RuleFacts `json:"rules"`
}

// RuleFacts are one voting rule of a decision besides its method.
type RuleFacts struct {
	// Field is where the rule stands below the decision: "fallback" or
	// "matters/N".
	Field string `json:"field"`
	// Matter is the matter the rule decides; "" for the fallback.
	Matter    string   `json:"matter"`
	Method    string   `json:"method"`
	Threshold *float64 `json:"threshold"`
}

// SeatFacts describe one seat group.
type SeatFacts struct {
	ID      string `json:"id"`
	Pointer string `json:"pointer"`
	Body    string `json:"body"`
	// Deciding is true when the body decides at least one function.
	Deciding    bool   `json:"deciding"`
	Vote        string `json:"vote"`
	Count       int    `json:"count"`
	Kind        string `json:"kind"`
	Actor       string `json:"actor"`
	AppointedBy string `json:"appointedBy"`
	// Selection is the selection method, "" when none is documented.
	Selection  string   `json:"selection"`
	SelectedBy []string `json:"selectedBy"`
	// TermYears is the length of a term (0: no term stated) and
	// MaxConsecutive the limit on consecutive terms (0: no limit).
	TermYears      float64 `json:"termYears"`
	MaxConsecutive int     `json:"maxConsecutive"`
	// Delegation is true for a seat group its own actor fills with its
	// delegates (a member state's delegation, a member company's
	// participants): appointed by that actor alone, with no term, so the
	// seat is the member's and it replaces its delegates at will.
	Delegation bool `json:"delegation"`
}

// VetoFacts describe one veto over a body.
type VetoFacts struct {
	ID      string   `json:"id"`
	Pointer string   `json:"pointer"`
	Holder  string   `json:"holder"`
	Scope   string   `json:"scope"`
	Classes []string `json:"classes"`
	// Incumbent is true when an incumbent holds the veto: Incumbents is
	// not empty.
	Incumbent bool `json:"incumbent"`
	// Incumbents are the incumbent actors that can use the veto:
	// the holder, when it is one, or, for a veto each member of a body
	// holds, the incumbents voting on that body.
	Incumbents []string `json:"incumbents"`
	// Each is true when every member of the holder can block alone.
	Each bool `json:"each"`
}

// LinkFacts describe a liaison or observer seat group.
type LinkFacts struct {
	Seat       string `json:"seat"`
	Pointer    string `json:"pointer"`
	Kind       string `json:"kind"`
	Count      int    `json:"count"`
	Class      string `json:"class"`
	OnBehalfOf string `json:"onBehalfOf"`
}

// FunctionFacts are the derived facts of one function.
type FunctionFacts struct {
	ID       string `json:"id"`
	Pointer  string `json:"pointer"`
	Category string `json:"category"`
	// Task is the function's task inside its category, "" when none.
	Task              string   `json:"task"`
	DeclaredModality  string   `json:"declaredModality"`
	DecidedBy         string   `json:"decidedBy"`
	EffectiveModality string   `json:"effectiveModality"`
	PowerClasses      []string `json:"powerClasses"`
	// TheoryClasses, Relation and Variety are the function's variety in
	// the theory's terms: the classes entitled to take part in deciding it
	// (those holding power on the body that decides it), their authority
	// relation, and the two in words (VarietyName), such as "firms and
	// civil society, polyarchic".
	TheoryClasses []string `json:"theoryClasses"`
	Relation      string   `json:"relation"`
	Variety       string   `json:"variety"`
	// Fit is the modality matrix's verdict on the effective modality for
	// the function: suited, caution, ill-suited, or "" when the matrix has
	// no cell for it or nobody decides the function.
	Fit string `json:"fit"`
	// MatrixRow names the matrix row that gave Fit: the task when the
	// matrix has a cell for the task and the effective modality, else the
	// category; "" when the matrix was not consulted.
	MatrixRow string `json:"matrixRow"`
	// Binding is the charter's "binding" for the function (nil: not stated).
	Binding *bool `json:"binding"`
}

// Matrix judges a modality for a function of a category and a task (""
// for none): the matrix row it used and that row's verdict, "suited",
// "caution", "ill-suited", or "" when it has no cell for the pair.
// ruledata.Data.Judge is the one implementation.
type Matrix func(category, task, modality string) (row, fit string)

// AdviceFacts describe one advice relation.
type AdviceFacts struct {
	ID              string   `json:"id"`
	Pointer         string   `json:"pointer"`
	From            string   `json:"from"`
	To              string   `json:"to"`
	Weight          string   `json:"weight"`
	RejectThreshold *float64 `json:"rejectThreshold"`
	Consultation    bool     `json:"consultation"`
	Classes         []string `json:"classes"` // classes of the advising body's members
}

// Variety is the charter's variety of multistakeholderism (Raymond & DeNardis 2015): which classes hold power, and their authority relation.
type Variety struct {
	// DeclaredModality is the charter's own claim.
	DeclaredModality string `json:"declaredModality"`
	// EffectiveModality is derived from the bodies that decide functions:
	// "mixed" when each is decided by a different single class.
	EffectiveModality string `json:"effectiveModality"`
	// PowerClasses hold decision power on at least one deciding body.
	PowerClasses []string `json:"powerClasses"`
	// TheoryClasses are the theory's classes behind them, and Name the
	// charter's variety in the theory's terms (VarietyName), both from the
	// functions it governs.
	TheoryClasses []string `json:"theoryClasses"`
	Name          string   `json:"name"`
	// AdvisoryClasses take part but hold no decision power anywhere.
	AdvisoryClasses []string `json:"advisoryClasses"`
	// Roles says, for each advisory class, what it does instead of
	// deciding, kind by kind in RoleKinds order (advice aside, which
	// Advice gives).
	Roles    map[string][]RoleFacts `json:"roles"`
	Relation string                 `json:"relation"`
	// FunctionsByModality counts functions per effective modality.
	FunctionsByModality map[string]int `json:"functionsByModality"`
	// GovernedFunctions counts the functions the charter governs: all but
	// the discussion topics of a forum, which nobody decides and whose
	// outputs bind nobody (decidedBy empty, binding false).
	GovernedFunctions int `json:"governedFunctions"`
	// GovernedModalities and GovernedCategories are the distinct declared
	// modalities and categories of the governed functions, sorted.
	GovernedModalities []string `json:"governedModalities"`
	GovernedCategories []string `json:"governedCategories"`
}

// Derive computes the facts of a charter that passed the reference checks;
// fit, when not nil, judges each function's effective modality.
func Derive(c *charter.Charter, fit Matrix) *Facts {
	d := &deriver{c: c, fit: fit, f: &Facts{
		Actors:    make(map[string]ActorFacts, len(c.Actors)),
		Bodies:    make(map[string]*BodyFacts, len(c.Bodies)),
		Functions: make(map[string]*FunctionFacts, len(c.Functions)),
		Advice:    make(map[string]AdviceFacts, len(c.Advice)),
		// Empty, not null, for the rules.
		BodyOrder:     []string{},
		FunctionOrder: []string{},
	}}
	d.actors()
	d.bodies()
	d.advice()
	d.power()
	d.functions()
	d.seats()
	d.variety()
	return d.f
}

type deriver struct {
	c         *charter.Charter
	fit       Matrix
	f         *Facts
	bodyIndex map[string]int
	res       []resolved
}

func (d *deriver) actors() {
	present := make(wordSet, 0, 8)
	for i, a := range d.c.Actors {
		d.f.Actors[a.ID] = ActorFacts{
			Pointer:      "/actors/" + strconv.Itoa(i),
			Class:        a.Class,
			Governmental: charter.Governmental(a.Class),
			Organisation: a.Organisation(),
			Incumbent:    a.Incumbent,
			State:        a.State,
			TheoryClass:  TheoryClass(a.Class, a.ActsAs),
		}
		present = present.add(a.Class)
	}
	d.f.Classes = canonical(present)
	if d.c.Modality == charter.ModalityMultistakeholder {
		d.f.ClaimsMultistakeholder = true
	}
	for _, fn := range d.c.Functions {
		if fn.Modality == charter.ModalityMultistakeholder {
			d.f.ClaimsMultistakeholder = true
		}
	}
	d.f.ClaimsOpenness = d.f.ClaimsMultistakeholder || slices.Contains(d.c.Principles, "open") || slices.Contains(d.c.Principles, "inclusive") ||
		(d.c.Participation != nil && d.c.Participation.Openness == "open")
}

// classesOf returns the classes behind an id: an actor's class, or the
// classes that speak for a body (its voters).
func (d *deriver) classesOf(id string) []string {
	if a, ok := d.f.Actors[id]; ok {
		return []string{a.Class}
	}
	if _, ok := d.f.Bodies[id]; ok {
		return d.resolve(id).voters
	}
	return []string{}
}

// resolved is what a body's seats come to once appointing bodies are
// resolved.
type resolved struct {
	done, busy bool
	// voters are the classes behind the body's full votes (seats filled by
	// another body resolved to that body's voters) and, for an open body,
	// its participants' classes; for a body with neither, its members'.
	voters []string
	// theory are, for each of the voters' classes, the classes of the
	// theory its actors there act as (TheoryClass), found the same way;
	// a class with no actor behind it (a composition) has none.
	theory map[string]wordSet
}

func (d *deriver) bodies() {
	d.bodyIndex = make(map[string]int, len(d.c.Bodies))
	d.res = make([]resolved, len(d.c.Bodies))
	for i, b := range d.c.Bodies {
		d.bodyIndex[b.ID] = i
		d.f.Bodies[b.ID] = &BodyFacts{
			ID:           b.ID,
			Pointer:      "/bodies/" + strconv.Itoa(i),
			Role:         b.Role,
			Open:         b.Open,
			Votes:        map[string]int{},
			LimitedVotes: map[string]int{},
			Shares:       map[string]float64{},
			Appointers:   map[string][]string{},
			// Empty, not null, for the rules.
			Vetoes:            []VetoFacts{},
			BindingAdviceFrom: []string{},
			Decides:           []string{},
			Links:             []LinkFacts{},
			Consulted:         []string{},
			Reasons:           map[string][]string{},
			Oversees:          orEmpty(b.Oversees),
			FundedBy:          orEmpty(b.FundedBy),
			FirstAppointedBy:  orEmpty(b.FirstAppointedBy),
		}
		d.f.BodyOrder = append(d.f.BodyOrder, b.ID)
	}
	for _, b := range d.c.Bodies {
		d.resolve(b.ID)
	}
	for _, b := range d.c.Bodies {
		bf := d.f.Bodies[b.ID]
		for j, v := range b.Vetoes {
			in := d.vetoIncumbents(v)
			bf.Vetoes = append(bf.Vetoes, VetoFacts{
				ID:         v.ID,
				Pointer:    bf.Pointer + "/vetoes/" + strconv.Itoa(j),
				Holder:     v.Holder,
				Scope:      v.Scope,
				Classes:    d.classesOf(v.Holder),
				Incumbent:  len(in) > 0,
				Incumbents: in,
				Each:       v.Each,
			})
		}
	}
}

// vetoIncumbents lists the incumbents that can use a veto:
// its holder, or each incumbent voting on the body whose every member
// holds it.
func (d *deriver) vetoIncumbents(v charter.Veto) []string {
	if a, ok := d.f.Actors[v.Holder]; ok {
		if a.Incumbent {
			return []string{v.Holder}
		}
		return []string{}
	}
	in := make(wordSet, 0, 4)
	if i, ok := d.bodyIndex[v.Holder]; ok && v.Each {
		for _, s := range d.c.Bodies[i].Seats {
			if a := d.f.Actors[s.Actor]; s.Vote == charter.VoteFull && a.Incumbent {
				in = in.add(s.Actor)
			}
		}
	}
	return in.sorted()
}

// seatClass returns the class a seat group counts under and the classes
// behind it. A seat held by an actor takes the actor's class. A seat
// filled by another body takes that body's majority class when it has one
// (a general meeting dominated by one class), else counts as "mixed" with
// the classes of the body's voters (a nominating committee drawn from
// several classes).
func (d *deriver) seatClass(s charter.Seat) (string, []string) {
	if s.Actor != "" {
		c := d.f.Actors[s.Actor].Class
		return c, []string{c}
	}
	if s.Actor == "" && s.AppointedBy == "" {
		return Mixed, nil
	}
	appointer := d.f.Bodies[s.AppointedBy]
	voters := d.resolve(s.AppointedBy).voters
	switch {
	case appointer.MajorityClass != "":
		return appointer.MajorityClass, []string{appointer.MajorityClass}
	case len(voters) == 1:
		return voters[0], voters
	}
	return Mixed, voters
}

// resolve computes a body's votes, shares and classes, resolving first the
// bodies that fill its seats. A cycle of appointments (a board that fills
// its own chief executive's seat) is cut: the inner reference sees no
// voters yet.
func (d *deriver) resolve(id string) *resolved {
	i := d.bodyIndex[id]
	r := &d.res[i]
	if r.done || r.busy {
		return r
	}
	r.busy = true
	defer func() { r.busy, r.done = false, true }()
	b, bf := d.c.Bodies[i], d.f.Bodies[id]
	members, voting, voters := make(wordSet, 0, 8), make(wordSet, 0, 8), make(wordSet, 0, 8)
	nonVoting, appointers, choosers := make(wordSet, 0, 8), make(wordSet, 0, 8), make(wordSet, 0, 4)
	theory, memberTheory := map[string]wordSet{}, map[string]wordSet{}
	bf.Participants = len(b.Participants)
	for _, p := range b.Participants {
		a := d.f.Actors[p]
		members = members.add(a.Class)
		addTheory(memberTheory, a.Class, a.TheoryClass)
		if b.Open {
			voters = voters.add(a.Class)
			addTheory(theory, a.Class, a.TheoryClass)
		}
	}
	for j, s := range b.Seats {
		class, behind := d.seatClass(s)
		n := s.Seats()
		bf.Seats += n
		if link(s) {
			bf.Links = append(bf.Links, LinkFacts{Seat: s.ID, Pointer: bf.Pointer + "/seats/" + strconv.Itoa(j),
				Kind: s.Kind, Count: n, Class: class, OnBehalfOf: s.OnBehalfOf})
			continue
		}
		for _, c := range behind {
			members = members.add(c)
		}
		seatTheory := d.seatTheory(s, behind)
		mergeTheory(memberTheory, seatTheory)
		switch s.Vote {
		case charter.VoteFull:
			bf.VotingSeats += n
			bf.TotalVotes += s.Votes()
			bf.Votes[class] += s.Votes()
			voting = voting.add(class)
			for _, c := range behind {
				voters = voters.add(c)
			}
			mergeTheory(theory, seatTheory)
		case charter.VoteLimited:
			bf.LimitedVotes[class] += n
		default:
			nonVoting = nonVoting.add(class)
		}
		var who []string
		if s.Selection != nil {
			who = append(who, s.Selection.By...)
		}
		if s.AppointedBy != "" && !slices.Contains(who, s.AppointedBy) {
			who = append(who, s.AppointedBy)
		}
		if who != nil {
			bf.Appointers[s.ID] = who
		}
		if s.Vote != charter.VoteFull {
			continue
		}
		if who == nil {
			bf.UnchosenSeats += n
		}
		chosenBy := make(wordSet, 0, 4)
		for _, w := range who {
			for _, c := range d.classesOf(w) {
				appointers = appointers.add(c)
				chosenBy = chosenBy.add(c)
			}
		}
		if len(chosenBy) > 0 && !charter.Governmental(class) && !slices.ContainsFunc(chosenBy, func(c string) bool { return !charter.Governmental(c) }) {
			bf.GovernmentChosen += s.Votes()
			for _, c := range chosenBy {
				choosers = choosers.add(c)
			}
		}
	}
	bf.Choosers = canonical(choosers)
	for _, c := range voting {
		nonVoting = nonVoting.remove(c)
	}
	for c := range bf.LimitedVotes {
		nonVoting = nonVoting.remove(c)
	}
	if len(b.Composition) > 0 && bf.VotingSeats == 0 {
		// A membership given by its make-up: the classes named vote.
		for _, p := range b.Composition {
			members, voters = members.add(p.Class), voters.add(p.Class)
		}
	}
	bf.MemberClasses = canonical(members)
	bf.VotingClasses = canonical(voting)
	bf.NonVotingClasses = canonical(nonVoting)
	bf.AppointerClasses = canonical(appointers)
	for c, n := range bf.Votes {
		share := float64(n) / float64(bf.TotalVotes)
		bf.Shares[c] = share
		if charter.Governmental(c) {
			bf.GovernmentalShare += share
		}
		if c != Mixed && 2*n > bf.TotalVotes {
			bf.MajorityClass = c
		}
	}
	if p := majorityPart(b.Composition); p != "" && bf.VotingSeats == 0 {
		bf.MajorityClass = p
	}
	if d := b.Decision; d != nil {
		bf.Decision = DecisionFacts{Method: d.Method, Quorum: d.Quorum, Threshold: d.Threshold, Rules: []RuleFacts{}}
		if r := d.Fallback; r != nil {
			bf.Decision.Rules = append(bf.Decision.Rules, RuleFacts{Field: "fallback", Method: r.Method, Threshold: r.Threshold})
		}
		for i, m := range d.Matters {
			bf.Decision.Rules = append(bf.Decision.Rules, RuleFacts{Field: "matters/" + strconv.Itoa(i), Matter: m.Matter, Method: m.Method, Threshold: m.Threshold})
		}
		if d.Consensus != nil {
			bf.Decision.Definition = strings.TrimSpace(d.Consensus.Definition)
			bf.Decision.JudgedBy = strings.TrimSpace(d.Consensus.JudgedBy)
		}
	}
	if len(voters) == 0 {
		voters, theory = members, memberTheory
	}
	r.voters, r.theory = canonical(voters), theory
	return r
}

func (d *deriver) advice() {
	for i, a := range d.c.Advice {
		d.f.Advice[a.ID] = AdviceFacts{
			ID:              a.ID,
			Pointer:         "/advice/" + strconv.Itoa(i),
			From:            a.From,
			To:              a.To,
			Weight:          a.Weight,
			RejectThreshold: a.RejectThreshold,
			Consultation:    a.Consultation,
			Classes:         d.f.Bodies[a.From].MemberClasses,
		}
		if a.Weight == charter.WeightBinding {
			to := d.f.Bodies[a.To]
			if !slices.Contains(to.BindingAdviceFrom, a.From) {
				to.BindingAdviceFrom = append(to.BindingAdviceFrom, a.From)
			}
		}
	}
}

// power resolves every body's power classes, effective modality and
// authority relation. Member classes and binding advice are known by now,
// so no body depends on another's power.
func (d *deriver) power() {
	for _, b := range d.c.Bodies {
		bf := d.f.Bodies[b.ID]
		power := make(wordSet, 0, 8)
		if bf.VotingSeats > 0 || b.Open {
			for _, c := range d.resolve(b.ID).voters {
				power = power.add(c)
			}
		}
		for _, v := range bf.Vetoes {
			if v.Scope == "all" {
				for _, c := range v.Classes {
					power = power.add(c)
				}
			}
		}
		for _, from := range bf.BindingAdviceFrom {
			for _, c := range d.classesOf(from) {
				power = power.add(c)
			}
		}
		// Who chooses or can recall the members holds power through them:
		// governments that choose other classes' members or can recall
		// them, and a class that chooses every voting member or alone can
		// recall them, which has authority over the body.
		for _, c := range bf.Choosers {
			power = power.add(c)
		}
		if c := chooserOfAll(bf); c != "" && c != Mixed {
			power = power.add(c)
		}
		bf.RecalledBy = d.recallers(b.ID)
		if len(power) > 0 {
			for _, c := range bf.RecalledBy {
				if charter.Governmental(c) || len(bf.RecalledBy) == 1 && c != Mixed {
					power = power.add(c)
				}
			}
		}
		bf.PowerClasses = canonical(power)
		bf.Power = d.votingPower(b, bf)
		if p := bf.Power; p != nil {
			for _, c := range p.Carriers {
				if c != Mixed && bf.Votes[c] > 0 {
					bf.DecisiveClass = c
				}
			}
			if bf.DecisiveClass == "" {
				bf.DecisiveTheory = d.decisiveTheory(b, bf)
			}
		}
		bf.TheoryClasses = d.theoryClasses(b, bf)
		bf.OneState = d.oneState(b, bf)
		bf.EffectiveModality = d.modality(bf.PowerClasses, bf.TheoryClasses, b)
		var via authorityChannel
		bf.Relation, bf.Authority, bf.AuthorityReason, via = relation(bf)
		bf.AuthorityTheory = d.authorityTheory(b, bf, via)
		d.reasons(b, bf)
		d.consulted(b, bf)
	}
}

// link reports whether a seat group is a liaison or observer without a
// vote: a link to another body, not a member.
func link(s charter.Seat) bool {
	return s.Vote == charter.VoteNone && (s.Kind == "liaison" || s.Kind == "observer")
}

// majorityPart returns the class holding more than half of a membership
// given by its composition, or "".
func majorityPart(parts []charter.Part) string {
	for _, p := range parts {
		if p.Share > 0.5 {
			return p.Class
		}
	}
	return ""
}

func orEmpty(ids []string) []string {
	if ids == nil {
		return []string{}
	}
	return ids
}

// modality names the modality of a set of power classes.
func (d *deriver) modality(power, theory []string, b charter.Body) string {
	if len(power) == 0 {
		return ModalityNone
	}
	gov, nongov := 0, 0
	for _, c := range power {
		if charter.Governmental(c) {
			gov++
		} else {
			nongov++
		}
	}
	switch {
	case nongov == 0:
		if d.singleState(b) {
			return charter.ModalityNational
		}
		return charter.ModalityIntergovernmental
	case len(theory) >= 2:
		return charter.ModalityMultistakeholder
	case len(theory) == 1 && theory[0] == TheoryCivilSociety && technical(power):
		// Engineers and academics, with or without other civil society:
		// one class of the theory, not several stakeholders.
		return charter.ModalityTechnicalCommunity
	default:
		// Firms, technical bodies that are firms among them, or civil
		// society without engineers or academics.
		return charter.ModalityPrivate
	}
}

// singleState reports whether every voting seat of b belongs to one
// state: one government organisation (a ministry or regulator deciding
// alone), or governmental actors that all name the same state (two
// ministries of one state). Distinct states decide intergovernmentally.
func (d *deriver) singleState(b charter.Body) bool {
	var st stateKey
	for _, s := range b.Seats {
		if s.Vote != charter.VoteFull {
			continue
		}
		a, ok := d.f.Actors[s.Actor]
		if !ok || a.Class != charter.ClassGovernment || !st.add(s.Actor, a) {
			return false
		}
	}
	return st.key != ""
}

// oneState reports whether the governments that hold power over b all
// belong to one state, whoever else shares it (a ministry deciding a
// ccTLD's policy with its local community): those with full votes, open
// participants, holders of a veto over all decisions, those whose advice
// binds it and those who choose or can recall its members. A body of
// governments behind any of these (its voters include a governmental
// class) or an intergovernmental organisation counts as more than one
// state.
func (d *deriver) oneState(b charter.Body, bf *BodyFacts) bool {
	var st stateKey
	ok := true
	check := func(id string) {
		if a, isActor := d.f.Actors[id]; isActor {
			if a.Governmental && (a.Class != charter.ClassGovernment || !st.add(id, a)) {
				ok = false
			}
			return
		}
		if _, isBody := d.f.Bodies[id]; isBody && slices.ContainsFunc(d.resolve(id).voters, charter.Governmental) {
			ok = false
		}
	}
	for _, s := range b.Seats {
		if s.Vote != charter.VoteFull {
			continue
		}
		if s.Actor != "" {
			check(s.Actor)
		} else if s.AppointedBy != "" {
			check(s.AppointedBy)
		}
	}
	if b.Open {
		for _, p := range b.Participants {
			check(p)
		}
	}
	for _, v := range b.Vetoes {
		if v.Scope == "all" {
			check(v.Holder)
		}
	}
	for _, ids := range [][]string{bf.BindingAdviceFrom, d.appointers(b), d.recallerIDs(b.ID)} {
		for _, id := range ids {
			check(id)
		}
	}
	return ok && st.key != ""
}

// stateKey collects the state of governmental actors: the state they
// name, or the organisation itself when it names none.
type stateKey struct{ key string }

// add records a government actor's state and reports whether it is the
// same as those recorded before; a constituency of governments that names
// no state stands for several.
func (st *stateKey) add(id string, a ActorFacts) bool {
	key := a.State
	if key == "" {
		if !a.Organisation {
			return false
		}
		key = "actor:" + id
	}
	if st.key != "" && st.key != key {
		return false
	}
	st.key = key
	return true
}

// relation classifies the authority relation on one body (Raymond and
// DeNardis 2015): hierarchical when one class has authority over the
// others (a veto over every decision, choosing every voting member, or
// recalling them all), polyarchic when power is shared among classes
// with none over the others, single-class when one class holds it all.
// A class that can outvote the others is dominant (DecisiveClass), which
// is a finding of its own, not authority.
func relation(bf *BodyFacts) (rel, authority, reason string, via authorityChannel) {
	if len(bf.PowerClasses) == 0 {
		return RelationNone, "", "", viaNone
	}
	if len(bf.TheoryClasses) == 1 {
		if len(bf.PowerClasses) == 1 {
			return RelationSingleClass, bf.PowerClasses[0], "alone holds decision power", viaNone
		}
		// Several groups, one class of the theory (engineers and
		// academics): no relation between classes, and no one group
		// with authority over the others.
		return RelationSingleClass, "", "", viaNone
	}
	for _, v := range bf.Vetoes {
		if v.Scope == "all" && len(v.Classes) == 1 {
			return RelationHierarchical, v.Classes[0], "holds a veto over all decisions (" + v.ID + ")", viaVeto
		}
	}
	if c := chooserOfAll(bf); c != "" {
		return RelationHierarchical, c, "chooses every voting member", viaChoice
	}
	if len(bf.RecalledBy) == 1 && bf.RecalledBy[0] != Mixed {
		return RelationHierarchical, bf.RecalledBy[0], "can recall every member", viaRecall
	}
	return RelationPolyarchic, "", "", viaNone
}

// authorityChannel is how a class has authority over a hierarchical body.
type authorityChannel int

const (
	viaNone   authorityChannel = iota
	viaVeto                    // a veto over all decisions
	viaChoice                  // it chooses every voting member
	viaRecall                  // it alone can recall the members
)

// chooserOfAll is the one class that chooses every voting member of a
// body, or "".
func chooserOfAll(bf *BodyFacts) string {
	if len(bf.AppointerClasses) == 1 && bf.VotingSeats > 0 && bf.UnchosenSeats == 0 {
		return bf.AppointerClasses[0]
	}
	return ""
}

// recallers are the classes of those who can recall a body's members: an
// actor's class, or a body's when one class votes there; a body of
// several classes recalls as a body ("mixed"), whoever has its majority.
func (d *deriver) recallers(body string) []string {
	out := make(wordSet, 0, 4)
	for _, w := range d.recallerIDs(body) {
		if cs := d.classesOf(w); len(cs) == 1 {
			out = out.add(cs[0])
		} else {
			out = out.add(Mixed)
		}
	}
	return canonical(out)
}

func (d *deriver) functions() {
	for i, fn := range d.c.Functions {
		ff := &FunctionFacts{
			ID:                fn.ID,
			Pointer:           "/functions/" + strconv.Itoa(i),
			Category:          fn.Category,
			Task:              fn.Task,
			DeclaredModality:  fn.Modality,
			DecidedBy:         fn.DecidedBy,
			EffectiveModality: ModalityNone,
			PowerClasses:      []string{},
			TheoryClasses:     []string{},
			Relation:          RelationNone,
			Variety:           VarietyName(nil, RelationNone, ""),
			Binding:           fn.Binding,
		}
		if b, ok := d.f.Bodies[fn.DecidedBy]; ok {
			ff.EffectiveModality = b.EffectiveModality
			ff.PowerClasses = b.PowerClasses
			ff.TheoryClasses, ff.Relation = b.TheoryClasses, b.Relation
			ff.Variety = VarietyName(b.TheoryClasses, b.Relation, b.AuthorityTheory)
			b.Decides = append(b.Decides, fn.ID)
		}
		if d.fit != nil && ff.EffectiveModality != ModalityNone {
			ff.MatrixRow, ff.Fit = d.fit(fn.Category, fn.Task, ff.EffectiveModality)
		}
		d.f.Functions[fn.ID] = ff
		d.f.FunctionOrder = append(d.f.FunctionOrder, fn.ID)
	}
}

func (d *deriver) seats() {
	d.f.Seats = []SeatFacts{}
	for _, b := range d.c.Bodies {
		bf := d.f.Bodies[b.ID]
		// The body is delegated when it has a voting seat and each one is
		// a delegation.
		voting, delegated := false, true
		for j, s := range b.Seats {
			sf := SeatFacts{
				ID: s.ID, Pointer: bf.Pointer + "/seats/" + strconv.Itoa(j), Body: b.ID,
				Deciding: len(bf.Decides) > 0, Vote: s.Vote, Count: s.Seats(), Kind: s.Kind,
				Actor: s.Actor, AppointedBy: s.AppointedBy, SelectedBy: []string{},
			}
			if sf.Kind == "" {
				sf.Kind = "member"
			}
			if s.Selection != nil {
				sf.Selection = s.Selection.Method
				sf.SelectedBy = append(sf.SelectedBy, s.Selection.By...)
			}
			if s.Term != nil {
				sf.TermYears, sf.MaxConsecutive = s.Term.Years, s.Term.MaxConsecutive
			}
			sf.Delegation = sf.TermYears == 0 && sf.Selection == "appointment" &&
				len(sf.SelectedBy) == 1 && sf.SelectedBy[0] == sf.Actor
			if sf.Vote != "none" {
				voting, delegated = true, delegated && sf.Delegation
			}
			d.f.Seats = append(d.f.Seats, sf)
		}
		bf.Delegated = voting && delegated
	}
}

func (d *deriver) variety() {
	v := Variety{DeclaredModality: d.c.Modality, FunctionsByModality: map[string]int{}}
	power, relations, modalities := make(wordSet, 0, 8), make(wordSet, 0, 8), make(wordSet, 0, 8)
	declared, categories, theory := make(wordSet, 0, 8), make(wordSet, 0, 16), make(wordSet, 0, 4)
	authorities := make(wordSet, 0, 2)
	for _, id := range d.f.FunctionOrder {
		ff := d.f.Functions[id]
		v.FunctionsByModality[ff.EffectiveModality]++
		if ff.DecidedBy != "" || ff.Binding == nil || *ff.Binding {
			v.GovernedFunctions++
			declared = declared.add(ff.DeclaredModality)
			categories = categories.add(ff.Category)
		}
		if ff.DecidedBy == "" {
			continue
		}
		b := d.f.Bodies[ff.DecidedBy]
		for _, c := range b.PowerClasses {
			power = power.add(c)
		}
		for _, c := range b.TheoryClasses {
			theory = theory.add(c)
		}
		if b.Relation == RelationHierarchical {
			authorities = authorities.add(b.AuthorityTheory)
		}
		relations = relations.add(b.Relation)
		modalities = modalities.add(b.EffectiveModality)
	}
	v.GovernedModalities = declared.sorted()
	v.GovernedCategories = categories.sorted()
	v.PowerClasses = canonical(power)
	v.TheoryClasses = theoryCanonical(theory)
	advisory := make(wordSet, 0, 8)
	for _, c := range d.f.Classes {
		if !power.has(c) {
			advisory = advisory.add(c)
		}
	}
	v.AdvisoryClasses = canonical(advisory)
	v.Roles = make(map[string][]RoleFacts, len(advisory))
	for _, c := range v.AdvisoryClasses {
		v.Roles[c] = d.roles(c)
	}
	relations = relations.remove(RelationNone) // a deciding body where nobody holds power
	switch {
	case len(relations) == 0:
		v.Relation = RelationNone
	case relations.has(RelationHierarchical):
		v.Relation = RelationHierarchical
	case len(v.TheoryClasses) == 1 || (len(relations) == 1 && relations.has(RelationSingleClass)):
		v.Relation = RelationSingleClass
	default:
		v.Relation = RelationPolyarchic
	}
	if v.Relation == RelationSingleClass && len(v.TheoryClasses) > 1 && len(modalities) > 1 {
		// Each deciding body is one class's alone, and the classes and
		// modalities differ: no one modality describes the charter.
		v.EffectiveModality = Mixed
	} else {
		v.EffectiveModality = d.overallModality(v.PowerClasses, v.TheoryClasses, modalities)
	}
	authority := ""
	if len(authorities) == 1 {
		authority = authorities[0]
	}
	v.Name = VarietyName(v.TheoryClasses, v.Relation, authority)
	d.f.Variety = v
}

// RoleFacts are the bodies on which a class has one kind of role
// without decision power.
type RoleFacts struct {
	Kind   string   `json:"kind"`
	Bodies []string `json:"bodies"`
}

// RoleKinds are the kinds of role without decision power, in the order
// they are told.
var RoleKinds = []string{
	"member without a vote on", "only a limited vote on", "liaison on", "observer on",
	"member of non-deciding", "funds", "chose the first members of",
}

// roles lists, kind by kind, the bodies on which class c sits, votes on
// some matters, links, funds or chose the first members without deciding.
func (d *deriver) roles(c string) []RoleFacts {
	byKind := make(map[string][]string, len(RoleKinds))
	actorOf := func(ids []string) bool {
		return slices.ContainsFunc(ids, func(id string) bool { a, ok := d.f.Actors[id]; return ok && a.Class == c })
	}
	for _, id := range d.f.BodyOrder {
		bf := d.f.Bodies[id]
		if slices.Contains(bf.NonVotingClasses, c) {
			byKind["member without a vote on"] = append(byKind["member without a vote on"], id)
		}
		limited := bf.LimitedVotes[c] > 0
		if limited && !slices.Contains(bf.PowerClasses, c) {
			byKind["only a limited vote on"] = append(byKind["only a limited vote on"], id)
		}
		for _, k := range []string{"liaison", "observer"} {
			if slices.ContainsFunc(bf.Links, func(l LinkFacts) bool { return l.Kind == k && l.Class == c }) {
				byKind[k+" on"] = append(byKind[k+" on"], id)
			}
		}
		if len(bf.Decides) == 0 && slices.Contains(bf.MemberClasses, c) && !slices.Contains(bf.NonVotingClasses, c) && !limited && !d.advises(id) {
			byKind["member of non-deciding"] = append(byKind["member of non-deciding"], id)
		}
		if actorOf(bf.FundedBy) {
			byKind["funds"] = append(byKind["funds"], id)
		}
		if actorOf(bf.FirstAppointedBy) {
			byKind["chose the first members of"] = append(byKind["chose the first members of"], id)
		}
	}
	out := []RoleFacts{}
	for _, k := range RoleKinds {
		if ids := byKind[k]; len(ids) > 0 {
			slices.Sort(ids)
			out = append(out, RoleFacts{Kind: k, Bodies: ids})
		}
	}
	return out
}

// advises reports whether a body gives advice to another (its members
// then advise through it, which the advice relation tells).
func (d *deriver) advises(body string) bool {
	for _, a := range d.c.Advice {
		if a.From == body {
			return true
		}
	}
	return false
}

// overallModality names the charter's effective modality: the one modality
// of all its deciding bodies, or, when they differ, the modality of the
// union of their power classes.
func (d *deriver) overallModality(power, theory []string, modalities wordSet) string {
	switch len(modalities) {
	case 0:
		return ModalityNone
	case 1:
		return modalities[0]
	}
	return d.modality(power, theory, charter.Body{})
}

// technical reports whether the technical community or academia is among
// the classes.
func technical(classes []string) bool {
	return slices.Contains(classes, charter.ClassTechnicalCommunity) || slices.Contains(classes, charter.ClassAcademia)
}

// wordSet is a set of a few words (actor classes, modalities, relations,
// categories): a slice searched in place, which for a handful of members
// costs less than a map, and nothing to allocate while it stays local.
type wordSet []string

// add returns the set with w in it, as append does.
func (s wordSet) add(w string) wordSet {
	if slices.Contains(s, w) {
		return s
	}
	return append(s, w)
}

func (s wordSet) has(w string) bool { return slices.Contains(s, w) }

// remove returns the set without w.
func (s wordSet) remove(w string) wordSet {
	if i := slices.Index(s, w); i >= 0 {
		return slices.Delete(s, i, i+1)
	}
	return s
}

// sorted returns the words in lexical order, in a new slice.
func (s wordSet) sorted() []string {
	out := make([]string, len(s))
	copy(out, s)
	slices.Sort(out)
	return out
}

// canonical returns the words of set in canonical class order, "mixed"
// last, and any other word after that in lexical order, in a new slice.
func canonical(set wordSet) []string {
	out := make([]string, len(set))
	copy(out, set)
	slices.SortFunc(out, func(a, b string) int {
		return cmp.Or(cmp.Compare(classRank(a), classRank(b)), cmp.Compare(a, b))
	})
	return out
}

func classRank(c string) int {
	switch c {
	case charter.ClassGovernment:
		return 0
	case charter.ClassIntergovernmental:
		return 1
	case charter.ClassPrivateSector:
		return 2
	case charter.ClassCivilSociety:
		return 3
	case charter.ClassTechnicalCommunity:
		return 4
	case charter.ClassAcademia:
		return 5
	case Mixed:
		return 6
	}
	return 7
}
