package app

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"smsbuilder/data/sqlite"
)

// pressShortcut sends a shortcut as the driver does: to the focused widget
// when it takes shortcuts, else to the window.
func pressShortcut(c fyne.Canvas, s fyne.Shortcut) {
	if f, ok := c.Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(s)
		return
	}
	c.(fyne.Shortcutable).TypedShortcut(s)
}

// newWorkingUI is newTestUI past the start-up questions.
func newWorkingUI(t *testing.T, name string) *UI {
	t.Helper()
	u := newTestUI(t, filepath.Join(t.TempDir(), name))
	tapInTopDialog(t, u.win, "Start working")
	for i := 0; i < 3 && u.win.Canvas().Overlays().Top() != nil; i++ {
		tapInTopDialog(t, u.win, "Later", "OK")
	}
	return u
}

func ctrl(k fyne.KeyName) *desktop.CustomShortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
}

// openTaskForm opens the edit form of the first task on the Tasks screen.
func openTaskForm(t *testing.T, u *UI) (*tasksScreen, *textField) {
	t.Helper()
	u.show(screenTasks)
	s := u.screen.(*tasksScreen)
	s.table.Select(widget.TableCellID{Row: 0, Col: 0})
	s.onEdit()
	var title *textField
	walk(u.win.Canvas().Overlays().Top(), func(o fyne.CanvasObject) {
		if f, ok := o.(*textField); ok && title == nil {
			title = f
		}
	})
	if title == nil {
		t.Fatal("the task form shows no field")
	}
	return s, title
}

func TestEscapeInAFocusedFieldClosesTheFormDialog(t *testing.T) {
	u := newWorkingUI(t, "esc.smsdb")
	c := u.win.Canvas()
	_, title := openTaskForm(t, u)
	if c.Focused() != title {
		t.Fatalf("focus is on %T, want the title field", c.Focused())
	}
	pressKey(c, fyne.KeyEscape)
	if top := c.Overlays().Top(); top != nil {
		t.Fatalf("the untouched form is still open after Escape:\n%s", topDialogText(u.win))
	}
}

func TestCtrlSInAFocusedFieldSavesTheTaskForm(t *testing.T) {
	u := newWorkingUI(t, "save.smsdb")
	c := u.win.Canvas()
	s, title := openTaskForm(t, u)
	id := s.shown[0].ID
	title.SetText("Renamed with Ctrl+S")
	pressShortcut(c, ctrl(fyne.KeyS))
	if c.Overlays().Top() != nil {
		t.Fatal("the form dialog is still open after Ctrl+S")
	}
	tasks, err := u.Workspace().Tasks(u.ctx())
	if err != nil {
		t.Fatal(err)
	}
	for _, task := range tasks {
		if task.ID == id {
			if got, want := task.Title, "Renamed with Ctrl+S"; got != want {
				t.Errorf("stored title = %q, want %q", got, want)
			}
			return
		}
	}
	t.Fatal("the task is gone")
}

func TestCtrlSInAFocusedFieldSavesTheOrganisation(t *testing.T) {
	u := newWorkingUI(t, "org.smsdb")
	c := u.win.Canvas()
	u.show(screenOrganisation)
	s := u.screen.(*organisationScreen)
	c.Focus(s.scope)
	s.scope.SetText("Managed desktop support only.")
	pressShortcut(c, ctrl(fyne.KeyS))
	o, err := u.Workspace().Organisation(u.ctx())
	if err != nil {
		t.Fatal(err)
	}
	if got, want := o.ScopeStatement, "Managed desktop support only."; got != want {
		t.Errorf("stored scope = %q, want %q", got, want)
	}
}

func TestTabLeavesAMultiLineField(t *testing.T) {
	u := newWorkingUI(t, "tab.smsdb")
	c := u.win.Canvas()
	_, _ = openTaskForm(t, u)
	var desc *textField
	walk(c.Overlays().Top(), func(o fyne.CanvasObject) {
		if f, ok := o.(*textField); ok && f.MultiLine {
			desc = f
		}
	})
	if desc == nil {
		t.Fatal("the task form has no multi-line field")
	}
	if desc.AcceptsTab() {
		t.Error("the multi-line field takes Tab, so the driver would type it")
	}
	c.Focus(desc)
	before := desc.Text
	pressKey(c, fyne.KeyTab)
	if c.Focused() == desc {
		t.Error("focus stayed in the multi-line field after Tab")
	}
	if desc.Text != before {
		t.Errorf("Tab changed the text to %q", desc.Text)
	}
}

