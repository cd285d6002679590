package cli

import (
	"fmt"
	"io"

	"smsbuilder/data"
	"smsbuilder/reports"
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

// warnAltered names each approved text that no longer matches the SHA-256
// recorded at its approval: the pack marks it ALTERED and prints the hash of
// the text it holds, so verify will call that copy changed.
func warnAltered(w io.Writer, docs []reports.DocumentRecord) {
	for _, rec := range docs {
		for _, v := range rec.Versions {
			if v.TextAltered() {
				fmt.Fprintf(w, "Warning: the text of %s version %d.%d was changed after it was approved; the pack marks it ALTERED. Run 'smsbuilder check' on the workspace.\n", rec.Document.Number, v.Major, v.Minor)
			}
		}
	}
}
