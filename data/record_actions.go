package data

import (
	"context"
	"fmt"
	"strconv"
	"strings"
)

// The actions of a record are tasks people raise by hand against it: the
// corrective actions of a nonconformity, the actions a management review
// decides. Unlike the tasks a record's dates ask for, nothing in the
// record makes or removes them; they are the people's own, and each knows
// its record so that the task list leads back to it.

// RecordActionRef is the SourceRef of an action of the record id.
func RecordActionRef(recordID int64) string { return strconv.FormatInt(recordID, 10) }

// SourceRecordID is the record a task came from, by its dates or as one
// of its actions; ok is false for a task of any other source.
func SourceRecordID(t Task) (id int64, ok bool) {
	switch t.SourceKind {
	case SourceRecord:
		id, _, ok = ParseRecordTaskRef(t.SourceRef)
		return id, ok
	case SourceAction:
		n, err := strconv.ParseInt(t.SourceRef, 10, 64)
		return n, err == nil && n > 0
	}
	return 0, false
}

// NewRecordAction is a new open action of record r of reg, given to the
// record's owner until someone says otherwise.
func NewRecordAction(reg Register, r Record) Task {
	return Task{Status: TaskOpen, SourceKind: SourceAction, SourceRef: RecordActionRef(r.ID), OwnerID: recordOwner(reg, r)}
}

// RecordActions lists the actions of the record id, open ones first, each
// by due date.
func RecordActions(ctx context.Context, rs RegisterService, id int64) ([]Task, error) {
	page, err := rs.Records(ctx, RecordQuery{Register: TasksRegister, Filters: map[string][]string{
		"source_kind": {SourceAction}, "source_ref": {RecordActionRef(id)},
	}, Sort: []SortKey{{Field: "status"}, {Field: "due"}, {Field: SortByReference}}})
	if err != nil {
		return nil, fmt.Errorf("list the actions of a record: %w", err)
	}
	out := make([]Task, len(page.Records))
	for i, r := range page.Records {
		out[i] = TaskFromRecord(r)
	}
	return out, nil
}

// OpenActionsRefusal is the plain reason record r of reg cannot be
// deleted while actions of it are open, or nil when none is: the work
// would lose the record it was for.
func OpenActionsRefusal(reg Register, r Record, actions []Task) error {
	var open []string
	for _, t := range actions {
		if t.Status == TaskOpen {
			open = append(open, strconv.Quote(t.Title))
		}
	}
	if len(open) == 0 {
		return nil
	}
	verb := "are"
	if len(open) == 1 {
		verb = "is"
	}
	return Errorf(EInvalid, "%s cannot be deleted while %s of it %s open: %s. Finish or delete them first.",
		reg.Reference(r.Number), CountText(len(open), "action", "actions"), verb, strings.Join(open, "; "))
}
