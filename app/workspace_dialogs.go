package app

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"smsbuilder/data"
)

// onNewWorkspace asks where to create a workspace and whether to start from
// the demo organisation. It never overwrites a file.
func (u *UI) onNewWorkspace() {
	demo := widget.NewCheck(lang.L("Start with the demo organisation (Northwind Managed IT Ltd)"), nil)
	u.askNewFile(lang.L("New workspace"), lang.L("Create"), "Workspace"+data.WorkspaceExt, []fyne.CanvasObject{demo}, func(path string) error {
		return u.createWorkspace(path, demo.Checked)
	}, nil)
}

func (u *UI) onOpenWorkspace() {
	dir := ""
	if u.ws != nil {
		dir = filepath.Dir(u.ws.Path())
	}
	u.chooseFile(data.WorkspaceExt, dir, u.openWorkspace)
}

func (u *UI) onOpenRecent(path string) {
	if err := u.openWorkspace(path); err != nil {
		if data.ErrorCode(err) == data.ENotFound {
			removeRecent(u.app.Preferences(), path)
			u.installMenu()
		}
		u.showError(err)
	}
}

// onBackup writes a consistent copy of the open workspace to a new file.
func (u *UI) onBackup() {
	if u.ws == nil {
		return
	}
	base := strings.TrimSuffix(filepath.Base(u.ws.Path()), data.WorkspaceExt)
	name := fmt.Sprintf("%s backup %s%s", base, u.deps.Now().Format("2006-01-02 1504"), data.WorkspaceExt)
	u.askNewFile(lang.L("Save a backup copy"), lang.L("Save"), name, nil, func(path string) error {
		return u.ws.Backup(context.Background(), path)
	}, func(path string) {
		dialog.ShowInformation(lang.L("Backup saved"), lang.L("A copy of the workspace was saved to")+"\n"+path, u.win)
	})
}

// askNewFile asks for a folder and a file name for a workspace file that
// must not exist yet, then calls create, and then, once the dialog closed.
func (u *UI) askNewFile(title, confirm, defaultName string, extra []fyne.CanvasObject, create func(path string) error, then func(path string)) {
	askFile(u.win, title, confirm, u.defaultFolder(), defaultName, extra, newFilePath, create, then)
}

// newFilePath checks a folder and a file name typed by the user and returns
// the path of a workspace file that does not exist yet.
func newFilePath(folder, name string) (string, error) {
	return newFileAt(folder, name, data.WorkspaceExt, "SMS Builder never overwrites a workspace.")
}

// newFileAt is the path of a file with the extension ext that does not
// exist yet; why explains a refused name that does.
func newFileAt(folder, name, ext, why string) (string, error) {
	path, err := filePath(folder, name, ext)
	if err != nil {
		return "", err
	}
	if _, err := os.Lstat(path); !errors.Is(err, os.ErrNotExist) {
		return "", data.Errorf(data.EExists, "%s already exists. Choose another name: %s", filepath.Base(path), why)
	}
	return path, nil
}

func (u *UI) defaultFolder() string {
	if u.ws != nil {
		return filepath.Dir(u.ws.Path())
	}
	if u.deps.DefaultWorkspace != "" {
		return filepath.Dir(u.deps.DefaultWorkspace)
	}
	home, _ := os.UserHomeDir()
	return home
}

// askWhoIsWorking asks for the name the audit trail records for each change,
// offering the workspace's people, and remembers it on this computer.
func (u *UI) askWhoIsWorking() {
	var names []string
	if u.ws != nil {
		if people, err := u.ws.People(context.Background()); err == nil {
			for _, p := range people {
				names = append(names, p.Name)
			}
		}
	}
	who := widget.NewSelectEntry(names)
	who.PlaceHolder = lang.L("Your name")
	who.SetText(u.actor)
	intro := widget.NewLabel(lang.L("Every change is recorded in the audit trail with the name of the person who made it."))
	intro.Wrapping = fyne.TextWrapWord
	showFormDialog(u.win, lang.L("Who is working?"), lang.L("Start working"), container.NewVBox(intro, who), 460, false, nil, func() error {
		name := strings.TrimSpace(who.Text)
		if name == "" {
			return data.Errorf(data.EInvalid, "%s", lang.L("Enter your name or choose a person."))
		}
		u.actor = name
		u.app.Preferences().SetString(prefActor, name)
		if u.ws != nil {
			if err := u.ws.SetHolder(u.ctx()); err != nil {
				u.showError(err)
			}
		}
		u.refreshHeader()
		u.notifyOverdue()
		return nil
	}, &who.Entry)
	u.win.Canvas().Focus(who)
	// Typing a name replaces the remembered one instead of adding to it.
	who.TypedShortcut(&fyne.ShortcutSelectAll{})
}

// notifyOverdue tells the person who starts working how much work is
// overdue, and offers to show it.
func (u *UI) notifyOverdue() {
	if u.ws == nil {
		return
	}
	tasks, err := u.ws.Tasks(context.Background())
	if err != nil {
		u.showError(err)
		return
	}
	n := data.CountOverdue(tasks, u.deps.Now())
	if n == 0 {
		return
	}
	msg := fmt.Sprintf(lang.L("%d tasks are overdue. The task list shows them first."), n)
	if n == 1 {
		msg = lang.L("One task is overdue. The task list shows it first.")
	}
	dialog.ShowCustomConfirm(lang.L("Overdue work"), lang.L("Show tasks"), lang.L("Later"), wrapLabel(msg), func(show bool) {
		if show {
			u.goTo(screenTasks)
		}
	}, u.win)
}
