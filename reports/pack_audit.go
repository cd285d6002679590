package reports

import (
	"slices"
	"strconv"
	"strings"

	"smsbuilder/data"
)

const auditPackID = "audit"

// auditReport is one internal audit with what it found, as its report
// prints it.
type auditReport struct {
	env      packEnv
	audits   data.Register
	findings data.Register
	ncs      data.Register
	audit    data.Record
	found    []data.Record // its findings, in clause order
	raised   map[int64][]data.Record
	names    func(data.Field, int64) string
	ref      string
	approved bool
}

// auditRegisterRecords finds a register of the source with its records; a
// source that keeps none gives the declaration without records.
func auditRegisterRecords(src Source, key string) RegisterRecords {
	for _, rr := range src.Registers {
		if rr.Register.Key == key {
			return rr
		}
	}
	reg, _ := data.FindRegister(key)
	return RegisterRecords{Register: reg}
}

// auditPack is the report of one internal audit, chosen by its reference:
// scope, criteria and team, the summary, every finding graded against its
// clause, the conclusions and who receives it. A report the lead auditor
// has not approved prints marked DRAFT on every page: it can go round for
// comment, and nobody can take it for the approved report.
func auditPack(env packEnv) (*packSpec, error) {
	ref := strings.TrimSpace(env.opts.Audit)
	audits := auditRegisterRecords(env.src, data.AuditsRegister)
	if ref == "" {
		return nil, data.Errorf(data.EInvalid, "Choose the audit to report by its reference, such as %s.", audits.Register.Reference(1))
	}
	n, ok := audits.Register.ParseReference(ref)
	if !ok {
		return nil, data.Errorf(data.EInvalid, "%q is not an audit reference such as %s.", ref, audits.Register.Reference(1))
	}
	r := auditReport{env: env, audits: audits.Register, names: auditNames(env.src), raised: map[int64][]data.Record{}}
	found := false
	for _, a := range audits.Records {
		if a.Number == n {
			r.audit, found = a, true
		}
	}
	if !found {
		return nil, data.Errorf(data.ENotFound, "There is no audit %s in this workspace.", audits.Register.Reference(n))
	}
	r.ref = audits.Register.Reference(n)
	findings := auditRegisterRecords(env.src, data.FindingsRegister)
	r.findings = findings.Register
	for _, f := range findings.Records {
		if slices.Contains(f.IDs("audit"), r.audit.ID) {
			r.found = append(r.found, f)
		}
	}
	slices.SortStableFunc(r.found, func(a, b data.Record) int { return compareAuditClauses(a.Get("clause"), b.Get("clause")) })
	ncs := auditRegisterRecords(env.src, data.NonconformitiesRegister)
	r.ncs = ncs.Register
	for _, nc := range ncs.Records {
		for _, id := range nc.IDs("finding") {
			r.raised[id] = append(r.raised[id], nc)
		}
	}
	r.approved = r.audit.Get("approved_on") != ""

	title := "Internal audit report: " + r.audit.Get("title")
	lead := r.value(r.audits, r.audit, "lead")
	status := "Approved by the lead auditor"
	date := r.value(r.audits, r.audit, "approved_on")
	if !r.approved {
		status = "DRAFT \u2013 not yet approved by the lead auditor"
		date = "Not yet approved"
	}
	number := "SMS-" + r.ref
	spec := &packSpec{
		title:         title,
		subtitle:      "The report of internal audit " + r.ref + " against ISO/IEC 20000-1:2018, clauses " + r.audit.Get("clauses"),
		docNumber:     number,
		version:       "1.0",
		status:        status,
		controlDate:   "Approved",
		controlAsList: true,
		control:       []ControlRow{{Number: number, Title: title, Version: "1.0", Status: status, Date: date, Owner: lead, Approver: lead}},
		foot:          running{number: number, version: "1.0", draft: !r.approved},
	}
	spec.controlIntro = "This report was printed from the SMS Builder workspace of " + packOrg(env) + " on " + env.date + ". "
	if r.approved {
		spec.controlIntro += "The lead auditor approved it on " + date + "."
	} else {
		spec.controlIntro += "The lead auditor has not approved it yet: it is printed for comment and marked DRAFT on every page."
	}
	spec.sections = []section{
		{number: "1", title: "The audit", render: r.details},
		{number: "2", title: "Findings", render: r.findingsSection},
		{number: "3", title: "Conclusions", render: r.conclusions},
	}
	return spec, nil
}

// value is a field of a record as a reader reads it.
func (r auditReport) value(reg data.Register, rec data.Record, key string) string {
	f, ok := reg.Field(key)
	if !ok {
		return ""
	}
	return f.Display(rec.Get(key), r.env.opts.DateFormat, r.names)
}

func (r auditReport) details(d *doc) error {
	a := r.audit
	rows := [][2]string{
		{"Audit", r.ref + " " + a.Get("title")},
		{"Clauses in scope", a.Get("clauses")},
		{"Processes in scope", r.processes()},
		{"Services sampled", r.value(r.audits, a, "services")},
		{"Criteria", a.Get("criteria")},
		{"Planned for", r.value(r.audits, a, "planned")},
		{"Held on", r.value(r.audits, a, "held_on")},
		{"Lead auditor", r.value(r.audits, a, "lead")},
		{"Audit team", a.Get("team")},
	}
	if s := a.Get("impartiality"); s != "" {
		rows = append(rows, [2]string{"Impartiality", s})
	}
	d.keyValues(rows)
	d.heading(1, "", "Summary", true)
	if s := strings.TrimSpace(a.Get("summary")); s != "" {
		d.paragraph(s, 0)
	} else {
		d.notYet()
	}
	counts := map[string]int{}
	for _, f := range r.found {
		counts[f.Get("grade")]++
	}
	t := table{header: []cell{{{text: "Grade"}}, {{text: "Findings"}}}, align: []byte{'L', 'R'}, fixed: []float64{0.6, 0.4}}
	grades, _ := r.findings.Field("grade")
	for _, g := range grades.Choices {
		t.rows = append(t.rows, []cell{{{text: g.Label}}, {{text: strconv.Itoa(counts[g.Key])}}})
	}
	d.table(t)
	return nil
}

