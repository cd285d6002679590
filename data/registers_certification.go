package data

// The registers of certification: the body that certifies the SMS, the
// audits it holds (stage 1, stage 2, then surveillance and
// recertification) and what its auditors found. They are kept apart from
// the internal audits because the deadlines and the outcome are the
// body's, not the firm's.

// Register keys of certification, which code outside the declarations
// names.
const (
	BodiesRegister           = "bodies"
	ExternalAuditsRegister   = "external_audits"
	ExternalFindingsRegister = "external_findings"
)

// Kinds of external audit and grades of an external finding that code
// outside the declarations reads.
const (
	ExternalStage2        = "stage2"
	ExternalMajorNC       = "major"
	ExternalFindingClosed = "closed"
)

// How long a body usually gives to send the correction plan and then the
// evidence of a finding, counted from the day the audit was held. Bodies
// set their own terms; these fill the form until the real ones are typed
// over them.
const (
	CorrectionPlanDays  = 30
	FindingEvidenceDays = 90
)

func bodiesRegister() Register {
	return Register{
		Key: BodiesRegister, Title: "Certification bodies", One: "certification body",
		Prefix: "CB", Group: GroupCertify,
		Help: "The bodies asked to certify the SMS: their accreditation, who to contact, what they quoted, " +
			"and which one was chosen and when the contract was signed.",
		TitleField: "title",
		Sort:       []SortKey{{Field: "status"}, {Field: "title"}},
		Fields: []Field{
			title("Body", "The certification body's name.", "certification body", "registrar", "name"),
			{Key: "accreditation", Label: "Accreditation", Type: FieldText, MaxLen: 200,
				Help:     "Who accredits it for ISO/IEC 20000-1 and its number, such as \"UKAS 1234\".",
				Synonyms: []string{"accreditation number", "accredited by", "ukas"}},
			{Key: "contact", Label: "Contact", Type: FieldText, Help: "The person to deal with, with e-mail or phone.",
				Synonyms: []string{"contact person", "email", "phone"}},
			{Key: "quote", Label: "Quoted price", Type: FieldNumber, HasRange: true, Min: 0, Max: 10_000_000,
				Help: "The price quoted for the first three-year cycle.", Synonyms: []string{"price", "cost", "quote amount"}},
			longText("quote_terms", "Quote terms", "What the quote covers: audit days, travel, certificate fees.", "quote details", "terms"),
			{Key: "contract_on", Label: "Contract signed on", Type: FieldDate, Synonyms: []string{"contract date", "signed"}},
			{Key: "status", Label: "Status", Type: FieldChoice, Required: true, Default: "shortlisted", Synonyms: []string{"state"}, Choices: []Choice{
				{Key: "shortlisted", Label: "Shortlisted", Synonyms: []string{"considered", "quote asked"}},
				{Key: "chosen", Label: "Chosen", Synonyms: []string{"selected", "contracted", "current"}},
				{Key: "ended", Label: "Ended", Synonyms: []string{"former", "rejected", "past"}},
			}},
		},
		Rules: []Rule{func(r Record) (string, string) {
			if r.Get("status") == "chosen" && r.Get("contract_on") == "" {
				return "contract_on", "A chosen body has a contract: fill in the day it was signed."
			}
			return "", ""
		}},
	}
}

