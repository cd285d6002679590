package app

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"smsbuilder/assets"
	"smsbuilder/data"
	"smsbuilder/data/sqlite"
)

var fixedNow = func() time.Time { return time.Date(2026, 11, 25, 10, 30, 0, 0, time.UTC) }

func testCatalogue(t *testing.T) *data.Catalogue {
	t.Helper()
	cat, err := data.LoadCatalogue(assets.Content())
	if err != nil {
		t.Fatalf("load catalogue: %v", err)
	}
	return cat
}

// newTestUI starts the window on a workspace at path (created with the demo
// organisation when demo is true and the file is missing).
func newTestUI(t *testing.T, path string) *UI {
	t.Helper()
	a := test.NewTempApp(t)
	a.Preferences().SetString(prefActor, "Test Person")
	u := New(a, Deps{Store: sqlite.New(), Catalogue: testCatalogue(t), DefaultWorkspace: path, Now: fixedNow})
	u.Start("")
	t.Cleanup(u.closeWorkspace)
	return u
}

func reopen(t *testing.T, path string) data.Workspace {
	t.Helper()
	ws, err := sqlite.New().Open(context.Background(), path)
	if err != nil {
		t.Fatalf("reopen %s: %v", path, err)
	}
	t.Cleanup(func() { ws.Close() })
	return ws
}

func TestFirstStartCreatesTheDemoWorkspace(t *testing.T) {
	path := filepath.Join(t.TempDir(), "first", "demo.smsdb")
	u := newTestUI(t, path)
	if u.Workspace() == nil {
		t.Fatal("no workspace open after first start")
	}
	if got, want := u.orgName.Text, "Northwind"; got != want {
		t.Errorf("header shows %q, want %q", got, want)
	}
	if got := u.file.Text; !strings.Contains(got, "demo.smsdb") {
		t.Errorf("header file %q does not name the workspace", got)
	}
	if _, ok := u.screen.(*dashboardScreen); !ok {
		t.Errorf("first screen is %T, want the dashboard", u.screen)
	}
}

