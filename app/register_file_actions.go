package app

import (
	"fyne.io/fyne/v2"

	"smsbuilder/data"
)

// registerFileActions are the buttons a register's toolbar offers for its
// files (import and export); refresh shows the register again after an
// import.
func registerFileActions(e *env, reg data.Register, refresh func()) []fyne.CanvasObject {
	return nil
}
