package app

import (
	"errors"
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// errNotSaved is what saveChanges returns when the screen has already shown
// the user why their changes could not be stored.
var errNotSaved = errors.New("changes not saved")

// pendingForm is one place holding changes that leaving would lose: the
// screen on show or a form dialog open over it.
type pendingForm interface {
	unsaved() string
	saveChanges() error
	discard()
}

// screenForm is the screen on show as a pendingForm: discarding needs nothing,
// as the next screen replaces it.
type screenForm struct{ unsavedScreen }

func (screenForm) discard() {}

// goTo shows screen id once nothing unsaved on the current one would be lost.
func (u *UI) goTo(id string) {
	u.leaveScreen(func() { u.show(id) })
}

// leaveScreen runs then once the screen on show has nothing unsaved, or the
// user chose to save or discard it. Cancel leaves everything as it was.
func (u *UI) leaveScreen(then func()) {
	u.leave(u.screenPending(), then, u.stay)
}

// leaveForm is leaveScreen within screen s, for a choice on it that
// replaces its form (another roadmap step); stay undoes the choice on Cancel.
func (u *UI) leaveForm(s unsavedScreen, then, stay func()) {
	u.leave([]pendingForm{screenForm{s}}, then, stay)
}

// leaveWindow is leaveScreen for leaving the workspace or the window: the
// form dialogs open over the screen are asked about first.
func (u *UI) leaveWindow(then func()) {
	u.leave(append(openDialogForms(u.win), u.screenPending()...), then, u.stay)
}

func (u *UI) screenPending() []pendingForm {
	if s, ok := u.screen.(unsavedScreen); ok && u.ws != nil {
		return []pendingForm{screenForm{s}}
	}
	return nil
}

// leave asks Save / Discard / Cancel for the first of forms with unsaved
// changes, then goes on to the next; then runs when none is left, stay when
// the user stays.
func (u *UI) leave(forms []pendingForm, then, stay func()) {
	for i, f := range forms {
		what := f.unsaved()
		if what == "" {
			continue
		}
		rest := forms[i+1:]
		u.askUnsaved(what, func() {
			if f.saveChanges() == nil {
				u.leave(rest, then, stay)
				return
			}
			stay()
		}, func() {
			f.discard()
			u.leave(rest, then, stay)
		}, stay)
		return
	}
	then()
}

// stay puts the navigation back on the screen the user did not leave.
func (u *UI) stay() {
	for i, d := range u.defs {
		if d.id == u.current {
			u.nav.Select(i)
		}
	}
}

// askUnsaved asks what to do with the changes what describes. Closing the
// prompt any other way (Escape) is Cancel; Enter is Save. While it is on
// show, another way of leaving (Ctrl+Q over it) waits for its answer.
func (u *UI) askUnsaved(what string, save, discard, cancel func()) {
	if u.asking {
		return
	}
	u.asking = true
	typing := u.win.Canvas().Focused() // where the user was, for Cancel
	msg := wrapLabel(what + "\n" + lang.L("Save them before you go on?"))
	d := dialog.NewCustomWithoutButtons(lang.L("Unsaved changes"), msg, u.win)
	var chosen func()
	choose := func(f func()) func() {
		return func() {
			chosen = f
			d.Hide()
		}
	}
	saveBtn := &promptButton{cancel: d.Hide}
	saveBtn.Text, saveBtn.OnTapped = lang.L("Save"), choose(save)
	saveBtn.Importance = widget.HighImportance
	saveBtn.ExtendBaseWidget(saveBtn)
	d.SetButtons([]fyne.CanvasObject{
		widget.NewButton(lang.L("Cancel"), d.Hide),
		widget.NewButton(lang.L("Discard"), choose(discard)),
		saveBtn,
	})
	d.SetOnClosed(func() {
		u.asking = false
		if chosen == nil {
			cancel()
			if typing != nil {
				u.win.Canvas().Focus(typing)
			}
			return
		}
		chosen()
	})
	d.Resize(fyne.NewSize(480, 0))
	d.Show()
	u.win.Canvas().Focus(saveBtn)
}

// promptButton is the prompt's default button: it has the focus, so Enter
// presses it and Escape cancels the prompt.
type promptButton struct {
	widget.Button
	cancel func()
}

func (b *promptButton) TypedKey(e *fyne.KeyEvent) {
	switch e.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		b.OnTapped()
	case fyne.KeyEscape:
		b.cancel()
	default:
		b.Button.TypedKey(e)
	}
}

