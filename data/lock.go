package data

import (
	"fmt"
	"time"
)

// LockHolder names who has a workspace open for writing: storage records it
// in a lock file beside the workspace when it opens one for writing, and
// reports it to everyone else who opens the file.
type LockHolder struct {
	Person string    // the person working (WithActor), "" when the lock names no one
	Host   string    // the computer, as it names itself
	PID    int       // the process on that computer
	Since  time.Time // when the lock was taken
	// Remote is true when the lock was taken on another computer (or names
	// none): this one cannot tell whether SMS Builder still runs there, so
	// the person may take the lock over, at their own risk.
	Remote bool
	// Stale is true when the lock was left on this computer by a process
	// that no longer runs; the next opener takes it over.
	Stale bool
}

// Who is "Priya Raman on LAPTOP-3", with plain words for what is missing.
func (h LockHolder) Who() string {
	person, host := h.Person, h.Host
	if person == "" || person == "unknown" {
		person = "someone"
	}
	if host == "" {
		return person + " on an unknown computer"
	}
	return person + " on " + host
}

// SinceText is when the lock was taken in the reader's local time: the time
// of day when it is today, the day and time otherwise.
func (h LockHolder) SinceText(now time.Time) string {
	if h.Since.IsZero() {
		return "an unknown time"
	}
	t, n := h.Since.In(now.Location()), now
	if t.Year() == n.Year() && t.YearDay() == n.YearDay() {
		return t.Format("15:04")
	}
	return t.Format("2 Jan 2006 15:04")
}

// Age is how long ago the lock was taken, in rough plain words.
func (h LockHolder) Age(now time.Time) string {
	if h.Since.IsZero() {
		return "for an unknown time"
	}
	d := now.Sub(h.Since)
	switch {
	case d < 2*time.Minute:
		return "for a minute"
	case d < 2*time.Hour:
		return fmt.Sprintf("for %d minutes", int(d/time.Minute))
	case d < 48*time.Hour:
		return fmt.Sprintf("for %d hours", int(d/time.Hour))
	default:
		return fmt.Sprintf("for %d days", int(d/(24*time.Hour)))
	}
}

// Notice is the sentence a second opener reads: "Open in SMS Builder by
// Priya Raman on LAPTOP-3 since 09:12: opened read-only."
func (h LockHolder) Notice(now time.Time) string {
	return fmt.Sprintf("Open in SMS Builder by %s since %s: opened read-only.", h.Who(), h.SinceText(now))
}
