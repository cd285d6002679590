package app

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"smsbuilder/reports"
)

// The Packs screen's save dialog adds .pdf to the name, refuses a link to the
// open workspace in the dialog, leaving it as it was, and asks before
// replacing a file named .pdf that is not a PDF.
func TestPackSaveDialogGuardsTheWorkspaceAndAsksBeforeReplacing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "packs.smsdb")
	u := newTestUI(t, path)
	dismissDialogs(u.win)
	pack, _ := reports.FindPack("scope")
	dir := filepath.Dir(path)
	notes := filepath.Join(dir, "notes.pdf")
	os.WriteFile(notes, []byte("someone's notes"), 0o644)
	for link, target := range map[string]string{"latest.pdf": "packs.smsdb", "log.pdf": "packs.smsdb-wal"} {
		if err := os.Symlink(target, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}
	before, _ := os.ReadFile(path)

	savePack(u.env(), pack, "Scope", reports.Options{Now: fixedNow()})
	overlay := u.win.Canvas().Overlays().Top()
	name := findFileForm(t, overlay).Items[1].Widget.(*textField)
	var save *widget.Button
	walk(overlay, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Save" {
			save = b
		}
	})
	for _, n := range []string{"latest", "log.pdf"} {
		name.SetText(n)
		test.Tap(save)
		if l := findDanger(overlay); l == nil || !strings.Contains(l.Text, "never writes over a workspace") {
			t.Errorf("saving the pack as %s was not refused in the dialog", n)
		}
		if u.win.Canvas().Overlays().Top() != overlay {
			t.Errorf("saving the pack as %s closed the dialog", n)
		}
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, before) {
		t.Error("the workspace changed")
	}

	name.SetText("notes")
	test.Tap(save)
	var asked bool
	if top := u.win.Canvas().Overlays().Top(); top != nil && top != overlay {
		walk(top, func(o fyne.CanvasObject) {
			if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, "notes.pdf exists and is not a PDF") {
				asked = true
			}
		})
	}
	if !asked {
		t.Fatal("no question before replacing notes.pdf")
	}
	dismissDialogs(u.win) // No
	if b, _ := os.ReadFile(notes); string(b) != "someone's notes" {
		t.Error("notes.pdf changed without a yes")
	}
}
