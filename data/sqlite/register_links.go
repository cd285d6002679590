package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"strings"
	"time"

	"smsbuilder/data"
)

// DeleteRecord removes the record r (its ID and Revision) unless it has
// changed since it was read (data.EConflict) or other records link to it:
// that refusal names them, so the user knows what to unlink first. Its
// last values go to the audit trail.
func (w *Workspace) DeleteRecord(ctx context.Context, r data.Record) error {
	return w.write(ctx, "delete record", func(tx *sql.Tx) error {
		reg, err := findRegister(ctx, tx, r.Register)
		if err != nil {
			return err
		}
		return deleteRecord(ctx, tx, w.now(), reg, r)
	})
}

func deleteRecord(ctx context.Context, tx *sql.Tx, now time.Time, reg data.Register, r data.Record) error {
	old, err := readRecord(ctx, tx, r.ID)
	if err != nil {
		return recordRevised(reg, r.ID).gone(ctx, tx, now, err)
	}
	if old.Register != reg.Key {
		return errNoRecord(r.ID)
	}
	from, err := linksTo(ctx, tx, r.ID)
	if err != nil {
		return err
	}
	if len(from) > 0 {
		return errStillLinked(reg, old, from)
	}
	if err := refuseOpenActions(ctx, tx, reg, old); err != nil {
		return err
	}
	fields, before, err := describeRecord(ctx, tx, reg, old)
	if err != nil {
		return err
	}
	if err := recordRevised(reg, r.ID).delete(ctx, tx, now, r.Revision); err != nil {
		return err
	}
	return record(ctx, tx, now, reg.One, idText(r.ID), data.ActionDelete, data.Diff(fields, before, map[string]string{}))
}

// maxNamedLinks is how many linking records a refused delete names.
const maxNamedLinks = 5

func errStillLinked(reg data.Register, r data.Record, from []data.RecordRef) *data.Error {
	names := make([]string, 0, maxNamedLinks)
	for i, ref := range from {
		if i == maxNamedLinks {
			names = append(names, data.CountText(len(from)-maxNamedLinks, "other", "others"))
			break
		}
		names = append(names, ref.Text())
	}
	return data.Errorf(data.EInvalid, "%s %s cannot be deleted while other records link to it: %s. Remove those links first.",
		reg.Reference(r.Number), r.Get(reg.TitleField), strings.Join(names, "; "))
}

// LinksTo lists the records whose links point at the record id, each with
// the field that holds the link, in reference order.
func (w *Workspace) LinksTo(ctx context.Context, id int64) ([]data.RecordRef, error) {
	var out []data.RecordRef
	err := w.read(ctx, "list links", func(tx *sql.Tx) error {
		var err error
		out, err = linksTo(ctx, tx, id)
		return err
	})
	return out, err
}

func linksTo(ctx context.Context, q querier, id int64) ([]data.RecordRef, error) {
	fields := map[int64][]string{}
	var ids []int64
	rows, err := q.QueryContext(ctx, "SELECT record_id, field FROM record_links WHERE target_id = ? ORDER BY record_id, field", id)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var from int64
		var field string
		if err := rows.Scan(&from, &field); err != nil {
			rows.Close()
			return nil, err
		}
		if len(fields[from]) == 0 {
			ids = append(ids, from)
		}
		fields[from] = append(fields[from], field)
	}
	if err := closeRows(rows); err != nil {
		return nil, err
	}
	refs, err := refsOf(ctx, q, ids)
	if err != nil {
		return nil, err
	}
	var out []data.RecordRef
	for _, ref := range refs {
		for _, f := range fields[ref.ID] {
			ref.Field = f
			out = append(out, ref)
		}
	}
	return out, nil
}

