// Package charter holds the Go model of a charter in format v1 (see
// schemas/charter-v1.json and docs/charter-format.md). The model is filled
// from a document that has already passed the schema, so it trusts shapes
// and leaves meaning to the later stages.
package charter

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// Actor classes: the stakeholder groups of WSIS (Tunis Agenda 2005, ¶35) and NETmundial practice.
const (
	ClassGovernment         = "government"
	ClassIntergovernmental  = "intergovernmental"
	ClassPrivateSector      = "private-sector"
	ClassCivilSociety       = "civil-society"
	ClassTechnicalCommunity = "technical-community"
	ClassAcademia           = "academia"
)

// Classes lists the actor classes in their canonical order.
func Classes() []string {
	return []string{ClassGovernment, ClassIntergovernmental, ClassPrivateSector, ClassCivilSociety, ClassTechnicalCommunity, ClassAcademia}
}

// Governmental reports whether an actor class is a state or an IGO.
func Governmental(class string) bool {
	return class == ClassGovernment || class == ClassIntergovernmental
}

// Modalities of governance (DeNardis & Raymond 2013).
const (
	ModalityMultistakeholder   = "multistakeholder"
	ModalityIntergovernmental  = "intergovernmental"
	ModalityNational           = "national"
	ModalityPrivate            = "private"
	ModalityTechnicalCommunity = "technical-community"
)

// Voting rights of a seat.
const (
	VoteFull    = "full"
	VoteLimited = "limited"
	VoteNone    = "none"
)

// Body roles.
const (
	RoleDecision    = "decision"
	RoleAdvisory    = "advisory"
	RoleOversight   = "oversight"
	RoleAppeal      = "appeal"
	RoleNominating  = "nominating"
	RoleSecretariat = "secretariat"
)

// Advice weights.
const (
	WeightBinding      = "binding"
	WeightMustConsider = "must-consider"
	WeightNonBinding   = "non-binding"
)

// Charter is one governance charter.
type Charter struct {
	Format         string          `json:"format"`
	ID             string          `json:"id"`
	Name           string          `json:"name"`
	Description    string          `json:"description,omitempty"`
	Adopted        string          `json:"adopted,omitempty"`
	Modality       string          `json:"modality"`
	Objectives     []string        `json:"objectives,omitempty"`
	Principles     []string        `json:"principles,omitempty"`
	Actors         []Actor         `json:"actors"`
	Bodies         []Body          `json:"bodies"`
	Functions      []Function      `json:"functions"`
	Advice         []Advice        `json:"advice,omitempty"`
	Participation  *Participation  `json:"participation,omitempty"`
	Transparency   *Transparency   `json:"transparency,omitempty"`
	Accountability *Accountability `json:"accountability,omitempty"`
}

// Actor is a constituency or a named organisation.
type Actor struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	Class     string `json:"class"`
	Kind      string `json:"kind,omitempty"`
	Incumbent bool   `json:"incumbent,omitempty"`
	// State is the ISO 3166-1 alpha-2 code of the state the actor belongs
	// to, or "".
	State string `json:"state,omitempty"`
	// ActsAs is, for a technical-community or academic actor, the class
	// of the theory it acts as: "firm" or "civil-society" ("": the
	// default, civil society).
	ActsAs string `json:"actsAs,omitempty"`
}

// Organisation reports whether the actor is one named organisation rather
// than a constituency.
func (a Actor) Organisation() bool { return a.Kind == "organisation" }

// Body is a board, council, committee, panel or secretariat.
type Body struct {
	ID           string    `json:"id"`
	Name         string    `json:"name"`
	Role         string    `json:"role"`
	Open         bool      `json:"open,omitempty"`
	Participants []string  `json:"participants,omitempty"`
	Seats        []Seat    `json:"seats,omitempty"`
	Decision     *Decision `json:"decision,omitempty"`
	Vetoes       []Veto    `json:"vetoes,omitempty"`
	// Houses are the body's chambers; a decision needs its share of the
	// votes in each of them.
	Houses []House `json:"houses,omitempty"`
	// Composition is the make-up of a membership not listed seat by seat.
	Composition      []Part   `json:"composition,omitempty"`
	Oversees         []string `json:"oversees,omitempty"`
	FundedBy         []string `json:"fundedBy,omitempty"`
	FirstAppointedBy []string `json:"firstAppointedBy,omitempty"`
}

// House is a house or chamber of a body.
type House struct {
	ID        string   `json:"id"`
	Name      string   `json:"name"`
	Threshold *float64 `json:"threshold,omitempty"`
}

// Part is one actor class's share of a membership.
type Part struct {
	Class string  `json:"class"`
	Share float64 `json:"share"`
}

