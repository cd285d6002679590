package app

import (
	"bytes"
	"context"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"smsbuilder/assets"
	"smsbuilder/data"
	"smsbuilder/data/sqlite"
	"smsbuilder/reports"
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

// demoFile is a demo workspace made once per test run; tests open copies
// of it, because seeding the whole demo takes about a second.
var demoFile struct {
	once sync.Once
	path string
	err  error
}

func demoCopy(t *testing.T, path string) {
	t.Helper()
	demoFile.once.Do(func() {
		dir, err := os.MkdirTemp("", "smsbuilder-demo-")
		if err != nil {
			demoFile.err = err
			return
		}
		demoFile.path = filepath.Join(dir, "demo.smsdb")
		cat, err := data.LoadCatalogue(assets.Content())
		if err != nil {
			demoFile.err = err
			return
		}
		ws, err := sqlite.New().Create(context.Background(), demoFile.path)
		if err != nil {
			demoFile.err = err
			return
		}
		defer ws.Close()
		demoFile.err = data.SeedDemo(context.Background(), ws, cat, nil, fixedNow())
	})
	if demoFile.err != nil {
		t.Fatalf("demo workspace: %v", demoFile.err)
	}
	b, err := os.ReadFile(demoFile.path)
	if err == nil {
		err = os.MkdirAll(filepath.Dir(path), 0o755)
	}
	if err == nil {
		err = os.WriteFile(path, b, 0o644)
	}
	if err != nil {
		t.Fatal(err)
	}
}

// newTestUI starts the window on a copy of the demo workspace at path.
func newTestUI(t *testing.T, path string) *UI {
	t.Helper()
	demoCopy(t, path)
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
	u := New(test.NewTempApp(t), Deps{Store: sqlite.New(), Catalogue: testCatalogue(t), DefaultWorkspace: path, Now: fixedNow})
	u.Start("")
	t.Cleanup(u.closeWorkspace)
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
	if _, err := u.Workspace().SavePerson(u.ctx(), f.value()); err == nil || !f.problems.show(err) {
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
	tapInTopDialog(t, w, "Yes", "OK")
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

// refusedFiles writes random bytes, a workspace cut in half, and a workspace
// whose header claims a newer schema (user_version at offset 60).
func refusedFiles(t *testing.T) map[string]string {
	t.Helper()
	dir := t.TempDir()
	full := filepath.Join(dir, "full.smsdb")
	ws, err := sqlite.New().Create(context.Background(), full)
	if err != nil {
		t.Fatal(err)
	}
	if err := data.SeedDemoOrganisation(context.Background(), ws, nil); err != nil {
		t.Fatal(err)
	}
	ws.Close()
	b, err := os.ReadFile(full)
	if err != nil {
		t.Fatal(err)
	}
	newer := append([]byte(nil), b...)
	binary.BigEndian.PutUint32(newer[60:64], 999)
	files := map[string][]byte{
		"random.smsdb":    bytes.Repeat([]byte("not a database "), 500),
		"truncated.smsdb": b[:len(b)/2],
		"newer.smsdb":     newer,
	}
	paths := map[string]string{}
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, content, 0o644); err != nil {
			t.Fatal(err)
		}
		paths[name] = p
	}
	return paths
}

func TestRefusedFilesAreExplainedAndLeftUntouched(t *testing.T) {
	want := map[string]string{
		"random.smsdb":    "not a SQLite database",
		"truncated.smsdb": "damaged or truncated",
		"newer.smsdb":     "newer version of SMS Builder",
	}
	for name, path := range refusedFiles(t) {
		t.Run(name, func(t *testing.T) {
			before, _ := os.ReadFile(path)
			a := test.NewTempApp(t)
			u := New(a, Deps{Store: sqlite.New(), Catalogue: testCatalogue(t), DefaultWorkspace: filepath.Join(t.TempDir(), "default.smsdb"), Now: fixedNow})
			u.Start(path)
			if u.Workspace() != nil {
				t.Fatal("the file was opened")
			}
			var texts []string
			walk(u.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
				if l, ok := o.(*widget.Label); ok {
					texts = append(texts, l.Text)
				}
			})
			if got := strings.Join(texts, " "); !strings.Contains(got, name) || !strings.Contains(got, want[name]) {
				t.Errorf("message %q does not name the file and %q", got, want[name])
			}
			if after, _ := os.ReadFile(path); !bytes.Equal(after, before) {
				t.Error("the refused file was changed")
			}
			if got, want := u.orgName.Text, "No workspace open"; got != want {
				t.Errorf("header = %q, want %q", got, want)
			}
		})
	}
}

func TestAReadOnlyWorkspaceSaysSoAndRefusesEdits(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ro.smsdb")
	ws, err := sqlite.New().Create(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	data.SeedDemoOrganisation(context.Background(), ws, nil)
	ws.Close()
	os.Chmod(path, 0o444)
	a := test.NewTempApp(t)
	u := New(a, Deps{Store: sqlite.New(), Catalogue: testCatalogue(t), Now: fixedNow})
	u.Start(path)
	t.Cleanup(u.closeWorkspace)
	if got := u.file.Text; !strings.Contains(got, "read-only") {
		t.Errorf("header file = %q, want it to say read-only", got)
	}
	u.show(screenOrganisation)
	s := u.screen.(*organisationScreen)
	if !s.save.Disabled() {
		t.Error("Save is enabled on a read-only workspace")
	}
	if got := s.status.Text; !strings.Contains(got, "read-only") {
		t.Errorf("status = %q, want it to explain read-only", got)
	}
}

func TestWritePackWritesAPDFAndLeavesNoTemporaryFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "pack.smsdb")
	u := newTestUI(t, path)
	out := filepath.Join(filepath.Dir(path), "scope.pdf")
	var calls int
	err := writePack(context.Background(), u.env(), "scope", reports.Options{Now: fixedNow()}, out, func(done, total int) { calls++ })
	if err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(out)
	if !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatal("no PDF written")
	}
	if calls == 0 {
		t.Error("no progress reported")
	}
	entries, _ := os.ReadDir(filepath.Dir(out))
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".pack-") {
			t.Errorf("temporary file %s left behind", e.Name())
		}
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	cancelled := filepath.Join(filepath.Dir(path), "cancelled.pdf")
	old := []byte("%PDF-1.4 an earlier pack")
	os.WriteFile(cancelled, old, 0o644)
	if err := writePack(ctx, u.env(), "scope", reports.Options{Now: fixedNow()}, cancelled, nil); err == nil {
		t.Fatal("a cancelled build reported success")
	}
	if b, _ := os.ReadFile(cancelled); !bytes.Equal(b, old) {
		t.Error("a cancelled build changed the earlier PDF")
	}

	// The pack is refused over the open workspace, which stays as it was.
	before, _ := os.ReadFile(path)
	err = writePack(context.Background(), u.env(), "scope", reports.Options{Now: fixedNow()}, path, nil)
	if msg := data.ErrorMessage(err); !strings.Contains(msg, "never writes over a workspace") {
		t.Errorf("writePack over the workspace = %q, want a refusal", msg)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, before) {
		t.Error("writePack changed the workspace")
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

func TestMain(m *testing.M) {
	code := m.Run()
	if demoFile.path != "" {
		os.RemoveAll(filepath.Dir(demoFile.path))
	}
	os.Exit(code)
}
