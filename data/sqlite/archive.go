package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"smsbuilder/data"
)

// The archive is read from the schema itself: every table in the file, its
// columns from PRAGMA table_info, its rows by primary key. A register added
// by a later migration is archived and restored without new code here.

// sequenceKind is the archive's name for sqlite_sequence, the next-ID
// counters of the AUTOINCREMENT tables: an ID is never reused, also after a
// restore.
const sequenceKind = "id_counters"

// Meta keys that describe this copy of the file rather than the SMS in it;
// they are not archived, so that a restored workspace archives to the same
// bytes as the one it came from.
const (
	metaRestoredAt   = "restored_at"
	metaRestoredFrom = "restored_from"
)

func volatileMeta(key string) bool {
	return key == metaRestoredAt || key == metaRestoredFrom
}

// Archive writes every record of the workspace at path to a new archive
// file at out, without changing a byte of the workspace. The archive has
// the file's own schema version, so an older file is archived as it is.
// out must not exist; the archive is written under a temporary name and
// renamed into place once complete, so a failure leaves nothing.
func (s *Store) Archive(ctx context.Context, path, out string) (data.ArchiveManifest, error) {
	var m data.ArchiveManifest
	abs, err := s.checkNewFile(out, "the archive")
	if err != nil {
		return m, err
	}
	tmp, err := newIncomplete(abs)
	if err != nil {
		return m, fmt.Errorf("archive workspace: %w", err)
	}
	defer os.Remove(tmp.Name())
	m, err = s.writeArchive(ctx, path, tmp)
	if cerr := tmp.Close(); err == nil && cerr != nil {
		err = fmt.Errorf("archive workspace: %w", cerr)
	}
	if err != nil {
		return m, err
	}
	if err := publish(tmp.Name(), abs); err != nil {
		return m, wrap("archive workspace", err)
	}
	return m, nil
}

// writeArchive writes the archive of the workspace at path to w.
func (s *Store) writeArchive(ctx context.Context, path string, w io.Writer) (data.ArchiveManifest, error) {
	var m data.ArchiveManifest
	migs, err := s.loadMigrations()
	if err != nil {
		return m, fmt.Errorf("archive workspace: %w", err)
	}
	var tables []data.ArchiveTable
	in, err := inspect(ctx, path, len(migs), "quick_check", func(db *sql.DB) error {
		var err error
		tables, m.Organisation, err = readArchiveTables(ctx, db)
		return err
	})
	if err != nil {
		return m, err
	}
	m.SchemaVersion = in.version
	if err := data.WriteArchive(w, &m, tables); err != nil {
		return m, err
	}
	return m, nil
}

// checkNewFile is where every file archive and restore write is checked
// before anything is written: the output guard keeps it off any workspace,
// and it must not exist, nor a log SQLite would replay into it.
func (s *Store) checkNewFile(out, what string) (string, error) {
	if err := s.CheckOutput(out); err != nil {
		return "", err
	}
	abs, err := filepath.Abs(out)
	if err != nil {
		return "", fmt.Errorf("check %s: %w", out, err)
	}
	if _, err := os.Lstat(abs); err == nil {
		return "", data.Errorf(data.EExists, "A file already exists at %s: choose another name for %s.", out, what)
	}
	for _, suffix := range sideSuffixes {
		if _, err := os.Lstat(abs + suffix); err == nil {
			return "", data.Errorf(data.EExists, "%s is still beside %s, left by an earlier database: move or delete it first.", filepath.Base(abs+suffix), out)
		}
	}
	if fi, err := os.Stat(filepath.Dir(abs)); err != nil || !fi.IsDir() {
		return "", data.Errorf(data.ENotFound, "There is no folder %s.", filepath.Dir(abs))
	}
	return abs, nil
}

// newIncomplete creates the hidden, empty file the output abs is built in.
func newIncomplete(abs string) (*os.File, error) {
	removeIncomplete(abs)
	tmp, err := incompleteName(abs)
	if err != nil {
		return nil, err
	}
	return os.OpenFile(tmp, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o666)
}

// readArchiveTables reads every table in one read transaction, so that the
// archive is one moment of the workspace.
func readArchiveTables(ctx context.Context, db *sql.DB) ([]data.ArchiveTable, string, error) {
	tx, err := db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, "", err
	}
	defer tx.Rollback()
	names, err := tableNames(ctx, tx)
	if err != nil {
		return nil, "", err
	}
	var out []data.ArchiveTable
	for _, name := range names {
		t, err := readTable(ctx, tx, name)
		if err != nil {
			return nil, "", fmt.Errorf("read %s: %w", name, err)
		}
		if name == "meta" {
			t.Rows = slices.DeleteFunc(t.Rows, func(r []any) bool { k, _ := r[0].(string); return volatileMeta(k) })
		}
		if name == "sqlite_sequence" {
			t.Kind = sequenceKind
		}
		out = append(out, t)
	}
	var o data.Organisation
	err = tx.QueryRowContext(ctx, "SELECT legal_name, short_name FROM organisation WHERE id = 1").Scan(&o.LegalName, &o.ShortName)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, "", err
	}
	slices.SortFunc(out, func(a, b data.ArchiveTable) int { return strings.Compare(a.Kind, b.Kind) })
	return out, o.Name(), tx.Commit()
}

