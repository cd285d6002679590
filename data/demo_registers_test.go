package data_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"smsbuilder/assets"
	"smsbuilder/data"
	"smsbuilder/data/sqlite"
)

// TestDemoRegisters checks the demo a person opens: every register has
// records, every service is assessed by a risk and has an agreement, each
// objective has a year of results, and the tasks the records ask for are
// there once.
func TestDemoRegisters(t *testing.T) {
	ctx := data.WithActor(context.Background(), "Demo")
	cat := loadEmbedded(t)
	ws, err := sqlite.New().Create(ctx, filepath.Join(t.TempDir(), "demo.smsdb"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	now := time.Date(2026, 3, 31, 9, 0, 0, 0, time.UTC)
	if err := data.SeedDemo(ctx, ws, cat, assets.DemoLogo(), now); err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	records := map[string][]data.Record{}
	for _, reg := range data.Registers() {
		page, err := ws.Records(ctx, data.RecordQuery{Register: reg.Key})
		if err != nil {
			t.Fatal(err)
		}
		count[reg.Key], records[reg.Key] = page.Total, page.Records
	}
	for key, least := range map[string]int{"issues": 5, "parties": 6, "risks": 12, "objectives": 4, "measurements": 48, "services": 3,
		"customers": 3, "slas": 3, "suppliers": 3, "assets": 8, "training": 6, "communications": 5} {
		if count[key] < least {
			t.Errorf("%s: got %d records, want at least %d", key, count[key], least)
		}
	}
	climate := false
	for _, r := range records["issues"] {
		climate = climate || (r.Get("climate") == "yes" && r.Get("relevant") != "" && r.Get("rationale") != "")
	}
	if !climate {
		t.Error("no issue records the decision on climate change with its reasoning")
	}
	assessed, agreed := map[int64]bool{}, map[int64]bool{}
	for _, r := range records["risks"] {
		for _, id := range r.IDs("services") {
			assessed[id] = true
		}
		if r.Get("owner") == "" || r.Get("treatment") == "" {
			t.Errorf("risk %q has no owner or treatment", r.Get("title"))
		}
	}
	for _, r := range records["slas"] {
		agreed[r.IDs("service")[0]] = true
	}
	for _, svc := range records["services"] {
		if !assessed[svc.ID] || !agreed[svc.ID] {
			t.Errorf("service %q: assessed by a risk %v, under an agreement %v; want both", svc.Get("title"), assessed[svc.ID], agreed[svc.ID])
		}
	}
	// items and suppliers name the services they support
	supported := map[string]map[int64]bool{"assets": {}, "suppliers": {}}
	for register, seen := range supported {
		for _, r := range records[register] {
			for _, id := range r.IDs("services") {
				seen[id] = true
			}
		}
	}
	for _, svc := range records["services"] {
		if !supported["assets"][svc.ID] || !supported["suppliers"][svc.ID] {
			t.Errorf("service %q has no configuration items or suppliers naming it", svc.Get("title"))
		}
	}
	perObjective := map[int64]int{}
	misses := 0
	for _, m := range records["measurements"] {
		perObjective[m.IDs("objective")[0]]++
		if m.Get("comment") != "" {
			misses++
		}
	}
	for _, o := range records["objectives"] {
		if got, want := perObjective[o.ID], 12; got != want {
			t.Errorf("objective %q: got %d measurements, want %d", o.Get("title"), got, want)
		}
	}
	if misses < 2 {
		t.Errorf("got %d explained misses, want a couple", misses)
	}

	tasks, err := ws.Tasks(ctx)
	if err != nil {
		t.Fatal(err)
	}
	fromRecords := 0
	for _, tk := range tasks {
		if tk.SourceKind == data.SourceRecord {
			fromRecords++
			if tk.Overdue(now) {
				t.Errorf("demo task %q is overdue; the demo keeps one overdue task, from the roadmap", tk.Title)
			}
		}
	}
	if fromRecords < count["risks"] {
		t.Errorf("got %d tasks from records, want at least one per risk", fromRecords)
	}
	again, err := data.SyncRecordTasks(ctx, ws)
	if err != nil || again != (data.TaskSyncSummary{}) {
		t.Errorf("syncing the demo again: got %+v, %v; want nothing to do", again, err)
	}
}

// TestSyncTasksOfRecord follows one risk through its life: a review date
// makes a task, moving it moves the task, a treatment adds one, finishing
// the treatment closes it, and deleting the risk takes the open review.
func TestSyncTasksOfRecord(t *testing.T) {
	ctx := data.WithActor(context.Background(), "Alex")
	ws, err := sqlite.New().Create(ctx, filepath.Join(t.TempDir(), "tasks.smsdb"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	r := data.Record{Register: "risks", Values: map[string]string{"title": "Backup fails", "kind": "risk", "likelihood": "3", "impact": "4", "review_date": "2026-05-01"}}
	tasksNow := func() []data.Task {
		t.Helper()
		tasks, err := ws.Tasks(ctx)
		if err != nil {
			t.Fatal(err)
		}
		return tasks
	}
	step := func(name string, edit func(), want ...string) {
		t.Helper()
		edit()
		if r.ID != 0 {
			if _, err := data.SyncTasksOfRecord(ctx, ws, r.ID); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
		}
		var got []string
		for _, tk := range tasksNow() {
			got = append(got, tk.Title+" "+tk.Due.Format(data.DateLayout)+" "+string(tk.Status))
		}
		if len(got) != len(want) {
			t.Fatalf("%s: got %q, want %q", name, got, want)
		}
		for i := range want {
			if got[i] != want[i] {
				t.Errorf("%s: got %q, want %q", name, got[i], want[i])
			}
		}
	}
	save := func() {
		var err error
		if r, err = ws.SaveRecord(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	step("saved", save, "Review RSK-1 Backup fails 2026-05-01 open")
	step("saved again", func() {}, "Review RSK-1 Backup fails 2026-05-01 open")
	step("review moved", func() { r.Set("review_date", "2026-06-01"); save() }, "Review RSK-1 Backup fails 2026-06-01 open")
	step("treated", func() {
		r.Set("treatment", "reduce")
		r.Set("actions", "Test restores monthly")
		r.Set("treatment_due", "2026-04-15")
		save()
	}, "Review RSK-1 Backup fails 2026-06-01 open", "Treat RSK-1 Backup fails 2026-04-15 open")
	step("treatment done", func() { r.Set("treatment_status", "done"); save() },
		"Review RSK-1 Backup fails 2026-06-01 open", "Treat RSK-1 Backup fails 2026-04-15 done")
	step("deleted", func() {
		if err := ws.DeleteRecord(ctx, r); err != nil {
			t.Fatal(err)
		}
	}, "Treat RSK-1 Backup fails 2026-04-15 done")
}
