package data

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// An audit is conducted from a checklist built from its scope: one item
// for each clause, with the organisation's own documents and registers
// that address the clause, so that the auditor knows what to look at;
// each item is graded, and the grades are kept as the audit's findings.

// ChecklistItem is one clause of an audit's checklist.
type ChecklistItem struct {
	Clause Clause
	// Documents are the organisation's documents for the clause.
	Documents []Document
	// Registers are the registers that keep the clause's records, each
	// with how many records it holds.
	Registers []RegisterCount
	// Finding is what the audit found against the clause: a stored
	// finding, or a new one not yet saved (ID 0).
	Finding Record
}

// RegisterCount is a register and how many records it holds.
type RegisterCount struct {
	Register Register
	Records  int
}

// Text is "Service catalogue: 3 services".
func (c RegisterCount) Text() string { return c.Register.Title + ": " + c.Register.Count(c.Records) }

// ChecklistInput is what a checklist is built from.
type ChecklistInput struct {
	Audit     Record
	Documents []Document
	Registers []RegisterCount
	Findings  []Record // every finding; the audit's own are picked out
}

// BuildChecklist is the checklist of an audit: an item for each clause
// of its scope without sub-clauses (a clause with sub-clauses is audited
// through them), in the standard's order, each holding the audit's finding
// against it when there is one.
func BuildChecklist(cat *Catalogue, in ChecklistInput) ([]ChecklistItem, error) {
	clauses, err := cat.ParseClauseScope(in.Audit.Get("clauses"))
	if err != nil {
		return nil, err
	}
	findings, _ := FindRegister(FindingsRegister)
	var out []ChecklistItem
	for _, n := range clauses {
		if !cat.IsLeaf(n) {
			continue
		}
		cl, _ := cat.Clause(n)
		item := ChecklistItem{Clause: cl}
		for _, d := range in.Documents {
			if slices.ContainsFunc(d.Clauses, func(c string) bool { return clauseAddresses(c, n) }) {
				item.Documents = append(item.Documents, d)
			}
		}
		for _, rc := range in.Registers {
			if slices.ContainsFunc(rc.Register.Clauses, func(c string) bool { return clauseAddresses(c, n) }) {
				item.Registers = append(item.Registers, rc)
			}
		}
		item.Finding = NewRecord(findings)
		item.Finding.Set("audit", FormatIDs([]int64{in.Audit.ID}))
		item.Finding.Set("clause", n)
		for _, f := range in.Findings {
			if slices.Contains(f.IDs("audit"), in.Audit.ID) && strings.TrimSpace(f.Get("clause")) == n {
				item.Finding = f.Clone()
				break
			}
		}
		out = append(out, item)
	}
	return out, nil
}

// clauseAddresses reports whether something mapped to clause c speaks to the
// clause n of a checklist: the same clause, one of its parents, or one of
// its sub-clauses.
func clauseAddresses(c, n string) bool {
	c = strings.TrimSpace(c)
	return c == n || strings.HasPrefix(n, c+".") || strings.HasPrefix(c, n+".")
}

// Recorded reports whether the auditor wrote anything against the item.
func (i ChecklistItem) Recorded() bool {
	return i.Finding.Get("grade") != "" || strings.TrimSpace(i.Finding.Get("notes")) != "" || strings.TrimSpace(i.Finding.Get("evidence")) != ""
}

// ChecklistFindings are the findings to save from a conducted checklist:
// each stored finding as the checklist now has it, and a new finding for
// each item the auditor wrote something against. Items left blank save
// nothing, so conducting an audit twice never doubles its findings.
func ChecklistFindings(items []ChecklistItem) []Record {
	var out []Record
	for _, i := range items {
		if i.Finding.ID != 0 || i.Recorded() {
			out = append(out, i.Finding)
		}
	}
	return out
}

// RaisesNonconformity reports whether a finding's grade is a
// nonconformity to correct.
func RaisesNonconformity(finding Record) bool {
	g := finding.Get("grade")
	return g == "minor" || g == "major"
}

// NonconformityFromFinding is a new nonconformity raised from a minor or
// major finding of audit: found by the internal audit, linked to the
// finding, as severe as its grade, with its title and what was found
// filled from the finding. It is refused for any other grade.
func NonconformityFromFinding(cat *Catalogue, audits Register, audit, finding Record, today time.Time) (Record, error) {
	if !RaisesNonconformity(finding) {
		return Record{}, Errorf(EInvalid, "Only a minor or major nonconformity found by an audit raises a nonconformity record.")
	}
	ncs, _ := FindRegister(NonconformitiesRegister)
	r := NewRecord(ncs)
	clause := strings.TrimSpace(finding.Get("clause"))
	if c, ok := cat.Clause(clause); ok {
		clause = c.Number + " " + c.Title
	}
	notes := strings.TrimSpace(finding.Get("notes"))
	// the title says what was wrong in a few words; the clause is in the
	// description and on the finding
	title := clause + " not met"
	if first := findingSentence(notes); first != "" {
		title = first
	}
	r.Set("title", clip(findingLine(title), 300))
	r.Set("source", "audit")
	r.Set("finding", FormatIDs([]int64{finding.ID}))
	r.Set("severity", finding.Get("grade"))
	r.Set("raised_on", calendarDay(today).Format(DateLayout))
	desc := fmt.Sprintf("Found by internal audit %s %s against clause %s.", audits.Reference(audit.Number), audit.Get(audits.TitleField), clause)
	if notes != "" {
		desc += "\n\n" + notes
	}
	if ev := strings.TrimSpace(finding.Get("evidence")); ev != "" {
		desc += "\n\nEvidence seen: " + ev
	}
	r.Set("description", clip(desc, DefaultLongTextLen))
	return r, nil
}

// findingSentence is the text up to its first full stop, at most 120
// characters.
func findingSentence(s string) string {
	if i := strings.Index(s, ". "); i >= 0 {
		s = s[:i]
	}
	return strings.TrimSuffix(clip(findingLine(s), 120), ".")
}

func findingLine(s string) string { return strings.Join(strings.Fields(s), " ") }
