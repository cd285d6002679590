package data

import (
	"strconv"
	"time"
)

// Northwind's records, register by register. Names of people are those of
// DemoPeople; services those of DemoOrganisation.

const (
	demoDesktop = "Managed Desktop Support"
	demoCloud   = "Cloud Hosting"
	demoBackup  = "Backup and Recovery"
	demoAll     = demoDesktop + "; " + demoCloud + "; " + demoBackup
)

func (s *demoRegisters) customers() []demoRow {
	return []demoRow{
		{"title": "Harbour Dental Group", "kind": "external", "contact": "Rachel Moss, practice manager – rachel.moss@harbourdental.example", "users": "45",
			"owner": "Daniel Okafor", "review_date": s.date(4, 3)},
		{"title": "Calder Valley Solicitors", "kind": "external", "contact": "James Whitaker, office manager – 0113 496 0321", "users": "28",
			"owner": "Daniel Okafor", "review_date": s.date(5, 10)},
		{"title": "Aire Logistics Ltd", "kind": "external", "contact": "Helen Price, head of IT – helen.price@airelogistics.example", "users": "120",
			"owner": "Sofia Marchetti", "review_date": s.date(3, 17)},
		{"title": "Northwind finance team", "kind": "internal", "contact": "Sofia Marchetti", "users": "2",
			"owner": "Sofia Marchetti", "review_date": s.date(11, 0)},
	}
}

func (s *demoRegisters) suppliers() []demoRow {
	return []demoRow{
		{"title": "Stratus Cloud Services Ltd", "kind": "external", "owner": "Sofia Marchetti",
			"supplies": "Cloud infrastructure in UK South and UK West: virtual machines, storage and backup vaults.",
			"contact":  "Tom Ashby, 0113 496 0540",
			"contract": "STR-MSA-2024-118", "targets": "99.95% availability a month; P1 response in 30 minutes, 24×7.",
			"start": s.date(-22, 0), "end": s.date(14, 0), "renewal": s.date(11, 0), "rating": "4", "review_date": s.date(2, 12)},
		{"title": "Peak Hardware Distribution Ltd", "kind": "external", "owner": "Sofia Marchetti",
			"supplies": "Laptops, desktops, firewalls and spares; warranty handling.",
			"contact":  "Sales desk, 0161 496 0812", "contract": "PHD-RESELL-0457",
			"targets": "Stock items next working day; warranty swaps in three days.",
			"start":   s.date(-30, 0), "end": s.date(6, 0), "renewal": s.date(4, 0), "rating": "3",
			"disputes": "Two laptops with the wrong keyboard in the spring; credited, closed.", "review_date": s.date(1, 20)},
		{"title": "Pennine Telecom plc", "kind": "external", "owner": "Tomasz Nowak",
			"supplies": "Leased line and SIP trunk at Leeds; broadband at Manchester; 4G failover.",
			"contact":  "Business support, 0800 496 0777", "contract": "PT-BUS-88213",
			"targets": "Leased line fixed in 5 hours, 24×7; broadband in 2 working days.",
			"start":   s.date(-14, 0), "end": s.date(22, 0), "renewal": s.date(19, 0), "rating": "4", "review_date": s.date(3, 5)},
	}
}

func (s *demoRegisters) services() []demoRow {
	return []demoRow{
		{"title": demoDesktop, "status": "live", "owner": "Priya Raman", "criticality": "high", "hours": "Mon–Fri 08:00–18:00",
			"description": "Service desk by phone, email and portal; remote and on-site support for desktops, laptops, printers and Microsoft 365 accounts; new starters and leavers.",
			"outcomes":    "Staff can work on working devices; problems are fixed quickly; the customer has one number to call.",
			"customers":   "Harbour Dental Group; Calder Valley Solicitors; Aire Logistics Ltd; Northwind finance team",
			"review_date": s.date(6, 0)},
		{"title": demoCloud, "status": "live", "owner": "Aisha Bello", "criticality": "high", "hours": "24×7 for P1; otherwise Mon–Fri 08:00–18:00",
			"description": "Hosting of customers' line-of-business servers and file shares on a managed cloud platform, patched and monitored.",
			"outcomes":    "Business applications available from anywhere, without servers in the office.",
			"customers":   "Aire Logistics Ltd; Calder Valley Solicitors",
			"review_date": s.date(6, 7)},
		{"title": demoBackup, "status": "live", "owner": "Aisha Bello", "criticality": "high", "hours": "Mon–Fri 08:00–18:00; restores for P1 24×7",
			"description": "Daily backup of servers, Microsoft 365 mailboxes and file shares to a second region, with tested restores.",
			"outcomes":    "Lost or damaged data can be got back, to a known point, within the agreed time.",
			"customers":   "Harbour Dental Group; Calder Valley Solicitors; Aire Logistics Ltd",
			"review_date": s.date(6, 14)},
	}
}

