//go:build windows

package sqlite

import (
	"errors"

	"golang.org/x/sys/windows"
)

// processAlive reports whether a process with this number runs on this
// computer. One that may not be opened (another user's) runs; an ended one
// may still be opened while a handle to it lives, so its exit code decides.
func processAlive(pid int) bool {
	if pid <= 0 {
		return false
	}
	h, err := windows.OpenProcess(windows.PROCESS_QUERY_LIMITED_INFORMATION, false, uint32(pid))
	if err != nil {
		return errors.Is(err, windows.ERROR_ACCESS_DENIED)
	}
	defer windows.CloseHandle(h)
	var code uint32
	if err := windows.GetExitCodeProcess(h, &code); err != nil {
		return true
	}
	const stillActive = 259 // STILL_ACTIVE
	return code == stillActive
}
