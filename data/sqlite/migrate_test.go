package sqlite

import (
	"context"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"testing/fstest"
	"time"

	"smsbuilder/data"
)

func TestEmbeddedMigrations(t *testing.T) {
	migs, err := loadMigrations(migrationFiles)
	if err != nil {
		t.Fatal(err)
	}
	for i, m := range migs {
		if got, want := m.version, i+1; got != want {
			t.Errorf("migration %s has version %d, want %d", m.name, got, want)
		}
		if m.sql == "" {
			t.Errorf("migration %s is empty", m.name)
		}
	}
	if got, want := migs[0].name, "0001_initial.sql"; got != want {
		t.Errorf("first migration = %q, want %q", got, want)
	}
}

func TestLoadMigrationsRefuses(t *testing.T) {
	sql := &fstest.MapFile{Data: []byte("CREATE TABLE t (id INTEGER);")}
	tests := []struct {
		name  string
		files []string
	}{
		{"none", nil},
		{"gap", []string{"0001_a.sql", "0003_c.sql"}},
		{"not starting at one", []string{"0002_b.sql"}},
		{"repeated number", []string{"0001_a.sql", "0001_b.sql"}},
		{"bad name", []string{"0001_a.sql", "2_b.sql"}},
		{"capitals", []string{"0001_Initial.sql"}},
		{"other file", []string{"0001_a.sql", "README.md"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{migrationDir: {Mode: fs.ModeDir | 0o755}}
			for _, f := range tt.files {
				fsys[migrationDir+"/"+f] = sql
			}
			if migs, err := loadMigrations(fsys); err == nil {
				t.Errorf("loadMigrations(%q) = %d migrations, want an error", tt.files, len(migs))
			}
		})
	}
}

// nextMigration is a test-only schema step after the newest embedded one,
// named as it would be in migrations/, and its version.
func nextMigration(t testing.TB, name, sql string) (map[string]string, int) {
	t.Helper()
	next := newestSchema(t) + 1
	return map[string]string{fmt.Sprintf("%04d_%s.sql", next, name): sql}, next
}

// nicknames is a test-only schema step: a column and a table.
const nicknames = `ALTER TABLE people ADD COLUMN nickname TEXT NOT NULL DEFAULT '';
CREATE TABLE test_next (id INTEGER PRIMARY KEY);`