func (s *demoRegisters) assets() []demoRow {
	return []demoRow{
		{"title": "Service desk tool", "type": "software", "identifier": "Tenant northwind.desk.example", "owner": "Priya Raman", "status": "in_use",
			"criticality": "high", "services": demoAll, "description": "Ticketing, customer portal and the knowledge base.", "expires": s.date(7, 0)},
		{"title": "Remote monitoring and management console", "type": "software", "identifier": "RMM-NW-01", "owner": "Tomasz Nowak", "status": "in_use",
			"criticality": "high", "services": demoDesktop, "description": "Agents on every managed endpoint: monitoring, patching and remote control."},
		{"title": "Office suite licences", "type": "licence", "identifier": "Agreement 7719-2281, 195 seats", "owner": "Sofia Marchetti", "status": "in_use",
			"criticality": "medium", "services": demoDesktop, "expires": s.date(5, 0)},
		{"title": "Hosting cluster – UK South", "type": "cloud", "identifier": "rg-nw-hosting-uks", "owner": "Aisha Bello", "status": "in_use",
			"criticality": "high", "services": demoCloud, "supplier": "Stratus Cloud Services Ltd",
			"description": "Twelve virtual machines for customer workloads, with their storage and networks."},
		{"title": "Backup vault – UK West", "type": "cloud", "identifier": "bv-nw-ukw-01", "owner": "Aisha Bello", "status": "in_use",
			"criticality": "high", "services": demoBackup, "supplier": "Stratus Cloud Services Ltd",
			"description": "Immutable backup copies, 35 days daily and 12 months monthly."},
		{"title": "Backup software licence", "type": "licence", "identifier": "BK-PRO-55120", "owner": "Aisha Bello", "status": "in_use",
			"criticality": "high", "services": demoBackup, "expires": s.date(8, 0)},
		{"title": "Leeds leased line", "type": "network", "identifier": "Circuit PT-LL-40981", "owner": "Tomasz Nowak", "status": "in_use",
			"criticality": "high", "services": demoAll, "supplier": "Pennine Telecom plc", "description": "1 Gbps fibre with a 4G failover router."},
		{"title": "Leeds firewall pair", "type": "hardware", "identifier": "FW-LDS-A, FW-LDS-B", "owner": "Tomasz Nowak", "status": "in_use",
			"criticality": "high", "services": demoAll, "supplier": "Peak Hardware Distribution Ltd", "expires": s.date(14, 0)},
		{"title": "Engineer laptops", "type": "hardware", "identifier": "NW-LT-01 to NW-LT-12", "owner": "Oliver Grant", "status": "in_use",
			"criticality": "medium", "services": demoDesktop, "supplier": "Peak Hardware Distribution Ltd"},
		{"title": "Spare desktop pool", "type": "hardware", "identifier": "NW-SP-01 to NW-SP-08", "owner": "Oliver Grant", "status": "stock",
			"criticality": "low", "services": demoDesktop, "supplier": "Peak Hardware Distribution Ltd",
			"description": "Eight desktops built to the standard image, for new starters and swaps."},
		{"title": "Continuity plan and runbooks", "type": "document", "identifier": "SMS-DOC continuity plan, runbooks RB-01 to RB-09", "owner": "Aisha Bello",
			"status": "in_use", "criticality": "high", "services": demoCloud + "; " + demoBackup},
	}
}

