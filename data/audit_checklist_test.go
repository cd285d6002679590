package data_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"smsbuilder/data"
)

// auditByTitle finds a stored audit by its title.
func auditByTitle(t *testing.T, ws data.Workspace, title string) data.Record {
	t.Helper()
	page, err := ws.Records(context.Background(), data.RecordQuery{Register: data.AuditsRegister})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range page.Records {
		if r.Get("title") == title {
			return r
		}
	}
	t.Fatalf("no audit %q", title)
	return data.Record{}
}

func checklistOf(t *testing.T, ws data.Workspace, cat *data.Catalogue, audit data.Record) []data.ChecklistItem {
	t.Helper()
	ctx := context.Background()
	docs, err := ws.Documents(ctx)
	if err != nil {
		t.Fatal(err)
	}
	findings, err := ws.Records(ctx, data.RecordQuery{Register: data.FindingsRegister})
	if err != nil {
		t.Fatal(err)
	}
	var counts []data.RegisterCount
	for _, reg := range data.Registers() {
		page, _ := ws.Records(ctx, data.RecordQuery{Register: reg.Key, Limit: 1})
		counts = append(counts, data.RegisterCount{Register: reg, Records: page.Total})
	}
	items, err := data.BuildChecklist(cat, data.ChecklistInput{Audit: audit, Documents: docs, Registers: counts, Findings: findings.Records})
	if err != nil {
		t.Fatal(err)
	}
	return items
}

func TestChecklistRoundTrip(t *testing.T) {
	ctx := data.WithActor(context.Background(), "Oliver Grant")
	ws, cat := seededAuditDemo(t, time.Date(2026, 3, 31, 9, 0, 0, 0, time.UTC))
	audit := auditByTitle(t, ws, "Context, leadership and planning")
	items := checklistOf(t, ws, cat, audit)
	var clauses []string
	for _, i := range items {
		clauses = append(clauses, i.Clause.Number)
	}
	if want := []string{"4.1", "4.2", "4.3", "4.4", "5.1", "5.2.1", "5.2.2", "5.3", "6.1", "6.2.1", "6.2.2", "6.3"}; !slices.Equal(clauses, want) {
		t.Fatalf("checklist clauses = %v; want %v", clauses, want)
	}
	// what to look at: the documents and registers mapped to the clause
	var look []string
	for _, d := range items[1].Documents {
		look = append(look, d.Number)
	}
	for _, r := range items[1].Registers {
		look = append(look, r.Text())
	}
	if !slices.ContainsFunc(look, func(s string) bool { return strings.HasPrefix(s, "Interested parties") }) {
		t.Errorf("4.2 tells the auditor to look at %v; want the interested parties register among them", look)
	}

	items[0].Finding.Set("grade", "conforming")
	items[0].Finding.Set("evidence", "Issues register, 6 issues")
	items[5].Finding.Set("grade", "minor")
	items[5].Finding.Set("notes", "The policy has not been reviewed since it was approved. Nobody owns the review.")
	if _, err := ws.SaveRecords(ctx, data.FindingsRegister, data.ChecklistFindings(items)); err != nil {
		t.Fatal(err)
	}

	again := checklistOf(t, ws, cat, audit)
	got := map[string]string{}
	for _, i := range again {
		if i.Finding.ID != 0 {
			got[i.Clause.Number] = i.Finding.Get("grade")
		}
	}
	if want := map[string]string{"4.1": "conforming", "5.2.1": "minor"}; len(got) != 2 || got["4.1"] != want["4.1"] || got["5.2.1"] != want["5.2.1"] {
		t.Errorf("findings read back = %v; want %v", got, want)
	}
	again[0].Finding.Set("grade", "observation")
	sum, err := ws.SaveRecords(ctx, data.FindingsRegister, data.ChecklistFindings(again))
	if err != nil {
		t.Fatal(err)
	}
	if sum.Created != 0 || sum.Updated != 1 || sum.Unchanged != 1 {
		t.Errorf("conducting again saved %+v; want 1 updated, 1 unchanged, none created", sum)
	}

	// a nonconformity raised from the minor finding
	audits, _ := data.FindRegister(data.AuditsRegister)
	nc, err := data.NonconformityFromFinding(cat, audits, audit, again[5].Finding, time.Date(2026, 4, 2, 10, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	saved, err := ws.SaveRecord(ctx, nc)
	if err != nil {
		t.Fatal(err)
	}
	for key, want := range map[string]string{
		"title":  "The policy has not been reviewed since it was approved",
		"source": "audit", "severity": "minor", "raised_on": "2026-04-02", "status": "open",
	} {
		if got := saved.Get(key); got != want {
			t.Errorf("raised nonconformity %s = %q; want %q", key, got, want)
		}
	}
	if !slices.Equal(saved.IDs("finding"), []int64{again[5].Finding.ID}) || !strings.Contains(saved.Get("description"), "Found by internal audit AUD-2") {
		t.Errorf("raised nonconformity links %v, says %q; want the finding linked and the audit named", saved.IDs("finding"), saved.Get("description"))
	}
	if _, err := data.NonconformityFromFinding(cat, audits, audit, again[0].Finding, time.Now()); err == nil {
		t.Error("an observation raised a nonconformity")
	}
}
