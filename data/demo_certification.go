package data

// Northwind's road to certification: a body chosen over another that
// quoted, stage 1 held a month ago with a minor nonconformity (raised as
// Northwind's own nonconformity, its plan sent) and an observation, and
// stage 2 booked for two months ahead.

const (
	demoBody   = "Meridian Assurance Certification Ltd"
	demoStage1 = "Stage 1 – document review and readiness"
	demoStage2 = "Stage 2 – certification audit"
	demoNCDocs = "Procedures in use without a recorded approval"
)

func (s *demoRegisters) bodies() []demoRow {
	return []demoRow{
		{"title": demoBody, "accreditation": "UKAS 4417 (ISO/IEC 20000-1)", "status": "chosen",
			"contact": "Helen Ashworth, client manager – helen.ashworth@meridian-assurance.example",
			"quote":   "9400", "contract_on": s.date(-3, 0),
			"quote_terms": "Stage 1 (1 day on site) and stage 2 (3 days), then surveillance of 1.5 days in each of years one and two; " +
				"travel included; certificate and listing fees of £450 a year on top."},
		{"title": "Albion Standards Registrar", "accreditation": "UKAS 2290 (ISO/IEC 20000-1)", "status": "ended",
			"contact": "enquiries@albion-standards.example", "quote": "11800",
			"quote_terms": "Stage 1 and stage 2 of 5 days in all; travel charged at cost. Not chosen: dearer, and no auditor free before next spring."},
	}
}

func (s *demoRegisters) externalAudits() []demoRow {
	scope := "The design, transition, delivery and improvement of managed desktop support, cloud hosting and backup and recovery " +
		"for Northwind's customers, from the Leeds office."
	return []demoRow{
		{"title": demoStage1, "kind": "stage1", "body": demoBody, "owner": "Daniel Okafor",
			"planned_from": s.date(-1, 0), "planned_to": s.date(-1, 0), "held_on": s.date(-1, 0), "days": "1",
			"auditors": "Graham Pike (lead)", "scope": scope, "status": "reported"},
		{"title": demoStage2, "kind": ExternalStage2, "body": demoBody, "owner": "Daniel Okafor",
			"planned_from": s.date(2, 0), "planned_to": s.date(2, 2), "days": "3",
			"auditors": "Graham Pike (lead); Farah Qureshi", "scope": scope, "status": "planned"},
	}
}

// certificationNonconformities is the one Northwind raised from stage 1's
// minor nonconformity, to find its cause like any other.
func (s *demoRegisters) certificationNonconformities() []demoRow {
	return []demoRow{
		{"title": demoNCDocs, "source": "certification", "severity": "minor",
			"raised_on": s.date(-1, 1), "owner": "Daniel Okafor", "status": "action",
			"description": "Stage 1 found the change and release procedures in use while still drafts, with no approval recorded.",
			"correction":  "Both procedures were reviewed and approved by Margaret Holloway the week after the audit.",
			"root_cause":  "Nobody checked that a procedure was approved before it was published to the team.",
		},
	}
}

func (s *demoRegisters) externalFindings() []demoRow {
	planDue, evidenceDue := DefaultOrganisation().FindingDeadlines(s.today.AddDate(0, -1, 0)) // stage 1 was held a month ago
	return []demoRow{
		{"title": "Change and release procedures used unapproved", "audit": demoStage1, "grade": "minor", "clause": "7.5.3",
			"wording": "Documented information required by the SMS is not consistently controlled: the change management and release " +
				"procedures in use had no recorded approval.",
			"owner": "Daniel Okafor", "plan_due": planDue.Format(DateLayout), "evidence_due": evidenceDue.Format(DateLayout),
			"plan":          "Approve both procedures; add an approval check to the document publishing steps; check every published document once.",
			"nonconformity": demoNCDocs, "status": "plan_sent"},
		{"title": "Little operating history for Cloud Hosting", "audit": demoStage1, "grade": "observation", "clause": "9.1",
			"wording": "Only two months of service reports exist for Cloud Hosting; stage 2 will sample three months or more.",
			"owner":   "Aisha Bello", "status": "open"},
	}
}

// certificationActions are the corrective actions of the nonconformity
// stage 1 raised: the procedures approved, the publishing check to come.
func (s *demoRegisters) certificationActions() []demoAction {
	return []demoAction{
		{NonconformitiesRegister, demoNCDocs, "Approve the change and release procedures", "Margaret Holloway", s.date(-1, 7), true},
		{NonconformitiesRegister, demoNCDocs, "Add an approval check to the steps for publishing a document, and check every published one", "Daniel Okafor", s.date(0, 14), false},
	}
}
