package cli_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestArchiveRestoreArchiveCommands(t *testing.T) {
	dir := t.TempDir()
	ws := filepath.Join(dir, "demo.smsdb")
	if r := run(t, "new", ws, "--demo"); r.code != 0 {
		t.Fatalf("new: %s", r.stderr)
	}
	first := filepath.Join(dir, "demo.smsarchive")
	r := run(t, "archive", "--workspace", ws, "--out", first)
	if r.code != 0 || !strings.Contains(r.stdout, "Wrote "+first) || !strings.Contains(r.stdout, "7 people") {
		t.Fatalf("archive: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	restored := filepath.Join(dir, "restored.smsdb")
	if r := run(t, "restore", first, "--out", restored); r.code != 0 || !strings.Contains(r.stdout, "Restored "+restored) {
		t.Fatalf("restore: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	if r := run(t, "check", restored); r.code != 0 || !strings.Contains(r.stdout, "Documents:     31") {
		t.Fatalf("check restored: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	second := filepath.Join(dir, "again.smsarchive")
	if r := run(t, "archive", "--workspace", restored, "--out", second); r.code != 0 {
		t.Fatalf("archive again: %s", r.stderr)
	}
	a, _ := os.ReadFile(first)
	b, _ := os.ReadFile(second)
	if !bytes.Equal(a, b) {
		t.Errorf("archive → restore → archive gave different archives (%d and %d bytes)", len(a), len(b))
	}

	refusals := []struct {
		name string
		args []string
		code int
		want string
	}{
		{"archive over a file", []string{"archive", "--workspace", ws, "--out", second}, 1, "already exists"},
		{"restore over a workspace", []string{"restore", first, "--out", ws}, 1, "never writes over a workspace"},
		{"restore a workspace", []string{"restore", ws, "--out", filepath.Join(dir, "x.smsdb")}, 1, "not an SMS Builder archive"},
		{"archive without --out", []string{"archive", "--workspace", ws}, 2, "archive needs --workspace FILE and --out FILE.smsarchive"},
		{"restore without --out", []string{"restore", first}, 2, "restore needs one ARCHIVE"},
	}
	for _, tt := range refusals {
		t.Run(tt.name, func(t *testing.T) {
			before, _ := os.ReadFile(ws)
			r := run(t, tt.args...)
			if r.code != tt.code || !strings.Contains(r.stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want exit %d mentioning %q", r.code, r.stderr, tt.code, tt.want)
			}
			if after, _ := os.ReadFile(ws); !bytes.Equal(before, after) {
				t.Error("the workspace changed")
			}
			if _, err := os.Stat(filepath.Join(dir, "x.smsdb")); err == nil {
				t.Error("a refused restore left a file")
			}
		})
	}
}
