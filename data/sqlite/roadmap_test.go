package sqlite

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"smsbuilder/data"
)

// ticker is a clock for tests that moves on a second at every reading, so
// that every write has its own, known time.
type ticker struct{ t time.Time }

func (c *ticker) now() time.Time {
	c.t = c.t.Add(time.Second)
	return c.t
}

// clockStore is a Store with the embedded schema and a ticking clock that
// starts at 09:00 UTC on 1 December 2026.
func clockStore() (*Store, *ticker) {
	c := &ticker{t: time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)}
	return &Store{now: c.now}, c
}

// demoPeopleIn saves the demo people and returns them by name.
func demoPeopleIn(t testing.TB, ws *Workspace) map[string]data.Person {
	t.Helper()
	out := map[string]data.Person{}
	for _, p := range data.DemoPeople() {
		saved, err := ws.SavePerson(actorCtx("Seeder"), p)
		if err != nil {
			t.Fatal(err)
		}
		out[p.Name] = saved
	}
	return out
}

// day is midnight UTC of a date, as a stored date reads back.
func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func TestStepProgressRoundTrip(t *testing.T) {
	ctx := actorCtx("Daniel Okafor")
	s, clock := clockStore()
	path := filepath.Join(t.TempDir(), "roadmap"+data.WorkspaceExt)
	ws := createAt(t, s, path)
	people := demoPeopleIn(t, ws)
	cet := time.FixedZone("CET", 3600)
	nyc := time.FixedZone("EST", -5*3600)

	tests := []struct {
		name string
		in   data.StepProgress
		want data.StepProgress // UpdatedAt is the time of saving
	}{
		{
			name: "status only",
			in:   data.StepProgress{StepID: "step-01", Status: data.StepDone},
			want: data.StepProgress{StepID: "step-01", Status: data.StepDone},
		},
		{
			name: "owner, due date and notes",
			in: data.StepProgress{StepID: "step-02", Status: data.StepInProgress, OwnerID: people["Daniel Okafor"].ID,
				Due: day(2027, 1, 15), Notes: "Workshop with top management on 12 January.\nBring the context draft."},
			want: data.StepProgress{StepID: "step-02", Status: data.StepInProgress, OwnerID: people["Daniel Okafor"].ID,
				Due: day(2027, 1, 15), Notes: "Workshop with top management on 12 January.\nBring the context draft."},
		},
		{
			name: "not applicable with its reason",
			in:   data.StepProgress{StepID: "step-03", Status: data.StepNotApplicable, NAReason: "No services are designed in-house."},
			want: data.StepProgress{StepID: "step-03", Status: data.StepNotApplicable, NAReason: "No services are designed in-house."},
		},
		{
			name: "a due date picked at local midnight east of UTC keeps its day",
			in:   data.StepProgress{StepID: "step-04", Status: data.StepNotStarted, Due: time.Date(2027, 3, 1, 0, 0, 0, 0, cet)},
			want: data.StepProgress{StepID: "step-04", Status: data.StepNotStarted, Due: day(2027, 3, 1)},
		},
		{
			name: "a due date late in the day west of UTC keeps its day",
			in:   data.StepProgress{StepID: "step-05", Status: data.StepNotStarted, Due: time.Date(2027, 3, 1, 22, 30, 0, 0, nyc)},
			want: data.StepProgress{StepID: "step-05", Status: data.StepNotStarted, Due: day(2027, 3, 1)},
		},
		{
			name: "words in other scripts",
			in:   data.StepProgress{StepID: "step-06", Status: data.StepInProgress, Notes: "Zoë's 😀 note: «Überprüfung» 完成"},
			want: data.StepProgress{StepID: "step-06", Status: data.StepInProgress, Notes: "Zoë's 😀 note: «Überprüfung» 完成"},
		},
	}
	want := map[string]data.StepProgress{}
	for _, tt := range tests {
		if err := errOf(ws.SaveStepProgress(ctx, tt.in)); err != nil {
			t.Fatalf("%s: SaveStepProgress() = %v", tt.name, err)
		}
		tt.want.UpdatedAt, tt.want.Revision = clock.t, 1
		want[tt.in.StepID] = tt.want
	}

	check := func(ws *Workspace, when string) {
		t.Helper()
		got, err := ws.StepProgress(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: StepProgress() =\n%+v\nwant\n%+v", when, got, want)
		}
	}
	check(ws, "before reopening")
	if err := ws.Close(); err != nil {
		t.Fatal(err)
	}
	ws = openAt(t, s, path)
	check(ws, "after reopening")

	// Stored as the design says: a date as its day, no owner and no date as
	// NULL, times as UTC RFC 3339.
	var due, owner, updated any
	if err := ws.db.QueryRow("SELECT due, owner_id, updated_at FROM step_progress WHERE step_id = 'step-04'").Scan(&due, &owner, &updated); err != nil {
		t.Fatal(err)
	}
	if got, want := [3]any{due, owner, updated}, [3]any{"2027-03-01", nil, formatTime(want["step-04"].UpdatedAt)}; got != want {
		t.Errorf("stored due, owner, updated_at = %q, want %q", got, want)
	}
	if err := ws.db.QueryRow("SELECT due FROM step_progress WHERE step_id = 'step-01'").Scan(&due); err != nil {
		t.Fatal(err)
	}
	if due != nil {
		t.Errorf("stored due of an unplanned step = %q, want NULL", due)
	}
}

