// Package sqlite stores SMS Builder workspaces in SQLite files, one per
// organisation, through modernc.org/sqlite (pure Go, no cgo).
//
// A workspace is marked by PRAGMA application_id and a meta table, and its
// schema is the embedded numbered migrations in migrations/, tracked by
// PRAGMA user_version. Before a file is trusted it is inspected read-only
// (immutable, so SQLite creates no side files): a file that is missing, not a
// SQLite database, damaged or truncated, another program's database, or
// written by a newer version is refused with a *data.Error and left exactly as
// it was. Every public method of Workspace is one transaction, and every write
// appends to the audit trail inside that transaction.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"smsbuilder/data"
)

// applicationID marks a SQLite file as an SMS Builder workspace: "SMSB".
const applicationID uint32 = 0x534D5342

// metaApp is the meta table's "app" value in every workspace.
const metaApp = "smsbuilder"

// timeLayout is how times are stored: UTC RFC 3339 with milliseconds, of
// fixed width so that text order is time order.
const timeLayout = "2006-01-02T15:04:05.000Z07:00"

// dateLayout is how dates (due dates, target dates, assessment dates) are
// stored: a calendar day without a time or a zone.
const dateLayout = "2006-01-02"

var (
	_ data.Store     = (*Store)(nil)
	_ data.Workspace = (*Workspace)(nil)
)

// Store creates, opens and checks workspace files. The zero value is ready to
// use; it holds no open files. Make one per process and share it: it knows
// the write locks its workspaces hold (see lock.go).
type Store struct {
	migrations fs.FS            // holds migrations/NNNN_name.sql; nil means the embedded ones
	now        func() time.Time // nil means time.Now
	locks      locks
	host       func() string           // this computer's name; nil means os.Hostname
	alive      func(pid int) bool      // whether a local process runs; nil means processAlive
	fileSystem func(dir string) string // the network file system holding dir, or ""; nil means fileSystemOf
}

// New returns a Store with the embedded schema.
func New() *Store { return &Store{} }

func (s *Store) clock() time.Time {
	if s.now != nil {
		return s.now()
	}
	return time.Now()
}

func (s *Store) loadMigrations() ([]migration, error) {
	fsys := s.migrations
	if fsys == nil {
		fsys = migrationFiles
	}
	return loadMigrations(fsys)
}

// SchemaVersion is the newest schema this build knows.
func (s *Store) SchemaVersion() (int, error) {
	migs, err := s.loadMigrations()
	if err != nil {
		return 0, err
	}
	return len(migs), nil
}

// Create makes a new, empty workspace at path, which must not exist. It is
// built under a hidden name and renamed into place when complete.
func (s *Store) Create(ctx context.Context, path string) (data.Workspace, error) {
	ws, err := s.create(ctx, path, nil)
	if err != nil {
		return nil, err
	}
	return ws, nil
}

func (s *Store) create(ctx context.Context, path string, fill func(*Workspace) error) (*Workspace, error) {
	migs, err := s.loadMigrations()
	if err != nil {
		return nil, fmt.Errorf("create workspace: %w", err)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("create workspace: %w", err)
	}
	if _, err := os.Lstat(abs); err == nil {
		return nil, data.Errorf(data.EExists, "A file already exists at %s.", path)
	}
	// A log left by an earlier database of the same name would be replayed
	// into the new one.
	for _, suffix := range sideSuffixes {
		if _, err := os.Lstat(abs + suffix); err == nil {
			return nil, data.Errorf(data.EExists, "%s is still beside %s, left by an earlier database: move or delete it first.", filepath.Base(abs+suffix), path)
		}
	}
	dir := filepath.Dir(abs)
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return nil, data.Errorf(data.ENotFound, "There is no folder %s.", dir)
	}
	if err := s.nameHeld(path, abs); err != nil {
		return nil, err
	}
	ws, err := s.build(ctx, path, abs, migs, fill)
	if err != nil {
		return nil, wrap("create workspace", err)
	}
	if err := s.lockCreated(ctx, ws); err != nil {
		return nil, err
	}
	return ws, nil
}

