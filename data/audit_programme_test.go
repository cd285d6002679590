package data_test

import (
	"slices"
	"strings"
	"testing"
	"time"

	"smsbuilder/data"
)

func TestParseClauseScope(t *testing.T) {
	cat := loadEmbedded(t)
	tests := []struct {
		scope string
		want  []string
	}{
		{"8.6.1, 8.6.2", []string{"8.6.1", "8.6.2"}},
		{"8.6", []string{"8.6", "8.6.1", "8.6.2", "8.6.3"}},
		{"4.1-4.4", []string{"4.1", "4.2", "4.3", "4.4"}},
		{"4.3 – 5.1", []string{"4.3", "4.4", "5", "5.1"}},
		{"5.2; 9.2.", []string{"5.2", "5.2.1", "5.2.2", "9.2"}},
		{"8.5.1-8.5.2", []string{"8.5.1", "8.5.1.1", "8.5.1.2", "8.5.1.3", "8.5.2", "8.5.2.1", "8.5.2.2", "8.5.2.3"}},
		{"9.2, 9.2", []string{"9.2"}},
	}
	for _, tt := range tests {
		got, err := cat.ParseClauseScope(tt.scope)
		if err != nil || !slices.Equal(got, tt.want) {
			t.Errorf("ParseClauseScope(%q) = %v, %v; want %v", tt.scope, got, err, tt.want)
		}
	}
	whole, err := cat.ParseClauseScope("8")
	if err != nil || whole[0] != "8" || !slices.Contains(whole, "8.7.3.3") || slices.Contains(whole, "9") {
		t.Errorf("ParseClauseScope(8) = %v, %v; want clause 8 and every sub-clause, nothing of 9", whole, err)
	}
}

func TestParseClauseScopeRefuses(t *testing.T) {
	cat := loadEmbedded(t)
	tests := []struct{ scope, want string }{
		{"8.9", `no clause "8.9"`},
		{"4.4-4.1", "runs backwards"},
		{" , ", "at least one clause"},
		{"incident", `no clause "incident"`},
	}
	for _, tt := range tests {
		_, err := cat.ParseClauseScope(tt.scope)
		if got := data.ErrorMessage(err); err == nil || !strings.Contains(got, tt.want) {
			t.Errorf("ParseClauseScope(%q) = %q; want it to say %q", tt.scope, got, tt.want)
		}
	}
}

func TestProcessesAreTheOperationalClauses(t *testing.T) {
	cat := loadEmbedded(t)
	var got []string
	for _, p := range cat.Processes() {
		got = append(got, p.Number)
	}
	want := []string{"8.1", "8.2.1", "8.2.2", "8.2.3", "8.2.4", "8.2.5", "8.2.6", "8.3.2", "8.3.3", "8.3.4",
		"8.4.1", "8.4.2", "8.4.3", "8.5.1", "8.5.2", "8.5.3", "8.6.1", "8.6.2", "8.6.3", "8.7.1", "8.7.2", "8.7.3"}
	if !slices.Equal(got, want) {
		t.Errorf("Processes() = %v\nwant %v", got, want)
	}
}

// programmeAudit is an audit record of the scope, planned for the day.
func programmeAudit(n int, title, scope, planned string, more ...string) data.Record {
	reg, _ := data.FindRegister(data.AuditsRegister)
	r := data.NewRecord(reg)
	r.ID, r.Number = int64(100+n), n
	r.Set("title", title)
	r.Set("clauses", scope)
	r.Set("planned", planned)
	for i := 0; i+1 < len(more); i += 2 {
		r.Set(more[i], more[i+1])
	}
	return r
}

func finding(n int, clause, grade string) data.Record {
	reg, _ := data.FindRegister(data.FindingsRegister)
	r := data.NewRecord(reg)
	r.ID, r.Number = int64(200+n), n
	r.Set("clause", clause)
	r.Set("grade", grade)
	return r
}

func lineOf(t *testing.T, lines []data.CoverageLine, number string) data.CoverageLine {
	t.Helper()
	for _, l := range lines {
		if l.Clause.Number == number {
			return l
		}
	}
	t.Fatalf("no line for %s", number)
	return data.CoverageLine{}
}

