package cli_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestVerifyChecksPrintedText changes what a printed pack shows while its
// stamps stay as they were: verify reports the document as changed and
// names the page.
func TestVerifyChecksPrintedText(t *testing.T) {
	dir := t.TempDir()
	ws := filepath.Join(dir, "demo.smsdb")
	if r := run(t, "new", ws, "--demo"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	pack := func(name string, args ...string) []byte {
		out := filepath.Join(dir, name)
		if r := run(t, append(append([]string{"pack"}, args...), "--workspace", ws, "--out", out)...); r.code != 0 {
			t.Fatalf("pack %v: exit %d: %s", args, r.code, r.stderr)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	verify := func(name string, b []byte) result {
		f := filepath.Join(dir, name)
		if err := os.WriteFile(f, b, 0o600); err != nil {
			t.Fatal(err)
		}
		return run(t, "verify", f, "--workspace", ws)
	}

	// The stamp of SMS-DOC-02 copied onto the pages of SMS-DOC-03.
	stamp := regexp.MustCompile(`SMS-DOC-0[23]@1\.0#[0-9a-f]{64}`)
	policy := stamp.Find(pack("02.pdf", "document", "SMS-DOC-02"))
	other := pack("03.pdf", "document", "SMS-DOC-03")
	forged := stamp.ReplaceAll(other, policy)
	if bytes.Equal(forged, other) || policy == nil {
		t.Fatal("the stamps were not found in the printed files")
	}
	r := verify("forged.pdf", forged)
	if r.code != 1 || !regexp.MustCompile(`SMS-DOC-02 +1\.0 +sha256 [0-9a-f]{12} +changed: the file holds no pages of this document`).MatchString(r.stdout) {
		t.Errorf("a stamp copied onto another document: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}

	// One glyph changed in a page of the manual, written out uncompressed
	// by another PDF tool first.
	qpdf, err := exec.LookPath("qpdf")
	if err != nil {
		t.Skip("qpdf is not installed")
	}
	pack("manual.pdf", "manual")
	plain := filepath.Join(dir, "plain.pdf")
	if out, err := exec.Command(qpdf, "--qdf", "--object-streams=disable", filepath.Join(dir, "manual.pdf"), plain).CombinedOutput(); err != nil {
		t.Fatalf("qpdf: %v\n%s", err, out)
	}
	if r := run(t, "verify", plain, "--workspace", ws); r.code != 0 {
		t.Fatalf("the manual rewritten by qpdf, untouched: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	b, err := os.ReadFile(plain)
	if err != nil {
		t.Fatal(err)
	}
	// "1.1 Purpose", the first numbered heading of SMS-DOC-01, as gofpdf
	// writes it (UTF-16 in hex, an en space after the number); its P
	// becomes a Q.
	word := []byte("<0031002e0031200200500075")
	i := bytes.Index(b, word)
	if i < 0 {
		t.Fatal("no \"1.1 Purpose\" in the manual's pages")
	}
	b[i+len("<0031002e003120020050")-1] = '1'
	r = verify("edited.pdf", b)
	if r.code != 1 || !regexp.MustCompile(`SMS-DOC-01 +1\.0 +sha256 [0-9a-f]{12} +changed: page \d+ does not show the text of version 1\.0`).MatchString(r.stdout) {
		t.Errorf("one glyph changed: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}
	if n := strings.Count(r.stdout, "  changed: "); n != 1 {
		t.Errorf("one glyph changed is reported for %d documents:\n%s", n, r.stdout)
	}
}