// initialise migrates a new, empty file to the newest schema and marks it.
func (s *Store) initialise(ctx context.Context, path, abs string, migs []migration) (*Workspace, error) {
	db, err := openRW(abs, s.journalMode(abs))
	if err != nil {
		return nil, err
	}
	if _, err := migrate(ctx, db, migs); err != nil {
		db.Close()
		return nil, err
	}
	if err := ensureViewsAt(ctx, db, len(migs)); err != nil {
		db.Close()
		return nil, fmt.Errorf("create workspace: %w", err)
	}
	err = inTx(ctx, db, func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d", applicationID)); err != nil {
			return fmt.Errorf("mark workspace: %w", err)
		}
		_, err := tx.ExecContext(ctx, "INSERT INTO meta (key, value) VALUES (?, ?), (?, ?)",
			"app", metaApp, "created_at", formatTime(s.clock()))
		return err
	})
	if err != nil {
		db.Close()
		return nil, err
	}
	if err := checkOK(ctx, db); err != nil {
		db.Close()
		return nil, err
	}
	return &Workspace{db: db, path: path, abs: abs, version: len(migs), now: s.clock}, nil
}

// Open opens an existing workspace after inspecting it, writes a backup copy
// beside an older-schema file and migrates it. A file whose permissions allow
// no writing is opened read-only.
func (s *Store) Open(ctx context.Context, path string) (data.Workspace, error) {
	ws, err := s.open(ctx, path)
	if err != nil {
		return nil, err
	}
	return ws, nil
}

func (s *Store) open(ctx context.Context, path string) (*Workspace, error) {
	return s.openAs(ctx, path, openWrite)
}

func (s *Store) openAs(ctx context.Context, path string, how openHow) (_ *Workspace, err error) {
	migs, err := s.loadMigrations()
	if err != nil {
		return nil, fmt.Errorf("open workspace: %w", err)
	}
	newest := len(migs)
	if abs, err := filepath.Abs(path); err == nil && hotJournal(abs) {
		if err := s.undoInterruptedChange(ctx, path, abs, newest); err != nil {
			return nil, err
		}
	}
	in, err := inspect(ctx, path, newest, "quick_check", nil)
	defer in.close()
	if err != nil {
		return nil, err
	}
	if in.rolledBack {
		// The journal is still there: another program is in the middle of a change.
		return nil, data.Errorf(data.EInternal, "%s is being changed by another program; try again in a moment.", path)
	}
	ws := &Workspace{path: path, abs: in.abs, readOnly: in.readOnly, version: in.version, now: s.clock}

	done, err := s.openLocked(ctx, ws, in, newest, how)
	if err != nil {
		return nil, err
	}
	if done {
		return ws, nil
	}
	defer func() {
		if err != nil {
			ws.lock.release()
		}
	}()
	if ws.readOnly {
		if in.version < newest {
			return nil, data.Errorf(data.EReadOnly, "%s is read-only and was saved by an older version of SMS Builder (schema %d); it must be updated to schema %d before this version can open it. Make the file writable, or open a copy.", path, in.version, newest)
		}
		if ws.db, err = openRO(in.abs, in.immutable()); err != nil {
			return nil, fmt.Errorf("open workspace: %w", err)
		}
		return ws, nil
	}

	if in.version < newest {
		// The copy is made from a read-only connection, before a byte changes.
		if ws.backupPath, err = s.backupBeforeMigration(ctx, in, newest); err != nil {
			return nil, fmt.Errorf("open workspace: %w", err)
		}
	}
	if ws.db, err = openRW(in.abs, s.journalMode(in.abs)); err != nil {
		return nil, fmt.Errorf("open workspace: %w", err)
	}
	applied, err := migrate(ctx, ws.db, migs)
	if err == nil && applied > 0 {
		err = checkOK(ctx, ws.db)
	}
	if err == nil {
		ws.version, err = schemaVersion(ctx, ws.db)
	}
	if err == nil {
		err = ensureViewsAt(ctx, ws.db, ws.version)
	}
	if err != nil {
		defer ws.db.Close()
		if ws.backupPath != "" {
			return nil, migrationFailed(ctx, ws, newest, err)
		}
		return nil, fmt.Errorf("open workspace: %w", err)
	}
	s.dailyBackup(ctx, ws)
	return ws, nil
}

