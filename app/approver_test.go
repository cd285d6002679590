package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"smsbuilder/data"
)

func personNamed(t *testing.T, u *UI, name string) data.Person {
	t.Helper()
	people, err := u.Workspace().People(u.ctx())
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range people {
		if p.Name == name {
			return p
		}
	}
	t.Fatalf("no person %q", name)
	return data.Person{}
}

func TestTheApproveDialogNamesThePersonWorkingAndTheyApprove(t *testing.T) {
	u, _ := newPlainUI(t) // Daniel Okafor, the SMS owner, is working
	ed, _ := newPolicyEditor(t, u)
	ed.move(data.SendForReview, data.Approval{})
	ed.onApprove()
	text := topDialogText(u.win)
	if !strings.Contains(text, "Daniel Okafor (SMS owner), the person working") || !strings.Contains(text, "the person working") {
		t.Fatalf("the approve dialog does not name the person working:\n%s", text)
	}
	var selects int
	walk(u.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if _, ok := o.(*widget.Select); ok {
			selects++
		}
	})
	if selects != 1 { // the review period only
		t.Errorf("the approve dialog has %d choices, want only the review period", selects)
	}
	tapInTopDialog(t, u.win, "Approve")
	if got, want := ed.current.Status, data.DocApproved; got != want {
		t.Fatalf("status = %s, want %s", got, want)
	}
	if got, want := ed.current.ApprovedBy, personNamed(t, u, "Daniel Okafor").ID; got != want {
		t.Errorf("approved by %d, want Daniel Okafor (%d)", got, want)
	}
}

func TestTheApproveDialogRefusesAPersonWorkingWithoutAnApprovingRole(t *testing.T) {
	for _, actor := range []string{"Oliver Grant", "A Visitor"} {
		u, _ := newPlainUI(t)
		ed, _ := newPolicyEditor(t, u)
		ed.move(data.SendForReview, data.Approval{})
		u.actor = actor
		ed.onApprove()
		text := topDialogText(u.win)
		for _, want := range []string{actor + " is working", "cannot approve documents", "Who may approve: Daniel Okafor, Margaret Holloway, Sofia Marchetti.", "File ▸ Who is working…"} {
			if !strings.Contains(text, want) {
				t.Errorf("%s: the refusal lacks %q:\n%s", actor, want, text)
			}
		}
		if strings.Contains(text, "Change summary") {
			t.Errorf("%s: the approve dialog opened", actor)
		}
		dismissDialogs(u.win)
		if got, want := ed.current.Status, data.DocInReview; got != want {
			t.Errorf("%s: status = %s, want %s", actor, got, want)
		}
	}
}

func TestPeopleScreenWarnsOfASecondSMSOwnerOnceSaved(t *testing.T) {
	u, _ := newPlainUI(t)
	u.show(screenPeople)
	s := u.screen.(*peopleScreen)
	if s.hats.Visible() {
		t.Fatalf("the demo people show a warning: %q", s.hats.Text)
	}
	s.openForm(personNamed(t, u, "Margaret Holloway"))
	walk(u.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if c, ok := o.(*widget.Check); ok && c.Text == data.RoleSMSOwner.Label() {
			test.Tap(c)
		}
	})
	tapInTopDialog(t, u.win, "Save")
	if got := personNamed(t, u, "Margaret Holloway"); !got.HasRole(data.RoleSMSOwner) {
		t.Fatal("the second SMS owner was not saved: the warning must not refuse")
	}
	got := s.hats.Text
	for _, want := range []string{"2 people hold the SMS owner role", "Margaret Holloway", "Daniel Okafor"} {
		if !s.hats.Visible() || !strings.Contains(got, want) {
			t.Errorf("warning = %q (shown %v), want %q", got, s.hats.Visible(), want)
		}
	}
}
