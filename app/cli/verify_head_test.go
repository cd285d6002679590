package cli_test

import (
	"database/sql"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// A pack prints the audit trail's head; verify shows it and says whether
// the workspace's history still holds it. History rewritten so that no
// check inside the file can see it (the last entries cut off, SQLite's
// sequence and the recorded head made to match) still shows against the
// printed copy.
func TestVerifyPrintedAuditHead(t *testing.T) {
	dir := t.TempDir()
	ws := filepath.Join(dir, "demo.smsdb")
	if r := run(t, "new", ws, "--demo"); r.code != 0 {
		t.Fatalf("new: exit %d: %s", r.code, r.stderr)
	}
	manual := filepath.Join(dir, "manual.pdf")
	if r := run(t, "pack", "manual", "--workspace", ws, "--out", manual); r.code != 0 {
		t.Fatalf("pack: exit %d: %s", r.code, r.stderr)
	}
	printed := regexp.MustCompile(`(?m)^Audit head printed: entry (\d+), sha256 ([0-9a-f]{64}): still in the workspace's audit trail, with the history before it unchanged$`)
	r := run(t, "verify", manual, "--workspace", ws)
	m := printed.FindStringSubmatch(r.stdout)
	if r.code != 0 || m == nil {
		t.Fatalf("verify: exit %d, stdout:\n%s\nstderr %q; want 0 and the head unchanged", r.code, r.stdout, r.stderr)
	}
	check := run(t, "check", ws)
	if want := fmt.Sprintf("Audit head:    entry %s, sha256 %s", m[1], m[2]); !strings.Contains(check.stdout, want) {
		t.Errorf("check does not show the head the pack printed, %q:\n%s", want, check.stdout)
	}

	db, err := sql.Open("sqlite", ws)
	if err != nil {
		t.Fatal(err)
	}
	var id int64
	var hash string
	if err := db.QueryRow("SELECT id, hash FROM audit_trail ORDER BY id DESC LIMIT 1 OFFSET 1").Scan(&id, &hash); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{
		fmt.Sprintf("DELETE FROM audit_trail WHERE id > %d", id),
		fmt.Sprintf("UPDATE sqlite_sequence SET seq = %d WHERE name = 'audit_trail'", id),
		fmt.Sprintf("UPDATE meta SET value = '%d %s' WHERE key = 'audit_head'", id, hash),
	} {
		if _, err := db.Exec(s); err != nil {
			t.Fatal(err)
		}
	}
	db.Close()
	if r := run(t, "check", ws); r.code != 0 {
		t.Errorf("check after a rewrite it cannot see: exit %d; this test assumes it passes", r.code)
	}
	r = run(t, "verify", manual, "--workspace", ws)
	if r.code != 1 || !strings.Contains(r.stdout, "NOT sealed in the workspace's audit trail as printed") ||
		!strings.Contains(r.stderr, "no longer holds the history "+manual+" was printed from") {
		t.Errorf("verify after the rewrite: exit %d, stdout:\n%s\nstderr %q; want 1 and the history changed", r.code, r.stdout, r.stderr)
	}
}
