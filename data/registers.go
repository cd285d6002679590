package data

import (
	"strconv"
	"strings"
)

// Navigation groups of the registers, in the order the navigation lists
// them.
const (
	GroupContext  = "Context and planning"
	GroupServices = "Services and suppliers"
	GroupSupport  = "People and support"
)

// RegisterGroups lists the groups in navigation order.
func RegisterGroups() []string { return []string{GroupContext, GroupServices, GroupSupport} }

// Registers are the registers every workspace keeps, in navigation order.
// They are built on each call, so that nobody can change another's copy.
func Registers() []Register {
	return []Register{
		risksRegister(),
		servicesRegister(),
		customersRegister(),
		suppliersRegister(),
		tasksRegister(),
	}
}

// FindRegister finds a built-in register by key.
func FindRegister(key string) (Register, bool) {
	for _, r := range Registers() {
		if r.Key == key {
			return r, true
		}
	}
	return Register{}, false
}

// Scale choices shared by registers that rate on five points.
func fivePointScale(words ...string) []Choice {
	out := make([]Choice, len(words))
	for i, w := range words {
		out[i] = Choice{Key: strconv.Itoa(i + 1), Label: w, Synonyms: scaleSynonyms(i+1, len(words))}
	}
	return out
}

// scaleSynonyms are the words spreadsheets use for a point of a scale of
// n: on five points, low is 2 and high is 4.
func scaleSynonyms(point, n int) []string {
	if n != 5 {
		return nil
	}
	return map[int][]string{
		1: {"very low", "rare", "negligible", "VL"},
		2: {"low", "unlikely", "minor", "L"},
		3: {"medium", "possible", "moderate", "M", "med"},
		4: {"high", "likely", "major", "H"},
		5: {"very high", "almost certain", "severe", "critical", "VH"},
	}[point]
}

func reviewDate() Field {
	return Field{Key: "review_date", Label: "Review date", Type: FieldDate,
		Help: "When this is next looked at; a task is due on that day.", Synonyms: []string{"next review", "review due", "review"}}
}

func owner(help string) Field {
	return Field{Key: "owner", Label: "Owner", Type: FieldPerson, Help: help, Synonyms: []string{"responsible", "assigned to", "risk owner"}}
}

func title(label, help string, synonyms ...string) Field {
	return Field{Key: "title", Label: label, Type: FieldText, Required: true, Help: help, Synonyms: synonyms, Wide: true}
}

func servicesRegister() Register {
	return Register{
		Key: "services", Title: "Service catalogue", One: "service", Prefix: "SVC", Group: GroupServices,
		Clauses:    []string{"8.2.4"},
		Help:       "The services you deliver, with who uses them, what they depend on and where each stands in its life.",
		TitleField: "title",
		Sort:       []SortKey{{Field: "status"}, {Field: "title"}},
		Fields: []Field{
			title("Service", "The name customers know the service by.", "service name", "name"),
			{Key: "description", Label: "Description", Type: FieldLongText, Help: "What the service does for its customers."},
			{Key: "outcomes", Label: "Outcomes", Type: FieldLongText, Help: "What customers get from it, in their terms."},
			{Key: "customers", Label: "Customers", Type: FieldLink, Link: "customers", Many: true},
			owner("The person accountable for the service."),
			{Key: "status", Label: "Status", Type: FieldChoice, Required: true, Choices: []Choice{
				{Key: "pipeline", Label: "Pipeline", Synonyms: []string{"planned", "proposed"}},
				{Key: "transition", Label: "In transition", Synonyms: []string{"transition", "build"}},
				{Key: "live", Label: "Live", Synonyms: []string{"active", "operational", "production"}},
				{Key: "retiring", Label: "Retiring"},
				{Key: "retired", Label: "Retired", Synonyms: []string{"closed", "decommissioned"}},
			}},
			{Key: "hours", Label: "Service hours", Type: FieldText, Help: "When the service is supported, such as Mon–Fri 08:00–18:00."},
			{Key: "criticality", Label: "Criticality", Type: FieldChoice, Choices: []Choice{
				{Key: "low", Label: "Low"}, {Key: "medium", Label: "Medium"}, {Key: "high", Label: "High"},
			}},
			{Key: "depends_on", Label: "Depends on services", Type: FieldLink, Link: "services", Many: true},
			{Key: "suppliers", Label: "Suppliers", Type: FieldLink, Link: "suppliers", Many: true},
			reviewDate(),
		},
	}
}

func customersRegister() Register {
	return Register{
		Key: "customers", Title: "Customers", One: "customer", Prefix: "CUS", Group: GroupServices,
		Clauses:    []string{"8.3.2"},
		Help:       "The organisations and internal teams you deliver services to.",
		TitleField: "title",
		Sort:       []SortKey{{Field: "title"}},
		Fields: []Field{
			title("Customer", "The customer's name.", "customer name", "name", "organisation"),
			{Key: "kind", Label: "Kind", Type: FieldChoice, Required: true, Choices: []Choice{
				{Key: "external", Label: "External"}, {Key: "internal", Label: "Internal"},
			}},
			{Key: "contact", Label: "Contact", Type: FieldText, Help: "Who you deal with, and how to reach them."},
			owner("Who looks after the relationship."),
			reviewDate(),
		},
	}
}

