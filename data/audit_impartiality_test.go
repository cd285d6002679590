package data_test

import (
	"strings"
	"testing"

	"smsbuilder/data"
)

func TestImpartialityRule(t *testing.T) {
	cat := loadEmbedded(t)
	services, _ := data.FindRegister("services")
	hosting := data.NewRecord(services)
	hosting.ID, hosting.Number = 7, 2
	hosting.Set("title", "Cloud Hosting")
	hosting.Set("owner", "3")
	facts := data.ImpartialityFacts{
		People: []data.Person{
			{ID: 1, Name: "Oliver Grant", Roles: []data.Role{{Kind: data.RoleInternalAuditor}}},
			{ID: 2, Name: "Priya Raman", Roles: []data.Role{{Kind: data.RoleProcessOwner, Process: "Incident management"}}},
			{ID: 3, Name: "Aisha Bello"},
		},
		Services:  services,
		Records:   []data.Record{hosting},
		Documents: []data.Document{{ID: 1, Number: "SMS-DOC-20", Title: "Continuity plan", Clauses: []string{"8.7.2"}, OwnerID: 3}},
	}
	rule := data.ImpartialityRule(cat, facts)
	tests := []struct {
		name string
		more []string
		want string // "" when the audit is accepted
	}{
		{"an auditor who owns nothing in scope", []string{"lead", "1"}, ""},
		{"the lead owns a process in scope", []string{"lead", "2"}, "Priya Raman owns the Incident management process (8.6.1)"},
		{"a team member owns a process in scope", []string{"lead", "1", "team", "priya raman"}, "Priya Raman owns the Incident management process"},
		{"the lead owns a service in scope", []string{"lead", "3", "services", "7"}, "Aisha Bello owns the service SVC-2 Cloud Hosting"},
		{"justified", []string{"lead", "2", "impartiality", "Oliver Grant audits 8.6.1; Priya audits only 8.6.2."}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			audit := programmeAudit(1, "Resolution", "8.6", "2027-01-10", tt.more...)
			field, got := rule(audit)
			if tt.want == "" && got != "" || !strings.Contains(got, tt.want) {
				t.Errorf("rule = %q; want %q", got, tt.want)
			}
			if got != "" && field != "impartiality" {
				t.Errorf("marks %q; want the impartiality field", field)
			}
		})
	}
	audit := programmeAudit(1, "Evaluation", "9", "2027-01-10", "lead", "3", "team", "Oliver Grant")
	if _, got := rule(audit); !strings.Contains(got, "Oliver Grant owns the internal audit programme (9.2)") {
		t.Errorf("an internal auditor auditing 9.2: %q; want the programme named as their own work", got)
	}
	audit = programmeAudit(1, "Continuity", "8.7", "2027-01-10", "lead", "3")
	if _, got := rule(audit); !strings.Contains(got, "the document SMS-DOC-20 Continuity plan") {
		t.Errorf("owner of a document for a clause in scope: %q; want the document named", got)
	}
}
