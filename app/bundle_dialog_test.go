package app

import (
	"archive/zip"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"smsbuilder/reports"
)

// The auditor bundle is saved from the Packs screen as a zip with .zip
// added to the name, asks before replacing a file that is not a zip, and
// says how many files it holds when done.
func TestAuditorBundleIsSavedFromThePacksScreen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bundle.smsdb")
	u := newTestUI(t, path)
	dismissDialogs(u.win)
	dir := filepath.Dir(path)
	notes := filepath.Join(dir, "notes.zip")
	os.WriteFile(notes, []byte("someone's notes"), 0o644)

	saveBundle(u.env(), reports.Options{Now: fixedNow()})
	overlay := u.win.Canvas().Overlays().Top()
	name := findFileForm(t, overlay).Items[1].Widget.(*textField)
	var save *widget.Button
	walk(overlay, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Save" {
			save = b
		}
	})
	name.SetText("notes")
	test.Tap(save)
	if text := topDialogText(u.win); !strings.Contains(text, "notes.zip exists and is not a zip file") {
		t.Fatalf("no question before replacing notes.zip; on top:\n%s", text)
	}
	dismissDialogs(u.win) // No
	if b, _ := os.ReadFile(notes); string(b) != "someone's notes" {
		t.Error("notes.zip changed without a yes")
	}

	saveBundle(u.env(), reports.Options{Now: fixedNow()})
	overlay = u.win.Canvas().Overlays().Top()
	findFileForm(t, overlay).Items[1].Widget.(*textField).SetText("for the auditor")
	walk(overlay, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Save" {
			save = b
		}
	})
	test.Tap(save)
	waitForDialog(t, u.win, "files was saved to")
	z, err := zip.OpenReader(filepath.Join(dir, "for the auditor.zip"))
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	if got, want := z.File[0].Name, "README.txt"; got != want {
		t.Errorf("got first file %q, want %q", got, want)
	}
}
