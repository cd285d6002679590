package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"smsbuilder/data"
)

// sqliteMagic opens every SQLite database file.
const sqliteMagic = "SQLite format 3\x00"

// sideSuffixes name the files SQLite keeps beside a database while it is in
// use or after a crash.
var sideSuffixes = [...]string{"-wal", "-shm", "-journal"}

// inspection is what Open and Check learn about a file before they trust it.
type inspection struct {
	path      string // as the caller gave it, for messages
	abs       string
	size      int64
	readOnly  bool
	sideFiles bool // a -wal, -shm or -journal file lies beside it
	wal       bool // the header says write-ahead log, not rollback journal
	locked    bool // a write lock file lies beside it
	version   int
	integrity string
	// rolledBack: a hot journal lay beside the file, and abs is a private
	// copy in which SQLite undid the interrupted change; remove deletes it.
	rolledBack bool
	remove     func()
}

// inspect decides whether path is a workspace this app can open, without
// changing a byte of it: it reads the header itself, then opens the file
// read-only (immutable when SQLite has no side files there, so none are
// created) and checks the marker, the schema version and, with check
// ("quick_check" or "integrity_check"), the integrity. more, when not nil,
// reads further facts from the same read-only connection. Refusals are
// *data.Error values; the inspection is filled as far as it got.
func inspect(ctx context.Context, path string, newest int, check string, more func(*sql.DB) error) (inspection, error) {
	in := inspection{path: path}
	abs, err := filepath.Abs(path)
	if err != nil {
		return in, fmt.Errorf("inspect workspace: %w", err)
	}
	in.abs = abs
	if err := in.probe(); err != nil {
		return in, err
	}
	in.locked = lockFileExists(abs)
	if hotJournal(abs) {
		copyPath, remove, err := rolledBackCopy(ctx, abs)
		if err != nil {
			return in, &data.Error{Code: data.ECorrupt, Err: err, Message: fmt.Sprintf(
				"%s holds a change that was interrupted (in %s beside it), and it could not be undone in a copy. Restore the workspace from a backup.",
				path, filepath.Base(abs)+"-journal")}
		}
		readOnly := in.readOnly
		in.abs, in.remove, in.rolledBack = copyPath, remove, true
		if err := in.probe(); err != nil {
			return in, err
		}
		in.readOnly = readOnly
	}

	db, err := sql.Open("sqlite", roDSN(in.abs, in.immutable(), true))
	if err != nil {
		return in, fmt.Errorf("inspect workspace: %w", err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)

	if err := in.checkMarker(ctx, db); err != nil {
		return in, err
	}
	if in.version, err = schemaVersion(ctx, db); err != nil {
		return in, in.sqliteError(err)
	}
	if in.version > newest {
		return in, data.Errorf(data.ETooNew, "%s was saved by a newer version of SMS Builder (schema %d; this version knows up to %d). Update SMS Builder to open it.", path, in.version, newest)
	}
	if in.integrity, err = integrity(ctx, db, check); err != nil {
		return in, in.sqliteError(err)
	}
	if in.integrity != "ok" {
		return in, &data.Error{
			Code:    data.ECorrupt,
			Message: fmt.Sprintf("%s is damaged or truncated: SQLite's integrity check found a problem. Restore it from a backup.", path),
			Err:     fmt.Errorf("%s: %s", check, in.integrity),
		}
	}
	if more != nil {
		if err := more(db); err != nil {
			return in, in.sqliteError(err)
		}
	}
	return in, nil
}

// probe checks what the file system and the 100-byte SQLite header say.
func (in *inspection) probe() error {
	fi, err := os.Stat(in.abs)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return data.Errorf(data.ENotFound, "No workspace at %s.", in.path)
	case err != nil:
		return &data.Error{Code: data.EInternal, Message: fmt.Sprintf("%s cannot be read.", in.path), Err: err}
	case fi.IsDir():
		return data.Errorf(data.ENotWorkspace, "%s is a folder, not an SMS Builder workspace.", in.path)
	case !fi.Mode().IsRegular():
		return data.Errorf(data.ENotWorkspace, "%s is not an SMS Builder workspace: it is not a regular file.", in.path)
	}
	in.size = fi.Size()
	in.readOnly = readOnlyFile(in.abs, fi)
	for _, s := range sideSuffixes {
		if _, err := os.Lstat(in.abs + s); err == nil {
			in.sideFiles = true
		}
	}

	f, err := os.Open(in.abs)
	if err != nil {
		return &data.Error{Code: data.EInternal, Message: fmt.Sprintf("%s cannot be read.", in.path), Err: err}
	}
	defer f.Close()
	h := make([]byte, 100)
	n, err := io.ReadFull(f, h)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return &data.Error{Code: data.EInternal, Message: fmt.Sprintf("%s cannot be read.", in.path), Err: err}
	}
	h = h[:n]
	switch {
	case n == 0:
		return data.Errorf(data.ENotWorkspace, "%s is not an SMS Builder workspace: it is empty.", in.path)
	case !bytes.HasPrefix(h, []byte(sqliteMagic)):
		return data.Errorf(data.ENotWorkspace, "%s is not an SMS Builder workspace: it is not a SQLite database.", in.path)
	case n < 100:
		return data.Errorf(data.ECorrupt, "%s is damaged or truncated: its header is incomplete.", in.path)
	}

	in.wal = h[18] == 2
	pageSize := int64(binary.BigEndian.Uint16(h[16:18]))
	if pageSize == 1 {
		pageSize = 65536
	}
	if pageSize < 512 || pageSize&(pageSize-1) != 0 {
		return data.Errorf(data.ECorrupt, "%s is damaged or truncated: its header names an impossible page size (%d).", in.path, pageSize)
	}
	if in.size%pageSize != 0 {
		return data.Errorf(data.ECorrupt, "%s is damaged or truncated: its size (%d bytes) is not a whole number of %d-byte pages.", in.path, in.size, pageSize)
	}
	// The page count in the header is only valid when the change counter
	// matches the version-valid-for number. With a write-ahead log beside the
	// file, the rest of the pages may still be in the log.
	pages := int64(binary.BigEndian.Uint32(h[28:32]))
	valid := bytes.Equal(h[24:28], h[92:96])
	if valid && !in.sideFiles && in.size < pages*pageSize {
		return data.Errorf(data.ECorrupt, "%s is damaged or truncated: it holds %d of its %d pages.", in.path, in.size/pageSize, pages)
	}
	return nil
}

