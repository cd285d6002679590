package data

import "strconv"

// The registers of context and planning: what surrounds the SMS, who has
// a stake in it, what could go wrong or better, and what it aims for.

// Register keys of objectives and their measurements, which the charts
// read together.
const (
	ObjectivesRegister   = "objectives"
	MeasurementsRegister = "measurements"
)

func issuesRegister() Register {
	return Register{
		Key: "issues", Title: "Context issues", One: "issue", Prefix: "ISS", Group: GroupContext,
		Clauses: []string{"4.1"},
		Help: "The matters inside and outside the organisation that help or hinder what the SMS is meant to achieve. " +
			"Record here, too, the decision on whether climate change is a relevant issue, with its reasoning, even when the answer is no.",
		TitleField: "title",
		Sort:       []SortKey{{Field: "kind"}, {Field: "title"}},
		Fields: []Field{
			title("Issue", "The matter in a few words, such as \"Customers moving to cloud-only offices\".", "issue", "context issue", "name"),
			{Key: "kind", Label: "Internal or external", Type: FieldChoice, Required: true,
				Help:     "Internal issues arise inside the organisation (staff, tools, culture); external ones outside it (market, law, technology, climate).",
				Synonyms: []string{"internal/external", "type", "kind"},
				Choices: []Choice{
					{Key: "internal", Label: "Internal", Synonyms: []string{"int"}},
					{Key: "external", Label: "External", Synonyms: []string{"ext"}},
				}},
			{Key: "climate", Label: "About climate change", Type: FieldYesNo,
				Help:     "Yes on the issue that records the decision on climate change; Relevant and Reasoning then hold the decision and why.",
				Synonyms: []string{"climate", "climate change", "climate related"}},
			{Key: "relevant", Label: "Relevant", Type: FieldYesNo,
				Help:     "Whether the issue affects the intended outcomes of the SMS. An issue judged not relevant stays on the register as the record of that judgement.",
				Synonyms: []string{"relevant?", "applicable"}},
			longText("rationale", "Reasoning", "Why the issue is, or is not, relevant.", "rationale", "justification", "why"),
			longText("effect", "Effect on the SMS", "How the issue helps or hinders the services and the SMS.", "effect", "impact on sms", "consequence"),
			longText("response", "How it is addressed", "What is done about it: a risk raised, a plan, an objective, or watching it.", "response", "action", "actions"),
			owner("Who keeps an eye on the issue."),
			reviewDate(),
		},
	}
}

func partiesRegister() Register {
	return Register{
		Key: "parties", Title: "Interested parties", One: "interested party", Prefix: "IP", Group: GroupContext,
		Clauses: []string{"4.2"},
		Help: "The people and organisations with a stake in the services, what they require of them, including any climate-related requirement, " +
			"and where each requirement is met: a service, an agreement or an objective. Risks that arise from a party name it as their source.",
		TitleField: "title",
		Sort:       []SortKey{{Field: "kind"}, {Field: "title"}},
		Fields: []Field{
			title("Interested party", "Who they are: an organisation, a group of people or a role.", "party", "stakeholder", "name"),
			{Key: "kind", Label: "Kind", Type: FieldChoice, Required: true, Synonyms: []string{"type", "category"}, Choices: []Choice{
				{Key: "customer", Label: "Customer", Synonyms: []string{"client", "customers"}},
				{Key: "user", Label: "User", Synonyms: []string{"end user", "users"}},
				{Key: "staff", Label: "Staff", Synonyms: []string{"employee", "employees", "team"}},
				{Key: "supplier", Label: "Supplier or partner", Synonyms: []string{"supplier", "partner", "vendor"}},
				{Key: "regulator", Label: "Regulator or authority", Synonyms: []string{"regulator", "authority", "government"}},
				{Key: "owner", Label: "Owner or investor", Synonyms: []string{"shareholder", "investor", "board"}},
				{Key: "community", Label: "Community", Synonyms: []string{"public", "society"}},
				{Key: "other", Label: "Other"},
			}},
			longText("requirements", "Requirements", "What they need or expect from the services and the SMS, including laws and contracts that apply.",
				"needs", "expectations", "needs and expectations", "their requirements"),
			{Key: "climate", Label: "Climate-related requirement", Type: FieldYesNo,
				Help:     "Yes when any of their requirements concerns climate change, such as reporting emissions or greener hosting.",
				Synonyms: []string{"climate", "climate related", "climate requirement"}},
			longText("addressed", "How it is met", "How the SMS meets the requirements, or why it does not.", "how addressed", "response"),
			links("services", "Services", "services", "The services the requirements apply to."),
			links("slas", "Agreements", "slas", "The service level agreements that hold the requirements.", "SLA", "SLAs"),
			links("objectives", "Objectives", "objectives", "The service objectives that answer the requirements."),
			owner("Who looks after the relationship with them."),
			reviewDate(),
		},
	}
}