func TestMigrationBackup(t *testing.T) {
	ctx := actorCtx("Daniel Okafor")
	dir := t.TempDir()
	path := filepath.Join(dir, "old"+data.WorkspaceExt)
	demoWorkspaceFile(t, path) // at the newest embedded schema
	before := stateOf(t, path)
	newest := newestSchema(t)
	extra, next := nextMigration(t, "nicknames", nicknames)

	at := time.Date(2026, 11, 25, 20, 15, 0, 0, time.FixedZone("CET", 3600))
	s2 := storeWithExtraMigrations(t, extra)
	s2.now = func() time.Time { return at }

	// Check sees an update is due and changes nothing.
	report, err := s2.Check(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := [3]any{report.SchemaVersion, report.AppSchema, report.NeedsMigrate}, [3]any{newest, next, true}; got != want {
		t.Errorf("Check() schema, app schema, needs migrate = %v, want %v", got, want)
	}
	if got := stateOf(t, path); got != before {
		t.Errorf("Check of an older-schema file changed it")
	}
	if got, want := dirNames(t, dir), []string{"old.smsdb"}; !slices.Equal(got, want) {
		t.Errorf("after Check the folder holds %q, want %q", got, want)
	}

	ws := openAt(t, s2, path)
	wantBackup := path + fmt.Sprintf(".before-v%d-20261125T191500Z.bak", next)
	if got := ws.BackupPath(); got != wantBackup {
		t.Errorf("BackupPath() = %q, want %q", got, wantBackup)
	}
	if got, want := ws.SchemaVersion(), next; got != want {
		t.Errorf("SchemaVersion() = %d, want %d", got, want)
	}
	var nickname string
	if err := ws.db.QueryRow("SELECT nickname FROM people LIMIT 1").Scan(&nickname); err != nil {
		t.Errorf("migration %d did not run: %v", next, err)
	}
	people, err := ws.People(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(people), len(data.DemoPeople()); got != want {
		t.Errorf("after migrating: %d people, want %d", got, want)
	}
	ws.Close()

	// The backup is the file as it was: the older schema, every record,
	// openable by the version that wrote it.
	old := openAt(t, New(), wantBackup)
	if got, want := old.SchemaVersion(), newest; got != want {
		t.Errorf("backup schema = %d, want %d", got, want)
	}
	if got := old.BackupPath(); got != "" {
		t.Errorf("opening the current-schema backup made another backup %q", got)
	}
	oldPeople, err := old.People(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(oldPeople, people) {
		t.Errorf("backup people differ from the migrated ones")
	}
	old.Close()

	// Opening again migrates nothing and copies nothing.
	again := openAt(t, s2, path)
	if got := again.BackupPath(); got != "" {
		t.Errorf("second open made a backup %q", got)
	}
	again.Close()
	if got, want := dirNames(t, dir), []string{"old.smsdb", filepath.Base(wantBackup)}; !slices.Equal(got, want) {
		t.Errorf("folder holds %q, want %q", got, want)
	}

	// The version that knows only the older schema now refuses the file.
	_, err = New().Open(ctx, path)
	e := wantCode(t, err, data.ETooNew)
	if want := fmt.Sprintf("(schema %d; this version knows up to %d)", next, newest); !contains(e.Message, want) {
		t.Errorf("message %q does not contain %q", e.Message, want)
	}
}

func TestMigrationBackupNames(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "w.smsdb")
	at := time.Date(2026, 11, 25, 20, 15, 0, 0, time.UTC)
	var got []string
	for range 3 {
		name, err := migrationBackupName(file, 7, at)
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, name, nil)
		got = append(got, filepath.Base(name))
	}
	want := []string{
		"w.smsdb.before-v7-20261125T201500Z.bak",
		"w.smsdb.before-v7-20261125T201500Z-2.bak",
		"w.smsdb.before-v7-20261125T201500Z-3.bak",
	}
	if !slices.Equal(got, want) {
		t.Errorf("names = %q, want %q", got, want)
	}
}

func TestNewWorkspaceNeedsNoBackup(t *testing.T) {
	dir := t.TempDir()
	extra, next := nextMigration(t, "nicknames", nicknames)
	ws := createAt(t, storeWithExtraMigrations(t, extra), filepath.Join(dir, "new.smsdb"))
	if got, want := ws.SchemaVersion(), next; got != want {
		t.Errorf("SchemaVersion() = %d, want %d", got, want)
	}
	if got := ws.BackupPath(); got != "" {
		t.Errorf("BackupPath() = %q for a new file", got)
	}
	ws.Close()
	if got, want := dirNames(t, dir), []string{"new.smsdb"}; !slices.Equal(got, want) {
		t.Errorf("folder holds %q, want %q", got, want)
	}
}

// A failing migration leaves the file at its old schema with its data, and
// the copy made before it.
func TestFailedMigration(t *testing.T) {
	ctx := actorCtx("Daniel Okafor")
	dir := t.TempDir()
	path := filepath.Join(dir, "w.smsdb")
	demoWorkspaceFile(t, path)
	extra, next := nextMigration(t, "half_done", "CREATE TABLE half_done (id INTEGER PRIMARY KEY); INSERT INTO no_such_table VALUES (1);")
	bad := storeWithExtraMigrations(t, extra)
	ws, err := bad.Open(ctx, path)
	if err == nil {
		ws.Close()
		t.Fatal("Open with a failing migration succeeded")
	}
	if !contains(err.Error(), fmt.Sprintf("%04d_half_done.sql", next)) || !contains(err.Error(), ".bak") {
		t.Errorf("error %q names neither the migration nor the backup", err)
	}

	report, err := New().Check(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if report.SchemaVersion != next-1 || report.People != len(data.DemoPeople()) || !report.OK() {
		t.Errorf("after a failed migration Check() = %+v, want schema %d with the demo people", report, next-1)
	}
	w := openAt(t, New(), path)
	var n int
	if err := w.db.QueryRow("SELECT count(*) FROM sqlite_master WHERE name = 'half_done'").Scan(&n); err != nil || n != 0 {
		t.Errorf("half of the failed migration stayed (%d, %v)", n, err)
	}
	if matches, _ := filepath.Glob(path + fmt.Sprintf(".before-v%d-*.bak", next)); len(matches) != 1 {
		t.Errorf("backups = %q, want one", matches)
	}
}

// A read-only file cannot be migrated, so it is refused rather than opened
// with a schema the code does not expect.
func TestReadOnlyOlderSchema(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "w.smsdb")
	demoWorkspaceFile(t, path)
	if err := os.Chmod(path, 0o444); err != nil {
		t.Fatal(err)
	}
	before := stateOf(t, path)
	extra, next := nextMigration(t, "nicknames", nicknames)
	_, err := storeWithExtraMigrations(t, extra).Open(context.Background(), path)
	e := wantCode(t, err, data.EReadOnly)
	if !contains(e.Message, path) || !contains(e.Message, fmt.Sprintf("schema %d", next-1)) {
		t.Errorf("message %q names neither the file nor its schema", e.Message)
	}
	if got := stateOf(t, path); got != before {
		t.Errorf("refused file changed")
	}
	if got, want := dirNames(t, dir), []string{"w.smsdb"}; !slices.Equal(got, want) {
		t.Errorf("folder holds %q, want %q", got, want)
	}
}
