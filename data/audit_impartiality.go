package data

import (
	"context"
	"fmt"
	"slices"
	"strings"
)

// An auditor may not audit their own work (9.2): in a firm of twenty the
// internal auditor often runs a process too, so the app names what an
// auditor owns in an audit's scope and saves the audit only with a written
// reason why it stays impartial.

// AuditConflict is one thing in an audit's scope that one of its auditors
// owns.
type AuditConflict struct {
	Auditor string // the person's name
	What    string // "the Incident management process", "SVC-1 Cloud Hosting"
}

// ImpartialityFacts are what an audit's impartiality is read against:
// the people with their roles, the services and the documents with their
// owners.
type ImpartialityFacts struct {
	People    []Person
	Services  Register
	Records   []Record // services
	Documents []Document
}

// ImpartialitySources are the services the facts are read from.
type ImpartialitySources interface {
	People(ctx context.Context) ([]Person, error)
	Records(ctx context.Context, q RecordQuery) (RecordPage, error)
	Documents(ctx context.Context) ([]Document, error)
}

// LoadImpartialityFacts reads the facts an audit's impartiality is
// checked against.
func LoadImpartialityFacts(ctx context.Context, src ImpartialitySources) (ImpartialityFacts, error) {
	var f ImpartialityFacts
	var err error
	if f.People, err = src.People(ctx); err != nil {
		return f, fmt.Errorf("read who owns what for an audit: %w", err)
	}
	f.Services, _ = FindRegister("services")
	page, err := src.Records(ctx, RecordQuery{Register: "services"})
	if err != nil {
		return f, fmt.Errorf("read who owns what for an audit: %w", err)
	}
	f.Records = page.Records
	if f.Documents, err = src.Documents(ctx); err != nil {
		return f, fmt.Errorf("read who owns what for an audit: %w", err)
	}
	return f, nil
}

// AuditConflicts lists what the lead auditor and the team of audit own
// in its scope: the processes they own by their roles, the audit
// programme itself for an internal auditor, the services of its scope
// they own, and the documents they own for its clauses.
func AuditConflicts(cat *Catalogue, audit Record, f ImpartialityFacts) []AuditConflict {
	clauses, err := cat.ParseClauseScope(audit.Get("clauses"))
	if err != nil {
		return nil // the clauses field says what is wrong with the scope
	}
	inScope := map[string]bool{}
	for _, n := range clauses {
		inScope[n] = true
	}
	var processes []Clause
	for _, p := range cat.Processes() {
		if inScope[p.Number] {
			processes = append(processes, p)
		}
	}
	var out []AuditConflict
	for _, p := range auditTeam(audit, f.People) {
		for _, role := range p.Roles {
			if role.Kind != RoleProcessOwner {
				continue
			}
			for _, proc := range processes {
				if strings.EqualFold(strings.TrimSpace(role.Process), proc.Title) {
					out = append(out, AuditConflict{Auditor: p.Name, What: fmt.Sprintf("the %s process (%s)", proc.Title, proc.Number)})
				}
			}
		}
		// an internal auditor runs the programme: auditing 9.2 audits it
		if p.HasRole(RoleInternalAuditor) && inScope["9.2"] {
			out = append(out, AuditConflict{Auditor: p.Name, What: "the internal audit programme (9.2) as an internal auditor"})
		}
		for _, s := range f.Records {
			if slices.Contains(audit.IDs("services"), s.ID) && slices.Contains(s.IDs("owner"), p.ID) {
				out = append(out, AuditConflict{Auditor: p.Name, What: "the service " + f.Services.Reference(s.Number) + " " + s.Get("title")})
			}
		}
		for _, d := range f.Documents {
			if d.OwnerID != p.ID {
				continue
			}
			if slices.ContainsFunc(d.Clauses, func(n string) bool { return inScope[n] }) {
				out = append(out, AuditConflict{Auditor: p.Name, What: "the document " + d.Number + " " + d.Title})
			}
		}
	}
	return out
}

// auditTeam is the lead auditor and the people the team names, each once.
func auditTeam(audit Record, people []Person) []Person {
	var out []Person
	add := func(p Person) {
		if !slices.ContainsFunc(out, func(q Person) bool { return q.ID == p.ID }) {
			out = append(out, p)
		}
	}
	for _, id := range audit.IDs("lead") {
		for _, p := range people {
			if p.ID == id {
				add(p)
			}
		}
	}
	for _, name := range strings.FieldsFunc(audit.Get("team"), func(r rune) bool { return r == ',' || r == ';' }) {
		for _, p := range people {
			if strings.EqualFold(strings.TrimSpace(name), p.Name) {
				add(p)
			}
		}
	}
	return out
}

// ImpartialityRule refuses an audit whose auditors own something in its
// scope while its impartiality field gives no reason.
func ImpartialityRule(cat *Catalogue, f ImpartialityFacts) Rule {
	return func(r Record) (string, string) {
		if strings.TrimSpace(r.Get("impartiality")) != "" {
			return "", ""
		}
		conflicts := AuditConflicts(cat, r, f)
		if len(conflicts) == 0 {
			return "", ""
		}
		parts := make([]string, len(conflicts))
		for i, c := range conflicts {
			parts[i] = c.Auditor + " owns " + c.What
		}
		return "impartiality", "An auditor would audit their own work: " + strings.Join(parts, "; ") +
			". Choose another auditor, or write here why the audit stays impartial."
	}
}

// SaveCheck is the check against the catalogue and the other records a
// register asks of a record before it is saved, on a form and in an
// import alike: for an audit, a clause scope the standard has, and its
// impartiality. It is nil for a register that asks none.
func SaveCheck(ctx context.Context, src ImpartialitySources, cat *Catalogue, register string) (Rule, error) {
	if register != AuditsRegister || cat == nil {
		return nil, nil
	}
	f, err := LoadImpartialityFacts(ctx, src)
	if err != nil {
		return nil, err
	}
	impartial := ImpartialityRule(cat, f)
	return func(r Record) (string, string) {
		// a scope the programme cannot read would cover nothing
		if _, err := cat.ParseClauseScope(r.Get("clauses")); err != nil {
			return "clauses", ErrorMessage(err)
		}
		return impartial(r)
	}, nil
}

// CheckBeforeSave runs check on r, as a refusal of the field it marks.
func CheckBeforeSave(reg Register, check Rule, r Record) error {
	if check == nil {
		return nil
	}
	field, msg := check(r)
	if msg == "" {
		return nil
	}
	var v validation
	v.add(field, "%s", msg)
	return v.err(reg.One)
}
