package app

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"smsbuilder/data"
	"smsbuilder/data/sqlite"
)

// newPlainUI opens a workspace with only the demo profile and people: no
// roadmap progress, no assessments, no tasks.
func newPlainUI(t *testing.T) (*UI, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "plain.smsdb")
	ws, err := sqlite.New().Create(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	if err := data.SeedDemoOrganisation(context.Background(), ws, nil); err != nil {
		t.Fatal(err)
	}
	ws.Close()
	a := test.NewTempApp(t)
	a.Preferences().SetString(prefActor, "Daniel Okafor")
	u := New(a, Deps{Store: sqlite.New(), Catalogue: testCatalogue(t), Now: fixedNow})
	u.Start(path)
	t.Cleanup(u.closeWorkspace)
	dismissDialogs(u.win)
	return u, path
}

func dismissDialogs(w fyne.Window) {
	for w.Canvas().Overlays().Top() != nil {
		w.Canvas().Overlays().Top().Hide()
	}
}

func TestAnsweringWithTheKeyboardChangesTheScoreAndSurvivesReopening(t *testing.T) {
	u, path := newPlainUI(t)
	u.show(screenGap)
	g := u.screen.(*gapScreen)
	if len(g.assessments) != 0 {
		t.Fatal("a plain workspace has assessments")
	}
	if _, err := u.Workspace().SaveAssessment(u.ctx(), data.Assessment{Title: "Baseline", Date: fixedNow()}); err != nil {
		t.Fatal(err)
	}
	u.show(screenGap)
	g = u.screen.(*gapScreen)
	if got, want := g.score.Text, "Answered 0 of"; !strings.HasPrefix(got, want) {
		t.Fatalf("score before = %q, want it to start %q", got, want)
	}
	first := g.questions[0].ID
	for _, r := range "342" { // three questions, moving on after each
		u.runes(r)
	}
	if got, want := g.index, 3; got != want {
		t.Errorf("after three answers the question shown is %d, want %d", got, want)
	}
	if got, want := g.score.Text, "Overall 75 % of the maximum, based on 3 of 139 answers."; got != want {
		t.Errorf("score after = %q, want %q", got, want)
	}
	u.keys(fyne.KeyUp) // back to the third question, add a note
	g.notes.SetText("Register exists but was last reviewed in 2024.")
	u.save()

	u.closeWorkspace()
	ws := reopen(t, path)
	list, _ := ws.Assessments(context.Background())
	answers, err := ws.Answers(context.Background(), list[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(answers), 3; got != want {
		t.Fatalf("answers after reopening = %d, want %d", got, want)
	}
	if got, want := answers[first].Score, 3; got != want {
		t.Errorf("first answer = %d, want %d", got, want)
	}
	if got, want := answers[g.questions[2].ID].Notes, "Register exists but was last reviewed in 2024."; got != want {
		t.Errorf("note = %q, want %q", got, want)
	}
}

func TestRoadmapRefusesDoneWhileAPrerequisiteIsOpen(t *testing.T) {
	u, _ := newPlainUI(t)
	u.show(screenRoadmap)
	r := u.screen.(*roadmapScreen)
	r.list.Select(1) // step-02 needs step-01
	status := stepField[*widget.Select](t, r.detail, 0)
	status.SetSelected(data.StepDone.Label())
	u.save()
	problem := findDanger(r.detail)
	if problem == nil || !strings.Contains(problem.Text, "cannot be marked done") || !strings.Contains(problem.Text, "Secure sponsorship") {
		t.Fatalf("no message naming the open prerequisite; got %v", problem)
	}
	progress, _ := u.Workspace().StepProgress(u.ctx())
	if progress["step-02"].Status == data.StepDone {
		t.Error("step-02 was saved as done")
	}

	r.list.Select(0)
	answerPrompt(t, u.win, "Discard") // the refused change to step-02
	stepField[*widget.Select](t, r.detail, 0).SetSelected(data.StepDone.Label())
	u.save()
	r.list.Select(1)
	stepField[*widget.Select](t, r.detail, 0).SetSelected(data.StepDone.Label())
	u.save()
	progress, _ = u.Workspace().StepProgress(u.ctx())
	if got, want := progress["step-02"].Status, data.StepDone; got != want {
		t.Errorf("step-02 after its prerequisite = %q, want %q", got, want)
	}
}

func TestProposeDueDatesSchedulesBackFromTheTarget(t *testing.T) {
	u, _ := newPlainUI(t)
	u.show(screenRoadmap)
	r := u.screen.(*roadmapScreen)
	r.target.SetText("2027-09-30")
	r.onPropose()
	confirmTopDialog(t, u.win)
	progress, _ := u.Workspace().StepProgress(u.ctx())
	last := u.deps.Catalogue.Steps()[len(u.deps.Catalogue.Steps())-1]
	if got, want := progress[last.ID].Due, time.Date(2027, 9, 30, 0, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("last step due %s, want %s", got, want)
	}
	if d := progress["step-01"].Due; d.IsZero() || !d.Before(progress[last.ID].Due) {
		t.Errorf("first step due %s, want a date before the last", d)
	}
}

func TestDashboardWelcomesAnEmptyWorkspaceAndNamesTheNextAction(t *testing.T) {
	path := filepath.Join(t.TempDir(), "empty.smsdb")
	ws, _ := sqlite.New().Create(context.Background(), path)
	ws.Close()
	a := test.NewTempApp(t)
	u := New(a, Deps{Store: sqlite.New(), Catalogue: testCatalogue(t), Now: fixedNow})
	u.Start(path)
	t.Cleanup(u.closeWorkspace)
	d := u.screen.(*dashboardScreen)
	if !d.empty() {
		t.Fatal("an empty workspace is not shown the welcome")
	}

	demo := newTestUI(t, filepath.Join(t.TempDir(), "demo.smsdb"))
	dismissDialogs(demo.win)
	dd := demo.screen.(*dashboardScreen)
	action, target := dd.nextAction()
	if target != screenTasks || !strings.HasPrefix(action, "Overdue since") {
		t.Errorf("demo next action = %q → %s, want the overdue task", action, target)
	}
	if dd.latest == nil || dd.previous == nil {
		t.Error("the demo dashboard lacks the two assessments")
	}
}

func TestOverdueWorkIsShownOnStart(t *testing.T) {
	u := newTestUI(t, filepath.Join(t.TempDir(), "demo.smsdb"))
	dismissDialogs(u.win)
	u.notifyOverdue()
	var texts []string
	walk(u.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			texts = append(texts, l.Text)
		}
	})
	if got := strings.Join(texts, " "); !strings.Contains(got, "overdue") {
		t.Errorf("start notice = %q, want it to mention overdue work", got)
	}
}

