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

func demoWorkspace(t *testing.T) (context.Context, data.Workspace) {
	t.Helper()
	ctx := data.WithActor(context.Background(), "Demo")
	ws, err := sqlite.New().Create(ctx, filepath.Join(t.TempDir(), "demo.smsdb"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	if err := data.SeedDemo(ctx, ws, loadEmbedded(t), assets.DemoLogo(), time.Date(2026, 12, 2, 9, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	return ctx, ws
}

// TestDemoNonconformities checks that the demo shows a corrective action
// in every state it passes through, each with the work it waits for.
func TestDemoNonconformities(t *testing.T) {
	ctx, ws := demoWorkspace(t)
	ncs, err := ws.Records(ctx, data.RecordQuery{Register: data.NonconformitiesRegister})
	if err != nil {
		t.Fatal(err)
	}
	tasks, err := ws.Tasks(ctx)
	if err != nil {
		t.Fatal(err)
	}
	openActions := map[int64]int{}
	actions := 0
	for _, task := range tasks {
		if id, ok := data.SourceRecordID(task); ok && task.SourceKind == data.SourceAction {
			actions++
			if task.Status == data.TaskOpen {
				openActions[id]++
			}
		}
	}
	if actions < 10 {
		t.Errorf("the demo has %d actions raised against records, want about ten", actions)
	}
	seen := map[string]bool{}
	for _, r := range ncs.Records {
		state := r.Get("status")
		switch {
		case state == data.NCAction && r.Get("check_result") == data.CheckIneffective:
			state = "reopened"
		case state == data.NCAction && openActions[r.ID] == 0:
			t.Errorf("%q is in action with no open action", r.Get("title"))
		case state == data.NCCheck && r.Get("check_due") == "":
			t.Errorf("%q awaits a check with no date", r.Get("title"))
		case state == data.NCClosed && r.Get("check_result") != data.CheckEffective:
			t.Errorf("%q is closed without an effective check", r.Get("title"))
		}
		if state == "reopened" && openActions[r.ID] == 0 {
			t.Errorf("%q was reopened with no new action", r.Get("title"))
		}
		if r.Get("earlier_checks") != "" {
			seen["kept check"] = true
		}
		seen[state] = true
	}
	for _, want := range []string{data.NCOpen, data.NCAction, data.NCCheck, data.NCClosed, "reopened", "kept check"} {
		if !seen[want] {
			t.Errorf("no demo nonconformity is %s", want)
		}
	}
	if len(data.RepeatedCauses(ncs.Records)) == 0 {
		t.Error("no cause comes back in the demo")
	}
}

// TestDemoImprovements checks that the demo has an improvement under way
// with an open action and one done and evaluated against a measured
// objective.
func TestDemoImprovements(t *testing.T) {
	ctx, ws := demoWorkspace(t)
	read := func(register string) []data.Record {
		page, err := ws.Records(ctx, data.RecordQuery{Register: register})
		if err != nil {
			t.Fatal(err)
		}
		return page.Records
	}
	trends := data.ObjectiveTrends(read("objectives"), read("measurements"))
	underWay, evaluated := false, false
	for _, r := range read(data.ImprovementsRegister) {
		acts, err := data.RecordActions(ctx, ws, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		open := 0
		for _, a := range acts {
			if a.Status == data.TaskOpen {
				open++
			}
		}
		underWay = underWay || (r.Get("decision") == "approved" && r.Get("status") == "in_progress" && open > 0)
		evaluated = evaluated || (r.Get("status") == "done" && r.Get("result") != "" && r.Get("evaluation") != "" &&
			len(data.ImprovementEvaluation(r, trends)) > 0)
	}
	if !underWay {
		t.Error("no demo improvement is approved and under way with an open action")
	}
	if !evaluated {
		t.Error("no demo improvement is done and evaluated against a measured objective")
	}
}

// TestStartCorrectiveAction checks that starting the corrective action
// asks for a task with an owner and a date, and stores it against the
// nonconformity, which is then in action.
func TestStartCorrectiveAction(t *testing.T) {
	ctx, ws := demoWorkspace(t)
	reg, _ := data.FindRegister(data.NonconformitiesRegister)
	page, err := ws.Records(ctx, data.RecordQuery{Register: reg.Key, Filters: map[string][]string{"status": {data.NCOpen}}})
	if err != nil || len(page.Records) == 0 {
		t.Fatalf("no open nonconformity in the demo: %v", err)
	}
	nc := page.Records[0]
	people, _ := ws.People(ctx)
	due := time.Date(2026, 12, 20, 0, 0, 0, 0, time.UTC)
	_, _, err = data.StartCorrectiveActionWith(ctx, ws, reg, nc, data.Task{Title: "Record the two laptops", Due: due})
	if err == nil || !strings.Contains(data.ErrorMessage(err), "Say who carries out the action.") {
		t.Errorf("an action without an owner: %v, want it refused", err)
	}
	saved, task, err := data.StartCorrectiveActionWith(ctx, ws, reg, nc, data.Task{Title: "Record the two laptops", OwnerID: people[0].ID, Due: due})
	if err != nil {
		t.Fatal(err)
	}
	if saved.Get("status") != data.NCAction {
		t.Errorf("status %q, want action in progress", saved.Get("status"))
	}
	acts, err := data.RecordActions(ctx, ws, nc.ID)
	if err != nil || len(acts) != 1 || acts[0].ID != task.ID || !acts[0].Due.Equal(due) {
		t.Errorf("the actions of the nonconformity are %+v (%v), want the new one", acts, err)
	}
}