func TestEnterAndEscapeAnswerFyneDialogs(t *testing.T) {
	u := newWorkingUI(t, "enter.smsdb")
	c := u.win.Canvas()

	dialog.ShowInformation("Note", "Something to read.", u.win)
	pressKey(c, fyne.KeyReturn)
	if c.Overlays().Top() != nil {
		t.Error("Enter did not dismiss the information dialog")
	}

	for _, tc := range []struct {
		key  fyne.KeyName
		want string
	}{
		{fyne.KeyReturn, "yes"},
		{fyne.KeyEscape, "no"},
	} {
		got := "unanswered"
		dialog.ShowConfirm("Sure?", "Really?", func(yes bool) {
			got = map[bool]string{true: "yes", false: "no"}[yes]
		}, u.win)
		pressKey(c, tc.key)
		if got != tc.want || c.Overlays().Top() != nil {
			t.Errorf("%s on a confirm dialog answered %s (open: %v), want %s", tc.key, got, c.Overlays().Top() != nil, tc.want)
		}
	}
}

// rowPoint is a point inside row 0 of a table with a header row.
func rowPoint() *fyne.PointEvent {
	h := widget.NewLabel("Row").MinSize().Height
	return &fyne.PointEvent{Position: fyne.NewPos(20, h*1.5)}
}

func TestDoubleClickAndEnterOpenARow(t *testing.T) {
	u := newWorkingUI(t, "rows.smsdb")
	c := u.win.Canvas()
	u.show(screenTasks)
	s := u.screen.(*tasksScreen)
	s.table.DoubleTapped(rowPoint())
	if c.Overlays().Top() == nil {
		t.Fatal("double-click on a task opened nothing")
	}
	if s.selected != 0 {
		t.Errorf("selected row = %d, want 0, the row clicked", s.selected)
	}
	pressKey(c, fyne.KeyEscape)

	u.show(screenDocuments)
	d := u.screen.(*documentsScreen)
	c.Focus(d.table)
	pressKey(c, fyne.KeyReturn)
	if d.editor == nil {
		t.Error("Enter on the document list opened no document")
	}
}

func TestRightClickOnARowOffersOpenAndDelete(t *testing.T) {
	u := newWorkingUI(t, "menu.smsdb")
	c := u.win.Canvas()
	u.show(screenPeople)
	s := u.screen.(*peopleScreen)
	s.table.TappedSecondary(rowPoint())
	top := c.Overlays().Top()
	if top == nil {
		t.Fatal("right-click on a person showed no menu")
	}
	var items []string
	walk(top, func(o fyne.CanvasObject) {
		switch l := o.(type) {
		case *widget.Label:
			items = append(items, l.Text)
		case *canvas.Text:
			items = append(items, l.Text)
		}
	})
	if got, want := strings.Join(items, ", "), "Open, Delete…"; !strings.Contains(got, want) {
		t.Errorf("menu shows %q, want %q", got, want)
	}
}

func TestCtrlFFocusesTheSearchBoxAndCtrlZUndoesADelete(t *testing.T) {
	u := newWorkingUI(t, "find.smsdb")
	c := u.win.Canvas()
	u.show(screenTasks)
	s := u.screen.(*tasksScreen)
	pressShortcut(c, ctrl(fyne.KeyF))
	if c.Focused() != s.search {
		t.Errorf("focus after Ctrl+F is on %T, want the search box", c.Focused())
	}
	c.Unfocus()

	if !u.commands.undo.Disabled {
		t.Error("Edit ▸ Undo is enabled before anything was deleted")
	}
	before := len(s.tasks)
	s.table.Select(widget.TableCellID{Row: 0, Col: 0})
	s.onDelete()
	pressKey(c, fyne.KeyReturn) // Yes, delete
	if got, want := len(s.tasks), before-1; got != want {
		t.Fatalf("%d tasks after the delete, want %d", got, want)
	}
	if u.commands.undo.Disabled {
		t.Error("Edit ▸ Undo is disabled after a delete")
	}
	pressShortcut(c, &fyne.ShortcutUndo{})
	if got, want := len(s.tasks), before; got != want {
		t.Errorf("%d tasks after Ctrl+Z, want %d", got, want)
	}
	if !u.commands.undo.Disabled {
		t.Error("Edit ▸ Undo is still enabled with nothing left to undo")
	}
}

