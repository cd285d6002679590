package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"smsbuilder/data"
)

// recordPeopleGone records, for each register record with p in a person
// field, that p is about to leave it (the foreign key removes the link
// with p), and returns those fields for a restore.
func recordPeopleGone(ctx context.Context, tx *sql.Tx, at time.Time, p data.Person) ([]data.RecordPerson, error) {
	rows, err := tx.QueryContext(ctx, `SELECT rp.record_id, rp.field, r.register FROM record_people rp
		JOIN records r ON r.id = rp.record_id WHERE rp.person_id = ? ORDER BY rp.record_id, rp.field`, p.ID)
	if err != nil {
		return nil, err
	}
	type gone struct {
		data.RecordPerson
		register string
	}
	var all []gone
	for rows.Next() {
		var g gone
		if err := rows.Scan(&g.RecordID, &g.Field, &g.register); err != nil {
			rows.Close()
			return nil, err
		}
		all = append(all, g)
	}
	if err := closeRows(rows); err != nil {
		return nil, err
	}
	var out []data.RecordPerson
	for _, g := range all {
		reg, _ := data.FindRegister(g.register)
		if _, err := tx.ExecContext(ctx, "UPDATE records SET revision = revision + 1 WHERE id = ?", g.RecordID); err != nil {
			return nil, err
		}
		if err := record(ctx, tx, at, entityOf(reg, g.register), idText(g.RecordID), data.ActionUpdate,
			[]data.FieldChange{{Field: g.Field, From: p.Name}}); err != nil {
			return nil, err
		}
		out = append(out, g.RecordPerson)
	}
	return out, nil
}

// restoreRecordPeople puts p back in the person fields a delete of p
// emptied, unless the record is gone or someone has filled the field.
func restoreRecordPeople(ctx context.Context, tx *sql.Tx, at time.Time, p data.Person, fields []data.RecordPerson, done *data.Restored) error {
	for _, f := range fields {
		var register string
		err := tx.QueryRowContext(ctx, "SELECT register FROM records WHERE id = ?", f.RecordID).Scan(&register)
		if errors.Is(err, sql.ErrNoRows) {
			done.LeftAlone++
			continue
		}
		if err != nil {
			return err
		}
		var n int
		if err := tx.QueryRowContext(ctx, "SELECT count(*) FROM record_people WHERE record_id = ? AND field = ?", f.RecordID, f.Field).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			done.LeftAlone++
			continue
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO record_people (record_id, field, person_id) VALUES (?, ?, ?)", f.RecordID, f.Field, p.ID); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, "UPDATE records SET revision = revision + 1 WHERE id = ?", f.RecordID); err != nil {
			return err
		}
		reg, _ := data.FindRegister(register)
		if err := record(ctx, tx, at, entityOf(reg, register), idText(f.RecordID), data.ActionRestore,
			[]data.FieldChange{{Field: f.Field, To: p.Name}}); err != nil {
			return err
		}
		done.Relinked++
	}
	return nil
}

// entityOf is the audit trail's name for a register's records, also for a
// register this build no longer declares.
func entityOf(reg data.Register, key string) string {
	if reg.One != "" {
		return reg.One
	}
	return key
}
