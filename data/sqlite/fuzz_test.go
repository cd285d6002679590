package sqlite

import (
	"archive/zip"
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"smsbuilder/data"
)

// knownCodes are the codes a refusal of a file may carry.
var knownCodes = []string{data.ENotFound, data.ENotWorkspace, data.ECorrupt, data.ETooNew, data.EInvalid, data.EExists, data.EReadOnly}

// smallWorkspace is a closed workspace with the demo profile and people:
// small enough for a fuzzer to mutate, real enough to reach deep.
func smallWorkspace(f *testing.F) []byte {
	f.Helper()
	p := filepath.Join(f.TempDir(), "small"+data.WorkspaceExt)
	ws, err := New().create(context.Background(), p, nil)
	if err != nil {
		f.Fatal(err)
	}
	if err := data.SeedDemoOrganisation(actorCtx("Seeder"), ws, nil); err != nil {
		f.Fatal(err)
	}
	if _, err := ws.db.Exec("VACUUM"); err != nil {
		f.Fatal(err)
	}
	ws.Close()
	b, err := os.ReadFile(p)
	if err != nil {
		f.Fatal(err)
	}
	return b
}

// FuzzCheckFile feeds arbitrary bytes to the inspection Open and Check make
// (the header probe, the marker, the schema version, integrity_check): it
// never panics, refuses with a known code, and never changes the file or
// leaves a file beside it.
func FuzzCheckFile(f *testing.F) {
	ws := smallWorkspace(f)
	f.Add(ws)
	f.Add(ws[:100])
	f.Add(ws[:4096])
	f.Add(ws[:len(ws)-4096])
	f.Add([]byte(sqliteMagic))
	f.Add([]byte{})
	f.Add([]byte("PK\x03\x04 not a database"))
	f.Fuzz(func(t *testing.T, b []byte) {
		dir := t.TempDir()
		p := filepath.Join(dir, "w"+data.WorkspaceExt)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		r, err := New().Check(context.Background(), p)
		if err != nil {
			var e *data.Error
			if !errors.As(err, &e) || !slices.Contains(knownCodes, e.Code) || e.Message == "" {
				t.Fatalf("refused with %v (%T), want a *data.Error with a known code", err, err)
			}
		} else if r.Integrity != "ok" {
			t.Fatalf("accepted with integrity %q", r.Integrity)
		}
		after, _ := os.ReadFile(p)
		if !bytes.Equal(after, b) {
			t.Fatal("Check changed the file")
		}
		if names := dirNames(t, dir); len(names) != 1 {
			t.Fatalf("Check left %v", names)
		}
	})
}

// FuzzStoredValues: the parsers of stored dates, times and lists never
// panic, and what they accept is stored back as the same value.
func FuzzStoredValues(f *testing.F) {
	for _, s := range []string{"2026-03-02", "2026-02-30", "0000-01-01", "9999-12-31", "2026-3-2",
		"2026-03-02T09:00:00.000Z", "2026-03-02T09:00:00+01:00", "2026-03-02T24:00:00Z", "",
		`[]`, `["a","b"]`, `null`, `["\u0000"]`, `[1]`, `{"a":1}`, `["a",]`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if d, err := parseDate(sql.NullString{String: s, Valid: true}); err == nil {
			if got := formatDate(d); got != s {
				t.Errorf("date %q read as %v, stored back as %v", s, d, got)
			}
		}
		if tm, err := parseTime(s); err == nil {
			again, err := parseTime(formatTime(tm))
			if err != nil || !again.Equal(tm.Truncate(1e6)) && !again.Equal(tm) {
				// formatTime keeps milliseconds; the instant to that precision survives
				if err != nil || again.UnixMilli() != tm.UnixMilli() {
					t.Errorf("time %q read as %v, stored back as %q, read as %v (%v)", s, tm, formatTime(tm), again, err)
				}
			}
		}
		if l, err := parseList(s); err == nil {
			stored, err := jsonList(l)
			if err != nil {
				t.Fatalf("list %q read as %q cannot be stored: %v", s, l, err)
			}
			again, err := parseList(stored)
			if err != nil || !slices.Equal(again, l) {
				t.Errorf("list %q read as %q, stored as %s, read as %q (%v)", s, l, stored, again, err)
			}
		}
	})
}

