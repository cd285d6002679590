package data

import "testing"

func TestObjectiveTrends(t *testing.T) {
	objectives, _ := FindRegister("objectives")
	measurements, _ := FindRegister("measurements")
	objective := func(id int64, title, target, direction string) Record {
		r := NewRecord(objectives)
		r.ID = id
		r.Set("title", title)
		r.Set("target", target)
		r.Set("direction", direction)
		return r
	}
	result := func(objective int64, date, actual, target string) Record {
		r := NewRecord(measurements)
		r.SetIDs("objective", []int64{objective})
		r.Set("date", date)
		r.Set("actual", actual)
		r.Set("target", target)
		return r
	}
	avail := objective(1, "Availability", "99.5", "at_least")
	hours := objective(2, "Hours to resolve P2", "8", "at_most")
	unmeasured := objective(3, "Customer satisfaction", "4", "at_least")
	got := ObjectiveTrends([]Record{avail, hours, unmeasured}, []Record{
		result(1, "2026-02-28", "99.1", ""),
		result(1, "2026-01-31", "99.7", ""),
		result(2, "2026-01-31", "9", "10"), // the target was 10 then
		result(2, "2026-02-28", "7.5", ""),
	})
	if len(got) != 2 {
		t.Fatalf("got %d trends, want 2: an objective without measurements has none", len(got))
	}
	tests := []struct {
		trend        ObjectiveTrend
		met, judged  int
		firstActual  float64
		latestTarget float64
	}{
		{got[0], 1, 2, 99.7, 99.5},
		{got[1], 2, 2, 9, 8},
	}
	for _, tt := range tests {
		latest, _ := tt.trend.Latest()
		if tt.trend.Met != tt.met || tt.trend.Judged != tt.judged || tt.trend.Results[0].Actual != tt.firstActual || latest.Target != tt.latestTarget {
			t.Errorf("%s: got met %d of %d, first %v, latest target %v; want %d of %d, %v, %v", tt.trend.Objective.Get("title"),
				tt.trend.Met, tt.trend.Judged, tt.trend.Results[0].Actual, latest.Target, tt.met, tt.judged, tt.firstActual, tt.latestTarget)
		}
	}
}