func TestStepProgressAudit(t *testing.T) {
	s, clock := clockStore()
	ws := createAt(t, s, filepath.Join(t.TempDir(), "w"+data.WorkspaceExt))
	people := demoPeopleIn(t, ws)
	daniel, priya := people["Daniel Okafor"], people["Priya Raman"]

	steps := []struct {
		name    string
		actor   string
		in      data.StepProgress
		action  string // "" when nothing is written
		changes []data.FieldChange
	}{
		{
			name:   "first save creates",
			actor:  "Daniel Okafor",
			in:     data.StepProgress{StepID: "step-07", Status: data.StepInProgress, OwnerID: daniel.ID, Due: day(2027, 2, 1), Notes: "Draft ready"},
			action: data.ActionCreate,
			changes: []data.FieldChange{
				{Field: "status", To: "in-progress"},
				{Field: "owner", To: "Daniel Okafor"},
				{Field: "due", To: "2027-02-01"},
				{Field: "notes", To: "Draft ready"},
			},
		},
		{
			name:   "new owner and date",
			actor:  "Margaret Holloway",
			in:     data.StepProgress{StepID: "step-07", Status: data.StepInProgress, OwnerID: priya.ID, Due: day(2027, 3, 1), Notes: "Draft ready"},
			action: data.ActionUpdate,
			changes: []data.FieldChange{
				{Field: "owner", From: "Daniel Okafor", To: "Priya Raman"},
				{Field: "due", From: "2027-02-01", To: "2027-03-01"},
			},
		},
		{
			name:  "unchanged, with another UpdatedAt",
			actor: "Margaret Holloway",
			in:    data.StepProgress{StepID: "step-07", Status: data.StepInProgress, OwnerID: priya.ID, Due: day(2027, 3, 1), Notes: "Draft ready", UpdatedAt: time.Now()},
		},
		{
			name:   "not applicable, no owner, no date",
			actor:  "Daniel Okafor",
			in:     data.StepProgress{StepID: "step-07", Status: data.StepNotApplicable, NAReason: "Covered by step 6", Notes: "Draft ready"},
			action: data.ActionUpdate,
			changes: []data.FieldChange{
				{Field: "status", From: "in-progress", To: "not-applicable"},
				{Field: "owner", From: "Priya Raman"},
				{Field: "due", From: "2027-03-01"},
				{Field: "na_reason", To: "Covered by step 6"},
			},
		},
	}
	var want []data.AuditEntry
	var rev data.Revision // each save from the progress as the one before stored it
	for _, st := range steps {
		st.in.Revision = rev
		saved, err := ws.SaveStepProgress(actorCtx(st.actor), st.in)
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		rev = saved.Revision
		if st.action != "" {
			want = append([]data.AuditEntry{{At: clock.t, Actor: st.actor, Entity: "step", EntityID: "step-07", Action: st.action, Changes: st.changes}}, want...)
		}
		checkTrail(t, ws, "step", "step-07", want)
	}
	got, err := ws.StepProgress(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if got, want := got["step-07"].UpdatedAt, want[0].At; !got.Equal(want) {
		t.Errorf("UpdatedAt = %v, want the time of the last change %v", got, want)
	}
}

func TestPlan(t *testing.T) {
	ctx := actorCtx("Daniel Okafor")
	s, clock := clockStore()
	path := filepath.Join(t.TempDir(), "plan"+data.WorkspaceExt)
	ws := createAt(t, s, path)

	got, err := ws.Plan(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, data.Plan{}) {
		t.Errorf("Plan() of a new workspace = %+v, want the empty plan", got)
	}

	steps := []struct {
		name    string
		in      data.Plan
		want    data.Plan
		action  string
		changes []data.FieldChange
	}{
		{name: "empty plan where none is saved writes nothing", in: data.Plan{}, want: data.Plan{}},
		{
			name: "target set", in: data.Plan{TargetDate: time.Date(2027, 9, 30, 0, 0, 0, 0, time.FixedZone("BST", 3600))},
			want: data.Plan{TargetDate: day(2027, 9, 30)}, action: data.ActionCreate,
			changes: []data.FieldChange{{Field: "target_date", To: "2027-09-30"}},
		},
		{name: "same day again writes nothing", in: data.Plan{TargetDate: day(2027, 9, 30)}, want: data.Plan{TargetDate: day(2027, 9, 30)}},
		{
			name: "target moved", in: data.Plan{TargetDate: day(2027, 11, 15)}, want: data.Plan{TargetDate: day(2027, 11, 15)},
			action: data.ActionUpdate, changes: []data.FieldChange{{Field: "target_date", From: "2027-09-30", To: "2027-11-15"}},
		},
		{
			name: "target cleared", in: data.Plan{}, want: data.Plan{},
			action: data.ActionUpdate, changes: []data.FieldChange{{Field: "target_date", From: "2027-11-15"}},
		},
	}
	var trail []data.AuditEntry
	var rev data.Revision // each save from the plan as the one before stored it
	for _, st := range steps {
		st.in.Revision = rev
		saved, err := ws.SavePlan(ctx, st.in)
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		rev = saved.Revision
		st.want.Revision = rev
		if st.action != "" {
			trail = append([]data.AuditEntry{{At: clock.t, Actor: "Daniel Okafor", Entity: "plan", EntityID: "1", Action: st.action, Changes: st.changes}}, trail...)
		}
		checkTrail(t, ws, "plan", "1", trail)
		ws.Close()
		ws = openAt(t, s, path)
		got, err := ws.Plan(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, st.want) {
			t.Errorf("%s: after reopening Plan() = %+v, want %+v", st.name, got, st.want)
		}
	}
	var target any
	if err := ws.db.QueryRow("SELECT target_date FROM plan").Scan(&target); err != nil {
		t.Fatal(err)
	}
	if target != nil {
		t.Errorf("stored target_date of a cleared plan = %q, want NULL", target)
	}
}
