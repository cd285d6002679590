package app

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"smsbuilder/data"
	"smsbuilder/data/sqlite"
)

// tapButton taps the button labelled text inside o.
func tapButton(t *testing.T, o fyne.CanvasObject, text string) {
	t.Helper()
	var found *widget.Button
	walk(o, func(c fyne.CanvasObject) {
		if b, ok := c.(*widget.Button); ok && b.Text == text && b.Visible() {
			found = b
		}
	})
	if found == nil {
		t.Fatalf("no button %q", text)
	}
	test.Tap(found)
}

// A second window on a workspace another window has open says who has it,
// reads it, and takes it for writing on Retry once the first has closed.
func TestASecondWindowIsReadOnlyAndRetryTakesTheFileOnceFree(t *testing.T) {
	path := filepath.Join(t.TempDir(), "team.smsdb")
	demoCopy(t, path)
	store := sqlite.New()
	first, err := store.Open(data.WithActor(context.Background(), "Priya Raman"), path)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()

	a := test.NewTempApp(t)
	a.Preferences().SetString(prefActor, "Bob Lee")
	u := New(a, Deps{Store: store, Catalogue: testCatalogue(t), Now: fixedNow})
	u.Start(path)
	t.Cleanup(u.closeWorkspace)
	dismissDialogs(u.win)

	if !u.Workspace().ReadOnly() {
		t.Fatal("the second window may write")
	}
	if !u.lock.bar.Visible() {
		t.Fatal("the header shows no read-only notice")
	}
	if got, want := u.lock.text.Text, "Open in SMS Builder by Priya Raman on "; !strings.HasPrefix(got, want) || !strings.HasSuffix(got, ": opened read-only.") {
		t.Errorf("notice = %q, want it to start %q and say opened read-only", got, want)
	}
	if !u.lock.retry.Visible() || u.lock.takeOver.Visible() {
		t.Errorf("Retry shown %v, Take over shown %v; want Retry only (the holder runs on this computer)", u.lock.retry.Visible(), u.lock.takeOver.Visible())
	}
	u.show(screenOrganisation)
	if s := u.screen.(*organisationScreen); !s.save.Disabled() {
		t.Error("Save is enabled in the read-only window")
	}

	tapButton(t, u.lock.bar, "Retry")
	if !u.Workspace().ReadOnly() {
		t.Fatal("Retry took the file while the first window still has it")
	}
	dismissDialogs(u.win)

	first.Close()
	tapButton(t, u.lock.bar, "Retry")
	if u.Workspace().ReadOnly() {
		t.Fatal("after the first window closed, Retry left the file read-only")
	}
	if u.lock.bar.Visible() {
		t.Error("the read-only notice stays after Retry took the file")
	}
	if h, err := store.Check(context.Background(), path); err != nil || h.Lock == nil || h.Lock.Person != "Bob Lee" {
		t.Errorf("lock after Retry = %+v, %v; want Bob Lee", h.Lock, err)
	}
}

// A lock from another computer is offered for taking over, with a warning
// that names the holder and how long ago they opened it.
func TestALockFromAnotherComputerIsOfferedWithAWarning(t *testing.T) {
	path := filepath.Join(t.TempDir(), "share.smsdb")
	demoCopy(t, path)
	b, _ := json.Marshal(map[string]any{"app": "SMS Builder", "person": "Priya Raman", "host": "LAPTOP-3", "pid": 4242,
		"since": fixedNow().Add(-3 * time.Hour)})
	lock := filepath.Join(filepath.Dir(path), ".~lock.share.smsdb#")
	if err := os.WriteFile(lock, b, 0o644); err != nil {
		t.Fatal(err)
	}
	a := test.NewTempApp(t)
	a.Preferences().SetString(prefActor, "Bob Lee")
	u := New(a, Deps{Store: sqlite.New(), Catalogue: testCatalogue(t), Now: fixedNow})
	if err := u.openWorkspace(path); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(u.closeWorkspace)
	if !u.Workspace().ReadOnly() || !u.lock.takeOver.Visible() {
		t.Fatalf("read-only %v, Take over shown %v; want both", u.Workspace().ReadOnly(), u.lock.takeOver.Visible())
	}
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no take-over question on opening")
	}
	var said string
	walk(top, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			said += l.Text
		}
	})
	if want := "Priya Raman on LAPTOP-3 has had this workspace open for 3 hours (since 07:30)"; !strings.Contains(said, want) {
		t.Errorf("the question says %q, want %q", said, want)
	}
	tapButton(t, top, "Keep read-only")
	if !u.Workspace().ReadOnly() {
		t.Fatal("Keep read-only took the file")
	}

	tapButton(t, u.lock.bar, "Take over…")
	tapButton(t, u.win.Canvas().Overlays().Top(), "Take over")
	if u.Workspace().ReadOnly() || u.lock.bar.Visible() {
		t.Fatalf("after Take over: read-only %v, notice shown %v", u.Workspace().ReadOnly(), u.lock.bar.Visible())
	}
	var info map[string]any
	if b, err := os.ReadFile(lock); err != nil || json.Unmarshal(b, &info) != nil || info["person"] != "Bob Lee" {
		t.Errorf("lock after take-over = %s (%v), want Bob Lee's", b, err)
	}
}

// The lock names the person the window says is working.
func TestChangingWhoIsWorkingRenamesTheLock(t *testing.T) {
	path := filepath.Join(t.TempDir(), "who.smsdb")
	u := newTestUI(t, path)
	who := ""
	walk(u.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if e, ok := o.(*widget.SelectEntry); ok {
			e.SetText("Daniel Okafor")
			who = e.Text
		}
	})
	if who == "" {
		t.Fatal("no Who is working dialog")
	}
	tapButton(t, u.win.Canvas().Overlays().Top(), "Start working")
	r, err := sqlite.New().Check(context.Background(), path)
	if err != nil || r.Lock == nil || r.Lock.Person != "Daniel Okafor" {
		t.Errorf("lock = %+v, %v; want Daniel Okafor", r.Lock, err)
	}
}
