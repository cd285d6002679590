package app

import (
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"smsbuilder/data"

	"smsbuilder/data/sqlite"
)

// openCorrupted opens a copy of the demo workspace after changing it with
// stmts, as another SQLite tool would: the app itself never writes SQL.
func openCorrupted(t *testing.T, stmts ...string) *UI {
	t.Helper()
	path := filepath.Join(t.TempDir(), "demo.smsdb")
	demoCopy(t, path)
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1) // a pragma holds for its connection only
	for _, stmt := range stmts {
		if _, err := db.Exec(stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	db.Close()
	a := test.NewTempApp(t)
	a.Preferences().SetString(prefActor, "Test Person")
	u := New(a, Deps{Store: sqlite.New(), Catalogue: testCatalogue(t), DefaultWorkspace: path, Now: fixedNow})
	u.Start("")
	t.Cleanup(u.closeWorkspace)
	dismissDialogs(u.win)
	return u
}

// dangerText is the text of every problem line shown under o, one a line.
func dangerText(o fyne.CanvasObject) string {
	var texts []string
	walk(o, func(c fyne.CanvasObject) {
		if l, ok := c.(*widget.Label); ok && l.Visible() && l.Importance == widget.DangerImportance {
			texts = append(texts, l.Text)
		}
	})
	return strings.Join(texts, "\n")
}

// TestTaskWithUnreadableDueOpens opens the tasks of a workspace whose first
// task's due date was changed to "soon" outside the app: the list shows it,
// marks the date unreadable, and the form opens with the stored text in the
// field and a plain message under it.
func TestTaskWithUnreadableDueOpens(t *testing.T) {
	u := openCorrupted(t, "INSERT OR REPLACE INTO record_values (record_id, field, value) SELECT min(id), 'due', 'soon' FROM records WHERE register = 'tasks'")
	u.show(screenTasks)
	s := u.screen.(*tasksScreen)
	var row = -1
	for i, tk := range s.tasks {
		if tk.Unreadable.Has("Due") {
			row = i
		}
	}
	if row < 0 {
		t.Fatalf("the task with the unreadable due date is not listed (%d tasks)", len(s.tasks))
	}
	task := s.tasks[row]
	if got := s.cell(task, 2); got != "unreadable" {
		t.Errorf("due column = %q, want \"unreadable\"", got)
	}

	f := newTaskForm(task, s.env, s.people)
	f.content()
	if f.due.Text != "soon" {
		t.Errorf("due field = %q, want the stored text \"soon\"", f.due.Text)
	}
	msg := f.problems["Due"]
	if !msg.Visible() || !strings.Contains(msg.Text, `task "`+task.Title[:20]) || !strings.Contains(msg.Text, `"soon"`) {
		t.Errorf("message under Due = %q (shown %v), want it to name the task and the stored text", msg.Text, msg.Visible())
	}
	if strings.Contains(msg.Text, "parsing") {
		t.Errorf("message under Due shows a Go error: %q", msg.Text)
	}
	// Saving it unchanged is refused at the field; a real date saves.
	if _, err := f.value(); err == nil || !f.problems.show(err) {
		t.Errorf("saving \"soon\" as a due date was not refused at the field: %v", err)
	}
	f.due.SetText("2027-01-15")
	v, err := f.value()
	if err == nil {
		_, err = u.Workspace().SaveTask(u.ctx(), v)
	}
	if err != nil {
		t.Fatalf("save corrected task: %v", err)
	}
	s.load()
	for _, tk := range s.tasks {
		if tk.ID == task.ID && (len(tk.Unreadable) != 0 || tk.Due.Format("2006-01-02") != "2027-01-15") {
			t.Errorf("after saving, the task reads as due %v with %+v", tk.Due, tk.Unreadable)
		}
	}
}

// TestRoadmapStepWithUnreadableValuesOpens opens the roadmap after the first
// step's status and due date were changed outside the app: the list marks
// the date unreadable, the form leaves the status unchosen and keeps the
// stored date in sight, each with a message naming the step and the stored
// text; saving is refused until the user chooses a status and a real date.
func TestRoadmapStepWithUnreadableValuesOpens(t *testing.T) {
	u := openCorrupted(t,
		"INSERT OR IGNORE INTO step_progress (step_id, status, updated_at) VALUES ('step-01', 'not-started', '2026-01-01T00:00:00Z')",
		"UPDATE step_progress SET status = 'half-way', due = 'soon' WHERE step_id = 'step-01'",
		"INSERT OR REPLACE INTO plan (id, target_date, updated_at) VALUES (1, 'autumn', '2026-01-01T00:00:00Z')")
	u.show(screenRoadmap)
	r := u.screen.(*roadmapScreen)
	if r.target.Text != "autumn" || !r.targetNote.Visible() || !strings.Contains(r.targetNote.Text, `target date stored for roadmap plan could not be read: it holds "autumn"`) {
		t.Errorf("target = %q, note %q (shown %v), want the stored text and a message naming it", r.target.Text, r.targetNote.Text, r.targetNote.Visible())
	}
	r.target.SetText("2027-09-30")
	r.onPropose()
	confirmTopDialog(t, u.win)
	progress, _ := u.Workspace().StepProgress(u.ctx())
	if p := progress["step-01"]; !p.Unreadable.Has("Status") {
		t.Errorf("proposing due dates stored step-01 as %q: a status nobody chose", p.Status)
	}
	if r.targetNote.Visible() {
		t.Error("the target date note stays after a real date was saved")
	}
	row := r.list.CreateItem()
	r.list.UpdateItem(0, row)
	if got := row.(*fyne.Container).Objects[2].(*widget.Label).Text; got != "unreadable" {
		t.Errorf("due in the step list = %q, want \"unreadable\"", got)
	}

	r.list.Select(0)
	status := stepField[*widget.Select](t, r.detail, 0)
	due := stepField[*dateField](t, r.detail, 3)
	if status.Selected != "" {
		t.Errorf("status shows %q, want nothing chosen", status.Selected)
	}
	if due.Text != "soon" {
		t.Errorf("due field = %q, want the stored text \"soon\"", due.Text)
	}
	shown := dangerText(r.detail)
	for _, want := range []string{`status stored for roadmap step "step-01"`, `"half-way"`, `due date stored for roadmap step "step-01"`, `"soon"`} {
		if !strings.Contains(shown, want) {
			t.Errorf("messages %q lack %q", shown, want)
		}
	}

	u.save()
	progress, _ = u.Workspace().StepProgress(u.ctx())
	if !progress["step-01"].Unreadable.Has("Status") {
		t.Fatal("the step was saved with a status nobody chose")
	}
	status.SetSelected(data.StepInProgress.Label())
	u.save()
	progress, _ = u.Workspace().StepProgress(u.ctx())
	if !progress["step-01"].Unreadable.Has("Due") {
		t.Fatal("the step was saved with \"soon\" read as no due date")
	}
	status = stepField[*widget.Select](t, r.detail, 0)
	due = stepField[*dateField](t, r.detail, 3)
	status.SetSelected(data.StepInProgress.Label())
	due.SetText("2027-02-01")
	u.save()
	progress, _ = u.Workspace().StepProgress(u.ctx())
	p := progress["step-01"]
	if len(p.Unreadable) != 0 || p.Status != data.StepInProgress || p.Due.Format("2006-01-02") != "2027-02-01" {
		t.Errorf("after saving, the step reads as %q due %v with %+v", p.Status, p.Due, p.Unreadable)
	}
}

// TestDocumentsWithUnreadableValuesOpen opens the document library after an
// approved version's approval and review dates and the newest version's
// status were changed outside the app: the library marks them unreadable,
// the editor names each stored text, and a version whose status could not
// be read can still start a new draft.
func TestDocumentsWithUnreadableValuesOpen(t *testing.T) {
	u := openCorrupted(t,
		"UPDATE document_versions SET review_due = 'next spring', approved_at = 'yesterday' WHERE id = (SELECT min(id) FROM document_versions WHERE status = 'approved')",
		"PRAGMA ignore_check_constraints = ON",
		"UPDATE document_versions SET status = 'lost' WHERE id = (SELECT max(id) FROM document_versions WHERE status IN ('draft', 'in-review'))")
	u.show(screenDocuments)
	s := u.screen.(*documentsScreen)
	var review, status *docRow
	for i, r := range s.rows {
		if r.approved != nil && r.approved.Unreadable.Has("ReviewDue") {
			review = &s.rows[i]
		}
		if r.latest.Unreadable.Has("Status") {
			status = &s.rows[i]
		}
	}
	if review == nil || status == nil || review.doc.ID == status.doc.ID {
		t.Fatalf("want two documents, one with an unreadable review date, one with an unreadable status; got %v and %v", review, status)
	}
	if got := s.cell(*review, 7); got != "unreadable" {
		t.Errorf("next review of %s = %q, want \"unreadable\"", review.doc.Number, got)
	}
	if got := s.cell(*status, 4); got != "unreadable" {
		t.Errorf("status of %s = %q, want \"unreadable\"", status.doc.Number, got)
	}

	if review.latest.ID != review.approved.ID {
		t.Fatalf("%s has a newer version than the approved one: the test needs a document whose newest version is approved", review.doc.Number)
	}
	s.showEditor(review.doc.ID)
	shown := dangerText(s.editor.content())
	for _, want := range []string{"review date stored for document version", `"next spring"`, "time of approval", `"yesterday"`} {
		if !strings.Contains(shown, want) {
			t.Errorf("editor of %s says %q, want %q in it", review.doc.Number, shown, want)
		}
	}

	s.showEditor(status.doc.ID)
	ed := s.editor
	shown = dangerText(ed.content())
	if !strings.Contains(shown, "status stored for document version") || !strings.Contains(shown, `"lost"`) {
		t.Errorf("editor of %s says %q, want the unreadable status and its stored text", status.doc.Number, shown)
	}
	if !ed.text.Disabled() {
		t.Error("the text of a version whose status could not be read is editable")
	}
	ed.onNewDraft(false)
	if ed.current.Status != data.DocDraft || ed.text.Disabled() {
		t.Errorf("after a new draft, the version is %q (text disabled %v), want an editable draft", ed.current.Status, ed.text.Disabled())
	}
}

// TestGapAnswerWithUnreadableScoreOpens opens the gap assessment after the
// newest assessment's date and one answer's score were changed outside the
// app: the chooser and the question list say unreadable, a message names
// the stored texts, no score is lit, notes alone are not saved over the
// score, and choosing a score, even 0, stores it.
func TestGapAnswerWithUnreadableScoreOpens(t *testing.T) {
	u := openCorrupted(t,
		"UPDATE assessments SET assessed_on = 'last week' WHERE id = (SELECT max(id) FROM assessments)",
		"UPDATE answers SET score = 7 WHERE assessment_id = (SELECT max(id) FROM assessments) AND question_id = (SELECT min(question_id) FROM answers WHERE assessment_id = (SELECT max(id) FROM assessments))")
	u.show(screenGap)
	g := u.screen.(*gapScreen)
	var bad *data.Assessment
	for i, a := range g.assessments {
		if a.Unreadable.Has("Date") {
			bad = &g.assessments[i]
		}
	}
	if bad == nil {
		t.Fatal("the assessment with the unreadable date is not offered")
	}
	name := assessmentName(*bad, g.env.dates)
	if !strings.HasPrefix(name, "unreadable — ") {
		t.Errorf("chooser offers %q, want it to start with \"unreadable — \"", name)
	}
	g.chooser.SetSelected(name)
	if !g.dateNote.Visible() || !strings.Contains(g.dateNote.Text, `date stored for assessment "`) || !strings.Contains(g.dateNote.Text, `"last week"`) {
		t.Errorf("date note = %q (shown %v), want it to name the assessment and the stored text", g.dateNote.Text, g.dateNote.Visible())
	}

	row := -1
	for i, q := range g.questions {
		if g.answers[q.ID].Unreadable.Has("Score") {
			row = i
		}
	}
	if row < 0 {
		t.Fatal("no answer with an unreadable score in the chosen assessment")
	}
	id := g.questions[row].ID
	if got := answerBadge(g.answers, id); got != "unreadable" {
		t.Errorf("list badge = %q, want \"unreadable\"", got)
	}
	g.list.Select(row)
	if !g.problem.Visible() || !strings.Contains(g.problem.Text, `score stored for answer to question "`+id+`"`) || !strings.Contains(g.problem.Text, `"7"`) {
		t.Errorf("message = %q (shown %v), want it to name the question and the stored text", g.problem.Text, g.problem.Visible())
	}
	for _, b := range g.scoreButtons {
		if b.Importance == widget.HighImportance {
			t.Errorf("score button %q is lit for a score that could not be read", b.Text)
		}
	}

	notes := g.notes.Text
	g.notes.SetText("Seen the change log.")
	g.saveText()
	if u.win.Canvas().Overlays().Top() == nil {
		t.Error("notes typed for an answer whose score could not be read were not saved, without a word")
	}
	dismissDialogs(u.win)
	stored, _ := u.Workspace().Answers(u.ctx(), bad.ID)
	if !stored[id].Unreadable.Has("Score") {
		t.Fatalf("saving the notes stored the score as %d", stored[id].Score)
	}
	// 0 is also what the unreadable score was read as: it must still be stored.
	g.notes.SetText(notes)
	g.setScore(data.MaturityNone)
	stored, _ = u.Workspace().Answers(u.ctx(), bad.ID)
	if a := stored[id]; len(a.Unreadable) != 0 || a.Score != data.MaturityNone {
		t.Errorf("after choosing 0 the answer reads as score %d with %+v", a.Score, a.Unreadable)
	}
	if got := answerBadge(g.answers, id); got != "0" {
		t.Errorf("list badge after choosing 0 = %q, want \"0\"", got)
	}
}
