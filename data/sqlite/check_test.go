package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"smsbuilder/data"
)

// checkFixture is a closed workspace file holding a little of everything,
// and the IDs the tampering cases aim at.
type checkFixture struct {
	path                             string
	approved, superseded, withdrawn  int64 // document version IDs
	task, person                     int64
	entries                          int64 // audit entries; IDs run 1 to entries
	approvedNumber, supersededNumber string
}

func newCheckFixture(t *testing.T) checkFixture {
	t.Helper()
	f := checkFixture{path: filepath.Join(t.TempDir(), "fixture"+data.WorkspaceExt)}
	ws := createAt(t, New(), f.path)
	if _, err := ws.SaveOrganisation(actorCtx("Seeder"), data.DemoOrganisation()); err != nil {
		t.Fatal(err)
	}
	r := seedRecords(t, ws)
	f.task, f.person = r.task.ID, r.people["Daniel Okafor"].ID
	f.approvedNumber, f.supersededNumber = "SMS-DOC-02", "SMS-DOC-03"
	f.approved = versionIn(t, ws, r.people, f.approvedNumber, data.DocApproved).ID
	f.superseded = versionIn(t, ws, r.people, f.supersededNumber, data.DocSuperseded).ID
	f.withdrawn = versionIn(t, ws, r.people, "SMS-DOC-04", data.DocWithdrawn).ID
	if err := ws.db.QueryRow("SELECT max(id) FROM audit_trail").Scan(&f.entries); err != nil {
		t.Fatal(err)
	}
	if err := ws.Close(); err != nil {
		t.Fatal(err)
	}
	return f
}

