package data

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Unreadable notes one stored value that could not be read back: a date, a
// time, a list or a choice changed behind the app's back or by a damaged
// copy. The record holds the zero value in its place, so that one bad value
// never stops the work, and this note says what was there.
type Unreadable struct {
	Record string // the record as a person knows it: `task "Book the audit"`
	Field  string // the field as FieldError names it: "Due"
	Label  string // the field in plain words: "due date"
	Raw    string // the stored text, cut to MaxUnreadableRaw characters
}

// BadValues are the unreadable values of one record; nil when every value
// was read. Every record type that storage reads carries one.
type BadValues []Unreadable

// MaxUnreadableRaw is how much of an unreadable value's stored text is kept:
// enough to recognise it, never a whole stray document.
const MaxUnreadableRaw = 80

// maxRecordName is how much of a record's own name its label shows.
const maxRecordName = 60

// UnreadableText is what a printed page or a table shows in place of a value
// that could not be read.
const UnreadableText = "unreadable"

// RecordName labels a record for a message: kind and, when it has one, its
// name in quotes, cut to a sane length.
func RecordName(kind, name string) string {
	name = strings.Join(strings.Fields(name), " ")
	if name == "" {
		return kind
	}
	return fmt.Sprintf("%s %q", kind, cutRunes(name, maxRecordName))
}

// NewUnreadable makes the note of one unreadable value, its stored text cut
// to MaxUnreadableRaw characters.
func NewUnreadable(record, field, label, raw string) Unreadable {
	return Unreadable{Record: record, Field: field, Label: label, Raw: cutRunes(raw, MaxUnreadableRaw)}
}

// Of returns the note of the field, if the field was unreadable.
func (b BadValues) Of(field string) (Unreadable, bool) {
	for _, u := range b {
		if u.Field == field {
			return u, true
		}
	}
	return Unreadable{}, false
}

// Has reports whether the field was unreadable.
func (b BadValues) Has(field string) bool {
	_, ok := b.Of(field)
	return ok
}

// Or returns text, or UnreadableText when the field was unreadable.
func (b BadValues) Or(field, text string) string {
	if b.Has(field) {
		return UnreadableText
	}
	return text
}

// Message says in plain words which value of which record could not be read
// and what it held.
func (u Unreadable) Message() string {
	return fmt.Sprintf("The %s stored for %s could not be read: it holds %q. Enter it again.", u.Label, u.Record, u.Raw)
}

// cutRunes keeps the first n characters of s, marking a cut with "…".
func cutRunes(s string, n int) string {
	if head, _, cut := FirstRunes(s, n); cut {
		return head + "…"
	}
	return s
}

// FirstRunes returns the first n characters of s, how many characters s
// has when it has more (0 otherwise), and whether it has more.
func FirstRunes(s string, n int) (head string, total int, cut bool) {
	if len(s) <= n {
		return s, 0, false // fewer bytes than n: fewer characters too
	}
	total = utf8.RuneCountInString(s)
	if total <= n {
		return s, 0, false
	}
	i, count := 0, 0
	for i = range s {
		if count == n {
			break
		}
		count++
	}
	return s[:i], total, true
}