func externalAuditsRegister() Register {
	return Register{
		Key: ExternalAuditsRegister, Title: "Certification audits", One: "certification audit", Prefix: "CA", Group: GroupCertify,
		Help: "The audits the certification body holds: stage 1 and stage 2, then surveillance each year and " +
			"recertification before the certificate runs out, with the days, the auditors, the scope and the result.",
		TitleField: "title",
		Sort:       []SortKey{{Field: "planned_from"}},
		Table:      []string{"title", "kind", "body", "planned_from", "planned_to", "held_on", "days", "auditors", "result", "status"},
		Filters:    []string{"kind", "status", "result"},
		Fields: []Field{
			title("Audit", "Such as \"Stage 1, March 2027\".", "audit", "name"),
			{Key: "kind", Label: "Kind", Type: FieldChoice, Required: true, Synonyms: []string{"type", "audit type", "stage"}, Choices: []Choice{
				{Key: "stage1", Label: "Stage 1", Synonyms: []string{"stage one", "readiness review", "document review"}},
				{Key: ExternalStage2, Label: "Stage 2", Synonyms: []string{"stage two", "certification audit", "initial certification"}},
				{Key: "surveillance", Label: "Surveillance", Synonyms: []string{"surveillance audit", "annual"}},
				{Key: "recertification", Label: "Recertification", Synonyms: []string{"renewal", "recert"}},
				{Key: "special", Label: "Special", Synonyms: []string{"special audit", "short notice", "follow-up"}},
			}},
			{Key: "body", Label: "Certification body", Type: FieldLink, Link: BodiesRegister, Required: true,
				Synonyms: []string{"body", "registrar", "certifier"}},
			{Key: "planned_from", Label: "Planned from", Type: FieldDate, Required: true, Task: "Host", TaskDoneBy: "held_on",
				Help: "The first day planned; a task is due on that day until the audit is held.", Synonyms: []string{"planned", "start", "from"}},
			{Key: "planned_to", Label: "Planned to", Type: FieldDate, Help: "The last day planned.", Synonyms: []string{"end", "to", "until"}},
			{Key: "held_on", Label: "Held on", Type: FieldDate, Help: "The last day it was actually held; the six months to close a stage 2's major findings run from it.",
				Synonyms: []string{"actual date", "held", "conducted"}},
			{Key: "days", Label: "Audit days", Type: FieldNumber, HasRange: true, Min: 0, Max: 100,
				Help: "Auditor days, as the body's plan gives them.", Synonyms: []string{"auditor days", "duration", "man days"}},
			{Key: "auditors", Label: "Auditors", Type: FieldText, MaxLen: 400, Help: "The body's auditors, lead first, by name.",
				Synonyms: []string{"audit team", "lead auditor", "auditor"}},
			owner("Who arranges the audit on the firm's side and answers its findings.", "coordinator", "host"),
			longText("scope", "Scope", "The scope of the SMS and the services and sites the audit covers.", "audit scope", "scope statement"),
			{Key: "result", Label: "Result", Type: FieldChoice, Help: "What the auditors recommend, once the audit is held.",
				Synonyms: []string{"recommendation", "outcome"}, Choices: []Choice{
					{Key: "recommended", Label: "Recommended", Synonyms: []string{"yes", "pass", "recommended for certification"}},
					{Key: "conditional", Label: "Recommended once major nonconformities are closed", Synonyms: []string{"conditional", "subject to closure"}},
					{Key: "not_recommended", Label: "Not recommended", Synonyms: []string{"no", "fail", "not recommended"}},
				}},
			{Key: "status", Label: "Status", Type: FieldChoice, Required: true, Default: "planned", Synonyms: []string{"state"}, Choices: []Choice{
				{Key: "planned", Label: "Planned", Synonyms: []string{"scheduled", "booked"}},
				{Key: "held", Label: "Held", Synonyms: []string{"done", "complete"}},
				{Key: "reported", Label: "Report received", Synonyms: []string{"reported", "closed"}},
				{Key: "cancelled", Label: "Cancelled", Synonyms: []string{"postponed"}},
			}},
		},
		Rules: []Rule{
			func(r Record) (string, string) {
				from, ok1 := r.Date("planned_from")
				to, ok2 := r.Date("planned_to")
				if ok1 && ok2 && to.Before(from) {
					return "planned_to", "The last day planned cannot come before the first."
				}
				return "", ""
			},
			func(r Record) (string, string) {
				if r.Get("result") != "" && r.Get("held_on") == "" {
					return "held_on", "An audit has a result only once it is held: fill in the day it was held."
				}
				return "", ""
			},
		},
	}
}

