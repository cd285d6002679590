package app

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"smsbuilder/data"
)

// dateFieldIn is the effective date field of the dialog in front.
func dateFieldIn(t *testing.T, w fyne.Window) *dateField {
	t.Helper()
	var f *dateField
	walk(w.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if d, ok := o.(*dateField); ok {
			f = d
		}
	})
	if f == nil {
		t.Fatal("the dialog has no date field")
	}
	return f
}

// The approve dialog asks when the text takes effect: the day of approval
// unless the approver picks a later one; an earlier day is refused, with a
// plain message under the field, and nothing is approved.
func TestTheApproveDialogAsksForTheEffectiveDate(t *testing.T) {
	tests := []struct {
		name    string
		set     *time.Time
		want    time.Time
		refused string
	}{
		{"the day of approval by default", nil, time.Date(2026, 11, 25, 0, 0, 0, 0, time.UTC), ""},
		{"a later day", &time.Time{}, time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC), ""},
		{"an earlier day", &time.Time{}, time.Date(2026, 11, 24, 0, 0, 0, 0, time.UTC), "A text cannot take effect before it is approved: choose 25 November 2026 or a later day."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			u, _ := newPlainUI(t)
			ed, _ := newPolicyEditor(t, u)
			ed.move(data.SendForReview, data.Approval{})
			ed.onApprove()
			if !strings.Contains(topDialogText(u.win), "Effective from *") {
				t.Fatalf("the approve dialog does not ask for the effective date:\n%s", topDialogText(u.win))
			}
			f := dateFieldIn(t, u.win)
			if tt.set != nil {
				f.setDate(tt.want)
			}
			tapInTopDialog(t, u.win, "Approve")
			if tt.refused != "" {
				if text := topDialogText(u.win); !strings.Contains(text, tt.refused) {
					t.Errorf("the dialog does not say %q:\n%s", tt.refused, text)
				}
				if got := ed.current.Status; got != data.DocInReview {
					t.Errorf("status = %s, want still in review", got)
				}
				return
			}
			if got := ed.current.Status; got != data.DocApproved {
				t.Fatalf("status = %s, want approved", got)
			}
			if got := ed.current.EffectiveFrom; !got.Equal(tt.want) {
				t.Errorf("effective from %v, want %v", got, tt.want)
			}
		})
	}
}

// The distribution list is edited from the editor, saved to the document,
// and asked about when the window closes with it unsaved.
func TestTheEditorEditsTheDistributionList(t *testing.T) {
	u, _ := newPlainUI(t)
	ed, doc := newPolicyEditor(t, u)
	ed.onDistribution()
	var list *textField
	walk(u.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if f, ok := o.(*textField); ok && f.MultiLine {
			list = f
		}
	})
	if list == nil {
		t.Fatal("the distribution dialog has no list to edit")
	}
	list.SetText("All staff\nManagement team")
	if got := openDialogForms(u.win); len(got) != 1 || got[0].unsaved() == "" {
		t.Errorf("an edited distribution list is not guarded against closing the window")
	}
	tapInTopDialog(t, u.win, "Save")
	got, err := u.Workspace().Document(u.ctx(), doc.ID)
	if err != nil {
		t.Fatal(err)
	}
	if want := "All staff\nManagement team"; got.Distribution != want {
		t.Errorf("stored distribution = %q, want %q", got.Distribution, want)
	}
	if ed.recipients.Text != "All staff\nManagement team" {
		t.Errorf("the Distribution tab shows %q, want the saved list", ed.recipients.Text)
	}
	if ed.status.Text != "Distribution list saved." {
		t.Errorf("status = %q, want the list saved", ed.status.Text)
	}
}
