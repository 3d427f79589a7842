package corpus

import (
	"strconv"
	"strings"

	"github.com/charterlint/charterlint/internal/charter"
	"github.com/charterlint/charterlint/schemas"
)

// ManyActors returns a valid charter with n actors (clamped to 1..10000,
// the schema's limit) who all sit on one body, the general assembly: an
// open decision body whose participants are all n actors. Each of the
// first 1000 actors also holds a seat group of its own on the assembly,
// most with a full vote; the schema allows no more than 1000 seat groups
// on a body, so from n = 1001 on the remaining actors take part as
// participants only.
func ManyActors(n int) []byte {
	n = clamp(n, 1, maxActors)
	classes := charter.Classes()
	c := charter.Charter{
		Format:      schemas.FormatV1,
		ID:          "many-actors-" + strconv.Itoa(n),
		Name:        "Assembly of " + strconv.Itoa(n) + " actors",
		Description: "Generated charter with very many actors, for benchmarks and hardening.",
		Modality:    charter.ModalityMultistakeholder,
		Objectives:  []string{"stability", "openness"},
		Actors:      make([]charter.Actor, n),
	}
	assembly := charter.Body{
		ID:           "general-assembly",
		Name:         "General Assembly",
		Role:         charter.RoleDecision,
		Open:         true,
		Participants: make([]string, n),
		Seats:        make([]charter.Seat, 0, min(n, maxSeats)),
		Decision:     &charter.Decision{Method: "majority", Quorum: ptr(0.5)},
	}
	for i := range n {
		id := "actor-" + strconv.Itoa(i)
		a := charter.Actor{ID: id, Name: "Actor " + strconv.Itoa(i), Class: classes[i%len(classes)]}
		if i%7 == 3 {
			a.Kind = "organisation"
		}
		c.Actors[i] = a
		assembly.Participants[i] = id
		if i < maxSeats {
			vote := charter.VoteFull
			if i%11 == 5 {
				vote = charter.VoteNone
			}
			assembly.Seats = append(assembly.Seats, charter.Seat{
				ID:        "seat-" + strconv.Itoa(i),
				Actor:     id,
				Count:     1 + i%3,
				Vote:      vote,
				Selection: &charter.Selection{Method: "election", By: []string{id}},
			})
		}
	}
	c.Bodies = []charter.Body{assembly}
	c.Functions = []charter.Function{{
		ID:        "interconnection-policy",
		Name:      "Interconnection policy",
		Category:  "access-and-interconnection",
		Modality:  charter.ModalityMultistakeholder,
		DecidedBy: assembly.ID,
	}}
	return marshal(&c)
}

// DeepNesting returns a JSON document whose brackets nest exactly depth
// levels (at least 1), counting the charter-like top-level object as the
// first level. The nesting sits under "description", alternating arrays
// and objects; from depth 3 on the document also has one-element actors,
// bodies and functions arrays, which nest 3 levels. The document is not
// schema-valid: it exercises a decoder's depth limit. It is compact, one
// line, so its size grows linearly with depth.
func DeepNesting(depth int) []byte {
	depth = max(depth, 1)
	var b strings.Builder
	b.Grow(200 + 12*depth)
	b.WriteString(`{"format":"` + schemas.FormatV1 + `","id":"deep-nesting-` + strconv.Itoa(depth) + `","name":"Deep nesting","modality":"private","description":`)
	// Levels 2..depth: the value of "description".
	inner := depth - 1
	for i := range inner {
		if i%2 == 0 {
			b.WriteByte('[')
		} else {
			b.WriteString(`{"level":`)
		}
	}
	if inner == 0 {
		b.WriteString(`"flat"`)
	} else {
		b.WriteString(`"bottom"`)
	}
	for i := inner - 1; i >= 0; i-- {
		if i%2 == 0 {
			b.WriteByte(']')
		} else {
			b.WriteByte('}')
		}
	}
	if depth >= 3 {
		b.WriteString(`,"actors":[{"id":"a","name":"A","class":"academia"}]`)
		b.WriteString(`,"bodies":[{"id":"b","name":"B","role":"decision"}]`)
		b.WriteString(`,"functions":[{"id":"f","name":"F","category":"standards-setting","modality":"private","decidedBy":"b"}]`)
	}
	b.WriteString("}\n")
	return []byte(b.String())
}
