package app

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
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
			tapInTopDialog(t, u.win, tt.choice)
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
	tapInTopDialog(t, u.win, "Save")
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
	tapInTopDialog(t, u.win, "Cancel")
	if u.ws == nil {
		t.Fatal("Cancel closed the workspace")
	}
	if got, want := s.legalName.Text, "Northwind Managed IT Ltd Group"; got != want {
		t.Errorf("after Cancel the legal name reads %q, want %q", got, want)
	}

	u.requestClose()
	tapInTopDialog(t, u.win, "Save")
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
	walk(u.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.Entry); ok && name == nil {
			name = e
		}
	})
	if name == nil {
		t.Fatal("the person form has no field")
	}
	test.Type(name, "Dana Scully")
	u.requestClose()
	if got, want := topDialogText(u.win), "The form “Add person” has changes that are not saved."; !strings.Contains(got, want) {
		t.Fatalf("closing over a filled form shows %q, want %q", got, want)
	}
	tapInTopDialog(t, u.win, "Cancel")
	if u.ws == nil || name.Text != "Dana Scully" {
		t.Fatalf("Cancel lost the form: workspace open %v, name %q", u.ws != nil, name.Text)
	}
	u.requestClose()
	tapInTopDialog(t, u.win, "Save")
	if u.ws != nil {
		t.Fatal("Save did not close the window")
	}
}
