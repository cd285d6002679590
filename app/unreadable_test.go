package app

import (
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"smsbuilder/data/sqlite"
)

// TestTaskWithUnreadableDueOpens opens the tasks of a workspace whose first
// task's due date was changed to "soon" outside the app: the list shows it,
// marks the date unreadable, and the form opens with the stored text in the
// field and a plain message under it.
func TestTaskWithUnreadableDueOpens(t *testing.T) {
	path := filepath.Join(t.TempDir(), "demo.smsdb")
	demoCopy(t, path)
	// What another SQLite tool does; the app itself never writes SQL.
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = db.Exec("UPDATE tasks SET due = 'soon' WHERE id = (SELECT min(id) FROM tasks)")
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	a := test.NewTempApp(t)
	a.Preferences().SetString(prefActor, "Test Person")
	u := New(a, Deps{Store: sqlite.New(), Catalogue: testCatalogue(t), DefaultWorkspace: path, Now: fixedNow})
	u.Start("")
	t.Cleanup(u.closeWorkspace)
	dismissDialogs(u.win)

	u.show(screenTasks)
	s := u.screen.(*tasksScreen)
	var row = -1
	for i, tk := range s.tasks {
		if tk.Unreadable.Has("Due") {
			row = i
		}
	}
	if row < 0 {
		t.Fatalf("the task with the unreadable due date is not listed (%d tasks)", len(s.tasks))
	}
	task := s.tasks[row]
	if got := s.cell(task, 2); got != "unreadable" {
		t.Errorf("due column = %q, want \"unreadable\"", got)
	}

	f := newTaskForm(task, s.env, s.people)
	f.content()
	if f.due.Text != "soon" {
		t.Errorf("due field = %q, want the stored text \"soon\"", f.due.Text)
	}
	msg := f.problems["Due"]
	if !msg.Visible() || !strings.Contains(msg.Text, `task "`+task.Title[:20]) || !strings.Contains(msg.Text, `"soon"`) {
		t.Errorf("message under Due = %q (shown %v), want it to name the task and the stored text", msg.Text, msg.Visible())
	}
	if strings.Contains(msg.Text, "parsing") {
		t.Errorf("message under Due shows a Go error: %q", msg.Text)
	}
	// Saving it unchanged is refused at the field; a real date saves.
	if _, err := f.value(); err == nil || !f.problems.show(err) {
		t.Errorf("saving \"soon\" as a due date was not refused at the field: %v", err)
	}
	f.due.SetText("2027-01-15")
	v, err := f.value()
	if err == nil {
		_, err = u.Workspace().SaveTask(u.ctx(), v)
	}
	if err != nil {
		t.Fatalf("save corrected task: %v", err)
	}
	s.load()
	for _, tk := range s.tasks {
		if tk.ID == task.ID && (len(tk.Unreadable) != 0 || tk.Due.Format("2006-01-02") != "2027-01-15") {
			t.Errorf("after saving, the task reads as due %v with %+v", tk.Due, tk.Unreadable)
		}
	}
}
