package app

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// File ▸ Restore from a backup lists the daily copies with their date,
// size, organisation and last change, and opens the chosen one as a new
// file; the workspace that was open stays as it was.
func TestRestoreDialogListsBackupsAndOpensOneAsANewFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "restore.smsdb")
	u := newTestUI(t, path) // opening it made today's copy
	dismissDialogs(u.win)
	u.win.Resize(fyne.NewSize(1180, 760))
	backups := filepath.Join(filepath.Dir(path), "Backups")
	today, err := filepath.Glob(filepath.Join(backups, "restore backup *.smsdb"))
	if err != nil || len(today) != 1 {
		t.Fatalf("Backups holds %q (%v), want today's copy", today, err)
	}
	b, _ := os.ReadFile(today[0])
	older := filepath.Join(backups, "restore backup 2026-11-20.smsdb")
	os.WriteFile(older, b, 0o644)
	before, _ := os.ReadFile(path)

	u.onRestore()
	overlay := u.win.Canvas().Overlays().Top()
	if overlay == nil {
		t.Fatal("no dialog shown")
	}
	var list *widget.List
	var texts []string
	var restore *widget.Button
	walk(overlay, func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.List:
			list = w
		case *widget.Label:
			texts = append(texts, w.Text)
		case *widget.Button:
			if w.Text == "Restore as a new file…" {
				restore = w
			}
		}
	})
	if list == nil || restore == nil {
		t.Fatal("the dialog has no list of backups or no Restore button")
	}
	if got := list.Length(); got != 2 {
		t.Errorf("the list shows %d backups, want 2", got)
	}
	for _, want := range []string{"Date", "Size", "Organisation", "Last change", "20 November 2026", "Northwind"} {
		if !slices.ContainsFunc(texts, func(s string) bool { return strings.Contains(s, want) }) {
			t.Errorf("the dialog does not show %q; it shows %q", want, texts)
		}
	}
	if !slices.ContainsFunc(texts, func(s string) bool { return strings.HasSuffix(s, " KB") || strings.HasSuffix(s, " MB") }) {
		t.Errorf("the dialog shows no size; it shows %q", texts)
	}
	if !restore.Disabled() {
		t.Error("Restore is enabled before a backup is chosen")
	}
	list.Select(1) // the older one
	if restore.Disabled() {
		t.Fatal("Restore stays disabled after choosing a backup")
	}
	test.Tap(restore)

	// The save dialog proposes a new name beside the workspace and refuses
	// the current file.
	overlay = u.win.Canvas().Overlays().Top()
	form := findFileForm(t, overlay)
	name := form.Items[1].Widget.(*textField)
	if got, want := name.Text, "restore restored from 2026-11-20.smsdb"; got != want {
		t.Errorf("proposed name = %q, want %q", got, want)
	}
	var confirm *widget.Button
	walk(overlay, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Restore" {
			confirm = b
		}
	})
	name.SetText("restore.smsdb")
	test.Tap(confirm)
	if l := findDanger(overlay); l == nil || !strings.Contains(l.Text, "already exists") {
		t.Errorf("restoring over the open workspace was not refused in the dialog")
	}
	name.SetText("restore restored from 2026-11-20.smsdb")
	test.Tap(confirm)

	want := filepath.Join(filepath.Dir(path), "restore restored from 2026-11-20.smsdb")
	if got := u.Workspace().Path(); got != want {
		t.Fatalf("open workspace = %q, want the restored file %q", got, want)
	}
	var told bool
	if top := u.win.Canvas().Overlays().Top(); top != nil {
		walk(top, func(o fyne.CanvasObject) {
			if l, ok := o.(*widget.Label); ok && strings.Contains(l.Text, "is now open as") {
				told = true
			}
		})
	}
	if !told {
		t.Error("no dialog says the restored backup is open")
	}
	if got := u.orgName.Text; got != "Northwind" {
		t.Errorf("header shows %q, want Northwind", got)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, before) {
		t.Error("restoring changed the workspace that was open")
	}
	if after, _ := os.ReadFile(older); !bytes.Equal(after, b) {
		t.Error("restoring changed the backup")
	}
}

// findFileForm finds the folder and file name form of a file dialog.
func findFileForm(t *testing.T, o fyne.CanvasObject) *widget.Form {
	t.Helper()
	var form *widget.Form
	walk(o, func(c fyne.CanvasObject) {
		if f, ok := c.(*widget.Form); ok && len(f.Items) == 2 {
			form = f
		}
	})
	if form == nil {
		t.Fatal("no file form")
	}
	return form
}
