package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// runAsProgram makes the test binary behave as smsbuilder when a test starts
// it again with this variable set: same packages, same start-up order.
const runAsProgram = "SMSBUILDER_TEST_RUN_MAIN"

func TestMain(m *testing.M) {
	if os.Getenv(runAsProgram) == "1" {
		os.Args = append([]string{"smsbuilder"}, os.Args[1:]...)
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// TestQuietUnderCLocales runs commands under the locales of servers and CI,
// where Fyne's start-up used to print a locale error on standard error.
func TestQuietUnderCLocales(t *testing.T) {
	dir := t.TempDir()
	ws := filepath.Join(dir, "w.smsdb")
	commands := [][]string{
		{"--help"},
		{"new", ws, "--demo"},
		{"check", ws},
		{"pack", "scope", "--workspace", ws, "--out", filepath.Join(dir, "scope.pdf")},
		{"pack", "gap", "--workspace", ws, "--out", filepath.Join(dir, "gap.pdf")},
		{"pack", "roadmap", "--workspace", ws, "--out", filepath.Join(dir, "roadmap.pdf")},
		{"pack", "manual", "--workspace", ws, "--out", filepath.Join(dir, "manual.pdf")},
		{"pack", "document", "SMS-DOC-01", "--workspace", ws, "--out", filepath.Join(dir, "doc.pdf")},
		{"verify", filepath.Join(dir, "manual.pdf"), "--workspace", ws},
	}
	locales := []struct {
		name string
		env  []string
	}{
		{"C.UTF-8", []string{"LANG=C.UTF-8"}},
		{"C", []string{"LANG=C"}},
		{"LC_ALL C.UTF-8", []string{"LC_ALL=C.UTF-8"}},
		{"unset", nil},
	}
	for _, loc := range locales {
		for i, args := range commands {
			if loc.name != "C.UTF-8" && i > 0 && args[0] != "check" {
				// Every command under the first locale; the quickest under the others.
				continue
			}
			if args[0] == "new" {
				os.Remove(ws)
			}
			cmd := exec.Command(os.Args[0], args...)
			cmd.Dir = dir
			cmd.Env = append(cleanEnv(dir), loc.env...)
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			if err := cmd.Run(); err != nil {
				t.Fatalf("%s: smsbuilder %v: %v\n%s", loc.name, args, err, stderr.String())
			}
			if got := stderr.String(); got != "" {
				t.Errorf("%s: smsbuilder %v printed on standard error:\n%s", loc.name, args, got)
			}
		}
	}
}

// cleanEnv is an environment with no locale variables and a home of its own.
func cleanEnv(home string) []string {
	return []string{
		runAsProgram + "=1",
		"HOME=" + home,
		"XDG_CONFIG_HOME=" + filepath.Join(home, "config"),
		"XDG_CACHE_HOME=" + filepath.Join(home, "cache"),
		"PATH=" + os.Getenv("PATH"),
	}
}
