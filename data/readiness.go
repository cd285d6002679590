package data

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Readiness checks look for what a certification auditor would find
// missing, before the auditor does. Each check is worked out from the
// registers, the documents and the evidence only, so the same workspace
// always gives the same list, in the same order: the order of the groups
// below, then the order of the records within each.

// The groups readiness checks are listed under, in the order shown.
const (
	ReadinessServices   = "Services"
	ReadinessSuppliers  = "Suppliers"
	ReadinessObjectives = "Objectives"
	ReadinessRisks      = "Risks"
	ReadinessDocuments  = "Documents"
	ReadinessReviews    = "Management reviews"
	ReadinessAudits     = "Internal audits"
	ReadinessNCs        = "Nonconformities"
	ReadinessOperation  = "Operating records"
	ReadinessClauses    = "Clauses without evidence"
)

// ReadinessGroups lists the groups in the order the checks are listed.
func ReadinessGroups() []string {
	return []string{ReadinessServices, ReadinessSuppliers, ReadinessObjectives, ReadinessRisks, ReadinessDocuments,
		ReadinessReviews, ReadinessAudits, ReadinessNCs, ReadinessOperation, ReadinessClauses}
}

// OperatingMonths is how long the SMS should have kept operating records
// before the stage 2 audit: long enough for an auditor to sample a few
// months of the processes at work.
const OperatingMonths = 3

// supplierReviewMonths is how long a supplier may go without a review.
const supplierReviewMonths = 12

// ReadinessCheck is one thing an auditor would find missing. It points at
// what it is about: a record, a document or a clause (one of them, or
// none for a check about the SMS as a whole).
type ReadinessCheck struct {
	Group    string
	Text     string    // what is missing and why it matters, in plain words
	Record   RecordRef // ID 0 when the check is not about a record
	Document int64     // the document's ID, 0 when not about a document
	DocRef   string    // the document's number and title
	Clause   string    // the clause number, "" when not about a clause
}

// Subject names what the check is about, for a list: "SVC-2 Cloud
// hosting", "SMS-DOC-02 Policy", "Clause 8.4.2", or "".
func (c ReadinessCheck) Subject() string {
	switch {
	case c.Record.ID != 0:
		return c.Record.Text()
	case c.Document != 0:
		return c.DocRef
	case c.Clause != "":
		return "Clause " + c.Clause
	}
	return ""
}

// ReadinessDocument is a document with its versions, newest first, as
// DocumentService lists them.
type ReadinessDocument struct {
	Document Document
	Versions []Version
}

// Current is the version in force: the newest approved one; ok is false
// when none is approved.
func (d ReadinessDocument) Current() (Version, bool) {
	for _, v := range d.Versions {
		if v.Status == DocApproved {
			return v, true
		}
	}
	return Version{}, false
}

// ReadinessInput is everything the checks read.
type ReadinessInput struct {
	Catalogue    *Catalogue
	Organisation Organisation
	Registers    []Register          // as the workspace declares them
	Records      map[string][]Record // by register key
	Documents    []ReadinessDocument
	Evidence     []EvidenceLink
	Now          time.Time
}

func (in ReadinessInput) register(key string) Register {
	for _, r := range in.Registers {
		if r.Key == key {
			return r
		}
	}
	r, _ := FindRegister(key)
	return r
}

func (in ReadinessInput) ref(reg Register, r Record) RecordRef {
	return RecordRef{ID: r.ID, Register: reg.Key, Reference: reg.Reference(r.Number), Title: r.Get(reg.TitleField)}
}

// readiness gathers the checks as they are found.
type readiness struct {
	in  ReadinessInput
	out []ReadinessCheck
}

func (c *readiness) record(group, key string, r Record, format string, args ...any) {
	reg := c.in.register(key)
	c.out = append(c.out, ReadinessCheck{Group: group, Record: c.in.ref(reg, r), Text: fmt.Sprintf(format, args...)})
}