// Seat is a group of identical seats on a body.
type Seat struct {
	ID          string `json:"id"`
	Actor       string `json:"actor,omitempty"`
	AppointedBy string `json:"appointedBy,omitempty"`
	Count       int    `json:"count,omitempty"`
	// Weight is the votes each seat casts (default 1).
	Weight     int    `json:"weight,omitempty"`
	House      string `json:"house,omitempty"`
	OnBehalfOf string `json:"onBehalfOf,omitempty"`
	// Capacity is "personal" when each holder serves in their own name
	// and votes alone, not as part of a class bloc; "" or
	// "representative" otherwise.
	Capacity  string     `json:"capacity,omitempty"`
	Vote      string     `json:"vote"`
	Kind      string     `json:"kind,omitempty"`
	Selection *Selection `json:"selection,omitempty"`
	Term      *Term      `json:"term,omitempty"`
}

// Personal reports whether each holder serves in a personal capacity.
func (s Seat) Personal() bool { return s.Capacity == "personal" }

// Seats returns the number of seats in the group (the count, default 1).
func (s Seat) Seats() int {
	if s.Count < 1 {
		return 1
	}
	return s.Count
}

// Votes returns the votes the group casts: seats times weight.
func (s Seat) Votes() int {
	if s.Weight < 1 {
		return s.Seats()
	}
	return s.Seats() * s.Weight
}

// Selection says how seat holders are chosen.
type Selection struct {
	Method      string   `json:"method"`
	By          []string `json:"by,omitempty"`
	Description string   `json:"description,omitempty"`
}

// Term is the length of a term and the limit on consecutive terms.
type Term struct {
	Years          float64 `json:"years,omitempty"`
	MaxConsecutive int     `json:"maxConsecutive,omitempty"`
}

// Decision is how a body decides.
type Decision struct {
	Method    string     `json:"method"`
	Threshold *float64   `json:"threshold,omitempty"`
	Quorum    *float64   `json:"quorum,omitempty"`
	Consensus *Consensus `json:"consensus,omitempty"`
	// Matters are the rules for matters decided otherwise than ordinary
	// ones; Fallback is the vote taken when consensus fails.
	Matters  []MatterRule `json:"matters,omitempty"`
	Fallback *Rule        `json:"fallback,omitempty"`
}

// Rule is a voting rule: a method and, for a supermajority, a threshold.
type Rule struct {
	Method    string   `json:"method"`
	Threshold *float64 `json:"threshold,omitempty"`
}

// MatterRule is the voting rule for one kind of matter.
type MatterRule struct {
	Matter    string   `json:"matter"`
	Method    string   `json:"method"`
	Threshold *float64 `json:"threshold,omitempty"`
}

// Consensus defines consensus and how it is called.
type Consensus struct {
	Definition    string `json:"definition,omitempty"`
	JudgedBy      string `json:"judgedBy,omitempty"`
	CallProcedure string `json:"callProcedure,omitempty"`
}

// Veto is a power to block a body's decisions.
type Veto struct {
	ID     string `json:"id"`
	Holder string `json:"holder"`
	Scope  string `json:"scope"`
	// Each is true when every member of the holder can block alone.
	Each bool `json:"each,omitempty"`
}

// Function is a governance function the charter covers.
type Function struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Category string `json:"category"`
	// Task is the task inside the category ("" when not stated); it
	// belongs to one category (TaskCategory).
	Task      string   `json:"task,omitempty"`
	Modality  string   `json:"modality"`
	DecidedBy string   `json:"decidedBy,omitempty"`
	AdvisedBy []string `json:"advisedBy,omitempty"`
	Binding   *bool    `json:"binding,omitempty"`
	// Standards says how open the standards of a standards-setting
	// function are; nil when the charter does not say.
	Standards *Standards `json:"standards,omitempty"`
}

// Standards is how open a function's standards are: who may take part in
// making them, what is asked of patent holders, and whether their text is
// free. Absent values are "" or nil.
type Standards struct {
	Participation string `json:"participation,omitempty"`
	PatentPolicy  string `json:"patentPolicy,omitempty"`
	FreeText      *bool  `json:"freeText,omitempty"`
}

// Function categories whose tasks the modality matrix rates apart, and
// the one whose standards' openness a function may state.
const (
	CategoryStandardsSetting          = "standards-setting"
	CategoryCriticalInternetResources = "critical-internet-resources"
	CategoryAccessAndInterconnection  = "access-and-interconnection"
	CategoryIPEnforcement             = "ip-enforcement"
	CategoryInformationIntermediaries = "information-intermediaries"
)

