package data

import "strings"

// The registers of checking and acting (clauses 9.2, 9.3 and 10): the
// internal audits and what each found, the nonconformities and their
// corrective actions, the improvements, and the management reviews.

// Register keys of checking and acting, which code outside the
// declarations names.
const (
	AuditsRegister          = "audits"
	FindingsRegister        = "findings"
	NonconformitiesRegister = "nonconformities"
	ImprovementsRegister    = "improvements"
	ReviewsRegister         = "reviews"
)

func auditsRegister() Register {
	return Register{
		Key: AuditsRegister, Title: "Internal audits", One: "audit", Prefix: "AUD", Group: GroupImprove,
		Clauses: []string{"9.2"},
		Help: "The audit programme: each internal audit with the clauses, processes and services it covers, " +
			"when it is planned and was held, who leads it and who takes part, and what it concluded.",
		TitleField: "title",
		Sort:       []SortKey{{Field: "planned"}, {Field: "title"}},
		Table:      []string{"title", "clauses", "services", "planned", "held_on", "lead", "team", "status", "approved_on"},
		Fields: []Field{
			title("Audit", "What is audited, such as \"Incident and request management\".", "audit", "audit name", "subject"),
			{Key: "clauses", Label: "Clauses", Type: FieldText, Required: true, MaxLen: 400,
				Help:     "The clauses in scope, such as \"8.6.1, 8.6.2\" or \"4.1-4.4\".",
				Synonyms: []string{"scope", "clauses in scope", "audit scope"}},
			links("services", "Services", "services", "The services whose delivery the audit samples."),
			{Key: "criteria", Label: "Criteria", Type: FieldLongText, Wide: true,
				Help:     "What the audit checks against: the standard, the SMS documents, contracts and agreements.",
				Synonyms: []string{"audit criteria"},
				// nearly every internal audit checks against the same three
				Default: "ISO/IEC 20000-1:2018 for the clauses in scope; the SMS documents and procedures for them; the service agreements."},
			{Key: "planned", Label: "Planned for", Type: FieldDate, Required: true, Task: "Conduct", TaskDoneBy: "held_on",
				Help: "When the audit is to be held; a task is due on that day.", Synonyms: []string{"planned date", "date", "scheduled"}},
			{Key: "held_on", Label: "Held on", Type: FieldDate, Help: "When it was actually held.", Synonyms: []string{"actual date", "conducted"}},
			{Key: "lead", Label: "Lead auditor", Type: FieldPerson, Required: true, Synonyms: []string{"lead", "auditor"}},
			{Key: "team", Label: "Audit team", Type: FieldText, MaxLen: 400,
				Help: "The other auditors, by name, separated by commas.", Synonyms: []string{"team", "auditors"}},
			{Key: "status", Label: "Status", Type: FieldChoice, Required: true, Default: "planned", Synonyms: []string{"state"}, Choices: []Choice{
				{Key: "planned", Label: "Planned", Synonyms: []string{"scheduled", "open"}},
				{Key: "in_progress", Label: "In progress", Synonyms: []string{"ongoing"}},
				{Key: "reported", Label: "Reported", Synonyms: []string{"done", "complete", "completed", "closed"}},
			}},
			longText("summary", "Summary", "What the audit found overall.", "summary", "findings summary"),
			longText("conclusions", "Conclusions", "Whether the SMS conforms and is effectively kept up, for the scope audited.", "conclusion"),
			longText("distribution", "Distribution", "Who receives the report.", "report to", "circulation"),
			{Key: "critical", Label: "Critical processes", Type: FieldYesNo,
				Help:     "Whether the processes in scope are critical to the services, so the programme audits them every year.",
				Synonyms: []string{"critical", "high risk"}},
			longText("impartiality", "Impartiality", "Why the audit stays impartial although an auditor owns something in its scope, "+
				"such as a second auditor reviewing that part.", "impartiality justification", "independence"),
			{Key: "approved_on", Label: "Report approved on", Type: FieldDate,
				Help:     "When the lead auditor approved the report; until then it prints as a draft.",
				Synonyms: []string{"approved", "approval date", "report approved"}},
		},
		Rules: []Rule{func(r Record) (string, string) {
			if r.Get("approved_on") == "" {
				return "", ""
			}
			held, ok := r.Date("held_on")
			if !ok {
				return "approved_on", "A report is approved only after the audit is held: fill in the day it was held."
			}
			if approved, _ := r.Date("approved_on"); approved.Before(held) {
				return "approved_on", "The report cannot be approved before the audit was held."
			}
			return "", ""
		}},
	}
}