// ReadinessChecks works out every check, in the groups' order.
func ReadinessChecks(in ReadinessInput) []ReadinessCheck {
	c := &readiness{in: in}
	c.services()
	c.suppliers()
	c.objectives()
	c.risks()
	c.documents()
	c.reviews()
	c.audits()
	c.nonconformities()
	c.operation()
	c.clauses()
	return c.out
}

func (c *readiness) services() {
	services := c.in.Records["services"]
	known := map[string]bool{}
	for _, s := range services {
		known[normalName(s.Get("title"))] = true
	}
	for _, name := range c.in.Organisation.Services {
		if strings.TrimSpace(name) != "" && !known[normalName(name)] {
			c.out = append(c.out, ReadinessCheck{Group: ReadinessServices,
				Text:   fmt.Sprintf("%q is in the scope but not in the service catalogue: an auditor checks every service in scope against the catalogue (8.2.4).", name),
				Clause: "8.2.4"})
		}
	}
	covered := map[int64]bool{}
	for _, a := range c.in.Records["slas"] {
		if a.Get("status") == "expired" {
			continue
		}
		for _, id := range a.IDs("service") {
			covered[id] = true
		}
	}
	for _, s := range services {
		if st := s.Get("status"); st == "retired" || st == "pipeline" {
			continue
		}
		if !covered[s.ID] {
			c.record(ReadinessServices, "services", s, "No service level agreement covers this service: its targets are agreed nowhere (8.3.3).")
		}
		if len(s.IDs("owner")) == 0 {
			c.record(ReadinessServices, "services", s, "The service has no owner: nobody is accountable for it.")
		}
	}
}

func (c *readiness) suppliers() {
	limit := calendarDay(c.in.Now).AddDate(0, supplierReviewMonths, 0)
	today := calendarDay(c.in.Now)
	for _, s := range c.in.Records["suppliers"] {
		if strings.TrimSpace(s.Get("contract")) == "" {
			c.record(ReadinessSuppliers, "suppliers", s, "No contract or agreement is recorded for this supplier (8.3.4).")
		}
		due, ok := s.Date("review_date")
		switch {
		case !ok:
			c.record(ReadinessSuppliers, "suppliers", s, "No review is planned for this supplier: its performance should be reviewed at least every %d months.", supplierReviewMonths)
		case due.Before(today):
			c.record(ReadinessSuppliers, "suppliers", s, "The supplier's review was due on %s and is not recorded as done.", c.in.Organisation.DateFormat.Format(due))
		case due.After(limit):
			c.record(ReadinessSuppliers, "suppliers", s, "The supplier's next review, on %s, is more than %d months away.", c.in.Organisation.DateFormat.Format(due), supplierReviewMonths)
		}
	}
}

func (c *readiness) objectives() {
	measured := map[int64]bool{}
	for _, m := range c.in.Records[MeasurementsRegister] {
		for _, id := range m.IDs("objective") {
			measured[id] = true
		}
	}
	for _, o := range c.in.Records[ObjectivesRegister] {
		if _, ok := o.Num("target"); !ok || strings.TrimSpace(o.Get("method")) == "" {
			c.record(ReadinessObjectives, ObjectivesRegister, o, "The objective has no measurable target: it needs a target figure and a way of measuring it (6.2.1).")
		}
		if !measured[o.ID] {
			c.record(ReadinessObjectives, ObjectivesRegister, o, "No measurement is recorded for this objective: there is nothing to show it is monitored (9.1).")
		}
	}
}

func (c *readiness) risks() {
	today := calendarDay(c.in.Now)
	for _, r := range c.in.Records["risks"] {
		if r.Get("treatment") == "" {
			c.record(ReadinessRisks, "risks", r, "No treatment is decided for this risk (6.1).")
		}
		if len(r.IDs("owner")) == 0 {
			c.record(ReadinessRisks, "risks", r, "The risk has no owner.")
		}
		due, ok := r.Date("review_date")
		switch {
		case !ok:
			c.record(ReadinessRisks, "risks", r, "No review date is set for this risk.")
		case due.Before(today):
			c.record(ReadinessRisks, "risks", r, "The risk's review was due on %s.", c.in.Organisation.DateFormat.Format(due))
		}
	}
}