func externalFindingsRegister() Register {
	return Register{
		Key: ExternalFindingsRegister, Title: "Certification findings", One: "certification finding", Prefix: "CF", Group: GroupCertify,
		Help: "What the certification body's auditors found: the grade, the clause and their own words, the days by which the " +
			"correction plan and the evidence are due, and the evidence sent. A finding closes only once its evidence is recorded.",
		TitleField: "title",
		Sort:       []SortKey{{Field: "status"}, {Field: "audit"}, {Field: "clause"}},
		Table:      []string{"title", "audit", "grade", "clause", "plan_due", "evidence_due", "nonconformity", "status"},
		Filters:    []string{"grade", "status", "owner"},
		Fields: []Field{
			title("Finding", "The finding in a few words.", "finding", "summary"),
			{Key: "audit", Label: "Audit", Type: FieldLink, Link: ExternalAuditsRegister, Required: true,
				Synonyms: []string{"certification audit", "external audit"}},
			{Key: "grade", Label: "Grade", Type: FieldChoice, Required: true, Synonyms: []string{"type", "category", "finding type"}, Choices: []Choice{
				{Key: ExternalMajorNC, Label: "Major nonconformity", Synonyms: []string{"major NC", "NC major", "major"}},
				{Key: "minor", Label: "Minor nonconformity", Synonyms: []string{"minor NC", "NC minor", "minor"}},
				{Key: "observation", Label: "Observation", Synonyms: []string{"obs", "area of concern"}},
				{Key: "improvement", Label: "Opportunity for improvement", Synonyms: []string{"OFI", "improvement"}},
			}},
			{Key: "clause", Label: "Clause", Type: FieldText, MaxLen: 20, Synonyms: []string{"clause number", "requirement"}},
			longText("wording", "Auditor's wording", "The finding as the auditor wrote it in the report.", "finding text", "statement", "description"),
			owner("Who answers the finding.", "responsible"),
			{Key: "plan_due", Label: "Correction plan due", Type: FieldDate, Task: "Send the correction plan for", TaskDoneBy: "plan",
				Help:     "When the body wants the plan; a task is due on that day until the plan is recorded.",
				Synonyms: []string{"plan due", "action plan due"}},
			longText("plan", "Correction plan", "The correction and corrective action sent to the body.", "action plan", "response"),
			{Key: "evidence_due", Label: "Evidence due", Type: FieldDate, Task: "Send the evidence for", TaskDoneBy: "evidence",
				Help:     "When the body wants the evidence that the actions were taken; a task is due on that day until it is recorded.",
				Synonyms: []string{"closure due", "evidence deadline"}},
			longText("evidence", "Evidence", "What was sent to show the finding dealt with, and when.", "closure evidence", "evidence sent"),
			{Key: "nonconformity", Label: "Nonconformity", Type: FieldLink, Link: NonconformitiesRegister,
				Help:     "The firm's own nonconformity record, where its cause and corrective actions are followed.",
				Synonyms: []string{"NC", "nonconformity record"}},
			{Key: "closed_on", Label: "Closed on", Type: FieldDate, Help: "When the body accepted the evidence.",
				Synonyms: []string{"closure date", "accepted on"}},
			{Key: "status", Label: "Status", Type: FieldChoice, Required: true, Default: "open", Synonyms: []string{"state"}, Choices: []Choice{
				{Key: "open", Label: "Open", Synonyms: []string{"new", "raised"}},
				{Key: "plan_sent", Label: "Plan sent", Synonyms: []string{"plan accepted", "in progress"}},
				{Key: "evidence_sent", Label: "Evidence sent", Synonyms: []string{"awaiting closure"}},
				{Key: ExternalFindingClosed, Label: "Closed", Synonyms: []string{"done", "accepted", "resolved"}},
			}},
		},
		Rules: []Rule{func(r Record) (string, string) {
			if r.Get("status") == ExternalFindingClosed && r.Get("evidence") == "" {
				return "evidence", "A finding closes only once its evidence is recorded."
			}
			return "", ""
		}},
	}
}
