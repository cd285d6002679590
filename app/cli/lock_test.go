package cli_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// holdLock writes the lock file another SMS Builder would write beside
// path: the format is documented in the README, and is JSON on one line.
func holdLock(t *testing.T, path, person, host string, pid int) []byte {
	t.Helper()
	b, err := json.Marshal(map[string]any{
		"app": "SMS Builder", "person": person, "host": host, "pid": pid,
		"since": time.Date(2026, 11, 25, 8, 12, 0, 0, time.UTC),
	})
	if err != nil {
		t.Fatal(err)
	}
	lock := filepath.Join(filepath.Dir(path), ".~lock."+filepath.Base(path)+"#")
	if err := os.WriteFile(lock, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return b
}

func lockOf(path string) string {
	return filepath.Join(filepath.Dir(path), ".~lock."+filepath.Base(path)+"#")
}

func hostname(t *testing.T) string {
	t.Helper()
	h, err := os.Hostname()
	if err != nil {
		t.Skip(err)
	}
	return h
}

func demoAt(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "demo.smsdb")
	if r := run(t, "new", path, "--demo"); r.code != 0 {
		t.Fatalf("new: %s", r.stderr)
	}
	return path
}

// While the app has a workspace open, check names who, and the commands
// that only read work beside it without touching its lock.
func TestCommandsBesideTheAppThatHoldsTheFile(t *testing.T) {
	path := demoAt(t)
	theirs := holdLock(t, path, "Priya Raman", hostname(t), os.Getppid())

	r := run(t, "check", path)
	if r.code != 0 {
		t.Fatalf("check: exit %d: %s", r.code, r.stderr)
	}
	want := "Open by:       Priya Raman on " + hostname(t) + " since "
	if !strings.Contains(r.stdout, want) {
		t.Errorf("check output lacks %q:\n%s", want, r.stdout)
	}

	pdf := filepath.Join(t.TempDir(), "scope.pdf")
	if r := run(t, "pack", "scope", "--workspace", path, "--out", pdf); r.code != 0 {
		t.Fatalf("pack beside the app: exit %d: %s", r.code, r.stderr)
	}
	manual := filepath.Join(t.TempDir(), "manual.pdf")
	if r := run(t, "pack", "manual", "--workspace", path, "--out", manual); r.code != 0 {
		t.Fatalf("pack manual: exit %d: %s", r.code, r.stderr)
	}
	if r := run(t, "verify", manual, "--workspace", path); r.code != 0 {
		t.Errorf("verify beside the app: exit %d: %s", r.code, r.stderr)
	}
	if b, _ := os.ReadFile(lockOf(path)); string(b) != string(theirs) {
		t.Errorf("the commands changed the app's lock: %q", b)
	}
	names, _ := os.ReadDir(filepath.Dir(path))
	var got []string
	for _, n := range names {
		got = append(got, n.Name())
	}
	if want := []string{".~lock.demo.smsdb#", "demo.smsdb"}; !slices.Equal(got, want) {
		t.Errorf("beside the workspace: %q, want %q", got, want)
	}

	if r := run(t, "unlock", path, "--force"); r.code == 0 || !strings.Contains(r.stderr, "still open in SMS Builder on this computer by Priya Raman") {
		t.Errorf("unlock of a running app's lock: exit %d, stderr %q; want a refusal", r.code, r.stderr)
	}
}

// A lock from another computer is named as such; unlock removes it only
// with --force. One left by an ended process here goes without.
func TestUnlock(t *testing.T) {
	t.Run("another computer", func(t *testing.T) {
		path := demoAt(t)
		theirs := holdLock(t, path, "Priya Raman", "LAPTOP-3", 4242)
		r := run(t, "check", path)
		if !strings.Contains(r.stdout, "Priya Raman on LAPTOP-3 since") || !strings.Contains(r.stdout, "on another computer") {
			t.Errorf("check output does not name the other computer:\n%s", r.stdout)
		}
		r = run(t, "unlock", path)
		if r.code == 0 || !strings.Contains(r.stderr, "--force") || !strings.Contains(r.stderr, "Priya Raman on LAPTOP-3") {
			t.Errorf("unlock without --force: exit %d, stderr %q; want a refusal naming the holder and --force", r.code, r.stderr)
		}
		if b, _ := os.ReadFile(lockOf(path)); string(b) != string(theirs) {
			t.Errorf("the refused unlock changed the lock: %q", b)
		}
		if r := run(t, "unlock", path, "--force"); r.code != 0 || !strings.Contains(r.stdout, "Removed the lock Priya Raman on LAPTOP-3 took") {
			t.Errorf("unlock --force: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
		}
		if _, err := os.Lstat(lockOf(path)); err == nil {
			t.Error("the lock is still there")
		}
	})
	t.Run("ended process", func(t *testing.T) {
		path := demoAt(t)
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		if err := cmd.Run(); err != nil {
			t.Fatal(err)
		}
		holdLock(t, path, "Priya Raman", hostname(t), cmd.Process.Pid)
		if r := run(t, "check", path); !strings.Contains(r.stdout, "process of this computer that has ended") {
			t.Errorf("check does not call the lock stale:\n%s", r.stdout)
		}
		if r := run(t, "unlock", path); r.code != 0 {
			t.Errorf("unlock: exit %d: %s", r.code, r.stderr)
		}
		if _, err := os.Lstat(lockOf(path)); err == nil {
			t.Error("the lock is still there")
		}
	})
	t.Run("no lock", func(t *testing.T) {
		path := demoAt(t)
		if r := run(t, "unlock", path); r.code != 0 || !strings.Contains(r.stdout, "no lock to remove") {
			t.Errorf("unlock: exit %d, stdout %q", r.code, r.stdout)
		}
	})
}

// A command that must write a workspace the app holds says who holds it
// and since when, and how to go on, instead of a bare "read-only".
func TestImportIntoAWorkspaceOpenElsewhereNamesWhoHasIt(t *testing.T) {
	in := filepath.Join(t.TempDir(), "services.csv")
	if err := os.WriteFile(in, []byte("Service,Status\nPrinting,Live\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, host string
		pid        int
		want       []string
	}{
		{"here", hostname(t), os.Getppid(), []string{"is open in SMS Builder by Priya Raman on " + hostname(t) + " since 08:12, so nothing can be imported into it.", "Try again once it is closed there."}},
		{"another computer", "LAPTOP-3", 4242, []string{"by Priya Raman on LAPTOP-3 since 08:12, on another computer", "--force"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := demoAt(t)
			holdLock(t, path, "Priya Raman", tt.host, tt.pid)
			r := run(t, "import", "--workspace", path, "--register", "services", "--in", in)
			if r.code == 0 {
				t.Fatalf("import beside the app succeeded: %s", r.stdout)
			}
			for _, want := range tt.want {
				if !strings.Contains(r.stderr, want) {
					t.Errorf("stderr %q lacks %q", r.stderr, want)
				}
			}
			if strings.Contains(r.stderr, "open read-only") {
				t.Errorf("stderr %q still says only read-only", r.stderr)
			}
		})
	}
}
