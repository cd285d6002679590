package sqlite

import (
	"testing"

	"smsbuilder/data"
)

// A nonconformity's corrective actions are tasks that lead back to it,
// and it cannot be deleted while one is open.
func TestRecordActions(t *testing.T) {
	ws := newWorkspace(t)
	ctx := actorCtx("Alex")
	reg, _ := data.FindRegister(data.NonconformitiesRegister)
	nc := saveNew(t, ws, data.NonconformitiesRegister, "title", "Change made without approval", "raised_on", "2026-03-02", "source", "other", "severity", "minor", "status", "open")
	other := saveNew(t, ws, data.NonconformitiesRegister, "title", "Backup not tested", "raised_on", "2026-03-03", "source", "other", "severity", "minor", "status", "open")
	for _, title := range []string{"Retrain the change team", "Add an approval step"} {
		a := data.NewRecordAction(reg, nc)
		a.Title = title
		if _, err := ws.SaveTask(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	got, err := data.RecordActions(ctx, ws, nc.ID)
	if err != nil || len(got) != 2 {
		t.Fatalf("got %d actions, %v; want 2", len(got), err)
	}
	if id, ok := data.SourceRecordID(got[0]); !ok || id != nc.ID {
		t.Errorf("an action leads back to record %d, %v; want %d", id, ok, nc.ID)
	}
	if none, _ := data.RecordActions(ctx, ws, other.ID); len(none) != 0 {
		t.Errorf("another record has %d actions, want none", len(none))
	}

	e := wantCode(t, ws.DeleteRecord(ctx, nc), data.EInvalid)
	if want := `NC-1 cannot be deleted while 2 actions of it are open: "Retrain the change team"; "Add an approval step". Finish or delete them first.`; e.Message != want {
		t.Errorf("got %q, want %q", e.Message, want)
	}
	for _, a := range got {
		a.Status = data.TaskDone
		if _, err := ws.SaveTask(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	nc, _ = ws.Record(ctx, nc.ID)
	if err := ws.DeleteRecord(ctx, nc); err != nil {
		t.Fatalf("delete once its actions are done: %v", err)
	}
}
