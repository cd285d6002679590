package app

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"smsbuilder/data"
)

// restoreDialog lists the daily copies of the open workspace and makes the
// chosen one into a new workspace file, which it then opens. The current
// file is never written.
type restoreDialog struct {
	u        *UI
	backups  []data.Backup
	selected int // index in backups, -1 for none
	list     *widget.List
	restore  *widget.Button
	dlg      *dialog.CustomDialog
	dates    data.DateFormat // the open workspace's
}

// keptDaily is how many daily copies the list shows without scrolling: as
// many as storage keeps.
const keptDaily = 7

// onRestore shows the backups of the open workspace.
func (u *UI) onRestore() {
	if u.ws == nil {
		return
	}
	backups, err := u.deps.Store.Backups(context.Background(), u.ws.Path())
	if err != nil {
		u.showError(err)
		return
	}
	r := &restoreDialog{u: u, backups: backups, selected: -1, dates: workspaceDates(u.ws)}
	r.dlg = dialog.NewCustomWithoutButtons(lang.L("Restore from a backup"), r.content(), u.win)
	r.dlg.SetButtons([]fyne.CanvasObject{widget.NewButton(lang.L("Cancel"), r.dlg.Hide), r.restore})
	r.dlg.Resize(fyne.NewSize(760, 0))
	r.dlg.Show()
}

// row is one backup as the list shows it: date, size, organisation, last change.
func (r *restoreDialog) row(b data.Backup) [4]string {
	day := r.dates.Format(b.Day)
	if b.Err != nil {
		return [4]string{day, "", lang.L("Cannot be read"), data.ErrorMessage(b.Err)}
	}
	org := b.Report.Organisation
	if org == "" {
		org = lang.L("Unnamed organisation")
	}
	last := lang.L("No changes")
	if !b.Report.LastChange.IsZero() {
		last = r.dates.Format(b.Report.LastChange.Local()) + " " + b.Report.LastChange.Local().Format("15:04")
	}
	return [4]string{day, data.FileSize(b.Report.SizeBytes), org, last}
}

func (r *restoreDialog) content() fyne.CanvasObject {
	r.restore = widget.NewButton(lang.L("Restore as a new file…"), r.onRestore)
	r.restore.Importance = widget.HighImportance
	r.restore.Disable()
	folder := filepath.Join(filepath.Dir(r.u.ws.Path()), "Backups")
	if len(r.backups) == 0 {
		msg := wrapLabel(fmt.Sprintf(lang.L("There are no backups of this workspace yet. Each day it is first opened, SMS Builder saves a copy in %s, and keeps the last 7 daily and 4 weekly copies."), folder))
		return container.NewGridWrap(fyne.NewSize(720, 90), msg)
	}
	intro := wrapLabel(fmt.Sprintf(lang.L("SMS Builder saves a copy of this workspace in %s each day it is first opened, and keeps the last 7 daily and 4 weekly copies. Choose one to open it as a new file; the current workspace stays as it is."), folder))
	cols := func(texts [4]string, bold bool) *fyne.Container {
		g := container.NewGridWithColumns(4)
		for _, t := range texts {
			l := widget.NewLabelWithStyle(t, fyne.TextAlignLeading, fyne.TextStyle{Bold: bold})
			l.Truncation = fyne.TextTruncateEllipsis
			g.Add(l)
		}
		return g
	}
	header := cols([4]string{lang.L("Date"), lang.L("Size"), lang.L("Organisation"), lang.L("Last change")}, true)
	r.list = widget.NewList(
		func() int { return len(r.backups) },
		func() fyne.CanvasObject { return cols([4]string{}, false) },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			for j, t := range r.row(r.backups[i]) {
				o.(*fyne.Container).Objects[j].(*widget.Label).SetText(t)
			}
		})
	r.list.OnSelected = func(i widget.ListItemID) {
		r.selected = i
		if r.backups[i].Err != nil {
			r.restore.Disable()
			return
		}
		r.restore.Enable()
	}
	// As tall as the rows, up to the seven daily copies; more scroll.
	rowHeight := r.list.CreateItem().MinSize().Height + theme.SeparatorThicknessSize() + theme.Padding()
	height := float32(min(len(r.backups), keptDaily)) * rowHeight
	return container.NewBorder(container.NewVBox(intro, header), nil, nil, nil,
		container.NewGridWrap(fyne.NewSize(720, height), r.list))
}

// onRestore asks for the new file's name and copies the chosen backup there.
func (r *restoreDialog) onRestore() {
	if r.selected < 0 {
		return
	}
	b := r.backups[r.selected]
	u := r.u
	stem := strings.TrimSuffix(filepath.Base(u.ws.Path()), filepath.Ext(u.ws.Path()))
	name := fmt.Sprintf("%s restored from %s%s", stem, b.Day.Format("2006-01-02"), data.WorkspaceExt)
	r.dlg.Hide()
	u.askNewFile(lang.L("Restore as a new file"), lang.L("Restore"), name, nil, func(path string) error {
		if err := u.ws.CheckOutput(path); err != nil {
			return err
		}
		if err := u.deps.Store.CopyWorkspace(context.Background(), b.Path, path); err != nil {
			return err
		}
		return u.openWorkspace(path)
	}, func(path string) {
		dialog.ShowInformation(lang.L("Backup restored"), fmt.Sprintf(lang.L("The backup of %s is now open as\n%s"), workspaceDates(u.ws).Format(b.Day), path), u.win)
	})
}
