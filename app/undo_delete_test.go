package app

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"smsbuilder/data"
)

// Undo of a person's delete on the People screen brings them back under
// their own ID: the Tasks and Documents screens show them as owner again,
// and their History lists their whole life.
func TestUndoDeleteOfAPersonBringsBackTheirTasksAndDocuments(t *testing.T) {
	path := filepath.Join(t.TempDir(), "undo.smsdb")
	u := newTestUI(t, path)
	ws := u.Workspace()
	ctx := u.ctx()
	tasks, err := ws.Tasks(ctx)
	if err != nil {
		t.Fatal(err)
	}
	docs, err := ws.Documents(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// The demo person who owns the most.
	owned := map[int64]int{}
	for _, task := range tasks {
		owned[task.OwnerID]++
	}
	for _, d := range docs {
		owned[d.OwnerID]++
	}
	people, err := ws.People(ctx)
	if err != nil {
		t.Fatal(err)
	}
	p := people[0]
	for _, q := range people {
		if owned[q.ID] > owned[p.ID] {
			p = q
		}
	}
	u.show(screenTasks)
	tasksOwned := ownedOnScreen(t, u, p.Name)
	u.show(screenDocuments)
	docsOwned := ownedOnScreen(t, u, p.Name)
	if tasksOwned == 0 || docsOwned == 0 {
		t.Fatalf("%s owns %d tasks and %d documents in the demo, want some of each", p.Name, tasksOwned, docsOwned)
	}

	u.show(screenPeople)
	s := u.screen.(*peopleScreen)
	s.search.SetText(p.Name)
	s.table.Select(widget.TableCellID{Row: 0, Col: 0})
	s.onDelete()
	confirmTopDialog(t, u.win)
	if _, err := ws.Person(ctx, p.ID); data.ErrorCode(err) != data.ENotFound {
		t.Fatalf("after delete, person %d: %v, want not found", p.ID, err)
	}
	test.Tap(s.undo)
	if got, want := s.status.Text, p.Name+" was restored."; got != want {
		t.Errorf("status after undo = %q, want %q", got, want)
	}
	back, err := ws.Person(ctx, p.ID)
	if err != nil {
		t.Fatalf("after undo, person %d: %v, want them back under their own ID", p.ID, err)
	}
	if back.Name != p.Name || len(back.Roles) != len(p.Roles) {
		t.Errorf("restored person = %+v, want %+v", back, p)
	}

	s.search.SetText(p.Name)
	s.table.Select(widget.TableCellID{Row: 0, Col: 0})
	s.onHistory()
	history := topDialogText(u.win)
	for _, action := range []string{"created", "deleted", "restored"} {
		if !strings.Contains(history, "— "+action+"\n") {
			t.Errorf("History of %s has no %s:\n%s", p.Name, action, history)
		}
	}

	u.show(screenTasks)
	if got := ownedOnScreen(t, u, p.Name); got != tasksOwned {
		t.Errorf("Tasks screen after undo shows %s as owner of %d tasks, want %d", p.Name, got, tasksOwned)
	}
	u.show(screenDocuments)
	if got := ownedOnScreen(t, u, p.Name); got != docsOwned {
		t.Errorf("Documents screen after undo shows %s as owner of %d documents, want %d", p.Name, got, docsOwned)
	}
}

// ownedOnScreen counts the rows of the Tasks or Documents screen whose owner
// column shows name.
func ownedOnScreen(t *testing.T, u *UI, name string) int {
	t.Helper()
	n := 0
	switch s := u.screen.(type) {
	case *tasksScreen:
		for _, task := range s.tasks {
			if s.cell(task, 1) == name {
				n++
			}
		}
	case *documentsScreen:
		for _, r := range s.rows {
			if s.cell(r, 3) == name {
				n++
			}
		}
	default:
		t.Fatalf("no owner column on %T", s)
	}
	return n
}

// Undo of a task's delete on the Tasks screen brings it back under its own
// ID, with the delete and the restore in its History.
func TestUndoDeleteOfATaskKeepsItsID(t *testing.T) {
	u := newTestUI(t, filepath.Join(t.TempDir(), "undo.smsdb"))
	u.show(screenTasks)
	s := u.screen.(*tasksScreen)
	s.table.Select(widget.TableCellID{Row: 0, Col: 0})
	task, ok := s.current()
	if !ok {
		t.Fatal("no task selected")
	}
	s.onDelete()
	confirmTopDialog(t, u.win)
	if !s.undo.Visible() {
		t.Fatal("no undo offered after delete")
	}
	test.Tap(s.undo)
	var back *data.Task
	for i := range s.tasks {
		if s.tasks[i].ID == task.ID {
			back = &s.tasks[i]
		}
	}
	if back == nil || back.Title != task.Title || back.OwnerID != task.OwnerID || !back.Due.Equal(task.Due) {
		t.Fatalf("after undo the task with ID %d is %+v, want %+v", task.ID, back, task)
	}
	trail, err := u.Workspace().AuditTrail(u.ctx(), "task", fmt.Sprint(task.ID), 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(trail) != 2 || trail[0].Action != data.ActionRestore || trail[1].Action != data.ActionDelete {
		t.Errorf("newest entries of the task's trail = %+v, want restore after delete", trail)
	}
}
