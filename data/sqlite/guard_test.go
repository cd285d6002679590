package sqlite

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"smsbuilder/data"
)

// Every path the guard is asked about, from the workspace itself to links
// and names of files that do not exist yet; a refused path is left as it was.
func TestCheckOutput(t *testing.T) {
	dir := t.TempDir()
	ws := filepath.Join(dir, "w.smsdb")
	demoWorkspaceFile(t, ws)
	open := openAt(t, New(), ws) // its -wal and -shm now exist
	copyName := filepath.Join(dir, "copy of w.db")
	b, err := os.ReadFile(ws)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, copyName, b)
	other := filepath.Join(dir, "other.db") // a workspace without the extension
	createAt(t, New(), other).Close()
	writeFile(t, filepath.Join(dir, "notes.txt"), []byte("someone's notes"))
	writeFile(t, filepath.Join(dir, "plain.smsdb"), []byte("not a database"))
	rawExec(t, fileURI(filepath.Join(dir, "foreign.smsdb")), "CREATE TABLE t (x)")
	rawExec(t, fileURI(filepath.Join(dir, "foreign.db")), "CREATE TABLE t (x)")
	writeFile(t, filepath.Join(dir, "stray-journal.bin"), append([]byte{0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7}, make([]byte, 92)...))
	for name, target := range map[string]string{
		"link.pdf":          "w.smsdb",
		"link-to-wal.pdf":   "w.smsdb-wal",
		"link-to-notes.pdf": "notes.txt",
		"dangling.pdf":      "w.smsdb-journal",
	} {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Link(ws, filepath.Join(dir, "hard.pdf")); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(ws+"-shm", filepath.Join(dir, "hard-shm.pdf")); err != nil {
		t.Fatal(err)
	}
	sub := filepath.Join(dir, "sub")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(dir, filepath.Join(sub, "up")); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name string
		path string
		code string // "" when the path may be written
		open bool   // only the open workspace's guard refuses it
	}{
		{"the workspace itself", "w.smsdb", data.EExists, false},
		{"the workspace by another spelling", "sub/../w.smsdb", data.EExists, false},
		{"a copy of it under another name", "copy of w.db", data.EExists, false},
		{"a workspace without the extension", "other.db", data.EExists, false},
		{"its write-ahead log", "w.smsdb-wal", data.EExists, false},
		{"its shared-memory index", "w.smsdb-shm", data.EExists, false},
		{"its journal, not there yet", "w.smsdb-journal", data.EExists, false},
		{"the log name of a workspace without the extension", "other.db-wal", data.EExists, false},
		{"the log name of any .smsdb", "future.smsdb-journal", data.EExists, false},
		{"a symlink to the workspace", "link.pdf", data.EExists, false},
		{"a symlink to its log", "link-to-wal.pdf", data.EExists, false},
		{"a dangling symlink to its journal", "dangling.pdf", data.EExists, false},
		{"a symlinked folder", "sub/up/w.smsdb", data.EExists, false},
		{"a hard link to the workspace", "hard.pdf", data.EExists, false},
		{"a hard link to its shared-memory index", "hard-shm.pdf", data.EExists, false},
		{"a SQLite database named like a workspace", "foreign.smsdb", data.EExists, false},
		{"a journal under another name", "stray-journal.bin", data.EExists, false},
		{"a folder", "sub", data.EInvalid, false},
		{"a missing folder", "no such folder/out.pdf", data.ENotFound, false},
		{"nothing", "", data.EInvalid, false},
		{"a non-SQLite file", "notes.txt", "", false},
		{"a symlink to a non-SQLite file", "link-to-notes.pdf", "", false},
		{"a file named .smsdb that is no database", "plain.smsdb", "", false},
		{"another program's database", "foreign.db", "", false},
		{"a missing file in an existing folder", "out.pdf", "", false},
		{"a new workspace name", "new.smsdb", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := tt.path
			if path != "" {
				path = filepath.Join(dir, tt.path)
			}
			before, names := stateOf(t, path), dirNames(t, dir)
			for _, g := range []struct {
				name  string
				check func(string) error
			}{{"store", New().CheckOutput}, {"open workspace", open.CheckOutput}} {
				err := g.check(path)
				if tt.code == "" {
					if err != nil {
						t.Errorf("%s guard: CheckOutput(%s) = %v, want nil", g.name, tt.path, err)
					}
					continue
				}
				e := wantCode(t, err, tt.code)
				if tt.path != "" && !contains(e.Message, path) {
					t.Errorf("%s guard: message %q does not name %s", g.name, e.Message, path)
				}
			}
			if got := stateOf(t, path); got != before {
				t.Errorf("the guard changed %s", tt.path)
			}
			if got := dirNames(t, dir); !slices.Equal(got, names) {
				t.Errorf("folder holds %q, want %q", got, names)
			}
		})
	}
}

// The open workspace is refused even when nothing in its file says it is a
// workspace, as with a file whose header another program replaced.
func TestCheckOutputOpenWorkspaceByIdentity(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "work.db")
	ws := createAt(t, New(), path)
	ws.abs = filepath.Join(dir, "elsewhere.db") // what the guard compares
	if err := os.Rename(path, ws.abs); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(ws.abs, path); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{ws.abs, path, ws.abs + "-journal"} {
		e := wantCode(t, ws.CheckOutput(p), data.EExists)
		if !contains(e.Message, "you have open") {
			t.Errorf("CheckOutput(%s) = %q, want it to say the workspace is open", p, e.Message)
		}
	}
	if err := New().CheckOutput(filepath.Join(dir, "fine.pdf")); err != nil {
		t.Errorf("CheckOutput(fine.pdf) = %v", err)
	}
}
