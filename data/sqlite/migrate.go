package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"smsbuilder/data"
)

// migrationFiles holds the schema as numbered SQL files, applied in order.
// A new schema version is a new file; a released file never changes.
//
//go:embed migrations/*.sql
var migrationFiles embed.FS

// migrationDir is the folder of the migration files inside their fs.FS.
const migrationDir = "migrations"

// migration is one numbered schema step.
type migration struct {
	version int
	name    string
	sql     string
}

var migrationName = regexp.MustCompile(`^([0-9]{4})_[a-z0-9_]+\.sql$`)

// loadMigrations reads migrations/NNNN_name.sql from fsys. The numbers must
// run 1, 2, 3, ... without gaps or repeats, so that a schema version always
// means the same tables.
func loadMigrations(fsys fs.FS) ([]migration, error) {
	entries, err := fs.ReadDir(fsys, migrationDir)
	if err != nil {
		return nil, fmt.Errorf("read migrations: %w", err)
	}
	var out []migration
	for _, e := range entries {
		if e.IsDir() {
			continue
		}
		m := migrationName.FindStringSubmatch(e.Name())
		if m == nil {
			return nil, fmt.Errorf("migration %q: name must look like 0001_what_it_does.sql", e.Name())
		}
		v, _ := strconv.Atoi(m[1]) // four digits always parse
		if v != len(out)+1 {
			return nil, fmt.Errorf("migration %q: expected number %04d", e.Name(), len(out)+1)
		}
		b, err := fs.ReadFile(fsys, path.Join(migrationDir, e.Name()))
		if err != nil {
			return nil, fmt.Errorf("read migration %q: %w", e.Name(), err)
		}
		out = append(out, migration{version: v, name: e.Name(), sql: string(b)})
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no migrations in %s", migrationDir)
	}
	return out, nil
}

// schemaVersion reads PRAGMA user_version.
func schemaVersion(ctx context.Context, db *sql.DB) (int, error) {
	var v int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return 0, fmt.Errorf("read schema version: %w", err)
	}
	return v, nil
}

// migrate applies every migration newer than the file's schema, each in its
// own transaction together with the new user_version, so that a failed step
// leaves the file at the previous version. It returns how many were applied.
func migrate(ctx context.Context, db *sql.DB, migs []migration) (int, error) {
	from, err := schemaVersion(ctx, db)
	if err != nil {
		return 0, err
	}
	applied := 0
	for _, m := range migs {
		if m.version <= from {
			continue
		}
		if err := applyMigration(ctx, db, m); err != nil {
			return applied, err
		}
		applied++
	}
	return applied, nil
}

func applyMigration(ctx context.Context, db *sql.DB, m migration) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("migration %s: %w", m.name, err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, m.sql); err != nil {
		return fmt.Errorf("migration %s: %w", m.name, err)
	}
	if step := migrationStep(m.version); step != nil {
		if err := step(ctx, tx); err != nil {
			return fmt.Errorf("migration %s: %w", m.name, err)
		}
	}
	// PRAGMA takes no bound parameters; the version is an int we parsed.
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", m.version)); err != nil {
		return fmt.Errorf("migration %s: set schema version: %w", m.name, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("migration %s: commit: %w", m.name, err)
	}
	return nil
}

// migrationStep is the Go code, if any, that the migration to version runs
// after its SQL, in the same transaction: what SQL alone cannot do.
func migrationStep(version int) func(context.Context, *sql.Tx) error {
	switch version {
	case chainSchema:
		return sealTrail // the entries written before schema 4 get their seals
	case registerSchema:
		return indexMovedRecords // the tasks moved into the engine
	}
	return nil
}

// migrationBackupName is where the copy made before migrating file to schema
// version target goes: beside it, named after the version and the time, and
// not yet taken.
func migrationBackupName(file string, target int, now time.Time) (string, error) {
	base := fmt.Sprintf("%s.before-v%d-%s", file, target, now.UTC().Format("20060102T150405Z"))
	for i := 1; i < 100; i++ {
		name := base + ".bak"
		if i > 1 {
			name = fmt.Sprintf("%s-%d.bak", base, i)
		}
		if _, err := os.Lstat(name); os.IsNotExist(err) {
			return name, nil
		}
	}
	return "", fmt.Errorf("no free backup name beside %s", file)
}

// sameMigrationBackup returns the copy an earlier attempt to update file to
// schema target left with the same contents as fresh, or "". A copy made by
// VACUUM INTO depends only on what the database holds, so equal bytes mean
// the same state.
func sameMigrationBackup(file string, target int, fresh string) string {
	dir := filepath.Dir(file)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return ""
	}
	prefix := fmt.Sprintf("%s.before-v%d-", filepath.Base(file), target)
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), prefix) || !strings.HasSuffix(e.Name(), ".bak") || !e.Type().IsRegular() {
			continue
		}
		if p := filepath.Join(dir, e.Name()); sameContent(p, fresh) {
			return p
		}
	}
	return ""
}

// sameContent reports whether two files hold the same bytes.
func sameContent(a, b string) bool {
	fa, err := os.Open(a)
	if err != nil {
		return false
	}
	defer fa.Close()
	fb, err := os.Open(b)
	if err != nil {
		return false
	}
	defer fb.Close()
	sa, errA := fa.Stat()
	sb, errB := fb.Stat()
	if errA != nil || errB != nil || sa.Size() != sb.Size() {
		return false
	}
	ba, bb := make([]byte, 64<<10), make([]byte, 64<<10)
	for {
		na, errA := io.ReadFull(fa, ba)
		nb, errB := io.ReadFull(fb, bb)
		if na != nb || !bytes.Equal(ba[:na], bb[:nb]) {
			return false
		}
		if errA != nil || errB != nil {
			return errors.Is(errA, io.EOF) || errors.Is(errA, io.ErrUnexpectedEOF)
		}
	}
}

// migrationFailed explains in plain words an update of the schema that did
// not go through. Each step is its own transaction, so the file is left at
// the last step that succeeded.
func migrationFailed(ctx context.Context, w *Workspace, target int, err error) error {
	at := w.version
	if v, verr := schemaVersion(ctx, w.db); verr == nil {
		at = v
	}
	cause := "the update stopped part-way"
	var se *sqlite.Error
	if errors.As(err, &se) {
		switch se.Code() & 0xff {
		case sqlite3.SQLITE_FULL:
			cause = "the disk is full"
		case sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED:
			cause = "another program was using the file"
		case sqlite3.SQLITE_READONLY, sqlite3.SQLITE_PERM, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_IOERR:
			cause = "the file could not be written"
		default:
			cause = "SQLite refused a step of the update (" + se.Error() + ")"
		}
	}
	name := filepath.Base(w.path)
	return &data.Error{
		Code: data.EInternal,
		Message: fmt.Sprintf("%s could not be updated to the format of this version of SMS Builder (schema %d to %d), so it was not opened: %s. "+
			"The file is at schema %d, with every record it held; a copy made before the attempt is at %s. Opening again uses the same copy.",
			name, w.version, target, cause, at, w.backupPath),
		Err: err,
	}
}
