package data

import (
	"fmt"
	"strings"
)

// IntegratedFile is the content file that maps ISO/IEC 20000-1 clauses to
// the clauses of ISO 9001 and ISO/IEC 27001 that cover the same ground.
const IntegratedFile = "integrated.json"

// StandardStatus is whether the organisation also runs a management system
// to another standard.
type StandardStatus string

const (
	StandardNotPursued StandardStatus = ""
	StandardPlanned    StandardStatus = "planned"
	StandardCertified  StandardStatus = "certified"
)

// StandardStatuses lists the choices, default first.
func StandardStatuses() []StandardStatus {
	return []StandardStatus{StandardNotPursued, StandardPlanned, StandardCertified}
}

// Label is the status as a person reads it.
func (s StandardStatus) Label() string {
	switch s {
	case StandardPlanned:
		return "Planned"
	case StandardCertified:
		return "Certified"
	}
	return "Not pursued"
}

// auditText leaves a standard not pursued empty in the audit trail, so
// that creating a profile records only what was filled in.
func (s StandardStatus) auditText() string {
	if s == StandardNotPursued {
		return ""
	}
	return s.Label()
}

// Names of the other standards, as printed.
const (
	ISO9001Name  = "ISO 9001"
	ISO27001Name = "ISO/IEC 27001"
)

// SharedClause is one row of the correspondence: a clause of ISO/IEC
// 20000-1 and the clauses of the other standards it shares ground with.
// Clause numbers are facts; Shared is our own words.
type SharedClause struct {
	Clause   string `json:"clause"`
	ISO9001  string `json:"iso9001"`
	ISO27001 string `json:"iso27001"`
	Shared   string `json:"shared"`
}

// Integrates reports whether the organisation holds or plans ISO 9001 or
// ISO/IEC 27001, so that shared clauses are worth showing.
func (o Organisation) Integrates() bool {
	return o.ISO9001 != StandardNotPursued || o.ISO27001 != StandardNotPursued
}

// withIntegrated adds the correspondence after checking that every clause
// it names exists, once, and that each row says what is shared with what.
func (c *Catalogue) withIntegrated(rows []SharedClause) (*Catalogue, error) {
	var problems []string
	seen := map[string]bool{}
	for _, r := range rows {
		if _, ok := c.byNumber[r.Clause]; !ok {
			problems = append(problems, fmt.Sprintf("clause %q does not exist", r.Clause))
		}
		if seen[r.Clause] {
			problems = append(problems, fmt.Sprintf("clause %s is listed twice", r.Clause))
		}
		seen[r.Clause] = true
		if strings.TrimSpace(r.ISO9001) == "" && strings.TrimSpace(r.ISO27001) == "" {
			problems = append(problems, fmt.Sprintf("clause %s names no clause of another standard", r.Clause))
		}
		if strings.TrimSpace(r.Shared) == "" {
			problems = append(problems, fmt.Sprintf("clause %s does not say what is shared", r.Clause))
		}
	}
	if len(problems) > 0 {
		return nil, &Error{Code: EContent, Message: "The integrated management table is inconsistent: " + strings.Join(problems, "; ")}
	}
	out := *c
	out.integrated = append([]SharedClause(nil), rows...)
	return &out, nil
}

// SharedClauses returns the rows that matter to the organisation: those
// naming a clause of a standard it holds or plans, with the other
// standard's column blanked. It is empty when it pursues neither.
func (c *Catalogue) SharedClauses(o Organisation) []SharedClause {
	var out []SharedClause
	for _, r := range c.integrated {
		if o.ISO9001 == StandardNotPursued {
			r.ISO9001 = ""
		}
		if o.ISO27001 == StandardNotPursued {
			r.ISO27001 = ""
		}
		if r.ISO9001 != "" || r.ISO27001 != "" {
			out = append(out, r)
		}
	}
	return out
}

// AlsoServes names the clauses of the organisation's other standards that
// a document written for the clauses also serves, such as "ISO 9001 7.5.3",
// those of ISO 9001 first. A row counts for its clause and every sub-clause
// of it.
func (c *Catalogue) AlsoServes(o Organisation, clauses []string) []string {
	var quality, security []string
	seen := map[string]bool{}
	add := func(list *[]string, standard, numbers string) {
		for _, n := range strings.Split(numbers, ",") {
			n = strings.TrimSpace(n)
			if s := standard + " " + n; n != "" && !seen[s] {
				seen[s] = true
				*list = append(*list, s)
			}
		}
	}
	for _, r := range c.SharedClauses(o) {
		for _, cl := range clauses {
			if cl == r.Clause || strings.HasPrefix(cl, r.Clause+".") {
				add(&quality, ISO9001Name, r.ISO9001)
				add(&security, ISO27001Name, r.ISO27001)
				break
			}
		}
	}
	return append(quality, security...)
}

// AlsoServesText is AlsoServes as one line, each standard named once:
// "ISO 9001 7.5.1, 7.5.2; ISO/IEC 27001 7.5.1". It is "" when the document
// serves no other standard.
func (c *Catalogue) AlsoServesText(o Organisation, clauses []string) string {
	var parts []string
	for _, standard := range []string{ISO9001Name, ISO27001Name} {
		var numbers []string
		for _, s := range c.AlsoServes(o, clauses) {
			if n, ok := strings.CutPrefix(s, standard+" "); ok {
				numbers = append(numbers, n)
			}
		}
		if len(numbers) > 0 {
			parts = append(parts, standard+" "+strings.Join(numbers, ", "))
		}
	}
	return strings.Join(parts, "; ")
}
