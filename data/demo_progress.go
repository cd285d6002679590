package data

import (
	"context"
	"fmt"
	"hash/fnv"
	"time"
)

// seedDemoProgress gives the demo a believable SMS in progress: a target
// date, a roadmap partly done, two gap assessments four months apart, and
// tasks from the roadmap and the gaps, one of them overdue.
func seedDemoProgress(ctx context.Context, ws Workspace, cat *Catalogue, now time.Time) error {
	people, err := ws.People(ctx)
	if err != nil {
		return fmt.Errorf("seed demo progress: %w", err)
	}
	byRole := func(kind RoleKind) int64 {
		for _, p := range people {
			if p.HasRole(kind) {
				return p.ID
			}
		}
		return 0
	}
	owner, top, auditor := byRole(RoleSMSOwner), byRole(RoleTopManagement), byRole(RoleInternalAuditor)
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	target := today.AddDate(0, 10, 0)
	if _, err := ws.SavePlan(ctx, Plan{TargetDate: target}); err != nil {
		return fmt.Errorf("seed demo plan: %w", err)
	}
	due := ScheduleBack(cat, target)
	steps := cat.Steps()
	for i, s := range steps {
		p := StepProgress{StepID: s.ID, Status: StepNotStarted, OwnerID: owner, Due: due[s.ID]}
		switch {
		case i == 0:
			p.OwnerID = top
		case i == len(steps)-4 || i == len(steps)-5:
			p.OwnerID = auditor
		}
		switch {
		case i < 5:
			p.Status = StepDone
			p.Notes = "Completed; records kept in the shared SMS folder."
			p.Due = today.AddDate(0, 0, -120+i*20)
		case i < 7:
			p.Status = StepInProgress
			p.Due = today.AddDate(0, 0, 14*(i-4))
		}
		if _, err := ws.SaveStepProgress(ctx, p); err != nil {
			return fmt.Errorf("seed demo step %s: %w", s.ID, err)
		}
		if p.Status == StepInProgress {
			for j, item := range s.Checklist {
				t := Task{Title: item, Description: "Roadmap step: " + s.Title, OwnerID: p.OwnerID, Due: p.Due,
					Status: TaskOpen, SourceKind: SourceStep, SourceRef: fmt.Sprintf("%s#%d", s.ID, j+1)}
				if j == 0 {
					t.Status = TaskDone
				}
				if j == 1 {
					t.Due = today.AddDate(0, 0, -9) // the overdue one
				}
				if _, err := ws.SaveTask(ctx, t); err != nil {
					return fmt.Errorf("seed demo task: %w", err)
				}
			}
		}
	}

	for _, a := range []struct {
		title string
		date  time.Time
		lift  int
	}{
		{"Baseline gap assessment", today.AddDate(0, -4, -3), 0},
		{"Progress review", today.AddDate(0, 0, -12), 1},
	} {
		as, err := ws.SaveAssessment(ctx, Assessment{Title: a.title, Date: a.date, Assessor: "Daniel Okafor"})
		if err != nil {
			return fmt.Errorf("seed demo assessment: %w", err)
		}
		for _, q := range cat.Questions() {
			ans := Answer{AssessmentID: as.ID, QuestionID: q.ID, Score: demoScore(q, a.lift)}
			if q.Clause == "8.3.4.2" {
				ans.Score, ans.NAReason = MaturityNA, "Northwind has no internal suppliers; every supplier is an external company under contract."
			}
			if ans.Score >= 3 {
				ans.Evidence = "SMS shared folder, " + q.Clause
			}
			if _, err := ws.SaveAnswer(ctx, ans); err != nil {
				return fmt.Errorf("seed demo answer: %w", err)
			}
		}
	}
	answers, err := ws.Assessments(ctx)
	if err != nil || len(answers) == 0 {
		return fmt.Errorf("seed demo gaps: %w", err)
	}
	latest, err := ws.Answers(ctx, answers[0].ID)
	if err != nil {
		return fmt.Errorf("seed demo gaps: %w", err)
	}
	for i, g := range Gaps(cat, latest) {
		if i == 3 {
			break
		}
		t := Task{Title: "Close gap: " + g.Question.Text, Description: g.Question.Evidence, OwnerID: owner,
			Due: today.AddDate(0, 1, 0), Status: TaskOpen, SourceKind: SourceQuestion, SourceRef: g.Question.ID}
		if _, err := ws.SaveTask(ctx, t); err != nil {
			return fmt.Errorf("seed demo gap task: %w", err)
		}
	}
	return nil
}

// demoScore is a repeatable maturity for a question: the firm is strongest
// where an MSP usually is (incidents, requests, changes) and weakest in the
// management-system clauses; lift raises the later assessment.
func demoScore(q Question, lift int) int {
	h := fnv.New32a()
	h.Write([]byte(q.ID))
	base := int(h.Sum32() % 3) // 0..2
	switch topClause(q.Clause) {
	case "8":
		base++
	case "9", "10":
		base--
	}
	score := base + lift
	if lift > 0 && h.Sum32()%4 == 0 {
		score++
	}
	return max(MaturityNone, min(MaturityFully, score))
}
