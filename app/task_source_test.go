package app

import (
	"path/filepath"
	"strings"
	"testing"

	"smsbuilder/data"
)

// The Tasks screen's "From" column names where a task came from in words a
// quality manager reads, never the catalogue's internal question id.
func TestTaskSourceNamesNoInternalID(t *testing.T) {
	u := newTestUI(t, filepath.Join(t.TempDir(), "source.smsdb"))
	dismissDialogs(u.win)
	u.show(screenTasks)
	s := u.screen.(*tasksScreen)
	seen := 0
	for _, task := range s.tasks {
		if task.SourceKind != data.SourceQuestion {
			continue
		}
		seen++
		q, ok := s.env.cat.Question(task.SourceRef)
		if !ok {
			t.Fatalf("task %q comes from unknown question %q", task.Title, task.SourceRef)
		}
		got := taskSource(s.env.cat, task)
		if strings.Contains(got, q.ID) {
			t.Errorf("From = %q, names the internal id %q", got, q.ID)
		}
		if want := "clause " + q.Clause; !strings.HasSuffix(got, want) {
			t.Errorf("From = %q, want it to end with %q", got, want)
		}
	}
	if seen == 0 {
		t.Fatal("the demo has no task from a gap")
	}
}
