package data

import (
	"testing"
	"time"
)

// BenchmarkStage2Flags flags a long certification history: 30 audits
// and 3,000 findings, far more than a small firm gathers in a decade,
// which the dashboard reads each time it opens.
func BenchmarkStage2Flags(b *testing.B) {
	auditReg, _ := FindRegister(ExternalAuditsRegister)
	findingReg, _ := FindRegister(ExternalFindingsRegister)
	start := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	var audits, findings []Record
	for i := range 30 {
		a := NewRecord(auditReg)
		a.ID, a.Number = int64(i+1), i+1
		a.Set("kind", ExternalStage2)
		a.Set("held_on", start.AddDate(0, 4*i, 0).Format(DateLayout))
		audits = append(audits, a)
	}
	for i := range 3000 {
		f := NewRecord(findingReg)
		f.ID, f.Number = int64(1000+i), i+1
		f.Set("audit", FormatIDs([]int64{int64(i%30 + 1)}))
		f.Set("grade", []string{ExternalMajorNC, "minor", "observation"}[i%3])
		findings = append(findings, f)
	}
	now := start.AddDate(10, 0, 0)
	b.ResetTimer()
	for b.Loop() {
		Stage2Flags(audits, findings, now)
	}
}
