package cli_test

import (
	"bytes"
	"database/sql"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// tamperWith changes a workspace as any SQLite tool would: a plain
// connection, none of the app's pragmas.
func tamperWith(t *testing.T, path string, statements ...string) {
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

// The sentences tried again: a bit flipped in an approved
// document's text, and rows deleted from the audit trail, each fail check
// with a line naming what changed; check tells a sound workspace (0), one
// with problems (1), a usage error (2) and a file it cannot read (3)
// apart, and changes no byte.
func TestCheckExitCodesAndLines(t *testing.T) {
	dir := t.TempDir()
	demo := filepath.Join(dir, "demo.smsdb")
	if r := run(t, "new", demo, "--demo"); r.code != 0 {
		t.Fatalf("new: exit %d: %s", r.code, r.stderr)
	}
	demoBytes, err := os.ReadFile(demo)
	if err != nil {
		t.Fatal(err)
	}
	copyOfDemo := func(t *testing.T) string {
		t.Helper()
		p := filepath.Join(t.TempDir(), "copy.smsdb")
		if err := os.WriteFile(p, demoBytes, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	notWorkspace := filepath.Join(dir, "notes.smsdb")
	os.WriteFile(notWorkspace, []byte("just some notes"), 0o644)

	tests := []struct {
		name      string
		path      func(t *testing.T) string
		code      int
		stdout    []string // lines the output holds, as regular expressions
		stderr    string
		notStdout string
	}{
		{"sound demo workspace", func(*testing.T) string { return demo }, 0,
			[]string{`^Audit head:    entry \d+, sha256 [0-9a-f]{64}$`, `^Problems:      none$`}, "", ""},
		{"a bit flipped in an approved document", func(t *testing.T) string {
			p := copyOfDemo(t)
			tamperWith(t, p, "DROP TRIGGER document_versions_frozen_text",
				"UPDATE document_versions SET body = char((unicode(body) | 1) - (unicode(body) & 1)) || substr(body, 2) WHERE id = (SELECT v.id FROM document_versions v JOIN documents d ON d.id = v.document_id WHERE d.number = 'SMS-DOC-02' AND v.status = 'approved')")
			return p
		}, 1, []string{
			`^Problems:      2$`,
			`^  document_versions: the trigger document_versions_frozen_text is missing: approved, superseded and withdrawn documents are no longer protected`,
			`^  document_versions \d+ body: SMS-DOC-02 version 1\.0 \(approved\): its text no longer matches the SHA-256 recorded at approval`,
		}, "2 problems found: 1 in approved text, 1 in the schema. The file was not changed.", ""},
		{"rows deleted from the audit trail", func(t *testing.T) string {
			p := copyOfDemo(t)
			tamperWith(t, p, "DELETE FROM audit_trail WHERE id IN (10, 11)",
				"DELETE FROM audit_trail WHERE id = (SELECT max(id) FROM audit_trail)")
			return p
		}, 1, []string{
			`^  audit_trail 12: entries 10 to 11 are missing: removed from the trail, written between 2026-\S+Z and 2026-\S+Z$`,
			`^  audit_trail \d+: entry \d+ is missing, the last written: removed from the end of the trail, written after 2026-\S+Z$`,
			`^  audit_trail \d+: the trail ends at entry \d+, but the workspace recorded entry \d+ as its last: entries were removed from the end$`,
		}, "3 problems found: 3 in the audit trail.", ""},
		{"an unreadable due date", func(t *testing.T) string {
			p := copyOfDemo(t)
			tamperWith(t, p, "INSERT OR REPLACE INTO record_values (record_id, field, value) SELECT min(id), 'due', '31/12/2026' FROM records WHERE register = 'tasks'")
			return p
		}, 1, []string{`^  tasks TSK-\d+ due: is not a date \(YYYY-MM-DD\): "31/12/2026"$`}, "1 problem found: 1 in stored values.", ""},
		{"not a workspace", func(*testing.T) string { return notWorkspace }, 3, nil, "not an SMS Builder workspace", "Problems:"},
		{"missing", func(*testing.T) string { return filepath.Join(dir, "nope.smsdb") }, 3, nil, "No workspace at", "Problems:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := tt.path(t)
			before, _ := os.ReadFile(path)
			r := run(t, "check", path)
			if r.code != tt.code {
				t.Errorf("exit %d, want %d; stderr %q", r.code, tt.code, r.stderr)
			}
			for _, want := range tt.stdout {
				if !regexp.MustCompile("(?m)" + want).MatchString(r.stdout) {
					t.Errorf("output has no line matching %q:\n%s", want, r.stdout)
				}
			}
			if !strings.Contains(r.stderr, tt.stderr) {
				t.Errorf("stderr %q, want %q", r.stderr, tt.stderr)
			}
			if tt.notStdout != "" && strings.Contains(r.stdout, tt.notStdout) {
				t.Errorf("output holds %q:\n%s", tt.notStdout, r.stdout)
			}
			if after, _ := os.ReadFile(path); !bytes.Equal(after, before) {
				t.Error("check changed the file")
			}
		})
	}
	if r := run(t, "check"); r.code != 2 {
		t.Errorf("check without FILE: exit %d, want 2", r.code)
	}
	if r := run(t, "--help"); !strings.Contains(r.stdout, "Exits 0 when sound, 1 when") || !strings.Contains(r.stdout, "3 when FILE is not a workspace") {
		t.Errorf("--help does not explain check's exit codes:\n%s", r.stdout)
	}
}