func TestProgrammeCoverage(t *testing.T) {
	cat := loadEmbedded(t)
	reg, _ := data.FindRegister(data.AuditsRegister)
	audits := []data.Record{
		programmeAudit(2, "Incidents and requests", "8.6.1, 8.6.2", "2027-05-10"),
		programmeAudit(1, "Context and leadership", "4, 5", "2026-03-02", "held_on", "2026-03-04"),
		programmeAudit(3, "Change", "8.5.1", "2028-06-01", "critical", "yes"),
		programmeAudit(4, "Far ahead", "9", "2031-01-01"),
	}
	p := data.BuildProgramme(cat, data.ProgrammeInput{Audits: reg, Records: audits, Findings: []data.Record{finding(1, "8.6.1", "minor"), finding(2, "4.1", "major"), finding(3, "8.6.2", "observation")}})

	if got, want := p.From, time.Date(2026, 3, 4, 0, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("programme starts %v; want the day the first audit was held, %v", got, want)
	}
	var perYear [][]string
	for _, y := range p.Years {
		var refs []string
		for _, a := range y.Audits {
			refs = append(refs, a.Reference)
		}
		perYear = append(perYear, refs)
	}
	if got, want := perYear, [][]string{{"AUD-1"}, {"AUD-2"}, {"AUD-3"}}; !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("audits per year = %v; want %v", got, want)
	}
	if len(p.Unplaced) != 1 || p.Unplaced[0].Reference != "AUD-4" {
		t.Errorf("unplaced = %v; want AUD-4, after the three years", p.Unplaced)
	}

	tests := []struct {
		lines    []data.CoverageLine
		number   string
		coverage data.Coverage
		due      []int
	}{
		{p.Clauses, "4.2", data.Covered, nil},
		{p.Clauses, "5.2", data.Covered, nil},
		{p.Clauses, "8.6", data.PartlyCovered, nil},
		{p.Clauses, "9.2", data.Uncovered, nil},
		{p.Processes, "8.6.1", data.Covered, []int{1, 3}}, // a minor finding: every year
		{p.Processes, "8.6.2", data.Covered, nil},         // an observation raises nothing
		{p.Processes, "8.5.1", data.Covered, []int{1, 2}}, // critical: every year
		{p.Processes, "8.7.2", data.Uncovered, nil},       // never audited
	}
	for _, tt := range tests {
		l := lineOf(t, tt.lines, tt.number)
		if l.Coverage != tt.coverage || !slices.Equal(l.DueYears, tt.due) {
			t.Errorf("%s: %s, due in years %v; want %s, due in %v", tt.number, l.Coverage.Label(), l.DueYears, tt.coverage.Label(), tt.due)
		}
	}
	if l := lineOf(t, p.Clauses, "8.6"); !slices.Equal(l.Missing, []string{"8.6.3"}) {
		t.Errorf("8.6 missing %v; want 8.6.3 named", l.Missing)
	}
	gaps := p.Gaps()
	if slices.ContainsFunc(gaps, func(l data.CoverageLine) bool { return l.Clause.Number == "4.2" }) ||
		!slices.ContainsFunc(gaps, func(l data.CoverageLine) bool { return l.Clause.Number == "9.2" }) {
		t.Errorf("gaps should hold 9.2 and not 4.2")
	}
}

func TestProgrammeWithoutAuditsStartsToday(t *testing.T) {
	cat := loadEmbedded(t)
	reg, _ := data.FindRegister(data.AuditsRegister)
	today := time.Date(2026, 12, 2, 15, 4, 0, 0, time.UTC)
	p := data.BuildProgramme(cat, data.ProgrammeInput{Audits: reg, Today: today})
	if got, want := p.Years[0].Label(), "Year 1: 2 Dec 2026 – 1 Dec 2027"; got != want || len(p.Years) != 3 {
		t.Errorf("first year %q of %d; want %q of 3", got, len(p.Years), want)
	}
	if len(p.Gaps()) != len(p.Clauses)+len(p.Processes) {
		t.Errorf("with no audits every clause and process should be a gap")
	}
}