func suppliersRegister() Register {
	return Register{
		Key: "suppliers", Title: "Suppliers and contracts", One: "supplier", Prefix: "SUP", Group: GroupServices,
		Clauses:    []string{"8.3.3", "8.3.4"},
		Help:       "Who helps you deliver your services, under which contract, and how well.",
		TitleField: "title",
		Sort:       []SortKey{{Field: "title"}},
		Fields: []Field{
			title("Supplier", "The supplier's name.", "supplier name", "vendor", "name"),
			{Key: "kind", Label: "Kind", Type: FieldChoice, Required: true, Choices: []Choice{
				{Key: "external", Label: "External supplier", Synonyms: []string{"external"}},
				{Key: "internal", Label: "Internal supplier", Synonyms: []string{"internal"}},
				{Key: "customer", Label: "Customer acting as a supplier", Synonyms: []string{"customer"}},
			}},
			owner("Who manages the supplier."),
			{Key: "services", Label: "Services supported", Type: FieldLink, Link: "services", Many: true},
			{Key: "contract", Label: "Contract reference", Type: FieldText, Synonyms: []string{"contract", "agreement"}},
			{Key: "start", Label: "Contract start", Type: FieldDate, Synonyms: []string{"start date", "start"}},
			{Key: "end", Label: "Contract end", Type: FieldDate, Synonyms: []string{"end date", "expiry", "end"}},
			{Key: "renewal", Label: "Renewal date", Type: FieldDate, Synonyms: []string{"renewal"}},
			{Key: "rating", Label: "Performance", Type: FieldChoice, Choices: fivePointScale("Poor", "Weak", "Adequate", "Good", "Excellent")},
			{Key: "disputes", Label: "Disputes", Type: FieldLongText, Help: "Any disagreement with the supplier and how it stands."},
			reviewDate(),
		},
	}
}

func risksRegister() Register {
	scale := func(key, label string, words ...string) Field {
		return Field{Key: key, Label: label, Type: FieldChoice, Required: true, Choices: fivePointScale(words...)}
	}
	return Register{
		Key: "risks", Title: "Risks and opportunities", One: "risk", Prefix: "RSK", Group: GroupContext,
		Clauses:    []string{"6.1"},
		Help:       "What could go wrong or better for the SMS and its services, how much it matters, and what is done about it.",
		TitleField: "title",
		Sort:       []SortKey{{Field: "score", Desc: true}, {Field: "title"}},
		Fields: []Field{
			title("Risk or opportunity", "A short statement of what could happen.", "risk", "description", "name"),
			{Key: "kind", Label: "Kind", Type: FieldChoice, Required: true, Choices: []Choice{
				{Key: "risk", Label: "Risk", Synonyms: []string{"threat"}}, {Key: "opportunity", Label: "Opportunity"},
			}},
			{Key: "services", Label: "Services affected", Type: FieldLink, Link: "services", Many: true},
			scale("likelihood", "Likelihood", "Rare", "Unlikely", "Possible", "Likely", "Almost certain"),
			scale("impact", "Impact", "Negligible", "Minor", "Moderate", "Major", "Severe"),
			{Key: "treatment", Label: "Treatment", Type: FieldChoice, Choices: []Choice{
				{Key: "reduce", Label: "Reduce", Synonyms: []string{"mitigate", "treat"}},
				{Key: "accept", Label: "Accept", Synonyms: []string{"tolerate"}},
				{Key: "avoid", Label: "Avoid", Synonyms: []string{"terminate"}},
				{Key: "share", Label: "Share", Synonyms: []string{"transfer"}},
				{Key: "exploit", Label: "Exploit"},
			}},
			{Key: "actions", Label: "Treatment actions", Type: FieldLongText},
			owner("Who watches this risk and its treatment."),
			reviewDate(),
		},
		Derived: []Derived{{
			Key: "score", Label: "Score", Type: FieldNumber,
			Help: "Likelihood times impact, from 1 to 25.",
			Value: func(r Record) string {
				// the scale's keys are its points
				a, errA := strconv.Atoi(r.Get("likelihood"))
				b, errB := strconv.Atoi(r.Get("impact"))
				if errA != nil || errB != nil {
					return ""
				}
				return strconv.Itoa(a * b)
			},
		}},
	}
}

// slug makes a field key from a label: lower case letters, digits and
// underscores.
func slug(label string) string {
	var b strings.Builder
	under := false
	for _, r := range strings.ToLower(label) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
			under = false
		case !under && b.Len() > 0:
			b.WriteByte('_')
			under = true
		}
	}
	return strings.TrimSuffix(b.String(), "_")
}