func findingsRegister() Register {
	return Register{
		Key: FindingsRegister, Title: "Audit findings", One: "finding", Prefix: "FND", Group: GroupImprove,
		Clauses: []string{"9.2"},
		Help: "What an audit found against each clause of its checklist: conforming, an observation, " +
			"an opportunity for improvement, or a minor or major nonconformity, with the evidence seen.",
		TitleField: "clause",
		Sort:       []SortKey{{Field: "audit"}, {Field: "clause"}},
		Fields: []Field{
			{Key: "audit", Label: "Audit", Type: FieldLink, Link: AuditsRegister, Required: true, Synonyms: []string{"audit reference"}},
			{Key: "clause", Label: "Clause", Type: FieldText, Required: true, MaxLen: 20, Synonyms: []string{"clause number", "requirement"}},
			{Key: "grade", Label: "Grade", Type: FieldChoice, Synonyms: []string{"result", "rating", "finding type", "type"}, Choices: FindingGrades()},
			longText("notes", "Notes", "What was found, in the auditor's words.", "finding", "description", "comments"),
			longText("evidence", "Evidence seen", "The records, documents and interviews the finding rests on.", "evidence", "objective evidence"),
		},
	}
}

// FindingGrades are the grades of an audit finding, from best to worst.
func FindingGrades() []Choice {
	return []Choice{
		{Key: "conforming", Label: "Conforming", Synonyms: []string{"conforms", "ok", "compliant", "pass", "C"}},
		{Key: "observation", Label: "Observation", Synonyms: []string{"obs", "note"}},
		{Key: "improvement", Label: "Opportunity for improvement", Synonyms: []string{"OFI", "OFI opportunity", "improvement"}},
		{Key: "minor", Label: "Minor nonconformity", Synonyms: []string{"minor", "minor NC", "NC minor"}},
		{Key: "major", Label: "Major nonconformity", Synonyms: []string{"major", "major NC", "NC major"}},
	}
}

