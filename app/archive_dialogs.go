package app

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"

	"smsbuilder/data"
)

// onExportArchive writes the portable archive of the open workspace to a
// new file.
func (u *UI) onExportArchive() {
	if u.ws == nil {
		return
	}
	base := strings.TrimSuffix(filepath.Base(u.ws.Path()), data.WorkspaceExt)
	name := fmt.Sprintf("%s archive %s%s", base, u.deps.Now().Format("2006-01-02"), data.ArchiveExt)
	ws := u.ws.Path()
	u.askNewFileExt(lang.L("Export archive"), lang.L("Export"), name, data.ArchiveExt, nil, func(path string) error {
		m, err := u.deps.Store.Archive(context.Background(), ws, path)
		if err != nil {
			return err
		}
		dialog.ShowInformation(lang.L("Archive saved"), fmt.Sprintf(lang.L("Every record of the workspace (%s) was saved to"), archiveSummary(m))+"\n"+path, u.win)
		return nil
	})
}

// onRestoreArchive asks for an archive, then for a new workspace to make
// from it, and opens that workspace. The open workspace is never touched.
func (u *UI) onRestoreArchive() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if r == nil {
			return
		}
		archive := r.URI().Path()
		r.Close()
		u.askRestoreTarget(archive)
	}, u.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{data.ArchiveExt}))
	if dir, err := storage.ListerForURI(storage.NewFileURI(u.defaultFolder())); err == nil {
		d.SetLocation(dir)
	}
	d.Show()
}

// askRestoreTarget asks where the workspace restored from archive goes.
func (u *UI) askRestoreTarget(archive string) {
	name := strings.TrimSuffix(filepath.Base(archive), data.ArchiveExt) + " restored" + data.WorkspaceExt
	u.askNewFileExt(lang.L("Restore archive"), lang.L("Restore"), name, data.WorkspaceExt, nil, func(path string) error {
		if _, err := u.deps.Store.Restore(context.Background(), archive, path); err != nil {
			return err
		}
		if err := u.openWorkspace(path); err != nil {
			// The new file exists now; the dialog cannot make it again.
			u.showError(err)
			return nil
		}
		dialog.ShowInformation(lang.L("Archive restored"), lang.L("The archive was restored as a new workspace, now open:")+"\n"+path, u.win)
		return nil
	})
}

// archiveSummary is "7 people, 14 tasks, 31 documents" from a manifest.
func archiveSummary(m data.ArchiveManifest) string {
	rows := map[string]int{}
	for _, mem := range m.Members {
		rows[mem.Kind] = mem.Rows
	}
	return fmt.Sprintf(lang.L("%d people, %d tasks, %d documents, %d audit entries"), rows["people"], rows["tasks"], rows["documents"], rows["audit_trail"])
}
