package data

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
)

// RepeatStage2Months is how long after the last day of a stage 2 audit
// its major nonconformities may stay open: a body that cannot verify them
// closed by then must hold stage 2 again (ISO/IEC 17021-1).
const RepeatStage2Months = 6

// Stage2Flag is a major finding of a stage 2 audit that puts the
// certificate at risk: still open, or closed too late.
type Stage2Flag struct {
	Audit   RecordRef
	Finding RecordRef
	// Deadline is the last day the finding may be closed on.
	Deadline time.Time
	// Repeat is set once the deadline has passed with the finding open,
	// or the finding was closed after it: stage 2 is to be held again.
	Repeat bool
}

// Text says the flag in plain words, dates written by date.
func (f Stage2Flag) Text(date func(time.Time) string) string {
	if f.Repeat {
		return fmt.Sprintf("Repeat stage 2: major nonconformity %s of %s was not closed by %s, six months after the audit.",
			f.Finding.Text(), f.Audit.Text(), date(f.Deadline))
	}
	return fmt.Sprintf("Close major nonconformity %s of %s by %s, or stage 2 is held again.",
		f.Finding.Text(), f.Audit.Text(), date(f.Deadline))
}

// Stage2Flags finds the major findings of the stage 2 audits held that
// are open, or were closed after their six months, worst first: those
// that call for a repeat stage 2, then the rest by deadline.
func Stage2Flags(audits, findings []Record, now time.Time) []Stage2Flag {
	auditReg, _ := FindRegister(ExternalAuditsRegister)
	findingReg, _ := FindRegister(ExternalFindingsRegister)
	today := calendarDay(now)
	// the majors by audit, each finding's links read once
	majors := map[int64][]Record{}
	for _, f := range findings {
		if f.Get("grade") == ExternalMajorNC {
			for _, id := range f.IDs("audit") {
				majors[id] = append(majors[id], f)
			}
		}
	}
	var out []Stage2Flag
	for _, a := range audits {
		held, ok := a.Date("held_on")
		if a.Get("kind") != ExternalStage2 || !ok {
			continue
		}
		deadline := held.AddDate(0, RepeatStage2Months, 0)
		for _, f := range majors[a.ID] {
			closed := f.Get("status") == ExternalFindingClosed
			closedOn, dated := f.Date("closed_on")
			var repeat bool
			switch {
			case closed && dated:
				repeat = closedOn.After(deadline)
			case closed:
				continue // closed on a day nobody wrote down: taken as in time
			default:
				repeat = today.After(deadline)
			}
			if closed && !repeat {
				continue
			}
			out = append(out, Stage2Flag{
				Audit:    RecordRef{ID: a.ID, Register: auditReg.Key, Reference: auditReg.Reference(a.Number), Title: a.Get(auditReg.TitleField)},
				Finding:  RecordRef{ID: f.ID, Register: findingReg.Key, Reference: findingReg.Reference(f.Number), Title: f.Get(findingReg.TitleField)},
				Deadline: deadline, Repeat: repeat,
			})
		}
	}
	slices.SortStableFunc(out, func(a, b Stage2Flag) int {
		if a.Repeat != b.Repeat {
			if a.Repeat {
				return -1
			}
			return 1
		}
		return a.Deadline.Compare(b.Deadline)
	})
	return out
}

// WorkspaceStage2Flags reads the certification audits and findings of
// the workspace and flags them (see Stage2Flags).
func WorkspaceStage2Flags(ctx context.Context, ws RegisterService, now time.Time) ([]Stage2Flag, error) {
	audits, err := ws.Records(ctx, RecordQuery{Register: ExternalAuditsRegister})
	if err != nil {
		return nil, fmt.Errorf("flag the stage 2 audits: %w", err)
	}
	findings, err := ws.Records(ctx, RecordQuery{Register: ExternalFindingsRegister})
	if err != nil {
		return nil, fmt.Errorf("flag the stage 2 audits: %w", err)
	}
	return Stage2Flags(audits.Records, findings.Records, now), nil
}

// NewExternalFinding is a new finding of audit as the form opens it:
// linked to the audit, answered by whoever arranged it, and with the
// correction plan and the evidence due the organisation's number of days
// after the audit was held, or after today while it is not yet marked
// held.
func NewExternalFinding(audit Record, org Organisation, today time.Time) Record {
	reg, _ := FindRegister(ExternalFindingsRegister)
	r := NewRecord(reg)
	r.Set("audit", FormatIDs([]int64{audit.ID}))
	r.Set("owner", audit.Get("owner"))
	FillFindingDeadlines(&r, audit, org, today)
	return r
}

// FillFindingDeadlines sets the correction plan and evidence deadlines a
// finding of audit leaves empty, as NewExternalFinding would: storage
// calls it when a finding is added from a blank form or a spreadsheet, so
// that every nonconformity found gets its tasks. Observations and
// opportunities, which ask for no answer, keep what they have, as does a
// finding that names no audit.
func FillFindingDeadlines(r *Record, audit Record, org Organisation, today time.Time) {
	if g := r.Get("grade"); g != "" && g != ExternalMajorNC && g != "minor" {
		return
	}
	held, ok := audit.Date("held_on")
	if !ok {
		held = calendarDay(today)
	}
	plan, evidence := org.FindingDeadlines(held)
	if r.Get("plan_due") == "" {
		r.Set("plan_due", plan.Format(DateLayout))
	}
	if r.Get("evidence_due") == "" {
		r.Set("evidence_due", evidence.Format(DateLayout))
	}
}

// NonconformityFromExternalFinding is a new nonconformity raised from a
// minor or major finding of a certification audit: found by that audit,
// as severe as its grade, its title and what was found taken from the
// finding, so that its cause and corrective actions are followed like any
// other. It is refused for an observation or an opportunity.
func NonconformityFromExternalFinding(audits Register, audit, finding Record, today time.Time) (Record, error) {
	grade := finding.Get("grade")
	if grade != ExternalMajorNC && grade != "minor" {
		return Record{}, Errorf(EInvalid, "Only a finding graded as a minor or major nonconformity raises a nonconformity record.")
	}
	findings, _ := FindRegister(ExternalFindingsRegister)
	ncs, _ := FindRegister(NonconformitiesRegister)
	r := NewRecord(ncs)
	r.Set("title", clip(findingLine(finding.Get(findings.TitleField)), 300))
	r.Set("source", "certification")
	r.Set("severity", grade)
	r.Set("raised_on", calendarDay(today).Format(DateLayout))
	if o := finding.Get("owner"); o != "" {
		r.Set("owner", o)
	}
	desc := fmt.Sprintf("Found by certification audit %s %s as %s %s", audits.Reference(audit.Number), audit.Get(audits.TitleField),
		findings.Reference(finding.Number), finding.Get(findings.TitleField))
	if clause := strings.TrimSpace(finding.Get("clause")); clause != "" {
		desc += ", against clause " + clause
	}
	desc += "."
	if w := strings.TrimSpace(finding.Get("wording")); w != "" {
		desc += "\n\nThe auditor wrote: " + w
	}
	r.Set("description", clip(desc, DefaultLongTextLen))
	return r, nil
}
