package refcheck

import (
	"testing"

	"github.com/charterlint/charterlint/internal/charter"
)

func base() *charter.Charter {
	return &charter.Charter{
		ID:     "c",
		Actors: []charter.Actor{{ID: "states", Class: "government"}, {ID: "firms", Class: "private-sector"}},
		Bodies: []charter.Body{
			{ID: "council", Role: "decision", Seats: []charter.Seat{
				{ID: "state-seats", Actor: "states", Vote: "full", Selection: &charter.Selection{Method: "appointment", By: []string{"states"}}},
				{ID: "nom-seats", AppointedBy: "nomcom", Vote: "full"},
			}, Vetoes: []charter.Veto{{ID: "v1", Holder: "states", Scope: "all"}}},
			{ID: "nomcom", Role: "nominating", Participants: []string{"firms"}},
		},
		Functions: []charter.Function{{ID: "f1", DecidedBy: "council", AdvisedBy: []string{"nomcom"}}},
		Advice:    []charter.Advice{{ID: "a1", From: "nomcom", To: "council", Functions: []string{"f1"}}},
		Accountability: &charter.Accountability{
			Appeals:           []charter.Appeal{{ID: "ap1", From: "council", To: "nomcom"}},
			IndependentReview: &charter.IndependentReview{ID: "irp", Body: "nomcom"},
			Recall:            &charter.Recall{By: []string{"firms", "nomcom"}, Of: []string{"council"}},
		},
	}
}

func TestCheckValid(t *testing.T) {
	if got := Check(base()); len(got) != 0 {
		t.Fatalf("valid charter: got problems %+v", got)
	}
}

