package app

import (
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"time"

	"fyne.io/fyne/v2"
)

// openerPatience is how long the system's opener may take to say it found
// no program; one still running after it has handed the file on.
const openerPatience = 5 * time.Second

// openWithSystem opens path (a file or a folder) with the program the system
// chooses, and says so when none did. On Linux and the BSDs fyne's OpenURL
// only starts xdg-open, so a computer without a PDF viewer failed in
// silence; xdg-open's exit status tells the truth, so it is run and waited
// for here. Elsewhere, and inside Flatpak (where the portal answers), fyne's
// OpenURL is asked.
func openWithSystem(a fyne.App, path string) error {
	abs, err := filepath.Abs(path)
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	switch runtime.GOOS {
	case "linux", "freebsd", "openbsd", "netbsd", "dragonfly":
		if os.Getenv("FLATPAK_ID") == "" {
			return runOpener(exec.Command("xdg-open", abs), openerPatience)
		}
	}
	if err := a.OpenURL(&url.URL{Scheme: "file", Path: abs}); err != nil {
		return fmt.Errorf("open %s: %w", abs, err)
	}
	return nil
}

// runOpener starts cmd and waits up to patience for it: an opener that
// cannot start, or exits non-zero in that time, opened nothing. One still
// running then has started a program that stays in its place (some viewers
// do), which counts as opened; it is reaped when it ends.
func runOpener(cmd *exec.Cmd, patience time.Duration) error {
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("start %s: %w", cmd.Path, err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			return fmt.Errorf("run %s: %w", cmd.Path, err)
		}
		return nil
	case <-time.After(patience):
		return nil
	}
}
