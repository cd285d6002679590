package data

import (
	"math"
	"slices"
	"time"
)

// ObjectiveResult is one measurement of an objective read against the
// target it had then.
type ObjectiveResult struct {
	Date      time.Time
	Period    string
	Actual    float64
	Target    float64
	HasTarget bool
	Met       bool // the actual meets the target; false without one
}

// ObjectiveTrend is an objective with its results, oldest first.
type ObjectiveTrend struct {
	Objective Record
	Results   []ObjectiveResult
	// Met of Judged results met their target; a result without a target
	// is not judged.
	Met, Judged int
}

// Latest is the newest result; ok is false when there is none.
func (t ObjectiveTrend) Latest() (ObjectiveResult, bool) {
	if len(t.Results) == 0 {
		return ObjectiveResult{}, false
	}
	return t.Results[len(t.Results)-1], true
}

// Range is the span of values a chart of the trend shows: every result
// and every target.
func (t ObjectiveTrend) Range() (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, r := range t.Results {
		lo, hi = math.Min(lo, r.Actual), math.Max(hi, r.Actual)
		if r.HasTarget {
			lo, hi = math.Min(lo, r.Target), math.Max(hi, r.Target)
		}
	}
	return lo, hi
}

// ObjectiveTrends reads the measurements register against the objectives
// register: for each objective with a measurement, in the order given,
// its results by date. A result is judged against the target recorded
// with it, or else the objective's own, in the objective's direction.
func ObjectiveTrends(objectives, measurements []Record) []ObjectiveTrend {
	byObjective := map[int64][]Record{}
	for _, m := range measurements {
		for _, id := range m.IDs("objective") {
			byObjective[id] = append(byObjective[id], m)
		}
	}
	var out []ObjectiveTrend
	for _, o := range objectives {
		ms := byObjective[o.ID]
		if len(ms) == 0 {
			continue
		}
		t := ObjectiveTrend{Objective: o}
		own, hasOwn := o.Num("target")
		for _, m := range ms {
			date, okDate := m.Date("date")
			actual, okActual := m.Num("actual")
			if !okDate || !okActual {
				continue
			}
			res := ObjectiveResult{Date: date, Period: m.Get("period"), Actual: actual}
			if target, ok := m.Num("target"); ok {
				res.Target, res.HasTarget = target, true
			} else if hasOwn {
				res.Target, res.HasTarget = own, true
			}
			if res.HasTarget {
				t.Judged++
				if o.Get("direction") == "at_most" {
					res.Met = actual <= res.Target
				} else {
					res.Met = actual >= res.Target
				}
				if res.Met {
					t.Met++
				}
			}
			t.Results = append(t.Results, res)
		}
		slices.SortStableFunc(t.Results, func(a, b ObjectiveResult) int { return a.Date.Compare(b.Date) })
		if len(t.Results) > 0 {
			out = append(out, t)
		}
	}
	return out
}
