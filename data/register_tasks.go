package data

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Records ask for work: a review on each review date, a renewal before a
// contract or licence runs out, the actions of a risk's treatment. Those
// tasks are worked out from the records alone, so the task list can be
// brought up to date at any time without making a task twice: each one
// carries its record and field in SourceRef, "12#review_date".

// Task limits, as Task.Validate enforces them.
const (
	taskTitleLen       = 300
	taskDescriptionLen = 4000
)

// treatmentRef is the SourceRef field part of a risk's treatment task.
const treatmentRef = "actions"

// RecordTaskRef is the SourceRef of the task a record's field asks for.
func RecordTaskRef(recordID int64, field string) string {
	return strconv.FormatInt(recordID, 10) + "#" + field
}

// ParseRecordTaskRef reads a SourceRef of RecordTaskRef; ok is false for
// anything else.
func ParseRecordTaskRef(ref string) (recordID int64, field string, ok bool) {
	id, field, found := strings.Cut(ref, "#")
	n, err := strconv.ParseInt(id, 10, 64)
	if !found || err != nil || n < 1 || field == "" {
		return 0, "", false
	}
	return n, field, true
}

// RecordTasks are the tasks record r of reg asks for: one for each date
// field that makes tasks and has a date, due that day, and for a risk
// whose treatment calls for actions, one for those actions. A task whose
// work the record shows as done has status done: it is not created, and
// an open one is closed. The tasks carry no ID.
func RecordTasks(reg Register, r Record) []Task {
	ref := reg.Reference(r.Number)
	name := strings.TrimSpace(ref + " " + r.Get(reg.TitleField))
	ownerID := recordOwner(reg, r)
	var out []Task
	for _, f := range reg.Fields {
		if f.Task == "" || f.Type != FieldDate {
			continue
		}
		due, ok := r.Date(f.Key)
		if !ok {
			continue
		}
		taskOwner := ownerID
		if ids := r.IDs(f.TaskOwner); f.TaskOwner != "" && len(ids) > 0 {
			taskOwner = ids[0]
		}
		t := Task{
			Title:       clip(f.Task+" "+name, taskTitleLen),
			Description: clip(fmt.Sprintf("%s of %s in the %s register.", f.Label, name, strings.ToLower(reg.Title)), taskDescriptionLen),
			OwnerID:     taskOwner, Due: due, Status: TaskOpen,
			SourceKind: SourceRecord, SourceRef: RecordTaskRef(r.ID, f.Key),
		}
		if done := strings.TrimSpace(r.Get(f.TaskDoneBy)); f.TaskDoneBy != "" && done != "" && (f.TaskDoneAt == nil || slices.Contains(f.TaskDoneAt, done)) {
			t.Status = TaskDone
		}
		out = append(out, t)
	}
	if reg.Key == "risks" && treatmentActs(r.Get("treatment")) && strings.TrimSpace(r.Get("actions")) != "" {
		t := Task{
			Title:       clip("Treat "+name, taskTitleLen),
			Description: clip("Treatment actions: "+strings.TrimSpace(r.Get("actions")), taskDescriptionLen),
			OwnerID:     ownerID, Status: TaskOpen,
			SourceKind: SourceRecord, SourceRef: RecordTaskRef(r.ID, treatmentRef),
		}
		t.Due, _ = r.Date("treatment_due")
		if r.Get("treatment_status") == "done" {
			t.Status = TaskDone
		}
		out = append(out, t)
	}
	return out
}

// recordOwner is who a record's tasks go to: its owner, or else the first
// person it names.
func recordOwner(reg Register, r Record) int64 {
	if f, ok := reg.Field("owner"); ok && f.Type == FieldPerson {
		if ids := r.IDs("owner"); len(ids) > 0 {
			return ids[0]
		}
	}
	for _, f := range reg.Fields {
		if ids := r.IDs(f.Key); f.Type == FieldPerson && len(ids) > 0 {
			return ids[0]
		}
	}
	return 0
}

