package data

import (
	"bytes"
	"slices"
	"strings"
	"time"
)

// PaperSize is the page size of printed packs.
type PaperSize string

const (
	PaperA4     PaperSize = "A4"
	PaperLetter PaperSize = "Letter"
)

// PaperSizes lists the sizes a user can choose, default first.
func PaperSizes() []PaperSize { return []PaperSize{PaperA4, PaperLetter} }

// DateFormat is a Go time layout a user can choose for printed dates.
type DateFormat string

// DateFormats lists the date formats offered, default first, with an example each.
func DateFormats() []DateFormat {
	return []DateFormat{"2 January 2006", "2006-01-02", "02/01/2006", "01/02/2006"}
}

// Format prints t in the layout, falling back to ISO dates for an unknown layout.
func (f DateFormat) Format(t time.Time) string {
	for _, known := range DateFormats() {
		if f == known {
			return t.Format(string(f))
		}
	}
	return t.Format("2006-01-02")
}

// Organisation is the profile of the organisation that runs the SMS. Its values
// fill the document templates and the covers of every pack.
type Organisation struct {
	LegalName      string
	ShortName      string
	Address        string
	Logo           []byte // PNG or JPEG bytes, kept in the workspace
	ScopeStatement string
	Exclusions     string   // boundaries: what the SMS does not cover, and why
	Services       []string // services in scope
	Locations      []string
	PaperSize      PaperSize
	DateFormat     DateFormat
	ISO9001        StandardStatus // whether a quality system is held or planned too
	ISO27001       StandardStatus // whether an information security system is held or planned too
	// The certification settings; zero means the default (see
	// WithSettingDefaults).
	CorrectionPlanDays int // days from an audit to a finding's correction plan
	EvidenceDays       int // days from an audit to a finding's evidence
	EvidenceLimitMB    int // the largest evidence file, in megabytes
	UpdatedAt          time.Time
	Revision           Revision

	Unreadable BadValues // stored values that could not be read; see Unreadable
}

// Limits on organisation fields; the form shows them too.
const (
	MaxNameLen      = 200
	MaxAddressLen   = 1000
	MaxScopeLen     = 4000
	MaxListItemLen  = 200
	MaxListItems    = 100
	MaxLogoBytes    = 2 << 20
	MaxShortNameLen = 40
)

// DefaultOrganisation is the profile of a new, empty workspace.
func DefaultOrganisation() Organisation {
	return Organisation{PaperSize: PaperA4, DateFormat: DateFormats()[0]}.WithSettingDefaults()
}

// Name is the short name when there is one, else the legal name.
func (o Organisation) Name() string {
	if s := strings.TrimSpace(o.ShortName); s != "" {
		return s
	}
	return strings.TrimSpace(o.LegalName)
}

// LogoKind reports "png" or "jpg" for a supported logo and "" otherwise.
func LogoKind(b []byte) string {
	switch {
	case bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")):
		return "png"
	case bytes.HasPrefix(b, []byte{0xFF, 0xD8, 0xFF}):
		return "jpg"
	}
	return ""
}

// Validate reports every field a user must correct before the profile is saved.
func (o Organisation) Validate() error {
	var v validation
	v.required("LegalName", o.LegalName, "Legal name")
	v.maxLen("LegalName", o.LegalName, "Legal name", MaxNameLen)
	v.maxLen("ShortName", o.ShortName, "Short name", MaxShortNameLen)
	v.maxLen("Address", o.Address, "Address", MaxAddressLen)
	v.maxLen("ScopeStatement", o.ScopeStatement, "Scope statement", MaxScopeLen)
	v.maxLen("Exclusions", o.Exclusions, "Boundaries and exclusions", MaxScopeLen)
	validateList(&v, "Services", "Service", o.Services)
	validateList(&v, "Locations", "Location", o.Locations)
	if len(o.Logo) > MaxLogoBytes {
		v.add("Logo", "The logo is too large: at most %d MB.", MaxLogoBytes>>20)
	} else if len(o.Logo) > 0 && LogoKind(o.Logo) == "" {
		v.add("Logo", "The logo must be a PNG or JPEG image.")
	}
	if o.PaperSize != PaperA4 && o.PaperSize != PaperLetter {
		v.add("PaperSize", "Choose A4 or Letter.")
	}
	known := false
	for _, f := range DateFormats() {
		known = known || f == o.DateFormat
	}
	if !known {
		v.add("DateFormat", "Choose one of the offered date formats.")
	}
	for _, st := range []struct {
		field  string
		status StandardStatus
	}{{"ISO9001", o.ISO9001}, {"ISO27001", o.ISO27001}} {
		if !slices.Contains(StandardStatuses(), st.status) {
			v.add(st.field, "Choose not pursued, planned or certified.")
		}
	}
	o.validateSettings(&v)
	return v.err("organisation profile")
}

func validateList(v *validation, field, label string, items []string) {
	if len(items) > MaxListItems {
		v.add(field, "At most %d %s entries.", MaxListItems, strings.ToLower(label))
	}
	seen := map[string]bool{}
	for i, s := range items {
		t := strings.TrimSpace(s)
		switch {
		case t == "":
			v.add(field, "%s %d is empty.", label, i+1)
		case len([]rune(t)) > MaxListItemLen:
			v.add(field, "%s %d is too long: at most %d characters.", label, i+1, MaxListItemLen)
		case seen[strings.ToLower(t)]:
			v.add(field, "%q is listed twice.", t)
		}
		seen[strings.ToLower(t)] = true
	}
}

// Completeness is how far the profile and scope are filled in, for the dashboard.
type Completeness struct {
	Done    int
	Total   int
	Missing []string // plain names of what is still empty
}

// Percent is Done of Total as a whole percentage.
func (c Completeness) Percent() int {
	if c.Total == 0 {
		return 0
	}
	return c.Done * 100 / c.Total
}

// ProfileCompleteness checks the items a scope statement and the document
// templates need: the profile, the scope and the key SMS roles.
func ProfileCompleteness(o Organisation, people []Person) Completeness {
	items := []struct {
		name string
		ok   bool
	}{
		{"legal name", strings.TrimSpace(o.LegalName) != ""},
		{"short name", strings.TrimSpace(o.ShortName) != ""},
		{"address", strings.TrimSpace(o.Address) != ""},
		{"logo", len(o.Logo) > 0},
		{"services in scope", len(o.Services) > 0},
		{"locations", len(o.Locations) > 0},
		{"scope statement", strings.TrimSpace(o.ScopeStatement) != ""},
		{"an SMS owner", hasRole(people, RoleSMSOwner)},
		{"top management", hasRole(people, RoleTopManagement)},
		{"an internal auditor", hasRole(people, RoleInternalAuditor)},
	}
	c := Completeness{Total: len(items)}
	for _, it := range items {
		if it.ok {
			c.Done++
		} else {
			c.Missing = append(c.Missing, it.name)
		}
	}
	return c
}

func hasRole(people []Person, kind RoleKind) bool {
	for _, p := range people {
		if p.HasRole(kind) {
			return true
		}
	}
	return false
}

// String is used in the audit trail.
func (p PaperSize) String() string { return string(p) }

// Example shows the format applied to a fixed date, for choosers.
func (f DateFormat) Example() string {
	return time.Date(2026, 3, 31, 0, 0, 0, 0, time.UTC).Format(string(f))
}
