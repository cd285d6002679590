package sqlite

import (
	"context"
	"database/sql"
	"time"

	"smsbuilder/data"
)

// Tasks are the records of the tasks register (data/task_register.go):
// these methods keep data.TaskService's shape over the register engine, on
// the engine's own functions, so that a task saved here or as a record is
// stored, checked and recorded alike.

func errNoTask(id int64) *data.Error {
	return data.Errorf(data.ENotFound, "There is no task with ID %d: it may have been deleted.", id)
}

// readTask reads the task with id as a task and as the record it is.
func readTask(ctx context.Context, q querier, id int64) (data.Task, data.Record, error) {
	r, err := readRecord(ctx, q, id)
	if data.ErrorCode(err) == data.ENotFound || (err == nil && r.Register != data.TasksRegister) {
		return data.Task{}, data.Record{}, errNoTask(id)
	}
	if err != nil {
		return data.Task{}, data.Record{}, err
	}
	return data.TaskFromRecord(r), r, nil
}

// Tasks lists every task in the order they were created; data.SortTasks
// puts them in the order of the task list.
func (w *Workspace) Tasks(ctx context.Context) ([]data.Task, error) {
	var out []data.Task
	err := w.read(ctx, "list tasks", func(tx *sql.Tx) error {
		recs, err := registerRecords(ctx, tx, data.TasksRegister)
		if err != nil {
			return err
		}
		for _, r := range recs {
			out = append(out, data.TaskFromRecord(r))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// registerRecords reads every record of a register, in the order they
// were created.
func registerRecords(ctx context.Context, q querier, register string) ([]data.Record, error) {
	rows, err := q.QueryContext(ctx, "SELECT id FROM records WHERE register = ? ORDER BY id", register)
	if err != nil {
		return nil, err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, err
		}
		ids = append(ids, id)
	}
	if err := closeRows(rows); err != nil {
		return nil, err
	}
	return loadRecords(ctx, q, ids)
}

// SaveTask validates and stores t: a new task when t.ID is 0, else an update
// of that one (data.ENotFound when there is none). The owner must exist
// (data.ENotFound otherwise). It records the change in the audit trail under
// entity "task" and returns the stored record, at its new revision. An
// update from a copy older than the stored task is refused with
// data.EConflict. Saving an unchanged task writes nothing. CreatedAt and
// UpdatedAt are set here. Values of fields users added to the register are
// kept.
func (w *Workspace) SaveTask(ctx context.Context, t data.Task) (data.Task, error) {
	if w.readOnly {
		return data.Task{}, w.errReadOnly()
	}
	if err := t.Validate(); err != nil {
		return data.Task{}, err
	}
	if err := checkDate("task", "Due", "The due date", t.Due); err != nil {
		return data.Task{}, err
	}
	var saved data.Task
	err := w.write(ctx, "save task", func(tx *sql.Tx) error {
		reg, err := findRegister(ctx, tx, data.TasksRegister)
		if err != nil {
			return err
		}
		id, err := w.storeTask(ctx, tx, reg, t)
		if err != nil {
			return err
		}
		stored, err := readRecord(ctx, tx, id)
		saved = data.TaskFromRecord(stored)
		return err
	})
	if err != nil {
		return data.Task{}, err
	}
	return saved, nil
}

// SaveTasks saves many tasks in one transaction, as SaveTask saves each:
// all of them or, on the first refusal, none.
func (w *Workspace) SaveTasks(ctx context.Context, ts []data.Task) error {
	if w.readOnly {
		return w.errReadOnly()
	}
	for _, t := range ts {
		if err := t.Validate(); err != nil {
			return err
		}
		if err := checkDate("task", "Due", "The due date", t.Due); err != nil {
			return err
		}
	}
	return w.write(ctx, "save tasks", func(tx *sql.Tx) error {
		reg, err := findRegister(ctx, tx, data.TasksRegister)
		if err != nil {
			return err
		}
		st := prepared(tx)
		for _, t := range ts {
			if err := ctx.Err(); err != nil {
				return err
			}
			if _, err := w.storeTask(ctx, st, reg, t); err != nil {
				return err
			}
		}
		return nil
	})
}

// storeTask stores t, validated, as a record of the tasks register.
func (w *Workspace) storeTask(ctx context.Context, tx dbtx, reg data.Register, t data.Task) (int64, error) {
	r := data.TaskRecord(t)
	if t.ID != 0 {
		_, old, err := readTask(ctx, tx, t.ID)
		if err != nil {
			return 0, recordRevised(reg, t.ID).gone(ctx, tx, w.now(), err)
		}
		r = withTaskValues(reg, old, r)
	}
	// refused as before the register, naming the task's own field
	if _, err := ownerName(ctx, tx, t.OwnerID); err != nil {
		return 0, err
	}
	id, _, err := storeRecord(ctx, tx, w.now(), reg, r)
	return id, err
}

// withTaskValues is the stored record with the declared fields of the task
// record r, keeping what fields users added hold.
func withTaskValues(reg data.Register, stored, r data.Record) data.Record {
	out := stored.Clone()
	out.Revision = r.Revision
	for _, f := range reg.Fields {
		if !f.Custom {
			out.Set(f.Key, r.Get(f.Key))
		}
	}
	return out
}

// DeleteTask removes the task t (its ID and Revision) unless it has changed
// since it was read (data.EConflict), recording its last values in the
// audit trail.
func (w *Workspace) DeleteTask(ctx context.Context, t data.Task) error {
	return w.write(ctx, "delete task", func(tx *sql.Tx) error {
		reg, err := findRegister(ctx, tx, data.TasksRegister)
		if err != nil {
			return err
		}
		if _, _, err := readTask(ctx, tx, t.ID); err != nil {
			return recordRevised(reg, t.ID).gone(ctx, tx, w.now(), err)
		}
		return deleteRecord(ctx, tx, w.now(), reg, data.Record{ID: t.ID, Register: reg.Key, Revision: t.Revision})
	})
}

// restoreTask puts the task t back under its own ID and, while no other
// task has taken it, its own number.
func restoreTask(ctx context.Context, tx *sql.Tx, now time.Time, reg data.Register, t data.Task) error {
	return restoreRecord(ctx, tx, now, reg, data.TaskRecord(t))
}

// indexMovedRecords writes what the migration to the register engine left
// to Go for the tasks it moved into it: the places of their choices on
// their scales and their search text.
func indexMovedRecords(ctx context.Context, tx *sql.Tx) error {
	reg, err := findRegister(ctx, tx, data.TasksRegister)
	if err != nil {
		return err
	}
	recs, err := registerRecords(ctx, tx, reg.Key)
	if err != nil {
		return err
	}
	for _, r := range recs {
		if err := writeValues(ctx, tx, reg, r.ID, r); err != nil {
			return err
		}
		_, described, err := describeRecord(ctx, tx, reg, r)
		if err != nil {
			return err
		}
		if err := writeSearch(ctx, tx, reg, r.ID, described); err != nil {
			return err
		}
	}
	return nil
}
