package data

// The registers of support: the competence of the people who do the work,
// and what is told to whom.

func trainingRegister() Register {
	return Register{
		Key: "training", Title: "Competence and training", One: "training record", Prefix: "TRN", Group: GroupSupport,
		Clauses: []string{"7.2", "7.3"},
		Help: "What competence each role needs, and the evidence that the person in it, staff or contractor, has it: " +
			"training, qualifications or experience, with when it was gained and when it is next due.",
		TitleField: "competence",
		Sort:       []SortKey{{Field: "person"}, {Field: "competence"}},
		Fields: []Field{
			{Key: "person", Label: "Person", Type: FieldPerson, Required: true, Help: "Who the record is about; add contractors to People too.",
				Synonyms: []string{"name", "employee", "staff member", "trainee"}},
			{Key: "engagement", Label: "Staff or contractor", Type: FieldChoice, Required: true, Synonyms: []string{"employment", "employment type", "staff/contractor"}, Choices: []Choice{
				{Key: "staff", Label: "Staff", Synonyms: []string{"employee", "internal"}},
				{Key: "contractor", Label: "Contractor", Synonyms: []string{"external", "consultant", "freelancer"}},
			}},
			{Key: "role", Label: "Role", Type: FieldText, Help: "The SMS or service role the competence is needed for.", Synonyms: []string{"job", "job title", "position"}},
			{Key: "competence", Label: "Required competence", Type: FieldText, Required: true, Wide: true,
				Help:     "What the role needs, such as \"Run the change advisory board\" or \"Azure administration\".",
				Synonyms: []string{"competence", "skill", "competency", "requirement", "course", "training"}},
			{Key: "status", Label: "Status", Type: FieldChoice, Required: true, Help: "Where the person stands against the requirement.",
				Synonyms: []string{"state", "competent"}, Choices: []Choice{
					{Key: "competent", Label: "Competent", Synonyms: []string{"yes", "met", "qualified", "complete"}},
					{Key: "training", Label: "In training", Synonyms: []string{"in progress", "booked"}},
					{Key: "gap", Label: "Not yet", Synonyms: []string{"no", "gap", "needed", "not met"}},
				}},
			longText("evidence", "Evidence", "What shows the competence: a certificate, a course record, supervised work, years in the role.",
				"proof", "certificate", "qualification"),
			{Key: "date", Label: "Completed on", Type: FieldDate, Help: "When the training or qualification was completed.",
				Synonyms: []string{"date", "completed", "date completed", "achieved"}},
			{Key: "next_due", Label: "Next due", Type: FieldDate, Task: "Renew",
				Help: "When it must be refreshed or renewed; a task is due on that day.", Synonyms: []string{"expiry", "renewal", "refresher due", "due"}},
		},
	}
}

func communicationsRegister() Register {
	return Register{
		Key: "communications", Title: "Communication plan", One: "communication", Prefix: "COM", Group: GroupSupport,
		Clauses:    []string{"7.4"},
		Help:       "What the SMS communicates, when, to whom, how, and who does it, inside the organisation and out.",
		TitleField: "title",
		Sort:       []SortKey{{Field: "title"}},
		Fields: []Field{
			title("What", "What is communicated, such as \"Monthly service report\".", "topic", "subject", "communication", "message"),
			{Key: "audience", Label: "With whom", Type: FieldText, Required: true, Help: "Who receives it or takes part.",
				Synonyms: []string{"audience", "to whom", "recipients", "who to"}},
			{Key: "when", Label: "When", Type: FieldText, Help: "How often or on what event, such as \"monthly, by the 5th\" or \"after a major incident\".",
				Synonyms: []string{"frequency", "timing", "schedule"}},
			{Key: "how", Label: "How", Type: FieldText, Help: "The channel: meeting, email, portal, intranet, phone.",
				Synonyms: []string{"channel", "method", "medium"}},
			{Key: "owner", Label: "Who communicates", Type: FieldPerson, Help: "Who sends it or runs it.",
				Synonyms: []string{"by whom", "owner", "responsible", "sender"}},
			longText("evidence", "Record kept", "What shows it happened: minutes, the sent email, the published report.", "evidence", "records"),
			reviewDate(),
		},
	}
}
