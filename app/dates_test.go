package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"smsbuilder/data"
)

// taskDialogFields finds the title and due date of the task dialog on top.
func taskDialogFields(t *testing.T, w fyne.Window) (*textField, *dateField) {
	t.Helper()
	var title *textField
	var due *dateField
	walk(w.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *textField:
			if title == nil {
				title = x
			}
		case *dateField:
			due = x
		}
	})
	if title == nil || due == nil {
		t.Fatal("the task dialog has no title or no date picker")
	}
	return title, due
}

func taskTitled(t *testing.T, u *UI, title string) data.Task {
	t.Helper()
	tasks, err := u.Workspace().Tasks(u.ctx())
	if err != nil {
		t.Fatal(err)
	}
	for _, tk := range tasks {
		if tk.Title == title {
			return tk
		}
	}
	t.Fatalf("no task %q was saved", title)
	return data.Task{}
}

func TestATaskDueDateIsPickedFromTheCalendar(t *testing.T) {
	u, _ := newPlainUI(t)
	u.show(screenTasks)
	s := u.screen.(*tasksScreen)
	s.onAdd()
	title, due := taskDialogFields(t, u.win)
	title.SetText("Book the stage 1 audit")
	calendar, ok := due.ActionItem.(*widget.Button)
	if !ok {
		t.Fatal("the due date has no calendar button")
	}
	test.Tap(calendar)
	tapInTopDialog(t, u.win, "15") // the calendar opens on this month
	now := time.Now()
	want := time.Date(now.Year(), now.Month(), 15, 0, 0, 0, 0, time.UTC)
	if got := due.Text; got != want.Format(typedDateLayout()) {
		t.Errorf("the field shows %q after picking the 15th, want %q", got, want.Format(typedDateLayout()))
	}
	tapInTopDialog(t, u.win, "Save")
	if got := taskTitled(t, u, "Book the stage 1 audit").Due; !got.Equal(want) {
		t.Errorf("due = %v, want %v", got, want)
	}
}

func TestATaskDueDateIsOptionalAndARefusalIsPlain(t *testing.T) {
	u, _ := newPlainUI(t)
	u.show(screenTasks)
	s := u.screen.(*tasksScreen)
	tests := []struct {
		typed   string
		saved   bool
		due     time.Time
		message string
	}{
		{"", true, time.Time{}, ""},
		{"2027-03-31", true, time.Date(2027, 3, 31, 0, 0, 0, 0, time.UTC), ""},
		{time.Date(2027, 4, 30, 0, 0, 0, 0, time.UTC).Format(typedDateLayout()), true, time.Date(2027, 4, 30, 0, 0, 0, 0, time.UTC), ""},
		{"next week", false, time.Time{}, "That is not a date. Choose one from the calendar, or type it like " + typedDateExample() + "."},
	}
	for i, tt := range tests {
		s.onAdd()
		title, due := taskDialogFields(t, u.win)
		name := "Task " + string(rune('A'+i))
		title.SetText(name)
		due.SetText(tt.typed)
		tapInTopDialog(t, u.win, "Save")
		if !tt.saved {
			text := topDialogText(u.win)
			if !strings.Contains(text, tt.message) || strings.Contains(text, "parsing time") {
				t.Errorf("typing %q shows:\n%s\nwant %q", tt.typed, text, tt.message)
			}
			tapInTopDialog(t, u.win, "Cancel")
			continue
		}
		if got := taskTitled(t, u, name).Due; !got.Equal(tt.due) {
			t.Errorf("typing %q saved due %v, want %v", tt.typed, got, tt.due)
		}
	}
}

