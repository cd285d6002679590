package data

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// The internal audit programme (9.2) plans audits over a period, three
// years unless said otherwise, so that every clause from 4 to 10 and every
// process of the SMS is audited at least once, and the processes that are
// critical or were found wanting are audited every year of it. The
// programme is read from the audits and their findings; nothing of it is
// stored apart from them.

// ProgrammeYears is the length of an audit programme unless said otherwise.
const ProgrammeYears = 3

// ParseClauseScope reads the clause scope of an audit: clause numbers and
// ranges separated by commas or semicolons, such as "8.6.1, 8.6.2" or
// "4.1-4.4". A clause brings its sub-clauses with it, so "8" is the whole
// of clause 8; a range runs over the clauses between its ends in the
// catalogue's order, each with its sub-clauses. The clauses come back in
// catalogue order, each once.
func (c *Catalogue) ParseClauseScope(text string) ([]string, error) {
	all := c.clauses // read only: the catalogue lists them in the standard's order
	in := make([]bool, len(all))
	find := func(s string) (int, error) {
		s = strings.TrimSuffix(strings.TrimSpace(s), ".")
		i, ok := c.byNumber[s]
		if !ok {
			return 0, Errorf(EInvalid, "The standard has no clause %q: write clause numbers such as 8.6.1, or ranges such as 4.1-4.4.", s)
		}
		return i, nil
	}
	// last is the place of the last sub-clause of the clause at i: the
	// catalogue lists a clause's sub-clauses right after it
	last := func(i int) int {
		j := i
		for j+1 < len(all) && strings.HasPrefix(all[j+1].Number, all[i].Number+".") {
			j++
		}
		return j
	}
	parts := strings.FieldsFunc(text, func(r rune) bool { return r == ',' || r == ';' || r == '\n' })
	for _, part := range parts {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		from, to := part, part
		if a, b, ok := cutClauseRange(part); ok {
			from, to = a, b
		}
		i, err := find(from)
		if err != nil {
			return nil, err
		}
		j, err := find(to)
		if err != nil {
			return nil, err
		}
		if j < i {
			return nil, Errorf(EInvalid, "The range %q runs backwards: write the lower clause first.", part)
		}
		for k := i; k <= last(j); k++ {
			in[k] = true
		}
	}
	var out []string
	for i, ok := range in {
		if ok {
			out = append(out, all[i].Number)
		}
	}
	if len(out) == 0 {
		return nil, Errorf(EInvalid, "Name at least one clause, such as 8.6.1 or 4.1-4.4.")
	}
	return out, nil
}

// cutClauseRange splits "4.1-4.4" (or with an en dash, or "to") at its dash.
func cutClauseRange(s string) (from, to string, ok bool) {
	for _, sep := range []string{"–", "-", " to "} {
		if a, b, found := strings.Cut(s, sep); found {
			return a, b, true
		}
	}
	return "", "", false
}

// ProgrammeClauses are the clauses the programme must cover, one line of
// its matrix each: the second-level clauses of clauses 4 to 10, such as
// 4.1 and 8.5.
func (c *Catalogue) ProgrammeClauses() []Clause {
	var out []Clause
	for _, cl := range c.Clauses() {
		if cl.Depth() == 1 {
			out = append(out, cl)
		}
	}
	return out
}

// Processes are the operational processes of the SMS, the parts of clause
// 8 a person owns and runs: 8.1 and the third-level clauses under 8, such
// as 8.6.1 Incident management, leaving out the general introductions,
// whose requirements belong to the processes beside them.
func (c *Catalogue) Processes() []Clause {
	var out []Clause
	for _, cl := range c.Clauses() {
		if !strings.HasPrefix(cl.Number, "8.") || cl.Title == "General" {
			continue
		}
		if cl.Depth() == 2 || (cl.Depth() == 1 && c.IsLeaf(cl.Number)) {
			out = append(out, cl)
		}
	}
	return out
}

// ProcessOf is the process a clause belongs to, such as 8.5.1 for
// 8.5.1.3; ok is false for a clause outside every process.
func (c *Catalogue) ProcessOf(number string) (Clause, bool) {
	return processOf(c.Processes(), number)
}

func processOf(processes []Clause, number string) (Clause, bool) {
	for _, p := range processes {
		if number == p.Number || strings.HasPrefix(number, p.Number+".") {
			return p, true
		}
	}
	return Clause{}, false
}

// Coverage is how much of a clause or process the audits of a period
// reach.
type Coverage int

const (
	Uncovered Coverage = iota
	PartlyCovered
	Covered
)

