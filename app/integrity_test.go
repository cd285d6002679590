package app

import (
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"smsbuilder/data/sqlite"
)

// overlayTexts is the text of every label in every dialog on show.
func overlayTexts(w fyne.Window) string {
	var b strings.Builder
	for _, o := range w.Canvas().Overlays().List() {
		walk(o, func(c fyne.CanvasObject) {
			if l, ok := c.(*widget.Label); ok {
				b.WriteString(l.Text + "\n")
			}
		})
	}
	return b.String()
}

// A workspace whose approved text or audit trail was changed by another
// program opens as usual, and a banner under the header says so in plain
// words, with the details a tap away; a sound one opens without it.
func TestOpenWarnsOfChangesMadeOutside(t *testing.T) {
	tests := []struct {
		name   string
		tamper []string
		want   []string
	}{
		{"sound", nil, nil},
		{"approved text and audit trail changed", []string{
			"DROP TRIGGER document_versions_frozen_text",
			"UPDATE document_versions SET body = body || ' ' WHERE id = (SELECT v.id FROM document_versions v JOIN documents d ON d.id = v.document_id WHERE d.number = 'SMS-DOC-02' AND v.status = 'approved')",
			"DELETE FROM audit_trail WHERE id = 7",
		}, []string{
			"edited, or records were removed, by a program other than SMS Builder",
			"• SMS-DOC-02 version 1.0 (approved): its text no longer matches the SHA-256 recorded at approval",
			"• entry 7 is missing: removed from the trail",
			`run "smsbuilder check `,
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "tampered.smsdb")
			demoCopy(t, path)
			if len(tt.tamper) > 0 {
				db, err := sql.Open("sqlite", path)
				if err != nil {
					t.Fatal(err)
				}
				for _, s := range tt.tamper {
					if _, err := db.Exec(s); err != nil {
						t.Fatalf("%s: %v", s, err)
					}
				}
				db.Close()
			}
			u := startOn(t, path)
			if u.Workspace() == nil {
				t.Fatal("the workspace was not opened")
			}
			banner := u.integrity.text.Text
			if got := u.integrity.box.Visible(); got != (len(tt.want) > 0) {
				t.Fatalf("banner shown = %v, want %v (%q)", got, len(tt.want) > 0, banner)
			}
			if len(tt.want) == 0 {
				return
			}
			if want := "tampered.smsdb was changed by another program, not by SMS Builder: the check on opening found 2 problems."; banner != want {
				t.Errorf("banner says %q, want %q", banner, want)
			}
			var details *widget.Button
			walk(u.integrity.box, func(o fyne.CanvasObject) {
				if b, ok := o.(*widget.Button); ok && b.Text == "What was found" {
					details = b
				}
			})
			if details == nil {
				t.Fatal("the banner offers no details")
			}
			test.Tap(details)
			texts := overlayTexts(u.win)
			for _, want := range tt.want {
				if !strings.Contains(texts, want) {
					t.Errorf("the details do not say %q:\n%s", want, texts)
				}
			}

			// Another workspace, sound, takes the banner away.
			other := filepath.Join(t.TempDir(), "sound.smsdb")
			demoCopy(t, other)
			if err := u.openWorkspace(other); err != nil {
				t.Fatal(err)
			}
			if u.integrity.box.Visible() {
				t.Error("the banner stays on a sound workspace")
			}
		})
	}
}

// startOn starts the window on the workspace at path, as it is.
func startOn(t *testing.T, path string) *UI {
	t.Helper()
	a := test.NewTempApp(t)
	a.Preferences().SetString(prefActor, "Test Person")
	u := New(a, Deps{Store: sqlite.New(), Catalogue: testCatalogue(t), Now: fixedNow})
	u.Start(path)
	t.Cleanup(u.closeWorkspace)
	return u
}
