// Package app is the Fyne GUI of SMS Builder: the main window, its navigation,
// one file per screen, the menus and the workspace dialogs. It never writes
// SQL: it talks to the domain through the services in package data.
package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"smsbuilder/assets"
	"smsbuilder/data"
)

// Deps are the services main wires into the GUI.
type Deps struct {
	Store     data.Store
	Catalogue *data.Catalogue
	// DefaultWorkspace is opened on first start, created with the demo
	// organisation when it does not exist yet.
	DefaultWorkspace string
	// Now is the clock; tests fix it.
	Now func() time.Time
	// Open opens a file or folder with the system's program, failing when
	// none did; nil asks the system (openWithSystem).
	Open func(path string) error
	// FyneApp is the text of FyneApp.toml, for the version About shows:
	// a plain go build leaves Fyne's metadata at its defaults.
	FyneApp string
}

// UI is the main window and the workspace it shows.
type UI struct {
	deps Deps
	app  fyne.App
	win  fyne.Window

	ws    data.Workspace // nil while no workspace is open
	actor string

	defs    []screenDef
	current string
	nav     *widget.List
	body    *fyne.Container
	orgName *widget.Label
	file    *widget.Label
	who     *widget.Button
	lock    lockNotice         // why the workspace is read-only, with Retry
	save    func()             // the current screen's save, for Ctrl+S
	screen  screen             // the screen on show
	runes   func(rune)         // the current screen's keyboard handlers
	keys    func(fyne.KeyName) // when no field has the focus

	integrity *integrityBanner // says when the check on opening found changes made outside
	commands  *commands        // the menu items that follow the screen on show (commands.go)
	asking    bool             // the unsaved-changes prompt is on show (unsaved_guard.go)
}

// New builds the main window of a; call Start to show it on a workspace.
func New(a fyne.App, deps Deps) *UI {
	if deps.Now == nil {
		deps.Now = time.Now
	}
	u := &UI{deps: deps, app: a, defs: screens(), current: screenDashboard}
	u.actor = a.Preferences().String(prefActor)
	a.Settings().SetTheme(newReadableTheme(theme.DefaultTheme())) // theme.go
	u.win = a.NewWindow(lang.L("SMS Builder"))
	u.win.SetIcon(a.Icon())
	u.win.Resize(savedWindowSize(a.Preferences())) // appearance.go
	u.applyTheme()
	u.win.SetMaster()
	u.win.SetOnClosed(func() {
		u.rememberWindow()
		u.closeWorkspace()
	})
	u.win.SetCloseIntercept(u.requestClose)
	u.build()
	return u
}

// requestClose closes the window once nothing unsaved would be lost.
func (u *UI) requestClose() { u.leaveWindow(u.win.Close) }

// Window is the main window.
func (u *UI) Window() fyne.Window { return u.win }

// Workspace is the open workspace, or nil.
func (u *UI) Workspace() data.Workspace { return u.ws }

func (u *UI) build() {
	u.orgName = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	u.file = widget.NewLabel("")
	u.file.Truncation = fyne.TextTruncateEllipsis
	u.who = widget.NewButtonWithIcon("", theme.AccountIcon(), u.askWhoIsWorking)
	header := container.NewBorder(nil, widget.NewSeparator(), u.orgName, u.who, u.file)

	u.nav = widget.NewList(
		func() int { return len(u.defs) },
		func() fyne.CanvasObject {
			return container.NewHBox(widget.NewIcon(theme.HomeIcon()), widget.NewLabel("Organisation profile"))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Icon).SetResource(u.defs[i].icon)
			box.Objects[1].(*widget.Label).SetText(lang.L(u.defs[i].title))
		})
	u.nav.OnSelected = func(i widget.ListItemID) {
		if u.defs[i].id != u.current {
			u.goTo(u.defs[i].id)
		}
	}

	u.body = container.NewStack()
	split := container.NewHSplit(u.nav, u.body)
	split.Offset = 0.2                         // wide enough for "Services and suppliers"
	u.integrity = newIntegrityBanner(u.Window) // integrity_dialog.go
	u.win.SetContent(container.NewBorder(container.NewVBox(header, u.buildLockNotice(), u.integrity.box), nil, nil, nil, split))
	u.installMenu()
	u.refreshHeader()
	// Keys no field took, and Escape from a field: the dialog in front
	// answers them (dialog_keys.go), else the screen.
	u.win.Canvas().SetOnTypedKey(func(e *fyne.KeyEvent) {
		c := u.win.Canvas()
		switch {
		case dialogKey(c, e.Name):
		case c.Focused() != nil: // Escape in a field leaves the field
			c.Unfocus()
		case u.keys != nil:
			u.keys(e.Name)
		}
	})
	u.win.Canvas().SetOnTypedRune(func(r rune) {
		if u.win.Canvas().Overlays().Top() == nil && u.runes != nil {
			u.runes(r)
		}
	})
}