// Label is the coverage in plain words.
func (c Coverage) Label() string {
	switch c {
	case Covered:
		return "Covered"
	case PartlyCovered:
		return "Partly covered"
	}
	return "Not covered"
}

// ProgrammeAudit is one audit as the programme places it.
type ProgrammeAudit struct {
	Record    Record
	Reference string
	Title     string
	// Date is the day it was held, or is planned for.
	Date    time.Time
	Held    bool
	Year    int      // its year of the programme, from 1; 0 outside the period
	Clauses []string // its scope, sub-clauses included
	// ScopeProblem is why its clause scope could not be read; such an
	// audit covers nothing.
	ScopeProblem string
}

// ProgrammeYear is one year of the programme and the audits in it.
type ProgrammeYear struct {
	Number   int // from 1
	From, To time.Time
	Audits   []ProgrammeAudit
}

// Label is "Year 1: 3 Mar 2026 – 2 Mar 2027".
func (y ProgrammeYear) Label() string {
	return fmt.Sprintf("Year %d: %s – %s", y.Number, y.From.Format("2 Jan 2006"), y.To.AddDate(0, 0, -1).Format("2 Jan 2006"))
}

// CoverageLine is one clause or process of the programme's matrix.
type CoverageLine struct {
	Clause   Clause
	Coverage Coverage
	// ByYear is, per year of the programme, whether an audit that year
	// reaches the clause.
	ByYear []bool
	// Audits are the references of the audits that reach it.
	Audits []string
	// Missing are its sub-clauses no audit reaches, when partly covered.
	Missing []string
	// Yearly is set on a process audited every year: critical, or found
	// wanting by a minor or major finding.
	Yearly   bool
	Critical bool
	Findings []string // the references of its minor and major findings
	// DueYears are the years a yearly process still needs an audit in.
	DueYears []int
}

// Due reports whether the line needs an audit planned: never reached, or
// audited less often than it must be.
func (l CoverageLine) Due() bool { return l.Coverage != Covered || len(l.DueYears) > 0 }

// Need says in plain words what the line still needs, "" when nothing.
func (l CoverageLine) Need() string {
	var parts []string
	switch l.Coverage {
	case Uncovered:
		parts = append(parts, "Not in the scope of any audit")
	case PartlyCovered:
		parts = append(parts, "No audit covers "+strings.Join(l.Missing, ", "))
	}
	if len(l.DueYears) > 0 {
		years := make([]string, len(l.DueYears))
		for i, y := range l.DueYears {
			years[i] = strconv.Itoa(y)
		}
		parts = append(parts, "Audited every year, but none is planned in "+map[bool]string{true: "year ", false: "years "}[len(years) == 1]+strings.Join(years, ", "))
	}
	return strings.Join(parts, "; ")
}

// Programme is the audit programme of a period.
type Programme struct {
	From, To  time.Time
	Years     []ProgrammeYear
	Clauses   []CoverageLine
	Processes []CoverageLine
	// Unplaced are audits outside the period.
	Unplaced []ProgrammeAudit
}

// AuditCount is how many audits fall in the period.
func (p Programme) AuditCount() int {
	n := 0
	for _, y := range p.Years {
		n += len(y.Audits)
	}
	return n
}

// Gaps are the clauses and processes still needing an audit, clauses
// first.
func (p Programme) Gaps() []CoverageLine {
	var out []CoverageLine
	for _, l := range append(slices.Clone(p.Clauses), p.Processes...) {
		if l.Due() {
			out = append(out, l)
		}
	}
	return out
}

// ProgrammeInput is what a programme is read from: the audits and
// findings registers with their records.
type ProgrammeInput struct {
	Audits   Register
	Records  []Record // audits
	Findings []Record
	// Years is the length of the period; 0 is ProgrammeYears.
	Years int
	// Today starts the period when there is no audit yet.
	Today time.Time
}

