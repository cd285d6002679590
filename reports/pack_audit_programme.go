package reports

import (
	"slices"
	"strconv"
	"strings"

	"smsbuilder/data"
)

const (
	auditProgrammePackID    = "audit-programme"
	auditProgrammeTitle     = "Internal audit programme"
	auditProgrammeDocNumber = "SMS-PK-10"
)

// programmeReport is the audit programme as its pack prints it.
type programmeReport struct {
	env    packEnv
	audits data.Register
	p      data.Programme
	names  func(data.Field, int64) string
}

// auditProgrammePack is the programme of internal audits: the audits of
// each year of its period, the clauses and processes each year reaches,
// and the gaps still to plan for.
func auditProgrammePack(env packEnv) (*packSpec, error) {
	cat := env.src.Catalogue
	if cat == nil {
		return nil, data.Errorf(data.EContent, "The clause catalogue is not available in this copy of SMS Builder.")
	}
	audits := auditRegisterRecords(env.src, data.AuditsRegister)
	findings := auditRegisterRecords(env.src, data.FindingsRegister)
	if len(audits.Records) == 0 {
		return nil, data.Errorf(data.EInvalid, "No internal audit is planned yet: plan the first on the Internal audits register, then print the programme.")
	}
	r := programmeReport{env: env, audits: audits.Register, names: recordNames(env.src),
		p: data.BuildProgramme(cat, data.ProgrammeInput{Audits: audits.Register, Records: audits.Records, Findings: findings.Records, Today: env.opts.Now})}
	people := env.src.People
	spec := &packSpec{
		title:     auditProgrammeTitle,
		subtitle:  "The internal audits planned for ISO/IEC 20000-1:2018 clause 9.2 and how they cover clauses 4 to 10 and every process, as planned on " + env.date,
		docNumber: auditProgrammeDocNumber,
		version:   "1.0",
		landscape: len(r.p.Years) > 3,
	}
	spec.control = []ControlRow{{Number: auditProgrammeDocNumber, Title: auditProgrammeTitle, Version: spec.version, Status: env.status, Date: env.date,
		Owner: namesWithRole(people, data.RoleSMSOwner), Approver: namesWithRole(people, data.RoleTopManagement)}}
	spec.sections = []section{
		{number: "1", title: "Programme", render: r.summary},
		{number: "2", title: "Coverage of clauses 4 to 10", render: func(d *doc) error { return r.coverage(d, r.p.Clauses, false) }},
		{number: "3", title: "Coverage of the SMS processes", render: func(d *doc) error { return r.coverage(d, r.p.Processes, true) }},
		{number: "4", title: "Gaps to plan for", render: r.gaps},
	}
	return spec, nil
}

func (r programmeReport) summary(d *doc) error {
	covered := func(lines []data.CoverageLine) string {
		n := 0
		for _, l := range lines {
			if l.Coverage == data.Covered {
				n++
			}
		}
		return strconv.Itoa(n) + " of " + strconv.Itoa(len(lines))
	}
	yearly := 0
	for _, l := range r.p.Processes {
		if l.Yearly {
			yearly++
		}
	}
	f := r.env.opts.DateFormat
	d.paragraph("The programme plans the internal audits so that, within its period, every clause from 4 to 10 and every process of the service "+
		"management system is audited at least once. Processes that are critical, or where an audit found a minor or major nonconformity, are audited every year.", 0)
	d.keyValues([][2]string{
		{"Period", f.Format(r.p.From) + " to " + f.Format(r.p.To.AddDate(0, 0, -1))},
		{"Audits in the period", strconv.Itoa(r.p.AuditCount())},
		{"Clauses covered", covered(r.p.Clauses)},
		{"Processes covered", covered(r.p.Processes)},
		{"Processes audited every year", strconv.Itoa(yearly)},
	})
	for _, y := range r.p.Years {
		d.heading(1, "", "Year "+strconv.Itoa(y.Number)+": "+f.Format(y.From)+" – "+f.Format(y.To.AddDate(0, 0, -1)), true)
		if len(y.Audits) == 0 {
			d.paragraph("No audit is planned in this year.", stBold|stAlert)
			continue
		}
		t := table{header: []cell{{{text: "Audit"}}, {{text: "Scope"}}, {{text: "Date"}}, {{text: "Lead auditor"}}, {{text: "Status"}}}}
		for _, a := range y.Audits {
			status, _ := r.audits.Field("status")
			lead, _ := r.audits.Field("lead")
			when := f.Format(a.Date)
			if a.Held {
				when += " (held)"
			}
			scope := cell{{text: a.Record.Get("clauses")}}
			if a.ScopeProblem != "" {
				scope = cell{{text: a.ScopeProblem, st: stAlert}}
			}
			t.rows = append(t.rows, []cell{{{text: a.Reference + " " + a.Title}}, scope, {{text: when}},
				valueCell(lead.Display(a.Record.Get("lead"), f, r.names)), {{text: status.Display(a.Record.Get("status"), f, r.names)}}})
		}
		t.fixed = d.fitColumns(t, []float64{1, 0.6, 0, 0, 0}, 0.25)
		d.table(t)
	}
	if len(r.p.Unplaced) > 0 {
		d.heading(1, "", "Audits outside the period", true)
		var names []string
		for _, a := range r.p.Unplaced {
			names = append(names, a.Reference+" "+a.Title+" ("+f.Format(a.Date)+")")
		}
		d.paragraph(strings.Join(names, "\n"), stMuted)
	}
	return nil
}

