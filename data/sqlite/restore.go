package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"strconv"

	"smsbuilder/data"
)

// personLink is one kind of record that points at a person: a delete of the
// person leaves it pointing at nobody, and a restore links it again.
type personLink struct {
	entity string // as the audit trail names the record: "task"
	field  string // as the audit trail names the reference: "owner"
	table  string
	key    string // the record's key column
	column string // the reference to the person
	ids    *[]string
	nums   *[]int64
}

// personLinks are the kinds of record that point at a person, each keeping
// its IDs in u.
func personLinks(u *data.Unlinked) []personLink {
	return []personLink{
		{entity: "step", field: "owner", table: "step_progress", key: "step_id", column: "owner_id", ids: &u.Steps},
		{entity: "document", field: "owner", table: "documents", key: "id", column: "owner_id", nums: &u.Documents},
		{entity: "version", field: "approved_by", table: "document_versions", key: "id", column: "approved_by", nums: &u.Versions},
	}
}

// add keeps id, as the audit trail spells it, among the link's records.
func (l personLink) add(id string) error {
	if l.ids != nil {
		*l.ids = append(*l.ids, id)
		return nil
	}
	n, err := strconv.ParseInt(id, 10, 64)
	if err != nil {
		return err
	}
	*l.nums = append(*l.nums, n)
	return nil
}

// keys are the link's records, as the audit trail spells their IDs.
func (l personLink) keys() []string {
	if l.ids != nil {
		return *l.ids
	}
	out := make([]string, len(*l.nums))
	for i, n := range *l.nums {
		out[i] = idText(n)
	}
	return out
}

func (l personLink) record(id string) revised {
	return revised{table: l.table, key: l.key + " = ?", keyArgs: []any{id}, entity: l.entity, entityID: id, what: "this record"}
}

// RestorePerson brings back the person p, as DeletePerson was given them,
// under their own ID (AUTOINCREMENT never hands a deleted ID out again, so
// it is free) with their roles, at a revision past the one deleted. Of the
// records in links, those still pointing at nobody point at p again, each
// at a new revision; one linked to someone else or deleted meanwhile is left
// as it is and counted as such. Every change is recorded in its record's
// trail as a restore, all in one transaction.
func (w *Workspace) RestorePerson(ctx context.Context, p data.Person, links data.Unlinked) (data.Restored, error) {
	if w.readOnly {
		return data.Restored{}, w.errReadOnly()
	}
	if err := p.Validate(); err != nil {
		return data.Restored{}, err
	}
	var done data.Restored
	err := w.write(ctx, "restore person", func(tx *sql.Tx) error {
		if _, err := readPerson(ctx, tx, p.ID); err == nil {
			return data.Errorf(data.EConflict, "%s is already back: someone restored them first.", p.Name)
		} else if data.ErrorCode(err) != data.ENotFound {
			return err
		}
		now := w.now()
		if _, err := tx.ExecContext(ctx,
			"INSERT INTO people (id, name, job_title, email, created_at, updated_at, revision) VALUES (?, ?, ?, ?, ?, ?, ?)",
			p.ID, p.Name, p.JobTitle, p.Email, formatTime(p.CreatedAt), formatTime(now), int64(p.Revision)+1); err != nil {
			return err
		}
		if err := insertRoles(ctx, tx, p.ID, p.Roles); err != nil {
			return err
		}
		fields, after := p.AuditFields()
		if err := record(ctx, tx, now, "person", idText(p.ID), data.ActionRestore, data.Diff(fields, map[string]string{}, after)); err != nil {
			return err
		}
		for _, l := range personLinks(&links) {
			change := []data.FieldChange{{Field: l.field, To: p.Name}}
			for _, id := range l.keys() {
				var owner sql.NullInt64
				var rev int64
				err := tx.QueryRowContext(ctx, "SELECT "+l.column+", revision FROM "+l.table+" WHERE "+l.key+" = ?", id).Scan(&owner, &rev)
				if errors.Is(err, sql.ErrNoRows) || (err == nil && owner.Valid) {
					done.LeftAlone++
					continue
				}
				if err != nil {
					return err
				}
				if err := l.record(id).update(ctx, tx, now, data.Revision(rev), l.column+" = ?", p.ID); err != nil {
					return err
				}
				if err := record(ctx, tx, now, l.entity, id, data.ActionRestore, change); err != nil {
					return err
				}
				done.Relinked++
			}
		}
		return restoreRecordPeople(ctx, tx, now, p, links.Records, &done)
	})
	if err != nil {
		return data.Restored{}, err
	}
	return done, nil
}

// RestoreTask brings back the task t, as DeleteTask was given it, under its
// own ID, at a revision past the one deleted, recording a restore in its
// trail. An owner deleted meanwhile is not brought back with it: the task
// returns without an owner.
func (w *Workspace) RestoreTask(ctx context.Context, t data.Task) (data.Task, error) {
	if w.readOnly {
		return data.Task{}, w.errReadOnly()
	}
	if err := t.Validate(); err != nil {
		return data.Task{}, err
	}
	var saved data.Task
	err := w.write(ctx, "restore task", func(tx *sql.Tx) error {
		if _, _, err := readTask(ctx, tx, t.ID); err == nil {
			return data.Errorf(data.EConflict, "%q is already back: someone restored it first.", t.Title)
		} else if data.ErrorCode(err) != data.ENotFound {
			return err
		}
		reg, err := findRegister(ctx, tx, data.TasksRegister)
		if err != nil {
			return err
		}
		if _, err := ownerName(ctx, tx, t.OwnerID); data.ErrorCode(err) == data.ENotFound {
			t.OwnerID = 0
		} else if err != nil {
			return err
		}
		if err := restoreTask(ctx, tx, w.now(), reg, t); err != nil {
			return err
		}
		saved, _, err = readTask(ctx, tx, t.ID)
		return err
	})
	if err != nil {
		return data.Task{}, err
	}
	return saved, nil
}
