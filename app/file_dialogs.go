package app

import (
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"smsbuilder/data"
)

// askFile asks for a folder and a file name, which pathOf checks and makes
// into a path, then calls save with it; then, when not nil, runs with the
// path once save succeeded and the dialog has closed. It writes nothing itself, unlike Fyne's save dialog, which
// empties an existing file before its caller can refuse it. A refused value
// is explained in the dialog, which stays open so nothing typed is lost.
func askFile(win fyne.Window, title, confirm, dir, defaultName string, extra []fyne.CanvasObject,
	pathOf func(folder, name string) (string, error), save func(path string) error, then func(path string)) {
	folder := newField()
	folder.SetText(dir)
	name := newField()
	name.SetText(defaultName)
	browse := widget.NewButton(lang.L("Browse…"), func() {
		fd := dialog.NewFolderOpen(func(l fyne.ListableURI, err error) {
			if err == nil && l != nil {
				folder.SetText(l.Path())
			}
		}, win)
		if l, err := storage.ListerForURI(storage.NewFileURI(folder.Text)); err == nil {
			fd.SetLocation(l)
		}
		fd.Show()
	})
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Folder"), container.NewBorder(nil, nil, nil, browse, folder)),
		widget.NewFormItem(lang.L("File name"), name),
	)
	body := container.NewVBox(append([]fyne.CanvasObject{form}, extra...)...)
	chosen := ""
	d := showFormDialog(win, title, confirm, body, 620, true, nil, func() error {
		path, err := pathOf(folder.Text, name.Text)
		if err == nil {
			err = save(path)
		}
		if err == nil {
			chosen = path
		}
		return err
	}, name, folder)
	d.SetOnClosed(func() {
		if chosen != "" && then != nil {
			then(chosen)
		}
	})
	win.Canvas().Focus(name)
}

// filePath checks a folder and a file name typed by the user and returns
// the path, with ext added when the name lacks it.
func filePath(folder, name, ext string) (string, error) {
	folder, name = strings.TrimSpace(folder), strings.TrimSpace(name)
	if name == "" {
		return "", data.Errorf(data.EInvalid, "Enter a file name.")
	}
	if strings.ContainsAny(name, `/\`) {
		return "", data.Errorf(data.EInvalid, "The file name cannot contain / or \\.")
	}
	if !strings.HasSuffix(strings.ToLower(name), ext) {
		name += ext
	}
	if st, err := os.Stat(folder); err != nil || !st.IsDir() {
		return "", data.Errorf(data.EInvalid, "The folder %s does not exist.", folder)
	}
	return filepath.Join(folder, name), nil
}

// chooseFile shows the open dialog for files with the extension ext,
// starting in dir when it is not "", and calls open with the file chosen;
// an error from either is shown.
func (u *UI) chooseFile(ext, dir string, open func(path string) error) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		if err := open(path); err != nil {
			u.showError(err)
		}
	}, u.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	if dir != "" {
		if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
			d.SetLocation(l)
		}
	}
	d.Show()
}