func (s *demoRegisters) slas() []demoRow {
	row := func(title, service, customer, hours, availability string, targets [8]string, workload, exceptions, owner string, review int) demoRow {
		r := demoRow{"title": title, "service": service, "customer": customer, "status": "agreed", "agreed_on": s.date(-10+review, 0), "hours": hours,
			"availability": availability, "workload": workload, "exceptions": exceptions, "reporting": "monthly", "owner": owner, "review_date": s.date(review, 0)}
		for i, p := range slaPriorities() {
			r[p.key+"_response"], r[p.key+"_resolution"] = targets[i], targets[4+i]
		}
		return r
	}
	return []demoRow{
		row("Managed Desktop SLA – Harbour Dental Group", demoDesktop, "Harbour Dental Group", "Mon–Fri 08:00–18:00", "99.5",
			[8]string{"0.5", "1", "4", "8", "4", "8", "24", "40"},
			"Up to 45 users and 150 tickets a month; on-site visits up to 4 a month.",
			"Faults in equipment or software Northwind does not manage; planned maintenance notified five working days ahead.", "Daniel Okafor", 2),
		row("Cloud Hosting SLA – Aire Logistics", demoCloud, "Aire Logistics Ltd", "24×7 for P1; otherwise Mon–Fri 08:00–18:00", "99.9",
			[8]string{"0.25", "1", "4", "8", "2", "4", "16", "40"},
			"Up to 12 virtual machines and 4 TB of storage; up to 20 change requests a month.",
			"Outages of the customer's own applications; planned maintenance in the Sunday 02:00–06:00 window.", "Aisha Bello", 3),
		row("Backup and Recovery SLA – Calder Valley Solicitors", demoBackup, "Calder Valley Solicitors", "Mon–Fri 08:00–18:00; P1 restores 24×7", "99.5",
			[8]string{"0.5", "2", "4", "8", "4", "8", "24", "40"},
			"Up to 2 TB protected; up to 6 restore requests a month.",
			"Data the customer stores outside the protected systems; restores older than the 12-month retention.", "Aisha Bello", 4),
	}
}

func (s *demoRegisters) issues() []demoRow {
	yes := func(r demoRow) demoRow { r["relevant"] = "yes"; return r }
	return []demoRow{
		yes(demoRow{"title": "Small firms moving to cloud-only offices", "kind": "external",
			"effect":   "Demand moves from on-site desktop support to cloud hosting, identity and remote support.",
			"response": "Cloud Hosting grown as a service; desk skills broadened to cloud administration.", "owner": "Margaret Holloway", "review_date": s.date(5, 0)}),
		yes(demoRow{"title": "More ransomware attacks on small businesses", "kind": "external",
			"effect":   "A successful attack on a customer would stop their business and test our backup and recovery promises.",
			"response": "Raised as a risk with treatment actions; security awareness training offered to customers.", "owner": "Tomasz Nowak", "review_date": s.date(5, 0)}),
		yes(demoRow{"title": "UK data protection law", "kind": "external",
			"effect":   "We process customers' personal data as a processor; breaches must be reported and handled quickly.",
			"response": "Processing terms in every contract; breach procedure in incident management.", "owner": "Sofia Marchetti", "review_date": s.date(5, 0)}),
		yes(demoRow{"title": "Scarce cloud engineers in the region", "kind": "external",
			"effect":   "Hiring and keeping cloud skills is slow and costly; knowledge sits with few people.",
			"response": "Cross-training and runbooks; risk of losing a key engineer on the register.", "owner": "Daniel Okafor", "review_date": s.date(5, 0)}),
		yes(demoRow{"title": "Small team with people in several roles", "kind": "internal",
			"effect":   "Seven people run every process; absence or a busy month slows SMS work.",
			"response": "Roles and deputies assigned; the roadmap paces the SMS work.", "owner": "Margaret Holloway", "review_date": s.date(5, 0)}),
		yes(demoRow{"title": "Service desk tool replaced last year", "kind": "internal",
			"effect":   "Reports on incidents and requests are still being built; older history is in the previous tool.",
			"response": "Monthly reports defined for each SLA; old history exported and kept.", "owner": "Priya Raman", "review_date": s.date(5, 0)}),
		{"title": "Climate change", "kind": "external", "climate": "yes", "relevant": "yes",
			"rationale": "Relevant, in a limited way. Extreme weather could close the Leeds office or cut its power and lines, and some customers now ask for the carbon footprint of the services they buy. " +
				"The services themselves run in a provider's data centres and are delivered remotely, so the effect is on continuity and on customer requirements rather than on the services' design.",
			"effect":   "Continuity of the Leeds office; customer requirements for carbon figures; choice of hosting regions.",
			"response": "Office closure covered by the continuity plan and a risk; carbon requirements recorded against interested parties; greener hosting raised as an opportunity.",
			"owner":    "Margaret Holloway", "review_date": s.date(5, 0)},
	}
}

