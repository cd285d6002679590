package cli_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The sentence from issue 7: a pack written over its own workspace printed
// "Wrote w.smsdb" and destroyed it. Every output path that is a workspace,
// one of its working files or a link to them is now refused, byte for byte
// unchanged; a file that is not a PDF is replaced only with --force.
func TestPackOutRefusals(t *testing.T) {
	dir := t.TempDir()
	ws := filepath.Join(dir, "w.smsdb")
	if r := run(t, "new", ws, "--demo"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	other := filepath.Join(dir, "other.smsdb")
	if r := run(t, "new", other); r.code != 0 {
		t.Fatal(r.stderr)
	}
	if err := os.Symlink("w.smsdb", filepath.Join(dir, "link.pdf")); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(ws, filepath.Join(dir, "hard.pdf")); err != nil {
		t.Fatal(err)
	}
	notes := filepath.Join(dir, "notes.txt")
	os.WriteFile(notes, []byte("someone's notes"), 0o644)

	tests := []struct {
		name, out, want string
	}{
		{"the workspace itself", "w.smsdb", "is an SMS Builder workspace"},
		{"another workspace", "other.smsdb", "is an SMS Builder workspace"},
		{"its log", "w.smsdb-wal", "working files of the workspace w.smsdb"},
		{"its journal", "w.smsdb-journal", "working files of the workspace w.smsdb"},
		{"a symlink to it", "link.pdf", "a link to"},
		{"a hard link to it", "hard.pdf", "is an SMS Builder workspace"},
		{"a file that is not a PDF", "notes.txt", "add --force"},
		{"a missing folder", "nowhere/x.pdf", "there is no folder"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before, _ := os.ReadFile(ws)
			out := filepath.Join(dir, tt.out)
			outBefore, _ := os.ReadFile(out)
			r := run(t, "pack", "scope", "--workspace", ws, "--out", out)
			if r.code != 1 || !strings.Contains(r.stderr, tt.want) || strings.Contains(r.stdout, "Wrote") {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit 1 and %q", r.code, r.stdout, r.stderr, tt.want)
			}
			if after, _ := os.ReadFile(ws); !bytes.Equal(after, before) {
				t.Errorf("the workspace changed")
			}
			if after, _ := os.ReadFile(out); !bytes.Equal(after, outBefore) {
				t.Errorf("%s changed", tt.out)
			}
		})
	}
	if r := run(t, "check", ws); r.code != 0 {
		t.Errorf("check after the refusals: exit %d: %s", r.code, r.stderr)
	}

	// --force replaces a file that is not a PDF, never a workspace.
	if r := run(t, "pack", "scope", "--workspace", ws, "--out", notes, "--force"); r.code != 0 {
		t.Errorf("--force over notes.txt: exit %d: %s", r.code, r.stderr)
	}
	if b, _ := os.ReadFile(notes); !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Errorf("--force did not write the pack")
	}
	before, _ := os.ReadFile(ws)
	if r := run(t, "pack", "scope", "--workspace", ws, "--out", ws, "--force"); r.code != 1 || !strings.Contains(r.stderr, "never writes over a workspace") {
		t.Errorf("--force over the workspace: exit %d, stderr %q; want a refusal", r.code, r.stderr)
	}
	if after, _ := os.ReadFile(ws); !bytes.Equal(after, before) {
		t.Errorf("--force changed the workspace")
	}
	// An existing PDF is replaced as before.
	if r := run(t, "pack", "scope", "--workspace", ws, "--out", notes); r.code != 0 {
		t.Errorf("over an existing PDF: exit %d: %s", r.code, r.stderr)
	}
}

func TestBackupAndBackups(t *testing.T) {
	dir := t.TempDir()
	ws := filepath.Join(dir, "w.smsdb")
	if r := run(t, "new", ws, "--demo"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	if r := run(t, "backups", filepath.Join(dir, "missing.smsdb")); r.code != 1 || !strings.Contains(r.stderr, "No workspace at") {
		t.Errorf("backups of a missing file: exit %d, %q", r.code, r.stderr)
	}
	if r := run(t, "backups", ws); r.code != 0 || !strings.Contains(r.stdout, "No daily backups of") {
		t.Errorf("backups of a new file: exit %d, %q", r.code, r.stdout)
	}
	before, _ := os.ReadFile(ws)
	copyPath := filepath.Join(dir, "copy.smsdb")
	if r := run(t, "backup", ws, "--out", copyPath); r.code != 0 || r.stdout != "Wrote "+copyPath+"\n" {
		t.Errorf("backup: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	if r := run(t, "check", copyPath); r.code != 0 || !strings.Contains(r.stdout, "Organisation:  Northwind") {
		t.Errorf("check of the copy: exit %d: %s%s", r.code, r.stdout, r.stderr)
	}
	for _, out := range []string{ws, copyPath, ws + "-shm"} {
		if r := run(t, "backup", ws, "--out", out); r.code != 1 || !strings.Contains(r.stderr, "choose another") {
			t.Errorf("backup --out %s: exit %d, stderr %q; want a refusal", filepath.Base(out), r.code, r.stderr)
		}
	}
	if after, _ := os.ReadFile(ws); !bytes.Equal(after, before) {
		t.Errorf("backup changed the workspace")
	}

	// A pack opens the workspace for writing, which makes today's copy.
	if r := run(t, "pack", "scope", "--workspace", ws, "--out", filepath.Join(dir, "scope.pdf")); r.code != 0 {
		t.Fatal(r.stderr)
	}
	r := run(t, "backups", ws)
	want := filepath.Join(dir, "Backups", "w backup ")
	if r.code != 0 || strings.Count(r.stdout, "\n") != 1 || !strings.Contains(r.stdout, want) || !strings.Contains(r.stdout, "Northwind") || !strings.Contains(r.stdout, "last change") {
		t.Errorf("backups: exit %d, stdout %q; want one copy in %s", r.code, r.stdout, want)
	}
}
