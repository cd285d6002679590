package sqlite

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"smsbuilder/data"
)

// incompleteMark names a file still being built: ".NAME.incomplete-RANDOM"
// beside NAME. It is hidden, has no .smsdb extension (so no dialog offers
// it), and is removed the next time NAME is created.
const incompleteMark = ".incomplete-"

// incompleteName is a fresh name for building the file abs out of sight.
func incompleteName(abs string) (string, error) {
	b := make([]byte, 6)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return filepath.Join(filepath.Dir(abs), "."+filepath.Base(abs)+incompleteMark+hex.EncodeToString(b)), nil
}

// removeIncomplete deletes what an interrupted build of abs left behind.
func removeIncomplete(abs string) {
	removeIncompleteIn(filepath.Dir(abs), "."+filepath.Base(abs)+incompleteMark)
}

// removeIncompleteIn deletes the files in dir that an interrupted build left:
// those whose name starts with prefix and carries incompleteMark.
func removeIncompleteIn(dir, prefix string) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), prefix) && strings.Contains(e.Name(), incompleteMark) && e.Type().IsRegular() {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}

// removeDatabase deletes a database file and SQLite's working files beside it.
func removeDatabase(abs string) {
	os.Remove(abs)
	for _, suffix := range sideSuffixes {
		os.Remove(abs + suffix)
	}
}

// publish moves the finished file tmp to dest, never replacing a file
// that appeared at dest meanwhile, and makes the move durable.
func publish(tmp, dest string) error {
	if f, err := os.OpenFile(tmp, os.O_RDWR, 0); err == nil {
		err = f.Sync()
		f.Close()
		if err != nil {
			return err
		}
	}
	// A hard link fails when dest exists, where a rename would replace it.
	err := os.Link(tmp, dest)
	switch {
	case errors.Is(err, fs.ErrExist):
		return data.Errorf(data.EExists, "A file already exists at %s.", dest)
	case err != nil:
		// Some file systems (FAT, some network shares) have no hard links.
		if _, statErr := os.Lstat(dest); statErr == nil {
			return data.Errorf(data.EExists, "A file already exists at %s.", dest)
		}
		if err := os.Rename(tmp, dest); err != nil {
			return err
		}
	default:
		os.Remove(tmp)
	}
	if d, err := os.Open(filepath.Dir(dest)); err == nil {
		d.Sync() // not every system can sync a folder; the file itself is synced
		d.Close()
	}
	return nil
}

// copyInto writes a consistent copy of db to dest, which must not exist,
// through a hidden file beside it, so an interrupted copy leaves nothing at
// dest.
func copyInto(ctx context.Context, db *sql.DB, dest string) error {
	tmp, err := incompleteName(dest)
	if err != nil {
		return err
	}
	if err := vacuumInto(ctx, db, tmp); err != nil {
		return err
	}
	if err := publish(tmp, dest); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}

// CreateWith makes a new workspace at path and fills it before anyone can
// see it: it is built under a hidden name beside path and renamed into place
// only when fill succeeded, so an interrupted or failed fill leaves no file
// at path.
func (s *Store) CreateWith(ctx context.Context, path string, fill func(data.Workspace) error) (data.Workspace, error) {
	var f func(*Workspace) error
	if fill != nil {
		f = func(w *Workspace) error { return fill(w) }
	}
	ws, err := s.create(ctx, path, f)
	if err != nil {
		return nil, err
	}
	return ws, nil
}

// build makes the workspace abs under a hidden name, fills it, closes it
// (folding the log into the file) and moves it into place; then it opens
// the finished file.
func (s *Store) build(ctx context.Context, path, abs string, migs []migration, fill func(*Workspace) error) (*Workspace, error) {
	removeIncomplete(abs)
	tmp, err := incompleteName(abs)
	if err != nil {
		return nil, err
	}
	f, err := os.OpenFile(tmp, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
	switch {
	case errors.Is(err, fs.ErrPermission):
		return nil, &data.Error{Code: data.EReadOnly, Message: fmt.Sprintf("SMS Builder may not create files in %s.", filepath.Dir(abs)), Err: err}
	case err != nil:
		return nil, err
	}
	f.Close()
	ws, err := s.initialise(ctx, path, tmp, migs)
	if err == nil && fill != nil {
		if err = fill(ws); err != nil {
			ws.db.Close()
		}
	}
	if err == nil {
		err = ws.db.Close()
	}
	if err == nil {
		err = publish(tmp, abs)
	}
	if err != nil {
		removeDatabase(tmp)
		return nil, err
	}
	if ws.db, err = openRW(abs, s.journalMode(abs)); err != nil {
		return nil, err
	}
	ws.abs = abs
	return ws, nil
}