// backupBeforeMigration copies the file before its schema is updated. When
// an earlier attempt failed and left a copy of this very state, that copy is
// kept and no other is made, so retries do not pile up copies.
func (s *Store) backupBeforeMigration(ctx context.Context, in inspection, newest int) (string, error) {
	db, err := sql.Open("sqlite", roDSN(in.abs, in.immutable(), false))
	if err != nil {
		return "", err
	}
	defer db.Close()
	tmp, err := incompleteName(in.abs)
	if err != nil {
		return "", err
	}
	if err := vacuumInto(ctx, db, tmp); err != nil {
		return "", fmt.Errorf("back up before update: %w", err)
	}
	defer os.Remove(tmp)
	if prev := sameMigrationBackup(in.abs, newest, tmp); prev != "" {
		return prev, nil
	}
	name, err := migrationBackupName(in.abs, newest, s.clock())
	if err != nil {
		return "", err
	}
	if err := publish(tmp, name); err != nil {
		return "", fmt.Errorf("back up before update: %w", err)
	}
	return name, nil
}

// Check inspects path without changing a byte of it and reports its schema,
// integrity (PRAGMA integrity_check) and contents. A file Open would refuse
// is refused with the same *data.Error, with the report filled as far as the
// inspection got.
func (s *Store) Check(ctx context.Context, path string) (data.CheckReport, error) {
	r := data.CheckReport{Path: path}
	migs, err := s.loadMigrations()
	if err != nil {
		return r, fmt.Errorf("check workspace: %w", err)
	}
	r.AppSchema = len(migs)
	in, err := inspect(ctx, path, r.AppSchema, "integrity_check", func(db *sql.DB) error {
		if err := readCheckFacts(ctx, db, &r); err != nil {
			return err
		}
		return checkContents(ctx, db, migs, &r) // check.go
	})
	defer in.close()
	r.InterruptedChange = in.rolledBack
	r.SizeBytes = in.size
	r.SchemaVersion = in.version
	r.ReadOnly = in.readOnly
	r.Integrity = in.integrity
	r.NeedsMigrate = in.version > 0 && in.version < r.AppSchema
	if in.abs != "" && lockFileExists(in.abs) {
		r.Lock = s.peekLock(in.abs)
	}
	if err != nil {
		return r, err
	}
	return r, nil
}

// readCheckFacts reads the organisation's name and the counts for a report.
// A table that is missing (an older file, still to be migrated, or one a
// tool dropped, which the check reports) counts nothing.
func readCheckFacts(ctx context.Context, db *sql.DB, r *data.CheckReport) error {
	exists := func(table string) (bool, error) {
		var n int
		err := db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?", table).Scan(&n)
		return n > 0, err
	}
	ok, err := exists("organisation")
	if err != nil {
		return err
	}
	if ok {
		var o data.Organisation
		err := db.QueryRowContext(ctx, "SELECT legal_name, short_name FROM organisation WHERE id = 1").Scan(&o.LegalName, &o.ShortName)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		r.Organisation = o.Name()
	}
	for _, c := range []struct {
		table string
		n     *int
	}{{"people", &r.People}, {"assessments", &r.Assessments}, {"tasks", &r.Tasks}, {"documents", &r.Documents}} {
		if c.table == "tasks" {
			// tasks are records of the register since schema 6; an
			// older file, not changed by the check, has them in a table
			ok, err := exists("records")
			if err != nil {
				return err
			}
			if ok {
				if err := db.QueryRowContext(ctx, "SELECT count(*) FROM records WHERE register = ?", data.TasksRegister).Scan(c.n); err != nil {
					return err
				}
				continue
			}
		}
		if ok, err := exists(c.table); err != nil || !ok {
			if err != nil {
				return err
			}
			continue
		}
		// The table name is one of those above, not user input.
		if err := db.QueryRowContext(ctx, "SELECT count(*) FROM "+c.table).Scan(c.n); err != nil {
			return err
		}
	}
	if ok, err := exists("audit_trail"); err != nil || !ok {
		return err
	}
	var last sql.NullString
	if err := db.QueryRowContext(ctx, "SELECT count(*), max(at) FROM audit_trail").Scan(&r.AuditEntries, &last); err != nil {
		return err
	}
	if last.Valid {
		// A time that cannot be read is one of the problems the check lists.
		if t, err := parseTime(last.String); err == nil {
			r.LastChange = t
		}
	}
	return nil
}

