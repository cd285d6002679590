package app

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
)

// A person's History names fields as the form labels them, never by the
// column names the trail stores, and a creation lists the values set
// without an empty "before".
func TestHistoryNamesFieldsAsTheFormDoes(t *testing.T) {
	u := newTestUI(t, filepath.Join(t.TempDir(), "hist.smsdb"))
	u.win.Resize(fyne.NewSize(1024, 700))
	people, err := u.Workspace().People(u.ctx())
	if err != nil || len(people) == 0 {
		t.Fatalf("people: %v", err)
	}
	p := people[0]
	old := p.JobTitle
	p.JobTitle = "Head of operations"
	if _, err := u.Workspace().SavePerson(u.ctx(), p); err != nil {
		t.Fatal(err)
	}
	showHistory(u.env(), "person", fmt.Sprint(p.ID), p.Name)
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no history dialog")
	}
	all := strings.Join(shownTexts(top), "\n")
	if strings.Contains(all, "job_title") || strings.Contains(all, "“”") {
		t.Errorf("the history shows a column name or an empty before:\n%s", all)
	}
	for _, line := range strings.Split(all, "\n") {
		if strings.HasPrefix(line, "email:") || strings.HasPrefix(line, "roles:") || strings.HasPrefix(line, "name:") {
			t.Errorf("the history names a field by its column: %q", line)
		}
	}
	if want := "“" + old + "” → “Head of operations”"; !strings.Contains(all, want) {
		t.Errorf("the history does not show the change %q:\n%s", want, all)
	}
	if !strings.Contains(all, "Job title") {
		t.Errorf("the history does not name the field Job title:\n%s", all)
	}
}
