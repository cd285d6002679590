package app

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

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
	var m data.ArchiveManifest
	askFile(u.win, lang.L("Export archive"), lang.L("Export"), u.defaultFolder(), name, nil, newArchivePath, func(path string) error {
		var err error
		m, err = u.deps.Store.Archive(context.Background(), ws, path)
		return err
	}, func(path string) {
		dialog.ShowInformation(lang.L("Archive saved"), fmt.Sprintf(lang.L("Every record of the workspace (%s) was saved to"), archiveSummary(m))+"\n"+path, u.win)
	})
}

// newArchivePath is the archive file a folder and name typed by the user
// make; it must not exist yet.
func newArchivePath(folder, name string) (string, error) {
	return newFileAt(folder, name, data.ArchiveExt, "an archive never replaces a file.")
}

// onRestoreArchive asks for an archive, then for a new workspace to make
// from it, and opens that workspace. The open workspace is never touched.
func (u *UI) onRestoreArchive() {
	u.chooseFile(data.ArchiveExt, u.defaultFolder(), func(archive string) error {
		u.askRestoreTarget(archive)
		return nil
	})
}

// askRestoreTarget asks where the workspace restored from archive goes,
// restores it there and opens it.
func (u *UI) askRestoreTarget(archive string) {
	name := strings.TrimSuffix(filepath.Base(archive), data.ArchiveExt) + " restored" + data.WorkspaceExt
	u.askNewFile(lang.L("Restore archive"), lang.L("Restore"), name, nil, func(path string) error {
		_, err := u.deps.Store.Restore(context.Background(), archive, path)
		return err
	}, func(path string) {
		if err := u.openWorkspace(path); err != nil {
			u.showError(err)
			return
		}
		dialog.ShowInformation(lang.L("Archive restored"), lang.L("The archive was restored as a new workspace, now open:")+"\n"+path, u.win)
	})
}

// archiveSummary is "7 people, 14 tasks and register records, 31
// documents, 438 audit entries" from a manifest. Tasks are register
// records since schema 6; an older archive has them in a member of their
// own.
func archiveSummary(m data.ArchiveManifest) string {
	rows := map[string]int{}
	for _, mem := range m.Members {
		rows[mem.Kind] = mem.Rows
	}
	return fmt.Sprintf(lang.L("%d people, %d tasks and register records, %d documents, %d audit entries"),
		rows["people"], rows["tasks"]+rows["records"], rows["documents"], rows["audit_trail"])
}
