package sqlite

import (
	"errors"
	"strings"
	"testing"
	"time"

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
	owner, err := ws.SavePerson(ctx, data.Person{Name: "Priya Shah"})
	if err != nil {
		t.Fatal(err)
	}
	a := data.NewRecordAction(reg, nc)
	a.Title = "Retrain the change team"
	if _, err := ws.SaveTask(ctx, a); err == nil || !strings.Contains(fieldMessages(err), "Say who carries out the action.") {
		t.Fatal("an open action with no owner or due date was saved")
	}
	for _, title := range []string{"Retrain the change team", "Add an approval step"} {
		a := data.NewRecordAction(reg, nc)
		a.Title, a.OwnerID, a.Due = title, owner.ID, time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)
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

// A deleted record comes back under its own reference with its links; one
// whose linked record went meanwhile comes back without it, and says so.
func TestRestoreRecord(t *testing.T) {
	ws := newWorkspace(t)
	ctx := actorCtx("Alex")
	cus := saveNew(t, ws, "customers", "title", "Harbour Dental", "kind", "external")
	svc := saveNew(t, ws, "services", "title", "Managed desktop", "status", "live", "customers", idText(cus.ID))
	if err := ws.DeleteRecord(ctx, svc); err != nil {
		t.Fatal(err)
	}
	back, note, err := ws.RestoreRecord(ctx, svc)
	if err != nil || note != "" {
		t.Fatalf("restore: %v, note %q", err, note)
	}
	if back.ID != svc.ID || back.Number != 1 || back.Get("customers") != idText(cus.ID) {
		t.Errorf("got %+v, want SVC-1 linked to the customer", back)
	}
	if _, _, err := ws.RestoreRecord(ctx, svc); data.ErrorCode(err) != data.EConflict {
		t.Errorf("restoring twice: got %v, want a conflict", err)
	}

	if err := ws.DeleteRecord(ctx, back); err != nil {
		t.Fatal(err)
	}
	if err := ws.DeleteRecord(ctx, cus); err != nil {
		t.Fatal(err)
	}
	again, note, err := ws.RestoreRecord(ctx, back)
	if err != nil {
		t.Fatal(err)
	}
	if want := "Some of what it named was deleted meanwhile, so it came back without it in: Customers."; note != want {
		t.Errorf("note %q, want %q", note, want)
	}
	if again.Get("customers") != "" {
		t.Errorf("the customers deleted meanwhile came back: %q", again.Get("customers"))
	}
	trail, err := ws.AuditTrail(ctx, "service", idText(svc.ID), 0)
	if err != nil || len(trail) == 0 || trail[0].Action != data.ActionRestore {
		t.Errorf("the trail does not end with the restore: %+v, %v", trail, err)
	}
}

// fieldMessages is every message beside a field of a refusal.
func fieldMessages(err error) string {
	var b strings.Builder
	var e *data.Error
	if errors.As(err, &e) {
		for _, f := range e.Fields {
			b.WriteString(f.Message + "\n")
		}
	}
	return b.String()
}