// copyTo copies the fixture's file into a fresh folder.
func (f checkFixture) copyTo(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(f.path)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "tampered"+data.WorkspaceExt)
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// tamper changes the file as any SQLite tool would: a plain connection,
// without the app's pragmas (so foreign keys are not enforced).
func tamper(t *testing.T, path string, statements ...string) {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, s := range statements {
		if _, err := db.Exec(s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
}

// flipBit is SQL that flips one bit of the first character of a version's
// text, as a disk or a careless tool might.
func flipBit(versionID int64) string {
	return fmt.Sprintf("UPDATE document_versions SET body = char((unicode(body) | 1) - (unicode(body) & 1)) || substr(body, 2) WHERE id = %d", versionID)
}

// wantProblem matches a problem by where it is and a part of its message.
type wantProblem struct {
	kind, table, record, field, says string
}

func (w wantProblem) matches(p data.Problem) bool {
	return p.Kind == w.kind && p.Table == w.table && p.RecordID == w.record && p.Field == w.field && strings.Contains(p.Message, w.says)
}

// Each kind of tampering is found by check and named: table, record,
// field and what is wrong. The untampered file has no problem at all.
func TestCheckFindsTampering(t *testing.T) {
	ctx := context.Background()
	f := newCheckFixture(t)
	id := func(n int64) string { return strconv.FormatInt(n, 10) }
	last, before := f.entries, f.entries-1
	frozenText := "CREATE TRIGGER document_versions_frozen_text BEFORE UPDATE OF body, sha256 ON document_versions WHEN OLD.status IN ('approved', 'superseded', 'withdrawn') BEGIN SELECT RAISE(ABORT, 'approved text is frozen'); END"
	// A seal forged by someone who knows the recipe.
	forge := func(path string, entryID int64, prev string) string {
		db, err := sql.Open("sqlite", path)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		e, err := readEntry(ctx, db, entryID)
		if err != nil {
			t.Fatal(err)
		}
		if prev == "" {
			if err := db.QueryRow("SELECT hash FROM audit_trail WHERE id = ?", entryID-1).Scan(&prev); err != nil {
				t.Fatal(err)
			}
		}
		return e.seal(prev)
	}

	tests := []struct {
		name   string
		tamper func(t *testing.T, path string)
		want   []wantProblem
	}{
		{"nothing changed", func(*testing.T, string) {}, nil},
		{"a bit flipped in approved text, the trigger dropped first", func(t *testing.T, path string) {
			tamper(t, path, "DROP TRIGGER document_versions_frozen_text", flipBit(f.approved))
		}, []wantProblem{
			{data.ProblemSchema, "document_versions", "", "", "the trigger document_versions_frozen_text is missing"},
			{data.ProblemText, "document_versions", id(f.approved), "body", "SMS-DOC-02 version 1.0 (approved): its text no longer matches the SHA-256"},
		}},
		{"a bit flipped in approved text, the trigger put back", func(t *testing.T, path string) {
			tamper(t, path, "DROP TRIGGER document_versions_frozen_text", flipBit(f.approved), frozenText)
		}, []wantProblem{
			{data.ProblemText, "document_versions", id(f.approved), "body", "SMS-DOC-02 version 1.0 (approved)"},
		}},
		{"superseded text changed", func(t *testing.T, path string) {
			tamper(t, path, "DROP TRIGGER document_versions_frozen_text",
				fmt.Sprintf("UPDATE document_versions SET body = body || ' ' WHERE id = %d", f.superseded), frozenText)
		}, []wantProblem{
			{data.ProblemText, "document_versions", id(f.superseded), "body", "SMS-DOC-03 version 1.0 (superseded)"},
		}},
		{"approved text's hash replaced", func(t *testing.T, path string) {
			tamper(t, path, "DROP TRIGGER document_versions_frozen_text",
				fmt.Sprintf("UPDATE document_versions SET sha256 = '%s' WHERE id = %d", data.HashText("other text"), f.approved), frozenText)
		}, []wantProblem{
			{data.ProblemText, "document_versions", id(f.approved), "body", "SMS-DOC-02 version 1.0 (approved): its text no longer matches"},
		}},
		{"a protecting trigger made harmless", func(t *testing.T, path string) {
			tamper(t, path, "DROP TRIGGER document_versions_frozen_delete",
				"CREATE TRIGGER document_versions_frozen_delete BEFORE DELETE ON document_versions WHEN 0 BEGIN SELECT 1; END")
		}, []wantProblem{
			{data.ProblemSchema, "document_versions", "", "", "the trigger document_versions_frozen_delete is not as SMS Builder created it"},
		}},
		{"a column dropped and a table added", func(t *testing.T, path string) {
			tamper(t, path, "ALTER TABLE record_values DROP COLUMN sort_key", "CREATE TABLE notes (x TEXT)")
		}, []wantProblem{
			{data.ProblemSchema, "record_values", "", "sort_key", "the column is missing"},
			{data.ProblemSchema, "notes", "", "", "the table notes was not created by SMS Builder"},
		}},
		{"a table dropped", func(t *testing.T, path string) {
			tamper(t, path, "DROP TABLE custom_fields")
		}, []wantProblem{
			{data.ProblemSchema, "custom_fields", "", "", "the table is missing"},
		}},
		{"the audit trail's seals dropped", func(t *testing.T, path string) {
			tamper(t, path, "ALTER TABLE audit_trail DROP COLUMN hash")
		}, []wantProblem{
			{data.ProblemSchema, "audit_trail", "", "hash", "the column is missing"},
		}},
		{"a table that others point at dropped", func(t *testing.T, path string) {
			tamper(t, path, "DROP TABLE documents")
		}, []wantProblem{
			{data.ProblemSchema, "documents", "", "", "the table is missing"},
			{data.ProblemForeignKey, "document_versions", id(f.approved), "document_id", "refers to documents"},
			{data.ProblemForeignKey, "document_versions", id(f.superseded), "document_id", "refers to documents"},
			{data.ProblemForeignKey, "document_versions", id(f.superseded + 1), "document_id", "refers to documents"},
			{data.ProblemForeignKey, "document_versions", id(f.withdrawn), "document_id", "refers to documents"},
		}},
		{"a task's owner who does not exist", func(t *testing.T, path string) {
			tamper(t, path, fmt.Sprintf("INSERT OR REPLACE INTO record_people (record_id, field, person_id) VALUES (%d, 'owner', 999)", f.task))
		}, []wantProblem{
			{data.ProblemForeignKey, "record_people", id(f.task) + "/owner", "person_id", "refers to people 999"},
		}},
		{"values the app cannot read", func(t *testing.T, path string) {
			tamper(t, path,
				fmt.Sprintf("INSERT OR REPLACE INTO record_values (record_id, field, value) VALUES (%d, 'due', 'next week'), (%d, 'status', 'waiting')", f.task, f.task),
				"UPDATE answers SET score = 7 WHERE question_id = 'q-4.1-1'",
				"UPDATE organisation SET services = 'Cloud, Backup', paper_size = 'A5'",
				fmt.Sprintf("UPDATE people SET created_at = 'yesterday' WHERE id = %d", f.person),
				fmt.Sprintf("UPDATE person_roles SET kind = 'boss' WHERE person_id = %d AND position = 0", f.person),
				"UPDATE step_progress SET updated_at = '2026-12-01T10:00:00+01:00'",
				fmt.Sprintf("UPDATE document_versions SET review_due = '2027-13-01' WHERE id = %d", f.approved),
			)
		}, []wantProblem{
			{data.ProblemValue, "answers", "1/q-4.1-1", "score", "is 7, outside -1 to 4"},
			{data.ProblemValue, "organisation", "1", "services", "is not a list"},
			{data.ProblemValue, "organisation", "1", "paper_size", `is "A5", which is not one of A4, Letter`},
			{data.ProblemValue, "people", id(f.person), "created_at", `is not a time: "yesterday"`},
			{data.ProblemValue, "person_roles", id(f.person) + "/0", "kind", `is "boss"`},
			{data.ProblemValue, "step_progress", "step-01", "updated_at", "not in the form SMS Builder stores"},
			{data.ProblemValue, "document_versions", id(f.approved), "review_due", "is not a date"},
			{data.ProblemValue, "tasks", "TSK-1", "due", `is not a date (YYYY-MM-DD): "next week"`},
			{data.ProblemValue, "tasks", "TSK-1", "status", `is "waiting", which is not one of open, done`},
		}},
		{"an audit entry edited", func(t *testing.T, path string) {
			tamper(t, path, "UPDATE audit_trail SET actor = 'Someone else' WHERE id = 3")
		}, []wantProblem{
			{data.ProblemChain, "audit_trail", "3", "hash", `entry 3 (`},
		}},
		{"an audit entry's changes made unreadable", func(t *testing.T, path string) {
			tamper(t, path, "UPDATE audit_trail SET changes = 'oops' WHERE id = 4")
		}, []wantProblem{
			{data.ProblemValue, "audit_trail", "4", "changes", `is not a list of field changes (JSON): "oops"`},
			{data.ProblemChain, "audit_trail", "4", "hash", "does not match its seal"},
		}},
		{"an audit entry edited and sealed again", func(t *testing.T, path string) {
			tamper(t, path, "UPDATE audit_trail SET actor = 'Someone else' WHERE id = 3")
			tamper(t, path, fmt.Sprintf("UPDATE audit_trail SET hash = '%s' WHERE id = 3", forge(path, 3, "")))
		}, []wantProblem{
			{data.ProblemChain, "audit_trail", "4", "hash", "entry 4 ("},
		}},
		{"an audit entry deleted in the middle", func(t *testing.T, path string) {
			tamper(t, path, "DELETE FROM audit_trail WHERE id = 5")
		}, []wantProblem{
			{data.ProblemChain, "audit_trail", "6", "", "entry 5 is missing: removed from the trail"},
		}},
		{"the first audit entries deleted", func(t *testing.T, path string) {
			tamper(t, path, "DELETE FROM audit_trail WHERE id <= 2")
		}, []wantProblem{
			{data.ProblemChain, "audit_trail", "3", "", "entries 1 to 2 are missing: removed from the start of the trail"},
		}},
		{"the last audit entries deleted", func(t *testing.T, path string) {
			tamper(t, path, fmt.Sprintf("DELETE FROM audit_trail WHERE id >= %d", before))
		}, []wantProblem{
			{data.ProblemChain, "audit_trail", id(before), "", fmt.Sprintf("entries %d to %d are missing, the last written", before, last)},
			{data.ProblemChain, "audit_trail", id(last), "", fmt.Sprintf("the trail ends at entry %d, but the workspace recorded entry %d as its last", before-1, last)},
		}},
		{"the last audit entries deleted and SQLite's sequence lowered", func(t *testing.T, path string) {
			tamper(t, path, fmt.Sprintf("DELETE FROM audit_trail WHERE id >= %d", before),
				fmt.Sprintf("UPDATE sqlite_sequence SET seq = %d WHERE name = 'audit_trail'", before-1))
		}, []wantProblem{
			{data.ProblemChain, "audit_trail", id(last), "", "entries were removed from the end"},
		}},
		{"an entry added at the end by a tool", func(t *testing.T, path string) {
			tamper(t, path, "INSERT INTO audit_trail (at, actor, entity, entity_id, action, changes) VALUES ('2026-12-01T09:00:00.000Z', 'Tool', 'task', '1', 'update', '[]')")
		}, []wantProblem{
			{data.ProblemChain, "audit_trail", id(last + 1), "hash", fmt.Sprintf("entry %d (2026-12-01T09:00:00.000Z, update of task 1 by \"Tool\") is not sealed", last+1)},
			{data.ProblemChain, "audit_trail", id(last + 1), "", "entries were added behind the app's back"},
		}},
		{"an entry added at the end with a forged seal", func(t *testing.T, path string) {
			tamper(t, path, "INSERT INTO audit_trail (at, actor, entity, entity_id, action, changes) VALUES ('2026-12-01T09:00:00.000Z', 'Tool', 'task', '1', 'update', '[]')")
			tamper(t, path, fmt.Sprintf("UPDATE audit_trail SET hash = '%s' WHERE id = %d", forge(path, last+1, ""), last+1))
		}, []wantProblem{
			{data.ProblemChain, "audit_trail", id(last + 1), "", fmt.Sprintf("the workspace recorded entry %d as the trail's last, but it goes on to entry %d", last, last+1)},
		}},
		{"an entry slipped into a gap", func(t *testing.T, path string) {
			tamper(t, path, "UPDATE audit_trail SET actor = 'Nobody' WHERE id = 5")
			tamper(t, path, "DELETE FROM audit_trail WHERE id = 5",
				"INSERT INTO audit_trail (id, at, actor, entity, entity_id, action, changes, hash) VALUES (5, '2026-12-01T09:00:00.000Z', 'Tool', 'task', '1', 'update', '[]', '"+strings.Repeat("a", 64)+"')")
		}, []wantProblem{
			{data.ProblemChain, "audit_trail", "5", "hash", "entry 5 (2026-12-01T09:00:00.000Z, update of task 1 by \"Tool\") does not match its seal"},
			{data.ProblemChain, "audit_trail", "6", "hash", "entry 6 ("},
		}},
		{"the recorded head removed", func(t *testing.T, path string) {
			tamper(t, path, "DELETE FROM meta WHERE key = 'audit_head'")
		}, []wantProblem{
			{data.ProblemChain, "audit_trail", "", "", "the workspace's record of the trail's last entry is missing"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := f.copyTo(t)
			tt.tamper(t, path)
			before := stateOf(t, path)
			r, err := New().Check(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			if got := stateOf(t, path); got != before {
				t.Errorf("Check changed the file")
			}
			if len(r.Problems) != len(tt.want) {
				t.Errorf("got %d problems, want %d:\n%s", len(r.Problems), len(tt.want), problemLines(r.Problems))
			}
			for _, w := range tt.want {
				found := false
				for _, p := range r.Problems {
					found = found || w.matches(p)
				}
				if !found {
					t.Errorf("no problem %+v among\n%s", w, problemLines(r.Problems))
				}
			}
			if r.Sound() != (len(tt.want) == 0) {
				t.Errorf("Sound() = %v with problems %v", r.Sound(), r.Problems)
			}
		})
	}
}

func problemLines(ps []data.Problem) string {
	var b strings.Builder
	for _, p := range ps {
		fmt.Fprintf(&b, "\t%s [%s]\n", p, p.Kind)
	}
	return b.String()
}

// What the checks inside the file cannot see: the end of the trail cut
// off with SQLite's sequence and the recorded head rewritten to match. A
// head printed before (AuditSealed) still tells.
func TestCheckCannotSeeRewrittenEnd(t *testing.T) {
	ctx := context.Background()
	f := newCheckFixture(t)
	path := f.copyTo(t)
	ws := openAt(t, New(), path)
	printed, err := ws.AuditHead(ctx)
	if err != nil || printed.ID != f.entries {
		t.Fatalf("AuditHead() = %+v, %v; want entry %d", printed, err, f.entries)
	}
	if ok, err := ws.AuditSealed(ctx, printed); err != nil || !ok {
		t.Fatalf("AuditSealed(the head) = %v, %v; want true", ok, err)
	}
	ws.Close()

	var newHash string
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.QueryRow("SELECT hash FROM audit_trail WHERE id = ?", f.entries-1).Scan(&newHash); err != nil {
		t.Fatal(err)
	}
	db.Close()
	tamper(t, path, fmt.Sprintf("DELETE FROM audit_trail WHERE id = %d", f.entries),
		fmt.Sprintf("UPDATE sqlite_sequence SET seq = %d WHERE name = 'audit_trail'", f.entries-1),
		fmt.Sprintf("UPDATE meta SET value = '%d %s' WHERE key = 'audit_head'", f.entries-1, newHash))

	r, err := New().Check(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Problems) != 0 {
		t.Errorf("problems %v; this test documents that check cannot see this", r.Problems)
	}
	ws = openAt(t, New(), path)
	if ok, err := ws.AuditSealed(ctx, printed); err != nil || ok {
		t.Errorf("AuditSealed(the printed head) = %v, %v after the end was cut off; want false", ok, err)
	}
}

// The quick check run on open finds changed approved text and a broken
// chain, and nothing in a sound workspace.
func TestQuickCheck(t *testing.T) {
	ctx := context.Background()
	f := newCheckFixture(t)
	tests := []struct {
		name   string
		tamper []string
		want   []wantProblem
	}{
		{"sound", nil, nil},
		{"approved text changed", []string{"DROP TRIGGER document_versions_frozen_text", flipBit(f.approved)}, []wantProblem{
			{data.ProblemText, "document_versions", strconv.FormatInt(f.approved, 10), "body", "SMS-DOC-02 version 1.0 (approved)"},
		}},
		{"audit entry deleted", []string{"DELETE FROM audit_trail WHERE id = 2"}, []wantProblem{
			{data.ProblemChain, "audit_trail", "3", "", "entry 2 is missing"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := f.copyTo(t)
			tamper(t, path, tt.tamper...)
			ws := openAt(t, New(), path)
			got, err := ws.QuickCheck(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d problems, want %d:\n%s", len(got), len(tt.want), problemLines(got))
			}
			for i, w := range tt.want {
				if !w.matches(got[i]) {
					t.Errorf("problem %d = %+v, want %+v", i, got[i], w)
				}
			}
		})
	}
}

// Every write seals its entry onto the one before, and the head recorded
// in meta follows.
func TestAuditChainOnWrite(t *testing.T) {
	ctx := actorCtx("Daniel Okafor")
	ws := newWorkspace(t)
	for i := range 3 {
		if _, err := ws.SavePerson(ctx, data.Person{Name: fmt.Sprintf("Person %d", i)}); err != nil {
			t.Fatal(err)
		}
	}
	prev := genesisHash
	err := eachEntry(context.Background(), ws.db, 0, 0, func(e chainEntry) error {
		if want := e.seal(prev); e.hash != want {
			t.Errorf("entry %d hash %q, want %q", e.id, e.hash, want)
		}
		prev = e.hash
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	head, err := ws.AuditHead(context.Background())
	if err != nil || head.ID != 3 || head.Hash != prev {
		t.Errorf("AuditHead() = %+v, %v; want entry 3 with %s", head, err, prev)
	}
	var recorded string
	if err := ws.db.QueryRow("SELECT value FROM meta WHERE key = 'audit_head'").Scan(&recorded); err != nil || recorded != "3 "+prev {
		t.Errorf("meta audit_head = %q, %v; want %q", recorded, err, "3 "+prev)
	}
}

// The recipe documented in audit_chain.go, worked by hand.
func TestSealRecipe(t *testing.T) {
	e := chainEntry{id: 1, at: "2026-12-01T09:00:00.000Z", actor: "Daniel Okafor", entity: "person", entityID: "1", action: "create", changes: "[]"}
	input := "19:smsbuilder-audit-v1,64:" + genesisHash + ",1:1,24:2026-12-01T09:00:00.000Z,13:Daniel Okafor,6:person,1:1,6:create,2:[],"
	if got, want := e.seal(genesisHash), data.HashText(input); got != want {
		t.Errorf("seal = %s, want SHA-256 of %q = %s", got, input, want)
	}
}

// A schema-3 file, written before the trail was sealed, is sealed when it
// is migrated: every entry then carries its seal and the chain verifies.
func TestMigrateSealsTrail(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "v3"+data.WorkspaceExt)
	old := createOld(t, path, 3, func(ws *Workspace) {
		if _, err := ws.SaveOrganisation(actorCtx("Seeder"), data.DemoOrganisation()); err != nil {
			t.Fatal(err)
		}
		r := seedRecords(t, ws)
		versionIn(t, ws, r.people, "SMS-DOC-02", data.DocApproved)
	})
	var entries int64
	if err := old.db.QueryRow("SELECT count(*) FROM audit_trail").Scan(&entries); err != nil {
		t.Fatal(err)
	}
	old.Close()
	report, err := New().Check(ctx, path)
	if err != nil || len(report.Problems) != 0 || !report.NeedsMigrate {
		t.Fatalf("Check() of the schema-3 file: problems %v, needs migrate %v, %v", report.Problems, report.NeedsMigrate, err)
	}

	ws := openAt(t, New(), path)
	if got := countRows(t, ws, "SELECT count(*) FROM audit_trail WHERE length(hash) = 64"); int64(got) != entries {
		t.Errorf("%d of %d entries sealed", got, entries)
	}
	if p, err := ws.QuickCheck(ctx); err != nil || len(p) != 0 {
		t.Errorf("QuickCheck() after migrating = %v, %v", p, err)
	}
	if _, err := ws.SaveTask(actorCtx("Daniel Okafor"), data.Task{Title: "After the update", Status: data.TaskOpen, SourceKind: data.SourceManual}); err != nil {
		t.Fatal(err)
	}
	ws.Close()
	report, err = New().Check(ctx, path)
	if err != nil || !report.Sound() || report.AuditHead.ID != entries+1 {
		t.Errorf("Check() after a write: problems %v, head %+v, %v; want sound with head %d", report.Problems, report.AuditHead, err, entries+1)
	}
}

// The check on open verifies only the newest entries' chain: an edit
// before them waits for `smsbuilder check`, entries removed at their start
// or inside them are still found.
func TestQuickCheckNewestEntries(t *testing.T) {
	ctx := context.Background()
	f := newCheckFixture(t)
	const newest = 3
	from := f.entries - newest + 1
	tests := []struct {
		name   string
		tamper string
		want   string // "" for no problem
	}{
		{"an edit before the newest", "UPDATE audit_trail SET actor = 'x' WHERE id = 2", ""},
		{"an edit among the newest", fmt.Sprintf("UPDATE audit_trail SET actor = 'x' WHERE id = %d", from+1), fmt.Sprintf("entry %d (", from+1)},
		{"the entry before the newest removed", fmt.Sprintf("DELETE FROM audit_trail WHERE id = %d", from-1), fmt.Sprintf("entry %d is missing", from-1)},
		{"every entry before the newest removed", fmt.Sprintf("DELETE FROM audit_trail WHERE id < %d", from), fmt.Sprintf("entries 1 to %d are missing", from-1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := f.copyTo(t)
			tamper(t, path, tt.tamper)
			db, err := sql.Open("sqlite", path)
			if err != nil {
				t.Fatal(err)
			}
			defer db.Close()
			got, err := verifyChain(ctx, db, newest)
			if err != nil {
				t.Fatal(err)
			}
			switch {
			case tt.want == "" && len(got) != 0:
				t.Errorf("problems %v, want none", got)
			case tt.want != "" && (len(got) != 1 || !strings.Contains(got[0].Message, tt.want)):
				t.Errorf("problems %v, want one saying %q", got, tt.want)
			}
		})
	}
}
