package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// createOld makes a workspace at path with only the first n migrations, as
// an earlier release did, holding the records seed saves. Today's code reads
// and writes only today's schema, so seed saves into a workspace of the
// newest schema, which is returned for reading the records back, and its
// rows are copied into the old file, column by column where the old table
// has the column.
func createOld(t *testing.T, path string, n int, seed func(*Workspace)) *Workspace {
	t.Helper()
	src := newWorkspace(t)
	seed(src)
	old := createAt(t, storeAtSchema(t, n), path)
	defer old.Close()
	ctx := context.Background()
	// One connection: the pragma holds for the copy, which goes table by
	// table in no order of their references.
	if _, err := old.db.ExecContext(ctx, "PRAGMA foreign_keys = OFF"); err != nil {
		t.Fatal(err)
	}
	if _, err := old.db.ExecContext(ctx, "ATTACH DATABASE ? AS src", src.abs); err != nil {
		t.Fatal(err)
	}
	for _, table := range userTables(t, old) {
		cols := strings.Join(columns(t, old, table), ", ")
		from := "src." + table
		if table == "tasks" {
			from = srcTasks
		}
		q := fmt.Sprintf("INSERT INTO main.%s (%s) SELECT %s FROM %s", table, cols, cols, from)
		if table == "meta" {
			continue
		}
		if _, err := old.db.ExecContext(ctx, q); err != nil {
			t.Fatalf("copy %s: %v", table, err)
		}
	}
	if _, err := old.db.ExecContext(ctx, "DETACH DATABASE src"); err != nil {
		t.Fatal(err)
	}
	return src
}

// srcTasks are the tasks of the attached workspace as the tasks table
// held them before they became the records of a register.
const srcTasks = `(SELECT r.id AS id,
	coalesce((SELECT value FROM src.record_values WHERE record_id = r.id AND field = 'title'), '') AS title,
	coalesce((SELECT value FROM src.record_values WHERE record_id = r.id AND field = 'description'), '') AS description,
	(SELECT person_id FROM src.record_people WHERE record_id = r.id AND field = 'owner') AS owner_id,
	(SELECT value FROM src.record_values WHERE record_id = r.id AND field = 'due') AS due,
	coalesce((SELECT value FROM src.record_values WHERE record_id = r.id AND field = 'status'), '') AS status,
	coalesce((SELECT value FROM src.record_values WHERE record_id = r.id AND field = 'source_kind'), '') AS source_kind,
	coalesce((SELECT value FROM src.record_values WHERE record_id = r.id AND field = 'source_ref'), '') AS source_ref,
	r.created_at AS created_at, r.updated_at AS updated_at, r.revision AS revision
	FROM src.records r WHERE r.register = 'tasks' ORDER BY r.id)`

func userTables(t *testing.T, ws *Workspace) []string {
	t.Helper()
	return rowTexts(t, ws, "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
}

func columns(t *testing.T, ws *Workspace, table string) []string {
	t.Helper()
	return rowTexts(t, ws, "SELECT name FROM pragma_table_info(?)", table)
}

// rowTexts is the one text column of query's rows.
func rowTexts(t *testing.T, ws *Workspace, query string, args ...any) []string {
	t.Helper()
	rows, err := ws.db.Query(query, args...)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			t.Fatal(err)
		}
		out = append(out, name)
	}
	return out
}

// dumpFile is every row of every table of the workspace file at path, as
// text, so that two files of any schema can be compared.
func dumpFile(t *testing.T, path string) map[string][]string {
	t.Helper()
	abs, err := filepath.Abs(path)
	if err != nil {
		t.Fatal(err)
	}
	db, err := openRO(abs, true)
	if err != nil {
		t.Fatal(err)
	}
	ws := &Workspace{db: db}
	defer db.Close()
	out := map[string][]string{}
	for _, table := range userTables(t, ws) {
		cols := columns(t, ws, table)
		rows, err := db.Query(fmt.Sprintf("SELECT %s FROM %s ORDER BY rowid", strings.Join(cols, ", "), table))
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			out[table] = append(out[table], fmt.Sprint(vals...))
		}
		rows.Close()
	}
	return out
}
