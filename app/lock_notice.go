package app

import (
	"context"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"smsbuilder/data"
)

// lockNotice is the line under the header that says why the workspace is
// read-only (someone else has it open, or the file cannot be written) and
// offers to try again, or to take over a lock left on another computer.
type lockNotice struct {
	bar      *fyne.Container
	text     *widget.Label
	retry    *widget.Button
	takeOver *widget.Button
}

func (u *UI) buildLockNotice() fyne.CanvasObject {
	n := &u.lock
	n.text = widget.NewLabel("")
	n.text.Wrapping = fyne.TextWrapWord
	n.text.Importance = widget.WarningImportance
	n.retry = widget.NewButtonWithIcon(lang.L("Retry"), theme.ViewRefreshIcon(), u.onRetryWrite)
	n.takeOver = widget.NewButtonWithIcon(lang.L("Take over…"), theme.WarningIcon(), u.askTakeOver)
	// The buttons come first: a narrow screen may cut off the right edge of
	// a window wider than itself, and Retry must stay in reach.
	n.bar = container.NewBorder(nil, widget.NewSeparator(),
		container.NewHBox(widget.NewIcon(theme.WarningIcon()), n.retry, n.takeOver), nil, n.text)
	n.bar.Hide()
	return n.bar
}

// refreshLockNotice shows the notice while the workspace is read-only.
func (u *UI) refreshLockNotice() {
	n := &u.lock
	if u.ws == nil || !u.ws.ReadOnly() {
		n.bar.Hide()
		return
	}
	h := u.ws.Holder()
	if h == nil {
		n.text.SetText(lang.L("This file is read-only: changes cannot be saved. Make it writable, then Retry."))
		n.takeOver.Hide()
	} else {
		n.text.SetText(holderNotice(*h, u.deps.Now()))
		if h.Remote {
			n.takeOver.Show()
		} else {
			n.takeOver.Hide()
		}
	}
	n.bar.Show()
}

func holderNotice(h data.LockHolder, now time.Time) string {
	return fmt.Sprintf(lang.L("Open in SMS Builder by %s since %s: opened read-only."), h.Who(), h.SinceText(now))
}

// onRetryWrite opens the workspace again for writing: it succeeds once the
// holder has closed it (or the file was made writable).
func (u *UI) onRetryWrite() {
	if u.ws == nil || !u.reopen(u.deps.Store.Open) || !u.ws.ReadOnly() {
		return
	}
	msg := lang.L("The file is still read-only.")
	if h := u.ws.Holder(); h != nil {
		msg = holderNotice(*h, u.deps.Now())
	}
	dialog.ShowInformation(lang.L("Still read-only"), msg, u.win)
}

// reopen opens the workspace on show again with open (the Store's Open or
// TakeOver) and shows the result; on failure the one on show stays.
func (u *UI) reopen(open func(context.Context, string) (data.Workspace, error)) bool {
	ws, err := open(u.ctx(), u.ws.Path())
	if err != nil {
		u.showError(err)
		return false
	}
	u.setWorkspace(ws)
	return true
}

// offerTakeOver asks at once whether to take over a lock from another
// computer, when the workspace just opened read-only because of one.
func (u *UI) offerTakeOver() {
	if u.ws == nil || !u.ws.ReadOnly() {
		return
	}
	if h := u.ws.Holder(); h != nil && h.Remote {
		u.askTakeOver()
	}
}

// askTakeOver warns that the holder may still be at work on the other
// computer, naming them and how long ago they opened it, and takes the
// lock over only when the person confirms.
func (u *UI) askTakeOver() {
	if u.ws == nil || u.ws.Holder() == nil {
		return
	}
	h, now := *u.ws.Holder(), u.deps.Now()
	msg := fmt.Sprintf(lang.L("%s has had this workspace open %s (since %s), on another computer. If SMS Builder no longer runs there (the computer crashed or lost the network), take over to work on it here. If it still runs there, both of you would be writing and changes could be lost."),
		h.Who(), h.Age(now), h.SinceText(now))
	d := dialog.NewCustomConfirm(lang.L("Take over the workspace?"), lang.L("Take over"), lang.L("Keep read-only"), wrapLabel(msg), func(ok bool) {
		if ok && u.ws != nil {
			u.reopen(u.deps.Store.TakeOver)
		}
	}, u.win)
	d.SetConfirmImportance(widget.DangerImportance)
	d.Show()
}
