package cli_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestPackReview prints the demo's approved review from the command line
// and refuses a review that is not there.
func TestPackReview(t *testing.T) {
	dir := t.TempDir()
	ws := filepath.Join(dir, "demo.smsdb")
	out := filepath.Join(dir, "mr1.pdf")
	if r := run(t, "new", ws, "--demo"); r.code != 0 {
		t.Fatal(r.stderr)
	}
	if r := run(t, "pack", "review", "MR-1", "--workspace", ws, "--out", out); r.code != 0 {
		t.Fatalf("pack review MR-1: exit %d: %s", r.code, r.stderr)
	}
	if bin, err := exec.LookPath("pdftotext"); err == nil {
		text, err := exec.Command(bin, out, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		got := strings.Join(strings.Fields(string(text)), " ")
		for _, want := range []string{"Minutes of the management review", "Minutes approved", "Actions decided", "The figures each input showed"} {
			if !strings.Contains(got, want) {
				t.Errorf("the printed minutes lack %q", want)
			}
		}
	}
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"pack", "review", "--workspace", ws, "--out", filepath.Join(dir, "x.pdf")}, 2, "needs the REF of one management review"},
		{[]string{"pack", "review", "MR-99", "--workspace", ws, "--out", filepath.Join(dir, "y.pdf")}, 1, "There is no management review MR-99"},
	} {
		r := run(t, c.args...)
		if r.code != c.code || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", c.args[:3], r.code, r.stderr, c.code, c.want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "y.pdf")); err == nil {
		t.Error("a refused review pack left a file behind")
	}
}