func TestTheShortcutListNamesEveryMenuShortcut(t *testing.T) {
	u := newWorkingUI(t, "keys.smsdb")
	rows := map[string]string{}
	for _, r := range shortcutRows(u.win.MainMenu()) {
		rows[r.keys] = r.does
	}
	var walkMenu func(m *fyne.Menu)
	count := 0
	walkMenu = func(m *fyne.Menu) {
		for _, item := range m.Items {
			if item.Shortcut != nil {
				count++
				keys := shortcutText(item.Shortcut.(*desktop.CustomShortcut))
				if got, want := rows[keys], strings.TrimSuffix(item.Label, "…"); got != want {
					t.Errorf("shortcut list says %s does %q, want %q", keys, got, want)
				}
			}
			if item.ChildMenu != nil {
				walkMenu(item.ChildMenu)
			}
		}
	}
	for _, m := range u.win.MainMenu().Items {
		walkMenu(m)
	}
	for _, keys := range []string{"Ctrl+S", "Ctrl+P", "Ctrl+Z", "Ctrl+F", "Ctrl+1"} {
		if _, ok := rows[keys]; !ok {
			t.Errorf("shortcut list lacks %s", keys)
		}
	}
	if count < 10 {
		t.Errorf("the menus have %d shortcuts, want at least 10", count)
	}
}

func TestThemeAndWindowSizeAreRemembered(t *testing.T) {
	u := newWorkingUI(t, "look.smsdb")
	var dark *fyne.MenuItem
	for _, m := range u.win.MainMenu().Items {
		for _, item := range m.Items {
			if item.ChildMenu != nil {
				for _, sub := range item.ChildMenu.Items {
					if sub.Label == "Dark" {
						dark = sub
					}
				}
			}
		}
	}
	if dark == nil {
		t.Fatal("no Dark theme in the menus")
	}
	dark.Action()
	if got := u.app.Preferences().String(prefTheme); got != themeDark {
		t.Errorf("theme preference = %q, want %q", got, themeDark)
	}
	if v, ok := u.app.Settings().Theme().(variantTheme); !ok || v.variant != theme.VariantDark {
		t.Errorf("theme in use is %T, want the dark variant", u.app.Settings().Theme())
	}

	u.win.Resize(fyne.NewSize(1024, 700))
	u.rememberWindow()
	if got, want := savedWindowSize(u.app.Preferences()), fyne.NewSize(1024, 700); got != want {
		t.Errorf("saved size = %v, want %v", got, want)
	}
	again := New(u.app, Deps{Store: sqlite.New(), Catalogue: testCatalogue(t), Now: fixedNow})
	if got, want := again.win.Canvas().Size(), fyne.NewSize(1024, 700); got != want {
		t.Errorf("a new window opens at %v, want %v", got, want)
	}
}

func TestAppVersionReadsTheDetailsOfFyneAppToml(t *testing.T) {
	for _, tc := range []struct {
		name, toml, version, build string
	}{
		{"details", "Website = \"x\"\n\n[Details]\nName = \"SMS Builder\"\nVersion = \"0.1.0\"\nBuild = 7\n", "0.1.0", "7"},
		{"other section", "[Other]\nVersion = \"9\"\n", "", ""},
		{"empty", "", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			v, b := appVersion(tc.toml)
			if v != tc.version || b != tc.build {
				t.Errorf("appVersion = %q, %q, want %q, %q", v, b, tc.version, tc.build)
			}
		})
	}
}

func TestAboutNamesTheVersionWorkspaceAndSchema(t *testing.T) {
	u := newWorkingUI(t, "about.smsdb")
	u.deps.FyneApp = "[Details]\nVersion = \"0.1.0\"\nBuild = 3\n"
	got := u.aboutText()
	for _, want := range []string{"version 0.1.0 (build 3)", u.Workspace().Path(), "Schema: version ", "licence"} {
		if !strings.Contains(got, want) {
			t.Errorf("About lacks %q:\n%s", want, got)
		}
	}
}

// Ctrl+1..9 do not switch the screen under a dialog that belongs to it.
func TestGoShortcutWaitsForTheDialogInFront(t *testing.T) {
	u := newWorkingUI(t, "goto.smsdb")
	u.show(screenPeople)
	u.screen.(*peopleScreen).onAdd()
	if u.win.Canvas().Overlays().Top() == nil {
		t.Fatal("the Add person dialog did not open")
	}
	pressShortcut(u.win.Canvas(), ctrl(fyne.Key1))
	if got, want := u.current, screenPeople; got != want {
		t.Errorf("Ctrl+1 under the person dialog showed %q, want %q", got, want)
	}
}