func (s *demoRegisters) objectives() []demoRow {
	return []demoRow{
		{"title": "Cloud Hosting availability", "target": "99.9", "unit": "%", "direction": "at_least", "frequency": "monthly", "owner": "Aisha Bello",
			"services": demoCloud, "method": "Minutes available in the month over minutes in the month, from the monitoring tool, less agreed maintenance.",
			"plan": "Keep the cluster patched in the maintenance window; review every unplanned outage as a problem.", "review_date": s.date(3, 0)},
		{"title": "P2 incidents resolved within 8 hours", "target": "95", "unit": "%", "direction": "at_least", "frequency": "monthly", "owner": "Priya Raman",
			"services": demoDesktop, "method": "Share of P2 incidents closed in the month within 8 service hours, from the service desk tool.",
			"plan": "Daily queue review at 10:00; escalate any P2 open for 4 hours.", "review_date": s.date(3, 0)},
		{"title": "Customer satisfaction", "target": "4.5", "unit": "points out of 5", "direction": "at_least", "frequency": "monthly", "owner": "Daniel Okafor",
			"services": demoAll, "method": "Average of the one-question survey sent when a ticket closes.",
			"plan": "Call back every score of 3 or less within two working days.", "review_date": s.date(3, 0)},
		{"title": "Successful backup jobs", "target": "99", "unit": "%", "direction": "at_least", "frequency": "monthly", "owner": "Aisha Bello",
			"services": demoBackup, "method": "Jobs completed without error over jobs scheduled, from the backup console.",
			"plan": "Alert on every failed job; rerun the same day; monthly test restore per customer.", "review_date": s.date(3, 0)},
		{"title": "Changes that caused an incident", "target": "5", "unit": "%", "direction": "at_most", "frequency": "monthly", "owner": "Tomasz Nowak",
			"services": demoAll, "method": "Changes closed in the month linked to an incident raised within 48 hours, over all changes closed.",
			"plan": "Test plans and backout plans for every normal change; review each failed change at the next CAB.", "deadline": s.date(6, 0), "review_date": s.date(3, 0)},
	}
}

