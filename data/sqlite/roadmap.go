package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"smsbuilder/data"
)

// planID is the key of the one plan row, and its ID in the audit trail.
const planID = "1"

// stepAuditFields are a step's progress as the audit trail shows it; owner
// is the owner's name.
func stepAuditFields(p data.StepProgress, owner string) ([]string, map[string]string) {
	return []string{"status", "owner", "due", "notes", "na_reason"}, map[string]string{
		"status":    string(p.Status),
		"owner":     owner,
		"due":       auditDate(p.Due),
		"notes":     p.Notes,
		"na_reason": p.NAReason,
	}
}

// auditDate shows a date in the audit trail as it is stored; none is "".
func auditDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(dateLayout)
}

// StepProgress returns the stored progress of every step touched, by step
// ID. A step without an entry is not started.
func (w *Workspace) StepProgress(ctx context.Context) (map[string]data.StepProgress, error) {
	out := map[string]data.StepProgress{}
	err := w.read(ctx, "read roadmap progress", func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, "SELECT "+stepColumns+" FROM step_progress")
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			p, err := scanStep(rows)
			if err != nil {
				return err
			}
			out[p.StepID] = p
		}
		return rows.Err()
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

const stepColumns = "step_id, status, owner_id, due, notes, na_reason, updated_at, revision"

func scanStep(s scanner) (data.StepProgress, error) {
	var p data.StepProgress
	var status, updated string
	var owner sql.NullInt64
	var due sql.NullString
	if err := s.Scan(&p.StepID, &status, &owner, &due, &p.Notes, &p.NAReason, &updated, &p.Revision); err != nil {
		return p, err
	}
	p.OwnerID = owner.Int64
	v := readValues("roadmap step", p.StepID)
	p.Status = readChoice(v, "Status", "status", status, data.StepStatuses())
	p.Due = v.date("Due", "due date", due)
	p.UpdatedAt = v.time("UpdatedAt", "time of the last change", updated)
	p.Unreadable = v.bad
	return p, nil
}

// readStep returns a step's stored progress and true, or false when the
// step has none.
func readStep(ctx context.Context, tx *sql.Tx, stepID string) (data.StepProgress, bool, error) {
	p, err := scanStep(tx.QueryRowContext(ctx,
		"SELECT "+stepColumns+" FROM step_progress WHERE step_id = ?", stepID))
	if errors.Is(err, sql.ErrNoRows) {
		return data.StepProgress{}, false, nil
	}
	if err != nil {
		return p, false, err
	}
	return p, true, nil
}

