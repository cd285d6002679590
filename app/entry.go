package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// textField is the text field every form uses. A focused widget.Entry takes
// every key and every shortcut it is given, so without this the window's
// conventions stop at the first field: Escape would not close the dialog,
// Ctrl+S would not save, and Tab in a multi-line field would type a tab
// instead of moving on to the next field.
type textField struct {
	widget.Entry
}

// newField is a one-line field.
func newField() *textField {
	f := &textField{}
	f.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	f.ExtendBaseWidget(f)
	return f
}

// newMultiLineField is a field for paragraphs; Enter starts a new line.
func newMultiLineField() *textField {
	f := &textField{}
	f.MultiLine = true
	f.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	f.ExtendBaseWidget(f)
	return f
}

// paragraphRows is how many lines a field for paragraphs shows before it
// scrolls: enough to read a few sentences without the form growing past
// the window.
const paragraphRows = 4

// newParagraphField is a multi-line field whose lines wrap at the edge of
// the form, as a person writing sentences expects: one that clips them
// hides the end of every long line.
func newParagraphField() *textField {
	f := newMultiLineField()
	f.Wrapping = fyne.TextWrapWord
	f.SetMinRowsVisible(paragraphRows)
	return f
}

// AcceptsTab is false even for a multi-line field, so that Tab and
// Shift+Tab move the focus, as they do everywhere else in the window.
func (f *textField) AcceptsTab() bool { return false }

// TypedKey hands Escape to the window, which closes the dialog in front,
// and turns a Tab that reaches the field into a move to the next one.
func (f *textField) TypedKey(k *fyne.KeyEvent) {
	switch k.Name {
	case fyne.KeyEscape:
		if c := f.canvas(); c != nil && c.OnTypedKey() != nil {
			c.OnTypedKey()(k)
			return
		}
	case fyne.KeyTab:
		if c := f.canvas(); c != nil {
			c.FocusNext()
			return
		}
	}
	f.Entry.TypedKey(k)
}

// TypedShortcut keeps the shortcuts a text field has (copy, paste, undo of
// typing, word moves) and hands the window's commands, such as Ctrl+S and
// Ctrl+F, to the window.
func (f *textField) TypedShortcut(s fyne.Shortcut) { fieldShortcut(f, s, f.Entry.TypedShortcut) }

// fieldShortcut hands s to the window of field when it is one of the
// window's commands, else to the field's own handling.
func fieldShortcut(field fyne.CanvasObject, s fyne.Shortcut, own func(fyne.Shortcut)) {
	cs, ok := s.(*desktop.CustomShortcut)
	c := canvasOf(field)
	if !ok || c == nil || !windowCommandKey(cs) {
		own(s)
		return
	}
	if sc, ok := c.(fyne.Shortcutable); ok {
		sc.TypedShortcut(s)
	}
}

// windowCommandKey tells a command of the window (a letter or digit with
// Ctrl) from the field's own moves (arrows, Backspace and Delete with a
// modifier).
func windowCommandKey(s *desktop.CustomShortcut) bool {
	if s.Modifier&(fyne.KeyModifierControl|fyne.KeyModifierSuper) == 0 {
		return false
	}
	k := s.KeyName
	return len(k) == 1 && (k[0] >= 'A' && k[0] <= 'Z' || k[0] >= '0' && k[0] <= '9')
}

func (f *textField) canvas() fyne.Canvas { return canvasOf(f) }

// canvasOf is the canvas o is drawn on, or nil.
func canvasOf(o fyne.CanvasObject) fyne.Canvas {
	if fyne.CurrentApp() == nil {
		return nil
	}
	return fyne.CurrentApp().Driver().CanvasForObject(o)
}
