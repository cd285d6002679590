package app

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"smsbuilder/data"
)

const unsavedProfile = "The organisation profile has changes that are not saved."

// editedProfile opens the organisation screen of a demo workspace and types
// at the end of the legal name.
func editedProfile(t *testing.T) (*UI, *organisationScreen, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "unsaved.smsdb")
	u := newTestUI(t, path)
	dismissDialogs(u.win)
	u.show(screenOrganisation)
	s := u.screen.(*organisationScreen)
	s.legalName.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
	test.Type(s.legalName, " Group")
	return u, s, path
}

// answerPrompt taps the button labelled label in the dialog on top, the
// prompt's own default button included.
func answerPrompt(t *testing.T, w fyne.Window, label string) {
	t.Helper()
	var found fyne.Tappable
	walk(w.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		switch b := o.(type) {
		case *widget.Button:
			if b.Text == label {
				found = b
			}
		case *promptButton:
			if b.Text == label {
				found = b
			}
		}
	})
	if found == nil {
		t.Fatalf("the dialog on top has no %q button:\n%s", label, topDialogText(w))
	}
	test.Tap(found)
}

func selectNav(u *UI, id string) {
	for i, d := range u.defs {
		if d.id == id {
			u.nav.Select(i)
		}
	}
}

func TestSwitchingScreenWithUnsavedChangesAsks(t *testing.T) {
	tests := []struct {
		choice     string
		wantScreen string
		wantStored string // the legal name in the workspace afterwards
	}{
		{"Cancel", screenOrganisation, "Northwind Managed IT Ltd"},
		{"Discard", screenPeople, "Northwind Managed IT Ltd"},
		{"Save", screenPeople, "Northwind Managed IT Ltd Group"},
	}
	for _, tt := range tests {
		t.Run(tt.choice, func(t *testing.T) {
			u, s, _ := editedProfile(t)
			selectNav(u, screenPeople)
			if got := topDialogText(u.win); !strings.Contains(got, unsavedProfile) {
				t.Fatalf("switching screen shows %q, want the unsaved-changes prompt", got)
			}
			answerPrompt(t, u.win, tt.choice)
			if got := u.current; got != tt.wantScreen {
				t.Errorf("after %s the screen is %q, want %q", tt.choice, got, tt.wantScreen)
			}
			if tt.wantScreen == screenOrganisation {
				if got, want := s.legalName.Text, "Northwind Managed IT Ltd Group"; got != want {
					t.Errorf("after Cancel the legal name reads %q, want the typed %q", got, want)
				}
				if u.screen != s {
					t.Error("after Cancel the organisation screen was built again")
				}
			}
			o, err := u.ws.Organisation(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			if got := o.LegalName; got != tt.wantStored {
				t.Errorf("stored legal name = %q, want %q", got, tt.wantStored)
			}
		})
	}
}

func TestSavingThatIsRefusedKeepsTheUserOnTheForm(t *testing.T) {
	u, s, _ := editedProfile(t)
	s.legalName.SetText("")
	u.goTo(screenTasks)
	answerPrompt(t, u.win, "Save")
	if got := u.current; got != screenOrganisation {
		t.Errorf("after a refused save the screen is %q, want the organisation profile", got)
	}
	if l := s.problems["LegalName"]; l == nil || !l.Visible() || l.Text == "" {
		t.Error("the legal name shows no message after the refused save")
	}
	if got, want := s.status.Text, "Not saved: please correct the marked fields."; got != want {
		t.Errorf("status = %q, want %q", got, want)
	}
}

func TestNothingChangedLeavesWithoutAsking(t *testing.T) {
	tests := []struct {
		name string
		edit func(*organisationScreen)
	}{
		{"untouched", func(*organisationScreen) {}},
		{"typed then taken back", func(s *organisationScreen) {
			test.Type(s.shortName, "x")
			s.shortName.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u := newTestUI(t, filepath.Join(t.TempDir(), "same.smsdb"))
			dismissDialogs(u.win)
			u.show(screenOrganisation)
			tt.edit(u.screen.(*organisationScreen))
			selectNav(u, screenDocuments)
			if got := topDialogText(u.win); got != "" {
				t.Errorf("leaving an unchanged profile shows %q", got)
			}
			if got := u.current; got != screenDocuments {
				t.Errorf("screen = %q, want the documents", got)
			}
		})
	}
}

func TestClosingTheWindowWithUnsavedChangesAsks(t *testing.T) {
	u, s, path := editedProfile(t)
	u.requestClose()
	if got := topDialogText(u.win); !strings.Contains(got, unsavedProfile) {
		t.Fatalf("closing shows %q, want the unsaved-changes prompt", got)
	}
	answerPrompt(t, u.win, "Cancel")
	if u.ws == nil {
		t.Fatal("Cancel closed the workspace")
	}
	if got, want := s.legalName.Text, "Northwind Managed IT Ltd Group"; got != want {
		t.Errorf("after Cancel the legal name reads %q, want %q", got, want)
	}

	u.requestClose()
	answerPrompt(t, u.win, "Save")
	if u.ws != nil {
		t.Fatal("Save did not close the window")
	}
	o, err := reopen(t, path).Organisation(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if got, want := o.LegalName, "Northwind Managed IT Ltd Group"; got != want {
		t.Errorf("legal name after closing with Save = %q, want %q", got, want)
	}
}

func TestClosingTheWindowOverAFormDialogAsksAboutIt(t *testing.T) {
	u := newTestUI(t, filepath.Join(t.TempDir(), "dialog.smsdb"))
	dismissDialogs(u.win)
	u.show(screenPeople)
	p := u.screen.(*peopleScreen)
	p.onAdd()
	u.requestClose()
	if got := topDialogText(u.win); strings.Contains(got, "not saved") {
		t.Fatalf("closing over an untouched form asks: %q", got)
	}
	if u.ws != nil {
		t.Fatal("closing over an untouched form did not close")
	}

	u = newTestUI(t, filepath.Join(t.TempDir(), "dialog2.smsdb"))
	dismissDialogs(u.win)
	u.show(screenPeople)
	u.screen.(*peopleScreen).onAdd()
	var name *widget.Entry
	var field fyne.Focusable // name, or the widget that embeds it
	walk(u.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if e := entryOf(o); e != nil && name == nil {
			name, field = e, o.(fyne.Focusable)
		}
	})
	if name == nil {
		t.Fatal("the person form has no field")
	}
	u.win.Canvas().Focus(field)
	test.Type(name, "Dana Scully")
	u.requestClose()
	if got, want := topDialogText(u.win), "The form “Add person” has changes that are not saved."; !strings.Contains(got, want) {
		t.Fatalf("closing over a filled form shows %q, want %q", got, want)
	}
	answerPrompt(t, u.win, "Cancel")
	if got := u.win.Canvas().Focused(); got != field {
		t.Errorf("after Cancel the focus is on %T, want back in the name field", got)
	}
	if u.ws == nil || name.Text != "Dana Scully" {
		t.Fatalf("Cancel lost the form: workspace open %v, name %q", u.ws != nil, name.Text)
	}
	u.requestClose()
	answerPrompt(t, u.win, "Save")
	if u.ws != nil {
		t.Fatal("Save did not close the window")
	}
}

func TestLeavingADraftSavesWhatAutosaveHadNotYetStored(t *testing.T) {
	u, _ := newPlainUI(t)
	ed, doc := newPolicyEditor(t, u)
	text := ed.text.Text + "\n\nTyped just before leaving."
	ed.text.SetText(text)
	selectNav(u, screenPeople)
	if got := topDialogText(u.win); got != "" {
		t.Errorf("leaving a draft autosave can store shows %q", got)
	}
	if got := u.current; got != screenPeople {
		t.Errorf("screen = %q, want the people", got)
	}
	if v, _ := u.Workspace().Versions(bob(), doc.ID); v[0].Body != text {
		t.Errorf("stored draft = %q, want the text typed before leaving", v[0].Body)
	}
}

func TestLeavingAStaleDraftAsks(t *testing.T) {
	u, _ := newPlainUI(t)
	ed, doc := newPolicyEditor(t, u)
	versions, _ := u.Workspace().Versions(bob(), doc.ID)
	if _, err := u.Workspace().SaveDraft(bob(), versions[0], "Bob's text."); err != nil {
		t.Fatal(err)
	}
	ed.text.SetText(ed.text.Text + "\n\nMine.")
	ed.saveNow()
	dismissDialogs(u.win) // the conflict, kept on screen
	selectNav(u, screenPeople)
	want := "The draft of " + doc.Number + " " + doc.Title + " has changes that are not saved."
	if got := topDialogText(u.win); !strings.Contains(got, want) {
		t.Fatalf("leaving a stale draft shows %q, want %q", got, want)
	}
	answerPrompt(t, u.win, "Save")
	if got := u.current; got != screenDocuments {
		t.Errorf("after Save over a colleague's change the screen is %q, want the draft kept", got)
	}
	wantConflictDialog(t, u.win, "version 1.0 of "+doc.Number)
}

func TestLeavingTheGapAssessmentWithTypedNotesAsks(t *testing.T) {
	u := newTestUI(t, filepath.Join(t.TempDir(), "gap.smsdb"))
	dismissDialogs(u.win)
	u.show(screenGap)
	g := u.screen.(*gapScreen)
	g.list.Select(2)
	q := g.questions[2]
	if _, ok := g.answers[q.ID]; !ok {
		t.Fatal("the demo's question 3 is not answered")
	}
	g.evidence.SetText("POL-01 on the intranet")
	u.goTo(screenTasks)
	if got, want := topDialogText(u.win), "The notes and evidence typed for question 3 (clause "+q.Clause+") are not saved."; !strings.Contains(got, want) {
		t.Fatalf("leaving typed evidence shows %q, want %q", got, want)
	}
	answerPrompt(t, u.win, "Save")
	if got := u.current; got != screenTasks {
		t.Errorf("after Save the screen is %q, want the tasks", got)
	}
	answers, err := u.ws.Answers(context.Background(), g.current.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := answers[q.ID].Evidence, "POL-01 on the intranet"; got != want {
		t.Errorf("stored evidence = %q, want %q", got, want)
	}

	// Notes for a question not yet scored cannot be stored on their own.
	a, err := u.ws.SaveAssessment(u.ctx(), data.Assessment{Title: "Second look", Date: fixedNow()})
	if err != nil {
		t.Fatal(err)
	}
	u.show(screenGap)
	g = u.screen.(*gapScreen)
	g.load(a.ID)
	g.list.Select(0)
	g.notes.SetText("Seen on the wall.")
	u.goTo(screenTasks)
	answerPrompt(t, u.win, "Save")
	if got := u.current; got != screenGap {
		t.Errorf("Save of notes without a score moved on to %q", got)
	}
	if got, want := g.problem.Text, "Choose a score first: the notes and evidence are saved with it."; !g.problem.Visible() || got != want {
		t.Errorf("the question shows %q, want %q", got, want)
	}
}

func TestLeavingARoadmapStepWithChangedNotesAsks(t *testing.T) {
	u := newTestUI(t, filepath.Join(t.TempDir(), "roadmap.smsdb"))
	dismissDialogs(u.win)
	u.show(screenRoadmap)
	r := u.screen.(*roadmapScreen)
	r.list.Select(0)
	var notes *widget.Entry
	walk(r.detail, func(o fyne.CanvasObject) {
		if e := entryOf(o); e != nil && e.MultiLine {
			notes = e
		}
	})
	if notes == nil {
		t.Fatal("the step shows no notes field")
	}
	notes.SetText(notes.Text + " Agreed with the director.")
	u.goTo(screenDashboard)
	want := "The roadmap step “" + r.steps[0].Title + "” has changes that are not saved."
	if got := topDialogText(u.win); !strings.Contains(got, want) {
		t.Fatalf("leaving a changed step shows %q, want %q", got, want)
	}
	answerPrompt(t, u.win, "Save")
	if got := u.current; got != screenDashboard {
		t.Errorf("after Save the screen is %q, want the dashboard", got)
	}
	plan, err := u.ws.StepProgress(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if got := plan[r.steps[0].ID].Notes; !strings.HasSuffix(got, "Agreed with the director.") {
		t.Errorf("stored notes = %q, want the typed sentence", got)
	}
}

func TestNoScreenAsksWhenNothingWasTyped(t *testing.T) {
	u := newTestUI(t, filepath.Join(t.TempDir(), "every.smsdb"))
	dismissDialogs(u.win)
	for _, d := range u.defs {
		u.show(d.id)
		if r, ok := u.screen.(*roadmapScreen); ok {
			r.list.Select(3) // a step with its form shown
		}
		next := screenPacks
		if d.id == screenPacks {
			next = screenDashboard
		}
		u.goTo(next)
		if got := topDialogText(u.win); got != "" {
			t.Errorf("leaving the untouched %s screen shows %q", d.id, got)
			dismissDialogs(u.win)
		}
		if u.current != next {
			t.Errorf("leaving the untouched %s screen did not move on", d.id)
		}
	}
}

// menuItem finds the item labelled label in the window's menus, one level deep.
func menuItem(t *testing.T, w fyne.Window, label string) *fyne.MenuItem {
	t.Helper()
	for _, m := range w.MainMenu().Items {
		for _, it := range m.Items {
			if it.Label == label {
				return it
			}
		}
	}
	t.Fatalf("no menu item %q", label)
	return nil
}

func TestOpeningAnotherWorkspaceOrQuittingWithUnsavedChangesAsks(t *testing.T) {
	for _, label := range []string{"New workspace…", "Open…", "Restore from a backup…", "Restore archive…", "Quit"} {
		t.Run(label, func(t *testing.T) {
			u, s, _ := editedProfile(t)
			menuItem(t, u.win, label).Action()
			if got := topDialogText(u.win); !strings.Contains(got, unsavedProfile) {
				t.Fatalf("%s shows %q, want the unsaved-changes prompt", label, got)
			}
			answerPrompt(t, u.win, "Cancel")
			if u.win.Canvas().Overlays().Top() != nil {
				t.Errorf("after Cancel %s went on: %q", label, topDialogText(u.win))
			}
			if u.ws == nil || u.screen != s {
				t.Errorf("after Cancel of %s the profile is no longer on show", label)
			}
		})
	}

	// Open recent, with Discard, opens the other workspace.
	other := filepath.Join(t.TempDir(), "other.smsdb")
	first := newTestUI(t, other)
	first.closeWorkspace()
	u, _, path := editedProfile(t)
	addRecent(u.app.Preferences(), other)
	u.installMenu()
	recent := menuItem(t, u.win, "Open recent").ChildMenu.Items
	for _, it := range recent {
		if strings.HasPrefix(it.Label, "other.smsdb") {
			it.Action()
		}
	}
	answerPrompt(t, u.win, "Discard")
	if got := u.ws.Path(); got != other {
		t.Errorf("after Discard the open workspace is %s, want %s", got, other)
	}
	u.closeWorkspace()
	o, err := reopen(t, path).Organisation(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if got, want := o.LegalName, "Northwind Managed IT Ltd"; got != want {
		t.Errorf("after Discard the stored legal name is %q, want %q", got, want)
	}
}

func TestThePromptAnswersToEnterAndEscape(t *testing.T) {
	tests := []struct {
		key        fyne.KeyName
		wantScreen string
	}{
		{fyne.KeyEscape, screenOrganisation},
		{fyne.KeyReturn, screenPeople},
	}
	for _, tt := range tests {
		t.Run(string(tt.key), func(t *testing.T) {
			u, _, _ := editedProfile(t)
			selectNav(u, screenPeople)
			focused := u.win.Canvas().Focused()
			if focused == nil {
				t.Fatal("nothing has the focus in the prompt")
			}
			focused.TypedKey(&fyne.KeyEvent{Name: tt.key})
			if got := u.current; got != tt.wantScreen {
				t.Errorf("after %s the screen is %q, want %q", tt.key, got, tt.wantScreen)
			}
			if u.win.Canvas().Overlays().Top() != nil {
				t.Errorf("after %s a dialog is still shown: %q", tt.key, topDialogText(u.win))
			}
		})
	}
}

func TestQuittingWhileThePromptIsShownDoesNotAskTwice(t *testing.T) {
	u, _, _ := editedProfile(t)
	selectNav(u, screenPeople)
	menuItem(t, u.win, "Quit").Action()
	if got := len(u.win.Canvas().Overlays().List()); got != 1 {
		t.Errorf("%d dialogs are shown, want the one prompt", got)
	}
}

func TestAnotherStepOrQuestionAsksAboutWhatWouldBeLost(t *testing.T) {
	u := newTestUI(t, filepath.Join(t.TempDir(), "within.smsdb"))
	dismissDialogs(u.win)
	u.show(screenRoadmap)
	r := u.screen.(*roadmapScreen)
	r.list.Select(0)
	var notes *widget.Entry
	walk(r.detail, func(o fyne.CanvasObject) {
		if e := entryOf(o); e != nil && e.MultiLine {
			notes = e
		}
	})
	notes.SetText("Half a thought")
	r.list.Select(1)
	if got := topDialogText(u.win); !strings.Contains(got, "“"+r.steps[0].Title+"”") {
		t.Fatalf("another step shows %q, want the prompt about %s", got, r.steps[0].Title)
	}
	answerPrompt(t, u.win, "Cancel")
	if r.selected != 0 || notes.Text != "Half a thought" {
		t.Errorf("after Cancel step %d is shown with notes %q, want step 0 with the typed notes", r.selected, notes.Text)
	}
	r.list.Select(1)
	answerPrompt(t, u.win, "Discard")
	if r.selected != 1 {
		t.Errorf("after Discard step %d is shown, want step 1", r.selected)
	}

	a, err := u.ws.SaveAssessment(u.ctx(), data.Assessment{Title: "Second look", Date: fixedNow()})
	if err != nil {
		t.Fatal(err)
	}
	u.show(screenGap)
	g := u.screen.(*gapScreen)
	g.load(a.ID)
	g.list.Select(0)
	g.notes.SetText("Seen on the wall.")
	g.list.Select(1)
	answerPrompt(t, u.win, "Cancel")
	if g.index != 0 || g.notes.Text != "Seen on the wall." {
		t.Errorf("after Cancel question %d is open with notes %q, want question 0 with the typed notes", g.index, g.notes.Text)
	}
	g.setScore(2) // stores the notes with the score and moves on
	g.list.Select(0)
	g.notes.SetText("More.")
	g.list.Select(1)
	if got := topDialogText(u.win); got != "" {
		t.Errorf("moving from a scored question shows %q; its notes save themselves", got)
	}
}

func TestClosingOverAFileNameDialogDoesNotAsk(t *testing.T) {
	u := newTestUI(t, filepath.Join(t.TempDir(), "file.smsdb"))
	dismissDialogs(u.win)
	menuItem(t, u.win, "New workspace…").Action()
	var name *widget.Entry
	walk(u.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if e := entryOf(o); e != nil {
			name = e
		}
	})
	if name == nil {
		t.Fatal("the new-workspace dialog has no field")
	}
	name.SetText("Somewhere else.smsdb")
	u.requestClose()
	if u.ws != nil {
		t.Errorf("closing over a file name dialog did not close: %q", topDialogText(u.win))
	}
}

// Changing the gap list's filter closes the open question: notes typed for
// one not yet scored are asked about, and Cancel puts the filter back.
func TestChangingTheGapFilterWithTypedNotesAsks(t *testing.T) {
	u := newTestUI(t, filepath.Join(t.TempDir(), "filter.smsdb"))
	dismissDialogs(u.win)
	a, err := u.ws.SaveAssessment(u.ctx(), data.Assessment{Title: "Second look", Date: fixedNow()})
	if err != nil {
		t.Fatal(err)
	}
	u.show(screenGap)
	g := u.screen.(*gapScreen)
	g.load(a.ID)
	g.list.Select(0)
	g.notes.SetText("Seen on the wall.")
	all := len(g.questions)

	g.clauseFilter.SetSelected(g.clauseFilter.Options[2])
	answerPrompt(t, u.win, "Cancel")
	if got, want := g.clauseFilter.Selected, g.clauseFilter.Options[0]; got != want {
		t.Errorf("after Cancel the filter shows %q, want %q", got, want)
	}
	if got := len(g.questions); got != all || g.notes.Text != "Seen on the wall." {
		t.Errorf("after Cancel %d questions with notes %q, want %d with the typed notes", got, g.notes.Text, all)
	}

	g.unanswered.SetChecked(true)
	answerPrompt(t, u.win, "Discard")
	if !g.unanswered.Checked || g.notes.Text == "Seen on the wall." {
		t.Errorf("after Discard: unanswered only %v, notes %q; want the filter applied and the notes gone", g.unanswered.Checked, g.notes.Text)
	}
	if got := topDialogText(u.win); got != "" {
		t.Errorf("a dialog is still open: %q", got)
	}
}
