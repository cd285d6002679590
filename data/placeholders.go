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

// PlaceholderValues gathers the workspace values templates can use.
func PlaceholderValues(o Organisation, people []Person, now time.Time) Placeholders {
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
	return Placeholders{
		"people.process_owners": processOwners,
		"org.name":              o.Name(),
		"org.legal_name":        o.LegalName,
		"org.short_name":        o.ShortName,
		"org.address":           o.Address,
		"org.scope":             o.ScopeStatement,
		"org.exclusions":        o.Exclusions,
		"org.services":          strings.Join(o.Services, ", "),
		"org.services_list":     list(o.Services),
		"org.locations":         strings.Join(o.Locations, ", "),
		"org.locations_list":    list(o.Locations),
		"people.sms_owner":      names(RoleSMSOwner),
		"people.top_management": names(RoleTopManagement),
		"people.auditors":       names(RoleInternalAuditor),
		"today":                 o.DateFormat.Format(now),
	}
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
// the text as written so that nothing disappears silently.
func (p Placeholders) Fill(text string) (string, []string) {
	var unknown []string
	seen := map[string]bool{}
	out := placeholderPattern.ReplaceAllStringFunc(text, func(m string) string {
		name := placeholderPattern.FindStringSubmatch(m)[1]
		if v, ok := p[name]; ok {
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