// immutable reports whether the file may be read as immutable: SQLite then
// takes no locks and creates no -wal or -shm file. Not with side files beside
// it; nor while a writer with the rollback journal (on a network drive),
// which keeps no side files between transactions, holds the lock: SQLite
// must take its locks to read safely then, which in rollback mode creates no
// file. A WAL writer always has its side files beside it.
func (in *inspection) immutable() bool {
	return !in.sideFiles && (in.wal || !in.locked)
}

// checkMarker refuses a SQLite database that another program made.
func (in *inspection) checkMarker(ctx context.Context, db *sql.DB) error {
	foreign := data.Errorf(data.ENotWorkspace, "%s is a SQLite database but not an SMS Builder workspace.", in.path)
	var id int64
	if err := db.QueryRowContext(ctx, "PRAGMA application_id").Scan(&id); err != nil {
		return in.sqliteError(err)
	}
	if uint32(id) != applicationID {
		return foreign
	}
	var n int
	if err := db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'").Scan(&n); err != nil {
		return in.sqliteError(err)
	}
	if n == 0 {
		return foreign
	}
	var app string
	err := db.QueryRowContext(ctx, "SELECT value FROM meta WHERE key = 'app'").Scan(&app)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && app != metaApp) {
		return foreign
	}
	if err != nil {
		return in.sqliteError(err)
	}
	return nil
}

// sqliteError turns what SQLite says about a file it cannot read into a
// message for the user; other errors pass through with context.
func (in *inspection) sqliteError(err error) error {
	var e *sqlite.Error
	if errors.As(err, &e) {
		if e.Code() == sqlite3.SQLITE_READONLY_ROLLBACK {
			return &data.Error{Code: data.EReadOnly, Message: fmt.Sprintf("%s holds a change that was interrupted (in %s beside it), which must be undone before it can be read. Open it for writing in SMS Builder.", in.path, filepath.Base(in.path)+"-journal"), Err: err}
		}
		if e.Code() == sqlite3.SQLITE_IOERR_SHORT_READ {
			return &data.Error{Code: data.ECorrupt, Message: fmt.Sprintf("%s is damaged or truncated and cannot be read. Restore it from a backup.", in.path), Err: err}
		}
		switch e.Code() & 0xff {
		case sqlite3.SQLITE_NOTADB:
			return &data.Error{Code: data.ENotWorkspace, Message: fmt.Sprintf("%s is not an SMS Builder workspace: it is not a SQLite database.", in.path), Err: err}
		case sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_FORMAT, sqlite3.SQLITE_RANGE:
			return &data.Error{Code: data.ECorrupt, Message: fmt.Sprintf("%s is damaged or truncated and cannot be read. Restore it from a backup.", in.path), Err: err}
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			return &data.Error{Code: data.EInternal, Message: fmt.Sprintf("%s is in use by another program; try again in a moment.", in.path), Err: err}
		}
	}
	return fmt.Errorf("inspect workspace: %w", err)
}

// integrity runs PRAGMA quick_check or integrity_check and returns "ok" or
// SQLite's first complaint.
func integrity(ctx context.Context, db *sql.DB, check string) (string, error) {
	if check != "quick_check" && check != "integrity_check" {
		return "", fmt.Errorf("unknown check %q", check)
	}
	rows, err := db.QueryContext(ctx, "PRAGMA "+check)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	result := ""
	if rows.Next() {
		if err := rows.Scan(&result); err != nil {
			return "", err
		}
	}
	if err := rows.Err(); err != nil {
		return "", err
	}
	if result == "" {
		return "", fmt.Errorf("%s returned nothing", check)
	}
	return result, nil
}

// readOnlyFile reports whether the workspace must be opened read-only: its
// mode bits (or its folder's) allow no writing, or the operating system
// refuses to open it for writing. The mode bits decide even for root, who
// may write anyway, so that a file marked read-only is treated as such.
// Opening for writing without writing changes neither bytes nor times.
func readOnlyFile(abs string, fi fs.FileInfo) bool {
	if fi.Mode().Perm()&0o222 == 0 {
		return true
	}
	if di, err := os.Stat(filepath.Dir(abs)); err == nil && di.Mode().Perm()&0o222 == 0 {
		return true
	}
	f, err := os.OpenFile(abs, os.O_WRONLY, 0)
	if err != nil {
		return errors.Is(err, fs.ErrPermission) || errors.Is(err, syscall.EROFS)
	}
	f.Close()
	return false
}
