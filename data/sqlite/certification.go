package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"smsbuilder/data"
)

// fillFindingDeadlines gives a new certification finding the deadlines it
// leaves empty, from its audit and the organisation's settings, so that a
// finding added from a blank form or a spreadsheet still becomes tasks. A
// finding whose audit is not found is left for checkTargets to refuse.
func fillFindingDeadlines(ctx context.Context, q querier, now time.Time, r *data.Record) error {
	if r.Get("plan_due") != "" && r.Get("evidence_due") != "" {
		return nil
	}
	ids := r.IDs("audit")
	if len(ids) == 0 {
		return nil
	}
	audit, err := readRecord(ctx, q, ids[0])
	if err != nil || audit.Register != data.ExternalAuditsRegister {
		return nil // checkTargets names the missing audit
	}
	org, err := organisationSettings(ctx, q)
	if err != nil {
		return err
	}
	data.FillFindingDeadlines(r, audit, org, now)
	return nil
}

// organisationSettings reads the certification settings alone, the
// defaults when no profile is stored yet.
func organisationSettings(ctx context.Context, q querier) (data.Organisation, error) {
	var o data.Organisation
	err := q.QueryRowContext(ctx, `SELECT correction_plan_days, evidence_days, evidence_limit_mb
		FROM organisation WHERE id = 1`).Scan(&o.CorrectionPlanDays, &o.EvidenceDays, &o.EvidenceLimitMB)
	if errors.Is(err, sql.ErrNoRows) {
		return data.DefaultOrganisation(), nil
	}
	return o.WithSettingDefaults(), err
}
