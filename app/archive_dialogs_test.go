package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// fillNewFileDialog types folder and name into the new-file dialog on top
// and taps its confirm button.
func fillNewFileDialog(t *testing.T, w fyne.Window, folder, name, confirm string) {
	t.Helper()
	overlay := w.Canvas().Overlays().Top()
	if overlay == nil {
		t.Fatal("no dialog shown")
	}
	var entries []*textField
	var button *widget.Button
	walk(overlay, func(o fyne.CanvasObject) {
		switch v := o.(type) {
		case *textField:
			entries = append(entries, v)
		case *widget.Button:
			if v.Text == confirm {
				button = v
			}
		}
	})
	if len(entries) != 2 || button == nil {
		t.Fatalf("dialog has %d entries and button %q: %v", len(entries), confirm, button != nil)
	}
	entries[0].SetText(folder)
	entries[1].SetText(name)
	test.Tap(button)
}

func TestExportArchiveThenRestoreItAsANewWorkspace(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "demo.smsdb")
	u := newTestUI(t, path)
	dismissDialogs(u.win)
	before, _ := os.ReadFile(path)

	u.onExportArchive()
	fillNewFileDialog(t, u.win, dir, "kept", "Export")
	archive := filepath.Join(dir, "kept.smsarchive")
	if _, err := os.Stat(archive); err != nil {
		t.Fatalf("no archive written: %v", err)
	}
	var info string
	walk(u.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			info += l.Text
		}
	})
	if !strings.Contains(info, "7 people") || !strings.Contains(info, archive) {
		t.Errorf("the confirmation says %q", info)
	}
	u.win.Canvas().Overlays().Top().Hide()

	u.askRestoreTarget(archive)
	fillNewFileDialog(t, u.win, dir, "demo", "Restore")
	if top := u.win.Canvas().Overlays().Top(); top != nil {
		var msg string
		walk(top, func(o fyne.CanvasObject) {
			if l, ok := o.(*widget.Label); ok {
				msg += l.Text + " "
			}
		})
		if !strings.Contains(msg, "already exists") {
			t.Errorf("restoring over the open workspace: dialog says %q, want a refusal", msg)
		}
		top.Hide()
	}
	u.askRestoreTarget(archive)
	fillNewFileDialog(t, u.win, dir, "restored", "Restore")
	restored := filepath.Join(dir, "restored.smsdb")
	if u.Workspace() == nil || u.Workspace().Path() != restored {
		t.Fatalf("open workspace is %v, want the restored %s", u.Workspace(), restored)
	}
	if got := u.orgName.Text; got != "Northwind" {
		t.Errorf("header shows %q after the restore", got)
	}
	u.closeWorkspace()
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Error("exporting and restoring changed the original workspace")
	}
}
