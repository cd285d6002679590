package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"smsbuilder/data"
)

// heading is a section title inside a screen.
func heading(text string) fyne.CanvasObject {
	h := widget.NewRichText(&widget.TextSegment{Text: text, Style: widget.RichTextStyleSubHeading})
	h.Wrapping = fyne.TextWrapWord // a long document or step title would widen the window
	return h
}

// guidancePanel shows what a clause asks, in our words, beside the work.
func guidancePanel(cat *data.Catalogue, clause, tip string) fyne.CanvasObject {
	var items []fyne.CanvasObject
	if cl, ok := cat.Clause(clause); ok {
		g := widget.NewLabel(cl.Guidance)
		g.Wrapping = fyne.TextWrapWord
		title := widget.NewLabelWithStyle(lang.L("Clause")+" "+cl.Number+" — "+cl.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		title.Wrapping = fyne.TextWrapWord
		items = append(items, title, g)
		for _, d := range cl.Documents {
			l := widget.NewLabel("• " + documentKindLabel(d.Kind) + ": " + d.Text)
			l.Wrapping = fyne.TextWrapWord
			items = append(items, l)
		}
	}
	if tip != "" {
		t := widget.NewLabel(tip)
		t.Wrapping = fyne.TextWrapWord
		t.Importance = widget.LowImportance
		items = append(items, widget.NewSeparator(), t)
	}
	return container.NewVScroll(widget.NewCard(lang.L("Guidance"), "", container.NewVBox(items...)))
}

func documentKindLabel(kind string) string {
	if kind == data.KindRetain {
		return lang.L("Record")
	}
	return lang.L("Document")
}

// fieldProblems shows, under each field of a form, why its value was refused.
type fieldProblems map[string]*widget.Label

// wrap puts the problem line for the field name under w.
func (p fieldProblems) wrap(name string, w fyne.CanvasObject) fyne.CanvasObject {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	p[name] = l
	return container.NewVBox(w, l)
}

// show puts each field's message from err under it and hides the others;
// false when err names no field of this form.
func (p fieldProblems) show(err error) bool {
	shown := false
	for field, l := range p {
		if msg := data.FieldMessage(err, field); msg != "" {
			l.SetText(msg)
			l.Show()
			shown = true
		} else {
			l.Hide()
		}
	}
	return shown
}

// flag shows, under each field of the form that storage could not read,
// which value it held; fields the form does not show are left alone.
func (p fieldProblems) flag(bad data.BadValues) {
	for _, u := range bad {
		if l, ok := p[u.Field]; ok {
			l.SetText(u.Message())
			l.Show()
		}
	}
}

// orUnreadable is text, or the word a list shows for a value that storage
// could not read.
func orUnreadable(bad data.BadValues, field, text string) string {
	if bad.Has(field) {
		return lang.L("unreadable")
	}
	return text
}

// undoableDelete asks before deleting a record and, until the screen is
// left, offers to undo it by restoring the record under its own ID.
type undoableDelete struct {
	button  *widget.Button // "Undo delete", shown after a delete
	status  *widget.Label
	reload  func()
	name    string
	restore func() (string, error) // a note on what the restore left as it was, or ""
	changed func()                 // tells Edit ▸ Undo; nil until the first delete
}

func newUndoableDelete(status *widget.Label, reload func()) *undoableDelete {
	u := &undoableDelete{status: status, reload: reload}
	u.button = widget.NewButtonWithIcon(lang.L("Undo delete"), theme.ContentUndoIcon(), u.onUndo)
	u.button.Hide()
	return u
}

// ask confirms, deletes with del, and keeps restore for the undo button.
func (u *undoableDelete) ask(e *env, title, question, name string, del func() error, restore func() (string, error)) {
	dialog.ShowConfirm(title, question, func(yes bool) {
		if !yes {
			return
		}
		if err := del(); err != nil {
			conflictOr(e.win, err, "", u.reload, e.showErr)
			return
		}
		u.name, u.restore, u.changed = name, restore, e.undoChanged
		u.status.SetText(fmt.Sprintf(lang.L("%s was deleted."), name))
		u.button.Show()
		u.reload()
		u.tellChanged()
	}, e.win)
}

func (u *undoableDelete) onUndo() {
	if u.restore == nil {
		return
	}
	note, err := u.restore()
	if err != nil {
		u.status.SetText(data.ErrorMessage(err))
		return
	}
	u.restore = nil
	u.button.Hide()
	u.status.SetText(strings.TrimSpace(fmt.Sprintf(lang.L("%s was restored."), u.name) + " " + note))
	u.reload()
	u.tellChanged()
}

// canUndo reports whether a delete waits to be undone.
func (u *undoableDelete) canUndo() bool { return u.restore != nil }

func (u *undoableDelete) tellChanged() {
	if u.changed != nil {
		u.changed()
	}
}

// showFormDialog shows body with Cancel (when cancellable) and a confirming
// button. accept does the work: nil closes the dialog; an error keeps it
// open with everything typed, its message under the field it names (when
// fields knows that field) or else at the foot of the dialog. Enter in any
// of submitOn accepts too. What follows an accepted dialog (another dialog)
// belongs in its SetOnClosed: Fyne hides every dialog above one it hides.
func showFormDialog(win fyne.Window, title, confirm string, body fyne.CanvasObject, width float32, cancellable bool,
	fields fieldProblems, accept func() error, submitOn ...fyne.CanvasObject) *dialog.CustomDialog {
	return showRecordDialog(win, title, confirm, body, width, cancellable, fields, accept, nil, submitOn...)
}

// showRecordDialog is showFormDialog for a form that edits a stored record:
// when accept is refused because someone else changed the record after the
// form opened, the conflict dialog offers reload, which gets the form's
// dialog closed first.
func showRecordDialog(win fyne.Window, title, confirm string, body fyne.CanvasObject, width float32, cancellable bool,
	fields fieldProblems, accept func() error, reload func(), submitOn ...fyne.CanvasObject) *dialog.CustomDialog {
	problem := widget.NewLabel("")
	problem.Importance = widget.DangerImportance
	problem.Wrapping = fyne.TextWrapWord
	problem.Hide()
	var submit func() error
	// A record's form can lose what was typed when the window closes; its
	// dialogForm lets leaving ask first (unsaved_guard.go). A file name or
	// a choice of who is working is not worth the question.
	form := newDialogForm(title, body)
	// Ctrl+S saves the form, and Enter in a one-line field: dialog_keys.go.
	d := dialog.NewCustomWithoutButtons(title, container.NewVBox(body, problem, dialogSave(func() { submit() }), form), win)
	submit = func() error {
		err := accept()
		if err == nil {
			d.Hide()
			return nil
		}
		if fields != nil && fields.show(err) {
			problem.Hide()
			return err
		}
		if reload != nil && isConflict(err) {
			showConflict(win, err, lang.L("Reloading discards what you typed in this form."), func() {
				d.Hide()
				reload()
			})
		}
		problem.SetText(data.ErrorMessage(err))
		problem.Show()
		return err
	}
	submitOnEnter(submitOn, body, func() { submit() })
	ok := widget.NewButton(confirm, func() { submit() })
	ok.Importance = widget.HighImportance
	buttons := []fyne.CanvasObject{ok}
	cancel := d.Hide
	if cancellable && reload != nil {
		form.submit, form.close = submit, d.Hide
		cancel = func() { askDiscard(win, form, d.Hide) } // unsaved_guard.go
	}
	if cancellable {
		buttons = []fyne.CanvasObject{widget.NewButton(lang.L("Cancel"), cancel), ok}
	}
	d.SetButtons(buttons)
	d.Resize(fyne.NewSize(width, 0))
	d.Show()
	return d
}
