//go:build !ci

package app

import (
	"time"

	"fyne.io/fyne/v2"
)

// afterPause runs f on the GUI's goroutine once d has passed, unless the
// timer it returns is stopped first.
func afterPause(d time.Duration, f func()) *time.Timer {
	return time.AfterFunc(d, func() { fyne.Do(f) })
}
