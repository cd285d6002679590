package assets

import _ "embed"

//go:embed guide.md
var guide string

// Guide is the short user guide the Help menu shows, in Markdown without
// tables.
func Guide() string { return guide }