func (s *demoRegisters) parties() []demoRow {
	return []demoRow{
		{"title": "Small business customers", "kind": "customer", "climate": "no",
			"requirements": "Problems fixed quickly in working hours; predictable monthly cost; data kept in the UK; one point of contact.",
			"addressed":    "Service level agreements, the service catalogue and monthly service reports.",
			"services":     demoAll, "slas": "Managed Desktop SLA – Harbour Dental Group; Cloud Hosting SLA – Aire Logistics; Backup and Recovery SLA – Calder Valley Solicitors",
			"objectives": "P2 incidents resolved within 8 hours; Customer satisfaction", "owner": "Daniel Okafor", "review_date": s.date(5, 0)},
		{"title": "Aire Logistics sustainability team", "kind": "customer", "climate": "yes",
			"requirements": "Yearly figures for the carbon emissions of the hosted services, for their own sustainability report.",
			"addressed":    "The hosting provider's emissions data for our resources is passed on each January; greener hosting raised as an opportunity.",
			"services":     demoCloud, "slas": "Cloud Hosting SLA – Aire Logistics", "owner": "Sofia Marchetti", "review_date": s.date(5, 0)},
		{"title": "Customers' staff", "kind": "user", "climate": "no",
			"requirements": "A friendly service desk reachable by phone and portal; passwords reset in minutes; clear updates on their tickets.",
			"addressed":    "Service desk hours and targets in the SLAs; satisfaction survey on every closed ticket.",
			"services":     demoDesktop, "objectives": "Customer satisfaction", "owner": "Priya Raman", "review_date": s.date(5, 0)},
		{"title": "Northwind staff", "kind": "staff", "climate": "no",
			"requirements": "Clear roles, the training their role needs, a fair on-call rota and tools that work.",
			"addressed":    "Roles and responsibilities, competence and training records, monthly team meeting.", "owner": "Margaret Holloway", "review_date": s.date(5, 0)},
		{"title": "Stratus Cloud Services", "kind": "supplier", "climate": "no",
			"requirements": "Capacity forecasts each quarter; payment on time; our use kept within their acceptable use terms.",
			"addressed":    "Quarterly supplier review; capacity plan.", "services": demoCloud + "; " + demoBackup, "owner": "Sofia Marchetti", "review_date": s.date(5, 0)},
		{"title": "Information Commissioner's Office", "kind": "regulator", "climate": "no",
			"requirements": "Personal data processed lawfully and kept secure; notifiable breaches reported within 72 hours.",
			"addressed":    "Registration kept current; breach handling in the incident procedure; processing terms in contracts.",
			"services":     demoAll, "owner": "Sofia Marchetti", "review_date": s.date(5, 0)},
		{"title": "Owners and directors", "kind": "owner", "climate": "no",
			"requirements": "Profitable growth; an ISO/IEC 20000-1 certificate to win larger contracts; no surprises.",
			"addressed":    "Management review; the SMS roadmap and its target date.", "objectives": "Customer satisfaction", "owner": "Margaret Holloway", "review_date": s.date(5, 0)},
		{"title": "Certification body", "kind": "other", "climate": "no",
			"requirements": "Evidence that the SMS runs as documented and meets the standard; access to people and records at the audits.",
			"addressed":    "Internal audits, management review and kept records.", "owner": "Daniel Okafor", "review_date": s.date(5, 0)},
	}
}

