package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"smsbuilder/data"
)

// A record's form that was typed in asks before Escape or Cancel throws
// the typing away; Keep editing (or Escape again) goes back to it.
func TestEscapeOrCancelOverAnEditedFormAsksBeforeDiscarding(t *testing.T) {
	forms := []struct {
		name  string
		open  func(*UI)
		title string
	}{
		{"register record", func(u *UI) { openRegister(t, u, "services").onAdd() }, "Add service"},
		{"task", func(u *UI) { u.show(screenTasks); u.screen.(*tasksScreen).onAdd() }, "Add task"},
		{"person", func(u *UI) { u.show(screenPeople); u.screen.(*peopleScreen).onAdd() }, "Add person"},
	}
	for _, f := range forms {
		t.Run(f.name, func(t *testing.T) {
			u, path := newPlainUI(t)
			c := u.win.Canvas()
			f.open(u)
			pressKey(c, fyne.KeyEscape)
			if got := topDialogText(u.win); got != "" {
				t.Fatalf("Escape over the untouched form left this on show:\n%s", got)
			}

			f.open(u)
			typeKeys(c, "Half typed")
			pressKey(c, fyne.KeyEscape)
			got := topDialogText(u.win)
			if want := "What you typed in “" + f.title + "” will be lost."; !strings.Contains(got, want) {
				t.Fatalf("Escape over the typed form shows %q, want %q", got, want)
			}
			pressKey(c, fyne.KeyEscape) // over the question: Keep editing
			if got := topDialogText(u.win); strings.Contains(got, "will be lost") || !formHolds(u.win, "Half typed") {
				t.Fatalf("Escape over the question did not go back to the form:\n%s", got)
			}
			if c.Focused() == nil {
				t.Error("back in the form, no field has the focus")
			}

			tapInTopDialog(t, u.win, "Cancel")
			tapInTopDialog(t, u.win, "Keep editing")
			if !formHolds(u.win, "Half typed") {
				t.Fatal("Keep editing lost what was typed")
			}
			tapInTopDialog(t, u.win, "Cancel")
			tapInTopDialog(t, u.win, "Discard")
			if got := topDialogText(u.win); got != "" {
				t.Fatalf("Discard left this on show:\n%s", got)
			}
			if strings.Contains(storedText(t, path), "Half typed") {
				t.Error("Discard saved what was typed")
			}
		})
	}
}

// formHolds reports whether a field of the dialog on top holds text.
func formHolds(w fyne.Window, text string) bool {
	top := w.Canvas().Overlays().Top()
	if top == nil {
		return false
	}
	return strings.Contains(strings.Join(formValues(top), "\n"), text)
}

// storedText is every title and name the workspace at path holds.
func storedText(t *testing.T, path string) string {
	t.Helper()
	ws := reopen(t, path)
	ctx := context.Background()
	var b strings.Builder
	page, err := ws.Records(ctx, data.RecordQuery{Register: "services"})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range page.Records {
		b.WriteString(r.Get("title") + "\n")
	}
	tasks, err := ws.Tasks(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, task := range tasks {
		b.WriteString(task.Title + "\n")
	}
	people, err := ws.People(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range people {
		b.WriteString(p.Name + "\n")
	}
	return b.String()
}