// Start opens path, or the default workspace when path is empty, and asks
// who is working. A workspace that cannot be opened is explained and the
// window offers to create or open another.
func (u *UI) Start(path string) {
	if path == "" {
		path = u.lastWorkspace()
	}
	if path == "" {
		path = u.deps.DefaultWorkspace
		if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
			if err := u.createWorkspace(path, true); err != nil {
				u.showError(err)
			}
			u.askWhoIsWorking()
			return
		}
	}
	if err := u.openWorkspace(path); err != nil {
		u.showError(err)
		return
	}
	u.askWhoIsWorking()
}

// lastWorkspace is the most recently used workspace that still exists.
func (u *UI) lastWorkspace() string {
	for _, f := range recentFiles(u.app.Preferences()) {
		if _, err := os.Stat(f); err == nil {
			return f
		}
	}
	return ""
}

// ShowAndRun shows the window on path and runs the app until it quits.
// Quitting (from the menu, or on SIGTERM when the desktop session ends)
// closes no window, so the workspace is closed here: its lock goes with it.
func (u *UI) ShowAndRun(path string) {
	u.win.Show()
	u.Start(path)
	u.app.Run()
	u.rememberWindow()
	u.closeWorkspace()
}

// openWorkspace replaces the open workspace with the one at path. On failure
// the previous workspace stays open.
func (u *UI) openWorkspace(path string) error {
	ws, err := u.deps.Store.Open(u.ctx(), path)
	if err != nil {
		return err
	}
	u.setWorkspace(ws)
	if _, err := ws.DailyBackup(); err != nil {
		u.showError(err)
	}
	u.offerTakeOver()
	return nil
}

func (u *UI) createWorkspace(path string, demo bool) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("create workspace folder: %w", err)
	}
	// The file appears only once it is complete, demo and all.
	ws, err := u.deps.Store.CreateWith(u.ctx(), path, func(ws data.Workspace) error {
		if !demo {
			return nil
		}
		return data.SeedDemo(data.WithActor(context.Background(), "SMS Builder demo"), ws, u.deps.Catalogue, assets.DemoLogo(), u.deps.Now())
	})
	if err != nil {
		return err
	}
	u.setWorkspace(ws)
	return nil
}

func (u *UI) setWorkspace(ws data.Workspace) {
	u.closeWorkspace()
	u.ws = ws
	u.warnIfChanged(ws) // integrity_dialog.go
	addRecent(u.app.Preferences(), ws.Path())
	u.installMenu()
	u.refreshHeader()
	u.show(u.current)
}

func (u *UI) closeWorkspace() {
	if u.ws != nil {
		u.ws.Close()
		u.ws = nil
	}
}

// ctx is the context for a write: it names the person working for the audit trail.
func (u *UI) ctx() context.Context {
	return data.WithActor(context.Background(), u.actor)
}