func nonconformitiesRegister() Register {
	return Register{
		Key: NonconformitiesRegister, Title: "Nonconformities", One: "nonconformity", Prefix: "NC", Group: GroupImprove,
		Clauses: []string{"10.1"},
		Help: "Each failure to meet a requirement, wherever it was found: what was corrected at once, why it happened, " +
			"the corrective actions, and the check that they worked. A nonconformity closes only after an effective check.",
		TitleField: "title",
		Sort:       []SortKey{{Field: "status"}, {Field: "raised_on", Desc: true}},
		Table:      []string{"title", "source", "severity", "raised_on", "root_cause", "cause_category", "owner", "check_due", "check_result", "status"},
		Actions:    "Corrective actions",
		Filters:    []string{"status", "severity", "cause_category"},
		Fields: []Field{
			title("Nonconformity", "What requirement was not met, in a few words.", "nonconformity", "NC", "issue", "problem"),
			{Key: "source", Label: "Found by", Type: FieldChoice, Required: true, Default: "other", Synonyms: []string{"source", "origin", "raised from"}, Choices: []Choice{
				{Key: "audit", Label: "Internal audit", Synonyms: []string{"audit", "audit finding"}},
				{Key: "certification", Label: "Certification audit", Synonyms: []string{"external audit", "certification body"}},
				{Key: "complaint", Label: "Complaint", Synonyms: []string{"customer complaint"}},
				{Key: "incident", Label: "Incident", Synonyms: []string{"major incident"}},
				{Key: "objective", Label: "Objective missed", Synonyms: []string{"objective", "kpi", "target missed"}},
				{Key: "supplier", Label: "Supplier", Synonyms: []string{"supplier problem", "vendor"}},
				{Key: "other", Label: "Entered by hand", Synonyms: []string{"other", "manual", "staff"}},
			}},
			{Key: "finding", Label: "Audit finding", Type: FieldLink, Link: FindingsRegister, Synonyms: []string{"finding"}},
			{Key: "severity", Label: "Severity", Type: FieldChoice, Required: true, Default: "minor", Synonyms: []string{"grade", "level"}, Choices: []Choice{
				{Key: "minor", Label: "Minor", Synonyms: []string{"minor nonconformity", "low"}},
				{Key: "major", Label: "Major", Synonyms: []string{"major nonconformity", "high"}},
			}},
			{Key: "raised_on", Label: "Raised on", Type: FieldDate, Required: true, Synonyms: []string{"date", "date raised", "opened"}},
			longText("description", "What was found", "The requirement, and what was seen instead.", "description", "details"),
			longText("correction", "Correction", "What was done at once to contain it.", "correction", "immediate action", "containment"),
			whyField(1, "Why did it happen? Ask why of each answer in turn, up to five times: the last answer that the organisation can change is the root cause."),
			whyField(2, "And why was that?"),
			whyField(3, "And why was that?"),
			whyField(4, "And why was that?"),
			whyField(5, "And why was that? Stop once the answer is something the organisation can change."),
			longText("root_cause", "Root cause", "Why it happened, found by asking why until the answer is a cause that can be removed.",
				"root cause", "cause", "root cause analysis"),
			{Key: "cause_category", Label: "Cause category", Type: FieldChoice, Choices: CauseCategories(),
				Help:     "The kind of cause, so that causes which keep coming back are seen together.",
				Synonyms: []string{"category", "cause type", "root cause category"}},
			owner("Who sees the corrective actions through.", "action owner"),
			{Key: "check_due", Label: "Effectiveness check due", Type: FieldDate, Task: "Check effectiveness of", TaskDoneBy: "check_result",
				TaskOwner: "checked_by",
				Help:      "When to check that the actions worked; a task is due on that day, for the person who checks.",
				Synonyms:  []string{"check due", "verification due"}},
			{Key: "checked_by", Label: "Checked by", Type: FieldPerson,
				Help:     "Who checks, or checked, that the actions worked: best someone who did not carry them out.",
				Synonyms: []string{"verified by", "checker"}},
			{Key: "checked_on", Label: "Checked on", Type: FieldDate, Help: "When the check was made.",
				Synonyms: []string{"verified on", "check date", "verification date"}},
			{Key: "check_result", Label: "Effectiveness", Type: FieldChoice, Synonyms: []string{"effective", "check result", "verification"}, Choices: []Choice{
				{Key: "effective", Label: "Effective", Synonyms: []string{"yes", "verified"}},
				{Key: "ineffective", Label: "Not effective", Synonyms: []string{"no", "ineffective", "failed"}},
			}},
			longText("check_notes", "Check notes", "What the check looked at, and what it found.", "verification notes", "check evidence"),
			longText("earlier_checks", "Earlier checks",
				"Checks that found the actions not effective, one a line, kept when the next check is asked for.",
				"check history", "previous checks"),
			{Key: "status", Label: "Status", Type: FieldChoice, Required: true, Default: "open", Synonyms: []string{"state"}, Choices: []Choice{
				{Key: "open", Label: "Open", Synonyms: []string{"new", "raised"}},
				{Key: "action", Label: "Action in progress", Synonyms: []string{"in progress", "actions", "ongoing", "reopened"}},
				{Key: "check", Label: "Awaiting effectiveness check", Synonyms: []string{"awaiting check", "verification"}},
				{Key: "closed", Label: "Closed", Synonyms: []string{"done", "complete", "resolved"}},
			}},
		},
		Rules: nonconformityRules(),
	}
}

