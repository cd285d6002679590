package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// readableTheme is Fyne's theme with hint, placeholder and disabled text
// dark (or light) enough to read: Fyne's own greys fall far below the WCAG
// AA contrast of 4.5:1, and the app puts its tips and hints in them.
type readableTheme struct {
	fyne.Theme
}

// newReadableTheme wraps base, keeping everything but the secondary text colours.
func newReadableTheme(base fyne.Theme) fyne.Theme {
	return readableTheme{Theme: base}
}

// secondaryText are the colours that carry low-importance labels, hints,
// placeholders and the text of disabled widgets.
func secondaryText() []fyne.ThemeColorName {
	return []fyne.ThemeColorName{theme.ColorNameDisabled, theme.ColorNamePlaceHolder}
}

// readableGrey is, per variant, the lightest (or darkest) grey that still
// reaches 4.5:1 on every background secondary text sits on, so that it
// still reads as secondary beside the normal foreground.
func readableGrey(v fyne.ThemeVariant) color.Color {
	if v == theme.VariantLight {
		return color.NRGBA{R: 0x6b, G: 0x6b, B: 0x6b, A: 0xff}
	}
	return color.NRGBA{R: 0x9a, G: 0x9a, B: 0x9a, A: 0xff}
}

func (t readableTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	for _, s := range secondaryText() {
		if n == s {
			return readableGrey(v)
		}
	}
	return t.Theme.Color(n, v)
}
