package data

import (
	"strings"
	"time"
)

// demoDistribution is who receives each demo document: in a firm of twenty,
// policies go to everyone, procedures to the people who run them.
func demoDistribution(templateKey string) string {
	const (
		everyone   = "All Northwind staff (SMS folder on the intranet)"
		management = "Management team: Margaret Holloway, Sofia Marchetti, Daniel Okafor"
		desk       = "Service desk team (Priya Raman, lead)"
		engineers  = "Infrastructure and cloud engineers (Tomasz Nowak, Aisha Bello)"
		auditor    = "Internal auditor (Oliver Grant)"
	)
	lists := map[string][]string{
		"scope-statement":            {everyone, management, "Certification body, on request"},
		"service-management-policy":  {everyone, management, "Customers, on request"},
		"service-management-plan":    {management, auditor},
		"roles-and-responsibilities": {everyone},
		"information-security":       {everyone, "Suppliers with access to customer systems"},
		"incident-management":        {desk, engineers, "Out-of-hours on-call rota"},
		"service-request-management": {desk},
		"problem-management":         {desk, engineers},
		"change-management":          {engineers, desk, "Change advisory board members"},
		"release-and-deployment":     {engineers, desk},
		"service-continuity-plan":    {management, engineers, "Printed copy in each office's grab bag"},
		"supplier-management":        {management, "Finance and commercial (Sofia Marchetti)"},
		"budgeting-and-accounting":   {management},
		"internal-audit":             {management, auditor},
		"management-review":          {management},
		"service-level-management":   {management, desk, "Account managers"},
	}
	l, ok := lists[templateKey]
	if !ok {
		l = []string{management, "Process owners", auditor}
	}
	return strings.Join(l, "\n")
}

// demoEffective is when a demo document takes effect: most on the day they
// were approved, some on the first day of the following month, as a firm
// does when people need time to read a changed procedure.
func demoEffective(i int, approvedAt time.Time) time.Time {
	if i%4 != 2 {
		return time.Time{}
	}
	y, m, _ := approvedAt.Date()
	return time.Date(y, m+1, 1, 0, 0, 0, 0, time.UTC)
}
