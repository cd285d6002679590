package app

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"smsbuilder/data"
)

// bob is a colleague saving through the same workspace while a screen has a
// record open.
func bob() context.Context { return data.WithActor(context.Background(), "Bob Lee") }

// topDialogText is every label's text, form labels included, in the dialog
// on top, or "" when none is shown.
func topDialogText(w fyne.Window) string {
	overlay := w.Canvas().Overlays().Top()
	if overlay == nil {
		return ""
	}
	var b strings.Builder
	walk(overlay, func(o fyne.CanvasObject) {
		switch l := o.(type) {
		case *widget.Label:
			b.WriteString(l.Text + "\n")
		case *canvas.Text: // a form's field labels
			b.WriteString(l.Text + "\n")
		}
	})
	return b.String()
}

// tapInTopDialog taps the button labelled with one of labels in the dialog
// on top.
func tapInTopDialog(t *testing.T, w fyne.Window, labels ...string) {
	t.Helper()
	overlay := w.Canvas().Overlays().Top()
	if overlay == nil {
		t.Fatal("no dialog shown")
	}
	var found *widget.Button
	walk(overlay, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && slices.Contains(labels, b.Text) {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("the dialog on top has no %q button:\n%s", labels, topDialogText(w))
	}
	test.Tap(found)
}

// wantConflictDialog fails unless the dialog on top says who changed what
// after the user opened it.
func wantConflictDialog(t *testing.T, w fyne.Window, what string) {
	t.Helper()
	got := topDialogText(w)
	for _, want := range []string{"Changed by someone else", "Bob Lee changed " + what + " at ", "after you opened it", "Reload"} {
		if !strings.Contains(got, want) {
			t.Fatalf("dialog on top does not say %q:\n%s", want, got)
		}
	}
}

func TestAStaleOrganisationSaveShowsTheConflictAndReloadShowsTheOtherChange(t *testing.T) {
	u := newTestUI(t, filepath.Join(t.TempDir(), "org.smsdb"))
	dismissDialogs(u.win)
	u.show(screenOrganisation)
	s := u.screen.(*organisationScreen)

	o, err := u.Workspace().Organisation(bob())
	if err != nil {
		t.Fatal(err)
	}
	o.Address = "1 Bob's Street, Leeds"
	if _, err := u.Workspace().SaveOrganisation(bob(), o); err != nil {
		t.Fatal(err)
	}

	s.legalName.SetText("Contoso Service Desk Ltd")
	test.Tap(s.save)
	wantConflictDialog(t, u.win, "the organisation profile")
	if !strings.Contains(topDialogText(u.win), "Reloading discards") {
		t.Errorf("the dialog does not say that reloading discards the edit:\n%s", topDialogText(u.win))
	}
	stored, _ := u.Workspace().Organisation(bob())
	if stored.LegalName == "Contoso Service Desk Ltd" || stored.Address != o.Address {
		t.Fatalf("the stale save overwrote the colleague's change: %+v", stored)
	}

	tapInTopDialog(t, u.win, "Reload")
	if got, want := s.address.Text, o.Address; got != want {
		t.Errorf("after Reload the address reads %q, want the colleague's %q", got, want)
	}
	if s.legalName.Text == "Contoso Service Desk Ltd" {
		t.Error("after Reload the stale edit is still on screen")
	}
	// From the reloaded profile the next save goes through.
	s.legalName.SetText("Contoso Service Desk Ltd")
	test.Tap(s.save)
	if got := topDialogText(u.win); got != "" {
		t.Fatalf("saving after Reload shows a dialog:\n%s", got)
	}
	stored, _ = u.Workspace().Organisation(bob())
	if stored.LegalName != "Contoso Service Desk Ltd" || stored.Address != o.Address {
		t.Errorf("after Reload and save the profile is %+v, want both changes", stored)
	}
}

func TestAStaleTaskFormShowsTheConflictAndReloadOpensTheTaskAsItIsNow(t *testing.T) {
	u := newTestUI(t, filepath.Join(t.TempDir(), "tasks.smsdb"))
	dismissDialogs(u.win)
	u.show(screenTasks)
	s := u.screen.(*tasksScreen)
	opened := s.shown[0]
	s.openForm(opened)

	changed := opened
	changed.Title = "Bob's title"
	if _, err := u.Workspace().SaveTask(bob(), changed); err != nil {
		t.Fatal(err)
	}

	var form *textField
	walk(u.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if e, ok := o.(*textField); ok && e.Text == opened.Title {
			form = e
		}
	})
	if form == nil {
		t.Fatal("the task form shows no title")
	}
	form.SetText("My title")
	tapInTopDialog(t, u.win, "Save")
	wantConflictDialog(t, u.win, "this task")

	tapInTopDialog(t, u.win, "Reload")
	var title string
	walk(u.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if e, ok := o.(*textField); ok && (e.Text == "Bob's title" || e.Text == "My title") && title == "" {
			title = e.Text
		}
	})
	if title != "Bob's title" {
		t.Errorf("after Reload the form's title is %q, want the colleague's %q", title, "Bob's title")
	}
	if n := len(u.win.Canvas().Overlays().List()); n != 1 {
		t.Errorf("%d dialogs open after Reload, want the one reopened form", n)
	}
}

