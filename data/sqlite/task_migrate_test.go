package sqlite

import (
	"path/filepath"
	"reflect"
	"strconv"
	"testing"

	"smsbuilder/data"
)

// A workspace from before the register engine (schema 5) opens with the
// same tasks, now the records of the register tasks: each under its own
// ID and numbered by it, its owner, due date, status and source kept, its
// audit trail readable, found by a search, and a person's delete still
// undone with their tasks.
func TestMigrateTasksIntoRegister(t *testing.T) {
	ctx := actorCtx("Daniel Okafor")
	path := filepath.Join(t.TempDir(), "v5"+data.WorkspaceExt)
	var people map[string]data.Person
	old := createOld(t, path, 5, func(ws *Workspace) {
		people = demoPeopleIn(t, ws)
		for _, task := range []data.Task{
			{Title: "Book the stage 1 audit", Status: data.TaskOpen, SourceKind: data.SourceManual},
			{Title: "Write the SMS scope", Description: "Use the template.", OwnerID: people["Daniel Okafor"].ID,
				Due: day(2027, 1, 31), Status: data.TaskOpen, SourceKind: data.SourceStep, SourceRef: "step-04"},
			{Title: "Set up the supplier register", OwnerID: people["Sofia Marchetti"].ID, Due: day(2027, 2, 1),
				Status: data.TaskDone, SourceKind: data.SourceQuestion, SourceRef: "q-8.3.4-1"},
			{Title: "Deleted before the upgrade", Status: data.TaskOpen, SourceKind: data.SourceManual},
		} {
			saved, err := ws.SaveTask(ctx, task)
			if err != nil {
				t.Fatal(err)
			}
			if task.Title == "Deleted before the upgrade" {
				if err := ws.DeleteTask(ctx, saved); err != nil {
					t.Fatal(err)
				}
			}
		}
	})
	want, err := old.Tasks(ctx)
	if err != nil {
		t.Fatal(err)
	}
	wantTrail, err := old.AuditTrail(ctx, "task", "", 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := old.Close(); err != nil {
		t.Fatal(err)
	}
	// The earlier release had counted the deleted task's ID too.
	rawExec(t, fileURI(path), "UPDATE sqlite_sequence SET seq = 4 WHERE name = 'tasks'")

	report, err := New().Check(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := [2]int{report.SchemaVersion, report.Tasks}, [2]int{5, len(want)}; got != want {
		t.Errorf("Check() of the old file: schema, tasks = %v, want %v", got, want)
	}

	ws := openAt(t, New(), path)
	got, err := ws.Tasks(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("after migrating Tasks() =\n%+v\nwant\n%+v", got, want)
	}
	for _, task := range got {
		if int64(task.Number) != task.ID {
			t.Errorf("task %d is numbered %d, want its ID", task.ID, task.Number)
		}
	}
	gotTrail, err := ws.AuditTrail(ctx, "task", "", 0)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(gotTrail, wantTrail) {
		t.Errorf("after migrating the tasks' trail has %d entries, want the %d from before", len(gotTrail), len(wantTrail))
	}

	scope := got[1]
	var ref, owner string
	if err := ws.db.QueryRow("SELECT reference, owner FROM register_tasks WHERE id = ?", scope.ID).Scan(&ref, &owner); err != nil {
		t.Fatal(err)
	}
	if want := "TSK-" + strconv.FormatInt(scope.ID, 10); ref != want || owner != "Daniel Okafor" {
		t.Errorf("register_tasks shows %s owned by %q, want %s owned by Daniel Okafor", ref, owner, want)
	}
	page, err := ws.Records(ctx, data.RecordQuery{Register: data.TasksRegister, Search: "roadmap step"})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Records) != 1 || page.Records[0].ID != scope.ID {
		t.Errorf("a search for the source finds %+v, want the task from a step", page.Records)
	}
	page, err = ws.Records(ctx, data.RecordQuery{Register: data.TasksRegister, Sort: []data.SortKey{{Field: "status", Desc: true}}})
	if err != nil {
		t.Fatal(err)
	}
	if len(page.Records) == 0 || page.Records[0].Get("status") != string(data.TaskDone) {
		t.Errorf("sorted by status, done last reversed, the first task is %+v", page.Records)
	}

	next, err := ws.SaveTask(ctx, data.Task{Title: "After the upgrade", Status: data.TaskOpen, SourceKind: data.SourceManual})
	if err != nil {
		t.Fatal(err)
	}
	if next.ID <= 4 {
		t.Errorf("a new task took ID %d, at or below the deleted task's 4", next.ID)
	}

	daniel, err := ws.Person(ctx, people["Daniel Okafor"].ID)
	if err != nil {
		t.Fatal(err)
	}
	links, err := ws.DeletePerson(ctx, daniel)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ws.RestorePerson(ctx, daniel, links); err != nil {
		t.Fatal(err)
	}
	back, err := ws.Tasks(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if back[1].OwnerID != daniel.ID {
		t.Errorf("after undoing the delete of its owner the task is owned by %d, want %d", back[1].OwnerID, daniel.ID)
	}
	if err := ws.Close(); err != nil {
		t.Fatal(err)
	}

	report, err = New().Check(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if report.Tasks != len(want)+1 || len(report.Problems) != 0 {
		t.Errorf("Check() of the migrated file: %d tasks, problems %v; want %d and none", report.Tasks, report.Problems, len(want)+1)
	}
}
