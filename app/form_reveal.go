package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"

	"smsbuilder/data"
)

// reveal scrolls a refused form to the first field err names, in the
// form's order, and puts the cursor in it: a reason shown beside a field
// below the fold would go unseen, and the Save button seem to do nothing.
func (f *registerForm) reveal(err error, body fyne.CanvasObject) {
	scroll := formScroll(body)
	for _, in := range f.inputs {
		if data.FieldMessage(err, in.field.Key) == "" {
			continue
		}
		if scroll != nil {
			d := fyne.CurrentApp().Driver()
			y := d.AbsolutePositionForObject(in.obj).Y - d.AbsolutePositionForObject(scroll.Content).Y
			scroll.ScrollToOffset(fyne.NewPos(0, max(0, y-revealMargin)))
		}
		if fo, ok := in.obj.(fyne.Focusable); ok {
			f.env.win.Canvas().Focus(fo)
		}
		return
	}
}

// revealMargin keeps the field's label line in view above it.
const revealMargin = 24

// formScroll is the scroller scrollUpTo put around a form, or nil.
func formScroll(body fyne.CanvasObject) *container.Scroll {
	if c, ok := body.(*fyne.Container); ok && len(c.Objects) == 1 {
		if s, ok := c.Objects[0].(*container.Scroll); ok {
			return s
		}
	}
	return nil
}