// tableNames lists the tables holding records, by name, and sqlite_sequence
// when the schema has AUTOINCREMENT tables.
func tableNames(ctx context.Context, q querier) ([]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT name FROM sqlite_master WHERE type = 'table'
		AND (name NOT LIKE 'sqlite\_%' ESCAPE '\' OR name = 'sqlite_sequence') ORDER BY name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// archiveColumns are a table's columns as the archive describes them.
func archiveColumns(ctx context.Context, q querier, table string) ([]data.ArchiveColumn, error) {
	cols, err := tableColumns(ctx, q, table)
	if err != nil {
		return nil, err
	}
	out := make([]data.ArchiveColumn, len(cols))
	for i, c := range cols {
		out[i] = data.ArchiveColumn{Name: c.name, Type: c.decl, PrimaryKey: c.pk}
	}
	return out, nil
}

// readTable reads every row of table in primary key order (every column in
// turn for a table without one). Each column is selected as +column, an
// expression, so that the driver hands back the stored value as it is and
// never converts it by the column's declared type.
func readTable(ctx context.Context, q querier, table string) (data.ArchiveTable, error) {
	t := data.ArchiveTable{Kind: table}
	cols, err := archiveColumns(ctx, q, table)
	if err != nil {
		return t, err
	}
	t.Columns = cols
	sel := make([]string, len(cols))
	var order []string
	pk := slices.Clone(cols)
	slices.SortFunc(pk, func(a, b data.ArchiveColumn) int { return a.PrimaryKey - b.PrimaryKey })
	for i, c := range cols {
		sel[i] = "+" + quoteIdent(c.Name)
	}
	for _, c := range pk {
		if c.PrimaryKey > 0 {
			order = append(order, quoteIdent(c.Name))
		}
	}
	if len(order) == 0 {
		for _, c := range cols {
			order = append(order, quoteIdent(c.Name))
		}
	}
	// The names come from the schema, quoted; no user input reaches the SQL.
	rows, err := q.QueryContext(ctx, "SELECT "+strings.Join(sel, ", ")+" FROM "+quoteIdent(table)+" ORDER BY "+strings.Join(order, ", "))
	if err != nil {
		return t, err
	}
	defer rows.Close()
	for rows.Next() {
		row := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range row {
			ptrs[i] = &row[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			return t, err
		}
		for i, v := range row {
			switch v.(type) {
			case nil, int64, float64, string, []byte:
			default:
				return t, fmt.Errorf("column %s holds a %T", cols[i].Name, v)
			}
		}
		t.Rows = append(t.Rows, row)
	}
	return t, rows.Err()
}

// Restore makes a new workspace at out from the archive at archivePath.
// out must not exist. The workspace is built under a temporary name beside
// out and renamed into place once complete and checked, so a failure
// leaves nothing. Rows go in as they were stored, with their IDs,
// revisions, audit hashes and ID counters, at the archive's schema; an
// archive of an older schema is then migrated like an older workspace.
func (s *Store) Restore(ctx context.Context, archivePath, out string) (data.ArchiveManifest, error) {
	var m data.ArchiveManifest
	migs, err := s.loadMigrations()
	if err != nil {
		return m, fmt.Errorf("restore archive: %w", err)
	}
	abs, err := s.checkNewFile(out, "the restored workspace")
	if err != nil {
		return m, err
	}
	f, err := os.Open(archivePath)
	if errors.Is(err, os.ErrNotExist) {
		return m, data.Errorf(data.ENotFound, "There is no file %s.", archivePath)
	}
	if err != nil {
		return m, fmt.Errorf("restore archive: %w", err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return m, fmt.Errorf("restore archive: %w", err)
	}
	if fi.IsDir() {
		return m, data.Errorf(data.EInvalid, "%s is a folder, not an SMS Builder archive.", archivePath)
	}
	m, tables, err := data.ReadArchive(f, fi.Size(), archivePath, len(migs))
	if err != nil {
		return m, err
	}

	tmp, err := newIncomplete(abs)
	if err != nil {
		return m, fmt.Errorf("restore archive: %w", err)
	}
	tmp.Close()
	defer removeDatabase(tmp.Name())
	if err := s.buildRestored(ctx, tmp.Name(), migs, m, tables, filepath.Base(archivePath)); err != nil {
		return m, err
	}
	if err := publish(tmp.Name(), abs); err != nil {
		return m, wrap("restore archive", err)
	}
	return m, nil
}

// buildRestored fills the empty file at path from the archive and checks it.
func (s *Store) buildRestored(ctx context.Context, path string, migs []migration, m data.ArchiveManifest, tables []data.ArchiveTable, from string) error {
	damaged := func(format string, args ...any) error {
		return data.Errorf(data.ECorrupt, "%s cannot be restored: "+format, append([]any{from}, args...)...)
	}
	db, err := openRW(path, s.journalMode(path))
	if err != nil {
		return fmt.Errorf("restore archive: %w", err)
	}
	defer db.Close()
	if _, err := migrate(ctx, db, migs[:m.SchemaVersion]); err != nil {
		return fmt.Errorf("restore archive: %w", err)
	}
	err = inTx(ctx, db, func(tx *sql.Tx) error {
		// Rows arrive by kind, not in the order their references need;
		// the references are checked once all are in, at commit.
		if _, err := tx.ExecContext(ctx, "PRAGMA defer_foreign_keys = ON"); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA application_id = %d", applicationID)); err != nil {
			return err
		}
		names, err := tableNames(ctx, tx)
		if err != nil {
			return err
		}
		byKind := map[string]data.ArchiveTable{}
		for _, t := range tables {
			byKind[t.Kind] = t
		}
		for _, name := range names {
			kind := name
			if name == "sqlite_sequence" {
				kind = sequenceKind
			}
			t, ok := byKind[kind]
			if !ok {
				return damaged("it holds no %s, which schema %d has.", data.ArchiveMemberName(kind), m.SchemaVersion)
			}
			delete(byKind, kind)
			cols, err := archiveColumns(ctx, tx, name)
			if err != nil {
				return err
			}
			if !sameColumns(cols, t.Columns) {
				return damaged("the columns of %s are not those of schema %d.", data.ArchiveMemberName(kind), m.SchemaVersion)
			}
			// The archive holds the whole state: what the migrations
			// wrote (a meta key, a counter moved by inserting rows with
			// their IDs) gives way to it. The name is the schema's, quoted.
			if _, err := tx.ExecContext(ctx, "DELETE FROM "+quoteIdent(name)); err != nil {
				return err
			}
			if err := insertRows(ctx, tx, name, t); err != nil {
				return damaged("%s, %v.", data.ArchiveMemberName(kind), err)
			}
		}
		for kind := range byKind {
			return damaged("it holds %s, which schema %d does not have.", data.ArchiveMemberName(kind), m.SchemaVersion)
		}
		_, err = tx.ExecContext(ctx, "INSERT INTO meta (key, value) VALUES ('app', ?) ON CONFLICT (key) DO NOTHING", metaApp)
		return err
	})
	if err != nil {
		var e *data.Error
		if errors.As(err, &e) {
			return e
		}
		return damaged("%v.", err)
	}
	if _, err := migrate(ctx, db, migs); err != nil {
		return fmt.Errorf("restore archive: update to schema %d: %w", len(migs), err)
	}
	// Volatile meta, after the records: it is not archived.
	err = inTx(ctx, db, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, "INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?), (?, ?)",
			metaRestoredAt, formatTime(s.clock()), metaRestoredFrom, from)
		return err
	})
	if err != nil {
		return fmt.Errorf("restore archive: %w", err)
	}
	if res, err := integrity(ctx, db, "integrity_check"); err != nil || res != "ok" {
		return damaged("the restored workspace fails SQLite's integrity check (%s).", res)
	}
	if err := db.Close(); err != nil {
		return fmt.Errorf("restore archive: %w", err)
	}
	// The same inspection Open makes: a restored file is a workspace.
	if _, err := inspect(ctx, path, len(migs), "quick_check", nil); err != nil {
		return damaged("%s", data.ErrorMessage(err))
	}
	return nil
}

// sameColumns reports whether an archived kind has exactly the columns of
// the table, in the same order, with the same types and key.
func sameColumns(table, archived []data.ArchiveColumn) bool {
	return slices.Equal(table, archived)
}

// insertRows inserts the rows as they are: triggers that guard approved
// text fire on updates and deletes, never on these inserts.
func insertRows(ctx context.Context, tx *sql.Tx, table string, t data.ArchiveTable) error {
	if len(t.Rows) == 0 {
		return nil
	}
	names := make([]string, len(t.Columns))
	marks := make([]string, len(t.Columns))
	for i, c := range t.Columns {
		names[i], marks[i] = quoteIdent(c.Name), "?"
	}
	stmt, err := tx.PrepareContext(ctx, "INSERT INTO "+quoteIdent(table)+" ("+strings.Join(names, ", ")+") VALUES ("+strings.Join(marks, ", ")+")")
	if err != nil {
		return err
	}
	defer stmt.Close()
	for i, r := range t.Rows {
		if _, err := stmt.ExecContext(ctx, r...); err != nil {
			return fmt.Errorf("record %d: %w", i+1, err)
		}
	}
	return nil
}
