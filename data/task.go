package data

import (
	"context"
	"slices"
	"sort"
	"strings"
	"time"
)

// TaskStatus is whether a task is still to do.
type TaskStatus string

const (
	TaskOpen TaskStatus = "open"
	TaskDone TaskStatus = "done"
)

// TaskStatuses lists every task status, open first.
func TaskStatuses() []TaskStatus { return []TaskStatus{TaskOpen, TaskDone} }

// Task sources: where a task came from. Later parts add findings, corrective
// actions and document reviews.
const (
	SourceManual   = "manual"
	SourceStep     = "step"     // Ref is the step id; a checklist item
	SourceQuestion = "question" // Ref is the question id; a gap action
	SourceRecord   = "record"   // Ref is a record's ID and field, see RecordTaskRef
	SourceAction   = "action"   // Ref is a record's ID, see RecordActionRef
)

// TaskSourceChoices are the task sources with the labels the tasks
// register shows: a new source is declared here and nowhere else.
func TaskSourceChoices() []Choice {
	return []Choice{
		{Key: SourceManual, Label: "Entered by hand"},
		{Key: SourceStep, Label: "Roadmap step"},
		{Key: SourceQuestion, Label: "Gap question"},
		{Key: SourceRecord, Label: "Register record"},
		{Key: SourceAction, Label: "Action of a record"},
	}
}

// TaskSources lists every source a task may come from.
func TaskSources() []string {
	var out []string
	for _, c := range TaskSourceChoices() {
		out = append(out, c.Key)
	}
	return out
}

// Task is a piece of work with an owner and a due date.
type Task struct {
	ID          int64
	Number      int // in the tasks register: the 12 of TSK-12
	Title       string
	Description string
	OwnerID     int64     // 0 when unassigned
	Due         time.Time // zero when none
	Status      TaskStatus
	SourceKind  string
	SourceRef   string
	CreatedAt   time.Time
	UpdatedAt   time.Time
	Revision    Revision

	Unreadable BadValues // stored values that could not be read; see Unreadable
}

// Validate checks the task's fields.
func (t Task) Validate() error {
	var v validation
	v.required("Title", t.Title, "Title")
	v.maxLen("Title", t.Title, "Title", 300)
	v.maxLen("Description", t.Description, "Description", 4000)
	if t.Status != TaskOpen && t.Status != TaskDone {
		v.add("Status", "Choose open or done.")
	}
	if !slices.Contains(TaskSources(), t.SourceKind) {
		v.add("SourceKind", "Unknown task source %q.", t.SourceKind)
	}
	// An open action raised against a record (a corrective action, a
	// review's decision) is what an auditor follows up: who does it, and
	// by when.
	if t.SourceKind == SourceAction && t.Status == TaskOpen {
		if t.OwnerID == 0 {
			v.add("OwnerID", "Say who carries out the action.")
		}
		if t.Due.IsZero() {
			v.add("Due", "Say when the action is due.")
		}
	}
	return v.err("task")
}

// Overdue reports whether the task is open and its due day has passed.
// Due dates are calendar days stored as midnight UTC, so today is compared
// as the calendar day now shows where the user is.
func (t Task) Overdue(now time.Time) bool {
	return t.Status == TaskOpen && !t.Due.IsZero() && t.Due.Before(calendarDay(now))
}

func calendarDay(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// TaskService keeps tasks.
type TaskService interface {
	Tasks(ctx context.Context) ([]Task, error)
	SaveTask(ctx context.Context, t Task) (Task, error)
	DeleteTask(ctx context.Context, t Task) error
	// RestoreTask brings a deleted task back under its own ID.
	RestoreTask(ctx context.Context, t Task) (Task, error)
}

// TaskBatch is a TaskService that saves many tasks in one transaction:
// all of them or none.
type TaskBatch interface {
	SaveTasks(ctx context.Context, ts []Task) error
}

// SortTasks orders tasks for the task list: overdue first (most overdue
// first), then open by due date (undated last), then done.
func SortTasks(tasks []Task, now time.Time) {
	rank := func(t Task) int {
		switch {
		case t.Overdue(now):
			return 0
		case t.Status == TaskOpen:
			return 1
		}
		return 2
	}
	sort.SliceStable(tasks, func(i, j int) bool {
		a, b := tasks[i], tasks[j]
		if ra, rb := rank(a), rank(b); ra != rb {
			return ra < rb
		}
		if a.Due.IsZero() != b.Due.IsZero() {
			return !a.Due.IsZero()
		}
		if !a.Due.Equal(b.Due) {
			return a.Due.Before(b.Due)
		}
		return strings.ToLower(a.Title) < strings.ToLower(b.Title)
	})
}

// CountOverdue counts open tasks past their due date.
func CountOverdue(tasks []Task, now time.Time) int {
	n := 0
	for _, t := range tasks {
		if t.Overdue(now) {
			n++
		}
	}
	return n
}
