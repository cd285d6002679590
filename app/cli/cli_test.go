package cli_test

import (
	"bytes"
	"context"
	"encoding/json"
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

type result struct {
	code           int
	stdout, stderr string
}

func run(t *testing.T, args ...string) result {
	t.Helper()
	cat, err := data.LoadCatalogue(assets.Content())
	if err != nil {
		t.Fatal(err)
	}
	var out, errOut bytes.Buffer
	code := cli.Run(context.Background(), args, cli.Deps{
		Store: sqlite.New(), Catalogue: cat, Stdout: &out, Stderr: &errOut,
		Now: func() time.Time { return time.Date(2026, 11, 25, 9, 0, 0, 0, time.UTC) },
	})
	return result{code, out.String(), errOut.String()}
}

func TestNewDemoThenCheck(t *testing.T) {
	path := filepath.Join(t.TempDir(), "demo.smsdb")
	if r := run(t, "new", path, "--demo"); r.code != 0 {
		t.Fatalf("new: exit %d: %s", r.code, r.stderr)
	}
	r := run(t, "check", path)
	if r.code != 0 {
		t.Fatalf("check: exit %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{"Integrity:     ok", "Organisation:  Northwind", "People:        7", "Assessments:   2", "Documents:     31"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("check output lacks %q:\n%s", want, r.stdout)
		}
	}
	if r := run(t, "new", path); r.code == 0 || !strings.Contains(r.stderr, "exists") {
		t.Errorf("new over an existing file: exit %d, stderr %q; want a refusal", r.code, r.stderr)
	}
}

func TestCheckRefusesBadFilesWithoutChangingThem(t *testing.T) {
	dir := t.TempDir()
	random := filepath.Join(dir, "random.smsdb")
	junk := bytes.Repeat([]byte{0x13, 0x37, 0x42}, 4000)
	os.WriteFile(random, junk, 0o644)
	tests := []struct {
		name, path, want string
	}{
		{"random bytes", random, "not a SQLite database"},
		{"missing", filepath.Join(dir, "nope.smsdb"), "No workspace"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := run(t, "check", tt.path)
			if r.code == 0 || !strings.Contains(r.stderr, tt.want) {
				t.Errorf("exit %d, stderr %q; want non-zero and %q", r.code, r.stderr, tt.want)
			}
		})
	}
	if after, _ := os.ReadFile(random); !bytes.Equal(after, junk) {
		t.Error("check changed the refused file")
	}
}

func TestPackScopeWritesAPDF(t *testing.T) {
	dir := t.TempDir()
	ws := filepath.Join(dir, "demo.smsdb")
	out := filepath.Join(dir, "scope.pdf")
	if r := run(t, "new", ws, "--demo"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	r := run(t, "pack", "scope", "--workspace", ws, "--out", out)
	if r.code != 0 {
		t.Fatalf("pack: exit %d: %s", r.code, r.stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Errorf("output does not start like a PDF: %q", b[:min(len(b), 8)])
	}
}

func TestUsageErrors(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"pack", "nosuch", "--workspace", "x", "--out", "y"}, "unknown pack"},
		{[]string{"pack", "scope"}, "--workspace FILE and --out"},
		{[]string{"new"}, "new needs one FILE"},
		{[]string{"content"}, "content needs --json"},
		{[]string{"check", "--bogus"}, "flag provided but not defined"},
		{[]string{"pack", "manual", "--with-guidance", "--workspace", "x", "--out", "y"}, "--with-guidance applies only to the scope pack"},
	}
	for _, tt := range tests {
		r := run(t, tt.args...)
		if r.code != 2 || !strings.Contains(r.stderr, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tt.args, r.code, r.stderr, tt.want)
		}
	}
}

func TestContentJSONListsEveryClause(t *testing.T) {
	r := run(t, "content", "--json")
	if r.code != 0 {
		t.Fatal(r.stderr)
	}
	var got struct {
		Standard  string
		Clauses   []data.Clause
		Steps     []data.Step
		Questions []data.Question
		Templates []struct {
			Number  string
			Body    string
			Prompts int
		}
		Registers []struct {
			Key     string
			Clauses []string
			Fields  int
		}
		Glossary []data.GlossaryEntry
	}
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	if want := 77; len(got.Clauses) != want {
		t.Errorf("clauses = %d, want %d", len(got.Clauses), want)
	}
	if len(got.Steps) < 15 || len(got.Questions) < 120 {
		t.Errorf("steps = %d, questions = %d; want the roadmap and the questions too", len(got.Steps), len(got.Questions))
	}
	if n, want := len(got.Registers), len(data.Registers()); n != want || got.Registers[0].Fields == 0 || len(got.Registers[0].Clauses) == 0 {
		t.Errorf("registers = %d, want %d with their fields and clauses", n, want)
	}
	if len(got.Glossary) == 0 || got.Glossary[0].Definition == "" {
		t.Errorf("glossary = %d entries, want the glossary with its definitions", len(got.Glossary))
	}
	if got.Clauses[0].Guidance == "" {
		t.Error("the first clause has no guidance in the dump")
	}
	prompts := 0
	for _, tm := range got.Templates {
		if want := len(data.Prompts(tm.Body)); tm.Prompts != want {
			t.Errorf("%s: prompts = %d, want %d", tm.Number, tm.Prompts, want)
		}
		prompts += tm.Prompts
	}
	if prompts == 0 {
		t.Error("the dump counts no prompt in any template")
	}
}

func TestHelpListsCommandsAndPacks(t *testing.T) {
	r := run(t, "--help")
	for _, want := range []string{"smsbuilder new FILE", "smsbuilder pack", "scope"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("help lacks %q", want)
		}
	}
	if !cli.IsCommand([]string{"pack"}) || cli.IsCommand([]string{"x.smsdb"}) || cli.IsCommand(nil) {
		t.Error("IsCommand misclassifies")
	}
}
