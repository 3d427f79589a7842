// Package classify turns a charter's derived facts into its classification:
// the variety of multistakeholderism it really is (which classes hold
// decision power, and the authority relation among them), the voting share
// of each class per body, and the declared against the effective modality
// of each function. A Classification is plain data that any command or
// report can render.
package classify

import (
	"fmt"
	"strings"

	"github.com/charterlint/charterlint/internal/charter"
	"github.com/charterlint/charterlint/internal/facts"
)

// Classification is the classification of one charter.
type Classification struct {
	File      string        `json:"file"`
	ID        string        `json:"id"`
	Name      string        `json:"name"`
	Variety   facts.Variety `json:"variety"`
	Bodies    []Body        `json:"bodies"`
	Functions []Function    `json:"functions"`
	// Verdict is one sentence for people, e.g. "claims multistakeholder;
	// effectively intergovernmental (decision power: government; states,
	// single class)".
	Verdict string `json:"verdict"`
}

// Body is one body's voting picture.
type Body struct {
	ID               string             `json:"id"`
	Name             string             `json:"name"`
	Role             string             `json:"role"`
	Open             bool               `json:"open"`
	VotingSeats      int                `json:"votingSeats"`
	TotalVotes       int                `json:"totalVotes"`
	Votes            map[string]int     `json:"votes"`
	Shares           map[string]float64 `json:"shares"`
	NonVotingClasses []string           `json:"nonVotingClasses"`
	PowerClasses     []string           `json:"powerClasses"`
	// TheoryClasses are the theory's classes (state, igo, firm,
	// civil-society) behind PowerClasses, the stakeholder groups.
	TheoryClasses     []string `json:"theoryClasses"`
	EffectiveModality string   `json:"effectiveModality"`
	Relation          string   `json:"relation"`
	Authority         string   `json:"authority,omitempty"`
	AuthorityReason   string   `json:"authorityReason,omitempty"`
	Decides           []string `json:"decides"`
	// Power is what coalitions can do under the body's decision rules:
	// each bloc's normalised Banzhaf index, and who carries or blocks a
	// decision alone. Nil when nobody votes.
	Power *facts.PowerFacts `json:"power,omitempty"`
	// Reasons says, per class holding power, why it holds it.
	Reasons map[string][]string `json:"reasons,omitempty"`
	// Consulted are the classes that sit, attend or advise without power.
	Consulted []string `json:"consulted,omitempty"`
	// Links are liaison and observer seats, which carry no vote.
	Links []facts.LinkFacts `json:"links,omitempty"`
	// Advice is the advice the body receives, with its weight.
	Advice []Advice `json:"advice,omitempty"`
	// Dependence: what the body oversees, who funds it, who appointed its
	// first members.
	Oversees         []string `json:"oversees,omitempty"`
	FundedBy         []string `json:"fundedBy,omitempty"`
	FirstAppointedBy []string `json:"firstAppointedBy,omitempty"`
}

// Advice is one advice relation into a body.
type Advice struct {
	ID     string `json:"id"`
	From   string `json:"from"`
	Weight string `json:"weight"`
	// RejectThreshold is the share of the advised body's votes needed to
	// reject must-consider advice.
	RejectThreshold *float64 `json:"rejectThreshold,omitempty"`
	Consultation    bool     `json:"consultation,omitempty"`
	// Classes are the classes of the advising body's members.
	Classes []string `json:"classes"`
}

// Function is one function's modality picture.
type Function struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Category string `json:"category"`
	// Task is the function's task inside its category, "" when none.
	Task              string `json:"task,omitempty"`
	DeclaredModality  string `json:"declaredModality"`
	EffectiveModality string `json:"effectiveModality"`
	DecidedBy         string `json:"decidedBy,omitempty"`
	// Variety is the function's variety in the theory's terms: the
	// classes that decide it and their relation (facts.VarietyName).
	Variety string `json:"variety"`
	// Fit is the modality matrix's verdict on the effective modality for
	// the category: suited, caution, ill-suited, or "" when unknown.
	Fit string `json:"fit,omitempty"`
}

// Of classifies a charter from its derived facts.
func Of(file string, c *charter.Charter, f *facts.Facts) Classification {
	out := Classification{
		File:    file,
		ID:      c.ID,
		Name:    c.Name,
		Variety: f.Variety,
	}
	for _, b := range c.Bodies {
		bf := f.Bodies[b.ID]
		out.Bodies = append(out.Bodies, Body{
			ID: b.ID, Name: b.Name, Role: b.Role, Open: b.Open,
			VotingSeats: bf.VotingSeats, TotalVotes: bf.TotalVotes, Votes: bf.Votes, Shares: bf.Shares,
			NonVotingClasses: bf.NonVotingClasses, PowerClasses: bf.PowerClasses, TheoryClasses: bf.TheoryClasses,
			EffectiveModality: bf.EffectiveModality, Relation: bf.Relation,
			Authority: bf.Authority, AuthorityReason: bf.AuthorityReason,
			Decides: bf.Decides, Power: bf.Power, Reasons: bf.Reasons, Consulted: bf.Consulted,
			Links: bf.Links, Advice: adviceTo(c, f, b.ID),
			Oversees: bf.Oversees, FundedBy: bf.FundedBy, FirstAppointedBy: bf.FirstAppointedBy,
		})
	}
	for _, fn := range c.Functions {
		ff := f.Functions[fn.ID]
		out.Functions = append(out.Functions, Function{
			ID: fn.ID, Name: fn.Name, Category: fn.Category, Task: fn.Task,
			DeclaredModality: fn.Modality, EffectiveModality: ff.EffectiveModality,
			DecidedBy: fn.DecidedBy, Variety: ff.Variety, Fit: ff.Fit,
		})
	}
	out.Verdict = verdict(out.Variety)
	return out
}

// adviceTo lists the advice body receives, in document order.
func adviceTo(c *charter.Charter, f *facts.Facts, body string) []Advice {
	var out []Advice
	for _, a := range c.Advice {
		if a.To == body {
			af := f.Advice[a.ID]
			out = append(out, Advice{ID: a.ID, From: a.From, Weight: a.Weight,
				RejectThreshold: a.RejectThreshold, Consultation: a.Consultation, Classes: af.Classes})
		}
	}
	return out
}

// verdict says in one sentence what the charter claims and what it is.
func verdict(v facts.Variety) string {
	var b strings.Builder
	fmt.Fprintf(&b, "claims %s; ", v.DeclaredModality)
	switch {
	case v.EffectiveModality == facts.ModalityNone:
		b.WriteString("no body decides any function: an advisory arrangement")
	case v.EffectiveModality == facts.Mixed:
		b.WriteString("effectively no one modality: each deciding body is one class's alone")
	case v.EffectiveModality == v.DeclaredModality:
		fmt.Fprintf(&b, "effectively %s as claimed", v.EffectiveModality)
	default:
		fmt.Fprintf(&b, "effectively %s", v.EffectiveModality)
	}
	if len(v.PowerClasses) > 0 {
		fmt.Fprintf(&b, " (decision power: %s; %s)", strings.Join(v.PowerClasses, ", "), v.Name)
	}
	return b.String()
}

// Subject names the function's category, with its task in brackets when
// it has one (charter.Subject).
func (f Function) Subject() string { return charter.Subject(f.Category, f.Task) }
