package sqlite

// The exhaustive check behind `smsbuilder check` and its quick form run on
// every open. SQLite's integrity check proves the file is a sound database;
// these prove it still holds what SMS Builder wrote: the schema as the
// migrations made it (with the triggers that freeze approved text), no
// record pointing at one that is gone, every value readable, every approved
// text matching its SHA-256, and the audit trail's hash chain unbroken
// (audit_chain.go). Everything here only reads.

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"smsbuilder/data"
)

// QuickCheck verifies the audit trail's chain and re-hashes every approved,
// superseded and withdrawn version: what the app runs on every open.
func (w *Workspace) QuickCheck(ctx context.Context) ([]data.Problem, error) {
	var out []data.Problem
	err := w.read(ctx, "check workspace", func(tx *sql.Tx) error {
		present, err := fileColumns(ctx, tx)
		if err != nil {
			return err
		}
		out, err = quickCheck(ctx, tx, present, quickChainEntries)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// quickCheck re-hashes the approved texts and verifies the chain (of the
// newest entries only, when newest > 0), as far as the file has the tables
// they need.
func quickCheck(ctx context.Context, q querier, present map[string]map[string]bool, newest int64) ([]data.Problem, error) {
	var out []data.Problem
	if has(present, "document_versions", "body", "sha256", "status", "approved_at", "document_id", "major", "minor") && has(present, "documents", "number") {
		p, err := checkApprovedTexts(ctx, q)
		if err != nil {
			return nil, err
		}
		out = append(out, p...)
	}
	if has(present, "audit_trail", "id", "at", "actor", "entity", "entity_id", "action", "changes", "hash") && has(present, "meta", "key", "value") {
		p, err := verifyChain(ctx, q, newest)
		if err != nil {
			return nil, err
		}
		out = append(out, p...)
	}
	return out, nil
}

// checkContents fills the report's problems and audit head from the
// read-only connection inspect opened.
func checkContents(ctx context.Context, db *sql.DB, migs []migration, r *data.CheckReport) error {
	version, err := schemaVersion(ctx, db)
	if err != nil {
		return err
	}
	present, err := fileColumns(ctx, db)
	if err != nil {
		return err
	}
	if r.Problems, err = fullCheck(ctx, db, version, migs, present); err != nil {
		return err
	}
	if version >= chainSchema && has(present, "audit_trail", "id", "hash") {
		err := db.QueryRowContext(ctx, "SELECT id, coalesce(hash, '') FROM audit_trail ORDER BY id DESC LIMIT 1").Scan(&r.AuditHead.ID, &r.AuditHead.Hash)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return err
		}
	}
	return nil
}

// fullCheck is everything check does inside a file SQLite accepts, on the
// read-only connection inspect opened; migs are the app's migrations.
func fullCheck(ctx context.Context, db *sql.DB, version int, migs []migration, present map[string]map[string]bool) ([]data.Problem, error) {
	out, err := checkSchema(ctx, db, version, migs)
	if err != nil {
		return nil, err
	}
	p, err := checkForeignKeys(ctx, db)
	if err != nil {
		// A table a foreign key points at is gone, which the schema
		// check has named; SQLite's check cannot run without it.
		p = []data.Problem{{Kind: data.ProblemForeignKey, Message: "the links between records could not be checked: " + err.Error()}}
	}
	out = append(out, p...)
	if p, err = checkValues(ctx, db, version, present); err != nil {
		return nil, err
	}
	out = append(out, p...)
	if p, err = quickCheck(ctx, db, present, 0); err != nil {
		return nil, err
	}
	out = append(out, p...)
	// Only here, not on every open: a workspace may hold many megabytes of
	// evidence.
	if has(present, "evidence_blobs", "sha256", "size", "content") && has(present, "evidence", "sha256", "name", "id") {
		if p, err = checkEvidence(ctx, db); err != nil {
			return nil, err
		}
		out = append(out, p...)
	}
	return out, nil
}

func has(present map[string]map[string]bool, table string, columns ...string) bool {
	for _, c := range columns {
		if !present[table][c] {
			return false
		}
	}
	return true
}

// fileColumns lists the columns of every table the file has.
func fileColumns(ctx context.Context, q querier) (map[string]map[string]bool, error) {
	objs, err := schemaObjects(ctx, q)
	if err != nil {
		return nil, err
	}
	out := map[string]map[string]bool{}
	for _, o := range objs {
		if o.kind != "table" {
			continue
		}
		cols, err := tableColumns(ctx, q, o.name)
		if err != nil {
			return nil, err
		}
		out[o.name] = map[string]bool{}
		for _, c := range cols {
			out[o.name][c.name] = true
		}
	}
	return out, nil
}

// checkApprovedTexts re-hashes the text of every version that was
// approved against the SHA-256 stored when it was.
func checkApprovedTexts(ctx context.Context, q querier) ([]data.Problem, error) {
	rows, err := q.QueryContext(ctx, `SELECT v.id, coalesce(d.number, ''), v.major, v.minor, v.status, v.body, v.sha256, v.approved_at
		FROM document_versions v LEFT JOIN documents d ON d.id = v.document_id
		WHERE v.status IN ('approved', 'superseded', 'withdrawn') ORDER BY d.number, v.major, v.minor`)
	if err != nil {
		return nil, fmt.Errorf("check approved texts: %w", err)
	}
	defer rows.Close()
	var out []data.Problem
	for rows.Next() {
		var id int64
		var number string
		var major, minor, status, body, sum, approvedAt sql.NullString
		if err := rows.Scan(&id, &number, &major, &minor, &status, &body, &sum, &approvedAt); err != nil {
			return nil, fmt.Errorf("check approved texts: %w", err)
		}
		if status.String == string(data.DocWithdrawn) && sum.String == "" && !approvedAt.Valid {
			continue // withdrawn before it was ever approved: no text was frozen
		}
		what := fmt.Sprintf("%s version %s.%s (%s)", number, major.String, minor.String, status.String)
		if number == "" {
			what = fmt.Sprintf("version %s.%s (%s) of a missing document", major.String, minor.String, status.String)
		}
		p := data.Problem{Kind: data.ProblemText, Table: "document_versions", RecordID: strconv.FormatInt(id, 10)}
		switch {
		case sum.String == "":
			p.Field, p.Message = "sha256", what+": the SHA-256 recorded at approval is missing"
		case data.HashText(body.String) != strings.ToLower(sum.String):
			p.Field, p.Message = "body", what+": its text no longer matches the SHA-256 recorded at approval, so it was changed after it was approved"
		default:
			continue
		}
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("check approved texts: %w", err)
	}
	return out, nil
}

// checkForeignKeys runs SQLite's foreign key check and names the record
// and the field that points at nothing.
func checkForeignKeys(ctx context.Context, q querier) ([]data.Problem, error) {
	type broken struct {
		table, parent string
		rowid, fkid   int64
	}
	rows, err := q.QueryContext(ctx, "PRAGMA foreign_key_check")
	if err != nil {
		return nil, fmt.Errorf("foreign key check: %w", err)
	}
	var found []broken
	for rows.Next() {
		var b broken
		var rowid sql.NullInt64
		if err := rows.Scan(&b.table, &rowid, &b.parent, &b.fkid); err != nil {
			rows.Close()
			return nil, fmt.Errorf("foreign key check: %w", err)
		}
		b.rowid = rowid.Int64
		found = append(found, b)
	}
	err = rows.Err()
	rows.Close()
	if err != nil {
		return nil, fmt.Errorf("foreign key check: %w", err)
	}
	var out []data.Problem
	for _, b := range found {
		from, to, err := foreignKey(ctx, q, b.table, b.fkid)
		if err != nil {
			return nil, err
		}
		p := data.Problem{Kind: data.ProblemForeignKey, Table: b.table, RecordID: strconv.FormatInt(b.rowid, 10), Field: from}
		var key, value any
		// The table and column names are the file's own, quoted as
		// identifiers; a table whose record key is not there keeps its rowid.
		query := fmt.Sprintf("SELECT %s, %s FROM %s WHERE rowid = ?", recordKey(b.table), quoteIdent(from), quoteIdent(b.table))
		if err := q.QueryRowContext(ctx, query, b.rowid).Scan(&key, &value); err == nil {
			p.RecordID = keyText(key)
		}
		v, _ := asText(value)
		p.Message = fmt.Sprintf("refers to %s %s (%s), which does not exist", b.parent, v, to)
		out = append(out, p)
	}
	return out, nil
}

// foreignKey names the column of table's foreign key fkid and the column
// it points at.
func foreignKey(ctx context.Context, q querier, table string, fkid int64) (from, to string, err error) {
	rows, err := q.QueryContext(ctx, "SELECT \"from\", coalesce(\"to\", 'id') FROM pragma_foreign_key_list(?) WHERE id = ? ORDER BY seq", table, fkid)
	if err != nil {
		return "", "", fmt.Errorf("foreign key check: %w", err)
	}
	defer rows.Close()
	var froms, tos []string
	for rows.Next() {
		var f, t string
		if err := rows.Scan(&f, &t); err != nil {
			return "", "", fmt.Errorf("foreign key check: %w", err)
		}
		froms, tos = append(froms, f), append(tos, t)
	}
	return strings.Join(froms, ","), strings.Join(tos, ","), rows.Err()
}

func quoteIdent(s string) string { return `"` + strings.ReplaceAll(s, `"`, `""`) + `"` }

// schemaObject is one table, index, trigger or view in sqlite_master.
type schemaObject struct {
	kind, name, table, sql string
}

func schemaObjects(ctx context.Context, q querier) ([]schemaObject, error) {
	rows, err := q.QueryContext(ctx, "SELECT type, name, tbl_name, coalesce(sql, '') FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY type <> 'table', type, name")
	if err != nil {
		return nil, fmt.Errorf("read schema: %w", err)
	}
	defer rows.Close()
	var out []schemaObject
	for rows.Next() {
		var o schemaObject
		if err := rows.Scan(&o.kind, &o.name, &o.table, &o.sql); err != nil {
			return nil, fmt.Errorf("read schema: %w", err)
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// column is one column as PRAGMA table_info describes it.
type column struct {
	name, decl string
	notNull    bool
	pk         int
	dflt       string
}

func (c column) String() string {
	s := c.decl
	if c.notNull {
		s += " NOT NULL"
	}
	if c.dflt != "" {
		s += " DEFAULT " + c.dflt
	}
	if c.pk > 0 {
		s += " PRIMARY KEY"
	}
	return strings.TrimSpace(s)
}

func tableColumns(ctx context.Context, q querier, table string) ([]column, error) {
	rows, err := q.QueryContext(ctx, "SELECT name, type, \"notnull\", coalesce(dflt_value, ''), pk FROM pragma_table_info(?) ORDER BY cid", table)
	if err != nil {
		return nil, fmt.Errorf("read columns of %s: %w", table, err)
	}
	defer rows.Close()
	var out []column
	for rows.Next() {
		var c column
		if err := rows.Scan(&c.name, &c.decl, &c.notNull, &c.dflt, &c.pk); err != nil {
			return nil, fmt.Errorf("read columns of %s: %w", table, err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// expectedSchema builds, in memory, the schema the first version
// migrations make, and reads it back as the file's would be read.
func expectedSchema(ctx context.Context, migs []migration, version int) ([]schemaObject, map[string][]column, error) {
	db, err := openDB("file:expected?mode=memory&_pragma=foreign_keys(1)")
	if err != nil {
		return nil, nil, fmt.Errorf("build expected schema: %w", err)
	}
	defer db.Close()
	if _, err := migrate(ctx, db, migs[:version]); err != nil {
		return nil, nil, fmt.Errorf("build expected schema: %w", err)
	}
	objs, err := schemaObjects(ctx, db)
	if err != nil {
		return nil, nil, err
	}
	cols := map[string][]column{}
	for _, o := range objs {
		if o.kind == "table" {
			if cols[o.name], err = tableColumns(ctx, db, o.name); err != nil {
				return nil, nil, err
			}
		}
	}
	return objs, cols, nil
}

// checkSchema compares the file's tables, columns, indexes, triggers and
// views with those the migrations up to its version make.
func checkSchema(ctx context.Context, db *sql.DB, version int, migs []migration) ([]data.Problem, error) {
	if version < 1 || version > len(migs) {
		return nil, nil
	}
	wantObjs, wantCols, err := expectedSchema(ctx, migs, version)
	if err != nil {
		return nil, err
	}
	gotObjs, err := schemaObjects(ctx, db)
	if err != nil {
		return nil, err
	}
	got := map[string]schemaObject{}
	for _, o := range gotObjs {
		if !isRegisterView(o) {
			got[o.kind+" "+o.name] = o
		}
	}
	var out []data.Problem
	add := func(table, field, format string, args ...any) {
		out = append(out, data.Problem{Kind: data.ProblemSchema, Table: table, Field: field, Message: fmt.Sprintf(format, args...)})
	}
	missingTables := map[string]bool{}
	for _, w := range wantObjs {
		g, ok := got[w.kind+" "+w.name]
		delete(got, w.kind+" "+w.name)
		if w.kind == "table" && !ok {
			missingTables[w.name] = true
		}
		switch {
		case missingTables[w.table] && w.kind != "table":
			// gone with its table, which is named once
		case !ok && w.kind == "trigger":
			add(w.table, "", "the trigger %s is missing%s", w.name, triggerPurpose(w.name))
		case !ok && w.kind == "table":
			add(w.name, "", "the table is missing")
		case !ok:
			add(w.table, "", "the %s %s is missing", w.kind, w.name)
		case w.kind == "table":
			gotCols, err := tableColumns(ctx, db, w.name)
			if err != nil {
				return nil, err
			}
			out = append(out, compareColumns(w.name, wantCols[w.name], gotCols)...)
		case normaliseSQL(g.sql) != normaliseSQL(w.sql) && w.kind == "trigger":
			add(w.table, "", "the trigger %s is not as SMS Builder created it%s", w.name, triggerPurpose(w.name))
		case normaliseSQL(g.sql) != normaliseSQL(w.sql):
			add(w.table, "", "the %s %s is not as SMS Builder created it", w.kind, w.name)
		}
	}
	extra := make([]schemaObject, 0, len(got))
	for _, o := range got {
		extra = append(extra, o)
	}
	sort.Slice(extra, func(i, j int) bool { return extra[i].kind+extra[i].name < extra[j].kind+extra[j].name })
	for _, o := range extra {
		add(o.table, "", "the %s %s was not created by SMS Builder", o.kind, o.name)
	}
	return out, nil
}

// triggerPurpose says what a missing or changed trigger no longer prevents.
func triggerPurpose(name string) string {
	if strings.HasPrefix(name, "document_versions_frozen_") {
		return ": approved, superseded and withdrawn documents are no longer protected from being changed or deleted by other programs"
	}
	return ""
}

func compareColumns(table string, want, got []column) []data.Problem {
	var out []data.Problem
	gotBy := map[string]column{}
	for _, c := range got {
		gotBy[c.name] = c
	}
	for _, w := range want {
		g, ok := gotBy[w.name]
		delete(gotBy, w.name)
		switch {
		case !ok:
			out = append(out, data.Problem{Kind: data.ProblemSchema, Table: table, Field: w.name, Message: "the column is missing"})
		case g.String() != w.String():
			out = append(out, data.Problem{Kind: data.ProblemSchema, Table: table, Field: w.name,
				Message: fmt.Sprintf("the column is declared %q, not %q as SMS Builder created it", g.String(), w.String())})
		}
	}
	for _, g := range got {
		if _, ok := gotBy[g.name]; ok {
			out = append(out, data.Problem{Kind: data.ProblemSchema, Table: table, Field: g.name, Message: "the column was not created by SMS Builder"})
		}
	}
	return out
}

// normaliseSQL makes two texts of one statement equal whatever their
// spacing.
func normaliseSQL(s string) string { return strings.Join(strings.Fields(s), " ") }