func (c *readiness) documents() {
	today := calendarDay(c.in.Now)
	for _, d := range c.in.Documents {
		check := func(format string, args ...any) {
			c.out = append(c.out, ReadinessCheck{Group: ReadinessDocuments, Document: d.Document.ID,
				DocRef: d.Document.Number + " " + d.Document.Title, Text: fmt.Sprintf(format, args...)})
		}
		v, approved := d.Current()
		if !approved {
			if len(d.Versions) > 0 && d.Versions[0].Status == DocWithdrawn {
				continue
			}
			check("The document has no approved version yet.")
			if len(d.Versions) > 0 {
				if n := len(Prompts(d.Versions[0].Body)); n > 0 {
					check("The draft still holds %d author prompt(s) to fill in.", n)
				}
			}
			continue
		}
		if !v.ReviewDue.IsZero() && v.ReviewDue.Before(today) {
			check("Version %s was due for review on %s.", v.Number(), c.in.Organisation.DateFormat.Format(v.ReviewDue))
		}
		if n := len(Prompts(v.Body)); n > 0 {
			check("The approved version %s still holds %d author prompt(s).", v.Number(), n)
		}
	}
}

func (c *readiness) reviews() {
	for _, r := range c.in.Records[ReviewsRegister] {
		if st := r.Get("status"); st != "held" && st != "approved" {
			continue
		}
		var missing []string
		for _, in := range ReviewInputs() {
			if strings.TrimSpace(r.Get(in.DecisionField())) == "" {
				missing = append(missing, strings.ToLower(in.Title[:1])+in.Title[1:])
			}
		}
		if len(missing) > 0 {
			c.record(ReadinessReviews, ReviewsRegister, r, "The review records no conclusion on %d required input(s): %s (9.3).", len(missing), strings.Join(missing, "; "))
		}
	}
	if len(c.in.Records[ReviewsRegister]) == 0 {
		c.out = append(c.out, ReadinessCheck{Group: ReadinessReviews, Clause: "9.3",
			Text: "No management review is recorded: one must be held before the stage 2 audit."})
	}
}

func (c *readiness) audits() {
	if c.in.Catalogue == nil {
		return
	}
	p := BuildProgramme(c.in.Catalogue, ProgrammeInput{Audits: c.in.register(AuditsRegister),
		Records: c.in.Records[AuditsRegister], Findings: c.in.Records[FindingsRegister], Today: c.in.Now})
	seen := map[string]bool{} // the programme lists 8.1 as a clause and as a process
	for _, l := range p.Gaps() {
		if l.Coverage == Covered || seen[l.Clause.Number] {
			continue
		}
		seen[l.Clause.Number] = true
		c.out = append(c.out, ReadinessCheck{Group: ReadinessAudits, Clause: l.Clause.Number,
			Text: fmt.Sprintf("No internal audit in the programme reaches clause %s %s (%s).", l.Clause.Number, l.Clause.Title, strings.ToLower(l.Coverage.Label()))})
	}
}

func (c *readiness) nonconformities() {
	for _, r := range c.in.Records[NonconformitiesRegister] {
		if strings.TrimSpace(r.Get("root_cause")) == "" {
			c.record(ReadinessNCs, NonconformitiesRegister, r, "No root cause is recorded (10.1).")
		}
		if r.Get("check_result") == "" {
			if due, ok := r.Date("check_due"); ok {
				c.record(ReadinessNCs, NonconformitiesRegister, r, "The check that the corrective action worked, due %s, is not recorded.", c.in.Organisation.DateFormat.Format(due))
			} else {
				c.record(ReadinessNCs, NonconformitiesRegister, r, "No check that the corrective action worked is planned or recorded.")
			}
		}
	}
}

