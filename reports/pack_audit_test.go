package reports

import (
	"strings"
	"testing"

	"smsbuilder/data"
)

// auditSource holds two audits, the first held with a minor finding and
// the nonconformity raised from it, the second planned.
func auditSource(t *testing.T, approvedOn string) Source {
	t.Helper()
	src := northwind(t)
	src.Catalogue = realCatalogue(t)
	src.People = []data.Person{{ID: 6, Name: "Oliver Grant"}}
	for _, reg := range data.Registers() {
		rr := RegisterRecords{Register: reg}
		switch reg.Key {
		case "services":
			rr.Records = []data.Record{{ID: 10, Register: "services", Number: 1, Values: map[string]string{"title": "Managed Desktop Support", "status": "live"}}}
		case data.AuditsRegister:
			held := map[string]string{"title": "Incident and requests", "clauses": "8.6.1, 8.6.2", "planned": "2026-03-01", "held_on": "2026-03-02",
				"lead": "6", "status": "reported", "services": "10", "summary": "Incidents are handled well.", "conclusions": "Conforms, one minor gap.",
				"distribution": "Margaret Holloway"}
			if approvedOn != "" {
				held["approved_on"] = approvedOn
			}
			rr.Records = []data.Record{
				{ID: 50, Register: reg.Key, Number: 1, Values: held},
				{ID: 51, Register: reg.Key, Number: 2, Values: map[string]string{"title": "Context", "clauses": "4", "planned": "2027-06-01", "lead": "6", "status": "planned"}},
			}
		case data.FindingsRegister:
			rr.Records = []data.Record{
				{ID: 60, Register: reg.Key, Number: 1, Values: map[string]string{"audit": "50", "clause": "8.6.2", "grade": "conforming", "notes": "Requests fulfilled on time."}},
				{ID: 61, Register: reg.Key, Number: 2, Values: map[string]string{"audit": "50", "clause": "8.6.1", "grade": "minor", "notes": "Priorities changed without a reason.", "evidence": "40 tickets"}},
			}
		case data.NonconformitiesRegister:
			rr.Records = []data.Record{{ID: 70, Register: reg.Key, Number: 1, Values: map[string]string{"title": "Priorities changed", "finding": "61", "source": "audit", "severity": "minor", "status": "open", "raised_on": "2026-03-03"}}}
		}
		src.Registers = append(src.Registers, rr)
	}
	return src
}

func TestAuditPack(t *testing.T) {
	tests := []struct {
		name, approvedOn string
		want             []string
	}{
		{"approved", "2026-03-09", []string{"Internal audit report: Incident and requests", "SMS-AUD-1", "Approved by the lead auditor",
			"8.6.1 Incident management; 8.6.2 Service request management", "SVC-1 Managed Desktop Support",
			"FND-2 8.6.1 Incident management", "Minor nonconformity", "NC-1 Priorities changed (Open)", "Conforms, one minor gap.",
			"Oliver Grant, lead auditor", "9 March 2026"}},
		{"not yet approved", "", []string{"DRAFT – not yet approved by the lead auditor", "Approved Not yet approved", "Not yet approved. Oliver Grant approves the report"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := auditSource(t, tt.approvedOn)
			b := buildPack(t, auditPackID, src, Options{Now: fixedNow, Audit: "aud-1", DateFormat: "2 January 2006"})
			readPDF(t, b)
			text := flat(pdfText(t, b, 0))
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("the report does not say %q", w)
				}
			}
			// findings print in clause order, 8.6.1 before 8.6.2
			if i, j := strings.Index(text, "FND-2 8.6.1"), strings.Index(text, "FND-1 8.6.2"); i < 0 || j < i {
				t.Errorf("findings not in clause order")
			}
		})
	}
}

func TestAuditPackRefuses(t *testing.T) {
	src := auditSource(t, "")
	for audit, want := range map[string]string{"": "Choose the audit", "AUD-9": "There is no audit AUD-9", "RSK-1": "not an audit reference"} {
		err := Check(t.Context(), auditPackID, src, Options{Now: fixedNow, Audit: audit})
		if got := data.ErrorMessage(err); !strings.Contains(got, want) {
			t.Errorf("audit %q: %q; want %q", audit, got, want)
		}
	}
}

func TestAuditProgrammePack(t *testing.T) {
	src := auditSource(t, "")
	b := buildPack(t, auditProgrammePackID, src, Options{Now: fixedNow, DateFormat: "2 January 2006"})
	readPDF(t, b)
	text := flat(pdfText(t, b, 0))
	for _, w := range []string{"Internal audit programme", "Year 1: 2 March 2026 – 1 March 2027", "AUD-1 Incident and requests",
		"Year 2: 2 March 2027", "AUD-2 Context", "4.1 Understanding", "8.6 Resolution and fulfilment",
		"missing 8.6.3", "8.7.2 Service continuity management", "Not covered", "Every year: Findings FND-2",
		"Audited every year, but none is planned in years 2, 3"} {
		if !strings.Contains(text, w) {
			t.Errorf("the programme does not say %q", w)
		}
	}
}
