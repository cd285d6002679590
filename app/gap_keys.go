package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"smsbuilder/data"
)

// keyList is the gap question list. Fyne gives a focused list every key and
// drops the runes, so clicking a question would silence 0–4 and N; this list
// hands them to the screen instead, and the arrows move the selection, as
// the keys do when nothing has the focus.
type keyList struct {
	widget.List
	runes func(rune)
	keys  func(fyne.KeyName)
}

func newKeyList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject),
	runes func(rune), keys func(fyne.KeyName)) *keyList {
	l := &keyList{runes: runes, keys: keys}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

// keyTarget is the question list: the gap screen's keys go there.
func (s *gapScreen) keyTarget() fyne.Focusable { return s.list }

func (l *keyList) TypedRune(r rune) { l.runes(r) }

func (l *keyList) TypedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyUp, fyne.KeyDown, fyne.KeyLeft, fyne.KeyRight, fyne.KeyPageUp, fyne.KeyPageDown:
		l.keys(e.Name)
	default:
		l.List.TypedKey(e)
	}
}

// cancelEntry is a one-line field whose Escape cancels the dialog it is in:
// a focused field takes every key, so the window never sees that Escape.
type cancelEntry struct {
	widget.Entry
	onCancel func()
}

func newCancelEntry() *cancelEntry {
	e := &cancelEntry{}
	e.ExtendBaseWidget(e)
	return e
}

func (e *cancelEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && e.onCancel != nil {
		e.onCancel()
		return
	}
	e.Entry.TypedKey(k)
}

// askNAReason asks why the open question does not apply; Enter saves it as
// not applicable and moves on as a score does, Escape leaves the answer as it
// was. Either way the question list has the keys again afterwards.
func (s *gapScreen) askNAReason() {
	id := s.questionID()
	if id == "" || s.current.ID == 0 || s.env.ws.ReadOnly() {
		return
	}
	reason := newCancelEntry()
	reason.SetText(s.answers[id].NAReason)
	reason.PlaceHolder = lang.L("For example: no internal suppliers")
	problems := fieldProblems{}
	form := widget.NewForm(widget.NewFormItem(lang.L("Why does this not apply?"), problems.wrap("NAReason", reason)))
	d := showRecordDialog(s.env.win, lang.L("Not applicable"), lang.L("Save"), form, 520, true, problems, func() error {
		return s.saveAnswer(id, data.MaturityNA, strings.TrimSpace(reason.Text))
	}, s.reloadAnswers, &reason.Entry)
	reason.onCancel = d.Hide
	d.SetOnClosed(func() { s.env.win.Canvas().Focus(s.list) })
	s.env.win.Canvas().Focus(reason)
}