// OperatingDates are the registers and date fields whose records show the
// SMS at work, rather than planned: results measured, internal audits and
// management reviews held, nonconformities raised. Their earliest date is
// when the SMS started operating, for the stage 2 check.
func OperatingDates() map[string]string {
	return map[string]string{MeasurementsRegister: "date", AuditsRegister: "held_on", ReviewsRegister: "held_on", NonconformitiesRegister: "raised_on"}
}

// Stage2Date is the first day of the next stage 2 audit not yet held;
// ok is false when none is planned.
func Stage2Date(audits []Record) (time.Time, bool) {
	var best time.Time
	for _, a := range audits {
		if a.Get("kind") != ExternalStage2 || a.Get("status") == "cancelled" {
			continue
		}
		if _, held := a.Date("held_on"); held {
			return time.Time{}, false // the SMS is past the stage 2
		}
		if d, ok := a.Date("planned_from"); ok && (best.IsZero() || d.Before(best)) {
			best = d
		}
	}
	return best, !best.IsZero()
}

func (c *readiness) operation() {
	stage2, planned := Stage2Date(c.in.Records[ExternalAuditsRegister])
	if !planned {
		for _, a := range c.in.Records[ExternalAuditsRegister] {
			if _, held := a.Date("held_on"); held && a.Get("kind") == ExternalStage2 {
				return
			}
		}
		stage2 = calendarDay(c.in.Now)
	}
	var first time.Time
	keys := OperatingDates()
	for _, reg := range slices.Sorted(mapKeys(keys)) {
		for _, r := range c.in.Records[reg] {
			if d, ok := r.Date(keys[reg]); ok && (first.IsZero() || d.Before(first)) {
				first = d
			}
		}
	}
	const why = "operating records are measurements taken, internal audits and management reviews held and nonconformities raised"
	when := "today"
	if planned {
		when = "the stage 2 audit on " + c.in.Organisation.DateFormat.Format(stage2)
	}
	switch {
	case first.IsZero():
		c.out = append(c.out, ReadinessCheck{Group: ReadinessOperation, Clause: "8.1",
			Text: fmt.Sprintf("No operating records yet (%s); an auditor expects about %d months of them before stage 2.", why, OperatingMonths)})
	case first.AddDate(0, OperatingMonths, 0).After(stage2):
		c.out = append(c.out, ReadinessCheck{Group: ReadinessOperation, Clause: "8.1",
			Text: fmt.Sprintf("The first operating record is from %s, less than %d months before %s (%s).",
				c.in.Organisation.DateFormat.Format(first), OperatingMonths, when, why)})
	}
}

func mapKeys(m map[string]string) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// RequirementClauses are the clauses an auditor checks one by one: every
// clause from 4.1 to 10.2 without sub-clauses, in the standard's order.
func (c *Catalogue) RequirementClauses() []Clause {
	var out []Clause
	in := false
	for _, cl := range c.clauses {
		if cl.Number == "4.1" {
			in = true
		}
		if in && c.IsLeaf(cl.Number) {
			out = append(out, cl)
		}
	}
	return out
}

// Addresses reports whether something mapped to the clauses named
// addresses the clause: it names it, or one of its parents, which covers
// all its sub-clauses.
func Addresses(named []string, clause string) bool {
	for _, n := range named {
		if n == clause || strings.HasPrefix(clause, n+".") {
			return true
		}
	}
	return false
}

// ClauseSupport is what supports one clause: the documents, the registers
// holding records and the evidence files mapped to it.
type ClauseSupport struct {
	Clause    Clause
	Documents []ReadinessDocument // not withdrawn
	Registers []Register          // with at least one record
	Evidence  []EvidenceLink      // attached to the clause itself or to a document or record above
}

// Empty reports whether nothing supports the clause.
func (s ClauseSupport) Empty() bool {
	return len(s.Documents) == 0 && len(s.Registers) == 0 && len(s.Evidence) == 0
}

