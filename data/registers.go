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
	GroupImprove  = "Check and improve"
	GroupCertify  = "Certification"
)

// RegisterGroups lists the groups in navigation order.
func RegisterGroups() []string {
	return []string{GroupContext, GroupServices, GroupSupport, GroupImprove, GroupCertify}
}

// Registers are the registers every workspace keeps, in navigation order.
// They are built on each call, so that nobody can change another's copy.
func Registers() []Register {
	builders := registerBuilders()
	out := make([]Register, len(builders))
	for i, build := range builders {
		out[i] = build()
	}
	return out
}

func registerBuilders() []func() Register {
	return []func() Register{
		issuesRegister,
		partiesRegister,
		risksRegister,
		objectivesRegister,
		measurementsRegister,
		servicesRegister,
		customersRegister,
		slasRegister,
		suppliersRegister,
		assetsRegister,
		trainingRegister,
		communicationsRegister,
		tasksRegister,
		auditsRegister,
		findingsRegister,
		nonconformitiesRegister,
		improvementsRegister,
		reviewsRegister,
		bodiesRegister,
		externalAuditsRegister,
		externalFindingsRegister,
	}
}

// registerPlaces is each register's place in Registers, found at start
// and only read after: storage looks a register up for every record it
// saves, and building all the declarations to find one took a fifth
// of a 10,000-row import. Set in init, as declarations look registers up.
var registerPlaces map[string]int

func init() {
	places := map[string]int{}
	for i, r := range Registers() {
		places[r.Key] = i
	}
	registerPlaces = places
}

// FindRegister finds a built-in register by key.
func FindRegister(key string) (Register, bool) {
	i, ok := registerPlaces[key]
	if !ok {
		return Register{}, false
	}
	return registerBuilders()[i](), true
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
	return Field{Key: "review_date", Label: "Review date", Type: FieldDate, Task: "Review",
		Help: "When this is next looked at; a task is due on that day.", Synonyms: []string{"next review", "review due", "review"}}
}

func owner(help string, synonyms ...string) Field {
	return Field{Key: "owner", Label: "Owner", Type: FieldPerson, Help: help,
		Synonyms: append([]string{"responsible", "assigned to", "accountable"}, synonyms...)}
}

// levels is the low, medium, high scale of criticality.
func levels(key, label, help string) Field {
	return Field{Key: key, Label: label, Type: FieldChoice, Help: help, Choices: []Choice{
		{Key: "low", Label: "Low", Synonyms: []string{"L", "minor"}},
		{Key: "medium", Label: "Medium", Synonyms: []string{"M", "med", "moderate"}},
		{Key: "high", Label: "High", Synonyms: []string{"H", "critical", "major"}},
	}}
}

// frequency is how often something recurs.
func frequency(key, label, help string, synonyms ...string) Field {
	return Field{Key: key, Label: label, Type: FieldChoice, Help: help, Synonyms: synonyms, Choices: []Choice{
		{Key: "weekly", Label: "Weekly"},
		{Key: "monthly", Label: "Monthly", Synonyms: []string{"every month"}},
		{Key: "quarterly", Label: "Quarterly", Synonyms: []string{"every quarter", "3-monthly"}},
		{Key: "half_yearly", Label: "Every six months", Synonyms: []string{"half-yearly", "six-monthly", "biannually"}},
		{Key: "yearly", Label: "Yearly", Synonyms: []string{"annually", "annual", "every year"}},
	}}
}

func longText(key, label, help string, synonyms ...string) Field {
	return Field{Key: key, Label: label, Type: FieldLongText, Help: help, Synonyms: synonyms, Wide: true}
}

func links(key, label, register, help string, synonyms ...string) Field {
	return Field{Key: key, Label: label, Type: FieldLink, Link: register, Many: true, Help: help, Synonyms: synonyms}
}

func title(label, help string, synonyms ...string) Field {
	return Field{Key: "title", Label: label, Type: FieldText, Required: true, Help: help, Synonyms: synonyms, Wide: true}
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
