package app

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"smsbuilder/data"
)

// A corrective action is added from the nonconformity's form, is a task
// that names the nonconformity it came from, and leads back to it.
func TestAnActionAddedToARecordIsATaskThatLeadsBackToIt(t *testing.T) {
	u := newRegisterUI(t)
	saveRecord(t, u.ws, data.NonconformitiesRegister, "title", "Change made without approval", "raised_on", "2026-03-02",
		"source", "other", "severity", "minor", "status", "open")
	v := openRegister(t, u, data.NonconformitiesRegister)
	v.table.Select(widget.TableCellID{Row: 0, Col: 0})
	v.onEdit()
	if got := topDialogText(u.win); !strings.Contains(got, "Corrective actions:") || !strings.Contains(got, "None yet.") {
		t.Fatalf("the form shows %q, want an empty list of corrective actions", got)
	}
	tapInTopDialog(t, u.win, "Add action…")
	test.Type(input[*textField](t, u.win, "Title"), "Add an approval step to the change form")
	answerPrompt(t, u.win, "Save")
	if got := topDialogText(u.win); !strings.Contains(got, "Say who carries out the action.") || !strings.Contains(got, "Say when the action is due.") {
		t.Fatalf("an action without owner and due date: the form shows %q, want both asked for", got)
	}
	owner := input[*widget.Select](t, u.win, "Owner")
	owner.SetSelected("Priya Raman")
	input[*dateField](t, u.win, "Due").setDate(time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC))
	answerPrompt(t, u.win, "Save")
	if got := topDialogText(u.win); !strings.Contains(got, "Add an approval step to the change form") || strings.Contains(got, "Say who") {
		t.Fatalf("after adding, the record's form shows %q, want the action listed", got)
	}
	dismissDialogs(u.win)

	u.show(screenTasks)
	s := u.screen.(*tasksScreen)
	s.openOnly.SetChecked(false)
	row := -1
	for i, task := range s.shown {
		if task.Title == "Add an approval step to the change form" {
			row = i
		}
	}
	if row < 0 {
		t.Fatal("the action is not in the task list")
	}
	if got, want := s.cell(s.shown[row], 4), "NC-1 Change made without approval"; got != want {
		t.Errorf("From = %q, want %q", got, want)
	}
	s.table.Select(widget.TableCellID{Row: row, Col: 0})
	if s.source.Disabled() {
		t.Fatal("Open source is disabled for a task from a record")
	}
	s.onSource()
	if got := input[*textField](t, u.win, "Nonconformity").Text; got != "Change made without approval" {
		t.Errorf("Open source showed a form with %q, want the nonconformity", got)
	}
	dismissDialogs(u.win)

	nc, _ := u.ws.Records(context.Background(), data.RecordQuery{Register: data.NonconformitiesRegister})
	err := u.ws.DeleteRecord(context.Background(), nc.Records[0])
	if err == nil || !strings.Contains(data.ErrorMessage(err), "Finish or delete them first") {
		t.Errorf("deleting the nonconformity with an open action: %v", err)
	}
}
