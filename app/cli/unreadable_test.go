package cli_test

import (
	"database/sql"
	"path/filepath"
	"strings"
	"testing"
)

// TestPackWithUnreadableDate is the first sentence of issue 7's seventh
// deliverable tried again: one task's due date changed to "soon" with any
// SQLite tool no longer stops every pack.
func TestPackWithUnreadableDate(t *testing.T) {
	dir, ws := spoiltDemo(t, "INSERT OR REPLACE INTO record_values (record_id, field, value) SELECT min(id), 'due', 'soon' FROM records WHERE register = 'tasks'")
	for _, pack := range []string{"scope", "gap", "roadmap", "manual"} {
		t.Run(pack, func(t *testing.T) {
			r := run(t, "pack", pack, "--workspace", ws, "--out", filepath.Join(dir, pack+".pdf"))
			if r.code != 0 {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			if strings.Contains(r.stderr, "parsing") || strings.Contains(r.stderr, "Something went wrong") {
				t.Errorf("stderr shows a Go error: %s", r.stderr)
			}
			for _, want := range []string{"1 stored value could not be read", `The due date stored for task "`, `it holds "soon"`} {
				if !strings.Contains(r.stderr, want) {
					t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
				}
			}
		})
	}
}

// A register record's value another program spoilt is named, by its
// reference, when a pack is printed, as a task's is: by every pack, the
// packs that print no risks too.
func TestPackNamesAnUnreadableRegisterValue(t *testing.T) {
	dir, ws := spoiltDemo(t, "UPDATE record_values SET value = 'sometime' WHERE field = 'review_date' AND record_id = (SELECT min(id) FROM records WHERE register = 'risks')")
	for _, pack := range [][]string{{"registers"}, {"register", "risks"}, {"register", "customers"}, {"scope"}} {
		t.Run(strings.Join(pack, " "), func(t *testing.T) {
			args := append(append([]string{"pack"}, pack...), "--workspace", ws, "--out", filepath.Join(dir, strings.Join(pack, "-")+".pdf"))
			r := run(t, args...)
			if r.code != 0 {
				t.Fatalf("exit %d: %s", r.code, r.stderr)
			}
			for _, want := range []string{"1 stored value could not be read", `The review date stored for RSK-1 "`, `it holds "sometime"`} {
				if !strings.Contains(r.stderr, want) {
					t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
				}
			}
		})
	}
}

// spoiltDemo is a new demo workspace, in its own directory, changed by
// statement as another SQLite tool would change it; the app itself never
// writes SQL.
func spoiltDemo(t *testing.T, statement string) (dir, ws string) {
	t.Helper()
	dir = t.TempDir()
	ws = filepath.Join(dir, "demo.smsdb")
	if r := run(t, "new", ws, "--demo"); r.code != 0 {
		t.Fatalf("new: exit %d: %s", r.code, r.stderr)
	}
	db, err := sql.Open("sqlite", ws)
	if err != nil {
		t.Fatal(err)
	}
	_, err = db.Exec(statement)
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	return dir, ws
}
