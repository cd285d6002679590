package data

import (
	"strings"
	"time"
)

// Revision counts the saves of a stored record: 1 when it is created, one
// more on every change. A save states the revision it was read at, and
// storage refuses it with EConflict when the record has changed since, so
// that nobody overwrites a colleague's change without seeing it. A record
// not stored yet has revision 0.
type Revision int64

// Conflict describes the change that made a save stale, as the newest entry
// of the record's audit trail tells it.
type Conflict struct {
	What   string    // the record as a sentence names it: "this task", "the organisation profile"
	Actor  string    // who changed it; "" when the trail does not say
	At     time.Time // when; zero when the trail does not say
	Delete bool      // the change removed the record
}

// ConflictError is the refusal of a save made from a stale copy: a plain
// message naming who changed the record and when, as the workspace prints
// dates (today's changes by the time alone). now is the time of the refused
// save.
func ConflictError(c Conflict, now time.Time, dates DateFormat) *Error {
	verb, advice := "changed", "reload to see the change."
	if c.Delete {
		verb, advice = "deleted", "your change was not saved."
	}
	if c.Actor == "" || c.At.IsZero() {
		return Errorf(EConflict, "%s was %s after you opened it: %s", capitalise(c.What), verb, advice)
	}
	at, today := c.At.In(now.Location()), now
	when := at.Format("15:04")
	if y, m, d := at.Date(); y != today.Year() || m != today.Month() || d != today.Day() {
		when += " on " + dates.Format(at)
	}
	return Errorf(EConflict, "%s %s %s at %s, after you opened it: %s", c.Actor, verb, c.What, when, advice)
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
