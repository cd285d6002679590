package sqlite

import (
	"testing"

	"smsbuilder/data"
)

// TestSaveTasksAllOrNone: a batch with one task refused saves none.
func TestSaveTasksAllOrNone(t *testing.T) {
	ws := newWorkspace(t)
	ctx := actorCtx("Alex")
	good := data.Task{Title: "Review RSK-1", Status: data.TaskOpen, SourceKind: data.SourceManual}
	bad := data.Task{Title: "Review RSK-2", Status: data.TaskOpen, SourceKind: data.SourceManual, OwnerID: 999}
	if err := ws.SaveTasks(ctx, []data.Task{good, bad}); err == nil {
		t.Fatal("a batch naming nobody as owner was saved")
	}
	if got, _ := ws.Tasks(ctx); len(got) != 0 {
		t.Fatalf("after a refused batch: got %d tasks, want none", len(got))
	}
	if err := ws.SaveTasks(ctx, []data.Task{good, good}); err != nil {
		t.Fatal(err)
	}
	if got, _ := ws.Tasks(ctx); len(got) != 2 {
		t.Errorf("got %d tasks, want 2", len(got))
	}
}
