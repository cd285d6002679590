package data

import "time"

// Tasks are kept as the records of the tasks register, so that other
// programs read them like any register and the engine's storage, trail and
// checks serve them; Task stays the shape the task list, the roadmap and
// the packs work with.

// TasksRegister is the key of the tasks register.
const TasksRegister = "tasks"

func tasksRegister() Register {
	statuses := make([]Choice, 0, len(TaskStatuses()))
	for _, s := range TaskStatuses() {
		statuses = append(statuses, Choice{Key: string(s), Label: s.Label()})
	}
	return Register{
		// One is "task", the audit trail's entity for tasks from before
		// they were a register, so that their old trails still read.
		Key: TasksRegister, Title: "Tasks", One: "task", Prefix: "TSK", Group: GroupSupport,
		Clauses:    []string{"6.2.2", "10.2"},
		Help:       "The work to do for the SMS, who does it and by when.",
		TitleField: "title",
		Sort:       []SortKey{{Field: "status"}, {Field: "due"}, {Field: "title"}},
		// where a task came from is the app's own bookkeeping
		Table: []string{"title", "description", "owner", "due", "status"},
		Fields: []Field{
			title("Task", "What is to be done.", "task", "action", "name"),
			{Key: "description", Label: "Description", Type: FieldLongText, MaxLen: 4000},
			owner("Who does it."),
			{Key: "due", Label: "Due", Type: FieldDate, Synonyms: []string{"due date", "deadline"}},
			{Key: "status", Label: "Status", Type: FieldChoice, Required: true, Default: "open", Choices: statuses},
			{Key: "source_kind", Label: "Source", Type: FieldChoice, Required: true, Choices: TaskSourceChoices()},
			{Key: "source_ref", Label: "Source reference", Type: FieldText,
				Help: "The step or question the task came from."},
		},
	}
}

// Label is the status as a person reads it.
func (s TaskStatus) Label() string {
	if s == TaskDone {
		return "Done"
	}
	return "Open"
}

// TaskRecord is t as a record of the tasks register.
func TaskRecord(t Task) Record {
	r := Record{ID: t.ID, Register: TasksRegister, Number: t.Number, Values: map[string]string{},
		CreatedAt: t.CreatedAt, UpdatedAt: t.UpdatedAt, Revision: t.Revision}
	r.Set("title", t.Title)
	r.Set("description", t.Description)
	if t.OwnerID != 0 {
		r.SetIDs("owner", []int64{t.OwnerID})
	}
	if !t.Due.IsZero() {
		// the calendar day picked, wherever it was picked
		r.Set("due", t.Due.Format(DateLayout))
	}
	r.Set("status", string(t.Status))
	r.Set("source_kind", t.SourceKind)
	r.Set("source_ref", t.SourceRef)
	return r
}

// TaskFromRecord reads a record of the tasks register as a task. A due
// date or status that cannot be read is left empty and noted in
// Unreadable, next to what the record itself could not read.
func TaskFromRecord(r Record) Task {
	t := Task{ID: r.ID, Number: r.Number, Title: r.Get("title"), Description: r.Get("description"),
		SourceKind: r.Get("source_kind"), SourceRef: r.Get("source_ref"),
		CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt, Revision: r.Revision}
	var bad BadValues
	for _, u := range r.Unreadable {
		// the due date and status are noted below under the task's own names
		if u.Field != "due" && u.Field != "status" {
			u.Record = RecordName("task", t.Title)
			bad = append(bad, u)
		}
	}
	if ids := r.IDs("owner"); len(ids) > 0 {
		t.OwnerID = ids[0]
	}
	if v := r.Get("due"); v != "" {
		d, err := time.Parse(DateLayout, v)
		if err != nil {
			bad = append(bad, NewUnreadable(RecordName("task", t.Title), "Due", "due date", v))
		}
		t.Due = d
	}
	status := TaskStatus(r.Get("status"))
	if status == TaskOpen || status == TaskDone {
		t.Status = status
	} else {
		bad = append(bad, NewUnreadable(RecordName("task", t.Title), "Status", "status", string(status)))
	}
	if len(bad) > 0 {
		t.Unreadable = bad
	}
	return t
}
