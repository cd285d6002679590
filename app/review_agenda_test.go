package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"smsbuilder/data"
)

// A review is held from its agenda: the agenda shows each input's figures
// from the workspace, takes a decision on each, and marking it held
// freezes the figures; top management then approves the minutes.
func TestAReviewIsHeldFromItsAgendaAndItsMinutesApproved(t *testing.T) {
	u := newRegisterUI(t)
	ctx := context.Background()
	people, err := u.ws.People(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var top data.Person
	for _, p := range people {
		if p.HasRole(data.RoleTopManagement) && top.ID == 0 {
			top = p
		}
	}
	today := u.env().now().Format(data.DateLayout)
	saveRecord(t, u.ws, data.NonconformitiesRegister, "title", "Backups not checked", "raised_on", today, "source", "audit", "severity", "minor", "status", "open")
	saveRecord(t, u.ws, data.ReviewsRegister, "title", "Spring review", "planned", today, "chair", data.FormatIDs([]int64{top.ID}), "status", "planned")

	v := openRegister(t, u, data.ReviewsRegister)
	v.table.Select(widget.TableCellID{Row: 0, Col: 0})
	v.onEdit()
	if approve := button(t, u.win, "Approve minutes…"); !approve.Disabled() {
		t.Error("Approve minutes… is offered before the review was held")
	}
	tapInTopDialog(t, u.win, "Hold review…")
	got := topDialogText(u.win)
	for _, want := range []string{"Agenda of MR-1 Spring review", "5. Nonconformities and corrective actions", "Not yet closed: 1", "NC-1 Backups not checked"} {
		if !strings.Contains(got, want) {
			t.Errorf("the agenda lacks %q", want)
		}
	}
	decisions := decisionFields(u.win)
	if len(decisions) != len(data.ReviewInputs()) {
		t.Fatalf("the agenda has %d decision fields, want one per input (%d)", len(decisions), len(data.ReviewInputs()))
	}
	test.Type(decisions[4], "Check every backup report daily.")
	tapInTopDialog(t, u.win, "Mark held today…")
	answerPrompt(t, u.win, "Yes")

	saveRecord(t, u.ws, data.NonconformitiesRegister, "title", "Raised the day after", "raised_on", today, "source", "other", "severity", "minor", "status", "open")
	page, _ := u.ws.Records(ctx, data.RecordQuery{Register: data.ReviewsRegister})
	held := page.Records[0]
	if got, want := held.Get("status"), data.ReviewHeld; got != want {
		t.Fatalf("status after Mark held = %s, want %s", got, want)
	}
	if got, want := held.Get("decision_nonconformities"), "Check every backup report daily."; got != want {
		t.Errorf("decision = %q, want %q", got, want)
	}
	snap, ok, _ := data.SnapshotOf(held)
	if f, _ := snap.Figures("nonconformities"); !ok || len(f.Items) != 1 {
		t.Errorf("frozen nonconformities: %v, want the one open on the day", f.Items)
	}

	v = openRegister(t, u, data.ReviewsRegister)
	v.table.Select(widget.TableCellID{Row: 0, Col: 0})
	v.onEdit()
	tapInTopDialog(t, u.win, "Open agenda and decisions…")
	if got := topDialogText(u.win); !strings.Contains(got, "Not yet closed: 1") || strings.Contains(got, "Raised the day after") {
		t.Error("the held review's agenda shows today's figures, want those frozen on the day")
	}
	dismissDialogs(u.win)
	v.table.Select(widget.TableCellID{Row: 0, Col: 0})
	v.onEdit()
	tapInTopDialog(t, u.win, "Approve minutes…")
	tapInTopDialog(t, u.win, "Approve")
	r, _ := u.ws.Record(ctx, held.ID)
	if got, want := r.Get("status"), data.ReviewApproved; got != want {
		t.Errorf("status after approval = %s, want %s", got, want)
	}
	if got, want := r.Get("approved_by"), data.FormatIDs([]int64{top.ID}); got != want {
		t.Errorf("approved by %s, want the chair %s", got, want)
	}
	tasks, _ := u.ws.Tasks(ctx)
	for _, task := range tasks {
		if task.Status == data.TaskOpen && strings.Contains(task.Title, "Spring review") {
			t.Errorf("task %q is still open once the review is held and its minutes approved", task.Title)
		}
	}
}

func button(t *testing.T, w fyne.Window, label string) *widget.Button {
	t.Helper()
	var found *widget.Button
	walk(w.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == label {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no %q button on top", label)
	}
	return found
}

// decisionFields are the agenda's decision fields, in the inputs' order.
func decisionFields(w fyne.Window) []*textField {
	var out []*textField
	walk(w.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if f, ok := o.(*textField); ok && f.PlaceHolder == "What the review concluded and decided on this input" {
			out = append(out, f)
		}
	})
	return out
}
