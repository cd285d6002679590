package cli

import (
	"context"
	"flag"
	"fmt"
	"time"

	"smsbuilder/data"
)

// lockLine describes who has a workspace open for writing, for check.
func lockLine(h data.LockHolder, path string, now time.Time) string {
	switch {
	case h.Stale:
		return fmt.Sprintf("no one: %s left a lock at %s from a process of this computer that has ended; the next opener takes it over", h.Who(), h.SinceText(now))
	case h.Remote:
		return fmt.Sprintf("%s since %s, on another computer (if SMS Builder no longer runs there, 'smsbuilder unlock %s --force' removes the lock)", h.Who(), h.SinceText(now), path)
	}
	return fmt.Sprintf("%s since %s (process %d)", h.Who(), h.SinceText(now), h.PID)
}

// runUnlock removes the write lock that an SMS Builder which crashed, or
// whose computer lost the network, left beside a workspace. A lock from
// another computer may still be in use there: it goes only with --force.
func runUnlock(ctx context.Context, args []string, d Deps) error {
	fs := flag.NewFlagSet("unlock", flag.ContinueOnError)
	force := fs.Bool("force", false, "remove a lock taken on another computer")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		return usagef("unlock needs one FILE")
	}
	path := pos[0]
	r, err := d.Store.Check(ctx, path)
	if err != nil {
		return err
	}
	h := r.Lock
	if h == nil {
		fmt.Fprintf(d.Stdout, "No one has %s open for writing: there is no lock to remove.\n", path)
		return nil
	}
	if h.Remote && !*force {
		return data.Errorf(data.EReadOnly, "%s is open in SMS Builder by %s since %s, on another computer, which this one cannot ask whether it still is. If no one works on it there (the computer crashed or lost the network), run 'smsbuilder unlock %s --force'. If someone does, both of you would be writing and changes could be lost.",
			path, h.Who(), h.SinceText(d.Now()), path)
	}
	ws, err := d.Store.TakeOver(data.WithActor(ctx, "smsbuilder unlock"), path)
	if err != nil {
		return err
	}
	if err := ws.Close(); err != nil {
		return err
	}
	fmt.Fprintf(d.Stdout, "Removed the lock %s took at %s: %s can be opened for writing.\n", h.Who(), h.SinceText(d.Now()), path)
	return nil
}