func TestOrganisationFormSavesAndTheValueSurvivesReopening(t *testing.T) {
	path := filepath.Join(t.TempDir(), "org.smsdb")
	u := newTestUI(t, path)
	u.show(screenOrganisation)
	s := u.screen.(*organisationScreen)

	s.legalName.SetText("")
	test.Type(s.legalName, "Contoso Service Desk Ltd")
	s.services.SetText("Managed Printing\nHelp Desk")
	test.Tap(s.save)

	if got, want := u.orgName.Text, "Northwind"; got != want {
		t.Errorf("header shows %q after save, want the short name %q", got, want)
	}
	u.closeWorkspace()
	o, err := reopen(t, path).Organisation(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if got, want := o.LegalName, "Contoso Service Desk Ltd"; got != want {
		t.Errorf("legal name after reopen = %q, want %q", got, want)
	}
	if got, want := strings.Join(o.Services, "|"), "Managed Printing|Help Desk"; got != want {
		t.Errorf("services after reopen = %q, want %q", got, want)
	}
}

func TestOrganisationFormRefusesAnEmptyLegalNameAndKeepsTheStoredValue(t *testing.T) {
	path := filepath.Join(t.TempDir(), "org.smsdb")
	u := newTestUI(t, path)
	u.show(screenOrganisation)
	s := u.screen.(*organisationScreen)

	s.legalName.SetText("   ")
	test.Tap(s.save)

	problem := s.problems["LegalName"]
	if !problem.Visible() || !strings.Contains(problem.Text, "required") {
		t.Errorf("legal name problem = %q (visible %v), want a 'required' message", problem.Text, problem.Visible())
	}
	o, err := u.Workspace().Organisation(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if got, want := o.LegalName, "Northwind Managed IT Ltd"; got != want {
		t.Errorf("stored legal name = %q, want it unchanged %q", got, want)
	}
}

func TestCtrlSSavesTheOrganisationForm(t *testing.T) {
	path := filepath.Join(t.TempDir(), "org.smsdb")
	u := newTestUI(t, path)
	u.show(screenOrganisation)
	s := u.screen.(*organisationScreen)
	s.shortName.SetText("NW")
	u.save()
	o, _ := u.Workspace().Organisation(context.Background())
	if got, want := o.ShortName, "NW"; got != want {
		t.Errorf("short name after Ctrl+S = %q, want %q", got, want)
	}
}

func TestPeopleAddValidatesDeleteAndUndo(t *testing.T) {
	path := filepath.Join(t.TempDir(), "people.smsdb")
	u := newTestUI(t, path)
	u.show(screenPeople)
	s := u.screen.(*peopleScreen)
	before := len(s.people)

	f := newPersonForm(data.Person{})
	f.content()
	f.name.SetText("Grace Hopper")
	f.email.SetText("not an address")
	if _, err := u.Workspace().SavePerson(u.ctx(), f.value()); err == nil || !f.showProblems(err) {
		t.Fatalf("a bad e-mail was not refused with a field message: %v", err)
	}
	if got := f.problems["Email"].Text; !strings.Contains(got, "name@example.com") {
		t.Errorf("e-mail problem = %q", got)
	}
	f.email.SetText("grace@example.com")
	f.auditor.SetChecked(true)
	if _, err := u.Workspace().SavePerson(u.ctx(), f.value()); err != nil {
		t.Fatalf("save: %v", err)
	}
	s.load()
	if got, want := len(s.people), before+1; got != want {
		t.Fatalf("people = %d, want %d", got, want)
	}

	s.search.SetText("grace")
	if got, want := len(s.shown), 1; got != want {
		t.Fatalf("search 'grace' shows %d rows, want %d", got, want)
	}
	s.table.Select(widget.TableCellID{Row: 0, Col: 0})
	s.onDelete()
	confirmTopDialog(t, u.win)
	s.search.SetText("")
	if got, want := len(s.people), before; got != want {
		t.Fatalf("after delete people = %d, want %d", got, want)
	}
	if !s.undo.Visible() {
		t.Fatal("no undo offered after delete")
	}
	test.Tap(s.undo)
	if got, want := len(s.people), before+1; got != want {
		t.Errorf("after undo people = %d, want %d", got, want)
	}
}

// confirmTopDialog taps the confirming button of the dialog on top.
func confirmTopDialog(t *testing.T, w fyne.Window) {
	t.Helper()
	overlay := w.Canvas().Overlays().Top()
	if overlay == nil {
		t.Fatal("no dialog shown")
	}
	var yes *widget.Button
	walk(overlay, func(o fyne.CanvasObject) {
		if b, ok := o.(*widget.Button); ok && (b.Text == "Yes" || b.Text == "OK") {
			yes = b
		}
	})
	if yes == nil {
		t.Fatal("dialog has no Yes button")
	}
	test.Tap(yes)
}

func walk(o fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	visit(o)
	switch c := o.(type) {
	case *fyne.Container:
		for _, child := range c.Objects {
			walk(child, visit)
		}
	case fyne.Widget:
		r := test.WidgetRenderer(c)
		for _, child := range r.Objects() {
			walk(child, visit)
		}
	}
}

func TestARefusedFileIsExplainedAndLeftUntouched(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "random.smsdb")
	junk := bytes.Repeat([]byte("not a database "), 500)
	if err := os.WriteFile(path, junk, 0o644); err != nil {
		t.Fatal(err)
	}
	a := test.NewTempApp(t)
	u := New(a, Deps{Store: sqlite.New(), Catalogue: testCatalogue(t), DefaultWorkspace: filepath.Join(dir, "default.smsdb"), Now: fixedNow})
	u.Start(path)
	if u.Workspace() != nil {
		t.Fatal("a random file was opened")
	}
	var texts []string
	walk(u.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			texts = append(texts, l.Text)
		}
	})
	if got := strings.Join(texts, " "); !strings.Contains(got, "random.smsdb") || !strings.Contains(got, "not") {
		t.Errorf("message %q does not name the file and the problem", got)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(after, junk) {
		t.Error("the refused file was changed")
	}
	if got, want := u.orgName.Text, "No workspace open"; got != want {
		t.Errorf("header = %q, want %q", got, want)
	}
}

func TestNewFilePath(t *testing.T) {
	dir := t.TempDir()
	existing := filepath.Join(dir, "taken.smsdb")
	os.WriteFile(existing, []byte("x"), 0o644)
	tests := []struct {
		folder, name string
		want         string // path, or the start of the message
		wantErr      bool
	}{
		{dir, "Acme", filepath.Join(dir, "Acme.smsdb"), false},
		{dir, "Acme.smsdb", filepath.Join(dir, "Acme.smsdb"), false},
		{dir, "  ", "Enter a file name.", true},
		{dir, "a/b", "The file name cannot contain", true},
		{filepath.Join(dir, "missing"), "Acme", "The folder", true},
		{dir, "taken", "taken.smsdb already exists", true},
	}
	for _, tt := range tests {
		got, err := newFilePath(tt.folder, tt.name)
		if tt.wantErr {
			if err == nil || !strings.HasPrefix(data.ErrorMessage(err), tt.want) {
				t.Errorf("newFilePath(%q, %q) error = %v, want %q", tt.folder, tt.name, err, tt.want)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("newFilePath(%q, %q) = %q, %v, want %q", tt.folder, tt.name, got, err, tt.want)
		}
	}
}

func TestRecentFilesKeepsNewestFirstOnce(t *testing.T) {
	a := test.NewTempApp(t)
	p := a.Preferences()
	for _, f := range []string{"a", "b", "a", "c"} {
		addRecent(p, f)
	}
	if got, want := strings.Join(recentFiles(p), ","), "c,a,b"; got != want {
		t.Errorf("recent = %q, want %q", got, want)
	}
	removeRecent(p, "a")
	if got, want := strings.Join(recentFiles(p), ","), "c,b"; got != want {
		t.Errorf("after remove recent = %q, want %q", got, want)
	}
}
