package app

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
)

func shortcut(key fyne.KeyName, mod fyne.KeyModifier) *desktop.CustomShortcut {
	return &desktop.CustomShortcut{KeyName: key, Modifier: mod}
}

// installMenu sets the main menu and the window's keyboard shortcuts. It runs
// again whenever the recent-files list or the open workspace changes.
func (u *UI) installMenu() {
	cmd := fyne.KeyModifierShortcutDefault
	// What opens another workspace or quits first asks about unsaved changes.
	guard := func(f func()) func() { return func() { u.leaveWindow(f) } }
	newItem := fyne.NewMenuItem(lang.L("New workspace…"), guard(u.onNewWorkspace))
	newItem.Shortcut = shortcut(fyne.KeyN, cmd)
	openItem := fyne.NewMenuItem(lang.L("Open…"), guard(u.onOpenWorkspace))
	openItem.Shortcut = shortcut(fyne.KeyO, cmd)
	recent := fyne.NewMenuItem(lang.L("Open recent"), nil)
	recent.ChildMenu = u.recentMenu()
	recent.Disabled = len(recent.ChildMenu.Items) == 0
	backup := fyne.NewMenuItem(lang.L("Save a backup copy…"), u.onBackup)
	backup.Shortcut = shortcut(fyne.KeyB, cmd|fyne.KeyModifierShift)
	backup.Disabled = u.ws == nil
	restore := fyne.NewMenuItem(lang.L("Restore from a backup…"), guard(u.onRestore))
	restore.Disabled = u.ws == nil
	exportArchive := fyne.NewMenuItem(lang.L("Export archive…"), u.onExportArchive)
	exportArchive.Disabled = u.ws == nil
	restoreArchive := fyne.NewMenuItem(lang.L("Restore archive…"), guard(u.onRestoreArchive))
	who := fyne.NewMenuItem(lang.L("Who is working…"), u.askWhoIsWorking)
	quit := fyne.NewMenuItem(lang.L("Quit"), guard(u.app.Quit))
	quit.IsQuit = true
	quit.Shortcut = shortcut(fyne.KeyQ, cmd)

	goMenu := fyne.NewMenu(lang.L("Go"))
	keys := []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5, fyne.Key6, fyne.Key7, fyne.Key8, fyne.Key9}
	for i, d := range u.defs {
		id := d.id
		item := fyne.NewMenuItem(lang.L(d.title), func() {
			// A dialog in front belongs to this screen: switching under it
			// would leave the dialog over another screen.
			if u.win.Canvas().Overlays().Top() == nil {
				u.goTo(id)
			}
		})
		if i < len(keys) {
			item.Shortcut = shortcut(keys[i], cmd)
		}
		goMenu.Items = append(goMenu.Items, item)
	}

	u.commands = u.newCommands() // commands.go: Save, Print, Undo, Find
	menu := fyne.NewMainMenu(
		fyne.NewMenu(lang.L("File"), newItem, openItem, recent, fyne.NewMenuItemSeparator(), u.commands.save, u.commands.print, fyne.NewMenuItemSeparator(), backup, restore, exportArchive, restoreArchive, fyne.NewMenuItemSeparator(), who, fyne.NewMenuItemSeparator(), quit),
		u.commands.editMenu(),
		u.viewMenu(), // appearance.go
		goMenu,
		u.helpMenu(), // help_dialogs.go
	)
	u.win.SetMainMenu(menu)
	u.refreshCommands()

	// Menu shortcuts are drawn in the menu; the canvas makes them work
	// where the driver does not, and while a field has the focus (entry.go).
	c := u.win.Canvas()
	for _, item := range menuShortcutItems(menu) {
		sc := item.Shortcut.(*desktop.CustomShortcut)
		c.RemoveShortcut(sc)
		c.AddShortcut(sc, func(fyne.Shortcut) {
			if !item.Disabled && item.Action != nil {
				item.Action()
			}
		})
	}
	u.commands.addStandardShortcuts(c)
}

// menuShortcutItems is every item of menu, submenus included, that has a
// shortcut; the keyboard-shortcut list is made from it too.
func menuShortcutItems(menu *fyne.MainMenu) []*fyne.MenuItem {
	var items []*fyne.MenuItem
	var walk func(m *fyne.Menu)
	walk = func(m *fyne.Menu) {
		for _, item := range m.Items {
			if _, ok := item.Shortcut.(*desktop.CustomShortcut); ok {
				items = append(items, item)
			}
			if item.ChildMenu != nil {
				walk(item.ChildMenu)
			}
		}
	}
	for _, m := range menu.Items {
		walk(m)
	}
	return items
}

func (u *UI) recentMenu() *fyne.Menu {
	m := fyne.NewMenu("")
	for _, f := range recentFiles(u.app.Preferences()) {
		path := f
		m.Items = append(m.Items, fyne.NewMenuItem(filepath.Base(path)+"  —  "+filepath.Dir(path), func() { u.leaveWindow(func() { u.onOpenRecent(path) }) }))
	}
	return m
}
