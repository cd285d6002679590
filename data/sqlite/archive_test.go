package sqlite

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"smsbuilder/assets"
	"smsbuilder/data"
)

// demoWorkspace is a closed demo workspace (organisation, logo, people,
// roadmap, assessments, tasks, documents) in a fresh folder.
func demoWorkspace(t *testing.T) string {
	t.Helper()
	cat, err := data.LoadCatalogue(assets.Content())
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "demo"+data.WorkspaceExt)
	ws, err := New().create(context.Background(), path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := data.SeedDemo(actorCtx("Seeder"), ws, cat, assets.DemoLogo(), time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	if err := ws.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

func archiveBytes(t *testing.T, s *Store, path string) []byte {
	t.Helper()
	var b bytes.Buffer
	if _, err := s.writeArchive(context.Background(), path, &b); err != nil {
		t.Fatalf("archive %s: %v", path, err)
	}
	return b.Bytes()
}

func writeTemp(t *testing.T, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestArchiveRestoreArchiveIsIdentical(t *testing.T) {
	ctx := context.Background()
	src := demoWorkspace(t)
	before := stateOf(t, src)
	first := archiveBytes(t, New(), src)
	if got := stateOf(t, src); got != before {
		t.Errorf("archiving changed the workspace: %+v, want %+v", got, before)
	}
	arch := writeTemp(t, "demo"+data.ArchiveExt, first)
	out := filepath.Join(t.TempDir(), "restored"+data.WorkspaceExt)
	m, err := New().Restore(ctx, arch, out)
	if err != nil {
		t.Fatalf("restore: %v", err)
	}
	if m.Organisation != "Northwind" || m.SchemaVersion != newestSchema(t) {
		t.Errorf("manifest names %q at schema %d", m.Organisation, m.SchemaVersion)
	}
	if r, err := New().Check(ctx, out); err != nil || !r.Sound() {
		t.Errorf("the restored workspace is not sound: %v, problems %v", err, r.Problems)
	}
	second := archiveBytes(t, New(), out)
	if !bytes.Equal(first, second) {
		t.Fatalf("archive of the restored workspace differs from the original archive (%d and %d bytes)", len(first), len(second))
	}
	if got, want := dirNames(t, filepath.Dir(out)), []string{"restored" + data.WorkspaceExt}; !slices.Equal(got, want) {
		t.Errorf("folder holds %v, want %v", got, want)
	}
}

func TestArchiveHoldsEveryKindWithCounts(t *testing.T) {
	src := demoWorkspace(t)
	b := archiveBytes(t, New(), src)
	m, tables, err := data.ReadArchive(bytes.NewReader(b), int64(len(b)), "demo", newestSchema(t))
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string]int{}
	for _, mem := range m.Members {
		rows[mem.Kind] = mem.Rows
	}
	for _, kind := range []string{"meta", "organisation", "people", "person_roles", "step_progress", "plan",
		"assessments", "answers", "records", "record_values", "record_people", "documents", "document_versions", "audit_trail", "id_counters"} {
		if rows[kind] == 0 {
			t.Errorf("archive has no %s records (manifest: %v)", kind, rows)
		}
	}
	for _, tb := range tables {
		if tb.Kind != "audit_trail" {
			continue
		}
		var names []string
		for _, c := range tb.Columns {
			names = append(names, c.Name)
		}
		if !slices.Contains(names, "hash") {
			t.Errorf("audit_trail columns %v lack hash", names)
		}
	}
	for _, tb := range tables {
		if tb.Kind == "organisation" {
			logo := tb.Rows[0][slices.IndexFunc(tb.Columns, func(c data.ArchiveColumn) bool { return c.Name == "logo" })]
			if lb, ok := logo.([]byte); !ok || !bytes.Equal(lb, assets.DemoLogo()) {
				t.Errorf("archived logo is %T of another content", logo)
			}
		}
	}
}

func TestRestoredWorkspaceKeepsHistoryAndProtection(t *testing.T) {
	ctx := actorCtx("Tester")
	src := demoWorkspace(t)
	// A deleted person leaves a gap the ID counter remembers.
	ws := openAt(t, New(), src)
	people, err := ws.People(ctx)
	if err != nil {
		t.Fatal(err)
	}
	last := people[0]
	for _, p := range people {
		if p.ID > last.ID {
			last = p
		}
	}
	if _, err := ws.DeletePerson(ctx, last); err != nil {
		t.Fatal(err)
	}
	wantTrail, err := ws.AuditTrail(ctx, "", "", 0)
	if err != nil {
		t.Fatal(err)
	}
	wantDocs, err := ws.Documents(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ws.Close()

	arch := writeTemp(t, "a"+data.ArchiveExt, archiveBytes(t, New(), src))
	out := filepath.Join(t.TempDir(), "r"+data.WorkspaceExt)
	if _, err := New().Restore(ctx, arch, out); err != nil {
		t.Fatal(err)
	}
	r := openAt(t, New(), out)
	gotTrail, err := r.AuditTrail(ctx, "", "", 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(gotTrail) != len(wantTrail) || gotTrail[0].ID != wantTrail[0].ID || gotTrail[0].Action != wantTrail[0].Action {
		t.Errorf("restored trail has %d entries, newest %+v; want %d, newest %+v", len(gotTrail), gotTrail[0], len(wantTrail), wantTrail[0])
	}
	gotDocs, err := r.Documents(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(gotDocs) != len(wantDocs) {
		t.Fatalf("restored %d documents, want %d", len(gotDocs), len(wantDocs))
	}
	p, err := r.SavePerson(ctx, data.Person{Name: "New Starter"})
	if err != nil {
		t.Fatal(err)
	}
	if p.ID != last.ID+1 {
		t.Errorf("new person has ID %d, want %d: an ID of a deleted person was reused", p.ID, last.ID+1)
	}
	// The triggers that freeze approved text hold in the restored file.
	_, err = r.db.ExecContext(ctx, "UPDATE document_versions SET body = 'changed' WHERE status = 'approved'")
	if err == nil || !strings.Contains(err.Error(), "approved text is frozen") {
		t.Errorf("changing approved text in the restored file: %v, want the trigger's refusal", err)
	}
	var triggers int
	if err := r.db.QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'").Scan(&triggers); err != nil || triggers != 3 {
		t.Errorf("restored file has %d triggers (%v), want 3", triggers, err)
	}
	var restoredFrom string
	if err := r.db.QueryRowContext(ctx, "SELECT value FROM meta WHERE key = 'restored_from'").Scan(&restoredFrom); err != nil || restoredFrom != "a"+data.ArchiveExt {
		t.Errorf("meta restored_from = %q (%v)", restoredFrom, err)
	}
}

// rewriteArchive unpacks an archive, lets edit change its members, and
// packs them again, manifest first.
func rewriteArchive(t *testing.T, b []byte, edit func(files map[string][]byte)) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		files[f.Name], _ = io.ReadAll(rc)
		rc.Close()
	}
	edit(files)
	var names []string
	for n := range files {
		if n != data.ArchiveManifestName {
			names = append(names, n)
		}
	}
	slices.Sort(names)
	if _, ok := files[data.ArchiveManifestName]; ok {
		names = append([]string{data.ArchiveManifestName}, names...)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, n := range names {
		w, err := zw.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		w.Write(files[n])
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// editManifest changes the manifest as JSON.
func editManifest(t *testing.T, files map[string][]byte, edit func(m *data.ArchiveManifest)) {
	t.Helper()
	var m data.ArchiveManifest
	if err := json.Unmarshal(files[data.ArchiveManifestName], &m); err != nil {
		t.Fatal(err)
	}
	edit(&m)
	files[data.ArchiveManifestName], _ = json.Marshal(m)
}

func TestRestoreRefusesAndLeavesNothing(t *testing.T) {
	src := demoWorkspace(t)
	good := archiveBytes(t, New(), src)
	wsBytes, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		archive  []byte
		code     string
		mentions string
	}{
		{"not a zip", []byte("hello"), data.EInvalid, "not an SMS Builder archive"},
		{"a workspace", wsBytes, data.EInvalid, "not an SMS Builder archive"},
		{"a zip without manifest", rewriteArchive(t, good, func(f map[string][]byte) { delete(f, data.ArchiveManifestName) }), data.EInvalid, "not an SMS Builder archive"},
		{"newer format", rewriteArchive(t, good, func(f map[string][]byte) {
			editManifest(t, f, func(m *data.ArchiveManifest) { m.FormatVersion = data.ArchiveFormatVersion + 1 })
		}), data.ETooNew, "newer version of SMS Builder"},
		{"newer schema", rewriteArchive(t, good, func(f map[string][]byte) {
			editManifest(t, f, func(m *data.ArchiveManifest) { m.SchemaVersion = newestSchema(t) + 1 })
		}), data.ETooNew, "Update SMS Builder"},
		{"a changed member", rewriteArchive(t, good, func(f map[string][]byte) {
			f["people.json"] = bytes.Replace(f["people.json"], []byte("Margaret"), []byte("Margarex"), 1)
		}), data.ECorrupt, "people.json does not match the SHA-256"},
		{"a missing member", rewriteArchive(t, good, func(f map[string][]byte) { delete(f, "records.json") }), data.ECorrupt, "records.json is missing"},
		{"an unlisted member", rewriteArchive(t, good, func(f map[string][]byte) { f["extra.json"] = []byte("{}") }), data.ECorrupt, "extra.json, which its manifest does not list"},
		{"a kind the schema lacks", rewriteArchive(t, good, func(f map[string][]byte) {
			f["ghosts.json"] = []byte(`{"kind":"ghosts","columns":[{"name":"id","type":"INTEGER"}],"rows":[]}`)
			editManifest(t, f, func(m *data.ArchiveManifest) {
				m.Members = append(m.Members, data.ArchiveMember{Name: "ghosts.json", Kind: "ghosts", SHA256: sha(f["ghosts.json"])})
			})
		}), data.ECorrupt, "ghosts.json, which schema"},
		{"a dangling reference", rewriteArchive(t, good, func(f map[string][]byte) {
			f["people.json"] = []byte(`{"kind":"people","columns":[{"name":"id","type":"INTEGER","primary_key":1},{"name":"name","type":"TEXT"},{"name":"job_title","type":"TEXT"},{"name":"email","type":"TEXT"},{"name":"created_at","type":"TEXT"},{"name":"updated_at","type":"TEXT"},{"name":"revision","type":"INTEGER"}],"rows":[]}`)
			editManifest(t, f, func(m *data.ArchiveManifest) {
				for i := range m.Members {
					if m.Members[i].Kind == "people" {
						m.Members[i].Rows, m.Members[i].SHA256 = 0, sha(f["people.json"])
					}
				}
			})
		}), data.ECorrupt, "cannot be restored"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arch := writeTemp(t, "in"+data.ArchiveExt, tt.archive)
			dir := t.TempDir()
			out := filepath.Join(dir, "out"+data.WorkspaceExt)
			_, err := New().Restore(context.Background(), arch, out)
			e := wantCode(t, err, tt.code)
			if !strings.Contains(e.Message, tt.mentions) {
				t.Errorf("message %q does not mention %q", e.Message, tt.mentions)
			}
			if got := dirNames(t, dir); len(got) != 0 {
				t.Errorf("a failed restore left %v", got)
			}
		})
	}
	t.Run("output exists", func(t *testing.T) {
		arch := writeTemp(t, "in"+data.ArchiveExt, good)
		before := stateOf(t, src)
		_, err := New().Restore(context.Background(), arch, src)
		wantCode(t, err, data.EExists)
		if got := stateOf(t, src); got != before {
			t.Errorf("restore changed the file it refused to replace")
		}
	})
}

func TestRestoreOlderSchemaArchiveMigrates(t *testing.T) {
	ctx := actorCtx("Seeder")
	old := storeAtSchema(t, 3)
	path := filepath.Join(t.TempDir(), "old"+data.WorkspaceExt)
	ws := createAt(t, old, path)
	// Written as a schema-3 app wrote them: the code of today writes
	// revisions, which schema 3 lacks.
	for _, q := range []string{
		`INSERT INTO organisation (id, legal_name, short_name, paper_size, date_format, updated_at) VALUES (1, 'Northwind Managed IT Ltd', 'Northwind', 'A4', '02/01/2006', '2025-01-02T09:00:00.000Z')`,
		`INSERT INTO people (id, name, created_at, updated_at) VALUES (1, 'Margaret Holloway', '2025-01-02T09:00:00.000Z', '2025-01-02T09:00:00.000Z'), (2, 'Priya Raman', '2025-01-02T09:00:00.000Z', '2025-01-02T09:00:00.000Z')`,
		`INSERT INTO audit_trail (at, actor, entity, entity_id, action, changes) VALUES ('2025-01-02T09:00:00.000Z', 'Seeder', 'person', '1', 'create', '[]'), ('2025-01-02T09:00:00.000Z', 'Seeder', 'person', '2', 'create', '[]')`,
	} {
		if _, err := ws.db.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	ws.Close()
	b := archiveBytes(t, old, path)
	m, _, err := data.ReadArchive(bytes.NewReader(b), int64(len(b)), "old", 3)
	if err != nil || m.SchemaVersion != 3 {
		t.Fatalf("archive of a schema-3 file says schema %d (%v)", m.SchemaVersion, err)
	}
	out := filepath.Join(t.TempDir(), "new"+data.WorkspaceExt)
	if _, err := New().Restore(ctx, writeTemp(t, "old"+data.ArchiveExt, b), out); err != nil {
		t.Fatalf("restore a schema-3 archive: %v", err)
	}
	if backups := dirNames(t, filepath.Dir(out)); len(backups) != 1 {
		t.Errorf("folder holds %v, want only the restored workspace", backups)
	}
	// The entries archived before the trail was sealed are sealed by the
	// update, as in a workspace opened at the newer schema.
	if rep, err := New().Check(ctx, out); err != nil || !rep.Sound() {
		t.Errorf("the restored, updated workspace is not sound: %v, problems %v", err, rep.Problems)
	}
	r := openAt(t, New(), out)
	if r.SchemaVersion() != newestSchema(t) {
		t.Errorf("restored at schema %d, want %d", r.SchemaVersion(), newestSchema(t))
	}
	people, err := r.People(ctx)
	if err != nil || len(people) != 2 || people[1].Revision != 1 {
		t.Errorf("restored people %+v (%v), want 2 at revision 1", people, err)
	}
}

func sha(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

func TestArchiveRefusesAndLeavesNothing(t *testing.T) {
	ctx := context.Background()
	src := demoWorkspace(t)
	dir := t.TempDir()
	junk := filepath.Join(dir, "junk"+data.WorkspaceExt)
	os.WriteFile(junk, []byte("not a workspace at all"), 0o644)
	tests := []struct {
		name, ws, out, code string
	}{
		{"output exists", src, junk, data.EExists},
		{"not a workspace", junk, filepath.Join(dir, "a"+data.ArchiveExt), data.ENotWorkspace},
		{"no such workspace", filepath.Join(dir, "nope"+data.WorkspaceExt), filepath.Join(dir, "b"+data.ArchiveExt), data.ENotFound},
		{"no such folder", src, filepath.Join(dir, "none", "c"+data.ArchiveExt), data.ENotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := stateOf(t, junk)
			_, err := New().Archive(ctx, tt.ws, tt.out)
			wantCode(t, err, tt.code)
			if got := dirNames(t, dir); !slices.Equal(got, []string{"junk" + data.WorkspaceExt}) {
				t.Errorf("folder holds %v after a refusal", got)
			}
			if stateOf(t, junk) != before {
				t.Error("the existing file changed")
			}
		})
	}
}
