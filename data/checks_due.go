package data

import (
	"context"
	"fmt"
	"slices"
	"time"
)

// checkRegisters are the registers whose dated tasks are the checks of
// the SMS: audits to hold, management reviews to hold, corrective actions
// whose effect is to be checked, the certification audits to host and
// the plans and evidence their findings ask for.
func checkRegisters() []string {
	return []string{AuditsRegister, ReviewsRegister, NonconformitiesRegister, ExternalAuditsRegister, ExternalFindingsRegister}
}

// DueCheck is an open audit, review or effectiveness check with a date.
type DueCheck struct {
	Task    Task
	Record  RecordRef
	Overdue bool
}

// ChecksDue lists the open checks due before now plus the days given,
// overdue ones first, each by due date.
func ChecksDue(ctx context.Context, ws interface {
	TaskService
	RegisterService
}, now time.Time, days int) ([]DueCheck, error) {
	tasks, err := ws.Tasks(ctx)
	if err != nil {
		return nil, fmt.Errorf("list the checks due: %w", err)
	}
	until := calendarDay(now).AddDate(0, 0, days)
	var ids []int64
	var open []Task
	for _, t := range tasks {
		id, _, ok := ParseRecordTaskRef(t.SourceRef)
		if t.SourceKind != SourceRecord || !ok || t.Status != TaskOpen || t.Due.IsZero() || !t.Due.Before(until) {
			continue
		}
		ids = append(ids, id)
		open = append(open, t)
	}
	refs, err := ws.RecordRefsOf(ctx, ids)
	if err != nil {
		return nil, fmt.Errorf("list the checks due: %w", err)
	}
	byID := make(map[int64]RecordRef, len(refs))
	for _, r := range refs {
		byID[r.ID] = r
	}
	var out []DueCheck
	for _, t := range open {
		id, _, _ := ParseRecordTaskRef(t.SourceRef)
		ref, ok := byID[id]
		if !ok || !slices.Contains(checkRegisters(), ref.Register) {
			continue
		}
		out = append(out, DueCheck{Task: t, Record: ref, Overdue: t.Overdue(now)})
	}
	slices.SortStableFunc(out, func(a, b DueCheck) int { return a.Task.Due.Compare(b.Task.Due) })
	return out, nil
}
