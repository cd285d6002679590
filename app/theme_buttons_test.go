package app

import (
	"image"
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// fixedVariant is a theme shown in one variant whatever the settings say.
type fixedVariant struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

func (f fixedVariant) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return f.Theme.Color(n, f.variant)
}

// A disabled button (Edit… with no row selected) looks different from an
// enabled one in both variants: drawn flat, where an enabled button has a
// body that shows against the window.
func TestDisabledButtonsLookDisabledInBothVariants(t *testing.T) {
	for name, v := range map[string]fyne.ThemeVariant{"light": theme.VariantLight, "dark": theme.VariantDark} {
		t.Run(name, func(t *testing.T) {
			a := test.NewTempApp(t)
			a.Settings().SetTheme(fixedVariant{newReadableTheme(theme.DefaultTheme()), v})
			enabled := widget.NewButton("Import…", func() {})
			disabled := widget.NewButton("Edit…", func() {})
			disabled.Disable()
			w := test.NewTempWindow(t, container.NewHBox(enabled, disabled))
			w.Resize(fyne.NewSize(400, 100))
			img := w.Canvas().Capture()
			// a point inside each button, left of its text
			inside := func(b *widget.Button) color.Color {
				p := b.Position().Add(fyne.NewPos(theme.Padding()+1, b.Size().Height/2))
				return pixel(img, w.Canvas(), p)
			}
			window := pixel(img, w.Canvas(), fyne.NewPos(395, 95))
			if got := contrastRatio(inside(enabled), window); got < 1.2 {
				t.Errorf("an enabled button stands out from the window at %.2f:1, want at least 1.2:1", got)
			}
			if got := contrastRatio(inside(disabled), window); got > 1.05 {
				t.Errorf("a disabled button is filled (%.2f:1 against the window), like an enabled one", got)
			}
		})
	}
}

// pixel is the colour drawn at p of the canvas c, captured as img.
func pixel(img image.Image, c fyne.Canvas, p fyne.Position) color.Color {
	scale := float32(img.Bounds().Dx()) / c.Size().Width
	return img.At(int(p.X*scale), int(p.Y*scale))
}