// SaveStepProgress validates and stores one step's progress, creating it
// the first time, and records what changed in the audit trail under
// entity "step" and the step ID. The owner must exist (data.ENotFound
// otherwise). It returns the stored progress, at its new revision; a save
// from a copy older than the stored progress (p.Revision 0 once some is
// stored) is refused with data.EConflict. Saving unchanged progress writes
// nothing. p.UpdatedAt is ignored: the time of saving is stored.
func (w *Workspace) SaveStepProgress(ctx context.Context, p data.StepProgress) (data.StepProgress, error) {
	if w.readOnly {
		return data.StepProgress{}, w.errReadOnly()
	}
	if err := p.Validate(); err != nil {
		return data.StepProgress{}, err
	}
	if p.StepID == "" {
		return data.StepProgress{}, &data.Error{Code: data.EInvalid, Message: "The step was not saved: it names no roadmap step.",
			Fields: []data.FieldError{{Field: "StepID", Message: "Choose a roadmap step."}}}
	}
	if err := checkDate("step", "Due", "The due date", p.Due); err != nil {
		return data.StepProgress{}, err
	}
	var saved data.StepProgress
	err := w.write(ctx, "save step progress", func(tx *sql.Tx) error {
		old, exists, err := readStep(ctx, tx, p.StepID)
		if err != nil {
			return err
		}
		owner, err := ownerName(ctx, tx, p.OwnerID)
		if err != nil {
			return err
		}
		fields, after := stepAuditFields(p, owner)
		before := map[string]string{}
		action := data.ActionCreate
		if exists {
			oldOwner, err := ownerName(ctx, tx, old.OwnerID)
			if err != nil {
				return err
			}
			_, before = stepAuditFields(old, oldOwner)
			action = data.ActionUpdate
		}
		changes := data.Diff(fields, before, after)
		// A value that could not be read was read as the zero value: the
		// same zero entered again is still a value to store.
		if exists && len(changes) == 0 && len(old.Unreadable) == 0 {
			saved = old
			return nil
		}
		now := w.now()
		if exists {
			err = stepRecord(p.StepID).update(ctx, tx, now, p.Revision, `status = ?, owner_id = ?, due = ?,
				notes = ?, na_reason = ?, updated_at = ?`,
				string(p.Status), nullID(p.OwnerID), formatDate(p.Due), p.Notes, p.NAReason, formatTime(now))
		} else {
			_, err = tx.ExecContext(ctx, `INSERT INTO step_progress (step_id, status, owner_id, due,
				notes, na_reason, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
				p.StepID, string(p.Status), nullID(p.OwnerID), formatDate(p.Due), p.Notes, p.NAReason, formatTime(now))
		}
		if err != nil {
			return err
		}
		if err := record(ctx, tx, now, "step", p.StepID, action, changes); err != nil {
			return err
		}
		saved, _, err = readStep(ctx, tx, p.StepID)
		return err
	})
	if err != nil {
		return data.StepProgress{}, err
	}
	return saved, nil
}

func stepRecord(stepID string) revised {
	return revised{table: "step_progress", key: "step_id = ?", keyArgs: []any{stepID}, entity: "step", entityID: stepID, what: "this roadmap step"}
}

func planRecord() revised {
	return revised{table: "plan", key: "id = 1", entity: "plan", entityID: planID, what: "the roadmap plan"}
}

// Plan returns the roadmap plan; an empty Plan when none has been saved.
func (w *Workspace) Plan(ctx context.Context) (data.Plan, error) {
	var p data.Plan
	err := w.read(ctx, "read plan", func(tx *sql.Tx) error {
		var err error
		p, _, err = readPlan(ctx, tx)
		return err
	})
	if err != nil {
		return data.Plan{}, err
	}
	return p, nil
}

func readPlan(ctx context.Context, tx *sql.Tx) (data.Plan, bool, error) {
	var target sql.NullString
	var rev data.Revision
	err := tx.QueryRowContext(ctx, "SELECT target_date, revision FROM plan WHERE id = 1").Scan(&target, &rev)
	if errors.Is(err, sql.ErrNoRows) {
		return data.Plan{}, false, nil
	}
	if err != nil {
		return data.Plan{}, false, err
	}
	v := readValues("roadmap plan", "")
	p := data.Plan{TargetDate: v.date("TargetDate", "target date", target), Revision: rev}
	p.Unreadable = v.bad
	return p, true, nil
}

// SavePlan stores the roadmap plan, records what changed in the audit
// trail under entity "plan" and returns the stored plan, at its new
// revision. A save from a copy older than the stored plan (p.Revision 0 once
// one is stored) is refused with data.EConflict. Saving an unchanged plan
// writes nothing.
func (w *Workspace) SavePlan(ctx context.Context, p data.Plan) (data.Plan, error) {
	if w.readOnly {
		return data.Plan{}, w.errReadOnly()
	}
	if err := checkDate("plan", "TargetDate", "The target date", p.TargetDate); err != nil {
		return data.Plan{}, err
	}
	var saved data.Plan
	err := w.write(ctx, "save plan", func(tx *sql.Tx) error {
		old, exists, err := readPlan(ctx, tx)
		if err != nil {
			return err
		}
		fields := []string{"target_date"}
		before := map[string]string{}
		action := data.ActionCreate
		if exists {
			before["target_date"] = auditDate(old.TargetDate)
			action = data.ActionUpdate
		}
		changes := data.Diff(fields, before, map[string]string{"target_date": auditDate(p.TargetDate)})
		if len(changes) == 0 {
			// Nothing to change, or an empty plan where none was saved.
			saved = old
			return nil
		}
		now := w.now()
		if exists {
			err = planRecord().update(ctx, tx, now, p.Revision, "target_date = ?, updated_at = ?",
				formatDate(p.TargetDate), formatTime(now))
		} else {
			_, err = tx.ExecContext(ctx, "INSERT INTO plan (id, target_date, updated_at) VALUES (1, ?, ?)",
				formatDate(p.TargetDate), formatTime(now))
		}
		if err != nil {
			return err
		}
		if err := record(ctx, tx, now, "plan", planID, action, changes); err != nil {
			return err
		}
		saved, _, err = readPlan(ctx, tx)
		return err
	})
	if err != nil {
		return data.Plan{}, err
	}
	return saved, nil
}