// TestDatesShowInTheWorkspaceFormat changes the workspace's date format and
// reads a task's due date on the Tasks screen.
func TestDatesShowInTheWorkspaceFormat(t *testing.T) {
	u, _ := newPlainUI(t)
	ws := u.Workspace()
	due := time.Date(2027, 3, 31, 0, 0, 0, 0, time.UTC)
	if _, err := ws.SaveTask(u.ctx(), data.Task{Title: "Renew the certificate", Status: data.TaskOpen, SourceKind: data.SourceManual, Due: due}); err != nil {
		t.Fatal(err)
	}
	for _, f := range data.DateFormats() {
		o, err := ws.Organisation(u.ctx())
		if err != nil {
			t.Fatal(err)
		}
		o.DateFormat = f
		if _, err := ws.SaveOrganisation(u.ctx(), o); err != nil {
			t.Fatal(err)
		}
		u.show(screenTasks)
		s := u.screen.(*tasksScreen)
		if got, want := s.cell(taskTitled(t, u, "Renew the certificate"), 2), due.Format(string(f)); got != want {
			t.Errorf("format %q: the due date shows %q, want %q", f, got, want)
		}
	}
}

// TestDateFieldReadsWhatTheUserTyped covers optional and required fields, the
// calendar's own layout and ISO dates, and refusals in plain words, also as
// the field's own check, which forms show under the field.
func TestDateFieldReadsWhatTheUserTyped(t *testing.T) {
	test.NewTempApp(t)
	day := time.Date(2027, 3, 31, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		typed    string
		optional bool
		want     time.Time
		refusal  string
	}{
		{"", true, time.Time{}, ""},
		{"  ", true, time.Time{}, ""},
		{"", false, time.Time{}, "Choose a date from the calendar, or type one like " + typedDateExample() + "."},
		{day.Format(typedDateLayout()), false, day, ""},
		{"2027-03-31", true, day, ""},
		{"31 March", true, time.Time{}, "That is not a date. Choose one from the calendar, or type it like " + typedDateExample() + "."},
	}
	for _, tt := range tests {
		f := newDateField(time.Time{}, tt.optional)
		test.NewTempWindow(t, f) // the check is installed with the renderer
		f.SetText(tt.typed)
		got, err := f.date()
		if !got.Equal(tt.want) || data.ErrorMessage(err) != tt.refusal && !(err == nil && tt.refusal == "") {
			t.Errorf("%q (optional %v) = %v, %q; want %v, %q", tt.typed, tt.optional, got, data.ErrorMessage(err), tt.want, tt.refusal)
		}
		if err := f.Validate(); (err == nil) != (tt.refusal == "") || err != nil && data.ErrorMessage(err) != tt.refusal {
			t.Errorf("%q (optional %v): the field's check says %v, want %q", tt.typed, tt.optional, err, tt.refusal)
		}
	}
	if got := newDateField(day, true).Text; got != day.Format(typedDateLayout()) {
		t.Errorf("a stored date shows as %q, want %q", got, day.Format(typedDateLayout()))
	}
}

// The date field keeps the window's keys, as every other field does.
func TestCtrlSAndEscapeInTheDueDate(t *testing.T) {
	u := newWorkingUI(t, "due-keys.smsdb")
	c := u.win.Canvas()
	s, _ := openTaskForm(t, u)
	id := s.shown[0].ID
	_, due := taskDialogFields(t, u.win)
	c.Focus(due)
	due.SetText("2027-05-14")
	pressShortcut(c, ctrl(fyne.KeyS))
	if c.Overlays().Top() != nil {
		t.Fatal("the form dialog is still open after Ctrl+S in the due date")
	}
	tasks, _ := u.Workspace().Tasks(u.ctx())
	for _, tk := range tasks {
		if tk.ID == id && !tk.Due.Equal(time.Date(2027, 5, 14, 0, 0, 0, 0, time.UTC)) {
			t.Errorf("due = %v, want 14 May 2027", tk.Due)
		}
	}
	openTaskForm(t, u)
	_, due = taskDialogFields(t, u.win)
	c.Focus(due)
	pressKey(c, fyne.KeyEscape)
	if c.Overlays().Top() != nil {
		t.Fatal("the form dialog is still open after Escape in the due date")
	}
}
