package app

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
)

// At the smallest supported screen, 1024×700, no screen makes the window
// grow: a screen wider or taller than the window would be clipped by the
// screen's edge or push the window off it.
func TestEveryScreenFitsASmallScreen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "layout.smsdb")
	u := newTestUI(t, path)
	want := fyne.NewSize(1024, 700)
	u.win.Resize(want)
	for _, d := range u.defs {
		t.Run(d.id, func(t *testing.T) {
			u.show(d.id)
			if got := u.win.Content().MinSize(); got.Width > want.Width || got.Height > want.Height {
				t.Errorf("%s needs %v, more than the %v window", d.title, got, want)
			}
			if got := u.win.Canvas().Size(); got != want {
				t.Errorf("window is %v on %s, want it to stay %v", got, d.title, want)
			}
		})
	}
}
