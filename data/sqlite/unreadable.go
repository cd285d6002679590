package sqlite

import (
	"database/sql"
	"encoding/json"
	"slices"
	"strconv"
	"time"

	"smsbuilder/data"
)

// values reads one record's stored dates, times, lists and choices
// tolerantly: a value that does not parse becomes the zero value and a note
// in bad, so that one value changed behind the app's back never stops a
// list, a pack or a form. The strict parsers stay for what must not be
// guessed (the audit trail's order, the check).
type values struct {
	record string
	bad    data.BadValues
}

func readValues(kind, name string) *values { return &values{record: data.RecordName(kind, name)} }

func (v *values) note(field, label, raw string) {
	v.bad = append(v.bad, data.NewUnreadable(v.record, field, label, raw))
}

// date reads a stored day; NULL is no date.
func (v *values) date(field, label string, s sql.NullString) time.Time {
	t, err := parseDate(s)
	if err != nil {
		v.note(field, label, s.String)
		return time.Time{}
	}
	return t
}

// time reads a stored time.
func (v *values) time(field, label, s string) time.Time {
	t, err := parseTime(s)
	if err != nil {
		v.note(field, label, s)
		return time.Time{}
	}
	return t
}

// optionalTime reads a stored time that may be NULL.
func (v *values) optionalTime(field, label string, s sql.NullString) time.Time {
	if !s.Valid {
		return time.Time{}
	}
	return v.time(field, label, s.String)
}

// list reads a JSON array of strings; an empty one is nil.
func (v *values) list(field, label, s string) []string {
	out, err := parseList(s)
	if err != nil {
		v.note(field, label, s)
		return nil
	}
	return out
}

// number reads a stored whole number within [lo, hi].
func (v *values) number(field, label, s string, lo, hi int) int {
	n, err := strconv.Atoi(s)
	if err != nil || n < lo || n > hi {
		v.note(field, label, s)
		return 0
	}
	return n
}

// changes reads an audit entry's JSON list of field changes.
func (v *values) changes(field, label, s string) []data.FieldChange {
	var out []data.FieldChange
	if err := json.Unmarshal([]byte(s), &out); err != nil {
		v.note(field, label, s)
		return nil
	}
	return out
}

// readChoice reads a stored choice that must be one of known; anything else is
// the zero value.
func readChoice[T ~string](v *values, field, label, s string, known []T) T {
	if slices.Contains(known, T(s)) {
		return T(s)
	}
	v.note(field, label, s)
	return ""
}
