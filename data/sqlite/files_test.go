package sqlite

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"smsbuilder/data"
)

// A workspace being filled is nowhere to be seen at its name; a fill that
// fails (as a kill would stop it) leaves nothing there and nothing beside it.
func TestCreateWithIsAtomic(t *testing.T) {
	ctx := actorCtx("Seeder")
	dir := t.TempDir()
	path := filepath.Join(dir, "w.smsdb")
	stop := errors.New("stopped half-way")
	_, err := New().CreateWith(ctx, path, func(ws data.Workspace) error {
		if err := data.SeedDemoOrganisation(ctx, ws, nil); err != nil {
			return err
		}
		if _, err := os.Lstat(path); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("while the workspace is filled, Lstat(%s) = %v, want no file", path, err)
		}
		return stop
	})
	if !errors.Is(err, stop) {
		t.Fatalf("CreateWith = %v, want the fill's error", err)
	}
	if got := dirNames(t, dir); len(got) != 0 {
		t.Errorf("after a failed fill the folder holds %q, want nothing", got)
	}

	// What a kill leaves behind is a hidden, clearly named file that no one
	// mistakes for the workspace; the next creation removes it.
	leftover := filepath.Join(dir, ".w.smsdb.incomplete-0123456789ab")
	writeFile(t, leftover, []byte("half a database"))
	writeFile(t, leftover+"-wal", []byte("its log"))
	ws, err := New().CreateWith(ctx, path, func(ws data.Workspace) error {
		return data.SeedDemoOrganisation(ctx, ws, nil)
	})
	if err != nil {
		t.Fatal(err)
	}
	if people, err := ws.People(ctx); err != nil || len(people) != len(data.DemoPeople()) {
		t.Errorf("People() = %d, %v; want the demo people", len(people), err)
	}
	if err := ws.Close(); err != nil {
		t.Fatal(err)
	}
	if got, want := dirNames(t, dir), []string{"w.smsdb"}; !slices.Equal(got, want) {
		t.Errorf("folder holds %q, want %q", got, want)
	}
	if r, err := New().Check(ctx, path); err != nil || !r.OK() || r.People != len(data.DemoPeople()) {
		t.Errorf("Check() = %+v, %v", r, err)
	}
}

// Opened once a day for 40 days, a workspace keeps the last 7 daily copies
// and the newest copy of each of the last 4 weeks; files rotation did not
// make stay.
func TestDailyBackupRotation(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "w.smsdb")
	demoWorkspaceFile(t, path)
	backups := filepath.Join(dir, backupsFolder)
	if err := os.Mkdir(backups, 0o755); err != nil {
		t.Fatal(err)
	}
	otherWS := filepath.Join(backups, "other backup 2026-10-01.smsdb")
	createAt(t, New(), otherWS).Close()
	mine := []string{
		"w backup 2026-10-01.smsdb", // named like a copy but holding notes
		"w notes.smsdb",
		"w backup 2026-10-02.smsdb.txt",
	}
	for _, name := range mine {
		writeFile(t, filepath.Join(backups, name), []byte("the user's own file"))
	}
	// What a copy interrupted on an earlier day left behind.
	writeFile(t, filepath.Join(backups, ".w backup 2026-10-30.smsdb"+incompleteMark+"0123456789ab"), []byte("half a copy"))

	day := time.Date(2026, 11, 2, 12, 0, 0, 0, time.UTC) // a Monday
	s := New()
	s.now = func() time.Time { return day }
	for i := range 40 {
		day = time.Date(2026, 11, 2+i, 9, 30, 0, 0, time.UTC)
		for range 2 { // a second opening the same day copies nothing
			ws, err := s.open(context.Background(), path)
			if err != nil {
				t.Fatal(err)
			}
			got, err := ws.DailyBackup()
			if err != nil {
				t.Fatalf("day %d: DailyBackup() error %v", i, err)
			}
			if want := filepath.Join(backups, "w backup "+day.Format("2006-01-02")+".smsdb"); got != want && got != "" {
				t.Errorf("day %d: DailyBackup() = %q, want %q", i, got, want)
			}
			ws.Close()
		}
	}
	want := []string{
		"other backup 2026-10-01.smsdb",
		"w backup 2026-10-01.smsdb",
		"w backup 2026-10-02.smsdb.txt",
		"w backup 2026-11-22.smsdb", // Sunday, newest of its week
		"w backup 2026-11-29.smsdb", // Sunday
		"w backup 2026-12-05.smsdb", // the last seven days
		"w backup 2026-12-06.smsdb",
		"w backup 2026-12-07.smsdb",
		"w backup 2026-12-08.smsdb",
		"w backup 2026-12-09.smsdb",
		"w backup 2026-12-10.smsdb",
		"w backup 2026-12-11.smsdb",
		"w notes.smsdb",
	}
	if got := dirNames(t, backups); !slices.Equal(got, want) {
		t.Errorf("after 40 days Backups holds\n%q\nwant\n%q", got, want)
	}

	list, err := s.Backups(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, b := range list {
		if b.Err != nil {
			got = append(got, b.Day.Format("01-02")+" "+data.ErrorMessage(b.Err))
			continue
		}
		got = append(got, fmt.Sprintf("%s %s %d", b.Day.Format("01-02"), b.Report.Organisation, b.Report.People))
	}
	people := len(data.DemoPeople())
	wantList := []string{
		fmt.Sprintf("12-11 Northwind %d", people), fmt.Sprintf("12-10 Northwind %d", people),
		fmt.Sprintf("12-09 Northwind %d", people), fmt.Sprintf("12-08 Northwind %d", people),
		fmt.Sprintf("12-07 Northwind %d", people), fmt.Sprintf("12-06 Northwind %d", people),
		fmt.Sprintf("12-05 Northwind %d", people), fmt.Sprintf("11-29 Northwind %d", people),
		fmt.Sprintf("11-22 Northwind %d", people),
		"10-01 " + filepath.Join(backups, "w backup 2026-10-01.smsdb") + " is not an SMS Builder workspace: it is not a SQLite database.",
	}
	if !slices.Equal(got, wantList) {
		t.Errorf("Backups() =\n%q\nwant\n%q", got, wantList)
	}

	// A daily copy opened by itself makes no copy of the copy.
	ws := openAt(t, s, filepath.Join(backups, "w backup 2026-12-11.smsdb"))
	if p, err := ws.DailyBackup(); p != "" || err != nil {
		t.Errorf("opening a backup made a backup %q, %v", p, err)
	}
	if _, err := os.Stat(filepath.Join(backups, backupsFolder)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("opening a backup made a Backups folder inside Backups")
	}
}