func improvementsRegister() Register {
	return Register{
		Key: ImprovementsRegister, Title: "Improvements", One: "improvement", Prefix: "IMP", Group: GroupImprove,
		Clauses: []string{"10.2"},
		Help: "Opportunities to make the SMS and the services better: where each came from, what it should bring, " +
			"whether it was taken up and by whom, and how it turned out against the objectives it serves.",
		TitleField: "title",
		Sort:       []SortKey{{Field: "status"}, {Field: "priority", Desc: true}, {Field: "title"}},
		Table:      []string{"title", "source", "priority", "decision", "decided_by", "owner", "due", "status", "objectives", "result", "evaluation"},
		Actions:    "Improvement actions",
		Filters:    []string{"status", "decision", "priority"},
		Fields: []Field{
			title("Opportunity", "What could be better, in a few words.", "improvement", "opportunity", "idea", "suggestion"),
			{Key: "source", Label: "Source", Type: FieldText, Help: "Where it came from: an audit, a review, a customer, a member of staff.",
				Synonyms: []string{"origin", "raised by", "from"}},
			{Key: "finding", Label: "From audit finding", Type: FieldLink, Link: FindingsRegister,
				Help: "The audit finding it came from, if any.", Synonyms: []string{"finding", "audit finding"}},
			{Key: "nonconformity", Label: "From nonconformity", Type: FieldLink, Link: NonconformitiesRegister,
				Help: "The nonconformity it came from, if any.", Synonyms: []string{"nonconformity", "NC"}},
			longText("benefit", "Expected benefit", "What it should bring, for whom.", "benefit", "benefits", "expected outcome"),
			levels("priority", "Priority", "How soon it matters."),
			{Key: "decision", Label: "Decision", Type: FieldChoice, Required: true, Default: "proposed", Synonyms: []string{"approved", "approval"}, Choices: []Choice{
				{Key: "proposed", Label: "Not yet decided", Synonyms: []string{"proposed", "new", "pending"}},
				{Key: "approved", Label: "Approved", Synonyms: []string{"yes", "accepted", "go"}},
				{Key: "rejected", Label: "Rejected", Synonyms: []string{"no", "declined"}},
				{Key: "deferred", Label: "Deferred", Synonyms: []string{"later", "on hold"}},
			}},
			{Key: "decided_by", Label: "Decided by", Type: FieldPerson, Synonyms: []string{"approver", "approved by"}},
			{Key: "decided_on", Label: "Decided on", Type: FieldDate, Synonyms: []string{"decision date"}},
			owner("Who carries it out."),
			{Key: "due", Label: "Due", Type: FieldDate, Task: "Complete", TaskDoneBy: "status", TaskDoneAt: []string{"done", "closed"},
				Help:     "When it should be done; a task is due on that day, done once the improvement is.",
				Synonyms: []string{"due date", "target date", "deadline"}},
			{Key: "status", Label: "Status", Type: FieldChoice, Required: true, Default: "open", Synonyms: []string{"state"}, Choices: []Choice{
				{Key: "open", Label: "Open", Synonyms: []string{"new", "proposed"}},
				{Key: "in_progress", Label: "In progress", Synonyms: []string{"ongoing", "started"}},
				{Key: "done", Label: "Done", Synonyms: []string{"complete", "completed", "implemented"}},
				{Key: "closed", Label: "Closed", Synonyms: []string{"evaluated", "cancelled"}},
			}},
			links("objectives", "Objectives served", "objectives", "The service objectives it should move."),
			{Key: "result", Label: "Result", Type: FieldChoice, Help: "Whether it brought what was expected, once done.",
				Synonyms: []string{"outcome", "benefit achieved"}, Choices: []Choice{
					{Key: "achieved", Label: "Benefit achieved", Synonyms: []string{"achieved", "yes", "met"}},
					{Key: "partly", Label: "Partly achieved", Synonyms: []string{"partly", "partial", "some"}},
					{Key: "not_achieved", Label: "Not achieved", Synonyms: []string{"no", "not achieved", "failed"}},
				}},
			longText("evaluation", "Evaluation", "How it turned out, read against the objectives it serves; the form shows their latest results.",
				"evaluation", "lessons"),
		},
	}
}

