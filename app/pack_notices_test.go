package app

import (
	"errors"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"smsbuilder/data"
	"smsbuilder/reports"
)

// waitForDialog waits for the dialog on top to say want, as the opener
// answers in the background.
func waitForDialog(t *testing.T, w fyne.Window, want string) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		var text string
		fyne.DoAndWait(func() { text = topDialogText(w) })
		if strings.Contains(text, want) {
			return
		}
	}
	t.Fatalf("no dialog saying %q; on top:\n%s", want, topDialogText(w))
}

// A pack no program opens names the file's full path and offers the folder;
// when the folder cannot be shown either, it says so and the path can still
// be copied.
func TestAPackNoViewerOpensSaysWhereItIsAndOffersTheFolder(t *testing.T) {
	u := newTestUI(t, filepath.Join(t.TempDir(), "notices.smsdb"))
	dismissDialogs(u.win)
	var mu sync.Mutex
	var asked []string
	e := u.env()
	e.openFile = func(path string) error {
		mu.Lock()
		defer mu.Unlock()
		asked = append(asked, path)
		return errors.New("xdg-open: no method available for opening")
	}
	path := filepath.Join(t.TempDir(), "Scope.pdf")
	pack, _ := reports.FindPack("scope")

	buildPack(e, pack, "Scope", reports.Options{Now: fixedNow()}, path)
	waitForDialog(t, u.win, "Open it now?")
	tapInTopDialog(t, u.win, "Yes")
	waitForDialog(t, u.win, "The file is saved here")
	if text := topDialogText(u.win); !strings.Contains(text, path) {
		t.Errorf("the notice does not name %s:\n%s", path, text)
	}

	tapInTopDialog(t, u.win, "Show folder")
	waitForDialog(t, u.win, "No file manager showed the folder either")
	if text := topDialogText(u.win); !strings.Contains(text, path) {
		t.Errorf("the path left the notice when the folder failed:\n%s", text)
	}
	mu.Lock()
	if got, want := strings.Join(asked, "\n"), path+"\n"+filepath.Dir(path); got != want {
		t.Errorf("opened:\n%s\nwant:\n%s", got, want)
	}
	mu.Unlock()

	tapInTopDialog(t, u.win, "Copy path")
	if got := fyne.CurrentApp().Clipboard().Content(); got != path {
		t.Errorf("clipboard = %q, want %q", got, path)
	}
}

// A pack that would print nothing says why before any save dialog opens:
// a workspace with no document, or none approved, has no manual, and one
// without an assessment no gap report.
func TestAnEmptyPackSaysSoAndNeverAsksWhereToSave(t *testing.T) {
	for _, tc := range []struct {
		name, pack, want string
		draft            bool // the workspace holds one document, not approved
	}{
		{"no documents", "manual", "There are no documents yet", false},
		{"nothing approved", "manual", "No document is approved yet", true},
		{"no assessment", "gap", "There is no gap assessment to report on yet", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			u, _ := newPlainUI(t)
			if tc.draft {
				if _, err := u.ws.CreateDocument(u.ctx(), data.Document{Number: "SMS-DOC-01", Title: "Scope"}, "# Scope\n\nText."); err != nil {
					t.Fatal(err)
				}
			}
			pack, _ := reports.FindPack(tc.pack)
			savePack(u.env(), pack, pack.Title, reports.Options{Now: fixedNow()})
			text := topDialogText(u.win)
			if !strings.Contains(text, tc.want) {
				t.Errorf("dialog says:\n%s\nwant %q", text, tc.want)
			}
			if strings.Contains(text, "Save the pack") {
				t.Error("the save dialog opened for an empty pack")
			}
		})
	}
}

// The system opener fails when the opener says it found no program, and
// counts one still running after its patience as opened.
func TestRunOpenerTellsAFailedOpenerFromOneThatStays(t *testing.T) {
	for _, tc := range []struct {
		name    string
		cmd     *exec.Cmd
		wantErr bool
	}{
		{"no program", exec.Command("sh", "-c", "exit 3"), true},
		{"opened", exec.Command("true"), false},
		{"viewer stays", exec.Command("sleep", "5"), false},
		{"no opener", exec.Command(filepath.Join(t.TempDir(), "xdg-open")), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := runOpener(tc.cmd, 300*time.Millisecond)
			if got := err != nil; got != tc.wantErr {
				t.Errorf("err = %v, want error %v", err, tc.wantErr)
			}
		})
	}
}
