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

// ncOnScreen is the nonconformity as stored now.
func ncOnScreen(t *testing.T, u *UI, v *registerView, id int64) data.Record {
	t.Helper()
	r, err := u.ws.Record(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func typeDate(t *testing.T, u *UI, label string, d time.Time) {
	t.Helper()
	f := input[*dateField](t, u.win, label)
	f.SetText(d.Format(typedDateLayout()))
}

// A nonconformity is taken from open to closed with the one step button:
// the corrective action is a task of its owner's, the check a task of the
// checker's, a check that finds the actions not effective sends it back
// and is kept, and a second, effective one closes it.
func TestTheStepButtonTakesANonconformityFromOpenToClosed(t *testing.T) {
	u := newRegisterUI(t)
	ctx := context.Background()
	nc := saveRecord(t, u.ws, data.NonconformitiesRegister, "title", "Change made without approval", "raised_on", "2026-11-02",
		"source", "other", "severity", "minor", "status", "open")
	v := openRegister(t, u, data.NonconformitiesRegister)
	v.table.Select(widget.TableCellID{Row: 0, Col: 0})
	step := func(want string) {
		t.Helper()
		if got := v.steps.next.Text; got != want || v.steps.next.Disabled() {
			t.Fatalf("the step button says %q (disabled %v), want %q", got, v.steps.next.Disabled(), want)
		}
		test.Tap(v.steps.next)
	}

	step("Start corrective action…")
	test.Type(input[*textField](t, u.win, "Title"), "Add an approval step to the change form")
	answerPrompt(t, u.win, "Start")
	if got := problem(t, u.win, "Due"); got == "" {
		t.Error("an action without a due date: the form says nothing beside Due")
	}
	typeDate(t, u, "Due", time.Date(2026, 12, 10, 0, 0, 0, 0, time.UTC))
	answerPrompt(t, u.win, "Start")
	if got := problem(t, u.win, "Owner"); got != "Say who carries out the action." {
		t.Errorf("an action without an owner: the form says %q", got)
	}
	input[*widget.Select](t, u.win, "Owner").SetSelected("Tomasz Nowak")
	answerPrompt(t, u.win, "Start")
	if got := ncOnScreen(t, u, v, nc.ID).Get("status"); got != data.NCAction {
		t.Fatalf("after starting, status %q", got)
	}
	acts, _ := data.RecordActions(ctx, u.ws, nc.ID)
	if len(acts) != 1 || acts[0].Title != "Add an approval step to the change form" || acts[0].Due.IsZero() {
		t.Fatalf("the corrective actions are %+v, want the one given, dated", acts)
	}

	step("Ask for effectiveness check…")
	if got := topDialogText(u.win); !strings.Contains(got, "1 corrective action is still open") {
		t.Errorf("asking for a check with an open action does not warn: %q", got)
	}
	typeDate(t, u, "Check due", time.Date(2027, 1, 15, 0, 0, 0, 0, time.UTC))
	input[*widget.Select](t, u.win, "Checked by").SetSelected("Oliver Grant")
	answerPrompt(t, u.win, "Ask")
	r := ncOnScreen(t, u, v, nc.ID)
	if r.Get("status") != data.NCCheck || r.Get("check_due") != "2027-01-15" {
		t.Fatalf("after asking: status %q, due %q", r.Get("status"), r.Get("check_due"))
	}
	if got, want := v.status.Text, "NC-1 awaits its effectiveness check, due 15 January 2027."; got != want {
		t.Errorf("status line %q, want %q", got, want)
	}
	tasks, _ := u.ws.Tasks(ctx)
	checker := ""
	for _, task := range tasks {
		if task.Title == "Check effectiveness of NC-1 Change made without approval" && task.Status == data.TaskOpen {
			checker = u.screenNames(t)[task.OwnerID]
		}
	}
	if checker != "Oliver Grant" {
		t.Errorf("the open check task goes to %q, want the checker", checker)
	}

	step("Record effectiveness check…")
	answerPrompt(t, u.win, "Record")
	if got := problem(t, u.win, "Result"); got != "Say whether the actions worked." {
		t.Errorf("a check without a result: the form says %q", got)
	}
	input[*widget.RadioGroup](t, u.win, "Result").SetSelected("Not effective")
	test.Type(input[*textField](t, u.win, "Check notes"), "A change in December still skipped approval.")
	answerPrompt(t, u.win, "Record")
	r = ncOnScreen(t, u, v, nc.ID)
	if r.Get("status") != data.NCAction || r.Get("check_result") != data.CheckIneffective {
		t.Fatalf("after a failed check: status %q, result %q", r.Get("status"), r.Get("check_result"))
	}

	step("Ask for effectiveness check…")
	if got := topDialogText(u.win); !strings.Contains(got, "The last check moves to Earlier checks.") {
		t.Errorf("asking again does not say the last check is kept: %q", got)
	}
	typeDate(t, u, "Check due", time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC))
	input[*widget.Select](t, u.win, "Checked by").SetSelected("Oliver Grant")
	answerPrompt(t, u.win, "Ask")
	r = ncOnScreen(t, u, v, nc.ID)
	if got, want := r.Get("earlier_checks"), "2026-11-25 Not effective, checked by Oliver Grant: A change in December still skipped approval."; got != want {
		t.Errorf("earlier checks %q, want %q", got, want)
	}
	tasks, _ = u.ws.Tasks(ctx)
	again := false
	for _, task := range tasks {
		again = again || (task.Title == "Check effectiveness of NC-1 Change made without approval" && task.Status == data.TaskOpen &&
			task.Due.Equal(time.Date(2027, 3, 1, 0, 0, 0, 0, time.UTC)))
	}
	if !again {
		t.Error("asking for a second check made no open check task due on its day")
	}

	step("Record effectiveness check…")
	input[*widget.RadioGroup](t, u.win, "Result").SetSelected("Effective")
	answerPrompt(t, u.win, "Record")
	r = ncOnScreen(t, u, v, nc.ID)
	if r.Get("status") != data.NCClosed || r.Get("check_result") != data.CheckEffective || r.Get("checked_by") == "" {
		t.Fatalf("after an effective check: status %q, result %q, by %q", r.Get("status"), r.Get("check_result"), r.Get("checked_by"))
	}
	if !v.steps.next.Visible() || v.steps.next.Text != "Closed" || !v.steps.next.Disabled() {
		t.Errorf("a closed nonconformity offers %q (disabled %v)", v.steps.next.Text, v.steps.next.Disabled())
	}
}

// screenNames maps the workspace's people by ID to their names.
func (u *UI) screenNames(t *testing.T) map[int64]string {
	t.Helper()
	people, err := u.ws.People(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	out := map[int64]string{}
	for _, p := range people {
		out[p.ID] = p.Name
	}
	return out
}

// The form of a nonconformity names the others of the same kind of cause,
// and those whose root cause reads alike, as the line under the table does.
func TestANonconformityNamesTheOthersOfTheSameCause(t *testing.T) {
	u := newRegisterUI(t)
	for _, nc := range []struct{ title, category, cause string }{
		{"New starters waited for accounts", "process", "No lead time for new starters."},
		{"Provider report came late", "supplier", "The contract sets no deadline."},
		{"Backout never tried", "process", "Backout plans are written for every change, but nobody tests them."},
		{"Firmware update could not be undone", "technology", "The change process asks for a backout plan, not for proof it works."},
	} {
		saveRecord(t, u.ws, data.NonconformitiesRegister, "title", nc.title, "raised_on", "2026-11-02",
			"source", "other", "severity", "minor", "status", "open", "cause_category", nc.category, "root_cause", nc.cause)
	}
	v := openRegister(t, u, data.NonconformitiesRegister)
	v.onClear()
	row := -1
	for i := 0; i < v.total; i++ {
		if r, _ := v.record(i); r.Get("title") == "Backout never tried" {
			row = i
		}
	}
	v.table.Select(widget.TableCellID{Row: row, Col: 0})
	want := "Same cause category as NC-1; root cause like that of NC-4"
	if got := v.detail.Text; !strings.Contains(got, want) || strings.Contains(got, "NC-2") {
		t.Errorf("the line under the table says %q, want %q and NC-2 not named", got, want)
	}
	v.onEdit()
	if got := topDialogText(u.win); !strings.Contains(got, want+"\n") || !strings.Contains(got, "Next: start the corrective action") {
		t.Errorf("the form says %q, want %q and the next step", got, want)
	}
}

// The form of an improvement shows how the objectives it serves stand.
func TestAnImprovementsFormShowsItsObjectivesAgainstTarget(t *testing.T) {
	u := newRegisterUI(t)
	obj := saveRecord(t, u.ws, "objectives", "title", "P2 incidents resolved within 8 hours", "target", "95", "unit", "%",
		"direction", "at_least", "frequency", "monthly")
	for i, actual := range []string{"93.8", "96.7"} {
		saveRecord(t, u.ws, "measurements", "objective", data.FormatIDs([]int64{obj.ID}), "period", []string{"March 2026", "April 2026"}[i],
			"date", []string{"2026-04-01", "2026-05-01"}[i], "actual", actual)
	}
	saveRecord(t, u.ws, data.ImprovementsRegister, "title", "Paired leave rota", "decision", "approved", "decided_on", "2026-04-10", "status", "done",
		"objectives", data.FormatIDs([]int64{obj.ID}))
	v := openRegister(t, u, data.ImprovementsRegister)
	v.table.Select(widget.TableCellID{Row: 0, Col: 0})
	v.onEdit()
	want := "OBJ-1 P2 incidents resolved within 8 hours: 96.7 % in April 2026 against a target of at least 95 %, met. 1 of 2 results met their target. Since it was decided on 10 April 2026, 1 of 1 result met their target."
	if got := topDialogText(u.win); !strings.Contains(got, "Against its objectives:\n"+want) {
		t.Errorf("the form says %q, want %q", got, want)
	}
}

// The nonconformities screen filters by the fields its register names,
// not by every choice and person it holds.
func TestTheNonconformitiesScreenFiltersByStatusSeverityAndCause(t *testing.T) {
	u := newRegisterUI(t)
	saveRecord(t, u.ws, data.NonconformitiesRegister, "title", "Change made without approval", "raised_on", "2026-11-02",
		"source", "other", "severity", "minor", "status", "open")
	v := openRegister(t, u, data.NonconformitiesRegister)
	var got []string
	for _, f := range v.filters {
		got = append(got, f.field.Label)
	}
	if want := "Status, Severity, Cause category"; strings.Join(got, ", ") != want {
		t.Errorf("filters %q, want %q", strings.Join(got, ", "), want)
	}
}
