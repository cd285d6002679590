//go:build ci

package app

import "time"

// afterPause runs f at once in the tests. Fyne's test driver runs fyne.Do
// on the goroutine that calls it, so a timer's f would touch widgets
// while the test itself does; the pause itself is no behaviour to test.
func afterPause(_ time.Duration, f func()) *time.Timer {
	f()
	t := time.NewTimer(time.Hour)
	t.Stop()
	return t
}
