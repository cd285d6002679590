package sqlite

import (
	"path/filepath"
	"reflect"
	"strconv"
	"testing"
	"time"

	"smsbuilder/data"
)

func TestTasksRoundTrip(t *testing.T) {
	ctx := actorCtx("Daniel Okafor")
	s, clock := clockStore()
	path := filepath.Join(t.TempDir(), "tasks"+data.WorkspaceExt)
	ws := createAt(t, s, path)
	people := demoPeopleIn(t, ws)

	tests := []struct {
		name string
		in   data.Task
		due  time.Time // as it reads back
	}{
		{
			name: "manual, unassigned, undated",
			in:   data.Task{Title: "Book the stage 1 audit", Status: data.TaskOpen, SourceKind: data.SourceManual},
		},
		{
			name: "from a step, with owner and due date",
			in: data.Task{Title: "Write the SMS scope", Description: "Use the scope template.\nAgree it with Margaret.",
				OwnerID: people["Daniel Okafor"].ID, Due: day(2027, 1, 31), Status: data.TaskOpen,
				SourceKind: data.SourceStep, SourceRef: "step-04"},
			due: day(2027, 1, 31),
		},
		{
			name: "from a gap, done, due date picked at local midnight",
			in: data.Task{Title: "Set up the supplier register", OwnerID: people["Sofia Marchetti"].ID,
				Due: time.Date(2027, 2, 1, 0, 0, 0, 0, time.FixedZone("CET", 3600)), Status: data.TaskDone,
				SourceKind: data.SourceQuestion, SourceRef: "q-8.3.4-1"},
			due: day(2027, 2, 1),
		},
	}
	var want []data.Task
	for _, tt := range tests {
		got, err := ws.SaveTask(ctx, tt.in)
		if err != nil {
			t.Fatalf("%s: SaveTask() = %v", tt.name, err)
		}
		w := tt.in
		w.ID, w.Number, w.Due, w.CreatedAt, w.UpdatedAt, w.Revision = got.ID, len(want)+1, tt.due, clock.t, clock.t, 1
		if !reflect.DeepEqual(got, w) {
			t.Errorf("%s: SaveTask() = %+v\nwant %+v", tt.name, got, w)
		}
		want = append(want, w)
	}

	// An update keeps the ID and creation time; the owner and date can go.
	edit := want[1]
	edit.OwnerID, edit.Due, edit.Status = 0, time.Time{}, data.TaskDone
	got, err := ws.SaveTask(ctx, edit)
	if err != nil {
		t.Fatal(err)
	}
	edit.UpdatedAt, edit.Revision = clock.t, 2
	if !reflect.DeepEqual(got, edit) || !edit.UpdatedAt.After(edit.CreatedAt) {
		t.Errorf("SaveTask(update) = %+v\nwant %+v", got, edit)
	}
	want[1] = edit

	for _, reopen := range []bool{false, true} {
		if reopen {
			ws.Close()
			ws = openAt(t, s, path)
		}
		got, err := ws.Tasks(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Tasks() (reopened %v) =\n%+v\nwant\n%+v", reopen, got, want)
		}
	}
	var due, owner any
	if err := ws.db.QueryRow("SELECT due, owner FROM register_tasks WHERE id = ?", edit.ID).Scan(&due, &owner); err != nil {
		t.Fatal(err)
	}
	if due != nil || owner != nil {
		t.Errorf("stored due, owner_id = %v, %v; want NULL, NULL", due, owner)
	}
}

