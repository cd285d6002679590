package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"smsbuilder/data"
)

// Daily backups go into a folder beside the workspace, one copy a day at
// most, named "NAME backup YYYY-MM-DD.smsdb" after the workspace NAME.smsdb.
const (
	backupsFolder = "Backups"
	backupDay     = "2006-01-02"
	keepDaily     = 7 // the newest copies, one a day
	keepWeekly    = 4 // and the newest copy of each of the last weeks
)

// dailyBackupPattern matches the copies of the workspace named stem.
func dailyBackupPattern(stem string) *regexp.Regexp {
	return regexp.MustCompile(`^` + regexp.QuoteMeta(stem) + ` backup ([0-9]{4}-[0-9]{2}-[0-9]{2})` + regexp.QuoteMeta(data.WorkspaceExt) + `$`)
}

// workspaceStem is the workspace's file name without its extension.
func workspaceStem(abs string) string {
	base := filepath.Base(abs)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// dailyBackupName is the copy of the workspace abs for the day of now.
func dailyBackupName(abs string, now time.Time) string {
	return filepath.Join(filepath.Dir(abs), backupsFolder, workspaceStem(abs)+" backup "+now.Format(backupDay)+data.WorkspaceExt)
}

// isDailyBackup reports whether abs is itself one of the daily copies, which
// get no copies of their own.
func isDailyBackup(abs string) bool {
	if filepath.Base(filepath.Dir(abs)) != backupsFolder {
		return false
	}
	return regexp.MustCompile(` backup [0-9]{4}-[0-9]{2}-[0-9]{2}` + regexp.QuoteMeta(data.WorkspaceExt) + `$`).MatchString(filepath.Base(abs))
}

// DailyBackup is the copy Open wrote today, or "" and why none was written.
func (w *Workspace) DailyBackup() (string, error) { return w.dailyPath, w.dailyErr }

// dailyBackup writes today's copy of the workspace just opened for writing,
// unless there is one already, and then drops the copies rotation no longer
// keeps. It does not fail Open: the reason is kept for DailyBackup.
func (s *Store) dailyBackup(ctx context.Context, w *Workspace) {
	if w.readOnly || isDailyBackup(w.abs) {
		return
	}
	now := s.clock()
	dest := dailyBackupName(w.abs, now)
	if _, err := os.Lstat(dest); err == nil {
		return
	}
	err := os.Mkdir(filepath.Dir(dest), 0o755)
	if err == nil || errors.Is(err, fs.ErrExist) {
		removeIncompleteBackups(w.abs)
		err = copyInto(ctx, w.db, dest)
	}
	if err != nil {
		w.dailyErr = &data.Error{Code: data.EInternal, Message: fmt.Sprintf("Today's backup copy of %s could not be saved in the %s folder beside it. Save a backup copy yourself from the File menu.", filepath.Base(w.path), backupsFolder), Err: err}
		return
	}
	w.dailyPath = dest
	w.dailyErr = rotateBackups(w.abs)
}

// removeIncompleteBackups deletes the hidden files an interrupted daily
// copy of the workspace abs left in the Backups folder, whatever its day.
func removeIncompleteBackups(abs string) {
	removeIncompleteIn(filepath.Join(filepath.Dir(abs), backupsFolder), "."+workspaceStem(abs)+" backup ")
}

// rotateBackups keeps the newest keepDaily copies and the newest copy of
// each of the keepWeekly most recent weeks, and deletes the other daily
// copies of the workspace abs. It deletes only files it could have made:
// named as a daily copy of this workspace and holding a workspace.
func rotateBackups(abs string) error {
	found, err := listDailyBackups(abs)
	if err != nil {
		return err
	}
	found = slices.DeleteFunc(found, func(b data.Backup) bool {
		k, err := probeKind(b.Path)
		return err != nil || k != kindWorkspace
	})
	days := make([]time.Time, len(found))
	for i, b := range found {
		days[i] = b.Day
	}
	keep := keptDays(days)
	for _, b := range found {
		if keep[b.Day] {
			continue
		}
		if err := os.Remove(b.Path); err != nil {
			return fmt.Errorf("remove old backup: %w", err)
		}
	}
	return nil
}

// keptDays chooses, from days sorted newest first, the ones rotation keeps.
func keptDays(days []time.Time) map[time.Time]bool {
	keep := map[time.Time]bool{}
	for i, d := range days {
		if i < keepDaily {
			keep[d] = true
		}
	}
	weeks, last := 0, -1
	for _, d := range days {
		y, w := d.ISOWeek()
		if week := y*100 + w; week != last {
			last = week
			if weeks++; weeks > keepWeekly {
				break
			}
			keep[d] = true // the newest copy of its week
		}
	}
	return keep
}

// listDailyBackups finds the daily copies of the workspace abs, newest first.
func listDailyBackups(abs string) ([]data.Backup, error) {
	dir := filepath.Join(filepath.Dir(abs), backupsFolder)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("list backups: %w", err)
	}
	pattern := dailyBackupPattern(workspaceStem(abs))
	var out []data.Backup
	for _, e := range entries {
		m := pattern.FindStringSubmatch(e.Name())
		if m == nil || !e.Type().IsRegular() {
			continue
		}
		day, err := time.Parse(backupDay, m[1])
		if err != nil {
			continue
		}
		out = append(out, data.Backup{Path: filepath.Join(dir, e.Name()), Day: day})
	}
	slices.SortFunc(out, func(a, b data.Backup) int { return b.Day.Compare(a.Day) })
	return out, nil
}

// Backups lists the daily copies of the workspace at path, newest first,
// each checked without changing it.
func (s *Store) Backups(ctx context.Context, path string) ([]data.Backup, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("list backups: %w", err)
	}
	if _, err := os.Stat(abs); errors.Is(err, fs.ErrNotExist) {
		return nil, data.Errorf(data.ENotFound, "No workspace at %s.", path)
	}
	list, err := listDailyBackups(abs)
	if err != nil {
		return nil, err
	}
	for i := range list {
		list[i].Report, list[i].Err = s.Check(ctx, list[i].Path)
	}
	return list, nil
}

// CopyWorkspace writes a consistent copy of the workspace src to dest,
// which must not exist and must pass CheckOutput. src is read through a
// read-only connection and is not changed.
func (s *Store) CopyWorkspace(ctx context.Context, src, dest string) error {
	if err := s.CheckOutput(dest); err != nil {
		return err
	}
	if err := mustBeNew(dest); err != nil {
		return err
	}
	migs, err := s.loadMigrations()
	if err != nil {
		return fmt.Errorf("copy workspace: %w", err)
	}
	in, err := inspect(ctx, src, len(migs), "quick_check", nil)
	defer in.close()
	if err != nil {
		return err
	}
	db, err := sql.Open("sqlite", roDSN(in.abs, in.immutable(), false))
	if err != nil {
		return fmt.Errorf("copy workspace: %w", err)
	}
	defer db.Close()
	abs, err := filepath.Abs(dest)
	if err != nil {
		return fmt.Errorf("copy workspace: %w", err)
	}
	return wrap("copy workspace", copyInto(ctx, db, abs))
}

// mustBeNew refuses a destination that exists already.
func mustBeNew(dest string) error {
	if _, err := os.Lstat(dest); err == nil {
		return data.Errorf(data.EExists, "A file already exists at %s: choose another name for the copy.", dest)
	}
	return nil
}
