package data_test

import (
	"fmt"
	"testing"

	"smsbuilder/assets"
	"smsbuilder/data"
)

// BenchmarkBuildProgramme reads a programme of 300 audits and 3,000
// findings, far more than a small firm plans in three years.
func BenchmarkBuildProgramme(b *testing.B) {
	cat, err := data.LoadCatalogue(assets.Content())
	if err != nil {
		b.Fatal(err)
	}
	reg, _ := data.FindRegister(data.AuditsRegister)
	scopes := []string{"4, 5", "6-7", "8.1, 8.2", "8.3-8.4", "8.5", "8.6, 8.7.1", "8.7", "9, 10"}
	var audits, findings []data.Record
	for i := range 300 {
		audits = append(audits, programmeAudit(i+1, fmt.Sprint("Audit ", i), scopes[i%len(scopes)], fmt.Sprintf("2026-%02d-%02d", i%12+1, i%28+1)))
		for j := range 10 {
			findings = append(findings, finding(i*10+j+1, "8.6.1", []string{"minor", "conforming"}[j%2]))
		}
	}
	b.ResetTimer()
	for b.Loop() {
		data.BuildProgramme(cat, data.ProgrammeInput{Audits: reg, Records: audits, Findings: findings})
	}
}
