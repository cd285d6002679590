package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"smsbuilder/data"
)

// Workspace is one open workspace file. Its methods are safe for concurrent
// use; they share one connection, so they run one after another.
type Workspace struct {
	db         *sql.DB
	path       string // as the caller gave it
	abs        string
	readOnly   bool
	version    int
	backupPath string
	dailyPath  string // today's copy in the Backups folder, written by Open
	dailyErr   error  // why it could not be written
	now        func() time.Time
	lock       lockState // the write lock held, or who holds it
}

// Path is the workspace file as it was opened.
func (w *Workspace) Path() string { return w.path }

// ReadOnly reports whether the file was opened read-only; writes are then
// refused with data.EReadOnly.
func (w *Workspace) ReadOnly() bool { return w.readOnly }

// SchemaVersion is the schema version of the open file.
func (w *Workspace) SchemaVersion() int { return w.version }

// BackupPath is the copy written beside the file before Open migrated it to
// a newer schema, or "" when Open migrated nothing.
func (w *Workspace) BackupPath() string { return w.backupPath }

// Close closes the file and gives up its write lock. SQLite then folds the
// write-ahead log into it and removes the -wal and -shm files.
func (w *Workspace) Close() error {
	w.checkpoint()
	err := w.db.Close()
	w.lock.release()
	if err != nil {
		return fmt.Errorf("close workspace: %w", err)
	}
	return nil
}

// Backup writes a consistent copy of the workspace to dest, which must not
// exist and must pass CheckOutput. It works on a read-only workspace too.
func (w *Workspace) Backup(ctx context.Context, dest string) error {
	if err := w.CheckOutput(dest); err != nil {
		return err
	}
	if _, err := os.Lstat(dest); err == nil {
		return data.Errorf(data.EExists, "A file already exists at %s: choose another name for the backup.", dest)
	}
	abs, err := filepath.Abs(dest)
	if err != nil {
		return fmt.Errorf("back up workspace: %w", err)
	}
	return wrap("back up workspace", copyInto(ctx, w.db, abs))
}

// errReadOnly is what every write returns on a read-only workspace.
func (w *Workspace) errReadOnly() error {
	return data.Errorf(data.EReadOnly, "%s is open read-only: changes cannot be saved. Make the file writable and open it again, or save a copy with Backup.", filepath.Base(w.path))
}

// read runs fn in a read-only transaction.
func (w *Workspace) read(ctx context.Context, op string, fn func(*sql.Tx) error) error {
	tx, err := w.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return wrap(op, err)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return wrap(op, err)
	}
	return wrap(op, tx.Commit())
}

// write runs fn in a write transaction, refusing on a read-only workspace.
func (w *Workspace) write(ctx context.Context, op string, fn func(*sql.Tx) error) error {
	if w.readOnly {
		return w.errReadOnly()
	}
	if err := w.lock.stillOurs(); err != nil {
		return err
	}
	return wrap(op, inTx(ctx, w.db, fn))
}

// wrap adds lowercase context to err, once; a *data.Error is meant for the
// user and passes as it is.
func wrap(op string, err error) error {
	if err == nil {
		return nil
	}
	var e *data.Error
	if errors.As(err, &e) {
		return e
	}
	return fmt.Errorf("%s: %w", op, err)
}

// record appends one entry to the audit trail inside tx and seals it into
// the trail's hash chain. The actor is the person named in ctx by
// data.WithActor.
func record(ctx context.Context, tx dbtx, at time.Time, entity, entityID, action string, changes []data.FieldChange) error {
	if changes == nil {
		changes = []data.FieldChange{}
	}
	b, err := json.Marshal(changes)
	if err != nil {
		return fmt.Errorf("audit trail: %w", err)
	}
	res, err := tx.ExecContext(ctx,
		"INSERT INTO audit_trail (at, actor, entity, entity_id, action, changes) VALUES (?, ?, ?, ?, ?, ?)",
		formatTime(at), data.ActorFrom(ctx), entity, entityID, action, string(b))
	if err != nil {
		return fmt.Errorf("audit trail: %w", err)
	}
	id, err := res.LastInsertId()
	if err == nil {
		err = sealEntry(ctx, tx, id) // see audit_chain.go
	}
	if err != nil {
		return fmt.Errorf("audit trail: %w", err)
	}
	return nil
}

// AuditTrail lists the changes to one record, newest first. An empty entity
// lists every change; an empty entityID every change to that kind of record.
// A limit of 0 or less lists all.
func (w *Workspace) AuditTrail(ctx context.Context, entity, entityID string, limit int) ([]data.AuditEntry, error) {
	q := "SELECT id, at, actor, entity, entity_id, action, changes FROM audit_trail"
	var where []string
	var args []any
	if entity != "" {
		where = append(where, "entity = ?")
		args = append(args, entity)
		if entityID != "" {
			where = append(where, "entity_id = ?")
			args = append(args, entityID)
		}
	}
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY id DESC"
	if limit > 0 {
		q += " LIMIT ?"
		args = append(args, limit)
	}
	var out []data.AuditEntry
	err := w.read(ctx, "read audit trail", func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, q, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var e data.AuditEntry
			var at, changes string
			if err := rows.Scan(&e.ID, &at, &e.Actor, &e.Entity, &e.EntityID, &e.Action, &changes); err != nil {
				return err
			}
			v := readValues("audit entry", strconv.FormatInt(e.ID, 10))
			e.At = v.time("At", "time", at)
			e.Changes = v.changes("Changes", "list of changes", changes)
			e.Unreadable = v.bad
			if len(e.Changes) == 0 {
				e.Changes = nil
			}
			out = append(out, e)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// jsonList stores a list of strings as a JSON array, never null.
func jsonList(s []string) (string, error) {
	if s == nil {
		s = []string{}
	}
	b, err := json.Marshal(s)
	return string(b), err
}

// parseList reads a JSON array of strings; an empty one becomes nil.
func parseList(s string) ([]string, error) {
	var out []string
	if err := json.Unmarshal([]byte(s), &out); err != nil {
		return nil, fmt.Errorf("stored list %q: %w", s, err)
	}
	if len(out) == 0 {
		return nil, nil
	}
	return out, nil
}
