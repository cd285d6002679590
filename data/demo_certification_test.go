package data_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"smsbuilder/data"
)

// TestDemoCertification checks what a person finds of Northwind's road to
// certification: a body chosen, stage 1 held with a minor nonconformity
// raised as a nonconformity of its own and an observation, stage 2 booked,
// and the deadlines still ahead as open tasks.
func TestDemoCertification(t *testing.T) {
	ctx := context.Background()
	// a month before 31 March is 3 March, as Go counts it
	now := time.Date(2026, 3, 31, 9, 0, 0, 0, time.UTC)
	ws, _ := seededAuditDemo(t, now)
	bodies, _ := ws.Records(ctx, data.RecordQuery{Register: data.BodiesRegister})
	audits, _ := ws.Records(ctx, data.RecordQuery{Register: data.ExternalAuditsRegister})
	findings, _ := ws.Records(ctx, data.RecordQuery{Register: data.ExternalFindingsRegister})

	var chosen []string
	for _, b := range bodies.Records {
		if b.Get("status") == "chosen" {
			chosen = append(chosen, b.Get("title"))
		}
	}
	if got, want := len(chosen), 1; got != want {
		t.Errorf("got %d bodies chosen (%v), want %d", got, chosen, want)
	}
	var kinds []string
	for _, a := range audits.Records {
		kinds = append(kinds, a.Get("kind")+" held "+a.Get("held_on"))
	}
	if got, want := strings.Join(kinds, "; "), "stage1 held 2026-03-03; stage2 held "; got != want {
		t.Errorf("got audits %q, want %q", got, want)
	}
	var grades []string
	for _, f := range findings.Records {
		g := f.Get("grade")
		if len(f.IDs("nonconformity")) > 0 {
			g += " with its nonconformity"
		}
		grades = append(grades, g)
	}
	slices.Sort(grades)
	if got, want := strings.Join(grades, "; "), "minor with its nonconformity; observation"; got != want {
		t.Errorf("got findings %q, want %q", got, want)
	}

	tasks, _ := ws.Tasks(ctx)
	var open []string
	for _, task := range tasks {
		if task.Status == data.TaskOpen && (strings.HasPrefix(task.Title, "Host ") || strings.HasPrefix(task.Title, "Send ")) {
			open = append(open, task.Title+" by "+task.Due.Format(data.DateLayout))
		}
	}
	slices.Sort(open)
	want := []string{
		"Host CA-2 " + "Stage 2 – certification audit by 2026-05-31",
		"Send the evidence for CF-1 Change and release procedures used unapproved by 2026-06-01",
	}
	if !slices.Equal(open, want) {
		t.Errorf("got open tasks %q, want %q", open, want)
	}
	flags, err := data.WorkspaceStage2Flags(ctx, ws, now)
	if err != nil || len(flags) != 0 {
		t.Errorf("got flags %v (%v), want none before stage 2 is held", flags, err)
	}
}