func (s *demoRegisters) risks() []demoRow {
	risk := func(title, services, l, i, treatment, actions, status, owner string, due, review int, more ...string) demoRow {
		r := demoRow{"title": title, "kind": "risk", "services": services, "likelihood": l, "impact": i, "treatment": treatment, "owner": owner,
			"review_date": s.date(review, 0)}
		if actions != "" {
			r["actions"], r["treatment_status"] = actions, status
		}
		if due != 0 {
			r["treatment_due"] = s.date(due, 0)
		}
		for k := 0; k+1 < len(more); k += 2 {
			r[more[k]] = more[k+1]
		}
		return r
	}
	return []demoRow{
		risk("Backup jobs fail without anyone noticing", demoBackup, "3", "4", "reduce",
			"Raise a ticket for every failed job; review the weekly job report; test a restore for each customer every month.", "in_progress", "Aisha Bello", 1, 3,
			"source", "Problem review of a missed job in the spring", "residual_likelihood", "2", "residual_impact", "4"),
		risk("Outage of the cloud region that hosts customers", demoCloud+"; "+demoBackup, "2", "5", "reduce",
			"Keep backups in a second region; rehearse fail-over of one customer twice a year.", "planned", "Aisha Bello", 3, 3,
			"parties", "Stratus Cloud Services", "residual_likelihood", "2", "residual_impact", "3"),
		risk("Knowledge of the hosting platform sits with one engineer", demoCloud+"; "+demoBackup, "3", "4", "reduce",
			"Cross-train Tomasz on the platform; write the runbooks into the knowledge base.", "in_progress", "Daniel Okafor", 2, 3,
			"issues", "Scarce cloud engineers in the region", "residual_likelihood", "2", "residual_impact", "3"),
		risk("Ransomware reaches customer desktops", demoDesktop+"; "+demoBackup, "3", "5", "reduce",
			"Endpoint protection on every managed device; immutable backups; phishing training for customers' staff twice a year.", "in_progress", "Tomasz Nowak", 1, 2,
			"issues", "More ransomware attacks on small businesses", "residual_likelihood", "2", "residual_impact", "4"),
		risk("Service desk swamped after a customer joins", demoDesktop, "3", "3", "accept",
			"", "", "Priya Raman", 0, 4, "source", "Onboarding of Aire Logistics last year", "issues", "Small team with people in several roles"),
		risk("Leeds leased line fails", demoAll, "2", "4", "reduce",
			"Keep the 4G failover router and test it every month.", "done", "Tomasz Nowak", 0, 4,
			"parties", "Stratus Cloud Services", "residual_likelihood", "2", "residual_impact", "2"),
		risk("Hardware lead times delay new starters", demoDesktop, "4", "2", "reduce",
			"Keep a pool of eight spare desktops built to the standard image.", "done", "Oliver Grant", 0, 4,
			"residual_likelihood", "2", "residual_impact", "2"),
		risk("Cloud platform prices rise at renewal", demoCloud, "3", "3", "share",
			"Negotiate a three-year price cap at renewal; link customer prices to the provider's index.", "planned", "Sofia Marchetti", 10, 4),
		risk("Customer data restored to the wrong place", demoBackup, "2", "5", "avoid",
			"Restore only to a location the customer's named contact confirms in the ticket.", "done", "Aisha Bello", 0, 4,
			"parties", "Information Commissioner's Office", "residual_likelihood", "1", "residual_impact", "5"),
		risk("Extreme weather closes the Leeds office", demoAll, "2", "3", "accept",
			"", "", "Margaret Holloway", 0, 5, "issues", "Climate change"),
		{"title": "Customers ask for greener hosting", "kind": "opportunity", "services": demoCloud, "likelihood": "3", "impact": "3", "treatment": "exploit",
			"actions": "Publish the provider's carbon data in service reports; offer a low-carbon region to new customers.", "treatment_status": "planned",
			"treatment_due": s.date(4, 0), "issues": "Climate change", "parties": "Aire Logistics sustainability team", "owner": "Daniel Okafor", "review_date": s.date(4, 0)},
		{"title": "Self-service password reset frees the service desk", "kind": "opportunity", "services": demoDesktop, "likelihood": "4", "impact": "2", "treatment": "exploit",
			"actions": "Roll self-service password reset out to every customer.", "treatment_status": "in_progress",
			"treatment_due": s.date(2, 0), "parties": "Customers' staff", "owner": "Priya Raman", "review_date": s.date(4, 0)},
	}
}

// measurements are a year of monthly results for each objective: near
// their targets, with a miss or two explained.
func (s *demoRegisters) measurements() []demoRow {
	series := []struct {
		objective, target string
		actual            [12]float64
		misses            map[int]string
	}{
		{"Cloud Hosting availability", "99.9", [12]float64{99.95, 99.98, 99.92, 100, 99.97, 99.81, 99.96, 99.99, 99.93, 99.95, 100, 99.97},
			map[int]string{5: "Storage fault at the provider, 52 minutes; problem record opened and the provider's report reviewed."}},
		{"P2 incidents resolved within 8 hours", "95", [12]float64{96.2, 97.1, 95.4, 93.8, 95.9, 96.7, 97.3, 96.1, 95.2, 98, 96.4, 97.5},
			map[int]string{3: "Two engineers on leave in the same week; the rota now keeps one of each pair in."}},
		{"Customer satisfaction", "4.5", [12]float64{4.6, 4.5, 4.7, 4.6, 4.4, 4.6, 4.7, 4.8, 4.6, 4.7, 4.6, 4.8},
			map[int]string{4: "Slow onboarding of new starters at one customer; called back and the process changed."}},
		{"Successful backup jobs", "99", [12]float64{99.4, 99.6, 99.1, 99.8, 99.5, 99.7, 98.6, 99.3, 99.6, 99.8, 99.7, 99.9},
			map[int]string{6: "A full vault stopped jobs for one customer for two nights; capacity alert added."}},
		{"Changes that caused an incident", "5", [12]float64{3.1, 2.4, 4, 0, 2.9, 3.5, 6.2, 2.2, 1.8, 3, 2.5, 1.9},
			map[int]string{6: "A firewall update without a tested backout plan; backout plans now checked at CAB."}},
	}
	first := time.Date(s.today.Year(), s.today.Month()-12, 1, 0, 0, 0, 0, time.UTC)
	var out []demoRow
	for _, o := range series {
		for m, v := range o.actual {
			month := first.AddDate(0, m, 0)
			r := demoRow{"objective": o.objective, "period": month.Format("January 2006"), "date": month.AddDate(0, 1, 0).Format(DateLayout),
				"actual": strconv.FormatFloat(v, 'f', -1, 64), "target": o.target}
			if c, ok := o.misses[m]; ok {
				r["comment"] = c
			}
			out = append(out, r)
		}
	}
	return out
}