func TestAStaleDraftKeepsTheUsersTextOnTheClipboardAndReloadsTheColleagues(t *testing.T) {
	u, _ := newPlainUI(t)
	ed, doc := newPolicyEditor(t, u)

	// Autosave after autosave from the same editor never conflicts.
	for _, add := range []string{"\n\nFirst pause.", "\n\nSecond pause."} {
		ed.text.SetText(ed.text.Text + add)
		ed.saveNow()
		if got := ed.status.Text; !strings.HasPrefix(got, "Draft saved") {
			t.Fatalf("status after an autosave = %q", got)
		}
	}

	versions, _ := u.Workspace().Versions(bob(), doc.ID)
	if _, err := u.Workspace().SaveDraft(bob(), versions[0], "Bob's text."); err != nil {
		t.Fatal(err)
	}
	mine := ed.text.Text + "\n\nMy sentence."
	ed.text.SetText(mine)
	ed.saveNow()
	wantConflictDialog(t, u.win, "version 1.0 of "+doc.Number)
	ed.text.SetText(mine + " More typing.")
	ed.saveNow() // autosave stops until the user chooses
	if v, _ := u.Workspace().Versions(bob(), doc.ID); v[0].Body != "Bob's text." {
		t.Fatalf("the stale draft overwrote the colleague's text")
	}

	// Kept on screen, the text is not lost by a workflow move either: the
	// conflict is shown again.
	tapInTopDialog(t, u.win, "Keep my edit on screen")
	ed.move(data.SendForReview, data.Approval{})
	wantConflictDialog(t, u.win, "version 1.0 of "+doc.Number)
	if v, _ := u.Workspace().Versions(bob(), doc.ID); v[0].Status != data.DocDraft {
		t.Fatalf("a stale editor moved the draft to %s", v[0].Status)
	}

	tapInTopDialog(t, u.win, "Copy my text, then reload")
	if got := fyne.CurrentApp().Clipboard().Content(); got != mine+" More typing." {
		t.Errorf("clipboard holds %q, want the user's text", got)
	}
	if got := ed.text.Text; got != "Bob's text." {
		t.Errorf("after Reload the editor shows %q, want the colleague's text", got)
	}
	ed.text.SetText("Bob's text. And mine.")
	ed.saveNow()
	if v, _ := u.Workspace().Versions(bob(), doc.ID); v[0].Body != "Bob's text. And mine." {
		t.Errorf("saving after Reload stored %q", v[0].Body)
	}
}

func TestGapAnswersSavedOneAfterAnotherNeverConflictButAColleaguesChangeIsShown(t *testing.T) {
	u, _ := newPlainUI(t)
	a, err := u.Workspace().SaveAssessment(u.ctx(), data.Assessment{Title: "Baseline", Date: fixedNow()})
	if err != nil {
		t.Fatal(err)
	}
	u.show(screenGap)
	g := u.screen.(*gapScreen)
	u.runes('2')
	u.keys(fyne.KeyUp)
	q := g.questions[0].ID
	// The same answer saved again and again from the screen, as a person
	// types and saves, and its score changed once more.
	for _, note := range []string{"R", "Re", "Register", "Register exists."} {
		g.notes.SetText(note)
		u.save()
	}
	u.runes('3')
	if got := topDialogText(u.win); got != "" {
		t.Fatalf("saving one answer again and again shows a dialog:\n%s", got)
	}
	answers, _ := u.Workspace().Answers(bob(), a.ID)
	if got := answers[q]; got.Score != 3 || got.Notes != "Register exists." {
		t.Fatalf("stored answer = %+v, want score 3 with the last note", got)
	}

	// Bob changes it; the screen's next save is refused and Reload shows his.
	u.keys(fyne.KeyUp)
	bobs := answers[q]
	bobs.Notes = "Bob's note."
	if _, err := u.Workspace().SaveAnswer(bob(), bobs); err != nil {
		t.Fatal(err)
	}
	g.notes.SetText("My note.")
	u.save()
	wantConflictDialog(t, u.win, "this answer")
	tapInTopDialog(t, u.win, "Reload")
	if got, want := g.notes.Text, "Bob's note."; got != want {
		t.Errorf("after Reload the notes read %q, want %q", got, want)
	}
}