// checkOK runs PRAGMA quick_check and fails unless it says "ok".
func checkOK(ctx context.Context, db *sql.DB) error {
	res, err := integrity(ctx, db, "quick_check")
	if err != nil {
		return fmt.Errorf("quick check: %w", err)
	}
	if res != "ok" {
		return fmt.Errorf("quick check: %s", res)
	}
	return nil
}

// vacuumInto writes a consistent copy of db to dest, removing a partial copy
// when it fails. dest must not exist.
func vacuumInto(ctx context.Context, db *sql.DB, dest string) error {
	if _, err := db.ExecContext(ctx, "VACUUM INTO ?", dest); err != nil {
		os.Remove(dest)
		return err
	}
	return nil
}

// inTx runs fn in a transaction on db.
func inTx(ctx context.Context, db *sql.DB, fn func(*sql.Tx) error) error {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// fileURI makes an absolute path into the path part of a SQLite URI
// filename: forward slashes, a leading slash, and the characters that would
// end the path or start an escape percent-encoded.
func fileURI(abs string) string {
	p := filepath.ToSlash(abs)
	switch {
	case strings.HasPrefix(p, "//"):
		p = "//" + p // Windows share: an empty authority, then //server/share/...
	case !strings.HasPrefix(p, "/"):
		p = "/" + p // Windows drive: file:/C:/...
	}
	p = strings.NewReplacer("%", "%25", "?", "%3F", "#", "%23").Replace(p)
	return "file:" + p
}

// openRW opens a workspace for reading and writing: foreign keys, the
// journal (WAL, or DELETE on a network drive), a busy timeout, write
// transactions that take the lock at BEGIN, and one connection, on every
// pooled connection alike. mode=rw never creates a file.
func openRW(abs, journal string) (*sql.DB, error) {
	dsn := fileURI(abs) + "?mode=rw&_txlock=immediate" +
		"&_pragma=foreign_keys(1)&_pragma=journal_mode(" + journal + ")&_pragma=busy_timeout(5000)"
	return openDB(dsn)
}

// roDSN is the DSN of a read-only connection. immutable tells SQLite the
// file cannot change, so it takes no locks and creates no -wal or -shm file;
// it is used only when no such file exists already. queryOnly refuses even
// VACUUM INTO.
func roDSN(abs string, immutable, queryOnly bool) string {
	dsn := fileURI(abs) + "?mode=ro"
	if immutable {
		dsn += "&immutable=1"
	}
	dsn += "&_pragma=foreign_keys(1)&_pragma=busy_timeout(5000)"
	if queryOnly {
		dsn += "&_pragma=query_only(1)"
	}
	return dsn
}

// openRO opens a read-only workspace; the journal mode is left alone.
func openRO(abs string, immutable bool) (*sql.DB, error) {
	return openDB(roDSN(abs, immutable, false))
}

func openDB(dsn string) (*sql.DB, error) {
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	if err := db.Ping(); err != nil {
		db.Close()
		return nil, err
	}
	return db, nil
}

func formatTime(t time.Time) string { return t.UTC().Format(timeLayout) }

// formatDate stores the calendar day of t as it reads in t's own location,
// so that a day picked at local midnight is not moved to the day before by
// converting it to UTC. The zero time is NULL.
func formatDate(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.Format(dateLayout)
}

// parseDate reads a stored day back as midnight UTC; NULL is the zero time.
func parseDate(s sql.NullString) (time.Time, error) {
	if !s.Valid {
		return time.Time{}, nil
	}
	t, err := time.Parse(dateLayout, s.String)
	if err != nil {
		return time.Time{}, fmt.Errorf("stored date %q: %w", s.String, err)
	}
	return t, nil
}

// checkDate refuses, as a validation error of the record named by what, a
// date whose year does not fit the four digits of the stored text.
func checkDate(what, field, label string, t time.Time) error {
	if t.IsZero() {
		return nil
	}
	if y := t.Year(); y < 1 || y > 9999 {
		return &data.Error{Code: data.EInvalid, Message: "The " + what + " was not saved: please correct the marked fields.",
			Fields: []data.FieldError{{Field: field, Message: label + " must fall between the years 1 and 9999."}}}
	}
	return nil
}

func parseTime(s string) (time.Time, error) {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("stored time %q: %w", s, err)
	}
	return t.UTC(), nil
}