// processes are the SMS processes the scope reaches, by number and title.
func (r auditReport) processes() string {
	cat := r.env.src.Catalogue
	if cat == nil {
		return ""
	}
	clauses, err := cat.ParseClauseScope(r.audit.Get("clauses"))
	if err != nil {
		return data.ErrorMessage(err)
	}
	var out []string
	for _, p := range cat.Processes() {
		if slices.Contains(clauses, p.Number) {
			out = append(out, p.Number+" "+p.Title)
		}
	}
	if len(out) == 0 {
		return "None of clause 8: the scope covers the management system clauses only."
	}
	return strings.Join(out, "; ")
}

func (r auditReport) clauseTitle(number string) string {
	if cat := r.env.src.Catalogue; cat != nil {
		if c, ok := cat.Clause(strings.TrimSpace(number)); ok {
			return c.Number + " " + c.Title
		}
	}
	return number
}

func (r auditReport) findingsSection(d *doc) error {
	if len(r.found) == 0 {
		d.paragraph("No findings are recorded for this audit yet.", stMuted|stItalic)
		return nil
	}
	d.paragraph("Each clause of the checklist with its grade; minor and major nonconformities name the nonconformity raised to correct them.", 0)
	t := table{header: []cell{{{text: "Finding"}}, {{text: "Clause"}}, {{text: "Grade"}}, {{text: "What was found"}}}, align: []byte{'L', 'L', 'L', 'L'}}
	for _, f := range r.found {
		t.rows = append(t.rows, []cell{{{text: r.findings.Reference(f.Number), st: stMuted}}, {{text: r.clauseTitle(f.Get("clause"))}},
			r.gradeCell(f), valueCell(f.Get("notes"))})
	}
	t.fixed = d.fitColumns(t, []float64{0, 0.6, 0, 1}, 0.25)
	d.table(t)
	for _, f := range r.found {
		d.heading(1, "", r.findings.Reference(f.Number)+" "+r.clauseTitle(f.Get("clause")), true)
		rows := [][2]string{
			{"Grade", r.value(r.findings, f, "grade")},
			{"What was found", f.Get("notes")},
			{"Evidence seen", f.Get("evidence")},
		}
		for _, nc := range r.raised[f.ID] {
			rows = append(rows, [2]string{"Nonconformity raised", r.ncs.Reference(nc.Number) + " " + nc.Get("title") + " (" + r.value(r.ncs, nc, "status") + ")"})
		}
		d.keyValues(rows)
	}
	return nil
}

// gradeCell is the grade, in the alert colour for a nonconformity.
func (r auditReport) gradeCell(f data.Record) cell {
	g := f.Get("grade")
	st := style(0)
	switch g {
	case "minor", "major":
		st = stBold | stAlert
	case "conforming":
		st = stRecord
	}
	if g == "" {
		return cell{{text: "Not graded", st: stMuted | stItalic}}
	}
	return cell{{text: r.value(r.findings, f, "grade"), st: st}}
}

func (r auditReport) conclusions(d *doc) error {
	if s := strings.TrimSpace(r.audit.Get("conclusions")); s != "" {
		d.paragraph(s, 0)
	} else {
		d.notYet()
	}
	d.heading(1, "", "Distribution", true)
	if s := strings.TrimSpace(r.audit.Get("distribution")); s != "" {
		d.paragraph(s, 0)
	} else {
		d.notYet()
	}
	d.heading(1, "", "Approval", true)
	lead := firstNonEmpty(r.value(r.audits, r.audit, "lead"), "The lead auditor")
	if r.approved {
		d.keyValues([][2]string{{"Approved by", lead + ", lead auditor"}, {"Approved on", r.value(r.audits, r.audit, "approved_on")}})
	} else {
		d.paragraph("Not yet approved. "+lead+" approves the report by filling in the day it was approved on the audit; until then every copy is a draft.", stBold|stAlert)
	}
	return nil
}

// auditNames names people as recordNames does, and linked records by
// reference and title, "SVC-1 Managed Desktop Support": a report names
// few, and its reader has no register beside it.
func auditNames(src Source) func(data.Field, int64) string {
	names := recordNames(src)
	titles := map[int64]string{}
	for _, rr := range src.Registers {
		for _, rec := range rr.Records {
			if t := strings.TrimSpace(rec.Get(rr.Register.TitleField)); t != "" {
				titles[rec.ID] = rr.Register.Reference(rec.Number) + " " + t
			}
		}
	}
	return func(f data.Field, id int64) string {
		if t, ok := titles[id]; ok && f.Type == data.FieldLink {
			return t
		}
		return names(f, id)
	}
}

// compareAuditClauses orders clause numbers as the standard does: 8.10 after 8.9.
func compareAuditClauses(a, b string) int {
	pa, pb := strings.Split(strings.TrimSpace(a), "."), strings.Split(strings.TrimSpace(b), ".")
	for i := 0; i < len(pa) && i < len(pb); i++ {
		x, errX := strconv.Atoi(pa[i])
		y, errY := strconv.Atoi(pb[i])
		if errX != nil || errY != nil {
			if c := strings.Compare(pa[i], pb[i]); c != 0 {
				return c
			}
			continue
		}
		if x != y {
			return x - y
		}
	}
	return len(pa) - len(pb)
}
