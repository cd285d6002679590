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

// readableBorder is, per variant, a grey that outlines an unticked box, an
// unselected radio button and a field at WCAG's 3:1 for controls: Fyne's
// own borders (about 1.3:1) left "Unanswered only" and "Mine" looking
// disabled or absent.
func readableBorder(v fyne.ThemeVariant) color.Color {
	if v == theme.VariantLight {
		return color.NRGBA{R: 0x8a, G: 0x8a, B: 0x8a, A: 0xff}
	}
	return color.NRGBA{R: 0x70, G: 0x70, B: 0x70, A: 0xff}
}

// Buttons: Fyne fills a disabled button as it fills an enabled one, so
// with the readable grey for its text (needed by disabled fields and tips,
// which share the colour) an Edit… with nothing selected looked as ready
// as any other. A disabled button is drawn flat instead, without a body,
// and an enabled one gets a body that shows on a white window.
func buttonFill(n fyne.ThemeColorName, v fyne.ThemeVariant) (color.Color, bool) {
	switch {
	case n == theme.ColorNameDisabledButton:
		return color.Transparent, true
	case n == theme.ColorNameButton && v == theme.VariantLight:
		return color.NRGBA{R: 0xe4, G: 0xe4, B: 0xe4, A: 0xff}, true
	}
	return nil, false
}

func (t readableTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if n == theme.ColorNameInputBorder {
		return readableBorder(v)
	}
	if c, ok := buttonFill(n, v); ok {
		return c
	}
	for _, s := range secondaryText() {
		if n == s {
			return readableGrey(v)
		}
	}
	return t.Theme.Color(n, v)
}
