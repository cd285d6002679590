package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// Fyne's dialogs answer neither Escape nor Enter, and a form dialog knows
// nothing of Ctrl+S. The window hands those keys here for the dialog in
// front, whichever way it was made: Fyne's information and confirm dialogs
// as much as ours.

// dialogKey does what key means to the dialog in front of c: Escape takes
// its way out, Enter its default button. It reports whether a dialog or
// pop-up was in front to take the key.
func dialogKey(c fyne.Canvas, key fyne.KeyName) bool {
	top := c.Overlays().Top()
	if top == nil {
		return false
	}
	row := dialogButtonRow(top)
	switch key {
	case fyne.KeyEscape:
		if row == nil { // a pop-up menu or the like
			top.Hide()
		} else if b := cancelButton(row); b != nil {
			b.OnTapped()
		}
	case fyne.KeyReturn, fyne.KeyEnter:
		if b := defaultButton(row); b != nil {
			b.OnTapped()
		}
	}
	return true
}

// dialogButtonRow is the buttons of the dialog shown as top, or nil when
// top is no dialog. A Fyne dialog is a modal pop-up whose content holds
// icon, background, content, buttons and title, in that order.
func dialogButtonRow(top fyne.CanvasObject) []*widget.Button {
	pop, ok := top.(*widget.PopUp)
	if !ok {
		return nil
	}
	box, ok := pop.Content.(*fyne.Container)
	if !ok || len(box.Objects) != 5 {
		return nil
	}
	var row []*widget.Button
	walkObjects(box.Objects[3], func(o fyne.CanvasObject) bool {
		if b, ok := o.(*widget.Button); ok && b.Visible() && !b.Disabled() && b.OnTapped != nil {
			row = append(row, b)
		}
		return false
	})
	return row
}

// cancelButton is the way out of a dialog: the button saying Cancel or
// Close, else the first that does not confirm (No, Later, OK of a notice).
// A dialog that must be answered has none.
func cancelButton(row []*widget.Button) *widget.Button {
	for _, b := range row {
		if b.Text == lang.L("Cancel") || b.Text == lang.L("Close") {
			return b
		}
	}
	for _, b := range row {
		if b.Importance != widget.HighImportance {
			return b
		}
	}
	return nil
}

// defaultButton is the confirming button, or the only button of a notice;
// a lone Cancel (of a progress dialog) is no default.
func defaultButton(row []*widget.Button) *widget.Button {
	for _, b := range row {
		if b.Importance == widget.HighImportance {
			return b
		}
	}
	if len(row) == 1 && row[0].Text != lang.L("Cancel") {
		return row[0]
	}
	return nil
}

// dialogSaver is the hidden mark a form dialog carries so that Ctrl+S
// saves it, as its confirming button does.
type dialogSaver struct {
	widget.BaseWidget
	save func()
}

func dialogSave(save func()) *dialogSaver {
	s := &dialogSaver{save: save}
	s.ExtendBaseWidget(s)
	s.Hide()
	return s
}

func (s *dialogSaver) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(&fyne.Container{})
}

// dialogSaveOf is the save of the form dialog top, or nil.
func dialogSaveOf(top fyne.CanvasObject) func() {
	var save func()
	walkObjects(top, func(o fyne.CanvasObject) bool {
		if s, ok := o.(*dialogSaver); ok {
			save = s.save
			return true
		}
		return false
	})
	return save
}

// submitOnEnter makes Enter in each of fields, and in every other one-line
// field in body that does nothing with Enter yet, do submit.
func submitOnEnter(fields []fyne.CanvasObject, body fyne.CanvasObject, submit func()) {
	onEnter := func(string) { submit() }
	for _, f := range fields {
		if e := entryOf(f); e != nil {
			e.OnSubmitted = onEnter
		}
	}
	walkObjects(body, func(o fyne.CanvasObject) bool {
		if e := entryOf(o); e != nil && !e.MultiLine && e.OnSubmitted == nil {
			e.OnSubmitted = onEnter
		}
		return false
	})
}

// entryOf is the text entry that o is or embeds, or nil.
func entryOf(o fyne.CanvasObject) *widget.Entry {
	switch f := o.(type) {
	case *widget.Entry:
		return f
	case *textField:
		return &f.Entry
	case *cancelEntry:
		return &f.Entry
	}
	return nil
}

// walkObjects calls visit on o and on what it holds, through the containers
// our dialogs are built of, until visit returns true. Fyne keeps a widget's
// parts to itself, so only the parts we put in are reached.
func walkObjects(o fyne.CanvasObject, visit func(fyne.CanvasObject) bool) bool {
	if o == nil || visit(o) {
		return true
	}
	var children []fyne.CanvasObject
	switch c := o.(type) {
	case *fyne.Container:
		children = c.Objects
	case *widget.PopUp:
		children = []fyne.CanvasObject{c.Content}
	case *widget.Form:
		for _, item := range c.Items {
			children = append(children, item.Widget)
		}
	case *container.Scroll:
		children = []fyne.CanvasObject{c.Content}
	case *widget.Card:
		children = []fyne.CanvasObject{c.Content}
	}
	for _, child := range children {
		if walkObjects(child, visit) {
			return true
		}
	}
	return false
}
