package data

import (
	"strings"
	"testing"
	"time"
)

func TestStage2FlagsAskForARepeatAfterSixMonths(t *testing.T) {
	auditReg, _ := FindRegister(ExternalAuditsRegister)
	findingReg, _ := FindRegister(ExternalFindingsRegister)
	audit := func(id int64, kind, held string) Record {
		r := NewRecord(auditReg)
		r.ID, r.Number = id, int(id)
		r.Set("title", "Audit "+kind)
		r.Set("kind", kind)
		r.Set("held_on", held)
		return r
	}
	finding := func(id, audit int64, grade, status, closedOn string) Record {
		r := NewRecord(findingReg)
		r.ID, r.Number = id, int(id)
		r.Set("title", "Backups untested")
		r.Set("audit", FormatIDs([]int64{audit}))
		r.Set("grade", grade)
		r.Set("status", status)
		r.Set("closed_on", closedOn)
		return r
	}
	audits := []Record{audit(1, ExternalStage2, "2027-03-10"), audit(2, "stage1", "2027-01-10"), audit(3, ExternalStage2, "")}
	day := func(s string) time.Time { d, _ := time.Parse(DateLayout, s); return d }
	iso := func(d time.Time) string { return d.Format(DateLayout) }
	cases := []struct {
		name     string
		findings []Record
		now      string
		want     []string
	}{
		{"open major within six months", []Record{finding(10, 1, "major", "open", "")}, "2027-05-01",
			[]string{"Close major nonconformity CF-10 Backups untested of CA-1 Audit stage2 by 2027-09-10, or stage 2 is held again."}},
		{"open major past six months", []Record{finding(10, 1, "major", "plan_sent", "")}, "2027-09-11",
			[]string{"Repeat stage 2: major nonconformity CF-10 Backups untested of CA-1 Audit stage2 was not closed by 2027-09-10, six months after the audit."}},
		{"major closed in time", []Record{finding(10, 1, "major", "closed", "2027-08-01")}, "2027-12-01", nil},
		{"major closed late", []Record{finding(10, 1, "major", "closed", "2027-10-01")}, "2027-12-01",
			[]string{"Repeat stage 2: major nonconformity CF-10 Backups untested of CA-1 Audit stage2 was not closed by 2027-09-10, six months after the audit."}},
		{"minor left open", []Record{finding(10, 1, "minor", "open", "")}, "2027-12-01", nil},
		{"major of a stage 1", []Record{finding(10, 2, "major", "open", "")}, "2027-12-01", nil},
		{"major of a stage 2 not yet held", []Record{finding(10, 3, "major", "open", "")}, "2027-12-01", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, f := range Stage2Flags(audits, c.findings, day(c.now)) {
				got = append(got, f.Text(iso))
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

func TestCertificationRules(t *testing.T) {
	findingReg, _ := FindRegister(ExternalFindingsRegister)
	bodyReg, _ := FindRegister(BodiesRegister)
	cases := []struct {
		name   string
		reg    Register
		values map[string]string
		want   string // the field the rule marks, "" for none
	}{
		{"finding closed without evidence", findingReg, map[string]string{"status": "closed"}, "evidence"},
		{"finding closed with evidence", findingReg, map[string]string{"status": "closed", "evidence": "Test restore report sent"}, ""},
		{"finding open without evidence", findingReg, map[string]string{"status": "open"}, ""},
		{"body chosen without contract", bodyReg, map[string]string{"status": "chosen"}, "contract_on"},
		{"body chosen with contract", bodyReg, map[string]string{"status": "chosen", "contract_on": "2027-01-05"}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := NewRecord(c.reg)
			for k, v := range c.values {
				r.Set(k, v)
			}
			got := ""
			for _, rule := range c.reg.Rules {
				if field, _ := rule(r); field != "" {
					got = field
				}
			}
			if got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
		})
	}
}

func TestNewExternalFindingTakesItsDeadlinesFromTheAudit(t *testing.T) {
	auditReg, _ := FindRegister(ExternalAuditsRegister)
	today := time.Date(2027, 6, 1, 15, 0, 0, 0, time.UTC)
	cases := []struct {
		name, held           string
		org                  Organisation
		wantPlan, wantProofs string
	}{
		{"audit held", "2027-05-10", Organisation{}, "2027-06-09", "2027-08-08"},
		{"audit not yet marked held", "", Organisation{}, "2027-07-01", "2027-08-30"},
		{"the organisation's own terms", "2027-05-10", Organisation{CorrectionPlanDays: 14, EvidenceDays: 60}, "2027-05-24", "2027-07-09"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			audit := NewRecord(auditReg)
			audit.ID = 7
			audit.Set("held_on", c.held)
			audit.Set("owner", "3")
			got := NewExternalFinding(audit, c.org, today)
			if got.Get("plan_due") != c.wantPlan || got.Get("evidence_due") != c.wantProofs {
				t.Errorf("got plan due %s and evidence due %s, want %s and %s", got.Get("plan_due"), got.Get("evidence_due"), c.wantPlan, c.wantProofs)
			}
			if got, want := got.IDs("audit"), []int64{7}; len(got) != 1 || got[0] != want[0] {
				t.Errorf("got audit %v, want %v", got, want)
			}
			if got, want := got.Get("owner"), "3"; got != want {
				t.Errorf("got owner %q, want %q", got, want)
			}
		})
	}
}

func TestNonconformityFromExternalFinding(t *testing.T) {
	audits, _ := FindRegister(ExternalAuditsRegister)
	findings, _ := FindRegister(ExternalFindingsRegister)
	audit := NewRecord(audits)
	audit.Number = 2
	audit.Set("title", "Stage 2")
	finding := func(grade string) Record {
		r := NewRecord(findings)
		r.Number = 4
		r.Set("title", "No continuity test held")
		r.Set("grade", grade)
		r.Set("clause", "8.7.2")
		r.Set("wording", "The continuity plan has never been tested.")
		return r
	}
	today := time.Date(2027, 6, 1, 15, 0, 0, 0, time.UTC)
	nc, err := NonconformityFromExternalFinding(audits, audit, finding("major"), today)
	if err != nil {
		t.Fatal(err)
	}
	got := []string{nc.Get("title"), nc.Get("source"), nc.Get("severity"), nc.Get("raised_on"), nc.Get("description")}
	want := []string{"No continuity test held", "certification", "major", "2027-06-01",
		"Found by certification audit CA-2 Stage 2 as CF-4 No continuity test held, against clause 8.7.2.\n\nThe auditor wrote: The continuity plan has never been tested."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got %q, want %q", got, want)
	}
	ncs, _ := FindRegister(NonconformitiesRegister)
	if err := ncs.Validate(nc); err != nil {
		t.Errorf("the raised nonconformity does not save: %v", err)
	}
	if _, err := NonconformityFromExternalFinding(audits, audit, finding("observation"), today); err == nil {
		t.Errorf("an observation raised a nonconformity")
	}
}

func TestFillFindingDeadlinesKeepsWhatIsTyped(t *testing.T) {
	auditReg, _ := FindRegister(ExternalAuditsRegister)
	findingReg, _ := FindRegister(ExternalFindingsRegister)
	audit := NewRecord(auditReg)
	audit.Set("held_on", "2027-05-10")
	today := time.Date(2027, 6, 1, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		name, grade, plan    string
		wantPlan, wantProofs string
	}{
		{"minor with nothing typed", "minor", "", "2027-06-09", "2027-08-08"},
		{"major with its plan date typed", ExternalMajorNC, "2027-05-20", "2027-05-20", "2027-08-08"},
		{"observation asks for no answer", "observation", "", "", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := NewRecord(findingReg)
			r.Set("grade", c.grade)
			r.Set("plan_due", c.plan)
			FillFindingDeadlines(&r, audit, Organisation{}, today)
			if got, want := r.Get("plan_due")+" "+r.Get("evidence_due"), c.wantPlan+" "+c.wantProofs; got != want {
				t.Errorf("got %q, want %q", got, want)
			}
		})
	}
}
