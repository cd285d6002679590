package cli_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"smsbuilder/app/cli"
	"smsbuilder/data"
	"smsbuilder/data/sqlite"
)

// reviseDocument starts a new minor version of the document with the
// number, changes its text and approves it, through the workspace API as
// the Documents screen does.
func reviseDocument(t *testing.T, path, number string) {
	t.Helper()
	ctx := context.Background()
	ws, err := sqlite.New().Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer ws.Close()
	docs, err := ws.Documents(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var doc data.Document
	for _, d := range docs {
		if d.Number == number {
			doc = d
		}
	}
	if doc.ID == 0 {
		t.Fatalf("the demo has no %s", number)
	}
	people, err := ws.People(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var approver int64
	for _, p := range people {
		if p.HasRole(data.RoleTopManagement) {
			approver = p.ID
		}
	}
	v, err := ws.NewDraft(ctx, doc.ID, false)
	if err != nil {
		t.Fatal(err)
	}
	if v, err = ws.SaveDraft(ctx, v, v.Body+"\n\nA sentence added after the internal audit.\n"); err != nil {
		t.Fatal(err)
	}
	if v, err = ws.Move(ctx, v, data.SendForReview, data.Approval{}); err != nil {
		t.Fatal(err)
	}
	if _, err := ws.Move(ctx, v, data.Approve, data.Approval{ApproverID: approver, ChangeSummary: "Clarified after the internal audit"}); err != nil {
		t.Fatal(err)
	}
}

// lines are verify's lines about documents: the line about the audit
// trail's head, first, is verify_head_test.go's.
func lines(s string) []string {
	out := strings.Split(strings.TrimSpace(s), "\n")
	if len(out) > 0 && strings.HasPrefix(out[0], "Audit head printed: ") {
		out = out[1:]
	}
	return out
}

func TestPackManualThenVerify(t *testing.T) {
	dir := t.TempDir()
	ws := filepath.Join(dir, "demo.smsdb")
	manual := filepath.Join(dir, "manual.pdf")
	if r := run(t, "new", ws, "--demo"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	if r := run(t, "pack", "manual", "--workspace", ws, "--out", manual); r.code != 0 {
		t.Fatalf("pack manual: exit %d: %s", r.code, r.stderr)
	}

	// untouched: every document is OK
	r := run(t, "verify", manual, "--workspace", ws)
	if r.code != 0 {
		t.Fatalf("verify: exit %d\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	out := lines(r.stdout)
	if len(out) != 26 { // the 25 approved documents of the demo, then the summary
		t.Errorf("verify printed %d lines, want 26:\n%s", len(out), r.stdout)
	}
	for _, l := range out[:len(out)-1] {
		if !strings.HasPrefix(l, "SMS-DOC-") || !strings.Contains(l, " 1.0 ") || !strings.Contains(l, "sha256 ") || !strings.HasSuffix(l, "  OK") {
			t.Errorf("verify line %q, want NUMBER 1.0 sha256 HASH OK", l)
		}
	}
	if want := "All 25 documents in " + manual + " are the approved versions in the workspace."; out[len(out)-1] != want {
		t.Errorf("last line = %q, want %q", out[len(out)-1], want)
	}

	// a new version approved since: that document is superseded
	reviseDocument(t, ws, "SMS-DOC-02")
	r = run(t, "verify", manual, "--workspace", ws)
	if r.code != 1 {
		t.Errorf("verify after a revision: exit %d, want 1", r.code)
	}
	superseded := 0
	for _, l := range lines(r.stdout) {
		if strings.HasPrefix(l, "SMS-DOC-02 ") {
			superseded++
			if !strings.HasSuffix(l, "  superseded by 1.1") {
				t.Errorf("SMS-DOC-02 line = %q, want it superseded by 1.1", l)
			}
		} else if !strings.HasSuffix(l, "  OK") {
			t.Errorf("line %q, want OK", l)
		}
	}
	if superseded != 1 {
		t.Errorf("SMS-DOC-02 printed %d times:\n%s", superseded, r.stdout)
	}
	if want := "smsbuilder: 1 of 25 documents in " + manual + " is not the approved version in the workspace: 1 superseded.\n"; r.stderr != want {
		t.Errorf("stderr = %q, want %q", r.stderr, want)
	}

	// the single document prints the new version, which verifies
	doc := filepath.Join(dir, "policy.pdf")
	if r := run(t, "pack", "document", "SMS-DOC-02", "--workspace", ws, "--out", doc); r.code != 0 {
		t.Fatalf("pack document: exit %d: %s", r.code, r.stderr)
	}
	r = run(t, "verify", "--workspace", ws, doc)
	if r.code != 0 || !strings.HasPrefix(strings.Join(lines(r.stdout), "\n"), "SMS-DOC-02  1.1  sha256 ") || !strings.Contains(r.stdout, "All 1 document in ") {
		t.Errorf("verify the new policy: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}

	// a manual with drafts: the drafts are never controlled
	drafts := filepath.Join(dir, "drafts.pdf")
	if r := run(t, "pack", "manual", "--include-drafts", "--workspace", ws, "--out", drafts); r.code != 0 {
		t.Fatalf("pack manual --include-drafts: exit %d: %s", r.code, r.stderr)
	}
	r = run(t, "verify", drafts, "--workspace", ws)
	if r.code != 1 || !strings.Contains(r.stdout, "Draft for 1.0  sha256 ") || !strings.Contains(r.stdout, "draft – not controlled") ||
		!strings.Contains(r.stderr, "6 of 31 documents in "+drafts+" are not the approved version in the workspace: 6 drafts.") {
		t.Errorf("verify a manual with drafts: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
}

func TestPackDocumentAndVerifyRefusals(t *testing.T) {
	dir := t.TempDir()
	ws := filepath.Join(dir, "demo.smsdb")
	if r := run(t, "new", ws, "--demo"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	doc := filepath.Join(dir, "doc.pdf")
	r := run(t, "pack", "document", "SMS-DOC-02", "--workspace", ws, "--out", doc)
	if r.code != 0 {
		t.Fatalf("pack document: exit %d: %s", r.code, r.stderr)
	}
	if b, err := os.ReadFile(doc); err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Errorf("pack document wrote no PDF: %v", err)
	}

	// an unknown number: a plain message, and no file
	missing := filepath.Join(dir, "missing.pdf")
	r = run(t, "pack", "document", "SMS-DOC-99", "--workspace", ws, "--out", missing)
	if want := "smsbuilder: There is no document numbered SMS-DOC-99 in this workspace.\n"; r.code != 1 || r.stderr != want {
		t.Errorf("unknown number: exit %d, stderr %q; want 1 and %q", r.code, r.stderr, want)
	}
	if _, err := os.Stat(missing); !os.IsNotExist(err) {
		t.Error("a refused pack left a file")
	}

	// a pack that prints no documents carries no stamps, only the audit
	// trail's head
	scope := filepath.Join(dir, "scope.pdf")
	if r := run(t, "pack", "scope", "--workspace", ws, "--out", scope); r.code != 0 {
		t.Fatal(r.stderr)
	}
	if r := run(t, "verify", scope, "--workspace", ws); r.code != 0 || !strings.Contains(r.stdout, "carries no controlled documents; the history it was printed from is unchanged") {
		t.Errorf("verify scope: exit %d, stdout %q, stderr %q; want 0 and the history unchanged", r.code, r.stdout, r.stderr)
	}
	notPDF := filepath.Join(dir, "notes.pdf")
	os.WriteFile(notPDF, []byte("just some notes"), 0o644)
	for _, tc := range []struct{ file, want string }{
		{notPDF, notPDF + " cannot be checked: the file is not a readable PDF."},
		{filepath.Join(dir, "nope.pdf"), "There is no file " + filepath.Join(dir, "nope.pdf") + "."},
	} {
		r := run(t, "verify", tc.file, "--workspace", ws)
		if r.code != 1 || r.stderr != "smsbuilder: "+tc.want+"\n" {
			t.Errorf("verify %s: exit %d, stderr %q; want 1 and %q", filepath.Base(tc.file), r.code, r.stderr, tc.want)
		}
	}

	// mistakes in the command line
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"pack", "document", "--workspace", ws, "--out", doc}, "pack document needs the NUMBER of the document"},
		{[]string{"pack", "manual", "SMS-DOC-02", "--workspace", ws, "--out", doc}, "only the document pack takes a NUMBER"},
		{[]string{"pack", "scope", "--include-drafts", "--workspace", ws, "--out", doc}, "--include-drafts applies only to the manual and document packs"},
		{[]string{"verify", doc}, "verify needs --workspace FILE"},
		{[]string{"verify", "--workspace", ws}, "verify needs one FILE.pdf"},
	} {
		r := run(t, tc.args...)
		if r.code != 2 || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tc.args, r.code, r.stderr, tc.want)
		}
	}
}

func TestHelpNamesDocumentsAndVerify(t *testing.T) {
	r := run(t, "help")
	for _, want := range []string{
		"smsbuilder pack document NUMBER --workspace FILE --out FILE.pdf [--include-drafts]",
		"smsbuilder verify FILE.pdf --workspace FILE",
		"  manual            Service management system manual",
		"  document NUMBER   Single document",
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("help lacks %q:\n%s", want, r.stdout)
		}
	}
	if !cli.IsCommand([]string{"verify", "x.pdf"}) {
		t.Error("verify is not taken for a command")
	}
}
