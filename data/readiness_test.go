package data_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"smsbuilder/assets"
	"smsbuilder/data"
)

func readinessInput(t testing.TB) data.ReadinessInput {
	t.Helper()
	cat, err := data.LoadCatalogue(assets.Content())
	if err != nil {
		t.Fatalf("LoadCatalogue = %v", err)
	}
	now := time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC)
	rec := func(reg string, id int64, n int, kv ...string) data.Record {
		r := data.Record{ID: id, Register: reg, Number: n, Values: map[string]string{}}
		for i := 0; i+1 < len(kv); i += 2 {
			r.Set(kv[i], kv[i+1])
		}
		return r
	}
	return data.ReadinessInput{
		Catalogue:    cat,
		Organisation: data.Organisation{Services: []string{"Cloud Hosting", "Backup and Recovery"}, DateFormat: data.DateFormats()[0]},
		Registers:    data.Registers(),
		Records: map[string][]data.Record{
			"services":                {rec("services", 1, 1, "title", "Cloud hosting", "status", "live", "owner", "7")},
			"slas":                    {rec("slas", 2, 1, "title", "Hosting SLA", "service", "1", "status", "agreed")},
			"suppliers":               {rec("suppliers", 3, 1, "title", "Carrier", "review_date", "2026-10-01")},
			"risks":                   {rec("risks", 4, 1, "title", "Outage", "owner", "7", "review_date", "2027-03-01")},
			data.MeasurementsRegister: {rec(data.MeasurementsRegister, 5, 1, "objective", "9", "date", "2026-10-15")},
		},
		Now: now,
	}
}

func TestReadinessChecks(t *testing.T) {
	checks := data.ReadinessChecks(readinessInput(t))
	wants := []struct{ group, subject, text string }{
		{data.ReadinessServices, "Clause 8.2.4", `"Backup and Recovery" is in the scope but not in the service catalogue`},
		{data.ReadinessSuppliers, "SUP-1 Carrier", "No contract or agreement"},
		{data.ReadinessSuppliers, "SUP-1 Carrier", "review was due on"},
		{data.ReadinessRisks, "RSK-1 Outage", "No treatment"},
		{data.ReadinessReviews, "Clause 9.3", "No management review is recorded"},
		{data.ReadinessOperation, "Clause 8.1", "less than 3 months before today"},
		{data.ReadinessClauses, "Clause 7.6", "Nothing supports clause 7.6"},
	}
	for _, w := range wants {
		found := false
		for _, c := range checks {
			found = found || (c.Group == w.group && c.Subject() == w.subject && strings.Contains(c.Text, w.text))
		}
		if !found {
			t.Errorf("no %s check on %q saying %q", w.group, w.subject, w.text)
		}
	}
	for _, c := range checks {
		if c.Subject() == "SVC-1 Cloud hosting" {
			t.Errorf("got a check on a service with an owner and an agreement: %s", c.Text)
		}
	}
	got, want := fmt.Sprint(data.ReadinessChecks(readinessInput(t))), fmt.Sprint(checks)
	if got != want {
		t.Errorf("second run differs: the checks are not deterministic")
	}
}

// BenchmarkReadinessChecks: a large workspace of 2,000 records in each of
// the checked registers and 200 documents.
func BenchmarkReadinessChecks(b *testing.B) {
	in := readinessInput(b)
	for _, reg := range []string{"services", "suppliers", "risks", data.ObjectivesRegister, data.MeasurementsRegister, data.NonconformitiesRegister} {
		var rs []data.Record
		for i := 0; i < 2000; i++ {
			rs = append(rs, data.Record{ID: int64(100000*len(reg) + i), Register: reg, Number: i + 1,
				Values: map[string]string{"title": fmt.Sprint("R", i), "objective": fmt.Sprint(i), "date": "2026-01-01"}})
		}
		in.Records[reg] = rs
	}
	for i := 0; i < 200; i++ {
		in.Documents = append(in.Documents, data.ReadinessDocument{Document: data.Document{ID: int64(i + 1), Number: fmt.Sprint("DOC-", i), Clauses: []string{"8.2"}},
			Versions: []data.Version{{Status: data.DocApproved, Body: "text [prompt: x]"}}})
	}
	for b.Loop() {
		data.ReadinessChecks(in)
	}
}
