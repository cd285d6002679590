package sqlite

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"smsbuilder/data"
)

// RestoreRecord brings back the record r, as DeleteRecord was given it,
// under its own ID and, unless another record took it meanwhile, its own
// number, recording a restore in its trail. People and records it named
// that were deleted meanwhile are left out; note lists them.
func (w *Workspace) RestoreRecord(ctx context.Context, r data.Record) (data.Record, string, error) {
	if w.readOnly {
		return data.Record{}, "", w.errReadOnly()
	}
	var saved data.Record
	var note string
	err := w.write(ctx, "restore record", func(tx *sql.Tx) error {
		reg, err := findRegister(ctx, tx, r.Register)
		if err != nil {
			return err
		}
		if _, err := readRecord(ctx, tx, r.ID); err == nil {
			return data.Errorf(data.EConflict, "%s is already back: someone restored it first.", reg.Reference(r.Number))
		} else if data.ErrorCode(err) != data.ENotFound {
			return err
		}
		r = r.Clone()
		for _, d := range reg.Derived {
			delete(r.Values, d.Key)
		}
		var gone []string
		if gone, err = dropVanished(ctx, tx, reg, &r); err != nil {
			return err
		}
		if err := reg.Validate(r); err != nil {
			return err
		}
		reg.Derive(&r)
		if err := restoreRecord(ctx, tx, w.now(), reg, r); err != nil {
			return err
		}
		if len(gone) > 0 {
			note = "Some of what it named was deleted meanwhile, so it came back without it in: " + strings.Join(gone, ", ") + "."
		}
		saved, err = readRecord(ctx, tx, r.ID)
		return err
	})
	if err != nil {
		return data.Record{}, "", err
	}
	return saved, note, nil
}

// dropVanished leaves out of r the people and records deleted since it
// was, and names the fields that lost them.
func dropVanished(ctx context.Context, tx *sql.Tx, reg data.Register, r *data.Record) ([]string, error) {
	var gone []string
	for _, f := range reg.Fields {
		ids := r.IDs(f.Key)
		if len(ids) == 0 || (f.Type != data.FieldPerson && f.Type != data.FieldLink) {
			continue
		}
		table := "records"
		if f.Type == data.FieldPerson {
			table = "people"
		}
		in, args := inList(ids)
		rows, err := tx.QueryContext(ctx, "SELECT id FROM "+table+" WHERE id IN "+in, args...)
		if err != nil {
			return nil, err
		}
		alive := map[int64]bool{}
		for rows.Next() {
			var id int64
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return nil, err
			}
			alive[id] = true
		}
		if err := closeRows(rows); err != nil {
			return nil, err
		}
		kept := ids[:0:0]
		for _, id := range ids {
			if alive[id] {
				kept = append(kept, id)
			}
		}
		if len(kept) < len(ids) {
			gone = append(gone, f.Label)
			r.SetIDs(f.Key, kept)
		}
	}
	return gone, nil
}

// restoreRecord inserts r again under its ID, at a revision past the one
// deleted.
func restoreRecord(ctx context.Context, tx *sql.Tx, now time.Time, reg data.Register, r data.Record) error {
	var taken int
	if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM records WHERE register = ? AND number = ?", reg.Key, r.Number).Scan(&taken); err != nil {
		return err
	}
	number := any(r.Number)
	if r.Number < 1 || taken > 0 {
		number = nil
	}
	created := r.CreatedAt
	if created.IsZero() {
		created = now
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO records (id, register, number, created_at, updated_at, revision)
		VALUES (?, ?, coalesce(?, (SELECT coalesce(max(number), 0) + 1 FROM records WHERE register = ?)), ?, ?, ?)`,
		r.ID, reg.Key, number, reg.Key, formatTime(created), formatTime(now), int64(r.Revision)+1); err != nil {
		return err
	}
	if err := writeValues(ctx, tx, reg, r.ID, r); err != nil {
		return err
	}
	fields, after, err := describeRecord(ctx, tx, reg, r)
	if err != nil {
		return err
	}
	if err := writeSearch(ctx, tx, reg, r.ID, after); err != nil {
		return err
	}
	return record(ctx, tx, now, reg.One, idText(r.ID), data.ActionRestore, data.Diff(fields, map[string]string{}, after))
}
