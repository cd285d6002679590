package data

// Northwind's internal audit programme: the first audit, held two months
// ago by Oliver Grant, reported and approved, with a finding of every
// grade; the two nonconformities raised from its minor and major
// findings; and the audits planned over the three years of the programme
// so that every clause and every process is audited, the processes that
// are critical or had findings every year.

const demoFirstAudit = "Resolution, availability and service reporting"

func (s *demoRegisters) audits() []demoRow {
	planned := func(title, clauses string, months int, lead, critical string) demoRow {
		r := demoRow{"title": title, "clauses": clauses, "planned": s.date(months, 0), "lead": lead, "status": "planned",
			"criteria":     "ISO/IEC 20000-1:2018 for the clauses in scope; Northwind's SMS documents and procedures for them; the customer agreements.",
			"distribution": "Margaret Holloway (Managing Director); Daniel Okafor (SMS owner); the owners of the processes audited."}
		if critical != "" {
			r["critical"] = critical
		}
		return r
	}
	first := planned(demoFirstAudit, "8.6, 8.7.1, 9.4", -2, "Oliver Grant", "yes")
	first["planned"] = s.date(-2, -2)
	first["held_on"] = s.date(-2, 0)
	first["approved_on"] = s.date(-2, 6)
	first["status"] = "reported"
	first["services"] = demoDesktop + "; " + demoCloud
	first["summary"] = "Incidents and service requests are logged, prioritised and resolved as the procedures say, and the monthly " +
		"service reports reach every customer. Two weaknesses stand out: incident priorities are sometimes changed without a " +
		"recorded reason, and repeated backup failures were never investigated as a problem."
	first["conclusions"] = "Incident and request management conform and work. Problem management does not yet operate: a major " +
		"nonconformity. Availability is monitored but not yet planned against the agreed targets. The processes in scope are " +
		"audited again every year of the programme."
	sofia := planned("Performance evaluation and improvement", "9, 10", 10, "Sofia Marchetti", "")
	sofia["planned"] = s.date(9, 20) // the last of the first year
	sofia["team"] = "Oliver Grant"
	sofia["impartiality"] = "Oliver Grant runs the audit programme, so Sofia Marchetti audits clause 9.2 on her own; Oliver takes part for 9.1, 9.3, 9.4 and 10 only."
	return []demoRow{
		first,
		planned("Context, leadership and planning", "4, 5, 6", 1, "Oliver Grant", ""),
		planned("Support and documented information", "7", 3, "Oliver Grant", ""),
		planned("Operational planning, service portfolio and assets", "8.1, 8.2", 5, "Oliver Grant", ""),
		planned("Relationships, suppliers, supply and demand", "8.3, 8.4", 7, "Oliver Grant", ""),
		planned("Service assurance", "8.7", 8, "Oliver Grant", "yes"),
		planned("Change, design and release", "8.5", 9, "Oliver Grant", "yes"),
		sofia,
		planned("Resolution and service assurance, second year", "8.6, 8.7", 13, "Oliver Grant", "yes"),
		planned("Change, design and release, second year", "8.5", 16, "Oliver Grant", "yes"),
		planned("Resolution and service assurance, third year", "8.6, 8.7", 25, "Oliver Grant", "yes"),
	}
}

func (s *demoRegisters) findings() []demoRow {
	row := func(clause, grade, notes, evidence string) demoRow {
		return demoRow{"audit": demoFirstAudit, "clause": clause, "grade": grade, "notes": notes, "evidence": evidence}
	}
	return []demoRow{
		row("8.6.1", "minor", "Three P2 incidents in October had their priority lowered with no reason recorded, against the incident procedure.",
			"Incident records of October (40 sampled); the incident management procedure; interview with the service desk lead."),
		row("8.6.2", "conforming", "Requests are logged, approved where the catalogue asks it, and fulfilled within the agreed times.",
			"Twenty requests sampled across the three customers; the request catalogue."),
		row("8.6.3", "major", "The backup job failed on nine nights in three months with no problem record raised; no problem has been recorded this year.",
			"Backup job log; the empty problem log; interview with the cloud engineer."),
		row("8.7.1", "observation", "Availability is reported each month, but no availability plan sets out how the targets will be kept.",
			"Monthly service reports; the hosting SLA."),
		row("9.4", "improvement", "The monthly reports could show the trend over the last six months, which customers asked for at the last review.",
			"Service reports of the last quarter; minutes of the Harbour Dental service review."),
	}
}

const (
	demoNCPriorities = "Incident priorities changed without a recorded reason"
	demoNCProblems   = "Repeated backup failures not investigated as a problem"
)

// auditActions are the corrective actions of the nonconformities the
// first audit raised: the minor one's done, awaiting their check, the
// major one's under way.
func (s *demoRegisters) auditActions() []demoAction {
	return []demoAction{
		{NonconformitiesRegister, demoNCPriorities, "Make a reason required when a priority changes in the ticketing tool", "Priya Raman", s.date(-1, 0), true},
		{NonconformitiesRegister, demoNCPriorities, "Brief the service desk and new starters on priority changes", "Priya Raman", s.date(-1, 7), true},
		{NonconformitiesRegister, demoNCProblems, "Find the cause of the nightly backup failures and record it on the problem", "Aisha Bello", s.date(-1, 0), true},
		{NonconformitiesRegister, demoNCProblems, "Name a problem manager who reviews repeated incidents every week", "Daniel Okafor", s.date(0, 21), false},
	}
}

// auditNonconformities are the two raised from the first audit's minor
// and major findings.
func (s *demoRegisters) auditNonconformities() []demoRow {
	return []demoRow{
		{"title": demoNCPriorities, "source": "audit", "finding": "8.6.1", "severity": "minor",
			"raised_on": s.date(-2, 1), "owner": "Priya Raman", "status": "check", "check_due": s.date(0, 10),
			"description": "The incident procedure asks for a reason whenever a priority changes; three P2 incidents in October were lowered without one.",
			"correction":  "The three incidents were reviewed with the engineers; their priorities were right and the reasons were added.",
			"root_cause":  "The ticketing tool let the priority change without a reason, and new starters were not told a reason is needed.",
		},
		{"title": demoNCProblems, "source": "audit", "finding": "8.6.3", "severity": "major",
			"raised_on": s.date(-2, 1), "owner": "Aisha Bello", "status": "action",
			"description": "Nine nightly backup failures in three months were fixed one by one; no problem record was raised and the cause is unknown.",
			"correction":  "A problem record was opened for the backup failures and a daily check of the backup log started.",
			"root_cause":  "Nobody was given the problem management role, so repeated incidents were never looked at together.",
		},
	}
}
