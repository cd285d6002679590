package app

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"smsbuilder/data"
)

// The task count under the search box is recounted the moment a task is
// added or closed, not when the screen is next opened.
func TestTaskCountsFollowEveryChange(t *testing.T) {
	u := newTestUI(t, filepath.Join(t.TempDir(), "counts.smsdb"))
	dismissDialogs(u.win)
	u.show(screenTasks)
	s := u.screen.(*tasksScreen)
	n, open := len(s.tasks), 0
	for _, t := range s.tasks {
		if t.Status == data.TaskOpen {
			open++
		}
	}
	overdue := data.CountOverdue(s.tasks, fixedNow())
	if overdue == 0 {
		t.Fatal("the demo has no overdue task to close")
	}
	summary := func(open, tasks, late int) string {
		return fmt.Sprintf("%d open of %d tasks, %d overdue.", open, tasks, late)
	}
	if got, want := s.summary.Text, summary(open, n, overdue); got != want {
		t.Fatalf("summary = %q, want %q", got, want)
	}

	s.onAdd()
	var title *textField
	walk(u.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if e, ok := o.(*textField); ok && title == nil {
			title = e
		}
	})
	if title == nil {
		t.Fatal("the task form has no field")
	}
	title.SetText("Book the stage 1 audit")
	tapInTopDialog(t, u.win, "Save")
	if got, want := s.summary.Text, summary(open+1, n+1, overdue); got != want {
		t.Errorf("after adding a task the summary is %q, want %q", got, want)
	}

	s.table.Select(widget.TableCellID{Row: 0, Col: 0}) // overdue tasks come first
	s.onToggleDone()
	if got, want := s.summary.Text, summary(open, n+1, overdue-1); got != want {
		t.Errorf("after closing an overdue task the summary is %q, want %q", got, want)
	}
}

// The dashboard's readiness says how many answers a percentage rests on,
// and an assessment nobody has answered yet is not called missing.
func TestDashboardReadinessSaysWhatItIsBasedOn(t *testing.T) {
	tests := []struct {
		name      string
		answers   int // scored 2 of 4 each
		assess    bool
		wantHead  string
		wantNote  string
		wantNotIn string
	}{
		{"no assessment", 0, false, "No assessment yet", "Run a gap assessment", ""},
		{"nothing answered", 0, true, "Not scored yet", "0 of 139 questions answered", "No assessment yet"},
		{"six answers", 6, true, "50 % ready, based on 6 of 139 answers", `From "Baseline" on 25 November 2026.`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, _ := newPlainUI(t)
			ws := u.Workspace()
			if tt.assess {
				a, err := ws.SaveAssessment(u.ctx(), data.Assessment{Title: "Baseline", Date: fixedNow().Truncate(24 * time.Hour)})
				if err != nil {
					t.Fatal(err)
				}
				for _, q := range u.deps.Catalogue.Questions()[:tt.answers] {
					if _, err := ws.SaveAnswer(u.ctx(), data.Answer{AssessmentID: a.ID, QuestionID: q.ID, Score: 2}); err != nil {
						t.Fatal(err)
					}
				}
			}
			u.show(screenDashboard)
			head, note := u.screen.(*dashboardScreen).readiness()
			if head != tt.wantHead {
				t.Errorf("readiness = %q, want %q", head, tt.wantHead)
			}
			if !strings.Contains(note, tt.wantNote) {
				t.Errorf("note = %q, want it to contain %q", note, tt.wantNote)
			}
			if tt.wantNotIn != "" && strings.Contains(head+note, tt.wantNotIn) {
				t.Errorf("readiness %q %q says %q", head, note, tt.wantNotIn)
			}
		})
	}
}

// "Draft saved" belongs to the draft: once it goes for review or is
// approved, the editor says what it is now.
func TestDraftSavedNoticeGoesWhenTheDraftMoves(t *testing.T) {
	u, _ := newPlainUI(t)
	ed, _ := newPolicyEditor(t, u)
	ed.text.SetText(ed.text.Text + "\n\nAgreed at the board meeting.")
	ed.saveNow()
	if got := ed.status.Text; !strings.HasPrefix(got, "Draft saved") {
		t.Fatalf("status after saving = %q, want the draft saved", got)
	}
	ed.move(data.SendForReview, data.Approval{})
	if got, want := ed.status.Text, "This is now Draft for 1.0, in review."; got != want {
		t.Errorf("status after sending for review = %q, want %q", got, want)
	}
}
