package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
)

// The window's size and the chosen theme belong to the person at this
// computer, so they are kept in Fyne's preferences and come back on the next
// start. Fyne has no way to read or set where a window sits on the screen,
// so its position is left to the desktop.
const (
	prefTheme        = "theme" // themeSystem, themeLight or themeDark
	prefWindowWidth  = "window-width"
	prefWindowHeight = "window-height"

	themeSystem = "system"
	themeLight  = "light"
	themeDark   = "dark"
)

// defaultWindowSize is the main window's size on first start. Fyne cannot
// ask how big the screen is, so it is a size that fits the smallest screen
// the app supports, 1024×700, with the window's title bar and a panel.
func defaultWindowSize() fyne.Size { return fyne.NewSize(1000, 640) }

// savedWindowSize is the size the window had when it was last closed.
func savedWindowSize(p fyne.Preferences) fyne.Size {
	w, h := p.Float(prefWindowWidth), p.Float(prefWindowHeight)
	if w < 400 || h < 300 { // never saved, or too small to work in
		return defaultWindowSize()
	}
	return fyne.NewSize(float32(w), float32(h))
}

// rememberWindow keeps the window's size for the next start.
func (u *UI) rememberWindow() {
	s := u.win.Canvas().Size()
	if s.Width < 400 || s.Height < 300 {
		return
	}
	p := u.app.Preferences()
	p.SetFloat(prefWindowWidth, float64(s.Width))
	p.SetFloat(prefWindowHeight, float64(s.Height))
}

// variantTheme is a theme shown in one variant whatever the desktop asks.
type variantTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

func (t variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.variant)
}

// applyTheme shows the theme chosen in the preferences: the desktop's
// light or dark, or one of them always.
func (u *UI) applyTheme() {
	s := u.app.Settings()
	base := s.Theme()
	if v, ok := base.(variantTheme); ok {
		base = v.Theme
	}
	if base == nil {
		base = theme.DefaultTheme()
	}
	switch u.app.Preferences().StringWithFallback(prefTheme, themeSystem) {
	case themeLight:
		s.SetTheme(variantTheme{base, theme.VariantLight})
	case themeDark:
		s.SetTheme(variantTheme{base, theme.VariantDark})
	default:
		s.SetTheme(base)
	}
}

// viewMenu chooses the theme.
func (u *UI) viewMenu() *fyne.Menu {
	chosen := u.app.Preferences().StringWithFallback(prefTheme, themeSystem)
	themes := fyne.NewMenu("")
	for _, t := range []struct{ id, label string }{
		{themeSystem, lang.L("As the system")},
		{themeLight, lang.L("Light")},
		{themeDark, lang.L("Dark")},
	} {
		id := t.id
		item := fyne.NewMenuItem(t.label, func() {
			u.app.Preferences().SetString(prefTheme, id)
			u.applyTheme()
			u.installMenu() // moves the tick
			if u.save == nil && u.ws != nil {
				// Charts take their colours when built; a screen without
				// a form to lose is built again in the new ones.
				u.show(u.current)
			}
		})
		item.Checked = id == chosen
		themes.Items = append(themes.Items, item)
	}
	item := fyne.NewMenuItem(lang.L("Theme"), nil)
	item.ChildMenu = themes
	return fyne.NewMenu(lang.L("View"), item)
}
