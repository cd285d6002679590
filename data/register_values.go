package data

import (
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// Dates a register accepts: from the first year anyone keeps records for
// to well past any review a small firm plans.
var (
	minRecordDate = time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)
	maxRecordDate = time.Date(2199, 12, 31, 0, 0, 0, 0, time.UTC)
)

// Validate checks a record against its register: required fields, types,
// choices, lengths and ranges. The people and records a record points at
// are checked by storage, which knows them. Unknown keys are refused, so a
// misspelt field never vanishes silently.
func (reg Register) Validate(r Record) error {
	var v validation
	if r.Register != reg.Key {
		v.add("Register", "This record belongs to another register.")
	}
	for key := range r.Values {
		if _, ok := reg.Field(key); !ok {
			v.add(key, "The %s register has no field %q.", strings.ToLower(reg.Title), key)
		}
	}
	for _, f := range reg.Fields {
		if msg := f.check(r.Values[f.Key]); msg != "" {
			v.add(f.Key, "%s", msg)
		}
	}
	if len(v.fields) == 0 {
		// a rule reads values the fields have already found valid
		for _, rule := range reg.Rules {
			if field, msg := rule(r); msg != "" {
				v.add(field, "%s", msg)
			}
		}
	}
	return v.err(reg.One)
}

// check is the plain reason value, in canonical form, is not a valid value
// of f; "" when it is.
func (f Field) check(value string) string {
	if strings.TrimSpace(value) == "" {
		if f.Required {
			return f.Label + " is required."
		}
		return ""
	}
	switch f.Type {
	case FieldText, FieldLongText:
		if n := f.maxLen(); len([]rune(value)) > n {
			return f.Label + " is too long: at most " + strconv.Itoa(n) + " characters."
		}
		if f.Type == FieldText && strings.ContainsAny(value, "\r\n") {
			return f.Label + " is one line: remove the line breaks."
		}
	case FieldNumber:
		n, err := strconv.ParseFloat(value, 64)
		if err != nil || math.IsNaN(n) || math.IsInf(n, 0) {
			return f.Label + " must be a number, such as 12 or 99.5."
		}
		if f.HasRange && (n < f.Min || n > f.Max) {
			return f.Label + " must be from " + FormatNumber(f.Min) + " to " + FormatNumber(f.Max) + "."
		}
	case FieldDate:
		t, err := time.Parse(DateLayout, value)
		if err != nil {
			return f.Label + " is not a date."
		}
		if t.Before(minRecordDate) || t.After(maxRecordDate) {
			return f.Label + " must be between the years 1900 and 2199."
		}
	case FieldChoice:
		if _, ok := f.Choice(value); !ok {
			return f.Label + " must be one of: " + f.choiceLabels() + "."
		}
	case FieldYesNo:
		if value != "yes" && value != "no" {
			return f.Label + " must be yes or no."
		}
	case FieldPerson, FieldLink:
		ids := ParseIDs(value)
		if FormatIDs(ids) != value {
			return f.Label + " does not name a record."
		}
		if f.Type == FieldPerson && len(ids) > 1 {
			return f.Label + " is one person."
		}
		if f.Type == FieldLink && !f.Many && len(ids) > 1 {
			return f.Label + " links to one record only."
		}
		seen := map[int64]bool{}
		for _, id := range ids {
			if seen[id] {
				return f.Label + " names the same record twice."
			}
			seen[id] = true
		}
	}
	return ""
}

// Readable reports whether a stored value is one the field can hold:
// empty, or valid in its canonical form.
func (f Field) Readable(value string) bool {
	return strings.TrimSpace(value) == "" || f.check(value) == ""
}

func (f Field) choiceLabels() string {
	labels := make([]string, len(f.Choices))
	for i, c := range f.Choices {
		labels[i] = c.Label
	}
	return strings.Join(labels, ", ")
}

// FormatNumber writes n in the shortest form that reads back as n.
func FormatNumber(n float64) string { return strconv.FormatFloat(n, 'f', -1, 64) }

// Parse reads what a person typed, or a spreadsheet cell held, as the
// field's canonical value. dates is the workspace's date format, tried
// after ISO dates; a number alone in a date field is an Excel serial date.
// Names of people and records are resolved by the caller, which knows
// them: Parse accepts their IDs only. The error is a plain sentence.
func (f Field) Parse(input string, dates DateFormat) (string, error) {
	s := strings.TrimSpace(input)
	if f.Type == FieldLongText {
		s = strings.TrimRightFunc(input, unicode.IsSpace)
		s = strings.TrimLeft(s, "\r\n")
	}
	if s == "" {
		return "", nil
	}
	bad := func(format string, args ...any) (string, error) {
		return "", Errorf(EInvalid, format, args...)
	}
	switch f.Type {
	case FieldNumber:
		if ambiguousThousands(s) {
			return bad("%q could be a thousand and more or a decimal: write it without the comma, or with a point for the decimals.", s)
		}
		n, ok := parseNumber(s)
		if !ok {
			return bad("%q is not a number.", s)
		}
		return FormatNumber(n), nil
	case FieldDate:
		t, ok := ParseRecordDate(s, dates)
		if !ok {
			return bad("%q is not a date: write it as %s.", s, dateExample(dates))
		}
		return t.Format(DateLayout), nil
	case FieldChoice:
		if c, ok := f.MatchChoice(s); ok {
			return c.Key, nil
		}
		return bad("%q is not one of: %s.", s, f.choiceLabels())
	case FieldYesNo:
		switch strings.ToLower(s) {
		case "yes", "y", "true", "1", "x", "ja", "oui":
			return "yes", nil
		case "no", "n", "false", "0", "nein", "non":
			return "no", nil
		}
		return bad("%q is not yes or no.", s)
	case FieldPerson, FieldLink:
		ids := ParseIDs(s)
		if len(ids) == 0 {
			return bad("%q does not name a record.", s)
		}
		return FormatIDs(ids), nil
	}
	return s, nil
}

