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
	if got, want := dirNames(t, dir), []string{"Backups", "old.smsdb", filepath.Base(wantBackup)}; !slices.Equal(got, want) {
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

// A workspace saved before the roadmap, assessments and tasks existed (schema
// 1) opens with its organisation and people, a copy of it as it was, and the
// new tables, empty and ready for use.
func TestMigrateFromSchema1(t *testing.T) {
	ctx := actorCtx("Daniel Okafor")
	dir := t.TempDir()
	path := filepath.Join(dir, "v1"+data.WorkspaceExt)
	old := createOld(t, path, 1, func(ws *Workspace) {
		if err := data.SeedDemoOrganisation(actorCtx("Seeder"), ws, nil); err != nil {
			t.Fatal(err)
		}
	})
	wantOrg, err := old.Organisation(ctx)
	if err != nil {
		t.Fatal(err)
	}
	wantPeople, err := old.People(ctx)
	if err != nil {
		t.Fatal(err)
	}
	wantTrail, err := old.AuditTrail(ctx, "", "", 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := old.Close(); err != nil {
		t.Fatal(err)
	}

	// Check reads a schema-1 file, which has none of the new tables.
	report, err := New().Check(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := [5]any{report.SchemaVersion, report.NeedsMigrate, report.People, report.Assessments, report.Tasks},
		[5]any{1, true, len(wantPeople), 0, 0}; got != want {
		t.Errorf("Check() schema, needs migrate, people, assessments, tasks = %v, want %v", got, want)
	}

	asItWas := dumpFile(t, path)
	s := New()
	at := time.Date(2026, 11, 25, 20, 15, 0, 0, time.UTC)
	s.now = func() time.Time { return at }
	ws := openAt(t, s, path)
	if got, want := ws.SchemaVersion(), newestSchema(t); got != want {
		t.Errorf("SchemaVersion() = %d, want %d", got, want)
	}
	wantBackup := path + fmt.Sprintf(".before-v%d-20261125T201500Z.bak", newestSchema(t))
	if got := ws.BackupPath(); got != wantBackup {
		t.Errorf("BackupPath() = %q, want %q", got, wantBackup)
	}
	// The copy is the file as the earlier release knew it.
	backup := openAt(t, storeAtSchema(t, 1), wantBackup)
	if got, want := backup.SchemaVersion(), 1; got != want {
		t.Errorf("backup schema = %d, want %d", got, want)
	}
	backup.Close()
	if got := dumpFile(t, wantBackup); !reflect.DeepEqual(got, asItWas) {
		t.Errorf("the backup differs from the file as it was")
	}

	gotOrg, err := ws.Organisation(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(gotOrg, wantOrg) {
		t.Errorf("after migrating Organisation() = %+v\nwant %+v", gotOrg, wantOrg)
	}
	gotPeople, err := ws.People(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(gotPeople, wantPeople) {
		t.Errorf("after migrating People() = %+v\nwant %+v", gotPeople, wantPeople)
	}
	gotTrail, err := ws.AuditTrail(ctx, "", "", 0)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(gotTrail, wantTrail) {
		t.Errorf("after migrating the audit trail has %d entries, want the %d from before", len(gotTrail), len(wantTrail))
	}

	for _, table := range []string{"step_progress", "plan", "assessments", "answers", "records"} {
		if got := countRows(t, ws, "SELECT count(*) FROM "+table); got != 0 {
			t.Errorf("new table %s has %d rows, want 0", table, got)
		}
	}
	for _, index := range []string{"record_people_person", "step_progress_owner"} {
		if got := countRows(t, ws, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = ?", index); got != 1 {
			t.Errorf("index %s missing", index)
		}
	}

	// The new records work in the migrated file, with the old people.
	owner := gotPeople[0]
	if err := errOf(ws.SaveStepProgress(ctx, data.StepProgress{StepID: "step-01", Status: data.StepInProgress, OwnerID: owner.ID})); err != nil {
		t.Fatal(err)
	}
	if _, err := ws.SaveTask(ctx, data.Task{Title: "Agree the scope", Status: data.TaskOpen, SourceKind: data.SourceManual, OwnerID: owner.ID}); err != nil {
		t.Fatal(err)
	}
	a, err := ws.SaveAssessment(ctx, data.Assessment{Title: "Baseline", Date: at})
	if err != nil {
		t.Fatal(err)
	}
	if err := errOf(ws.SaveAnswer(ctx, data.Answer{AssessmentID: a.ID, QuestionID: "q-4.1-1", Score: 2})); err != nil {
		t.Fatal(err)
	}
	ws.Close()

	report, err = New().Check(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := [4]any{report.SchemaVersion, report.NeedsMigrate, report.Assessments, report.Tasks}, [4]any{newestSchema(t), false, 1, 1}; got != want {
		t.Errorf("Check() after use: schema, needs migrate, assessments, tasks = %v, want %v", got, want)
	}
}