// RiskTreatmentThreshold is the score from which a risk is outside the
// appetite and needs treatment. The workspace settings will let a firm
// choose its own; until then 12 of 25 means a risk that is at least
// likely and major, or possible and severe, is treated.
const RiskTreatmentThreshold = 12

// treatmentActs tells whether a treatment asks for actions; accepting a
// risk asks for none.
func treatmentActs(treatment string) bool {
	switch treatment {
	case "reduce", "avoid", "share", "exploit":
		return true
	}
	return false
}

// riskScore is likelihood times impact of the two fields, "" when either
// is missing.
func riskScore(r Record, likelihood, impact string) string {
	// the scale's keys are its points
	a, errA := strconv.Atoi(r.Get(likelihood))
	b, errB := strconv.Atoi(r.Get(impact))
	if errA != nil || errB != nil {
		return ""
	}
	return strconv.Itoa(a * b)
}

func risksRegister() Register {
	scale := func(key, label, help string, required bool, synonyms []string, words ...string) Field {
		return Field{Key: key, Label: label, Type: FieldChoice, Required: required, Help: help, Synonyms: synonyms, Choices: fivePointScale(words...)}
	}
	likelihood := []string{"Rare", "Unlikely", "Possible", "Likely", "Almost certain"}
	impact := []string{"Negligible", "Minor", "Moderate", "Major", "Severe"}
	return Register{
		Key: "risks", Title: "Risks and opportunities", One: "risk", Prefix: "RSK", Group: GroupContext,
		Clauses: []string{"6.1"},
		Help: "What could go wrong or better for the SMS and its services, how much it matters, and what is done about it. " +
			"A risk scoring " + strconv.Itoa(RiskTreatmentThreshold) + " or more is outside the appetite and needs treatment; " +
			"treatment actions not yet done, and every review date, become tasks.",
		Table: []string{"title", "services", "likelihood", "impact", "score", "acceptance", "treatment", "actions",
			"owner", "review_date", "residual_score"},
		TitleField: "title",
		Sort:       []SortKey{{Field: "score", Desc: true}, {Field: "title"}},
		Fields: []Field{
			title("Risk or opportunity", "A short statement of what could happen.", "risk", "risk description", "name"),
			{Key: "kind", Label: "Kind", Type: FieldChoice, Required: true, Default: "risk", Synonyms: []string{"type", "category"}, Choices: []Choice{
				{Key: "risk", Label: "Risk", Synonyms: []string{"threat"}}, {Key: "opportunity", Label: "Opportunity"},
			}},
			{Key: "source", Label: "Source", Type: FieldText, Help: "Where it comes from, in a few words, when no issue or party below says it.",
				Synonyms: []string{"cause", "origin", "risk source"}},
			links("issues", "Context issues", "issues", "The issues it arises from."),
			links("parties", "Interested parties", "parties", "The parties whose requirements it concerns."),
			links("services", "Services affected", "services", "Every service in scope should be named by at least one risk, to show it was assessed.", "services", "affected services"),
			scale("likelihood", "Likelihood", "How likely it is to happen, before treatment.", true, []string{"probability", "L"}, likelihood...),
			scale("impact", "Impact", "How much it would matter, before treatment.", true, []string{"consequence", "severity", "I"}, impact...),
			{Key: "treatment", Label: "Treatment", Type: FieldChoice, Synonyms: []string{"response", "risk response", "treatment option"}, Choices: []Choice{
				{Key: "reduce", Label: "Reduce", Synonyms: []string{"mitigate", "treat"}},
				{Key: "accept", Label: "Accept", Synonyms: []string{"tolerate", "retain"}},
				{Key: "avoid", Label: "Avoid", Synonyms: []string{"terminate"}},
				{Key: "share", Label: "Share", Synonyms: []string{"transfer", "insure"}},
				{Key: "exploit", Label: "Exploit", Synonyms: []string{"enhance", "pursue"}},
			}},
			longText("actions", "Treatment actions", "What will be done, by when; while not done, a task follows them.", "actions", "mitigation", "controls", "action plan"),
			{Key: "treatment_due", Label: "Actions due", Type: FieldDate, Help: "When the treatment actions should be done; the task falls due then.",
				Synonyms: []string{"target date", "due date", "action due"}},
			{Key: "treatment_status", Label: "Actions status", Type: FieldChoice, Synonyms: []string{"action status", "treatment status", "status"}, Choices: []Choice{
				{Key: "planned", Label: "Planned", Synonyms: []string{"open", "not started", "to do"}},
				{Key: "in_progress", Label: "In progress", Synonyms: []string{"ongoing", "started"}},
				{Key: "done", Label: "Done", Synonyms: []string{"complete", "completed", "closed"}},
			}},
			scale("residual_likelihood", "Residual likelihood", "How likely it is once the treatment works.", false, []string{"residual probability"}, likelihood...),
			scale("residual_impact", "Residual impact", "How much it would matter once the treatment works.", false, []string{"residual consequence", "residual severity"}, impact...),
			owner("Who watches this risk and its treatment.", "risk owner"),
			reviewDate(),
		},
		Derived: []Derived{
			{
				Key: "score", Label: "Score", Type: FieldNumber,
				Help:  "Likelihood times impact, from 1 to 25.",
				Value: func(r Record) string { return riskScore(r, "likelihood", "impact") },
			},
			{
				Key: "acceptance", Label: "Acceptance", Type: FieldChoice,
				Help: "Within the appetite below a score of " + strconv.Itoa(RiskTreatmentThreshold) + "; from it, the risk needs treatment. Opportunities are not judged against it.",
				Choices: []Choice{
					{Key: "within", Label: "Within appetite", Synonyms: []string{"accepted", "acceptable"}},
					{Key: "treat", Label: "Needs treatment", Synonyms: []string{"not acceptable", "unacceptable"}},
				},
				Value: func(r Record) string {
					score, err := strconv.Atoi(r.Get("score"))
					if err != nil || r.Get("kind") != "risk" {
						return ""
					}
					if score >= RiskTreatmentThreshold {
						return "treat"
					}
					return "within"
				},
			},
			{
				Key: "residual_score", Label: "Residual score", Type: FieldNumber,
				Help:  "Residual likelihood times residual impact: what is left once the treatment works.",
				Value: func(r Record) string { return riskScore(r, "residual_likelihood", "residual_impact") },
			},
		},
	}
}

