package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"smsbuilder/data"
)

// isConflict reports whether a save was refused because someone else
// changed the record after this screen read it.
func isConflict(err error) bool { return data.ErrorCode(err) == data.EConflict }

// showConflict tells the user that their save was refused because the
// record changed after they opened it, naming who changed it and when, and
// says what Reload discards (discarded, a sentence) before it does so.
// Reload calls reload, which
// shows the record as it is stored now; Keep my edit leaves the screen as
// it is, so that the user can copy what they typed. Extra buttons go before
// Reload, for screens with more to offer.
func showConflict(win fyne.Window, err error, discarded string, reload func(), extra ...*widget.Button) {
	text := data.ErrorMessage(err)
	if discarded != "" {
		text += "\n\n" + discarded
	}
	msg := wrapLabel(text)
	d := dialog.NewCustomWithoutButtons(lang.L("Changed by someone else"), msg, win)
	keep := widget.NewButton(lang.L("Keep my edit on screen"), d.Hide)
	again := widget.NewButton(lang.L("Reload"), func() {
		d.Hide()
		reload()
	})
	again.Importance = widget.HighImportance
	buttons := []fyne.CanvasObject{keep}
	for _, b := range extra {
		tap := b.OnTapped
		b.OnTapped = func() {
			d.Hide()
			tap()
		}
		buttons = append(buttons, b)
	}
	d.SetButtons(append(buttons, again))
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
}

// conflictOr shows err with the conflict dialog when it is a conflict, and
// with other, the screen's usual way of showing a problem, when it is not.
func conflictOr(win fyne.Window, err error, discarded string, reload func(), other func(error)) {
	if isConflict(err) {
		showConflict(win, err, discarded, reload)
		return
	}
	other(err)
}