func (u *UI) refreshHeader() {
	if u.ws == nil {
		u.orgName.SetText(lang.L("No workspace open"))
		u.file.SetText("")
		u.who.SetText(u.actorText())
		u.refreshLockNotice()
		return
	}
	name := lang.L("Unnamed organisation")
	if o, err := u.ws.Organisation(context.Background()); err == nil && o.Name() != "" {
		name = o.Name()
	}
	u.orgName.SetText(name)
	file := u.ws.Path()
	if u.ws.ReadOnly() {
		file += "  " + lang.L("(read-only)")
	}
	u.file.SetText(file)
	u.who.SetText(u.actorText())
	u.refreshLockNotice()
	u.win.SetTitle(name + " — " + lang.L("SMS Builder"))
}

func (u *UI) actorText() string {
	if u.actor == "" {
		return lang.L("Who is working?")
	}
	return u.actor
}

// show replaces the content area with the screen id, built afresh so that it
// reads the current workspace.
func (u *UI) show(id string) {
	u.current = id
	for i, d := range u.defs {
		if d.id == id {
			u.nav.Select(i)
		}
	}
	if u.ws == nil {
		u.body.Objects = []fyne.CanvasObject{u.noWorkspace()}
		u.body.Refresh()
		return
	}
	u.save, u.runes, u.keys = nil, nil, nil
	for _, d := range u.defs {
		if d.id == id {
			u.screen = d.build(u.env())
			u.body.Objects = []fyne.CanvasObject{u.screen.content()}
			u.body.Refresh()
			if k, ok := u.screen.(keyedScreen); ok {
				u.win.Canvas().Focus(k.keyTarget())
			} else if f := u.win.Canvas().Focused(); f != nil && f != fyne.Focusable(u.nav) {
				// The screen just left may hold the focus though it is no
				// longer shown: its keys would keep acting, so that N on the
				// People screen asked why a gap question does not apply.
				u.win.Canvas().Unfocus()
			}
			u.refreshCommands()
			return
		}
	}
}

func (u *UI) env() *env {
	return &env{
		ws: u.ws, cat: u.deps.Catalogue, win: u.win, now: u.deps.Now,
		ctx:         u.ctx,
		changed:     u.refreshHeader,
		goTo:        u.goTo,
		openFile:    u.openInViewer,
		showErr:     u.showError,
		onSave:      func(f func()) { u.save = f },
		onKeys:      func(r func(rune), k func(fyne.KeyName)) { u.runes, u.keys = r, k },
		actor:       func() string { return u.actor },
		undoChanged: u.refreshCommands,
		dates:       workspaceDates(u.ws),
		leave:       u.leaveForm,
	}
}

// noWorkspace is the empty state when no workspace could be opened.
func (u *UI) noWorkspace() fyne.CanvasObject {
	msg := widget.NewLabel(lang.L("SMS Builder keeps everything about one organisation's service management system in a workspace file. Create a new workspace or open an existing one."))
	msg.Wrapping = fyne.TextWrapWord
	return container.NewCenter(container.NewVBox(
		widget.NewLabelWithStyle(lang.L("No workspace open"), fyne.TextAlignCenter, fyne.TextStyle{Bold: true}),
		container.NewGridWrap(fyne.NewSize(480, 80), msg),
		container.NewHBox(layoutSpacer(),
			widget.NewButtonWithIcon(lang.L("New workspace…"), theme.DocumentCreateIcon(), u.onNewWorkspace),
			widget.NewButtonWithIcon(lang.L("Open…"), theme.FolderOpenIcon(), u.onOpenWorkspace),
			layoutSpacer()),
	))
}

func (u *UI) openInViewer(path string) error {
	if u.deps.Open != nil {
		return u.deps.Open(path)
	}
	return openWithSystem(u.app, path)
}

// showError tells the user what went wrong in plain words.
func (u *UI) showError(err error) {
	d := dialog.NewInformation(lang.L("SMS Builder"), data.ErrorMessage(err), u.win)
	d.Show()
}
