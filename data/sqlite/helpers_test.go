package sqlite

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"smsbuilder/data"
)

// actorCtx names the person working, as the GUI does.
func actorCtx(name string) context.Context {
	return data.WithActor(context.Background(), name)
}

// newWorkspace creates a workspace in a fresh temporary folder and closes
// it when the test ends.
func newWorkspace(t testing.TB) *Workspace {
	t.Helper()
	return createAt(t, New(), filepath.Join(t.TempDir(), "test"+data.WorkspaceExt))
}

func createAt(t testing.TB, s *Store, path string) *Workspace {
	t.Helper()
	ws, err := s.create(context.Background(), path, nil)
	if err != nil {
		t.Fatalf("create %s: %v", path, err)
	}
	t.Cleanup(func() { ws.Close() })
	return ws
}

func openAt(t testing.TB, s *Store, path string) *Workspace {
	t.Helper()
	ws, err := s.open(context.Background(), path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	t.Cleanup(func() { ws.Close() })
	return ws
}

// fileState is what must not change when a file is only looked at.
type fileState struct {
	sum   string
	size  int64
	mode  fs.FileMode
	mtime time.Time
}

func stateOf(t *testing.T, path string) fileState {
	t.Helper()
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return fileState{}
	}
	if err != nil {
		t.Fatal(err)
	}
	if fi.IsDir() {
		return fileState{mode: fi.Mode(), mtime: fi.ModTime()}
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(b)
	return fileState{sum: hex.EncodeToString(sum[:]), size: fi.Size(), mode: fi.Mode(), mtime: fi.ModTime()}
}

// dirNames lists a folder's entries, sorted.
func dirNames(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	slices.Sort(names)
	return names
}

// wantCode fails unless err is a *data.Error with the code.
func wantCode(t *testing.T, err error, code string) *data.Error {
	t.Helper()
	var e *data.Error
	if !errors.As(err, &e) {
		t.Fatalf("got error %v (%T), want a *data.Error with code %q", err, err, code)
	}
	if e.Code != code {
		t.Fatalf("got code %q (%v), want %q", e.Code, err, code)
	}
	return e
}

// storeWithExtraMigrations is a Store whose schema is the embedded one plus
// the given test-only migrations, named as they would be in migrations/.
func storeWithExtraMigrations(t testing.TB, extra map[string]string) *Store {
	t.Helper()
	m := fstest.MapFS{}
	err := fs.WalkDir(migrationFiles, migrationDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(migrationFiles, p)
		m[p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for name, sql := range extra {
		m[migrationDir+"/"+name] = &fstest.MapFile{Data: []byte(sql)}
	}
	return &Store{migrations: m}
}

func newestSchema(t testing.TB) int {
	t.Helper()
	n, err := New().SchemaVersion()
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }

// storeAtSchema is a Store that knows only the first n embedded migrations,
// as an earlier release of the app did.
func storeAtSchema(t testing.TB, n int) *Store {
	t.Helper()
	migs, err := loadMigrations(migrationFiles)
	if err != nil {
		t.Fatal(err)
	}
	if n < 1 || n > len(migs) {
		t.Fatalf("storeAtSchema(%d): the embedded schema has versions 1 to %d", n, len(migs))
	}
	m := fstest.MapFS{}
	for _, mig := range migs[:n] {
		m[migrationDir+"/"+mig.name] = &fstest.MapFile{Data: []byte(mig.sql)}
	}
	return &Store{migrations: m}
}

// errOf keeps the error of a save whose stored record the test does not need.
func errOf[T any](_ T, err error) error { return err }

// storedVersion is version id as stored now, for a test that moves or edits
// it without keeping its own copy; an unknown id gives a version with only
// that ID, for the call to refuse.
func (w *Workspace) storedVersion(id int64) data.Version {
	v := data.Version{ID: id}
	_ = w.read(context.Background(), "read version", func(tx *sql.Tx) error {
		found, err := readVersion(context.Background(), tx, id)
		if err == nil {
			v = found
		}
		return err
	})
	return v
}