// RecordRefs names every record of a register, in reference order, for a
// link picker.
func (w *Workspace) RecordRefs(ctx context.Context, register string) ([]data.RecordRef, error) {
	var out []data.RecordRef
	err := w.read(ctx, "list records", func(tx *sql.Tx) error {
		if _, err := findRegister(ctx, tx, register); err != nil {
			return err
		}
		var err error
		out, err = queryRefs(ctx, tx, "WHERE r.register = ?", []any{register})
		return err
	})
	return out, err
}

// AddField adds the custom field f, made by data.NewCustomField, to the
// register, and returns the register with it.
func (w *Workspace) AddField(ctx context.Context, register string, f data.Field) (data.Register, error) {
	if w.readOnly {
		return data.Register{}, w.errReadOnly()
	}
	var out data.Register
	err := w.write(ctx, "add field", func(tx *sql.Tx) error {
		var err error
		out, err = addField(ctx, tx, w.now(), register, f)
		return err
	})
	return out, err
}

// addField is AddField inside a transaction of the caller's.
func addField(ctx context.Context, tx *sql.Tx, now time.Time, register string, f data.Field) (data.Register, error) {
	reg, err := findRegister(ctx, tx, register)
	if err != nil {
		return data.Register{}, err
	}
	labels := make([]string, len(f.Choices))
	for i, c := range f.Choices {
		labels[i] = c.Label
	}
	// made again from what is stored, so that a field from any caller
	// passes the same checks
	checked, err := data.NewCustomField(reg, f.Label, f.Type, labels)
	if err != nil {
		return data.Register{}, err
	}
	b, err := json.Marshal(labels)
	if err != nil {
		return data.Register{}, err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO custom_fields (register, key, label, type, choices, position, created_at)
		VALUES (?, ?, ?, ?, ?, (SELECT count(*) FROM custom_fields WHERE register = ?), ?)`,
		reg.Key, checked.Key, checked.Label, string(checked.Type), string(b), reg.Key, formatTime(now)); err != nil {
		return data.Register{}, err
	}
	if err := record(ctx, tx, now, "register", reg.Key, data.ActionUpdate, []data.FieldChange{
		{Field: "fields", To: checked.Label + " (" + strings.ToLower(checked.Type.Label()) + ")"}}); err != nil {
		return data.Register{}, err
	}
	out, err := findRegister(ctx, tx, register)
	if err != nil {
		return data.Register{}, err
	}
	return out, writeRegisterView(ctx, tx, out)
}

// RecordRefsOf names the records of the IDs, in their order, leaving out
// those that no longer exist.
func (w *Workspace) RecordRefsOf(ctx context.Context, ids []int64) ([]data.RecordRef, error) {
	var out []data.RecordRef
	err := w.read(ctx, "name records", func(tx *sql.Tx) error {
		var err error
		out, err = refsOf(ctx, tx, ids)
		return err
	})
	return out, err
}

// refuseOpenActions refuses to delete a record while tasks raised against
// it are open; done ones stay as the record of the work.
func refuseOpenActions(ctx context.Context, tx *sql.Tx, reg data.Register, r data.Record) error {
	rows, err := tx.QueryContext(ctx, `SELECT t.value FROM record_values t
		JOIN record_values k ON k.record_id = t.record_id AND k.field = 'source_kind' AND k.value = ?
		JOIN record_values s ON s.record_id = t.record_id AND s.field = 'source_ref' AND s.value = ?
		JOIN record_values st ON st.record_id = t.record_id AND st.field = 'status' AND st.value = ?
		WHERE t.field = 'title' ORDER BY t.record_id`, data.SourceAction, data.RecordActionRef(r.ID), string(data.TaskOpen))
	if err != nil {
		return err
	}
	var open []data.Task
	for rows.Next() {
		t := data.Task{Status: data.TaskOpen}
		if err := rows.Scan(&t.Title); err != nil {
			rows.Close()
			return err
		}
		open = append(open, t)
	}
	if err := closeRows(rows); err != nil {
		return err
	}
	return data.OpenActionsRefusal(reg, r, open)
}
