package data

import (
	"math"
	"strings"
	"testing"
	"time"
)

// smallCatalogue is a two-clause standard with a four-step roadmap:
// s1 → s2, s1 → s3, {s2, s3} → s4.
func smallCatalogue(t *testing.T) *Catalogue {
	t.Helper()
	c, err := NewCatalogue([]Clause{
		{Number: "4", Title: "Context", Guidance: "g"},
		{Number: "4.1", Title: "Issues", Parent: "4", Guidance: "g"},
		{Number: "5", Title: "Leadership", Guidance: "g"},
		{Number: "5.1", Title: "Commitment", Parent: "5", Guidance: "g"},
	})
	if err != nil {
		t.Fatal(err)
	}
	step := func(id, title string, days int, pre ...string) Step {
		return Step{ID: id, Phase: "p", Title: title, WhatToDo: "w", DurationDays: days, Checklist: []string{"x"}, Clauses: []string{"4.1"}, Prerequisites: pre}
	}
	c, err = c.withGuidance(Roadmap{
		Phases: []Phase{{ID: "p", Title: "Phase"}},
		Steps: []Step{
			step("s1", "Sponsor", 10),
			step("s2", "Scope", 20, "s1"),
			step("s3", "Policy", 5, "s1"),
			step("s4", "Audit", 30, "s2", "s3"),
		},
	}, []Question{
		{ID: "q-4.1-1", Clause: "4.1", Text: "t", Evidence: "e", Hint: "h"},
		{ID: "q-4.1-2", Clause: "4.1", Text: "t", Evidence: "e", Hint: "h"},
		{ID: "q-5.1-1", Clause: "5.1", Text: "t", Evidence: "e", Hint: "h"},
	})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestCheckStepStatusRefusesDoneWhilePrerequisitesAreOpen(t *testing.T) {
	c := smallCatalogue(t)
	tests := []struct {
		name     string
		progress map[string]StepProgress
		step     string
		status   StepStatus
		want     string // "" for allowed
	}{
		{"first step has no prerequisites", nil, "s1", StepDone, ""},
		{"open prerequisite", nil, "s2", StepDone, `"Scope" cannot be marked done while "Sponsor" is still open.`},
		{"in progress is always allowed", nil, "s4", StepInProgress, ""},
		{"two open prerequisites", map[string]StepProgress{"s1": {Status: StepDone}}, "s4", StepDone, `while "Scope" and "Policy" are still open`},
		{"not applicable closes a prerequisite", map[string]StepProgress{"s1": {Status: StepDone}, "s2": {Status: StepNotApplicable}, "s3": {Status: StepDone}}, "s4", StepDone, ""},
		{"unknown step", nil, "s9", StepDone, "There is no roadmap step s9."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CheckStepStatus(c, tt.progress, tt.step, tt.status)
			got := ErrorMessage(err)
			if tt.want == "" && err != nil || tt.want != "" && !strings.Contains(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestScheduleBackFromTheTargetDate(t *testing.T) {
	c := smallCatalogue(t)
	target := time.Date(2027, 6, 30, 0, 0, 0, 0, time.UTC)
	got := ScheduleBack(c, target)
	want := map[string]time.Time{
		"s4": target,                    // nothing depends on it
		"s2": target.AddDate(0, 0, -30), // s4 must start 30 days before
		"s3": target.AddDate(0, 0, -30), // likewise
		"s1": target.AddDate(0, 0, -50), // s2 (20 days) must start before s3 (5 days)
	}
	for id, w := range want {
		if !got[id].Equal(w) {
			t.Errorf("due(%s) = %s, want %s", id, got[id].Format("2006-01-02"), w.Format("2006-01-02"))
		}
	}
}

func TestScore(t *testing.T) {
	c := smallCatalogue(t)
	tests := []struct {
		name    string
		answers map[string]Answer
		overall float64
		top4    float64
		top5    float64
	}{
		{"empty assessment", nil, -1, -1, -1},
		{"all fours is 100 %", map[string]Answer{"q-4.1-1": {Score: 4}, "q-4.1-2": {Score: 4}, "q-5.1-1": {Score: 4}}, 100, 100, 100},
		{"not applicable is excluded", map[string]Answer{"q-4.1-1": {Score: 2}, "q-4.1-2": {Score: MaturityNA, NAReason: "r"}, "q-5.1-1": {Score: 4}}, 75, 50, 100},
		{"unanswered is excluded", map[string]Answer{"q-4.1-1": {Score: 1}}, 25, 25, -1},
		{"all zero", map[string]Answer{"q-4.1-1": {Score: 0}, "q-4.1-2": {Score: 0}, "q-5.1-1": {Score: 0}}, 0, 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := Score(c, tt.answers)
			for _, g := range []struct {
				what      string
				got, want float64
			}{{"overall", s.Overall.Percent(), tt.overall}, {"clause 4", s.ByTop[0].Percent(), tt.top4}, {"clause 5", s.ByTop[1].Percent(), tt.top5}} {
				if math.Abs(g.got-g.want) > 1e-9 {
					t.Errorf("%s = %v, want %v", g.what, g.got, g.want)
				}
			}
		})
	}
}

func TestCompareAndGaps(t *testing.T) {
	c := smallCatalogue(t)
	before := map[string]Answer{"q-4.1-1": {QuestionID: "q-4.1-1", Score: 1}, "q-5.1-1": {QuestionID: "q-5.1-1", Score: 2}}
	after := map[string]Answer{"q-4.1-1": {QuestionID: "q-4.1-1", Score: 3}, "q-5.1-1": {QuestionID: "q-5.1-1", Score: 4}, "q-4.1-2": {QuestionID: "q-4.1-2", Score: 0}}
	changes := Compare(Score(c, before), Score(c, after))
	if got, want := len(changes), 2; got != want {
		t.Fatalf("changes = %d, want %d", got, want)
	}
	if got, want := changes[0], (ClauseChange{Clause: "4", Before: 25, After: 37.5}); got != want {
		t.Errorf("clause 4 change = %+v, want %+v", got, want)
	}
	gaps := Gaps(c, after)
	var ids []string
	for _, g := range gaps {
		ids = append(ids, g.Question.ID)
	}
	if got, want := strings.Join(ids, ","), "q-4.1-2,q-4.1-1"; got != want {
		t.Errorf("gaps = %s, want %s (lowest first, fours excluded)", got, want)
	}
}

func TestSummaryAndNextStep(t *testing.T) {
	c := smallCatalogue(t)
	progress := map[string]StepProgress{"s1": {Status: StepDone}, "s3": {Status: StepInProgress}}
	_, all := SummariseRoadmap(c, progress)
	if got, want := all, (RoadmapSummary{Phase: Phase{ID: "all", Title: "Overall"}, Total: 4, Done: 1}); got != want {
		t.Errorf("summary = %+v, want %+v", got, want)
	}
	next, ok := NextStep(c, progress)
	if !ok || next.ID != "s2" {
		t.Errorf("next = %s, %v; want s2", next.ID, ok)
	}
}

func TestTasksSortOverdueFirst(t *testing.T) {
	now := time.Date(2026, 11, 25, 15, 0, 0, 0, time.UTC)
	day := func(d int) time.Time { return time.Date(2026, 11, d, 0, 0, 0, 0, time.UTC) }
	tasks := []Task{
		{Title: "done long ago", Status: TaskDone, Due: day(1)},
		{Title: "undated", Status: TaskOpen},
		{Title: "due today", Status: TaskOpen, Due: day(25)},
		{Title: "a bit overdue", Status: TaskOpen, Due: day(20)},
		{Title: "very overdue", Status: TaskOpen, Due: day(2)},
		{Title: "next week", Status: TaskOpen, Due: day(30)},
	}
	SortTasks(tasks, now)
	var got []string
	for _, t := range tasks {
		got = append(got, t.Title)
	}
	want := "very overdue,a bit overdue,due today,next week,undated,done long ago"
	if strings.Join(got, ",") != want {
		t.Errorf("order = %s, want %s", strings.Join(got, ","), want)
	}
	if got, want := CountOverdue(tasks, now), 2; got != want {
		t.Errorf("overdue = %d, want %d", got, want)
	}
}

func TestAnswerAndStepValidation(t *testing.T) {
	tests := []struct {
		name  string
		err   error
		field string
	}{
		{"score too high", Answer{Score: 5}.Validate(), "Score"},
		{"NA needs reason", Answer{Score: MaturityNA}.Validate(), "NAReason"},
		{"step NA needs reason", StepProgress{Status: StepNotApplicable}.Validate(), "NAReason"},
		{"unknown status", StepProgress{Status: "nearly"}.Validate(), "Status"},
		{"task title", Task{Status: TaskOpen, SourceKind: SourceManual}.Validate(), "Title"},
		{"assessment date", Assessment{Title: "Baseline"}.Validate(), "Date"},
	}
	for _, tt := range tests {
		if FieldMessage(tt.err, tt.field) == "" {
			t.Errorf("%s: no message for %s in %v", tt.name, tt.field, tt.err)
		}
	}
	if err := (Answer{Score: 3}).Validate(); err != nil {
		t.Errorf("a valid answer was refused: %v", err)
	}
}

func TestOverdueComparesCalendarDays(t *testing.T) {
	est := time.FixedZone("EST", -5*3600)
	due := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		now  time.Time
		want bool
	}{
		{time.Date(2026, 12, 1, 10, 0, 0, 0, est), false},
		{time.Date(2026, 12, 1, 23, 0, 0, 0, est), false},
		{time.Date(2026, 12, 2, 0, 30, 0, 0, est), true},
		{time.Date(2026, 12, 1, 23, 59, 0, 0, time.UTC), false},
	}
	for _, tt := range tests {
		if got := (Task{Status: TaskOpen, Due: due}).Overdue(tt.now); got != tt.want {
			t.Errorf("Overdue(%s) = %v, want %v", tt.now, got, tt.want)
		}
	}
}