func (s *demoRegisters) training() []demoRow {
	row := func(person, role, competence, status, evidence string, done, next int) demoRow {
		r := demoRow{"person": person, "engagement": "staff", "role": role, "competence": competence, "status": status, "evidence": evidence}
		if done != 0 {
			r["date"] = s.date(done, 0)
		}
		if next != 0 {
			r["next_due"] = s.date(next, 0)
		}
		return r
	}
	return []demoRow{
		row("Daniel Okafor", "SMS owner", "ISO/IEC 20000-1 foundation", "competent", "Course certificate in the HR folder.", -6, 0),
		row("Priya Raman", "Incident management process owner", "IT service management foundation", "competent", "Certificate number ITSM-F-448120.", -14, 0),
		row("Oliver Grant", "Internal auditor", "Auditing a management system", "competent", "Two-day internal auditor course; shadowed one audit.", -3, 21),
		row("Aisha Bello", "Service continuity process owner", "Cloud platform administration", "competent", "Platform administrator certification, valid two years.", -10, 14),
		row("Tomasz Nowak", "Change management process owner", "Chairing the change advisory board", "competent", "Chaired three CABs supervised by Daniel; notes in the change records.", -5, 0),
		row("Tomasz Nowak", "Deputy for service continuity", "Cloud platform administration", "training", "Course booked; runbook walk-throughs with Aisha.", 0, 2),
		row("Sofia Marchetti", "Supplier management process owner", "Contract and supplier performance review", "competent", "Ten years managing supplier contracts; CV on file.", -24, 0),
		row("Margaret Holloway", "Top management", "Information security awareness", "competent", "Annual awareness module completed.", -2, 10),
		row("Oliver Grant", "Desktop support engineer", "Information security awareness", "competent", "Annual awareness module completed.", -2, 10),
	}
}

func (s *demoRegisters) communications() []demoRow {
	row := func(title, audience, when, how, owner, evidence string) demoRow {
		return demoRow{"title": title, "audience": audience, "when": when, "how": how, "owner": owner, "evidence": evidence, "review_date": s.date(9, 0)}
	}
	return []demoRow{
		row("Monthly service report", "Each customer's named contact", "Monthly, by the fifth working day", "Email with the PDF report", "Daniel Okafor", "Sent reports kept in each customer's folder."),
		row("Service review meeting", "Customers' decision makers", "Quarterly", "Video call", "Daniel Okafor", "Minutes and actions in the customer folder."),
		row("Planned maintenance notice", "Users of the affected service", "Five working days before the work", "Email and a banner on the portal", "Tomasz Nowak", "Notice linked from the change record."),
		row("Major incident updates", "Affected customers' contacts", "Every hour during a major incident", "Phone, then email; status on the portal", "Priya Raman", "Updates logged in the incident record."),
		row("SMS briefing", "All Northwind staff", "Monthly team meeting", "Meeting", "Daniel Okafor", "Team meeting notes."),
		row("Service management policy", "Staff, and customers on request", "When approved or changed", "Intranet and the website", "Margaret Holloway", "Read receipts on the intranet."),
		row("Management review results", "Top management and process owners", "After each management review", "Minutes by email", "Daniel Okafor", "Management review minutes."),
	}
}