func TestTasksListsOverdueFirstAndMarksDone(t *testing.T) {
	u := newTestUI(t, filepath.Join(t.TempDir(), "demo.smsdb"))
	dismissDialogs(u.win)
	u.show(screenTasks)
	s := u.screen.(*tasksScreen)
	if len(s.shown) == 0 || !s.shown[0].Overdue(fixedNow()) {
		t.Fatal("the first task is not overdue")
	}
	first := s.shown[0]
	s.table.Select(widget.TableCellID{Row: 0, Col: 0})
	test.Tap(s.done)
	for _, t2 := range s.tasks {
		if t2.ID == first.ID && t2.Status != data.TaskDone {
			t.Errorf("task %q not done after Mark done", first.Title)
		}
	}
	for _, t2 := range s.shown {
		if t2.ID == first.ID {
			t.Error("a done task is still listed under Open only")
		}
	}
}

func findForm(t *testing.T, o fyne.CanvasObject) *widget.Form {
	t.Helper()
	var form *widget.Form
	walk(o, func(c fyne.CanvasObject) {
		if f, ok := c.(*widget.Form); ok && form == nil && len(f.Items) == 5 {
			form = f
		}
	})
	if form == nil {
		t.Fatal("no step form")
	}
	return form
}

// stepField is the widget of item i of the step form, found under the
// problem line the form may put beside it.
func stepField[W fyne.CanvasObject](t *testing.T, detail fyne.CanvasObject, i int) W {
	t.Helper()
	var w W
	found := false
	walk(findForm(t, detail).Items[i].Widget, func(o fyne.CanvasObject) {
		if x, ok := o.(W); ok && !found {
			w, found = x, true
		}
	})
	if !found {
		t.Fatalf("step form item %d holds no %T", i, w)
	}
	return w
}

func findDanger(o fyne.CanvasObject) *widget.Label {
	var found *widget.Label
	walk(o, func(c fyne.CanvasObject) {
		if l, ok := c.(*widget.Label); ok && l.Importance == widget.DangerImportance && l.Visible() && l.Text != "" {
			found = l
		}
	})
	return found
}

func TestComparisonTexts(t *testing.T) {
	tests := []struct {
		before, after     float64
		wantPct, wantDiff string
	}{
		{25, 37.5, "38 %", "+12"},
		{50, 40, "40 %", "-10"},
		{-1, 40, "40 %", "—"},
		{30, -1, "—", "—"},
	}
	for _, tt := range tests {
		if got := percentText(tt.after); got != tt.wantPct {
			t.Errorf("percentText(%v) = %q, want %q", tt.after, got, tt.wantPct)
		}
		if got := changeText(tt.before, tt.after); got != tt.wantDiff {
			t.Errorf("changeText(%v, %v) = %q, want %q", tt.before, tt.after, got, tt.wantDiff)
		}
	}
}

func TestDeletingATaskCanBeUndone(t *testing.T) {
	u := newTestUI(t, filepath.Join(t.TempDir(), "demo.smsdb"))
	dismissDialogs(u.win)
	u.show(screenTasks)
	s := u.screen.(*tasksScreen)
	before := len(s.tasks)
	s.table.Select(widget.TableCellID{Row: 0, Col: 0})
	s.onDelete()
	confirmTopDialog(t, u.win)
	if got, want := len(s.tasks), before-1; got != want {
		t.Fatalf("tasks after delete = %d, want %d", got, want)
	}
	test.Tap(s.undo)
	if got, want := len(s.tasks), before; got != want {
		t.Errorf("tasks after undo = %d, want %d", got, want)
	}
	if s.undo.Visible() {
		t.Error("undo is still offered after undoing")
	}
}
