package data_test

import (
	"context"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"smsbuilder/assets"
	"smsbuilder/data"
	"smsbuilder/data/sqlite"
)

// seededAuditDemo is a new demo workspace seeded on the day.
func seededAuditDemo(t *testing.T, now time.Time) (data.Workspace, *data.Catalogue) {
	t.Helper()
	ctx := data.WithActor(context.Background(), "Demo")
	cat := loadEmbedded(t)
	ws, err := sqlite.New().Create(ctx, filepath.Join(t.TempDir(), "demo.smsdb"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	if err := data.SeedDemo(ctx, ws, cat, assets.DemoLogo(), now); err != nil {
		t.Fatal(err)
	}
	return ws, cat
}

// TestDemoAuditProgramme checks the programme a person opens: every clause
// and process covered, a reported audit with a finding of every grade and
// a nonconformity raised from each of its minor and major findings.
func TestDemoAuditProgramme(t *testing.T) {
	ctx := context.Background()
	ws, cat := seededAuditDemo(t, time.Date(2026, 3, 31, 9, 0, 0, 0, time.UTC))
	audits, _ := ws.Records(ctx, data.RecordQuery{Register: data.AuditsRegister})
	findings, _ := ws.Records(ctx, data.RecordQuery{Register: data.FindingsRegister})
	ncs, _ := ws.Records(ctx, data.RecordQuery{Register: data.NonconformitiesRegister})
	reg, _ := data.FindRegister(data.AuditsRegister)
	p := data.BuildProgramme(cat, data.ProgrammeInput{Audits: reg, Records: audits.Records, Findings: findings.Records})
	for _, l := range append(p.Clauses, p.Processes...) {
		if l.Coverage != data.Covered {
			t.Errorf("%s %s is %s; want every clause and process covered", l.Clause.Number, l.Clause.Title, l.Coverage.Label())
		}
	}
	for _, y := range p.Years {
		if len(y.Audits) == 0 {
			t.Errorf("%s has no audit", y.Label())
		}
	}
	facts, err := data.LoadImpartialityFacts(ctx, ws)
	if err != nil {
		t.Fatal(err)
	}
	rule := data.ImpartialityRule(cat, facts)
	for _, a := range audits.Records {
		if _, msg := rule(a); msg != "" {
			t.Errorf("demo audit %q would be refused: %s", a.Get("title"), msg)
		}
	}
	var first data.Record
	for _, a := range audits.Records {
		if a.Get("status") == "reported" {
			first = a
		}
	}
	if first.Get("approved_on") == "" || first.Get("held_on") == "" {
		t.Fatalf("no audit held, reported and approved: %v", first.Values)
	}
	var grades []string
	for _, f := range findings.Records {
		if slices.Contains(f.IDs("audit"), first.ID) {
			grades = append(grades, f.Get("grade"))
		}
	}
	slices.Sort(grades)
	if want := []string{"conforming", "improvement", "major", "minor", "observation"}; !slices.Equal(grades, want) {
		t.Errorf("grades of the reported audit = %v; want %v", grades, want)
	}
	raised := map[string]bool{}
	for _, nc := range ncs.Records {
		for _, id := range nc.IDs("finding") {
			for _, f := range findings.Records {
				if f.ID == id && nc.Get("source") == "audit" && nc.Get("severity") == f.Get("grade") {
					raised[f.Get("grade")] = true
				}
			}
		}
	}
	if !raised["minor"] || !raised["major"] {
		t.Errorf("nonconformities raised from the minor and major findings: %v; want both", raised)
	}
}
