package data

import (
	"fmt"
	"time"
)

// Audit actions.
const (
	ActionCreate = "create"
	ActionUpdate = "update"
	ActionDelete = "delete"
	// ActionRestore brings a deleted record back under its own ID, and
	// links it again to the records its delete left pointing at nobody.
	ActionRestore = "restore"
)

// AuditEntry is one change recorded in the audit trail.
type AuditEntry struct {
	ID       int64
	At       time.Time
	Actor    string
	Entity   string // "organisation", "person", ...
	EntityID string
	Action   string
	Changes  []FieldChange

	Unreadable BadValues // stored values that could not be read; see Unreadable
}

// FieldChange is one field's value before and after a change.
type FieldChange struct {
	Field string `json:"field"`
	From  string `json:"from"`
	To    string `json:"to"`
}

// Diff lists the fields whose values differ between before and after, in the
// order of after's keys as given by fields.
func Diff(fields []string, before, after map[string]string) []FieldChange {
	var out []FieldChange
	for _, f := range fields {
		if before[f] != after[f] {
			out = append(out, FieldChange{Field: f, From: before[f], To: after[f]})
		}
	}
	return out
}

// AuditFields returns the organisation's fields as text, for the audit trail.
// The logo is summarised by size, not copied.
func (o Organisation) AuditFields() ([]string, map[string]string) {
	logo := ""
	if len(o.Logo) > 0 {
		logo = fmt.Sprintf("%s image, %d bytes", LogoKind(o.Logo), len(o.Logo))
	}
	m := map[string]string{
		"legal_name":      o.LegalName,
		"short_name":      o.ShortName,
		"address":         o.Address,
		"logo":            logo,
		"scope_statement": o.ScopeStatement,
		"exclusions":      o.Exclusions,
		"services":        joinLines(o.Services),
		"locations":       joinLines(o.Locations),
		"paper_size":      string(o.PaperSize),
		"date_format":     string(o.DateFormat),
		"iso9001":         o.ISO9001.auditText(),
		"iso27001":        o.ISO27001.auditText(),

		"correction_plan_days": settingAudit(o.CorrectionPlanDays, CorrectionPlanDays),
		"evidence_days":        settingAudit(o.EvidenceDays, FindingEvidenceDays),
		"evidence_limit_mb":    settingAudit(o.EvidenceLimitMB, DefaultEvidenceLimitMB),
	}
	return []string{"legal_name", "short_name", "address", "logo", "scope_statement", "exclusions", "services", "locations", "paper_size", "date_format", "iso9001", "iso27001",
		"correction_plan_days", "evidence_days", "evidence_limit_mb"}, m
}

// AuditFields returns the person's fields as text, for the audit trail.
func (p Person) AuditFields() ([]string, map[string]string) {
	return []string{"name", "job_title", "email", "roles"}, map[string]string{
		"name": p.Name, "job_title": p.JobTitle, "email": p.Email, "roles": p.RolesText(),
	}
}

func joinLines(s []string) string {
	out := ""
	for i, v := range s {
		if i > 0 {
			out += "\n"
		}
		out += v
	}
	return out
}
