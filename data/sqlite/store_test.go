package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"

	"smsbuilder/data"
)

func TestCreateMigrateReopen(t *testing.T) {
	ctx := actorCtx("Daniel Okafor")
	dir := t.TempDir()
	path := filepath.Join(dir, "northwind"+data.WorkspaceExt)
	s := New()
	newest := newestSchema(t)

	w, err := s.Create(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	ws := w.(*Workspace)
	if got, want := ws.Path(), path; got != want {
		t.Errorf("Path() = %q, want %q", got, want)
	}
	if ws.ReadOnly() {
		t.Error("a new workspace is read-only")
	}
	if got, want := ws.SchemaVersion(), newest; got != want {
		t.Errorf("SchemaVersion() = %d, want %d", got, want)
	}
	if got := ws.BackupPath(); got != "" {
		t.Errorf("a new workspace has a migration backup %q", got)
	}

	// The file as SQLite sees it.
	pragmas := []struct {
		pragma string
		want   string
	}{
		{"application_id", fmt.Sprint(applicationID)},
		{"user_version", fmt.Sprint(newest)},
		{"journal_mode", "wal"},
		{"foreign_keys", "1"},
		{"busy_timeout", "5000"},
	}
	for _, p := range pragmas {
		var got string
		if err := ws.db.QueryRow("PRAGMA " + p.pragma).Scan(&got); err != nil {
			t.Fatal(err)
		}
		if got != p.want {
			t.Errorf("PRAGMA %s = %q, want %q", p.pragma, got, p.want)
		}
	}
	var app, created string
	if err := ws.db.QueryRow("SELECT value FROM meta WHERE key = 'app'").Scan(&app); err != nil {
		t.Fatal(err)
	}
	if err := ws.db.QueryRow("SELECT value FROM meta WHERE key = 'created_at'").Scan(&created); err != nil {
		t.Fatal(err)
	}
	if app != metaApp {
		t.Errorf("meta app = %q, want %q", app, metaApp)
	}
	if at, err := time.Parse(time.RFC3339, created); err != nil || time.Since(at) > time.Minute || created[len(created)-1] != 'Z' {
		t.Errorf("meta created_at = %q (%v), want a UTC RFC 3339 time of now", created, err)
	}

	// An empty workspace has the default profile.
	got, err := ws.Organisation(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := data.DefaultOrganisation(); !reflect.DeepEqual(got, want) {
		t.Errorf("Organisation() of a new workspace = %+v, want %+v", got, want)
	}

	if err := data.SeedDemoOrganisation(ctx, ws, nil); err != nil {
		t.Fatal(err)
	}
	wantOrg, err := ws.Organisation(ctx)
	if err != nil {
		t.Fatal(err)
	}
	wantPeople, err := ws.People(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if err := ws.Close(); err != nil {
		t.Fatal(err)
	}
	if got, want := dirNames(t, dir), []string{filepath.Base(path)}; !slices.Equal(got, want) {
		t.Errorf("after Close the folder holds %q, want %q", got, want)
	}

	w2, err := s.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer w2.Close()
	if w2.ReadOnly() {
		t.Error("reopened workspace is read-only")
	}
	if got := w2.(*Workspace).BackupPath(); got != "" {
		t.Errorf("reopening a current workspace made a backup %q", got)
	}
	gotOrg, err := w2.Organisation(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(gotOrg, wantOrg) {
		t.Errorf("reopened Organisation() = %+v, want %+v", gotOrg, wantOrg)
	}
	gotPeople, err := w2.People(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(gotPeople, wantPeople) {
		t.Errorf("reopened People() = %+v, want %+v", gotPeople, wantPeople)
	}
}

func TestCreateRefuses(t *testing.T) {
	tests := []struct {
		name    string
		prepare func(t *testing.T, path string) // makes what is in the way
		path    func(dir string) string
		code    string
	}{
		{
			name:    "file exists",
			prepare: func(t *testing.T, path string) { writeFile(t, path, []byte("someone's notes")) },
			code:    data.EExists,
		},
		{
			name: "workspace exists",
			prepare: func(t *testing.T, path string) {
				createAt(t, New(), path).Close()
			},
			code: data.EExists,
		},
		{
			name:    "log of an earlier database left beside it",
			prepare: func(t *testing.T, path string) { writeFile(t, path+"-wal", []byte("old log")) },
			code:    data.EExists,
		},
		{
			name: "folder missing",
			path: func(dir string) string { return filepath.Join(dir, "no such folder", "x.smsdb") },
			code: data.ENotFound,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "w.smsdb")
			if tt.path != nil {
				path = tt.path(dir)
			}
			if tt.prepare != nil {
				tt.prepare(t, path)
			}
			before, names := stateOf(t, path), dirNames(t, dir)

			ws, err := New().Create(context.Background(), path)
			if ws != nil {
				t.Errorf("Create returned a workspace with error %v", err)
			}
			wantCode(t, err, tt.code)
			if got := stateOf(t, path); got != before {
				t.Errorf("file changed: got %+v, want %+v", got, before)
			}
			if got := dirNames(t, dir); !slices.Equal(got, names) {
				t.Errorf("folder holds %q, want %q", got, names)
			}
		})
	}
}

func writeFile(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// demoWorkspaceFile creates a closed workspace with the demo organisation.
func demoWorkspaceFile(t *testing.T, path string) {
	t.Helper()
	ws := createAt(t, New(), path)
	if err := data.SeedDemoOrganisation(actorCtx("Seeder"), ws, nil); err != nil {
		t.Fatal(err)
	}
	if err := ws.Close(); err != nil {
		t.Fatal(err)
	}
}

// rawExec runs statements on a file through a plain connection, as another
// program would.
func rawExec(t *testing.T, dsn string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, s := range stmts {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}

func truncateFile(t *testing.T, path string, size func(int64) int64) {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(path, size(fi.Size())); err != nil {
		t.Fatal(err)
	}
}

// overwritePage fills page n (1-based) of a database with 0xFF bytes.
func overwritePage(t *testing.T, path string, n int64) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	h := make([]byte, 18)
	if _, err := io.ReadFull(f, h); err != nil {
		t.Fatal(err)
	}
	pageSize := int64(h[16])<<8 | int64(h[17])
	if _, err := f.WriteAt(bytes.Repeat([]byte{0xFF}, int(pageSize)), (n-1)*pageSize); err != nil {
		t.Fatal(err)
	}
}

func TestRefusedFiles(t *testing.T) {
	newest := newestSchema(t)
	tests := []struct {
		name    string
		make    func(t *testing.T, path string)
		code    string
		message string // besides the file name
	}{
		{
			name:    "missing",
			make:    func(t *testing.T, path string) {},
			code:    data.ENotFound,
			message: "No workspace at",
		},
		{
			name:    "folder",
			make:    func(t *testing.T, path string) { os.Mkdir(path, 0o755) },
			code:    data.ENotWorkspace,
			message: "is a folder",
		},
		{
			name:    "empty file",
			make:    func(t *testing.T, path string) { writeFile(t, path, nil) },
			code:    data.ENotWorkspace,
			message: "is not an SMS Builder workspace: it is empty",
		},
		{
			name: "random bytes",
			make: func(t *testing.T, path string) {
				b := make([]byte, 8192)
				rand.New(rand.NewSource(1)).Read(b)
				writeFile(t, path, b)
			},
			code:    data.ENotWorkspace,
			message: "is not an SMS Builder workspace: it is not a SQLite database",
		},
		{
			name:    "text file",
			make:    func(t *testing.T, path string) { writeFile(t, path, []byte("Minutes of the management review\n")) },
			code:    data.ENotWorkspace,
			message: "is not an SMS Builder workspace: it is not a SQLite database",
		},
		{
			name: "header cut short",
			make: func(t *testing.T, path string) {
				demoWorkspaceFile(t, path)
				truncateFile(t, path, func(int64) int64 { return 50 })
			},
			code:    data.ECorrupt,
			message: "is damaged or truncated",
		},
		{
			name: "workspace cut in half",
			make: func(t *testing.T, path string) {
				demoWorkspaceFile(t, path)
				truncateFile(t, path, func(n int64) int64 { return n / 2 })
			},
			code:    data.ECorrupt,
			message: "is damaged or truncated",
		},
		{
			name: "workspace cut mid-page",
			make: func(t *testing.T, path string) {
				demoWorkspaceFile(t, path)
				truncateFile(t, path, func(n int64) int64 { return n/2 + 100 })
			},
			code:    data.ECorrupt,
			message: "is damaged or truncated",
		},
		{
			name: "workspace cut in half, header page count not valid",
			make: func(t *testing.T, path string) {
				demoWorkspaceFile(t, path)
				truncateFile(t, path, func(n int64) int64 { return n / 2 })
				f, err := os.OpenFile(path, os.O_RDWR, 0)
				if err != nil {
					t.Fatal(err)
				}
				defer f.Close()
				// version-valid-for no longer matches the change counter
				if _, err := f.WriteAt([]byte{0xde, 0xad, 0xbe, 0xef}, 92); err != nil {
					t.Fatal(err)
				}
			},
			code:    data.ECorrupt,
			message: "is damaged or truncated",
		},
		{
			name: "workspace with a damaged page",
			make: func(t *testing.T, path string) {
				demoWorkspaceFile(t, path)
				overwritePage(t, path, 4)
			},
			code:    data.ECorrupt,
			message: "is damaged or truncated",
		},
		{
			name: "another program's SQLite database",
			make: func(t *testing.T, path string) {
				rawExec(t, "file:"+path, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)", "INSERT INTO notes (body) VALUES ('hello')")
			},
			code:    data.ENotWorkspace,
			message: "is a SQLite database but not an SMS Builder workspace",
		},
		{
			name: "another program's SQLite database in WAL mode",
			make: func(t *testing.T, path string) {
				rawExec(t, "file:"+path+"?_pragma=journal_mode(WAL)", "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)", "INSERT INTO notes (body) VALUES ('hello')")
			},
			code:    data.ENotWorkspace,
			message: "is a SQLite database but not an SMS Builder workspace",
		},
		{
			name: "our application id without the meta table",
			make: func(t *testing.T, path string) {
				rawExec(t, "file:"+path, fmt.Sprintf("PRAGMA application_id = %d", applicationID), "CREATE TABLE notes (id INTEGER PRIMARY KEY)")
			},
			code:    data.ENotWorkspace,
			message: "is a SQLite database but not an SMS Builder workspace",
		},
		{
			name: "a meta table without our application id",
			make: func(t *testing.T, path string) {
				rawExec(t, "file:"+path, "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)", "INSERT INTO meta VALUES ('app', 'smsbuilder')")
			},
			code:    data.ENotWorkspace,
			message: "is a SQLite database but not an SMS Builder workspace",
		},
		{
			name: "workspace from a newer version",
			make: func(t *testing.T, path string) {
				demoWorkspaceFile(t, path)
				rawExec(t, "file:"+path, fmt.Sprintf("PRAGMA user_version = %d", newest+5))
			},
			code:    data.ETooNew,
			message: fmt.Sprintf("was saved by a newer version of SMS Builder (schema %d; this version knows up to %d). Update SMS Builder to open it.", newest+5, newest),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "Refused file"+data.WorkspaceExt)
			tt.make(t, path)
			before, names := stateOf(t, path), dirNames(t, dir)
			if tt.name != "missing" && !slices.Equal(names, []string{filepath.Base(path)}) {
				t.Fatalf("fixture left %q in the folder", names)
			}

			ws, err := New().Open(context.Background(), path)
			if ws != nil {
				ws.Close()
				t.Fatalf("Open returned a workspace for a refused file")
			}
			e := wantCode(t, err, tt.code)
			t.Logf("Open: %v", err)
			for _, want := range []string{filepath.Base(path), tt.message} {
				if !contains(e.Message, want) {
					t.Errorf("Open message %q does not contain %q", e.Message, want)
				}
			}

			report, err := New().Check(context.Background(), path)
			e = wantCode(t, err, tt.code)
			for _, want := range []string{filepath.Base(path), tt.message} {
				if !contains(e.Message, want) {
					t.Errorf("Check message %q does not contain %q", e.Message, want)
				}
			}
			if report.OK() {
				t.Errorf("Check report of a refused file is OK: %+v", report)
			}
			if got, want := report.Path, path; got != want {
				t.Errorf("report.Path = %q, want %q", got, want)
			}

			if got := stateOf(t, path); got != before {
				t.Errorf("the refused file changed: got %+v, want %+v", got, before)
			}
			if got := dirNames(t, dir); !slices.Equal(got, names) {
				t.Errorf("the folder holds %q after refusing, want %q", got, names)
			}
		})
	}
}

func TestCheck(t *testing.T) {
	ctx := actorCtx("Oliver Grant")
	dir := t.TempDir()
	path := filepath.Join(dir, "check"+data.WorkspaceExt)
	demoWorkspaceFile(t, path)
	before := stateOf(t, path)

	got, err := New().Check(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if got.LastChange.IsZero() || time.Since(got.LastChange) > time.Minute {
		t.Errorf("LastChange = %v, want about now", got.LastChange)
	}
	got.LastChange = time.Time{}
	if got.AuditHead.ID != int64(got.AuditEntries) || len(got.AuditHead.Hash) != 64 {
		t.Errorf("AuditHead = %+v, want the last of %d entries", got.AuditHead, got.AuditEntries)
	}
	got.AuditHead = data.AuditHead{}
	if len(got.Problems) > 0 {
		t.Errorf("Problems = %v, want none", got.Problems)
	}
	got.Problems = nil
	want := data.CheckReport{
		Path:          path,
		SizeBytes:     before.size,
		SchemaVersion: newestSchema(t),
		AppSchema:     newestSchema(t),
		Integrity:     "ok",
		Organisation:  "Northwind",
		People:        len(data.DemoPeople()),
		AuditEntries:  1 + len(data.DemoPeople()),
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Check() = %+v\nwant %+v", got, want)
	}
	if !got.OK() {
		t.Error("report of a good workspace is not OK")
	}
	if got := stateOf(t, path); got != before {
		t.Errorf("Check changed the file: got %+v, want %+v", got, before)
	}
	if got, want := dirNames(t, dir), []string{filepath.Base(path)}; !slices.Equal(got, want) {
		t.Errorf("after Check the folder holds %q, want %q", got, want)
	}
}

func TestReadOnlyFile(t *testing.T) {
	tests := []struct {
		name      string
		protect   func(t *testing.T, path string)
		backupDir func(dir string) string
	}{
		{
			name: "file without write permission",
			protect: func(t *testing.T, path string) {
				if err := os.Chmod(path, 0o444); err != nil {
					t.Fatal(err)
				}
			},
			backupDir: func(dir string) string { return dir },
		},
		{
			name: "folder without write permission",
			protect: func(t *testing.T, path string) {
				dir := filepath.Dir(path)
				if err := os.Chmod(dir, 0o555); err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { os.Chmod(dir, 0o755) })
			},
			backupDir: func(string) string { return t.TempDir() },
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := actorCtx("Priya Raman")
			dir := t.TempDir()
			path := filepath.Join(dir, "readonly"+data.WorkspaceExt)
			demoWorkspaceFile(t, path)
			tt.protect(t, path)
			before := stateOf(t, path)

			report, err := New().Check(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			if !report.ReadOnly || !report.OK() {
				t.Errorf("Check() = %+v, want ReadOnly and OK", report)
			}

			w, err := New().Open(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			ws := w.(*Workspace)
			if !ws.ReadOnly() {
				t.Fatal("ReadOnly() = false for a file that may not be written")
			}
			o, err := ws.Organisation(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := o.Name(), "Northwind"; got != want {
				t.Errorf("Organisation().Name() = %q, want %q", got, want)
			}
			people, err := ws.People(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := len(people), len(data.DemoPeople()); got != want {
				t.Errorf("len(People()) = %d, want %d", got, want)
			}
			trail, err := ws.AuditTrail(ctx, "", "", 0)
			if err != nil {
				t.Fatal(err)
			}

			o.ShortName = "Northwind IT"
			writes := []struct {
				name string
				do   func() error
			}{
				{"SaveOrganisation", func() error { return errOf(ws.SaveOrganisation(ctx, o)) }},
				{"SavePerson new", func() error { _, err := ws.SavePerson(ctx, data.Person{Name: "New Starter"}); return err }},
				{"SavePerson update", func() error { p := people[0]; p.JobTitle = "Changed"; _, err := ws.SavePerson(ctx, p); return err }},
				{"DeletePerson", func() error { _, err := ws.DeletePerson(ctx, people[0]); return err }},
			}
			for _, wr := range writes {
				e := wantCode(t, wr.do(), data.EReadOnly)
				if !contains(e.Message, "read-only") || !contains(e.Message, filepath.Base(path)) {
					t.Errorf("%s: message %q does not say the file is read-only", wr.name, e.Message)
				}
			}
			trailAfter, err := ws.AuditTrail(ctx, "", "", 0)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(trailAfter, trail) {
				t.Errorf("refused writes changed the audit trail")
			}

			backup := filepath.Join(tt.backupDir(dir), "copy"+data.WorkspaceExt)
			if err := ws.Backup(ctx, backup); err != nil {
				t.Fatalf("Backup of a read-only workspace: %v", err)
			}
			if err := ws.Close(); err != nil {
				t.Fatal(err)
			}
			if got := stateOf(t, path); got != before {
				t.Errorf("the read-only file changed: got %+v, want %+v", got, before)
			}
			for _, side := range sideSuffixes {
				if _, err := os.Lstat(path + side); err == nil {
					t.Errorf("%s left beside the read-only file", filepath.Base(path+side))
				}
			}

			copyWS := openAt(t, New(), backup)
			if copyWS.ReadOnly() {
				t.Error("the backup of a read-only workspace opens read-only")
			}
			if _, err := copyWS.SavePerson(ctx, data.Person{Name: "New Starter"}); err != nil {
				t.Errorf("SavePerson on the writable copy: %v", err)
			}
		})
	}
}

func TestBackup(t *testing.T) {
	ctx := actorCtx("Daniel Okafor")
	ws := newWorkspace(t)
	if err := data.SeedDemoOrganisation(ctx, ws, nil); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	dest := filepath.Join(dir, "backup"+data.WorkspaceExt)
	if err := ws.Backup(ctx, dest); err != nil {
		t.Fatal(err)
	}
	// The original goes on working after the copy.
	if _, err := ws.SavePerson(ctx, data.Person{Name: "After Backup"}); err != nil {
		t.Fatal(err)
	}

	copyWS := openAt(t, New(), dest)
	for _, w := range []*Workspace{ws, copyWS} {
		if _, err := w.Organisation(ctx); err != nil {
			t.Fatal(err)
		}
	}
	wantOrg, _ := ws.Organisation(ctx)
	gotOrg, _ := copyWS.Organisation(ctx)
	if !reflect.DeepEqual(gotOrg, wantOrg) {
		t.Errorf("backup organisation = %+v, want %+v", gotOrg, wantOrg)
	}
	people, err := copyWS.People(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(people), len(data.DemoPeople()); got != want {
		t.Errorf("backup has %d people, want %d (the copy is of the moment of Backup)", got, want)
	}
	report, err := New().Check(ctx, dest)
	if err != nil || !report.OK() {
		t.Errorf("Check(backup) = %+v, %v", report, err)
	}

	refusals := []struct {
		name string
		dest string
		code string
	}{
		{"destination exists", dest, data.EExists},
		{"the workspace itself", ws.abs, data.EExists},
		{"its log", ws.abs + "-wal", data.EExists},
		{"folder missing", filepath.Join(dir, "missing", "b.smsdb"), data.ENotFound},
	}
	for _, r := range refusals {
		t.Run(r.name, func(t *testing.T) {
			before := stateOf(t, r.dest)
			wantCode(t, ws.Backup(ctx, r.dest), r.code)
			if got := stateOf(t, r.dest); got != before {
				t.Errorf("refused backup changed %s", r.dest)
			}
		})
	}
}

// A workspace whose name needs escaping in a SQLite URI.
func TestOddFileName(t *testing.T) {
	ctx := actorCtx("Tomasz Nowak")
	dir := t.TempDir()
	name := "Acme & Co #1 50% ?mode=ro é.smsdb"
	path := filepath.Join(dir, name)
	demoWorkspaceFile(t, path)
	if got, want := dirNames(t, dir), []string{name}; !slices.Equal(got, want) {
		t.Fatalf("folder holds %q, want %q", got, want)
	}
	ws := openAt(t, New(), path)
	if ws.ReadOnly() {
		t.Error("opened read-only")
	}
	if _, err := ws.SavePerson(ctx, data.Person{Name: "Someone"}); err != nil {
		t.Fatal(err)
	}
	ws.Close()
	if report, err := New().Check(ctx, path); err != nil || report.People != len(data.DemoPeople())+1 {
		t.Errorf("Check() = %+v, %v", report, err)
	}
	if got, want := dirNames(t, dir), []string{name, backupsFolder}; !slices.Equal(got, want) {
		t.Errorf("folder holds %q, want %q", got, want)
	}
}

// A workspace copied while open (as after a crash) keeps its latest changes
// in the -wal file beside it; Check and Open read them.
func TestLeftoverWAL(t *testing.T) {
	ctx := actorCtx("Aisha Bello")
	ws := newWorkspace(t)
	if err := data.SeedDemoOrganisation(ctx, ws, nil); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "crashed"+data.WorkspaceExt)
	for _, suffix := range []string{"", "-wal"} {
		b, err := os.ReadFile(ws.abs + suffix)
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, path+suffix, b)
	}
	if fi, err := os.Stat(path + "-wal"); err != nil || fi.Size() == 0 {
		t.Fatalf("the fixture has no log to recover: %v", err)
	}
	before := stateOf(t, path)

	report, err := New().Check(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := report.People, len(data.DemoPeople()); got != want || report.Organisation != "Northwind" {
		t.Errorf("Check() = %+v, want %d people of Northwind", report, want)
	}
	if got := stateOf(t, path); got != before {
		t.Errorf("Check changed the file")
	}

	w := openAt(t, New(), path)
	people, err := w.People(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(people), len(data.DemoPeople()); got != want {
		t.Errorf("len(People()) = %d, want %d", got, want)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if got, want := dirNames(t, dir), []string{backupsFolder, filepath.Base(path)}; !slices.Equal(got, want) {
		t.Errorf("after Close the folder holds %q, want %q", got, want)
	}
}
