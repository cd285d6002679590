package cli_test

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"smsbuilder/app/cli"
	"smsbuilder/assets"
	"smsbuilder/data"
	"smsbuilder/data/sqlite"
)

// FuzzRun runs arbitrary command lines (arguments split at NUL) in a fresh
// folder holding a demo workspace and its archive: every one ends with one
// of the documented exit codes (0 done, 1 refused or problems found, 2 a
// mistake in the command line, 3 check could not read a workspace), and
// none panics. Arguments naming another folder
// are skipped, so that the fuzzer writes nowhere else.
func FuzzRun(f *testing.F) {
	cat, err := data.LoadCatalogue(assets.Content())
	if err != nil {
		f.Fatal(err)
	}
	dir := f.TempDir()
	ws := filepath.Join(dir, "w.smsdb")
	deps := cli.Deps{Store: sqlite.New(), Catalogue: cat, Stdout: io.Discard, Stderr: io.Discard,
		Now: func() time.Time { return time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC) }}
	if code := cli.Run(context.Background(), []string{"new", ws, "--demo"}, deps); code != 0 {
		f.Fatal("new --demo failed")
	}
	if code := cli.Run(context.Background(), []string{"archive", "--workspace", ws, "--out", filepath.Join(dir, "w.smsarchive")}, deps); code != 0 {
		f.Fatal("archive failed")
	}
	wsBytes, _ := os.ReadFile(ws)
	archBytes, _ := os.ReadFile(filepath.Join(dir, "w.smsarchive"))
	for _, s := range []string{
		"", "help", "--help", "check\x00w.smsdb", "new\x00n.smsdb", "new\x00n\x00--demo", "new",
		"pack\x00scope\x00--workspace\x00w.smsdb\x00--out\x00o.pdf",
		"pack\x00document\x00SMS-DOC-02\x00--workspace\x00w.smsdb\x00--out\x00o.pdf\x00--include-drafts",
		"pack\x00gap\x00--workspace=w.smsdb\x00--out=o.pdf\x00--assessment=-1",
		"pack\x00roadmap\x00--paper\x00Legal\x00--workspace\x00w.smsdb\x00--out\x00o.pdf",
		"verify\x00o.pdf\x00--workspace\x00w.smsdb", "verify\x00w.smsdb\x00--workspace\x00w.smsdb",
		"archive\x00--workspace\x00w.smsdb\x00--out\x00a.smsarchive",
		"restore\x00w.smsarchive\x00--out\x00r.smsdb", "restore\x00w.smsdb\x00--out\x00r",
		"content\x00--json", "content", "check\x00--bogus", "pack\x00--workspace", "-h", "x.smsdb",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		args := strings.Split(line, "\x00")
		if line == "" {
			args = nil
		}
		for _, a := range args {
			if strings.ContainsAny(a, `/\`) || strings.Contains(a, "..") || strings.HasPrefix(a, "~") {
				return
			}
		}
		dir := t.TempDir()
		t.Chdir(dir)
		os.WriteFile("w.smsdb", wsBytes, 0o644)
		os.WriteFile("w.smsarchive", archBytes, 0o644)
		if !cli.IsCommand(args) && len(args) > 0 {
			return // the window, not the command line
		}
		code := cli.Run(context.Background(), args, deps)
		if code < 0 || code > 3 {
			t.Fatalf("%q: exit %d", args, code)
		}
	})
}
