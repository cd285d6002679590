package data

import (
	"regexp"
	"sort"
	"strings"
	"time"
)

// placeholderPattern matches {{ name }} where name is dotted lower-case words.
var placeholderPattern = regexp.MustCompile(`\{\{\s*([a-z][a-z0-9_]*(?:\.[a-z0-9_]+)*)\s*\}\}`)

// Placeholders maps placeholder names such as "org.name" to the workspace values
// that replace them in templates.
type Placeholders map[string]string

// placeholder is one workspace value a template can use: its name in
// templates, the plain words that name it to a user, and its value.
type placeholder struct {
	name, label, value string
}

// placeholderTable declares every placeholder once, with its label beside its
// value, so that the warning, the marker and the insert list agree.
func placeholderTable(o Organisation, people []Person, now time.Time) []placeholder {
	list := func(items []string) string {
		if len(items) == 0 {
			return ""
		}
		return "- " + strings.Join(items, "\n- ")
	}
	names := func(kind RoleKind) string {
		var s []string
		for _, p := range people {
			if p.HasRole(kind) {
				s = append(s, p.Name)
			}
		}
		return strings.Join(s, ", ")
	}
	var owners []string
	for _, p := range people {
		for _, r := range p.Roles {
			if r.Kind == RoleProcessOwner {
				owners = append(owners, "| "+r.Process+" | "+p.Name+" |")
			}
		}
	}
	sort.Strings(owners)
	processOwners := ""
	if len(owners) > 0 {
		processOwners = "| Process | Owner |\n| --- | --- |\n" + strings.Join(owners, "\n")
	}
	return []placeholder{
		{"org.name", "the organisation's name", o.Name()},
		{"org.legal_name", "the organisation's legal name", o.LegalName},
		{"org.short_name", "the organisation's short name", o.ShortName},
		{"org.address", "the organisation's address", o.Address},
		{"org.scope", "the scope statement", o.ScopeStatement},
		{"org.exclusions", "the exclusions from the scope", o.Exclusions},
		{"org.services", "the services in scope", strings.Join(o.Services, ", ")},
		{"org.services_list", "the services in scope", list(o.Services)},
		{"org.locations", "the locations", strings.Join(o.Locations, ", ")},
		{"org.locations_list", "the locations", list(o.Locations)},
		{"people.sms_owner", "the SMS owner", names(RoleSMSOwner)},
		{"people.top_management", "top management", names(RoleTopManagement)},
		{"people.auditors", "the internal auditors", names(RoleInternalAuditor)},
		{"people.process_owners", "the process owners", processOwners},
		{"today", "today's date", o.DateFormat.Format(now)},
	}
}

// PlaceholderValues gathers the workspace values templates can use.
func PlaceholderValues(o Organisation, people []Person, now time.Time) Placeholders {
	out := Placeholders{}
	for _, p := range placeholderTable(o, people, now) {
		out[p.name] = p.value
	}
	return out
}

// PlaceholderLabel names a placeholder in plain words, such as "the SMS
// owner" for people.sms_owner; an unknown name is returned as written.
func PlaceholderLabel(name string) string {
	for _, p := range placeholderTable(Organisation{}, nil, time.Time{}) {
		if p.name == name {
			return p.label
		}
	}
	return name
}

// The marker a filled text carries where a value was missing, such as
// "[to fill: the SMS owner]": square brackets print as written in Markdown,
// on screen and in the PDF, and the fixed words let a check find it.
const (
	markerStart = "[to fill: "
	markerEnd   = "]"
)

var markerPattern = regexp.MustCompile(regexp.QuoteMeta(markerStart) + `([^\]\n]+)` + regexp.QuoteMeta(markerEnd))

// FillMarker is the marker left in a text for a missing value.
func FillMarker(label string) string { return markerStart + label + markerEnd }

// ToFill lists the labels of the markers a text still carries, once each in
// order of appearance: the values someone has yet to write in.
func ToFill(text string) []string {
	var out []string
	seen := map[string]bool{}
	for _, m := range markerPattern.FindAllStringSubmatch(text, -1) {
		if !seen[m[1]] {
			seen[m[1]] = true
			out = append(out, m[1])
		}
	}
	return out
}

// Names lists the placeholder names in order, for an editor's insert list.
func (p Placeholders) Names() []string {
	out := make([]string, 0, len(p))
	for k := range p {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Fill replaces every known placeholder in text and returns the names it did
// not know, once each in order of appearance. Unknown placeholders stay in
// the text as written and a known one without a value becomes its marker
// (see ToFill), so that nothing disappears silently.
func (p Placeholders) Fill(text string) (string, []string) {
	var unknown []string
	seen := map[string]bool{}
	out := placeholderPattern.ReplaceAllStringFunc(text, func(m string) string {
		name := placeholderPattern.FindStringSubmatch(m)[1]
		if v, ok := p[name]; ok {
			if strings.TrimSpace(v) == "" {
				return FillMarker(PlaceholderLabel(name))
			}
			return v
		}
		if !seen[name] {
			seen[name] = true
			unknown = append(unknown, name)
		}
		return m
	})
	return out, unknown
}

// FillStrict is Fill that refuses text with an unknown placeholder.
func (p Placeholders) FillStrict(text string) (string, error) {
	out, unknown := p.Fill(text)
	if len(unknown) > 0 {
		return "", Errorf(EPlaceholder, "The text uses unknown placeholders: {{%s}}.", strings.Join(unknown, "}}, {{"))
	}
	return out, nil
}
