package data_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"smsbuilder/assets"
	"smsbuilder/data"
	"smsbuilder/data/sqlite"
)

// reviewWorkspace is a workspace with a review held three months ago
// (one action of it open and overdue, one done), a review planned for
// today, and a few records either side of the earlier review's day.
type reviewWorkspace struct {
	ctx          context.Context
	ws           data.Workspace
	now          time.Time
	md, engineer data.Person
	earlier      data.Record
	planned      data.Record
}

func newReviewWorkspace(t *testing.T) *reviewWorkspace {
	t.Helper()
	ctx := data.WithActor(context.Background(), "Test")
	ws, err := sqlite.New().Create(ctx, filepath.Join(t.TempDir(), "review.smsdb"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	now := time.Now().UTC()
	day := func(months, days int) string { return now.AddDate(0, months, days).Format(data.DateLayout) }
	w := &reviewWorkspace{ctx: ctx, ws: ws, now: now}
	if w.md, err = ws.SavePerson(ctx, data.Person{Name: "Margaret Holloway", Roles: []data.Role{{Kind: data.RoleTopManagement}}}); err != nil {
		t.Fatal(err)
	}
	if w.engineer, err = ws.SavePerson(ctx, data.Person{Name: "Aisha Bello"}); err != nil {
		t.Fatal(err)
	}
	save := func(register string, values map[string]string) data.Record {
		t.Helper()
		reg, _ := data.FindRegister(register)
		r := data.NewRecord(reg)
		for k, v := range values {
			r.Set(k, v)
		}
		r, err := ws.SaveRecord(ctx, r)
		if err != nil {
			t.Fatalf("save %s: %v", register, err)
		}
		return r
	}
	chair := data.FormatIDs([]int64{w.md.ID})
	w.earlier = save(data.ReviewsRegister, map[string]string{"title": "First review", "planned": day(-3, 0), "held_on": day(-3, 0),
		"status": "held", "chair": chair})
	reg, _ := data.FindRegister(data.ReviewsRegister)
	for _, a := range []struct {
		title  string
		due    time.Time
		status data.TaskStatus
	}{{"Train a second engineer", now.AddDate(0, 0, -5), data.TaskOpen}, {"Add a vault alert", now.AddDate(0, -1, 0), data.TaskDone}} {
		task := data.NewRecordAction(reg, w.earlier)
		task.Title, task.Due, task.Status, task.OwnerID = a.title, a.due, a.status, w.engineer.ID
		if _, err := ws.SaveTask(ctx, task); err != nil {
			t.Fatal(err)
		}
	}
	w.planned = save(data.ReviewsRegister, map[string]string{"title": "Second review", "planned": day(0, 0), "chair": chair})
	save(data.NonconformitiesRegister, map[string]string{"title": "Complaint about slow password resets", "source": "complaint",
		"raised_on": day(-1, 0), "status": "open"})
	save(data.NonconformitiesRegister, map[string]string{"title": "Backup job not checked", "source": "audit",
		"raised_on": day(-6, 0), "status": "action"})
	objective := save("objectives", map[string]string{"title": "Customer satisfaction", "target": "4.5", "unit": "points", "direction": "at_least"})
	link := data.FormatIDs([]int64{objective.ID})
	save("measurements", map[string]string{"objective": link, "period": "Earlier", "date": day(-2, 0), "actual": "4.7", "target": "4.5"})
	save("measurements", map[string]string{"objective": link, "period": "Latest", "date": day(0, -3), "actual": "4.2", "target": "4.5"})
	save("suppliers", map[string]string{"title": "Stratus Cloud", "rating": "2", "disputes": "Credit for the storage fault"})
	return w
}

func (w *reviewWorkspace) source(t *testing.T, review data.Record) *data.ReviewSource {
	t.Helper()
	src, err := data.LoadReviewSource(w.ctx, w.ws, review, w.now, "2006-01-02")
	if err != nil {
		t.Fatal(err)
	}
	return src
}

func factOf(figures []data.ReviewFigures, input, label string) string {
	for _, f := range figures {
		if f.Input != input {
			continue
		}
		for _, fact := range f.Facts {
			if strings.HasPrefix(strings.TrimSpace(fact.Label), label) {
				return fact.Value
			}
		}
	}
	return "(none)"
}

// TestReviewInputs checks the figures each input works out for the
// period since the previous held review.
func TestReviewInputs(t *testing.T) {
	w := newReviewWorkspace(t)
	src := w.source(t, w.planned)
	if !strings.Contains(src.PeriodText(), w.earlier.Get("held_on")) {
		t.Errorf("period = %q, want it to run from the earlier review, %s", src.PeriodText(), w.earlier.Get("held_on"))
	}
	figures := src.Figures()
	if got, want := len(figures), len(data.ReviewInputs()); got != want || want < 12 {
		t.Fatalf("got figures of %d inputs, want %d (at least 12)", got, want)
	}
	for _, c := range []struct{ input, label, want string }{
		{"actions", "Earlier reviews held", "1"},
		{"actions", "Actions they decided", "2"},
		{"actions", "Still open", "1"},
		{"actions", "Overdue", "1"},
		{"nonconformities", "Raised since", "1"}, // the older one falls before the period
		{"nonconformities", "Not yet closed", "2"},
		{"customers", "Complaints raised since", "1"},
		{"customers", "Satisfaction objectives measured", "1"},
		{"objectives", "Missing it", "1"}, // the latest result, not the earlier one
		{"objectives", "Meeting their target", "0"},
		{"suppliers", "Rated poor or weak", "1"},
		{"suppliers", "With a dispute open", "1"},
		{"performance", "Results on target since", "1"},
		{"performance", "Results off target since", "1"},
	} {
		if got := factOf(figures, c.input, c.label); got != c.want {
			t.Errorf("%s %q: got %s, want %s", c.input, c.label, got, c.want)
		}
	}
	// the first review has no earlier one: its period is the whole SMS
	first := w.source(t, w.earlier)
	if got := factOf(first.Figures(), "actions", "Earlier reviews held"); got != "0" {
		t.Errorf("first review: earlier reviews held = %s, want 0", got)
	}
}

// TestHoldFreezesSnapshot checks that the minutes keep what the review
// saw on the day, after the registers change, and that nobody edits it.
func TestHoldFreezesSnapshot(t *testing.T) {
	w := newReviewWorkspace(t)
	held, err := data.HoldReview(w.planned, w.source(t, w.planned), w.now)
	if err != nil {
		t.Fatal(err)
	}
	if held, err = w.ws.SaveRecord(w.ctx, held); err != nil {
		t.Fatal(err)
	}
	if _, err := data.SyncTasksOfRecord(w.ctx, w.ws, held.ID); err != nil {
		t.Fatal(err)
	}
	tasks, _ := w.ws.Tasks(w.ctx)
	for _, task := range tasks {
		if strings.HasPrefix(task.Title, "Hold ") && strings.Contains(task.Title, "Second review") && task.Status != data.TaskDone {
			t.Errorf("task %q is %s after the review was held, want done", task.Title, task.Status)
		}
	}
	reg, _ := data.FindRegister(data.NonconformitiesRegister)
	nc := data.NewRecord(reg)
	nc.Set("title", "Raised after the review")
	nc.Set("raised_on", w.now.Format(data.DateLayout))
	if _, err := w.ws.SaveRecord(w.ctx, nc); err != nil {
		t.Fatal(err)
	}
	stored, err := w.ws.Record(w.ctx, held.ID)
	if err != nil {
		t.Fatal(err)
	}
	snap, ok, err := data.SnapshotOf(stored)
	if err != nil || !ok {
		t.Fatalf("SnapshotOf = %v, %v; want the frozen figures", ok, err)
	}
	if got, want := factOf(snap.Inputs, "nonconformities", "Not yet closed"), "2"; got != want {
		t.Errorf("frozen open nonconformities = %s, want %s as on the day", got, want)
	}
	if got, want := factOf(w.source(t, stored).Figures(), "nonconformities", "Not yet closed"), "3"; got != want {
		t.Errorf("live open nonconformities = %s, want %s", got, want)
	}
	if _, err := data.HoldReview(stored, w.source(t, stored), w.now); err == nil {
		t.Error("holding a held review again was allowed")
	}
	for _, c := range []struct{ name, field, value string }{
		{"snapshot edited", data.ReviewSnapshotField, `{"inputs":[]}`},
		{"held date moved", "held_on", w.now.AddDate(0, 0, -1).Format(data.DateLayout)},
		{"back to planned", "status", "planned"},
	} {
		edit := stored.Clone()
		edit.Set(c.field, c.value)
		if c.field == "status" {
			edit.Set("held_on", "")
		}
		if _, err := w.ws.SaveRecord(w.ctx, edit); data.ErrorCode(err) != data.EInvalid {
			t.Errorf("%s: SaveRecord = %v, want it refused", c.name, err)
		}
	}
	edit := stored.Clone()
	edit.Set("decision_audits", "Audit programme approved.")
	if _, err := w.ws.SaveRecord(w.ctx, edit); err != nil {
		t.Errorf("a held review's decisions could not be written before approval: %v", err)
	}
}

// TestReviewApproval checks who may approve the minutes, and when.
func TestReviewApproval(t *testing.T) {
	w := newReviewWorkspace(t)
	if _, err := data.ApproveReview(w.planned, w.md, w.now); err == nil {
		t.Error("the minutes of a planned review were approved")
	}
	direct := w.planned.Clone()
	direct.Set("status", "approved")
	direct.Set("held_on", w.now.Format(data.DateLayout))
	direct.SetIDs("approved_by", []int64{w.md.ID})
	direct.Set("approved_on", w.now.Format(data.DateLayout))
	if _, err := w.ws.SaveRecord(w.ctx, direct); data.ErrorCode(err) != data.EInvalid {
		t.Errorf("planned straight to approved in the form: SaveRecord = %v, want it refused", err)
	}
	stray := w.planned.Clone()
	stray.Set("held_on", w.now.Format(data.DateLayout))
	if _, err := w.ws.SaveRecord(w.ctx, stray); data.ErrorCode(err) != data.EInvalid {
		t.Errorf("a held date on a planned review: SaveRecord = %v, want it refused", err)
	}
	held, _ := data.HoldReview(w.planned, w.source(t, w.planned), w.now)
	held, err := w.ws.SaveRecord(w.ctx, held)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := data.SyncTasksOfRecord(w.ctx, w.ws, held.ID); err != nil {
		t.Fatal(err)
	}
	approval := false
	tasks, _ := w.ws.Tasks(w.ctx)
	for _, task := range tasks {
		approval = approval || (strings.HasPrefix(task.Title, "Approve the minutes of") && task.Status == data.TaskOpen && task.OwnerID == w.md.ID)
	}
	if !approval {
		t.Error("a held review asks no one in top management to approve its minutes")
	}
	if _, err := data.ApproveReview(held, w.engineer, w.now); err == nil {
		t.Error("someone outside top management approved the minutes")
	}
	if _, err := data.ApproveReview(held, w.md, w.now.AddDate(0, 0, -1)); err == nil {
		t.Error("the minutes were approved before the review was held")
	}
	approved, err := data.ApproveReview(held, w.md, w.now)
	if err != nil {
		t.Fatal(err)
	}
	if approved, err = w.ws.SaveRecord(w.ctx, approved); err != nil {
		t.Fatal(err)
	}
	if got, want := approved.Get("status"), data.ReviewApproved; got != want {
		t.Errorf("status = %s, want %s", got, want)
	}
	if _, err := data.SyncTasksOfRecord(w.ctx, w.ws, approved.ID); err != nil {
		t.Fatal(err)
	}
	tasks, _ = w.ws.Tasks(w.ctx)
	for _, task := range tasks {
		if strings.HasPrefix(task.Title, "Approve the minutes of") && task.Status != data.TaskDone {
			t.Errorf("task %q is still open once the minutes are approved", task.Title)
		}
	}
	edit := approved.Clone()
	edit.Set("conclusions", "Changed afterwards.")
	if _, err := w.ws.SaveRecord(w.ctx, edit); data.ErrorCode(err) != data.EInvalid {
		t.Errorf("editing approved minutes: SaveRecord = %v, want it refused", err)
	}
}

// TestDemoReviews checks the demo's first review is held and approved with
// a decision on every input, its figures frozen and its actions raised,
// and the next one is planned about six months after it.
func TestDemoReviews(t *testing.T) {
	ctx := data.WithActor(context.Background(), "Demo")
	ws, err := sqlite.New().Create(ctx, filepath.Join(t.TempDir(), "demo.smsdb"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	now := time.Date(2026, 3, 31, 9, 0, 0, 0, time.UTC)
	if err := data.SeedDemo(ctx, ws, loadEmbedded(t), assets.DemoLogo(), now); err != nil {
		t.Fatal(err)
	}
	page, err := ws.Records(ctx, data.RecordQuery{Register: data.ReviewsRegister})
	if err != nil {
		t.Fatal(err)
	}
	byStatus := map[string]data.Record{}
	for _, r := range page.Records {
		byStatus[r.Get("status")] = r
	}
	held, planned := byStatus[data.ReviewApproved], byStatus[data.ReviewPlanned]
	if held.ID == 0 || planned.ID == 0 {
		t.Fatalf("got reviews %v, want one approved and one planned", byStatus)
	}
	for _, in := range data.ReviewInputs() {
		if strings.TrimSpace(held.Get(in.DecisionField())) == "" {
			t.Errorf("the held review has no decision on %q", in.Title)
		}
	}
	if snap, ok, err := data.SnapshotOf(held); !ok || err != nil || len(snap.Inputs) != len(data.ReviewInputs()) {
		t.Errorf("the held review's snapshot: ok %v, err %v, want every input", ok, err)
	}
	h, _ := held.Date("held_on")
	p, _ := planned.Date("planned")
	if months := p.Sub(h).Hours() / 24 / 30; months < 5 || months > 7 {
		t.Errorf("the next review is %.1f months after the first, want about six", months)
	}
	actions, err := data.RecordActions(ctx, ws, held.ID)
	if err != nil {
		t.Fatal(err)
	}
	open := 0
	for _, a := range actions {
		if a.OwnerID == 0 || a.Due.IsZero() {
			t.Errorf("action %q has no owner or due date", a.Title)
		}
		if a.Status == data.TaskOpen {
			open++
		}
	}
	if len(actions) < 3 || open == 0 || open == len(actions) {
		t.Errorf("got %d actions, %d open; want at least three, some done and some open", len(actions), open)
	}
}

// TestHoldKeepsALargeSnapshotToOneCell checks that a workspace with many
// open records still freezes every figure, within what a spreadsheet cell
// holds, listing fewer of the records.
func TestHoldKeepsALargeSnapshotToOneCell(t *testing.T) {
	reg, _ := data.FindRegister(data.NonconformitiesRegister)
	var ncs []data.Record
	for i := 1; i <= 900; i++ {
		r := data.NewRecord(reg)
		r.ID, r.Number = int64(i), i
		r.Set("title", strings.Repeat("A nonconformity with a long title ", 3))
		ncs = append(ncs, r)
	}
	reviews, _ := data.FindRegister(data.ReviewsRegister)
	review := data.NewRecord(reviews)
	review.ID, review.Number = 1000, 1
	review.Set("title", "Big review")
	review.Set("planned", "2026-06-01")
	review.Set("chair", "1")
	now := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	src := data.NewReviewSource(map[string][]data.Record{data.NonconformitiesRegister: ncs}, nil, nil, review, now, "")
	held, err := data.HoldReview(review, src, now)
	if err != nil {
		t.Fatal(err)
	}
	if n := len([]rune(held.Get(data.ReviewSnapshotField))); n > 32767 {
		t.Errorf("the snapshot is %d characters, more than a spreadsheet cell holds", n)
	}
	snap, _, _ := data.SnapshotOf(held)
	if got, want := factOf(snap.Inputs, "nonconformities", "Not yet closed"), "900"; got != want {
		t.Errorf("frozen count = %s, want %s", got, want)
	}
	if err := reviews.Validate(held); err != nil {
		t.Errorf("the held review does not validate: %v", err)
	}
}
