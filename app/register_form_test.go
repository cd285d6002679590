package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
)

// A long text field of a record shows several lines and wraps what is
// typed at the form's edge, so the end of a long sentence stays in view
// and the form does not grow sideways.
func TestALongTextFieldShowsSeveralWrappedLines(t *testing.T) {
	u := newRegisterUI(t)
	openRegister(t, u, "services").onAdd()
	description := input[*textField](t, u.win, "Description")
	service := input[*textField](t, u.win, "Service")
	if description.Wrapping != fyne.TextWrapWord {
		t.Errorf("the description wraps as %v, want by word", description.Wrapping)
	}
	if got, want := description.MinSize().Height, 2*service.MinSize().Height; got < want {
		t.Errorf("the description is %.0f high, want at least %.0f (several lines)", got, want)
	}
	form := u.win.Canvas().Overlays().Top()
	before := form.Size().Width
	test.Type(description, strings.Repeat("Service desk by phone and e-mail for every member of staff. ", 6))
	if got := form.Size().Width; got != before {
		t.Errorf("typing a long description made the form %.0f wide, was %.0f", got, before)
	}
}