func TestTaskAudit(t *testing.T) {
	s, clock := clockStore()
	ws := createAt(t, s, filepath.Join(t.TempDir(), "w"+data.WorkspaceExt))
	people := demoPeopleIn(t, ws)
	daniel, priya := actorCtx("Daniel Okafor"), actorCtx("Priya Raman")

	task, err := ws.SaveTask(daniel, data.Task{Title: "Run the incident review", Description: "Monthly", OwnerID: people["Priya Raman"].ID,
		Due: day(2027, 1, 10), Status: data.TaskOpen, SourceKind: data.SourceStep, SourceRef: "step-12"})
	if err != nil {
		t.Fatal(err)
	}
	id := strconv.FormatInt(task.ID, 10)
	trail := []data.AuditEntry{{At: clock.t, Actor: "Daniel Okafor", Entity: "task", EntityID: id, Action: data.ActionCreate,
		Changes: []data.FieldChange{
			{Field: "title", To: "Run the incident review"},
			{Field: "description", To: "Monthly"},
			{Field: "owner", To: "Priya Raman"},
			{Field: "due", To: "2027-01-10"},
			{Field: "status", To: "Open"},
			{Field: "source_kind", To: "Roadmap step"},
			{Field: "source_ref", To: "step-12"},
		}}}
	checkTrail(t, ws, "task", id, trail)

	edit := task
	edit.Status, edit.OwnerID, edit.Due = data.TaskDone, people["Tomasz Nowak"].ID, day(2027, 1, 12)
	if _, err := ws.SaveTask(priya, edit); err != nil {
		t.Fatal(err)
	}
	trail = append([]data.AuditEntry{{At: clock.t, Actor: "Priya Raman", Entity: "task", EntityID: id, Action: data.ActionUpdate,
		Changes: []data.FieldChange{
			{Field: "owner", From: "Priya Raman", To: "Tomasz Nowak"},
			{Field: "due", From: "2027-01-10", To: "2027-01-12"},
			{Field: "status", From: "Open", To: "Done"},
		}}}, trail...)
	checkTrail(t, ws, "task", id, trail)

	// Unchanged: nothing written, the stored record returned.
	same, err := ws.SaveTask(priya, edit)
	if err != nil {
		t.Fatal(err)
	}
	if !same.UpdatedAt.Equal(trail[0].At) {
		t.Errorf("unchanged SaveTask() UpdatedAt = %v, want %v", same.UpdatedAt, trail[0].At)
	}
	checkTrail(t, ws, "task", id, trail)

	if err := ws.DeleteTask(daniel, same); err != nil {
		t.Fatal(err)
	}
	trail = append([]data.AuditEntry{{At: clock.t, Actor: "Daniel Okafor", Entity: "task", EntityID: id, Action: data.ActionDelete,
		Changes: []data.FieldChange{
			{Field: "title", From: "Run the incident review"},
			{Field: "description", From: "Monthly"},
			{Field: "owner", From: "Tomasz Nowak"},
			{Field: "due", From: "2027-01-12"},
			{Field: "status", From: "Done"},
			{Field: "source_kind", From: "Roadmap step"},
			{Field: "source_ref", From: "step-12"},
		}}}, trail...)
	checkTrail(t, ws, "task", id, trail)
	if got := countRows(t, ws, "SELECT count(*) FROM records"); got != 0 {
		t.Errorf("%d tasks left after the delete", got)
	}

	// A new task never takes a deleted one's ID, so trails never mix.
	next, err := ws.SaveTask(daniel, data.Task{Title: "Next", Status: data.TaskOpen, SourceKind: data.SourceManual})
	if err != nil {
		t.Fatal(err)
	}
	if next.ID <= task.ID {
		t.Errorf("new task got ID %d, want more than the deleted %d", next.ID, task.ID)
	}
}

func TestTaskNotFound(t *testing.T) {
	ctx := actorCtx("Daniel Okafor")
	ws := newWorkspace(t)
	calls := []struct {
		name string
		do   func() error
	}{
		{"SaveTask", func() error {
			_, err := ws.SaveTask(ctx, data.Task{ID: 42, Title: "Ghost", Status: data.TaskOpen, SourceKind: data.SourceManual})
			return err
		}},
		{"SaveTask with an unknown owner too", func() error {
			_, err := ws.SaveTask(ctx, data.Task{ID: 42, Title: "Ghost", Status: data.TaskOpen, SourceKind: data.SourceManual, OwnerID: 7})
			return err
		}},
		{"DeleteTask", func() error { return ws.DeleteTask(ctx, data.Task{ID: 42}) }},
	}
	for _, c := range calls {
		e := wantCode(t, c.do(), data.ENotFound)
		if !contains(e.Message, "task with ID 42") {
			t.Errorf("%s: message %q does not name the task", c.name, e.Message)
		}
	}
	for _, table := range []string{"records", "audit_trail"} {
		if got := countRows(t, ws, "SELECT count(*) FROM "+table); got != 0 {
			t.Errorf("%d rows written to %s", got, table)
		}
	}
}