// Subject names a function's category for people, with its task in
// brackets when it has one: "critical-internet-resources (cctld-policy)".
func Subject(category, task string) string {
	if task == "" {
		return category
	}
	return category + " (" + task + ")"
}

// TaskCategory is the category a function task belongs to, or "" for a
// word that is not a task. Each task belongs to exactly one category.
func TaskCategory(task string) string {
	switch task {
	case "identifier-policy", "cctld-policy", "registry-operations":
		return CategoryCriticalInternetResources
	case "access-regulation", "interconnection":
		return CategoryAccessAndInterconnection
	case "infrastructure-enforcement", "dispute-resolution":
		return CategoryIPEnforcement
	case "content-law":
		return CategoryInformationIntermediaries
	}
	return ""
}

// Tasks lists the function tasks in the order the charter schema lists
// them.
func Tasks() []string {
	return []string{
		"identifier-policy", "cctld-policy", "registry-operations",
		"access-regulation", "interconnection",
		"infrastructure-enforcement", "dispute-resolution",
		"content-law",
	}
}

// Advice is an advice relation between two bodies.
type Advice struct {
	ID              string   `json:"id"`
	From            string   `json:"from"`
	To              string   `json:"to"`
	Weight          string   `json:"weight"`
	RejectThreshold *float64 `json:"rejectThreshold,omitempty"`
	Consultation    bool     `json:"consultation,omitempty"`
	Functions       []string `json:"functions,omitempty"`
}

// Participation says who may take part and on what terms.
type Participation struct {
	Openness         string     `json:"openness,omitempty"`
	Admission        *Admission `json:"admission,omitempty"`
	Fees             *Fees      `json:"fees,omitempty"`
	Remote           *bool      `json:"remote,omitempty"`
	CapacityBuilding *bool      `json:"capacityBuilding,omitempty"`
}

// Admission says how new members are admitted.
type Admission struct {
	Sponsors   int    `json:"sponsors,omitempty"`
	ApprovedBy string `json:"approvedBy,omitempty"`
	Criteria   string `json:"criteria,omitempty"`
}

// Fees are membership or participation fees.
type Fees struct {
	Amount   float64 `json:"amount"`
	Currency string  `json:"currency"`
	Waiver   bool    `json:"waiver,omitempty"`
	// Covers is what the fee pays for: "participation" (the default) or
	// "services", when taking part in policy-making is free.
	Covers string `json:"covers,omitempty"`
}

// Transparency says what the arrangement publishes.
type Transparency struct {
	PublicRecords *bool          `json:"publicRecords,omitempty"`
	Minutes       *bool          `json:"minutes,omitempty"`
	PublicComment *PublicComment `json:"publicComment,omitempty"`
}

// PublicComment is the public comment period on proposed decisions.
type PublicComment struct {
	Days int `json:"days"`
}

// Accountability says how decisions can be challenged and reviewed.
type Accountability struct {
	Appeals           []Appeal           `json:"appeals,omitempty"`
	IndependentReview *IndependentReview `json:"independentReview,omitempty"`
	Recall            *Recall            `json:"recall,omitempty"`
	Recourse          []Recourse         `json:"recourse,omitempty"`
	ReviewCycle       *ReviewCycle       `json:"reviewCycle,omitempty"`
}

// Recourse is a recourse against decisions other than an appeal, such as
// non-ratification of a treaty text.
type Recourse struct {
	ID          string   `json:"id"`
	Kind        string   `json:"kind"`
	Of          []string `json:"of,omitempty"`
	Description string   `json:"description,omitempty"`
}

// Appeal is a path to challenge a decision.
type Appeal struct {
	ID           string `json:"id"`
	From         string `json:"from,omitempty"`
	To           string `json:"to"`
	Binding      *bool  `json:"binding,omitempty"`
	DeadlineDays int    `json:"deadlineDays,omitempty"`
}

// IndependentReview is review by a panel independent of the deciders.
type IndependentReview struct {
	ID           string `json:"id"`
	Body         string `json:"body,omitempty"`
	Binding      bool   `json:"binding"`
	DeadlineDays int    `json:"deadlineDays,omitempty"`
}

// Recall is the power to remove members before their term ends.
type Recall struct {
	By []string `json:"by"`
	Of []string `json:"of"`
}

// ReviewCycle is the periodic review of the arrangement.
type ReviewCycle struct {
	Years float64 `json:"years"`
}

// Parse fills a Charter from JSON bytes that passed the schema. The lint
// pipeline uses FromValue on the document it has already decoded.
func Parse(data []byte) (*Charter, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, fmt.Errorf("read charter model: %w", err)
	}
	return FromValue(v)
}
