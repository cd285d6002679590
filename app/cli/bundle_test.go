package cli_test

import (
	"archive/zip"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBundle writes the auditor bundle of the demo and refuses, changing
// nothing, an --out that is the workspace, sits in a missing folder or
// would replace a file that is not a zip.
func TestBundle(t *testing.T) {
	dir := t.TempDir()
	ws := filepath.Join(dir, "demo.smsdb")
	if r := run(t, "new", ws, "--demo"); r.code != 0 {
		t.Fatalf("new: exit %d: %s", r.code, r.stderr)
	}
	before, err := os.ReadFile(ws)
	if err != nil {
		t.Fatal(err)
	}
	notes := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(notes, []byte("keep me"), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, out, want string
	}{
		{"the workspace", ws, "workspace"},
		{"a missing folder", filepath.Join(dir, "missing", "b.zip"), "no folder"},
		{"a file that is not a zip", notes, "is not a zip file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := run(t, "bundle", "--workspace", ws, "--out", tc.out)
			if r.code == 0 || !strings.Contains(r.stderr, tc.want) {
				t.Errorf("got exit %d, %q; want a refusal saying %q", r.code, r.stderr, tc.want)
			}
		})
	}
	if after, _ := os.ReadFile(ws); string(after) != string(before) {
		t.Error("a refused bundle changed the workspace")
	}
	if b, _ := os.ReadFile(notes); string(b) != "keep me" {
		t.Error("a refused bundle replaced the file that was not a zip")
	}

	out := filepath.Join(dir, "bundle.zip")
	r := run(t, "bundle", "--workspace", ws, "--out", out)
	if r.code != 0 {
		t.Fatalf("bundle: exit %d: %s", r.code, r.stderr)
	}
	z, err := zip.OpenReader(out)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	var docs, evidence int
	for _, f := range z.File {
		switch {
		case strings.HasPrefix(f.Name, "Documents/"):
			docs++
		case strings.HasPrefix(f.Name, "Evidence/"):
			evidence++
		}
	}
	if docs == 0 || evidence < 12 {
		t.Errorf("got %d documents and %d evidence files, want every approved document and the demo's dozen files", docs, evidence)
	}
	// a second run replaces the zip it wrote
	if r := run(t, "bundle", "--workspace", ws, "--out", out); r.code != 0 {
		t.Errorf("second bundle: exit %d: %s", r.code, r.stderr)
	}
}
