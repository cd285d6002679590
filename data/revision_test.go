package data_test

import (
	"testing"
	"time"

	"smsbuilder/data"
)

func TestConflictError(t *testing.T) {
	now := time.Date(2026, 12, 1, 16, 5, 0, 0, time.UTC)
	tests := []struct {
		name  string
		c     data.Conflict
		dates data.DateFormat
		want  string
	}{
		{"today: the time alone", data.Conflict{What: "this task", Actor: "Bob Lee", At: time.Date(2026, 12, 1, 10, 41, 7, 0, time.UTC)}, "2 January 2006",
			"Bob Lee changed this task at 10:41, after you opened it: reload to see the change."},
		{"another day: with the date as the workspace prints it", data.Conflict{What: "the organisation profile", Actor: "Priya Raman", At: time.Date(2026, 11, 28, 9, 12, 0, 0, time.UTC)}, "02/01/2006",
			"Priya Raman changed the organisation profile at 09:12 on 28/11/2026, after you opened it: reload to see the change."},
		{"in the reader's time zone", data.Conflict{What: "this answer", Actor: "Bob Lee", At: time.Date(2026, 11, 30, 22, 0, 0, 0, time.FixedZone("EST", -5*3600))}, "2006-01-02",
			"Bob Lee changed this answer at 03:00, after you opened it: reload to see the change."},
		{"deleted", data.Conflict{What: "this task", Actor: "Bob Lee", At: time.Date(2026, 12, 1, 10, 41, 0, 0, time.UTC), Delete: true}, "",
			"Bob Lee deleted this task at 10:41, after you opened it: your change was not saved."},
		{"the trail says nothing", data.Conflict{What: "this document"}, "",
			"This document was changed after you opened it: reload to see the change."},
	}
	for _, tt := range tests {
		e := data.ConflictError(tt.c, now, tt.dates)
		if e.Code != data.EConflict || e.Message != tt.want {
			t.Errorf("%s: ConflictError() = %s %q\nwant %s %q", tt.name, e.Code, e.Message, data.EConflict, tt.want)
		}
	}
}
