package cli_test

import (
	"bytes"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// refusedFiles writes the three files every front end must refuse untouched:
// random bytes, a workspace cut in half, and a workspace from a newer app.
// The newer schema is made by editing the user_version field of the SQLite
// header (offset 60), so no SQL is needed outside storage.
func refusedFiles(t *testing.T) map[string]string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{}

	random := filepath.Join(dir, "random.smsdb")
	os.WriteFile(random, bytes.Repeat([]byte("\x8f\x01garbage"), 2048), 0o644)
	files["random bytes"] = random

	full := filepath.Join(dir, "full.smsdb")
	if r := run(t, "new", full, "--demo"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	b, err := os.ReadFile(full)
	if err != nil {
		t.Fatal(err)
	}
	truncated := filepath.Join(dir, "truncated.smsdb")
	os.WriteFile(truncated, b[:len(b)/2], 0o644)
	files["truncated workspace"] = truncated

	newer := filepath.Join(dir, "newer.smsdb")
	nb := append([]byte(nil), b...)
	binary.BigEndian.PutUint32(nb[60:64], 999)
	os.WriteFile(newer, nb, 0o644)
	files["newer schema"] = newer
	return files
}

func TestCheckAndPackRefuseBadFilesAndLeaveThemUnchanged(t *testing.T) {
	want := map[string]string{
		"random bytes":        "not a SQLite database",
		"truncated workspace": "damaged or truncated",
		"newer schema":        "newer version of SMS Builder",
	}
	for name, path := range refusedFiles(t) {
		t.Run(name, func(t *testing.T) {
			before, _ := os.ReadFile(path)
			for _, args := range [][]string{
				{"check", path},
				{"pack", "scope", "--workspace", path, "--out", filepath.Join(t.TempDir(), "x.pdf")},
			} {
				r := run(t, args...)
				if r.code == 0 || !strings.Contains(r.stderr, want[name]) || !strings.Contains(r.stderr, filepath.Base(path)) {
					t.Errorf("%s: exit %d, stderr %q; want non-zero naming the file and %q", args[0], r.code, r.stderr, want[name])
				}
			}
			after, _ := os.ReadFile(path)
			if !bytes.Equal(before, after) {
				t.Error("the refused file was changed")
			}
			entries, _ := os.ReadDir(filepath.Dir(path))
			for _, e := range entries {
				if strings.HasPrefix(e.Name(), filepath.Base(path)+"-") {
					t.Errorf("left a side file %s", e.Name())
				}
			}
		})
	}
}