func reviewsRegister() Register {
	fields := []Field{
		title("Review", "Such as \"Management review, first half 2026\".", "review", "meeting", "name"),
		{Key: "planned", Label: "Planned for", Type: FieldDate, Required: true, Task: "Hold", TaskDoneBy: "held_on",
			Help: "When the review is to be held; a task is due on that day.", Synonyms: []string{"date", "planned date", "meeting date"}},
		{Key: "held_on", Label: "Held on", Type: FieldDate, Task: "Approve the minutes of", TaskDoneBy: "approved_on",
			Help: "The day it was held, set when it is marked held; the approval of its minutes falls due then.", Synonyms: []string{"actual date", "held"}},
		{Key: "chair", Label: "Chaired by", Type: FieldPerson, Required: true, Help: "The member of top management who leads it.",
			Synonyms: []string{"chair", "chairperson"}},
		longText("attendees", "Attendees", "Who took part, by name and role.", "attendees", "present", "participants"),
		longText("conclusions", "Conclusions", "What the review concluded on the suitability, adequacy and effectiveness of the SMS.", "conclusion", "outcome"),
		{Key: "status", Label: "Status", Type: FieldChoice, Required: true, Default: "planned", Synonyms: []string{"state"}, Choices: []Choice{
			{Key: "planned", Label: "Planned", Synonyms: []string{"scheduled"}},
			{Key: "held", Label: "Held", Synonyms: []string{"done", "complete"}},
			{Key: "approved", Label: "Minutes approved", Synonyms: []string{"approved", "closed"}},
		}},
		{Key: "approved_by", Label: "Minutes approved by", Type: FieldPerson, Help: "The member of top management who approved the minutes.",
			Synonyms: []string{"approver", "approved by"}},
		{Key: "approved_on", Label: "Minutes approved on", Type: FieldDate, Synonyms: []string{"approval date", "approved on"}},
	}
	for _, in := range ReviewInputs() {
		fields = append(fields, Field{Key: in.DecisionField(), Label: "Decision: " + in.Title, Type: FieldLongText, Hidden: true,
			Help: "What the review concluded and decided on this input: " + strings.ToLower(in.Help[:1]) + in.Help[1:]})
	}
	fields = append(fields, Field{Key: ReviewSnapshotField, Label: "Figures on the day", Type: FieldLongText, Hidden: true, MaxLen: reviewSnapshotLen,
		Help: "What each input showed on the day the review was held, frozen then so the minutes keep it."})
	return Register{
		Key: ReviewsRegister, Title: "Management reviews", One: "management review", Prefix: "MR", Group: GroupImprove,
		Clauses: []string{"9.3"},
		Help: "Top management's planned reviews of the SMS: when each is held, who attends, " +
			"what it concluded on each required input, and the actions it decided. Hold a review from its form: " +
			"the agenda gathers each input's figures, and marking it held freezes them for the minutes.",
		TitleField: "title",
		Sort:       []SortKey{{Field: "planned", Desc: true}},
		Table:      []string{"title", "planned", "held_on", "chair", "attendees", "status", "approved_by", "approved_on"},
		Actions:    "Actions decided",
		Fields:     fields,
		Rules:      reviewRules(),
		Changes:    reviewChanges(),
	}
}
