package sqlite

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"smsbuilder/data"
)

// A rollback journal beside a database ("NAME-journal", starting with its
// magic number) is hot when the program writing it stopped mid-transaction:
// the file may then hold half of a change, and the journal the pages to put
// back. SQLite undoes the change the next time the file is opened for
// writing. Reading the file as immutable would skip that and see the half
// change (typically "database disk image is malformed"), so inspection never
// does: Check reads a private copy in which SQLite has undone the change,
// and Open lets SQLite undo it in the file once that copy has proved sound.

// hotJournal reports whether a journal beside abs holds an unfinished
// transaction.
func hotJournal(abs string) bool {
	f, err := os.Open(abs + "-journal")
	if err != nil {
		return false
	}
	defer f.Close()
	h := make([]byte, len(journalMagic))
	if _, err := io.ReadFull(f, h); err != nil {
		return false
	}
	return bytes.Equal(h, journalMagic)
}

// rolledBackCopy copies abs and its journal into a new temporary folder and
// lets SQLite undo the interrupted change there. remove deletes the copy.
func rolledBackCopy(ctx context.Context, abs string) (copyPath string, remove func(), err error) {
	dir, err := os.MkdirTemp("", "smsbuilder-journal-")
	if err != nil {
		return "", nil, err
	}
	remove = func() { os.RemoveAll(dir) }
	copyPath = filepath.Join(dir, "workspace"+data.WorkspaceExt)
	for _, suffix := range []string{"", "-journal"} {
		if err := copyFile(abs+suffix, copyPath+suffix); err != nil {
			remove()
			return "", nil, err
		}
	}
	if err := rollBack(ctx, copyPath); err != nil {
		remove()
		return "", nil, err
	}
	return copyPath, remove, nil
}

// rollBack opens abs for writing, which makes SQLite undo what a hot journal
// holds, and closes it again.
func rollBack(ctx context.Context, abs string) error {
	db, err := openDB(fileURI(abs) + "?mode=rw&_pragma=busy_timeout(5000)")
	if err != nil {
		return err
	}
	defer db.Close()
	var n int
	return db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master").Scan(&n)
}

func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// undoInterruptedChange lets SQLite undo the change a hot journal beside the
// workspace holds, once a private copy has shown that the result is a sound
// workspace. A journal that would not give one (left by another file of
// the same name, or damaged) is left alone, with the file, and explained.
func (s *Store) undoInterruptedChange(ctx context.Context, path, abs string, newest int) error {
	journal := filepath.Base(abs) + "-journal"
	in, err := inspect(ctx, path, newest, "integrity_check", nil)
	defer in.close()
	if err != nil {
		return &data.Error{Code: data.ECorrupt, Err: err, Message: fmt.Sprintf(
			"%s has a journal beside it (%s) holding a change that was interrupted, and undoing that change would not leave a sound workspace: "+
				"the journal may belong to another file of the same name. Nothing was changed. Move %s to another folder, keep it, and open the workspace again.",
			path, journal, journal)}
	}
	if in.readOnly {
		return data.Errorf(data.EReadOnly,
			"%s holds a change that was interrupted (in %s beside it), which must be undone before the file can be opened, and the file is read-only. "+
				"Make it writable and open it again; smsbuilder check shows it as it will then be.", path, journal)
	}
	if err := rollBack(ctx, abs); err != nil {
		return fmt.Errorf("undo interrupted change: %w", err)
	}
	return nil
}

// close removes the private copy inspection read, if it made one.
func (in *inspection) close() {
	if in.remove != nil {
		in.remove()
	}
}
