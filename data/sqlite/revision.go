package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"time"

	"smsbuilder/data"
)

// revised is one stored record whose changes are guarded by its revision:
// an update or delete names the revision the caller read, and matches no row
// once someone else has saved the record since.
type revised struct {
	table    string // "tasks"
	key      string // "id = ?": the row, by its key columns
	keyArgs  []any
	entity   string // as the audit trail names the record: "task"
	entityID string
	what     string // as the refusal names it: "this task"
}

// update sets the columns in set (e.g. "title = ?, due = ?") to args and
// moves the record to its next revision, if it is still at revision rev;
// otherwise it refuses with data.EConflict and changes nothing.
func (r revised) update(ctx context.Context, tx dbtx, now time.Time, rev data.Revision, set string, args ...any) error {
	q := "UPDATE " + r.table + " SET " + set + ", revision = revision + 1 WHERE " + r.key + " AND revision = ?"
	return r.exec(ctx, tx, now, q, append(append(args, r.keyArgs...), int64(rev))...)
}

// delete removes the record if it is still at revision rev; otherwise it
// refuses with data.EConflict.
func (r revised) delete(ctx context.Context, tx dbtx, now time.Time, rev data.Revision) error {
	q := "DELETE FROM " + r.table + " WHERE " + r.key + " AND revision = ?"
	return r.exec(ctx, tx, now, q, append(append([]any{}, r.keyArgs...), int64(rev))...)
}

func (r revised) exec(ctx context.Context, tx dbtx, now time.Time, q string, args ...any) error {
	res, err := tx.ExecContext(ctx, q, args...)
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return r.conflict(ctx, tx, now)
	}
	return nil
}

// conflict is the refusal of a stale save: who changed the record last and
// when, from the newest entry of its audit trail, with the date as the
// organisation prints dates.
func (r revised) conflict(ctx context.Context, tx dbtx, now time.Time) error {
	c, err := r.lastChange(ctx, tx)
	if err != nil {
		return err
	}
	return refusal(ctx, tx, c, now)
}

// gone explains notFound, the refusal of a save or delete of a record that
// no longer exists, by who deleted it and when, when its trail says so: a
// data.EConflict, since the user acted on a copy older than the delete.
// Any other error passes as it is.
func (r revised) gone(ctx context.Context, tx dbtx, now time.Time, notFound error) error {
	if data.ErrorCode(notFound) != data.ENotFound {
		return notFound
	}
	c, err := r.lastChange(ctx, tx)
	if err != nil {
		return err
	}
	if !c.Delete {
		return notFound
	}
	return refusal(ctx, tx, c, now)
}

// lastChange reads the newest entry of the record's audit trail.
func (r revised) lastChange(ctx context.Context, tx dbtx) (data.Conflict, error) {
	c := data.Conflict{What: r.what}
	var at, action string
	err := tx.QueryRowContext(ctx, "SELECT at, actor, action FROM audit_trail WHERE entity = ? AND entity_id = ? ORDER BY id DESC LIMIT 1",
		r.entity, r.entityID).Scan(&at, &c.Actor, &action)
	switch {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return c, err
	default:
		// An unreadable time leaves the message without one rather than
		// hiding the refusal behind a parse error.
		c.At, _ = parseTime(at)
		c.Delete = action == data.ActionDelete
	}
	return c, nil
}

// refusal words c with the date as the organisation prints dates.
func refusal(ctx context.Context, tx dbtx, c data.Conflict, now time.Time) error {
	var dates string
	err := tx.QueryRowContext(ctx, "SELECT date_format FROM organisation WHERE id = 1").Scan(&dates)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	return data.ConflictError(c, now, data.DateFormat(dates))
}

// byID is the usual record, keyed by its integer ID.
func byID(table, entity string, id int64, what string) revised {
	return revised{table: table, key: "id = ?", keyArgs: []any{id}, entity: entity, entityID: idText(id), what: what}
}

func idText(id int64) string { return strconv.FormatInt(id, 10) }
