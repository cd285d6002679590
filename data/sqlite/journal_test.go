package sqlite

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"smsbuilder/data"
)

// crashedInRollbackMode makes the files a program leaves when it stops in
// the middle of a change to a workspace in rollback-journal mode (as on a
// network drive): half of the change in the file, the old pages in a hot
// -journal beside it. It copies both while the change is under way.
func crashedInRollbackMode(t *testing.T, dir, name string) string {
	t.Helper()
	src := filepath.Join(t.TempDir(), "live.smsdb")
	demoWorkspaceFile(t, src)
	db, err := sql.Open("sqlite", fileURI(src)+"?_pragma=journal_mode(DELETE)&_pragma=cache_size(1)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	tx, err := db.Begin()
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	// A tiny cache makes SQLite write changed pages into the file before commit.
	for _, q := range []string{
		"UPDATE people SET name = name || ' (half-saved)'",
		"CREATE TABLE junk (x)",
		"INSERT INTO junk SELECT randomblob(2000) FROM people a, people b",
	} {
		if _, err := tx.Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(dir, name)
	for _, suffix := range []string{"", "-journal"} {
		b, err := os.ReadFile(src + suffix)
		if err != nil {
			t.Fatal(err)
		}
		if suffix == "" {
			b = scribbleJournalled(t, b, src+"-journal")
		}
		writeFile(t, path+suffix, b)
	}
	if !hotJournal(path) {
		t.Fatal("the fixture has no hot journal")
	}
	return path
}

// scribbleJournalled overwrites, in the file's bytes, the first page other
// than the header page that the journal holds the old copy of: whether
// SQLite spilled a consistent set of pages before the copy was taken
// depends on the file's layout, and the fixture must show a half change
// whatever the schema. Undoing the change puts the page back.
func scribbleJournalled(t *testing.T, file []byte, journal string) []byte {
	t.Helper()
	j, err := os.ReadFile(journal)
	if err != nil {
		t.Fatal(err)
	}
	be := func(b []byte) int { return int(b[0])<<24 | int(b[1])<<16 | int(b[2])<<8 | int(b[3]) }
	sector, pageSize := be(j[20:24]), be(j[24:28])
	for off := sector; off+4+pageSize <= len(j); off += 4 + pageSize + 4 {
		page := be(j[off : off+4])
		if page < 2 || page*pageSize > len(file) {
			continue
		}
		out := slices.Clone(file)
		for i := (page - 1) * pageSize; i < page*pageSize; i++ {
			out[i] = 0xa5
		}
		return out
	}
	t.Fatal("the journal holds no page but the header")
	return nil
}

func TestHotJournal(t *testing.T) {
	ctx := actorCtx("Aisha Bello")
	dir := t.TempDir()
	path := crashedInRollbackMode(t, dir, "crashed.smsdb")
	before, beforeJournal := stateOf(t, path), stateOf(t, path+"-journal")

	// Read as immutable, as inspection once did, the file shows the half
	// change: SQLite ignores the journal and finds the file malformed.
	im, err := sql.Open("sqlite", roDSN(path, true, true))
	if err != nil {
		t.Fatal(err)
	}
	res, err := integrity(ctx, im, "integrity_check")
	im.Close()
	if err == nil && res == "ok" {
		t.Error("read as immutable, the half-changed file passed the integrity check; the fixture shows nothing")
	}

	// Check reads a private copy in which SQLite undid the change, and
	// changes nothing.
	r, err := New().Check(ctx, path)
	if err != nil {
		t.Fatalf("Check() = %v", err)
	}
	if !r.OK() || !r.InterruptedChange || r.People != len(data.DemoPeople()) || r.Organisation != "Northwind" {
		t.Errorf("Check() = %+v, want a sound Northwind with an interrupted change", r)
	}
	if stateOf(t, path) != before || stateOf(t, path+"-journal") != beforeJournal {
		t.Error("Check changed the file or its journal")
	}
	if got, want := dirNames(t, dir), []string{"crashed.smsdb", "crashed.smsdb-journal"}; !slices.Equal(got, want) {
		t.Errorf("after Check the folder holds %q, want %q", got, want)
	}

	// A copy is of the file as it was before the interrupted change.
	copyPath := filepath.Join(t.TempDir(), "copy.smsdb")
	if err := New().CopyWorkspace(ctx, path, copyPath); err != nil {
		t.Fatal(err)
	}
	if stateOf(t, path) != before {
		t.Error("CopyWorkspace changed the file")
	}

	// Opening for writing undoes the change in the file; nothing half-saved
	// stays.
	for _, p := range []string{path, copyPath} {
		ws := openAt(t, New(), p)
		people, err := ws.People(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, person := range people {
			if strings.Contains(person.Name, "half-saved") {
				t.Errorf("%s: %q kept half of the interrupted change", filepath.Base(p), person.Name)
			}
		}
		if len(people) != len(data.DemoPeople()) {
			t.Errorf("%s: %d people, want %d", filepath.Base(p), len(people), len(data.DemoPeople()))
		}
		ws.Close()
	}
	if _, err := os.Stat(path + "-journal"); !os.IsNotExist(err) {
		t.Errorf("the journal is still there after Open: %v", err)
	}
	if r, err := New().Check(ctx, path); err != nil || !r.OK() || r.InterruptedChange {
		t.Errorf("Check() after Open = %+v, %v", r, err)
	}
}

// A journal whose replay would not leave a sound workspace (damaged, or of
// another file) is not replayed: Open leaves both alone and says what to
// do. A read-only file cannot have its change undone, and says so.
func TestHotJournalRefusals(t *testing.T) {
	ctx := context.Background()
	t.Run("damaged journal", func(t *testing.T) {
		dir := t.TempDir()
		path := crashedInRollbackMode(t, dir, "w.smsdb")
		b, err := os.ReadFile(path + "-journal")
		if err != nil {
			t.Fatal(err)
		}
		// The page records start after the header sector; SQLite checks
		// each one's checksum and stops undoing at the first bad one.
		for i := 512; i < len(b); i += 7 {
			b[i] ^= 0x5a
		}
		writeFile(t, path+"-journal", b)
		before := stateOf(t, path)
		_, err = New().Open(ctx, path)
		e := wantCode(t, err, data.ECorrupt)
		if !strings.Contains(e.Message, "w.smsdb-journal") || !strings.Contains(e.Message, "Nothing was changed") {
			t.Errorf("message %q does not explain the journal", e.Message)
		}
		if stateOf(t, path) != before {
			t.Error("the refused file changed")
		}
	})
	t.Run("read-only file", func(t *testing.T) {
		dir := t.TempDir()
		path := crashedInRollbackMode(t, dir, "ro.smsdb")
		if err := os.Chmod(path, 0o444); err != nil {
			t.Fatal(err)
		}
		before := stateOf(t, path)
		_, err := New().Open(ctx, path)
		e := wantCode(t, err, data.EReadOnly)
		if !strings.Contains(e.Message, "interrupted") || !strings.Contains(e.Message, "writable") {
			t.Errorf("message %q does not explain the interrupted change", e.Message)
		}
		if stateOf(t, path) != before {
			t.Error("the refused file changed")
		}
		if r, err := New().Check(ctx, path); err != nil || !r.OK() || !r.InterruptedChange || !r.ReadOnly {
			t.Errorf("Check() = %+v, %v", r, err)
		}
	})
}
