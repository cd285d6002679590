package data

import (
	"testing"
	"time"
)

func TestLockHolderWords(t *testing.T) {
	now := time.Date(2026, 12, 1, 11, 30, 0, 0, time.UTC)
	tests := []struct {
		name            string
		h               LockHolder
		who, since, age string
	}{
		{"today", LockHolder{Person: "Priya Raman", Host: "LAPTOP-3", Since: time.Date(2026, 12, 1, 9, 12, 0, 0, time.UTC)}, "Priya Raman on LAPTOP-3", "09:12", "for 2 hours"},
		{"yesterday", LockHolder{Person: "Priya Raman", Host: "LAPTOP-3", Since: time.Date(2026, 11, 30, 17, 5, 0, 0, time.UTC)}, "Priya Raman on LAPTOP-3", "30 Nov 2026 17:05", "for 18 hours"},
		{"minutes", LockHolder{Person: "Bob Lee", Host: "DESK-1", Since: now.Add(-25 * time.Minute)}, "Bob Lee on DESK-1", "11:05", "for 25 minutes"},
		{"days", LockHolder{Person: "Bob Lee", Host: "DESK-1", Since: now.Add(-72 * time.Hour)}, "Bob Lee on DESK-1", "28 Nov 2026 11:30", "for 3 days"},
		{"names no one", LockHolder{}, "someone on an unknown computer", "an unknown time", "for an unknown time"},
		{"unknown person", LockHolder{Person: "unknown", Host: "DESK-1", Since: now}, "someone on DESK-1", "11:30", "for a minute"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.h.Who(); got != tt.who {
				t.Errorf("Who() = %q, want %q", got, tt.who)
			}
			if got := tt.h.SinceText(now); got != tt.since {
				t.Errorf("SinceText() = %q, want %q", got, tt.since)
			}
			if got := tt.h.Age(now); got != tt.age {
				t.Errorf("Age() = %q, want %q", got, tt.age)
			}
		})
	}
}