// BuildProgramme reads the audit programme: the period runs from the
// earliest audit for the number of years asked; each audit falls in the
// year of its date; a clause or process is covered once every one of its
// sub-clauses is in the scope of an audit of the period.
func BuildProgramme(cat *Catalogue, in ProgrammeInput) Programme {
	years := in.Years
	if years <= 0 {
		years = ProgrammeYears
	}
	audits := make([]ProgrammeAudit, 0, len(in.Records))
	for _, r := range in.Records {
		a := ProgrammeAudit{Record: r, Reference: in.Audits.Reference(r.Number), Title: r.Get(in.Audits.TitleField)}
		if d, ok := r.Date("held_on"); ok {
			a.Date, a.Held = d, true
		} else if d, ok := r.Date("planned"); ok {
			a.Date = d
		}
		clauses, err := cat.ParseClauseScope(r.Get("clauses"))
		if err != nil {
			a.ScopeProblem = ErrorMessage(err)
		}
		a.Clauses = clauses
		audits = append(audits, a)
	}
	slices.SortStableFunc(audits, func(a, b ProgrammeAudit) int { return a.Date.Compare(b.Date) })

	from := calendarDay(in.Today)
	for _, a := range audits {
		if !a.Date.IsZero() {
			from = a.Date
			break
		}
	}
	p := Programme{From: from, To: from.AddDate(years, 0, 0)}
	for y := 1; y <= years; y++ {
		p.Years = append(p.Years, ProgrammeYear{Number: y, From: from.AddDate(y-1, 0, 0), To: from.AddDate(y, 0, 0)})
	}
	// reached holds, per clause, the years (from 1) whose audits reach it
	reached := map[string][]int{}
	by := map[string][]string{}
	for _, a := range audits {
		for i, y := range p.Years {
			if !a.Date.Before(y.From) && a.Date.Before(y.To) {
				a.Year = i + 1
			}
		}
		if a.Year == 0 {
			p.Unplaced = append(p.Unplaced, a)
			continue
		}
		p.Years[a.Year-1].Audits = append(p.Years[a.Year-1].Audits, a)
		for _, n := range a.Clauses {
			reached[n] = append(reached[n], a.Year)
			by[n] = append(by[n], a.Reference)
		}
	}

	critical, found := yearlyReasons(cat, in)
	line := func(cl Clause) CoverageLine {
		l := CoverageLine{Clause: cl, ByYear: make([]bool, years)}
		leaves := cat.leavesOf(cl.Number)
		seen := map[string]bool{}
		n := 0
		for _, leaf := range leaves {
			if len(reached[leaf]) == 0 {
				l.Missing = append(l.Missing, leaf)
				continue
			}
			n++
			for _, ref := range by[leaf] {
				if !seen[ref] {
					seen[ref] = true
					l.Audits = append(l.Audits, ref)
				}
			}
		}
		// a year counts for the line when its audits reach any part of it
		for _, number := range append([]string{cl.Number}, leaves...) {
			for _, y := range reached[number] {
				l.ByYear[y-1] = true
			}
		}
		switch {
		case n == len(leaves):
			l.Coverage, l.Missing = Covered, nil
		case n > 0:
			l.Coverage = PartlyCovered
		}
		return l
	}
	for _, cl := range cat.ProgrammeClauses() {
		p.Clauses = append(p.Clauses, line(cl))
	}
	for _, cl := range cat.Processes() {
		l := line(cl)
		l.Critical = critical[cl.Number]
		l.Findings = found[cl.Number]
		l.Yearly = l.Critical || len(l.Findings) > 0
		if l.Yearly {
			for i, ok := range l.ByYear {
				if !ok {
					l.DueYears = append(l.DueYears, i+1)
				}
			}
		}
		p.Processes = append(p.Processes, l)
	}
	return p
}

// yearlyReasons are, by process, whether an audit of it says it is
// critical, and the references of its minor and major findings.
func yearlyReasons(cat *Catalogue, in ProgrammeInput) (critical map[string]bool, found map[string][]string) {
	critical, found = map[string]bool{}, map[string][]string{}
	processes := cat.Processes()
	for _, r := range in.Records {
		if r.Get("critical") != "yes" {
			continue
		}
		clauses, _ := cat.ParseClauseScope(r.Get("clauses"))
		for _, n := range clauses {
			if p, ok := processOf(processes, n); ok {
				critical[p.Number] = true
			}
		}
	}
	findings, _ := FindRegister(FindingsRegister)
	for _, f := range in.Findings {
		if g := f.Get("grade"); g != "minor" && g != "major" {
			continue
		}
		if p, ok := processOf(processes, strings.TrimSpace(f.Get("clause"))); ok {
			found[p.Number] = append(found[p.Number], findings.Reference(f.Number))
		}
	}
	return critical, found
}

// leavesOf are the clauses under number that have no sub-clauses, or
// number itself when it has none.
func (c *Catalogue) leavesOf(number string) []string {
	var out []string
	for _, cl := range c.clauses {
		if (cl.Number == number || strings.HasPrefix(cl.Number, number+".")) && c.IsLeaf(cl.Number) {
			out = append(out, cl.Number)
		}
	}
	return out
}
