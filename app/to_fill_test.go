package app

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"smsbuilder/data"
	"smsbuilder/data/sqlite"
)

// newEmptyUI opens a workspace with no profile, no people and no documents.
func newEmptyUI(t *testing.T) *UI {
	t.Helper()
	path := filepath.Join(t.TempDir(), "empty.smsdb")
	ws, err := sqlite.New().Create(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	ws.Close()
	a := test.NewTempApp(t)
	a.Preferences().SetString(prefActor, "Test Person")
	u := New(a, Deps{Store: sqlite.New(), Catalogue: testCatalogue(t), Now: fixedNow})
	u.Start(path)
	t.Cleanup(u.closeWorkspace)
	return u
}

func TestADocumentCreatedOnAnEmptyWorkspaceListsWhatIsMissing(t *testing.T) {
	u := newEmptyUI(t)
	u.show(screenDocuments)
	s := u.screen.(*documentsScreen)
	s.onNewFromTemplate()
	if text := topDialogText(u.win); !strings.Contains(text, "Not recorded yet") || !strings.Contains(text, "the organisation's name") {
		t.Errorf("the dialog does not say before creating what is missing:\n%s", text)
	}
	tapInTopDialog(t, u.win, "Create")

	text := topDialogText(u.win)
	for _, want := range []string{"the organisation's name", "the SMS owner", "top management", "[to fill: …]"} {
		if !strings.Contains(text, want) {
			t.Errorf("the warning does not list %q:\n%s", want, text)
		}
	}
	if s.editor == nil {
		t.Fatal("the new document did not open")
	}
	body := s.editor.text.Text
	if strings.Contains(body, "what  wants") || !strings.Contains(body, "[to fill: the organisation's name]") {
		t.Errorf("the draft leaves a gap instead of a marker:\n%.300s", body)
	}
	confirmTopDialog(t, u.win)
	if text := topDialogText(u.win); strings.Contains(text, "[to fill: …]") {
		t.Errorf("the warning did not close:\n%s", text)
	}
}

func TestApprovingATextWithMarkersWarns(t *testing.T) {
	u, _ := newPlainUI(t)
	ed, _ := newPolicyEditor(t, u)
	ed.text.SetText(ed.text.Text + "\n\nReviewed by " + data.FillMarker(data.PlaceholderLabel("people.auditors")) + ".")
	ed.move(data.SendForReview, data.Approval{})
	ed.onApprove()
	if text := topDialogText(u.win); !strings.Contains(text, "still marks values to fill") || !strings.Contains(text, "the internal auditors") {
		t.Errorf("the approve dialog does not warn of the marker:\n%s", text)
	}
}

func TestACompleteProfileForetellsNothingMissing(t *testing.T) {
	u, _ := newPlainUI(t)
	u.show(screenDocuments)
	u.screen.(*documentsScreen).onNewFromTemplate()
	if text := topDialogText(u.win); strings.Contains(text, "Not recorded yet") {
		t.Errorf("the demo profile is complete, yet the dialog says:\n%s", text)
	}
}
