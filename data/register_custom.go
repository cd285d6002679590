package data

import (
	"strings"
)

// MaxCustomFields bounds the fields a user may add to one register.
const MaxCustomFields = 30

// NewCustomField makes the field a user asked to add to reg: its key from
// its label, its choices from the lines given. It refuses, in plain words,
// a label already used, a type users cannot add, or a choice field without
// choices.
func NewCustomField(reg Register, label string, typ FieldType, choices []string) (Field, error) {
	var v validation
	label = strings.Join(strings.Fields(label), " ")
	f := Field{Label: label, Type: typ, Custom: true, Key: "x_" + slug(label)}
	if v.required("Label", label, "The field's name") {
		v.maxLen("Label", label, "The field's name", 60)
	}
	if label != "" && slug(label) == "" {
		v.add("Label", "Give the field a name with letters or digits.")
	}
	for _, c := range reg.Columns() {
		if strings.EqualFold(c.Label, label) || c.Key == f.Key {
			v.add("Label", "The register already has a field called %q.", c.Label)
			break
		}
	}
	custom := 0
	for _, c := range reg.Fields {
		if c.Custom {
			custom++
		}
	}
	if custom >= MaxCustomFields {
		v.add("Label", "A register can have at most %d fields of your own.", MaxCustomFields)
	}
	allowed := false
	for _, t := range CustomFieldTypes() {
		allowed = allowed || t == typ
	}
	if !allowed {
		v.add("Type", "Choose text, number, date or choice.")
	}
	if typ == FieldChoice {
		seen := map[string]bool{}
		for _, c := range choices {
			c = strings.Join(strings.Fields(c), " ")
			if c == "" || seen[strings.ToLower(c)] {
				continue
			}
			seen[strings.ToLower(c)] = true
			f.Choices = append(f.Choices, Choice{Key: c, Label: c})
		}
		switch {
		case len(f.Choices) == 0:
			v.add("Choices", "List the choices, one per line.")
		case len(f.Choices) > 50:
			v.add("Choices", "A choice field can have at most 50 choices.")
		}
	}
	if err := v.err("field"); err != nil {
		return Field{}, err
	}
	return f, nil
}
