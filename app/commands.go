package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"smsbuilder/data"
	"smsbuilder/reports"
)

// What a screen offers to the commands that act on whatever is on show.
type (
	// searchScreen has a search or filter box for Edit ▸ Find (Ctrl+F).
	searchScreen interface{ searchBox() fyne.Focusable }
	// printScreen prints what it shows as a pack for File ▸ Print (Ctrl+P).
	printScreen interface{ print() }
	// undoScreen can undo its last delete for Edit ▸ Undo (Ctrl+Z).
	undoScreen interface{ undoable() *undoableDelete }
)

// commands are the menu items whose meaning follows the screen on show, or
// the dialog in front of it.
type commands struct {
	u                       *UI
	save, print, undo, find *fyne.MenuItem
}

func (u *UI) newCommands() *commands {
	cmd := fyne.KeyModifierShortcutDefault
	c := &commands{u: u}
	c.save = fyne.NewMenuItem(lang.L("Save"), u.onSaveCommand)
	c.save.Shortcut = shortcut(fyne.KeyS, cmd)
	c.print = fyne.NewMenuItem(lang.L("Print what is on screen…"), u.onPrint)
	c.print.Shortcut = shortcut(fyne.KeyP, cmd)
	c.undo = fyne.NewMenuItem(lang.L("Undo delete"), u.onUndo)
	c.undo.Shortcut = shortcut(fyne.KeyZ, cmd)
	c.find = fyne.NewMenuItem(lang.L("Find"), u.onFind)
	c.find.Shortcut = shortcut(fyne.KeyF, cmd)
	return c
}

func (c *commands) editMenu() *fyne.Menu {
	return fyne.NewMenu(lang.L("Edit"), c.undo, fyne.NewMenuItemSeparator(), c.find)
}

// addStandardShortcuts makes Ctrl+Z undo a delete when no field has the
// focus: the driver sends Ctrl+Z as the standard Undo shortcut, which a
// focused field keeps for undoing its typing.
func (c *commands) addStandardShortcuts(canvas fyne.Canvas) {
	undo := &fyne.ShortcutUndo{}
	canvas.RemoveShortcut(undo)
	canvas.AddShortcut(undo, func(fyne.Shortcut) { c.u.onUndo() })
}

// refreshCommands greys out what the screen on show does not offer.
func (u *UI) refreshCommands() {
	c := u.commands
	if c == nil {
		return
	}
	_, canPrint := u.screen.(printScreen)
	_, canFind := u.screen.(searchScreen)
	c.print.Disabled = u.ws == nil || !canPrint
	c.find.Disabled = u.ws == nil || !canFind
	c.undo.Disabled = u.undoable() == nil
	if m := u.win.MainMenu(); m != nil {
		m.Refresh()
	}
}

// undoable is the delete the screen on show can undo, or nil.
func (u *UI) undoable() *undoableDelete {
	if s, ok := u.screen.(undoScreen); ok && u.ws != nil {
		if d := s.undoable(); d != nil && d.canUndo() {
			return d
		}
	}
	return nil
}

// onSaveCommand saves the form dialog in front, or else the screen's form.
func (u *UI) onSaveCommand() {
	if top := u.win.Canvas().Overlays().Top(); top != nil {
		if save := dialogSaveOf(top); save != nil {
			save()
		}
		return
	}
	if u.save != nil {
		u.save()
	}
}

func (u *UI) onUndo() {
	if u.win.Canvas().Overlays().Top() != nil {
		return
	}
	if d := u.undoable(); d != nil {
		d.onUndo()
	}
}

func (u *UI) onFind() {
	if u.win.Canvas().Overlays().Top() != nil || u.ws == nil {
		return
	}
	if s, ok := u.screen.(searchScreen); ok {
		if box := s.searchBox(); box != nil {
			if o, ok := box.(fyne.CanvasObject); !ok || o.Visible() {
				u.win.Canvas().Focus(box)
			}
		}
	}
}

func (u *UI) onPrint() {
	if u.win.Canvas().Overlays().Top() != nil || u.ws == nil {
		return
	}
	if s, ok := u.screen.(printScreen); ok {
		s.print()
	}
}

// printPack prints the pack id as the Packs screen would with its usual
// choices: the organisation's paper, no DRAFT stamp on every page.
func printPack(e *env, id, title string, opts reports.Options) {
	p, ok := reports.FindPack(id)
	if !ok {
		return
	}
	if title == "" {
		title = p.Title
	}
	opts.Now = e.now()
	if o, err := e.ws.Organisation(e.ctx()); err == nil && opts.Paper == "" {
		opts.Paper = o.PaperSize
	}
	if opts.Paper == "" {
		opts.Paper = data.PaperSizes()[0]
	}
	savePack(e, p, title, opts)
}