// dialogForm sits, hidden, in a form dialog beside its body, remembering
// the values the body opened with so that leaving can tell whether anything
// was typed since.
type dialogForm struct {
	widget.BaseWidget
	body    fyne.CanvasObject
	title   string
	initial []string
	submit  func() error // stores the form and closes the dialog; nil for no record's form
	close   func()
}

func newDialogForm(title string, body fyne.CanvasObject) *dialogForm {
	f := &dialogForm{body: body, title: title, initial: formValues(body)}
	f.ExtendBaseWidget(f)
	f.Hide()
	return f
}

func (f *dialogForm) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(&fyne.Container{})
}

func (f *dialogForm) unsaved() string {
	if f.submit == nil {
		return "" // not a record's form (see showRecordDialog)
	}
	if slices.Equal(formValues(f.body), f.initial) {
		return ""
	}
	return fmt.Sprintf(lang.L("The form “%s” has changes that are not saved."), f.title)
}

func (f *dialogForm) saveChanges() error { return f.submit() }

func (f *dialogForm) discard() { f.close() }

// openDialogForms are the form dialogs open in win, the one in front first.
func openDialogForms(win fyne.Window) []pendingForm {
	var out []pendingForm
	overlays := win.Canvas().Overlays().List()
	for i := len(overlays) - 1; i >= 0; i-- {
		walkObjects(overlays[i], func(o fyne.CanvasObject) bool {
			if f, ok := o.(*dialogForm); ok {
				out = append(out, f)
				return true
			}
			return false
		})
	}
	return out
}

// formValues lists the value of every field in o, in order.
func formValues(o fyne.CanvasObject) []string {
	var out []string
	walkObjects(o, func(o fyne.CanvasObject) bool {
		switch f := o.(type) {
		case *widget.SelectEntry:
			out = append(out, f.Text)
		case *widget.DateEntry:
			out = append(out, f.Text)
		case *widget.Select:
			out = append(out, f.Selected)
		case *widget.Check:
			out = append(out, fmt.Sprint(f.Checked))
		case *widget.RadioGroup:
			out = append(out, f.Selected)
		case *widget.CheckGroup:
			out = append(out, fmt.Sprint(f.Selected))
		case interface{ formValue() string }: // a field of our own, such as a link picker
			out = append(out, f.formValue())
		default:
			if e := entryOf(o); e != nil {
				out = append(out, e.Text)
			}
		}
		return false
	})
	return out
}

// askDiscard closes a record's form with close at once when nothing was
// typed in it, and otherwise asks first: Cancel and Escape are easy to
// press by mistake over a form half filled in. Escape over the question
// (or Keep editing) goes back to the form where the person was typing.
func askDiscard(win fyne.Window, f *dialogForm, close func()) {
	if f.unsaved() == "" {
		close()
		return
	}
	typing := win.Canvas().Focused()
	win.Canvas().Unfocus() // keys go to the question, not the form behind it
	msg := wrapLabel(fmt.Sprintf(lang.L("What you typed in “%s” will be lost."), f.title))
	d := dialog.NewCustomConfirm(lang.L("Discard changes?"), lang.L("Discard"), lang.L("Keep editing"), msg, func(discard bool) {
		if discard {
			close()
			return
		}
		if typing != nil {
			win.Canvas().Focus(typing)
		}
	}, win)
	// Not the default button: Enter must not throw away a form.
	d.SetConfirmImportance(widget.DangerImportance)
	d.Resize(fyne.NewSize(440, 0))
	d.Show()
}
