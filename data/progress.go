package data

import (
	"context"
	"fmt"
	"strings"
	"time"
)

// StepStatus is how far the organisation is with a roadmap step.
type StepStatus string

const (
	StepNotStarted    StepStatus = "not-started"
	StepInProgress    StepStatus = "in-progress"
	StepDone          StepStatus = "done"
	StepNotApplicable StepStatus = "not-applicable"
)

// StepStatuses lists the statuses in display order.
func StepStatuses() []StepStatus {
	return []StepStatus{StepNotStarted, StepInProgress, StepDone, StepNotApplicable}
}

// Label is the plain name of the status.
func (s StepStatus) Label() string {
	switch s {
	case StepInProgress:
		return "In progress"
	case StepDone:
		return "Done"
	case StepNotApplicable:
		return "Not applicable"
	}
	return "Not started"
}

// Closed reports whether the step no longer blocks the steps after it.
func (s StepStatus) Closed() bool { return s == StepDone || s == StepNotApplicable }

// StepProgress is the organisation's state of one roadmap step.
type StepProgress struct {
	StepID    string
	Status    StepStatus
	OwnerID   int64     // 0 when nobody owns it yet
	Due       time.Time // zero when not planned
	Notes     string
	NAReason  string // why the step does not apply
	UpdatedAt time.Time
	Revision  Revision

	Unreadable BadValues // stored values that could not be read; see Unreadable
}

// Plan holds the organisation's roadmap planning choices.
type Plan struct {
	TargetDate time.Time // the certification date aimed for; zero when not set
	Revision   Revision

	Unreadable BadValues // stored values that could not be read; see Unreadable
}

// RoadmapService keeps the progress on the roadmap.
type RoadmapService interface {
	// StepProgress returns the stored progress by step id; steps never
	// touched are absent and count as not started.
	StepProgress(ctx context.Context) (map[string]StepProgress, error)
	SaveStepProgress(ctx context.Context, p StepProgress) (StepProgress, error)
	Plan(ctx context.Context) (Plan, error)
	SavePlan(ctx context.Context, p Plan) (Plan, error)
}

// Validate checks a step's progress on its own; CheckStepStatus checks it
// against the roadmap.
func (p StepProgress) Validate() error {
	var v validation
	known := false
	for _, s := range StepStatuses() {
		known = known || p.Status == s
	}
	if !known {
		v.add("Status", "Choose a status for the step.")
	}
	if p.Status == StepNotApplicable && strings.TrimSpace(p.NAReason) == "" {
		v.add("NAReason", "Say why the step does not apply.")
	}
	v.maxLen("Notes", p.Notes, "Notes", 4000)
	v.maxLen("NAReason", p.NAReason, "Reason", 1000)
	return v.err("step")
}

// CheckStepStatus refuses to mark a step done while a prerequisite is open,
// naming the prerequisite.
func CheckStepStatus(cat *Catalogue, progress map[string]StepProgress, stepID string, status StepStatus) error {
	step, ok := cat.Step(stepID)
	if !ok {
		return Errorf(ENotFound, "There is no roadmap step %s.", stepID)
	}
	if status != StepDone {
		return nil
	}
	var open []string
	for _, pre := range step.Prerequisites {
		if !progress[pre].Status.Closed() {
			p, _ := cat.Step(pre)
			open = append(open, fmt.Sprintf("%q", p.Title))
		}
	}
	if len(open) > 0 {
		return &Error{Code: EInvalid, Message: fmt.Sprintf("%q cannot be marked done while %s %s still open.", step.Title, strings.Join(open, " and "), plural(len(open), "is", "are")),
			Fields: []FieldError{{Field: "Status", Message: "Finish " + strings.Join(open, " and ") + " first."}}}
	}
	return nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// ScheduleBack proposes a due date for every step so that the last steps
// finish on target: a step is due when the earliest of the steps that need
// it must start. Durations are the catalogue's typical days.
func ScheduleBack(cat *Catalogue, target time.Time) map[string]time.Time {
	steps := cat.Steps()
	dependents := map[string][]Step{}
	for _, s := range steps {
		for _, p := range s.Prerequisites {
			dependents[p] = append(dependents[p], s)
		}
	}
	due := map[string]time.Time{}
	var dueOf func(s Step) time.Time
	dueOf = func(s Step) time.Time {
		if d, ok := due[s.ID]; ok {
			return d
		}
		d := target
		for _, dep := range dependents[s.ID] {
			if start := dueOf(dep).AddDate(0, 0, -dep.DurationDays); start.Before(d) {
				d = start
			}
		}
		due[s.ID] = d
		return d
	}
	for _, s := range steps {
		dueOf(s)
	}
	return due
}

// RoadmapSummary counts steps by phase for progress bars.
type RoadmapSummary struct {
	Phase       Phase
	Total, Done int // Done counts done and not-applicable steps
}

// SummariseRoadmap counts closed steps per phase, in phase order, and overall.
func SummariseRoadmap(cat *Catalogue, progress map[string]StepProgress) ([]RoadmapSummary, RoadmapSummary) {
	var out []RoadmapSummary
	var all RoadmapSummary
	all.Phase = Phase{ID: "all", Title: "Overall"}
	for _, ph := range cat.Phases() {
		sum := RoadmapSummary{Phase: ph}
		for _, s := range cat.Steps() {
			if s.Phase != ph.ID {
				continue
			}
			sum.Total++
			if progress[s.ID].Status.Closed() {
				sum.Done++
			}
		}
		all.Total += sum.Total
		all.Done += sum.Done
		out = append(out, sum)
	}
	return out, all
}

// NextStep is the first open step whose prerequisites are all closed.
func NextStep(cat *Catalogue, progress map[string]StepProgress) (Step, bool) {
	for _, s := range cat.Steps() {
		if progress[s.ID].Status.Closed() {
			continue
		}
		ready := true
		for _, p := range s.Prerequisites {
			ready = ready && progress[p].Status.Closed()
		}
		if ready {
			return s, true
		}
	}
	return Step{}, false
}
