package app

import (
	"image/color"
	"math"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"smsbuilder/data"
)

// relativeLuminance is WCAG 2's relative luminance of c.
func relativeLuminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	lin := func(v uint32) float64 {
		s := float64(v) / 0xffff
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

func contrastRatio(a, b color.Color) float64 {
	la, lb := relativeLuminance(a), relativeLuminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func TestContrastRatioMatchesWCAGExamples(t *testing.T) {
	tests := []struct {
		a, b color.Color
		want float64
	}{
		{color.White, color.Black, 21},
		{color.White, color.White, 1},
		{color.NRGBA{0x76, 0x76, 0x76, 0xff}, color.White, 4.54},
	}
	for _, tt := range tests {
		if got := contrastRatio(tt.a, tt.b); math.Abs(got-tt.want) > 0.01 {
			t.Errorf("contrast(%v, %v) = %.2f, want %.2f", tt.a, tt.b, got, tt.want)
		}
	}
}

// Tips, hints, placeholders and disabled text reach WCAG AA (4.5:1) on every
// background they are drawn on, in the light and the dark variant.
func TestSecondaryTextReachesWCAGAAInBothVariants(t *testing.T) {
	th := newReadableTheme(theme.DefaultTheme())
	// Not an enabled button's body, which carries normal text, nor a
	// disabled one's, which is see-through (theme.go).
	backgrounds := []fyne.ThemeColorName{
		theme.ColorNameBackground, theme.ColorNameInputBackground, theme.ColorNameOverlayBackground,
		theme.ColorNameMenuBackground, theme.ColorNameHeaderBackground,
	}
	variants := map[string]fyne.ThemeVariant{"light": theme.VariantLight, "dark": theme.VariantDark}
	for vname, v := range variants {
		for _, text := range secondaryText() {
			for _, bg := range backgrounds {
				if got := contrastRatio(th.Color(text, v), th.Color(bg, v)); got < 4.5 {
					t.Errorf("%s: %s text on %s has contrast %.2f:1, want at least 4.5:1", vname, text, bg, got)
				}
			}
		}
	}
}

// The readable greys stay distinguishable from normal text: secondary text
// must still look secondary.
func TestSecondaryTextDiffersFromForeground(t *testing.T) {
	th := newReadableTheme(theme.DefaultTheme())
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		if th.Color(theme.ColorNamePlaceHolder, v) == th.Color(theme.ColorNameForeground, v) {
			t.Errorf("variant %d: placeholder colour equals the foreground", v)
		}
	}
}

// A placeholder that shows a sample value says it is one: a bare
// "Northwind Managed IT Ltd" in an empty field reads as if it were filled.
func TestSampleValuePlaceholdersSayTheyAreExamples(t *testing.T) {
	u, _ := newPlainUI(t)
	u.show(screenOrganisation)
	org := u.screen.(*organisationScreen)
	person := newPersonForm(data.Person{})
	person.content()
	tests := []struct {
		field string
		got   string
	}{
		{"legal name", org.legalName.PlaceHolder},
		{"short name", org.shortName.PlaceHolder},
		{"e-mail", person.email.PlaceHolder},
	}
	for _, tt := range tests {
		if !strings.HasPrefix(tt.got, "For example: ") {
			t.Errorf("%s placeholder = %q, want it to start %q", tt.field, tt.got, "For example: ")
		}
	}
}

// Unticked check boxes, unselected radio buttons and fields are outlined at
// WCAG's 3:1 for controls on the backgrounds they sit on, in both variants.
func TestControlOutlinesReachWCAGNonTextContrast(t *testing.T) {
	th := newReadableTheme(theme.DefaultTheme())
	backgrounds := []fyne.ThemeColorName{theme.ColorNameBackground, theme.ColorNameInputBackground, theme.ColorNameOverlayBackground}
	variants := map[string]fyne.ThemeVariant{"light": theme.VariantLight, "dark": theme.VariantDark}
	for vname, v := range variants {
		for _, bg := range backgrounds {
			if got := contrastRatio(th.Color(theme.ColorNameInputBorder, v), th.Color(bg, v)); got < 3 {
				t.Errorf("%s: control outline on %s has contrast %.2f:1, want at least 3:1", vname, bg, got)
			}
		}
	}
}