func (r programmeReport) coverage(d *doc, lines []data.CoverageLine, processes bool) error {
	if processes {
		d.paragraph("The processes are the operational clauses of clause 8. A tick marks a year with an audit of the process; a yearly process needs one in every year.", 0)
	} else {
		d.paragraph("A tick marks a year with an audit reaching the clause. A clause is covered once every one of its sub-clauses is in the scope of an audit of the programme.", 0)
	}
	header := []cell{{{text: "Clause"}}}
	align := []byte{'L'}
	weights := []float64{1}
	for _, y := range r.p.Years {
		header = append(header, cell{{text: "Year " + strconv.Itoa(y.Number)}})
		align = append(align, 'C')
		weights = append(weights, 0)
	}
	header = append(header, cell{{text: "Coverage"}}, cell{{text: "Audits"}})
	align = append(align, 'L', 'L')
	weights = append(weights, 0, 0.5)
	t := table{header: header, align: align}
	for _, l := range lines {
		title := cell{{text: l.Clause.Number + " " + l.Clause.Title}}
		if l.Yearly {
			why := "Critical"
			if len(l.Findings) > 0 {
				why = "Findings " + strings.Join(l.Findings, ", ")
				if l.Critical {
					why = "Critical; findings " + strings.Join(l.Findings, ", ")
				}
			}
			title = append(title, span{text: "\nEvery year: " + why, st: stMuted})
		}
		row := []cell{title}
		for i, ok := range l.ByYear {
			switch {
			case ok:
				row = append(row, cell{{text: "\u2713", st: stRecord | stBold}})
			case l.Yearly && slices.Contains(l.DueYears, i+1):
				row = append(row, cell{{text: "Due", st: stAlert | stBold}})
			default:
				row = append(row, cell{{text: "\u2013", st: stMuted}})
			}
		}
		cov := cell{{text: l.Coverage.Label(), st: stRecord}}
		switch l.Coverage {
		case data.Uncovered:
			cov = cell{{text: l.Coverage.Label(), st: stAlert | stBold}}
		case data.PartlyCovered:
			cov = cell{{text: l.Coverage.Label() + "\nmissing " + strings.Join(l.Missing, ", "), st: stAlert}}
		}
		audits := cell{{text: strings.Join(l.Audits, ", ")}}
		if len(l.Audits) == 0 {
			audits = cell{{text: "None", st: stMuted | stItalic}}
		}
		row = append(row, cov, audits)
		t.rows = append(t.rows, row)
	}
	t.fixed = d.fitColumns(t, weights, 0.3)
	d.table(t)
	return nil
}

func (r programmeReport) gaps(d *doc) error {
	gaps := r.p.Gaps()
	if len(gaps) == 0 {
		d.paragraph("None: every clause and every process is audited within the period, and every yearly process in every year.", stRecord|stBold)
		return nil
	}
	t := table{header: []cell{{{text: "Clause or process"}}, {{text: "What is needed"}}}}
	for _, l := range gaps {
		t.rows = append(t.rows, []cell{{{text: l.Clause.Number + " " + l.Clause.Title}}, {{text: l.Need(), st: stAlert}}})
	}
	t.fixed = d.fitColumns(t, []float64{1, 1}, 0.5)
	d.table(t)
	return nil
}