func TestCheckProblems(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(c *charter.Charter)
		want   Problem
	}{
		{"unknown seat actor", func(c *charter.Charter) { c.Bodies[0].Seats[0].Actor = "stats" },
			Problem{"/bodies/0/seats/0/actor", "state-seats", `seat holder "stats" names no actor in this charter; did you mean "states"?`}},
		{"seat actor is a body", func(c *charter.Charter) { c.Bodies[0].Seats[0].Actor = "nomcom" },
			Problem{"/bodies/0/seats/0/actor", "state-seats", `seat holder "nomcom" names the body at /bodies/1/id, not an actor`}},
		{"unknown deciding body", func(c *charter.Charter) { c.Functions[0].DecidedBy = "board" },
			Problem{"/functions/0/decidedBy", "f1", `deciding body "board" names no body in this charter`}},
		{"unknown advising body in list", func(c *charter.Charter) { c.Functions[0].AdvisedBy = []string{"nomcom", "gac"} },
			Problem{"/functions/0/advisedBy/1", "f1", `advising body "gac" names no body in this charter`}},
		{"duplicate actor id", func(c *charter.Charter) {
			c.Actors = append(c.Actors, charter.Actor{ID: "states", Class: "academia"})
		}, Problem{"/actors/2/id", "states", `id "states" is already used by the actor at /actors/0/id; ids must be unique within a charter`}},
		{"seat id clashes with body id", func(c *charter.Charter) { c.Bodies[0].Seats[1].ID = "council" },
			Problem{"/bodies/0/seats/1/id", "council", `id "council" is already used by the body at /bodies/0/id; ids must be unique within a charter`}},
		{"advice names missing function", func(c *charter.Charter) { c.Advice[0].Functions = []string{"f2"} },
			Problem{"/advice/0/functions/0", "a1", `function "f2" names no function in this charter; did you mean "f1"?`}},
		{"veto holder missing", func(c *charter.Charter) { c.Bodies[0].Vetoes[0].Holder = "x" },
			Problem{"/bodies/0/vetoes/0/holder", "v1", `veto holder "x" names no actor or body in this charter`}},
		{"appeal to missing body", func(c *charter.Charter) { c.Accountability.Appeals[0].To = "court" },
			Problem{"/accountability/appeals/0/to", "ap1", `appeal body "court" names no body in this charter`}},
		{"recall of an actor", func(c *charter.Charter) { c.Accountability.Recall.Of = []string{"firms"} },
			Problem{"/accountability/recall/of/0", "", `recalled body "firms" names the actor at /actors/1/id, not a body`}},
		{"participant missing", func(c *charter.Charter) { c.Bodies[1].Participants = []string{"users"} },
			Problem{"/bodies/1/participants/0", "nomcom", `participant "users" names no actor in this charter`}},
		{"selector missing", func(c *charter.Charter) { c.Bodies[0].Seats[0].Selection.By = []string{"states", "voters"} },
			Problem{"/bodies/0/seats/0/selection/by/1", "state-seats", `selector "voters" names no actor or body in this charter`}},
		{"appointing body is an actor", func(c *charter.Charter) { c.Bodies[0].Seats[1].AppointedBy = "firms" },
			Problem{"/bodies/0/seats/1/appointedBy", "nom-seats", `appointing body "firms" names the actor at /actors/1/id, not a body`}},
		{"veto id reused by a function", func(c *charter.Charter) { c.Functions[0].ID = "v1"; c.Advice[0].Functions = nil },
			Problem{"/functions/0/id", "v1", `id "v1" is already used by the element at /bodies/0/vetoes/0/id; ids must be unique within a charter`}},
		{"review id reused by an appeal", func(c *charter.Charter) {
			c.Accountability.Appeals[0].ID = "irp"
			c.Accountability.IndependentReview.ID = "irp"
		},
			Problem{"/accountability/independentReview/id", "irp", `id "irp" is already used by the element at /accountability/appeals/0/id; ids must be unique within a charter`}},
		{"review body missing", func(c *charter.Charter) { c.Accountability.IndependentReview.Body = "court" },
			Problem{"/accountability/independentReview/body", "irp", `review body "court" names no body in this charter`}},
		{"approving body missing", func(c *charter.Charter) {
			c.Participation = &charter.Participation{Admission: &charter.Admission{ApprovedBy: "board"}}
		}, Problem{"/participation/admission/approvedBy", "", `approving body "board" names no body in this charter`}},
		{"named organisation in a personal capacity", func(c *charter.Charter) {
			c.Actors[0].Kind = "organisation"
			c.Bodies[0].Seats[0].Capacity = "personal"
		}, Problem{"/bodies/0/seats/0/capacity", "council", `seat "state-seats" is held in a personal capacity, but its actor "states" is a named organisation; a personal seat belongs to an actor that stands for individuals (kind constituency)`}},
		{"liaison with a vote", func(c *charter.Charter) { c.Bodies[0].Seats[0].OnBehalfOf = "nomcom" },
			Problem{"/bodies/0/seats/0/onBehalfOf", "council", `seat "state-seats" speaks on behalf of "nomcom" but has vote "full"; a liaison or observer seat carries no vote (vote "none"), and a voting member needs no onBehalfOf`}},
		{"observer with a vote", func(c *charter.Charter) { c.Bodies[0].Seats[0].Kind = "observer" },
			Problem{"/bodies/0/seats/0/vote", "council", `seat "state-seats" is an observer but has vote "full"; a liaison or observer takes part without a vote (vote "none"), and a voting member is of kind member or chair`}},
		{"state of a firm", func(c *charter.Charter) { c.Actors[1].State = "FR" },
			Problem{"/actors/1/state", "firms", `actor "firms" names state "FR" but is of class "private-sector"; a state is named for governmental actors (class government), whose state decides whether a body is national`}},
		{"standards of another category", func(c *charter.Charter) {
			c.Functions[0].Category, c.Functions[0].Standards = "access-and-interconnection", &charter.Standards{Participation: "open"}
		}, Problem{"/functions/0/standards", "f1", `function "f1" says how open its standards are but is of category "access-and-interconnection"; standards are described on a function of category standards-setting`}},
		{"firm that acts as a firm", func(c *charter.Charter) { c.Actors[1].ActsAs = "firm" },
			Problem{"/actors/1/actsAs", "firms", `actor "firms" says it acts as firm but is of class "private-sector"; actsAs is for technical-community and academic actors, the only classes that may act as a firm or as civil society`}},
		{"body oversees itself", func(c *charter.Charter) { c.Bodies[1].Oversees = []string{"council", "nomcom"} },
			Problem{"/bodies/1/oversees/1", "nomcom", `body "nomcom" names itself among the bodies it oversees; oversight is of another body`}},
		{"task of another category", func(c *charter.Charter) {
			c.Functions[0].Category, c.Functions[0].Task = "critical-internet-resources", "interconnection"
		}, Problem{"/functions/0/task", "f1", `function "f1" has task "interconnection", which belongs to category "access-and-interconnection", not to its category "critical-internet-resources"`}},
		{"matter with two rules", func(c *charter.Charter) {
			c.Bodies[0].Decision = &charter.Decision{Method: "majority", Matters: []charter.MatterRule{
				{Matter: "admission", Method: "unanimity"}, {Matter: "budget", Method: "majority"}, {Matter: "admission", Method: "majority"}}}
		}, Problem{"/bodies/0/decision/matters/2/matter", "council", `matter "admission" has two rules in body "council"'s decision; give each matter one rule`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := base()
			tt.mutate(c)
			got := Check(c)
			if len(got) != 1 || got[0] != tt.want {
				t.Fatalf("got %+v\nwant [%+v]", got, tt.want)
			}
		})
	}
}

// TestCheckTaskOfItsCategory checks that every task is accepted in its own
// category, and that a function without a task needs none.
func TestCheckTaskOfItsCategory(t *testing.T) {
	for _, task := range append(charter.Tasks(), "") {
		c := base()
		c.Functions[0].Category, c.Functions[0].Task = charter.TaskCategory(task), task
		if task == "" {
			c.Functions[0].Category = "standards-setting"
		}
		if got := Check(c); len(got) != 0 {
			t.Errorf("task %q in category %q: got problems %+v", task, c.Functions[0].Category, got)
		}
	}
}
