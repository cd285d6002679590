package data

import (
	"net/mail"
	"sort"
	"strings"
	"time"
)

// RoleKind is an SMS role a person can hold. Small firms give one person
// several roles; the kinds are fixed by the standard's vocabulary.
type RoleKind string

const (
	RoleSMSOwner        RoleKind = "sms-owner"
	RoleTopManagement   RoleKind = "top-management"
	RoleProcessOwner    RoleKind = "process-owner"
	RoleInternalAuditor RoleKind = "internal-auditor"
)

// RoleKinds lists every role kind in display order.
func RoleKinds() []RoleKind {
	return []RoleKind{RoleSMSOwner, RoleTopManagement, RoleProcessOwner, RoleInternalAuditor}
}

// Label is the plain name of the role kind.
func (k RoleKind) Label() string {
	switch k {
	case RoleSMSOwner:
		return "SMS owner"
	case RoleTopManagement:
		return "Top management"
	case RoleProcessOwner:
		return "Process owner"
	case RoleInternalAuditor:
		return "Internal auditor"
	}
	return string(k)
}

// Role is one role held by a person; Process names the process for a process owner.
type Role struct {
	Kind    RoleKind
	Process string
}

// String is the role as printed: "Process owner: Incident management".
func (r Role) String() string {
	if r.Kind == RoleProcessOwner && r.Process != "" {
		return r.Kind.Label() + ": " + r.Process
	}
	return r.Kind.Label()
}

// Person is someone who works in or for the SMS.
type Person struct {
	ID        int64
	Name      string
	JobTitle  string
	Email     string
	Roles     []Role
	CreatedAt time.Time
	UpdatedAt time.Time
	Revision  Revision

	Unreadable BadValues // stored values that could not be read; see Unreadable
}

// HasRole reports whether the person holds a role of the kind.
func (p Person) HasRole(kind RoleKind) bool {
	for _, r := range p.Roles {
		if r.Kind == kind {
			return true
		}
	}
	return false
}

// RolesText is the person's roles as one line, for tables and the audit trail.
func (p Person) RolesText() string {
	s := make([]string, len(p.Roles))
	for i, r := range p.Roles {
		s[i] = r.String()
	}
	return strings.Join(s, "; ")
}

// Limits on person fields.
const (
	MaxPersonNameLen = 120
	MaxJobTitleLen   = 120
	MaxEmailLen      = 254
)

// Validate reports every field a user must correct before the person is saved.
func (p Person) Validate() error {
	var v validation
	v.required("Name", p.Name, "Name")
	v.maxLen("Name", p.Name, "Name", MaxPersonNameLen)
	v.maxLen("JobTitle", p.JobTitle, "Job title", MaxJobTitleLen)
	if e := strings.TrimSpace(p.Email); e != "" {
		if len(e) > MaxEmailLen {
			v.add("Email", "E-mail is too long: at most %d characters.", MaxEmailLen)
		} else if a, err := mail.ParseAddress(e); err != nil || a.Address != e || !strings.Contains(e[strings.LastIndex(e, "@")+1:], ".") {
			v.add("Email", "E-mail must look like name@example.com.")
		}
	}
	seen := map[Role]bool{}
	for _, r := range p.Roles {
		known := false
		for _, k := range RoleKinds() {
			known = known || r.Kind == k
		}
		switch {
		case !known:
			v.add("Roles", "Unknown role %q.", r.Kind)
		case r.Kind == RoleProcessOwner && strings.TrimSpace(r.Process) == "":
			v.add("Roles", "A process owner role needs the name of the process.")
		case seen[r]:
			v.add("Roles", "The role %q is listed twice.", r.String())
		}
		if len([]rune(r.Process)) > MaxListItemLen {
			v.add("Roles", "A process name is too long: at most %d characters.", MaxListItemLen)
		}
		seen[r] = true
	}
	return v.err("person")
}

// SortPeople orders people by name, case-insensitively, for lists and packs.
func SortPeople(people []Person) {
	sort.SliceStable(people, func(i, j int) bool {
		return strings.ToLower(people[i].Name) < strings.ToLower(people[j].Name)
	})
}
