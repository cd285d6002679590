package app

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"smsbuilder/data"
)

// The dashboard names the audit that is overdue and the review coming up,
// and says nothing of an audit already held.
func TestTheDashboardNamesAuditsAndReviewsDue(t *testing.T) {
	u := newRegisterUI(t)
	ctx := context.Background()
	people, err := u.ws.People(ctx)
	if err != nil || len(people) == 0 {
		t.Fatal("the workspace has no people", err)
	}
	lead := fmt.Sprint(people[0].ID)
	now := fixedNow()
	day := func(days int) string { return now.AddDate(0, 0, days).Format(data.DateLayout) }
	saveRecord(t, u.ws, data.AuditsRegister, "title", "Change management", "clauses", "8.5.1", "planned", day(-10), "lead", lead, "status", "planned")
	saveRecord(t, u.ws, data.AuditsRegister, "title", "Incident management", "clauses", "8.6.1", "planned", day(-40), "held_on", day(-39), "lead", lead, "status", "reported")
	saveRecord(t, u.ws, data.ReviewsRegister, "title", "Management review, spring", "planned", day(12), "chair", lead, "status", "planned")
	if _, err := data.SyncRecordTasks(ctx, u.ws); err != nil {
		t.Fatal(err)
	}
	u.show(screenDashboard)
	got := texts(u.win.Content())
	for _, want := range []string{"Audits, reviews and checks", "Conduct AUD-1 Change management — overdue since", "Hold MR-1 Management review, spring — due"} {
		if !strings.Contains(got, want) {
			t.Errorf("the dashboard lacks %q", want)
		}
	}
	if strings.Contains(got, "Incident management") {
		t.Error("the dashboard lists an audit already held")
	}
}

// A stage 2 held seven months ago whose major nonconformity is still open
// heads the dashboard's checks with the call for a repeat stage 2; its
// minor one, and the stage 1's major one, say nothing there.
func TestTheDashboardFlagsARepeatStage2(t *testing.T) {
	u := newRegisterUI(t)
	now := fixedNow()
	day := func(months int) string { return now.AddDate(0, months, 0).Format(data.DateLayout) }
	body := saveRecord(t, u.ws, data.BodiesRegister, "title", "Meridian Assurance", "status", "shortlisted")
	link := func(r data.Record) string { return data.FormatIDs([]int64{r.ID}) }
	stage1 := saveRecord(t, u.ws, data.ExternalAuditsRegister, "title", "Stage 1", "kind", "stage1", "body", link(body),
		"planned_from", day(-8), "held_on", day(-8), "status", "held")
	stage2 := saveRecord(t, u.ws, data.ExternalAuditsRegister, "title", "Stage 2", "kind", data.ExternalStage2, "body", link(body),
		"planned_from", day(-7), "held_on", day(-7), "status", "held")
	saveRecord(t, u.ws, data.ExternalFindingsRegister, "title", "No continuity test", "audit", link(stage2), "grade", data.ExternalMajorNC, "status", "open")
	saveRecord(t, u.ws, data.ExternalFindingsRegister, "title", "Capacity plan stale", "audit", link(stage2), "grade", "minor", "status", "open")
	saveRecord(t, u.ws, data.ExternalFindingsRegister, "title", "Scope unclear", "audit", link(stage1), "grade", data.ExternalMajorNC, "status", "open")
	u.show(screenDashboard)
	got := texts(u.win.Content())
	if want := "Repeat stage 2: major nonconformity CF-1 No continuity test of CA-2 Stage 2 was not closed by"; !strings.Contains(got, want) {
		t.Errorf("the dashboard lacks %q", want)
	}
	for _, quiet := range []string{"Capacity plan stale", "Scope unclear"} {
		if strings.Contains(got, quiet) {
			t.Errorf("the dashboard names %q, which puts no stage 2 at risk", quiet)
		}
	}
}
