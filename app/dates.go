package app

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"smsbuilder/data"
)

// date shows a day in the workspace's chosen date format.
func (e *env) date(t time.Time) string { return e.dates.Format(t) }

// dateTime shows a moment as the day in the workspace's format and the time.
func (e *env) dateTime(t time.Time) string { return e.date(t) + " " + t.Format("15:04") }

// workspaceDates reads the date format the organisation chose; an unreadable
// profile shows ISO dates, which Format falls back to.
func workspaceDates(ws data.Workspace) data.DateFormat {
	if ws == nil {
		return ""
	}
	o, err := ws.Organisation(context.Background())
	if err != nil {
		return ""
	}
	return o.DateFormat
}

// dateField is a date a user picks from a calendar or types. Fyne's
// DateEntry writes and reads its text in the layout of the system's region
// and offers no way to choose another, so typed dates follow the region while
// every date shown elsewhere follows the workspace's format.
type dateField struct {
	widget.DateEntry
	optional bool
}

// newDateField shows d, or nothing for the zero time.
func newDateField(d time.Time, optional bool) *dateField {
	f := &dateField{optional: optional}
	f.ExtendBaseWidget(f)
	f.Wrapping = fyne.TextWrap(fyne.TextTruncateClip) // as widget.NewDateEntry
	f.PlaceHolder = typedDatePattern()
	f.setDate(d)
	return f
}

// CreateRenderer replaces DateEntry's check, which refuses an empty field
// and says so in Go's words, with the field's own.
func (f *dateField) CreateRenderer() fyne.WidgetRenderer {
	r := f.DateEntry.CreateRenderer()
	f.Validator = func(string) error {
		_, err := f.date()
		return err
	}
	return r
}

// TypedKey hands Escape to the window, as every field does (see textField),
// so that it closes the dialog in front.
func (f *dateField) TypedKey(k *fyne.KeyEvent) {
	if c := f.canvas(); k.Name == fyne.KeyEscape && c != nil && c.OnTypedKey() != nil {
		c.OnTypedKey()(k)
		return
	}
	f.DateEntry.TypedKey(k)
}

// TypedShortcut hands the window's commands, such as Ctrl+S, to the window
// and keeps the field's own (copy, paste, word moves).
func (f *dateField) TypedShortcut(s fyne.Shortcut) { fieldShortcut(f, s, f.DateEntry.TypedShortcut) }

func (f *dateField) canvas() fyne.Canvas { return canvasOf(f) }

// setDate shows d, or clears the field for the zero time.
func (f *dateField) setDate(d time.Time) {
	if d.IsZero() {
		f.SetDate(nil)
		return
	}
	f.SetDate(&d)
}

// date reads the field: the zero time when it is empty and optional.
func (f *dateField) date() (time.Time, error) {
	text := strings.TrimSpace(f.Text)
	if text == "" {
		if f.optional {
			return time.Time{}, nil
		}
		return time.Time{}, data.Errorf(data.EInvalid, "%s", fmt.Sprintf(lang.L("Choose a date from the calendar, or type one like %s."), typedDateExample()))
	}
	// ISO dates are read too: they are what the form asked for before the
	// calendar, and they cannot be mistaken for another day.
	for _, layout := range []string{typedDateLayout(), "2006-01-02"} {
		if d, err := time.Parse(layout, text); err == nil {
			return d, nil
		}
	}
	return time.Time{}, data.Errorf(data.EInvalid, "%s", fmt.Sprintf(lang.L("That is not a date. Choose one from the calendar, or type it like %s."), typedDateExample()))
}

// typedDateLayout is the layout DateEntry writes. Fyne keeps it private, but
// its layouts are all numeric, so Go's reference day written in the layout
// is the layout itself.
func typedDateLayout() string {
	probe := widget.NewDateEntry()
	ref := time.Date(2006, 1, 2, 15, 4, 5, 0, time.UTC)
	probe.SetDate(&ref)
	return probe.Text
}

// typedDateExample is a date written as a user types it, for hints.
func typedDateExample() string {
	return time.Date(2027, 3, 31, 0, 0, 0, 0, time.UTC).Format(typedDateLayout())
}

// typedDatePattern spells the typed layout as letters, such as DD/MM/YYYY,
// for the empty field: an example date there could be taken for a value.
func typedDatePattern() string {
	return strings.NewReplacer("2006", "YYYY", "01", "MM", "02", "DD").Replace(typedDateLayout())
}
