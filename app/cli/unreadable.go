package cli

import (
	"fmt"
	"io"

	"smsbuilder/data"
)

// warnUnreadable tells the person who printed a pack which stored values
// could not be read: the pack prints them as "unreadable" and lists them at
// its end, and this says so where a script's log will show it.
func warnUnreadable(w io.Writer, bad []data.Unreadable) {
	if len(bad) == 0 {
		return
	}
	noun := "values"
	if len(bad) == 1 {
		noun = "value"
	}
	fmt.Fprintf(w, "Note: %d stored %s could not be read; the pack prints them as \"unreadable\" and lists them at its end:\n", len(bad), noun)
	for _, u := range bad {
		fmt.Fprintf(w, "  %s\n", u.Message())
	}
}