// A backup that cannot be written does not stop the work; it is explained.
func TestDailyBackupFailure(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "w.smsdb")
	demoWorkspaceFile(t, path)
	writeFile(t, filepath.Join(dir, backupsFolder), []byte("a file in the way of the folder"))
	ws := openAt(t, New(), path)
	p, err := ws.DailyBackup()
	if p != "" || err == nil {
		t.Fatalf("DailyBackup() = %q, %v; want an error", p, err)
	}
	if msg := data.ErrorMessage(err); !strings.Contains(msg, "w.smsdb") || !strings.Contains(msg, "Backups") {
		t.Errorf("message %q names neither the file nor the folder", msg)
	}
	if _, err := ws.SavePerson(actorCtx("A"), data.Person{Name: "Still works"}); err != nil {
		t.Errorf("after a failed backup the workspace refused a save: %v", err)
	}
}

// Retrying an update that fails keeps one copy of the file as it was, not
// one more per attempt; a changed file gets a copy of its own.
func TestFailedMigrationReusesBackup(t *testing.T) {
	ctx := actorCtx("Daniel Okafor")
	dir := t.TempDir()
	path := filepath.Join(dir, "w.smsdb")
	demoWorkspaceFile(t, path)
	extra, next := nextMigration(t, "half_done", "CREATE TABLE half_done (id INTEGER PRIMARY KEY); INSERT INTO no_such_table VALUES (1);")
	bad := storeWithExtraMigrations(t, extra)
	at := time.Date(2026, 11, 25, 20, 15, 0, 0, time.UTC)
	bad.now = func() time.Time { return at }
	pattern := path + fmt.Sprintf(".before-v%d-*.bak", next)

	for i := range 3 {
		at = at.Add(time.Minute)
		_, err := bad.Open(ctx, path)
		e := wantCode(t, err, data.EInternal)
		for _, want := range []string{"w.smsdb could not be updated", fmt.Sprintf("schema %d to %d", next-1, next),
			"no such table: no_such_table", "20261125T201600Z.bak", fmt.Sprintf("The file is at schema %d", next-1)} {
			if !strings.Contains(e.Message, want) {
				t.Errorf("attempt %d: message %q does not contain %q", i+1, e.Message, want)
			}
		}
		if matches, _ := filepath.Glob(pattern); len(matches) != 1 {
			t.Errorf("after attempt %d the backups are %q, want one", i+1, matches)
		}
	}

	ws := openAt(t, New(), path)
	if _, err := ws.SavePerson(ctx, data.Person{Name: "New Starter"}); err != nil {
		t.Fatal(err)
	}
	ws.Close()
	if _, err := bad.Open(ctx, path); err == nil {
		t.Fatal("the failing update succeeded")
	}
	if matches, _ := filepath.Glob(pattern); len(matches) != 2 {
		t.Errorf("after the file changed the backups are %q, want two", matches)
	}
	if got := dirNames(t, dir); slices.ContainsFunc(got, func(n string) bool { return strings.Contains(n, incompleteMark) }) {
		t.Errorf("folder holds a temporary file: %q", got)
	}
}
