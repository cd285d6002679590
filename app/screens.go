package app

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"

	"smsbuilder/data"
)

// Screen ids, used by the navigation and by screens that send the user on.
const (
	screenDashboard    = "dashboard"
	screenRoadmap      = "roadmap"
	screenGap          = "gap"
	screenTasks        = "tasks"
	screenDocuments    = "documents"
	screenOrganisation = "organisation"
	screenPeople       = "people"
	screenPacks        = "packs"
)

// screen is one page of the content area.
type screen interface {
	content() fyne.CanvasObject
}

// keyedScreen is a screen whose keys belong to one widget: it gets the focus
// when the screen opens, so the navigation list a click has just focused
// does not swallow them.
type keyedScreen interface {
	keyTarget() fyne.Focusable
}

// unsavedScreen is a screen with a form whose changes leaving it would lose:
// another screen, another workspace, closing the window or quitting asks
// first (unsaved_guard.go).
type unsavedScreen interface {
	// unsaved says in a sentence what has changes not yet saved, or is ""
	// when what is on screen matches what is stored.
	unsaved() string
	// saveChanges stores them; when that fails the screen shows why and
	// the user stays on it.
	saveChanges() error
}

// screenDef is one entry of the navigation.
type screenDef struct {
	id    string
	title string
	icon  fyne.Resource
	build func(*env) screen
}

// screens is the navigation, in order. Only screens that work are listed.
func screens() []screenDef {
	defs := []screenDef{
		{screenDashboard, "Dashboard", theme.HomeIcon(), func(e *env) screen { return newDashboardScreen(e) }},
		{screenRoadmap, "Roadmap", theme.NavigateNextIcon(), func(e *env) screen { return newRoadmapScreen(e) }},
		{screenGap, "Gap assessment", theme.QuestionIcon(), func(e *env) screen { return newGapScreen(e) }},
		{screenTasks, "Tasks", theme.ListIcon(), func(e *env) screen { return newTasksScreen(e) }},
		{screenDocuments, "Documents", theme.DocumentIcon(), func(e *env) screen { return newDocumentsScreen(e) }},
	}
	defs = append(defs, registerScreenDefs()...) // register_screen.go
	return append(defs, []screenDef{
		{screenOrganisation, "Organisation", theme.InfoIcon(), func(e *env) screen { return newOrganisationScreen(e) }},
		{screenPeople, "People", theme.AccountIcon(), func(e *env) screen { return newPeopleScreen(e) }},
		{screenPacks, "Packs", theme.DocumentPrintIcon(), func(e *env) screen { return newPacksScreen(e) }},
	}...)
}

// env is what a screen may use: the open workspace, the content, the window
// for dialogs, and ways to tell the main window something changed.
type env struct {
	ws       data.Workspace
	cat      *data.Catalogue
	win      fyne.Window
	now      func() time.Time
	ctx      func() context.Context // names the person working
	changed  func()                 // the organisation's name or file may have changed
	goTo     func(id string)
	openFile func(path string) error
	showErr  func(error)
	onSave   func(func()) // what Ctrl+S does on this screen
	// onKeys receives typed runes and keys no field has taken, for fast
	// keyboard work on this screen.
	onKeys func(runes func(rune), keys func(fyne.KeyName))
	actor  func() string   // the person working
	dates  data.DateFormat // the workspace's format for dates shown
	// leave asks about s's unsaved changes before a choice on s that
	// replaces its form: then on Save or Discard, stay on Cancel.
	leave func(s unsavedScreen, then, stay func())
	// undoChanged says that Edit ▸ Undo may have something else to undo.
	undoChanged func()
}

func layoutSpacer() fyne.CanvasObject { return layout.NewSpacer() }