// ClauseSupports works out what supports each requirement clause.
func ClauseSupports(in ReadinessInput) []ClauseSupport {
	if in.Catalogue == nil {
		return nil
	}
	docEvidence := map[string][]EvidenceLink{}
	recEvidence := map[string][]EvidenceLink{}
	clauseEvidence := map[string][]EvidenceLink{}
	for _, l := range in.Evidence {
		switch l.Target.Kind {
		case EvidenceDocument:
			docEvidence[l.Target.Ref] = append(docEvidence[l.Target.Ref], l)
		case EvidenceRecord:
			recEvidence[l.Target.Ref] = append(recEvidence[l.Target.Ref], l)
		case EvidenceClause:
			clauseEvidence[l.Target.Ref] = append(clauseEvidence[l.Target.Ref], l)
		}
	}
	var out []ClauseSupport
	for _, cl := range in.Catalogue.RequirementClauses() {
		s := ClauseSupport{Clause: cl}
		for _, d := range in.Documents {
			if len(d.Versions) > 0 && d.Versions[0].Status == DocWithdrawn {
				continue
			}
			if Addresses(d.Document.Clauses, cl.Number) {
				s.Documents = append(s.Documents, d)
				s.Evidence = append(s.Evidence, docEvidence[fmt.Sprint(d.Document.ID)]...)
			}
		}
		for _, reg := range in.Registers {
			rs := in.Records[reg.Key]
			if len(rs) == 0 || !Addresses(reg.Clauses, cl.Number) {
				continue
			}
			s.Registers = append(s.Registers, reg)
			if len(recEvidence) > 0 {
				for _, r := range rs {
					s.Evidence = append(s.Evidence, recEvidence[fmt.Sprint(r.ID)]...)
				}
			}
		}
		for n, ls := range clauseEvidence {
			if Addresses([]string{n}, cl.Number) {
				s.Evidence = append(s.Evidence, ls...)
			}
		}
		slices.SortStableFunc(s.Evidence, func(a, b EvidenceLink) int { return int(a.ID - b.ID) })
		out = append(out, s)
	}
	return out
}

func (c *readiness) clauses() {
	for _, s := range ClauseSupports(c.in) {
		if s.Empty() {
			c.out = append(c.out, ReadinessCheck{Group: ReadinessClauses, Clause: s.Clause.Number,
				Text: fmt.Sprintf("Nothing supports clause %s %s: no document, no register record and no evidence file.", s.Clause.Number, s.Clause.Title)})
		}
	}
}

// normalName compares service names without regard to case or spacing.
func normalName(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// LoadReadiness reads what the readiness checks and the readiness pack
// need from a workspace.
func LoadReadiness(ctx context.Context, ws interface {
	OrganisationService
	RegisterService
	DocumentService
	EvidenceService
}, cat *Catalogue, now time.Time) (ReadinessInput, error) {
	in := ReadinessInput{Catalogue: cat, Now: now, Records: map[string][]Record{}}
	var err error
	if in.Organisation, err = ws.Organisation(ctx); err != nil {
		return in, fmt.Errorf("read readiness: %w", err)
	}
	if in.Registers, err = ws.Registers(ctx); err != nil {
		return in, fmt.Errorf("read readiness: %w", err)
	}
	for _, reg := range in.Registers {
		page, err := ws.Records(ctx, RecordQuery{Register: reg.Key})
		if err != nil {
			return in, fmt.Errorf("read readiness: %w", err)
		}
		in.Records[reg.Key] = page.Records
	}
	docs, err := ws.Documents(ctx)
	if err != nil {
		return in, fmt.Errorf("read readiness: %w", err)
	}
	for _, d := range docs {
		vs, err := ws.Versions(ctx, d.ID)
		if err != nil {
			return in, fmt.Errorf("read readiness: %w", err)
		}
		in.Documents = append(in.Documents, ReadinessDocument{Document: d, Versions: vs})
	}
	if in.Evidence, err = ws.AllEvidence(ctx); err != nil {
		return in, fmt.Errorf("read readiness: %w", err)
	}
	return in, nil
}