func clip(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// makesTasks tells whether any record of reg can ask for a task.
func makesTasks(reg Register) bool {
	if reg.Key == "risks" {
		return true
	}
	for _, f := range reg.Fields {
		if f.Task != "" {
			return true
		}
	}
	return false
}

// TaskChanges are what bringing tasks up to date with records does.
type TaskChanges struct {
	Create []Task
	Update []Task // the stored tasks, changed
	Delete []Task
}

// Empty tells whether nothing needs doing.
func (c TaskChanges) Empty() bool { return len(c.Create)+len(c.Update)+len(c.Delete) == 0 }

// PlanRecordTasks compares the tasks records ask for with the tasks
// stored, and says what to change so that each wanted task exists once.
// Only stored tasks of SourceRecord whose record inScope accepts are
// considered, so that syncing one record leaves the others' tasks alone.
//
//   - A wanted task not stored is created, unless its work is done.
//   - An open stored task takes the wanted title, description, owner and
//     due date, and is closed when the record shows the work done.
//   - A closed stored task stays closed, unless its due date moved while
//     the work is not done: that is the next review, and it reopens.
//   - An open stored task no record asks for any more is deleted; a closed
//     one is kept as the record of work done.
func PlanRecordTasks(wanted, stored []Task, inScope func(recordID int64) bool) TaskChanges {
	var ch TaskChanges
	byRef := map[string]Task{}
	for _, t := range stored {
		if t.SourceKind != SourceRecord {
			continue
		}
		id, _, ok := ParseRecordTaskRef(t.SourceRef)
		if !ok || !inScope(id) {
			continue
		}
		if _, dup := byRef[t.SourceRef]; dup {
			if t.Status == TaskOpen {
				ch.Delete = append(ch.Delete, t)
			}
			continue
		}
		byRef[t.SourceRef] = t
	}
	seen := map[string]bool{}
	for _, w := range wanted {
		if seen[w.SourceRef] {
			continue
		}
		seen[w.SourceRef] = true
		s, ok := byRef[w.SourceRef]
		switch {
		case !ok:
			if w.Status == TaskOpen {
				ch.Create = append(ch.Create, w)
			}
		case s.Status == TaskOpen:
			if u, changed := takeOver(s, w, w.Status); changed {
				ch.Update = append(ch.Update, u)
			}
		case w.Status == TaskOpen && !s.Due.Equal(w.Due):
			u, _ := takeOver(s, w, TaskOpen)
			ch.Update = append(ch.Update, u)
		}
	}
	refs := make([]string, 0, len(byRef))
	for ref := range byRef {
		refs = append(refs, ref)
	}
	sort.Strings(refs)
	for _, ref := range refs {
		if s := byRef[ref]; !seen[ref] && s.Status == TaskOpen {
			ch.Delete = append(ch.Delete, s)
		}
	}
	return ch
}

// takeOver is stored task s with wanted w's words, owner, due date and
// status; changed is false when it already had them.
func takeOver(s, w Task, status TaskStatus) (Task, bool) {
	u := s
	u.Title, u.Description, u.OwnerID, u.Due, u.Status = w.Title, w.Description, w.OwnerID, w.Due, status
	changed := u.Title != s.Title || u.Description != s.Description || u.OwnerID != s.OwnerID || !u.Due.Equal(s.Due) || u.Status != s.Status
	return u, changed
}

// TaskSyncSummary counts what a sync did.
type TaskSyncSummary struct{ Created, Updated, Deleted int }

// RecordTaskStore is what syncing record tasks reads and writes.
type RecordTaskStore interface {
	RegisterService
	TaskService
}

// SyncRecordTasks brings the tasks of every record up to date: run it
// after an import, on opening the task list, or whenever records may have
// changed behind the app's back. Running it twice changes nothing the
// second time.
func SyncRecordTasks(ctx context.Context, ws RecordTaskStore) (TaskSyncSummary, error) {
	regs, err := ws.Registers(ctx)
	if err != nil {
		return TaskSyncSummary{}, fmt.Errorf("sync record tasks: %w", err)
	}
	var wanted []Task
	for _, reg := range regs {
		if !makesTasks(reg) {
			continue
		}
		page, err := ws.Records(ctx, RecordQuery{Register: reg.Key})
		if err != nil {
			return TaskSyncSummary{}, fmt.Errorf("sync record tasks: %w", err)
		}
		for _, r := range page.Records {
			wanted = append(wanted, RecordTasks(reg, r)...)
		}
	}
	return applyRecordTasks(ctx, ws, wanted, func(int64) bool { return true })
}

// SyncTasksOfRecord brings the tasks of one record up to date, after it
// was saved or deleted: a deleted record's open tasks go.
func SyncTasksOfRecord(ctx context.Context, ws RecordTaskStore, id int64) (TaskSyncSummary, error) {
	var wanted []Task
	r, err := ws.Record(ctx, id)
	switch {
	case err == nil:
		regs, err := ws.Registers(ctx)
		if err != nil {
			return TaskSyncSummary{}, fmt.Errorf("sync tasks of record: %w", err)
		}
		for _, reg := range regs {
			if reg.Key == r.Register {
				wanted = RecordTasks(reg, r)
			}
		}
	case ErrorCode(err) != ENotFound:
		return TaskSyncSummary{}, fmt.Errorf("sync tasks of record: %w", err)
	}
	return applyRecordTasks(ctx, ws, wanted, func(rid int64) bool { return rid == id })
}

func applyRecordTasks(ctx context.Context, ws TaskService, wanted []Task, inScope func(int64) bool) (TaskSyncSummary, error) {
	var sum TaskSyncSummary
	stored, err := ws.Tasks(ctx)
	if err != nil {
		return sum, fmt.Errorf("sync record tasks: %w", err)
	}
	ch := PlanRecordTasks(wanted, stored, inScope)
	if b, ok := ws.(TaskBatch); ok && len(ch.Create)+len(ch.Update) > 1 {
		// one transaction for an import's thousands of reviews
		if err := b.SaveTasks(ctx, append(append([]Task(nil), ch.Create...), ch.Update...)); err != nil {
			return sum, fmt.Errorf("sync record tasks: %w", err)
		}
		sum.Created, sum.Updated = len(ch.Create), len(ch.Update)
		ch.Create, ch.Update = nil, nil
	}
	for _, t := range ch.Create {
		if _, err := ws.SaveTask(ctx, t); err != nil {
			return sum, fmt.Errorf("create task %q: %w", t.Title, err)
		}
		sum.Created++
	}
	for _, t := range ch.Update {
		if _, err := ws.SaveTask(ctx, t); err != nil {
			return sum, fmt.Errorf("update task %q: %w", t.Title, err)
		}
		sum.Updated++
	}
	for _, t := range ch.Delete {
		if err := ws.DeleteTask(ctx, t); err != nil {
			return sum, fmt.Errorf("delete task %q: %w", t.Title, err)
		}
		sum.Deleted++
	}
	return sum, nil
}
