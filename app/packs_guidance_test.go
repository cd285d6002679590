package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"smsbuilder/reports"
)

// The scope pack prints for an auditor unless the author ticks the box
// beside it; no other pack takes the guidance.
func TestScopePackGuidanceIsTheAuthorsChoice(t *testing.T) {
	u, _ := newPlainUI(t)
	u.show(screenPacks)
	s := u.screen.(*packsScreen)
	scope, _ := reports.FindPack("scope")
	manual, _ := reports.FindPack("manual")
	if s.options(scope).WithGuidance {
		t.Fatal("the scope pack includes the guidance by default")
	}
	var box *widget.Check
	walk(s.content(), func(o fyne.CanvasObject) {
		if c, ok := o.(*widget.Check); ok && c == s.withGuidance {
			box = c
		}
	})
	if box == nil {
		t.Fatal("the Packs screen shows no guidance box")
	}
	test.Tap(box)
	tests := []struct {
		pack reports.Pack
		want bool
	}{{scope, true}, {manual, false}}
	for _, tc := range tests {
		if got := s.options(tc.pack).WithGuidance; got != tc.want {
			t.Errorf("%s: with guidance = %v, want %v", tc.pack.ID, got, tc.want)
		}
	}
}