// FuzzLoadMigrations: any set of names and contents in migrations/ is
// either refused with an error or read as versions 1, 2, 3... in order.
func FuzzLoadMigrations(f *testing.F) {
	migs, err := loadMigrations(migrationFiles)
	if err != nil {
		f.Fatal(err)
	}
	var names, bodies []string
	for _, m := range migs {
		names, bodies = append(names, m.name), append(bodies, m.sql)
	}
	f.Add(strings.Join(names, "\n"), strings.Join(bodies, "\x00"))
	f.Add("0001_a.sql\n0003_b.sql", "x\x00y")
	f.Add("0001_a.sql\n0001_b.sql", "x\x00y")
	f.Add("0001_A.sql\nREADME", "")
	f.Add("0002_a.sql", "")
	f.Add("", "")
	f.Fuzz(func(t *testing.T, nameList, bodyList string) {
		fsys := fstest.MapFS{migrationDir: {Mode: fs.ModeDir | 0o755}}
		bodies := strings.Split(bodyList, "\x00")
		for i, n := range strings.Split(nameList, "\n") {
			p := path.Join(migrationDir, n)
			if n == "" || !fs.ValidPath(p) || path.Dir(p) != migrationDir {
				continue
			}
			body := ""
			if i < len(bodies) {
				body = bodies[i]
			}
			fsys[p] = &fstest.MapFile{Data: []byte(body)}
		}
		got, err := loadMigrations(fsys)
		if err != nil {
			if got != nil {
				t.Fatalf("error %v with %d migrations", err, len(got))
			}
			return
		}
		for i, m := range got {
			if m.version != i+1 || !migrationName.MatchString(m.name) {
				t.Fatalf("migration %d is %q version %d", i, m.name, m.version)
			}
		}
	})
}

// archiveOf is the archive of a workspace's bytes, its members stored
// without compression so that the fuzzer can reach into the manifest.
func archiveOf(f *testing.F, ws []byte) []byte {
	f.Helper()
	p := filepath.Join(f.TempDir(), "w"+data.WorkspaceExt)
	if err := os.WriteFile(p, ws, 0o644); err != nil {
		f.Fatal(err)
	}
	var b bytes.Buffer
	if _, err := New().writeArchive(context.Background(), p, &b); err != nil {
		f.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err != nil {
		f.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, zf := range zr.File {
		rc, _ := zf.Open()
		body, _ := io.ReadAll(rc)
		w, _ := zw.CreateHeader(&zip.FileHeader{Name: zf.Name, Method: zip.Store})
		w.Write(body)
	}
	zw.Close()
	return out.Bytes()
}

// restoreChecked restores the archive bytes into a fresh folder: a failure
// must be a plain refusal that leaves nothing, a success a workspace that
// passes Check.
func restoreChecked(t *testing.T, b []byte) {
	in := filepath.Join(t.TempDir(), "in"+data.ArchiveExt)
	if err := os.WriteFile(in, b, 0o644); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "out"+data.WorkspaceExt)
	_, err := New().Restore(context.Background(), in, out)
	if err != nil {
		var e *data.Error
		if !errors.As(err, &e) || !slices.Contains(knownCodes, e.Code) {
			t.Fatalf("refused with %v (%T), want a *data.Error", err, err)
		}
		if names := dirNames(t, dir); len(names) != 0 {
			t.Fatalf("a failed restore left %v", names)
		}
		return
	}
	if r, err := New().Check(context.Background(), out); err != nil || !r.OK() {
		t.Fatalf("restored workspace fails its check: %v", err)
	}
}

// FuzzRestore: any bytes given to restore are refused plainly, leaving no
// file, or make a workspace that passes its check.
func FuzzRestore(f *testing.F) {
	arch := archiveOf(f, smallWorkspace(f))
	f.Add(arch)
	f.Add(arch[:len(arch)/2])
	f.Add([]byte("PK\x05\x06" + strings.Repeat("\x00", 18)))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, b []byte) {
		restoreChecked(t, b)
	})
}

// FuzzRestoreMember replaces one member of a real archive and fixes its
// SHA-256 and row count in the manifest, so the fuzzer explores what lies
// behind the checksums: decoding the rows and inserting them.
func FuzzRestoreMember(f *testing.F) {
	arch := archiveOf(f, smallWorkspace(f))
	zr, err := zip.NewReader(bytes.NewReader(arch), int64(len(arch)))
	if err != nil {
		f.Fatal(err)
	}
	members := map[string][]byte{}
	var names []string
	for _, zf := range zr.File {
		rc, _ := zf.Open()
		members[zf.Name], _ = io.ReadAll(rc)
		names = append(names, zf.Name)
	}
	for i, n := range names {
		f.Add(uint8(i), members[n])
	}
	f.Fuzz(func(t *testing.T, which uint8, body []byte) {
		name := names[int(which)%len(names)]
		var out bytes.Buffer
		zw := zip.NewWriter(&out)
		put := func(n string, b []byte) {
			w, _ := zw.CreateHeader(&zip.FileHeader{Name: n, Method: zip.Store})
			w.Write(b)
		}
		manifest := members[data.ArchiveManifestName]
		if name == data.ArchiveManifestName {
			manifest = body
		} else {
			var m data.ArchiveManifest
			if err := json.Unmarshal(manifest, &m); err != nil {
				t.Fatal(err)
			}
			for i := range m.Members {
				if m.Members[i].Name == name {
					m.Members[i].SHA256 = sha(body)
					m.Members[i].Rows = strings.Count(string(body), "\n    {")
				}
			}
			manifest, _ = json.Marshal(m)
		}
		put(data.ArchiveManifestName, manifest)
		for _, n := range names[1:] {
			b := members[n]
			if n == name {
				b = body
			}
			put(n, b)
		}
		zw.Close()
		restoreChecked(t, out.Bytes())
	})
}
