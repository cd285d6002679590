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