// MatchChoice finds the choice s names: by label, key or synonym without
// regard to case, or by its rank on the scale ("3").
func (f Field) MatchChoice(s string) (Choice, bool) {
	s = strings.TrimSpace(s)
	for _, c := range f.Choices {
		if strings.EqualFold(s, c.Key) || strings.EqualFold(s, c.Label) {
			return c, true
		}
		for _, syn := range c.Synonyms {
			if strings.EqualFold(s, syn) {
				return c, true
			}
		}
	}
	if n, err := strconv.Atoi(s); err == nil && n >= 1 && n <= len(f.Choices) {
		return f.Choices[n-1], true
	}
	return Choice{}, false
}

// thousands tells whether s is digits grouped in threes by more than one
// sep, as in 1,250,000 or 1.250.000.
func thousands(s, sep string) bool {
	groups := strings.Split(strings.TrimPrefix(s, "-"), sep)
	if len(groups) < 3 || len(groups[0]) == 0 || len(groups[0]) > 3 {
		return false
	}
	for i, g := range groups {
		if (i > 0 && len(g) != 3) || strings.Trim(g, "0123456789") != "" {
			return false
		}
	}
	return true
}

// ambiguousThousands tells whether s has one comma and three digits after
// it, as in 1,250: a thousand and a quarter in one country, one and a
// quarter in another.
func ambiguousThousands(s string) bool {
	s = strings.TrimSpace(s)
	if strings.Count(s, ",") != 1 || strings.Contains(s, ".") {
		return false
	}
	head, tail, _ := strings.Cut(strings.TrimPrefix(s, "-"), ",")
	return len(tail) == 3 && len(head) >= 1 && len(head) <= 3 && strings.Trim(head+tail, "0123456789") == ""
}

// parseNumber reads 12, 12.5, 12,5 (a decimal comma), 1,234.5 and
// 1 234,5, and a trailing %.
func parseNumber(s string) (float64, bool) {
	s = strings.TrimSuffix(strings.TrimSpace(s), "%")
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\u00a0", ""), " ", "")
	if strings.Contains(s, ",") && strings.Contains(s, ".") {
		if strings.LastIndex(s, ",") > strings.LastIndex(s, ".") {
			s = strings.ReplaceAll(strings.ReplaceAll(s, ".", ""), ",", ".")
		} else {
			s = strings.ReplaceAll(s, ",", "")
		}
	} else if strings.Count(s, ",") == 1 {
		s = strings.ReplaceAll(s, ",", ".")
	} else if thousands(s, ",") {
		s = strings.ReplaceAll(s, ",", "")
	} else if thousands(s, ".") {
		s = strings.ReplaceAll(s, ".", "")
	}
	n, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(n) || math.IsInf(n, 0) {
		return 0, false
	}
	return n, true
}

// excelEpoch is day 0 of Excel's serial dates (its 1900 leap-year mistake
// included, which shifts every date from March 1900 on by one day).
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// ParseRecordDate reads a date written as 2026-03-31, in the workspace's
// format, as 31/03/2026, or as an Excel serial day number.
func ParseRecordDate(s string, dates DateFormat) (time.Time, bool) {
	s = strings.TrimSpace(s)
	// a spreadsheet's date and time: keep the day
	if i := strings.IndexAny(s, "T "); i == 10 {
		s = s[:10]
	}
	layouts := []string{DateLayout}
	if dates != "" {
		layouts = append(layouts, string(dates))
	}
	layouts = append(layouts, "02/01/2006", "2/1/2006", "02.01.2006", "2 Jan 2006", "2 January 2006")
	for _, l := range layouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, !t.Before(minRecordDate) && !t.After(maxRecordDate)
		}
	}
	if n, err := strconv.ParseFloat(s, 64); err == nil && n >= 1 && n < 200000 {
		t := excelEpoch.AddDate(0, 0, int(n))
		return t, !t.Before(minRecordDate) && !t.After(maxRecordDate)
	}
	return time.Time{}, false
}

func dateExample(dates DateFormat) string {
	example := time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC)
	out := example.Format(DateLayout)
	if dates != "" && string(dates) != DateLayout {
		out += " or " + dates.Format(example)
	}
	return out
}

// Display is a canonical value as a person reads it. names turns the IDs
// of a person or link field into names; nil leaves the IDs.
func (f Field) Display(value string, dates DateFormat, names func(f Field, id int64) string) string {
	if value == "" {
		return ""
	}
	switch f.Type {
	case FieldDate:
		if t, err := time.Parse(DateLayout, value); err == nil {
			return dates.Format(t)
		}
	case FieldChoice:
		if c, ok := f.Choice(value); ok {
			return c.Label
		}
	case FieldYesNo:
		if value == "yes" {
			return "Yes"
		}
		return "No"
	case FieldPerson, FieldLink:
		if names == nil {
			return value
		}
		ids := ParseIDs(value)
		parts := make([]string, len(ids))
		for i, id := range ids {
			parts[i] = names(f, id)
		}
		return strings.Join(parts, "; ")
	}
	return value
}

// Derive fills the record's derived values from its fields.
func (reg Register) Derive(r *Record) {
	for _, d := range reg.Derived {
		r.Set(d.Key, d.Value(*r))
	}
}
