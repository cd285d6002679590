package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"strconv"

	"smsbuilder/data"
)

// taskAuditFields are a task as the audit trail shows it; owner is the
// owner's name.
func taskAuditFields(t data.Task, owner string) ([]string, map[string]string) {
	return []string{"title", "description", "owner", "due", "status", "source_kind", "source_ref"}, map[string]string{
		"title":       t.Title,
		"description": t.Description,
		"owner":       owner,
		"due":         auditDate(t.Due),
		"status":      string(t.Status),
		"source_kind": t.SourceKind,
		"source_ref":  t.SourceRef,
	}
}

func taskRecord(id int64) revised { return byID("tasks", "task", id, "this task") }

func errNoTask(id int64) *data.Error {
	return data.Errorf(data.ENotFound, "There is no task with ID %d: it may have been deleted.", id)
}

const taskColumns = "id, title, description, owner_id, due, status, source_kind, source_ref, created_at, updated_at, revision"

func scanTask(s scanner) (data.Task, error) {
	var t data.Task
	var owner sql.NullInt64
	var due sql.NullString
	var status, created, updated string
	if err := s.Scan(&t.ID, &t.Title, &t.Description, &owner, &due, &status, &t.SourceKind, &t.SourceRef, &created, &updated, &t.Revision); err != nil {
		return t, err
	}
	t.OwnerID = owner.Int64
	v := readValues("task", t.Title)
	t.Status = readChoice(v, "Status", "status", status, data.TaskStatuses())
	t.Due = v.date("Due", "due date", due)
	t.CreatedAt = v.time("CreatedAt", "time of creation", created)
	t.UpdatedAt = v.time("UpdatedAt", "time of the last change", updated)
	t.Unreadable = v.bad
	return t, nil
}

func readTask(ctx context.Context, tx *sql.Tx, id int64) (data.Task, error) {
	t, err := scanTask(tx.QueryRowContext(ctx, "SELECT "+taskColumns+" FROM tasks WHERE id = ?", id))
	if errors.Is(err, sql.ErrNoRows) {
		return t, errNoTask(id)
	}
	return t, err
}

// Tasks lists every task in the order they were created; data.SortTasks
// puts them in the order of the task list.
func (w *Workspace) Tasks(ctx context.Context) ([]data.Task, error) {
	var out []data.Task
	err := w.read(ctx, "list tasks", func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, "SELECT "+taskColumns+" FROM tasks ORDER BY id")
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			t, err := scanTask(rows)
			if err != nil {
				return err
			}
			out = append(out, t)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// SaveTask validates and stores t: a new task when t.ID is 0, else an update
// of that one (data.ENotFound when there is none). The owner must exist
// (data.ENotFound otherwise). It records the change in the audit trail under
// entity "task" and returns the stored record, at its new revision. An
// update from a copy older than the stored task is refused with
// data.EConflict. Saving an unchanged task writes nothing. CreatedAt and
// UpdatedAt are set here.
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
		var old data.Task
		if t.ID != 0 {
			var err error
			if old, err = readTask(ctx, tx, t.ID); err != nil {
				return taskRecord(t.ID).gone(ctx, tx, w.now(), err)
			}
		}
		owner, err := ownerName(ctx, tx, t.OwnerID)
		if err != nil {
			return err
		}
		now := w.now()
		fields, after := taskAuditFields(t, owner)
		before := map[string]string{}
		action := data.ActionCreate
		id := t.ID
		if id == 0 {
			err := tx.QueryRowContext(ctx, `INSERT INTO tasks (title, description, owner_id, due, status,
				source_kind, source_ref, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
				t.Title, t.Description, nullID(t.OwnerID), formatDate(t.Due), string(t.Status),
				t.SourceKind, t.SourceRef, formatTime(now), formatTime(now)).Scan(&id)
			if err != nil {
				return err
			}
		} else {
			oldOwner, err := ownerName(ctx, tx, old.OwnerID)
			if err != nil {
				return err
			}
			_, before = taskAuditFields(old, oldOwner)
			action = data.ActionUpdate
			if len(data.Diff(fields, before, after)) == 0 {
				saved = old
				return nil
			}
			if err := taskRecord(id).update(ctx, tx, now, t.Revision, `title = ?, description = ?, owner_id = ?,
				due = ?, status = ?, source_kind = ?, source_ref = ?, updated_at = ?`,
				t.Title, t.Description, nullID(t.OwnerID), formatDate(t.Due), string(t.Status),
				t.SourceKind, t.SourceRef, formatTime(now)); err != nil {
				return err
			}
		}
		if err := record(ctx, tx, now, "task", strconv.FormatInt(id, 10), action, data.Diff(fields, before, after)); err != nil {
			return err
		}
		saved, err = readTask(ctx, tx, id)
		return err
	})
	if err != nil {
		return data.Task{}, err
	}
	return saved, nil
}

// DeleteTask removes the task t (its ID and Revision) unless it has changed
// since it was read (data.EConflict), recording its last values in the
// audit trail.
func (w *Workspace) DeleteTask(ctx context.Context, t data.Task) error {
	id := t.ID
	return w.write(ctx, "delete task", func(tx *sql.Tx) error {
		old, err := readTask(ctx, tx, id)
		if err != nil {
			return taskRecord(id).gone(ctx, tx, w.now(), err)
		}
		owner, err := ownerName(ctx, tx, old.OwnerID)
		if err != nil {
			return err
		}
		now := w.now()
		if err := taskRecord(id).delete(ctx, tx, now, t.Revision); err != nil {
			return err
		}
		fields, before := taskAuditFields(old, owner)
		return record(ctx, tx, now, "task", strconv.FormatInt(id, 10), data.ActionDelete,
			data.Diff(fields, before, map[string]string{}))
	})
}