func objectivesRegister() Register {
	return Register{
		Key: ObjectivesRegister, Title: "Service objectives", One: "objective", Prefix: "OBJ", Group: GroupContext,
		Clauses: []string{"6.2.1", "6.2.2", "9.1"},
		Help: "Measurable aims for the services and the SMS, each with a target, how often it is measured, who owns it and the plan to reach it. " +
			"The measurements register holds the results over time.",
		TitleField: "title",
		Sort:       []SortKey{{Field: "title"}},
		Fields: []Field{
			title("Objective", "What is aimed for, such as \"Resolve P2 incidents within 8 hours\".", "objective", "KPI", "measure", "name"),
			{Key: "target", Label: "Target", Type: FieldNumber, Required: true, Help: "The value aimed for, as a number.", Synonyms: []string{"target value", "goal"}},
			{Key: "unit", Label: "Unit", Type: FieldText, MaxLen: 40, Help: "What the number counts: %, hours, points out of 5.", Synonyms: []string{"units", "uom"}},
			{Key: "direction", Label: "Target is", Type: FieldChoice, Required: true,
				Help:     "Whether a result meets the target by reaching it (availability) or by staying under it (hours to resolve).",
				Synonyms: []string{"direction", "better when"},
				Choices: []Choice{
					{Key: "at_least", Label: "A minimum", Synonyms: []string{"at least", "higher is better", "min", ">="}},
					{Key: "at_most", Label: "A maximum", Synonyms: []string{"at most", "lower is better", "max", "<="}},
				}},
			frequency("frequency", "Measured", "How often it is measured.", "frequency", "measurement frequency"),
			longText("method", "How it is measured", "Where the figure comes from and how it is worked out.", "method", "measurement method", "data source"),
			links("services", "Services", "services", "The services the objective is about."),
			owner("Who is accountable for reaching it.", "objective owner"),
			longText("plan", "Plan to achieve it", "The actions, resources and deadline, and how the result will be judged.", "plan", "action plan", "actions"),
			{Key: "deadline", Label: "Deadline", Type: FieldDate, Help: "When the target should first be reached.", Synonyms: []string{"target date", "due"}},
			reviewDate(),
		},
	}
}

func measurementsRegister() Register {
	return Register{
		Key: MeasurementsRegister, Title: "Objective measurements", One: "measurement", Prefix: "MEA", Group: GroupContext,
		Clauses:    []string{"9.1"},
		Help:       "The result of each objective for each period, to be read against its target over time.",
		TitleField: "period",
		Sort:       []SortKey{{Field: "date", Desc: true}},
		Fields: []Field{
			{Key: "objective", Label: "Objective", Type: FieldLink, Link: "objectives", Required: true, Synonyms: []string{"kpi", "measure"}},
			{Key: "period", Label: "Period", Type: FieldText, Required: true, MaxLen: 60, Help: "What the result covers, such as \"March 2026\" or \"Q1 2026\".",
				Synonyms: []string{"month", "quarter"}},
			{Key: "date", Label: "Measured on", Type: FieldDate, Required: true, Help: "The day the result was taken; charts place it there.",
				Synonyms: []string{"date", "measurement date"}},
			{Key: "actual", Label: "Actual value", Type: FieldNumber, Required: true, Synonyms: []string{"actual", "result", "value", "score"}},
			{Key: "target", Label: "Target then", Type: FieldNumber,
				Help:     "The objective's target when this was measured; targets change, and each result is judged against its own.",
				Synonyms: []string{"target"}},
			longText("comment", "Comment", "What explains the result, above all a miss.", "comments", "notes", "note"),
		},
	}
}
