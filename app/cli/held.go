package cli

import (
	"time"

	"smsbuilder/data"
)

// notWritable is the refusal of a command that must write a workspace
// that opened read-only. It says why in the person's terms: who has the
// file open and since when (someone else's SMS Builder holds its lock),
// or that the file itself cannot be written. unable says what the command
// could not do, "nothing can be imported into it".
func notWritable(ws data.Workspace, path, unable string, now time.Time) error {
	h := ws.Holder()
	if h == nil {
		return data.Errorf(data.EReadOnly, "%s cannot be written (the file or its folder is read-only), so %s.", path, unable)
	}
	if !h.Remote {
		return data.Errorf(data.EReadOnly, "%s is open in SMS Builder by %s since %s, so %s. Try again once it is closed there.", path, h.Who(), h.SinceText(now), unable)
	}
	return data.Errorf(data.EReadOnly, "%s is open in SMS Builder by %s since %s, on another computer, so %s. Try again once it is closed there; if SMS Builder no longer runs there (the computer crashed or lost the network), 'smsbuilder unlock %s --force' removes the lock.",
		path, h.Who(), h.SinceText(now), unable, path)
}
