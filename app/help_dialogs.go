package app

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"smsbuilder/assets"
)

// helpMenu offers the user guide, the keyboard shortcuts and About.
func (u *UI) helpMenu() *fyne.Menu {
	return fyne.NewMenu(lang.L("Help"),
		fyne.NewMenuItem(lang.L("User guide"), u.showGuide),
		fyne.NewMenuItem(lang.L("Keyboard shortcuts"), u.showShortcuts),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(lang.L("About SMS Builder"), u.showAbout),
	)
}

// helpDialogSize fits a 1024×700 window with room around it.
func helpDialogSize() fyne.Size { return fyne.NewSize(680, 520) }

func (u *UI) showGuide() {
	text := newMarkdownView(assets.Guide())
	d := dialog.NewCustom(lang.L("User guide"), lang.L("Close"), container.NewVScroll(text.box), u.win)
	d.Resize(helpDialogSize())
	d.Show()
}

// shortcutRow is one line of the keyboard-shortcut list.
type shortcutRow struct{ keys, does string }

// shortcutRows lists the shortcut of every menu item, as the menus show
// them, then the keys that work in every dialog, field and list.
func shortcutRows(menu *fyne.MainMenu) []shortcutRow {
	var rows []shortcutRow
	if menu != nil {
		for _, item := range menuShortcutItems(menu) {
			rows = append(rows, shortcutRow{shortcutText(item.Shortcut.(*desktop.CustomShortcut)), strings.TrimSuffix(item.Label, "…")})
		}
	}
	return append(rows,
		shortcutRow{lang.L("Escape"), lang.L("Close the dialog in front without saving")},
		shortcutRow{lang.L("Enter"), lang.L("Confirm the dialog in front; in a list, open the chosen row")},
		shortcutRow{lang.L("Tab, Shift+Tab"), lang.L("Next or previous field, also from a multi-line field")},
		shortcutRow{lang.L("Double-click"), lang.L("Open a row")},
		shortcutRow{lang.L("Right-click"), lang.L("Actions on a row")},
	)
}

// shortcutText spells a shortcut as the menus do: Ctrl+S, Shift+Ctrl+B.
func shortcutText(s *desktop.CustomShortcut) string {
	var parts []string
	for _, m := range []struct {
		mod  fyne.KeyModifier
		name string
	}{
		{fyne.KeyModifierShift, lang.L("Shift")},
		{fyne.KeyModifierControl, lang.L("Ctrl")},
		{fyne.KeyModifierAlt, lang.L("Alt")},
		{fyne.KeyModifierSuper, lang.L("Cmd")},
	} {
		if s.Modifier&m.mod != 0 {
			parts = append(parts, m.name)
		}
	}
	return strings.Join(append(parts, string(s.KeyName)), "+")
}

func (u *UI) showShortcuts() {
	grid := container.New(layout.NewFormLayout())
	for _, r := range shortcutRows(u.win.MainMenu()) {
		grid.Add(widget.NewLabelWithStyle(r.keys, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}))
		grid.Add(widget.NewLabel(r.does))
	}
	d := dialog.NewCustom(lang.L("Keyboard shortcuts"), lang.L("Close"), container.NewVScroll(grid), u.win)
	d.Resize(helpDialogSize())
	d.Show()
}

// aboutText names the build, its licences, and the workspace on show with
// its schema version.
func (u *UI) aboutText() string {
	version := lang.L("development build")
	if v, build := appVersion(u.deps.FyneApp); v != "" {
		version = fmt.Sprintf(lang.L("version %s (build %s)"), v, build)
	} else if meta := u.app.Metadata(); meta.Release {
		version = fmt.Sprintf(lang.L("version %s (build %s)"), meta.Version, strconv.Itoa(meta.Build))
	}
	lines := []string{
		lang.L("SMS Builder") + " " + version,
		lang.L("Builds and keeps a service management system to ISO/IEC 20000-1:2018, and prints its documentation."),
		"",
		lang.L("Printed packs use the DejaVu fonts, under the DejaVu fonts licence (free to use and share), shipped with the program. The screens use Fyne (BSD licence)."),
		"",
	}
	newest := 0
	if s, ok := u.deps.Store.(interface{ SchemaVersion() (int, error) }); ok {
		newest, _ = s.SchemaVersion()
	}
	if u.ws == nil {
		lines = append(lines, lang.L("No workspace open"))
	} else {
		lines = append(lines, lang.L("Workspace:")+" "+u.ws.Path())
		if w, ok := u.ws.(interface{ SchemaVersion() int }); ok {
			lines = append(lines, fmt.Sprintf(lang.L("Schema: version %d"), w.SchemaVersion()))
		}
	}
	if newest > 0 {
		lines = append(lines, fmt.Sprintf(lang.L("This program reads schemas up to version %d."), newest))
	}
	return strings.Join(lines, "\n")
}

func (u *UI) showAbout() {
	text := widget.NewLabel(u.aboutText())
	text.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(lang.L("About SMS Builder"), lang.L("Close"), text, u.win)
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
}

// appVersion reads Version and Build from the [Details] of FyneApp.toml;
// empty when toml names no version.
func appVersion(toml string) (version, build string) {
	section := ""
	for _, line := range strings.Split(toml, "\n") {
		line = strings.TrimSpace(line)
		if strings.HasPrefix(line, "[") {
			section = line
			continue
		}
		key, value, ok := strings.Cut(line, "=")
		if !ok || section != "[Details]" {
			continue
		}
		value = strings.Trim(strings.TrimSpace(value), `"`)
		switch strings.TrimSpace(key) {
		case "Version":
			version = value
		case "Build":
			build = value
		}
	}
	return version, build
}
