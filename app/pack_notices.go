package app

import (
	"fmt"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"smsbuilder/reports"
)

// checkPack tells whether the pack id would print anything with opts. It
// reads the workspace but lays nothing out, so it is asked before the save
// dialog: nobody picks a file for a pack that cannot be made.
func checkPack(e *env, id string, opts reports.Options) error {
	src, err := reports.LoadSourceFor(e.ctx(), e.ws, e.cat, id)
	if err != nil {
		return err
	}
	return reports.Check(e.ctx(), id, src, opts)
}

// openPack opens the written pack in the system's viewer. The opener may
// wait for the system's answer, so it runs in the background; when nothing
// opened the file, the user is told where it is.
func openPack(e *env, path string) {
	go func() {
		if err := e.openFile(path); err != nil {
			fyne.Do(func() { showNotOpened(e, path) })
		}
	}()
}

// showNotOpened names the full path of a file no program opened, and offers
// to show its folder or copy the path. When the folder cannot be shown
// either, it says so and the path stays on screen to copy.
func showNotOpened(e *env, path string) {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	where := widget.NewLabel(path)
	where.Selectable = true
	where.Wrapping = fyne.TextWrapBreak
	note := wrapLabel("")
	note.Hide()
	var d *dialog.CustomDialog
	size := fyne.NewSize(520, 0)
	say := func(text string) {
		note.SetText(text)
		note.Show()
		d.Resize(size) // the dialog grows to hold the note
	}
	folder := widget.NewButtonWithIcon(lang.L("Show folder"), theme.FolderOpenIcon(), nil)
	folder.OnTapped = func() {
		folder.Disable()
		go func() {
			err := e.openFile(filepath.Dir(path))
			fyne.Do(func() {
				folder.Enable()
				if err != nil {
					say(lang.L("No file manager showed the folder either; copy the path above."))
					return
				}
				d.Hide()
			})
		}()
	}
	copyPath := widget.NewButtonWithIcon(lang.L("Copy path"), theme.ContentCopyIcon(), func() {
		fyne.CurrentApp().Clipboard().SetContent(path)
		say(lang.L("The path is on the clipboard."))
	})
	content := container.NewVBox(
		wrapLabel(fmt.Sprintf(lang.L("No program on this computer opened %s: a PDF viewer may not be installed. The file is saved here:"), filepath.Base(path))),
		where, note)
	d = dialog.NewCustom(lang.L("The PDF was not opened"), lang.L("Close"), content, e.win)
	d.SetButtons([]fyne.CanvasObject{folder, copyPath, widget.NewButton(lang.L("Close"), func() { d.Hide() })})
	d.Resize(size)
	d.Show()
}
