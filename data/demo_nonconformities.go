package data

import (
	"fmt"
	"time"
)

// Northwind's nonconformities and improvements, and the actions raised
// against them. Between them the nonconformities stand in every state a
// corrective action passes through, one of them back in action after a
// check found its first action not effective, and one awaiting its second
// check with the first kept among its earlier checks.

const (
	demoNCStarters = "New starters at Harbour Dental waited days for their accounts"
	demoNCFirewall = "Firewall update without a tested backout plan cut Leeds off"
	demoNCBackups  = "Backup jobs below target: a full vault stopped jobs for two nights"
	demoNCStratus  = "Stratus sent its report on the May storage fault three weeks late"
	demoNCLaptops  = "Two laptops issued without an asset record"

	demoIMPReset    = "Self-service password reset for customers' staff"
	demoIMPRota     = "Leave rota that keeps one engineer of each pair in"
	demoIMPStarters = "Create new starters' accounts straight from the request form"
)

func (s *demoRegisters) nonconformities() []demoRow {
	return []demoRow{
		{"title": demoNCStarters, "source": "complaint", "severity": "minor", "raised_on": s.date(-7, 4),
			"description": "Harbour Dental complained that three new starters in one week could not log in on their first day; the requests sat in the ordinary queue.",
			"correction":  "Accounts made the same afternoon; the practice manager was called back.",
			"why1":        "The accounts were not ready on the first day.",
			"why2":        "The requests were worked in turn with every other request.",
			"why3":        "Nothing marked a new-starter request as needing a date.",
			"why4":        "The request form has no start date and no lead time was agreed.",
			"root_cause":  "No agreed lead time for new-starter requests, and no start date on the form.", "cause_category": "process",
			"owner": "Priya Raman", "check_due": s.date(-4, 0), "checked_by": "Daniel Okafor", "checked_on": s.date(-4, 2),
			"check_result": "effective", "check_notes": "Eleven new starters in two months, all able to log in on their first day; the customer confirmed it at the service review.",
			"status": "closed"},
		{"title": demoNCFirewall, "source": "incident", "severity": "major", "raised_on": s.date(-5, 6),
			"description": "A firewall firmware update at Leeds failed and the office was off line for two hours; the change had no tested way back.",
			"correction":  "The previous firmware was restored from the vendor's site; service came back at 11:40.",
			"why1":        "The update failed and could not be undone quickly.",
			"why2":        "Nobody had tried the backout before the change.",
			"why3":        "The CAB approved the change without asking whether the backout was tested.",
			"root_cause":  "The change process asks for a backout plan but not for proof that it was tested.", "cause_category": "process",
			"owner": "Tomasz Nowak", "check_due": s.date(-1, 0), "checked_by": "Oliver Grant", "checked_on": s.date(-1, 3),
			"check_result": "ineffective", "check_notes": "Two normal changes in October went to the CAB with a backout plan nobody had tried; the CAB checked that a plan existed, not that it worked.",
			"status": "action"},
		{"title": demoNCBackups, "source": "objective", "severity": "minor", "raised_on": s.date(-5, 2),
			"description": "Successful backup jobs fell to 98.6 % against a target of 99 %: one customer's vault filled and its jobs failed for two nights.",
			"correction":  "Old restore points pruned and the jobs rerun the next morning.",
			"why1":        "The vault ran out of space.",
			"why2":        "Its growth went unnoticed.",
			"why3":        "No one was warned as it filled.",
			"root_cause":  "No warning before a backup vault runs out of space.", "cause_category": "technology",
			"owner": "Aisha Bello", "check_due": s.date(0, 10), "checked_by": "Oliver Grant",
			"earlier_checks": s.date(-2, 0) + " Not effective, checked by Oliver Grant: the capacity alert fired in August, but into a mailbox nobody reads, and the jobs failed again.",
			"status":         "check"},
		{"title": demoNCStratus, "source": "supplier", "severity": "minor", "raised_on": s.date(-1, -5),
			"description": "The contract asks Stratus for a report on every major incident; the report on the May storage fault came three weeks after it.",
			"correction":  "The report was chased and reviewed at the supplier review.",
			"why1":        "Stratus took three weeks to send the report.",
			"why2":        "The contract sets no deadline for it.",
			"root_cause":  "The contract asks for incident reports without saying by when.", "cause_category": "supplier",
			"owner": "Sofia Marchetti", "status": "action"},
		{"title": demoNCLaptops, "source": "other", "severity": "minor", "raised_on": s.date(0, -3),
			"description": "Two laptops handed to Aire Logistics were found at the stock check with no configuration record.",
			"owner":       "Tomasz Nowak", "status": "open"},
	}
}

func (s *demoRegisters) improvements() []demoRow {
	return []demoRow{
		{"title": demoIMPReset, "source": "Comments in the customer satisfaction survey", "priority": "high",
			"benefit":  "Staff at customers get back into their accounts at any hour without calling, and the desk has fewer calls to answer.",
			"decision": "approved", "decided_by": "Margaret Holloway", "decided_on": s.date(-2, 0), "owner": "Priya Raman", "due": s.date(1, 15),
			"status": "in_progress", "objectives": "Customer satisfaction; P2 incidents resolved within 8 hours"},
		{"title": demoIMPRota, "source": "P2 incidents resolved within 8 hours missed in the spring", "priority": "medium",
			"benefit":  "P2 incidents keep being fixed within 8 hours when people are on leave.",
			"decision": "approved", "decided_by": "Daniel Okafor", "decided_on": s.date(-8, 5), "owner": "Priya Raman", "due": s.date(-7, 0),
			"status": "done", "objectives": "P2 incidents resolved within 8 hours", "result": "achieved",
			"evaluation": "Since the rota began, no month has missed the 95 % target, through the summer holidays included."},
		{"title": demoIMPStarters, "source": "The corrective action of a complaint", "priority": "low", "nonconformity": demoNCStarters,
			"benefit":  "New starters' accounts are made the moment the request is approved, without typing them again.",
			"decision": "proposed", "owner": "Tomasz Nowak", "status": "open", "objectives": "Customer satisfaction"},
	}
}

// demoAction is one action raised against a record, by its register and
// title.
type demoAction struct {
	register, record, title, owner string
	due                            string
	done                           bool
}

// recordActions raises the corrective and improvement actions, once their
// records are stored.
func (s *demoRegisters) recordActions() error {
	actions := []demoAction{
		{NonconformitiesRegister, demoNCStarters, "Add a start date and a two-day lead time to the new-starter form", "Priya Raman", s.date(-6, 0), true},
		{NonconformitiesRegister, demoNCStarters, "Tell customers the new lead time in the monthly service report", "Daniel Okafor", s.date(-6, 10), true},
		{NonconformitiesRegister, demoNCFirewall, "Ask at every CAB whether each normal change has a backout plan", "Tomasz Nowak", s.date(-4, 0), true},
		{NonconformitiesRegister, demoNCFirewall, "Make a tried backout a required step of the change form, with who tried it", "Tomasz Nowak", s.date(0, 14), false},
		{NonconformitiesRegister, demoNCBackups, "Alert when a backup vault is 80 % full", "Aisha Bello", s.date(-4, 0), true},
		{NonconformitiesRegister, demoNCBackups, "Send capacity alerts to the service desk queue, not a mailbox", "Aisha Bello", s.date(-1, 0), true},
		{NonconformitiesRegister, demoNCStratus, "Agree with Stratus a report within five working days of a major incident", "Sofia Marchetti", s.date(0, 20), false},
		{ImprovementsRegister, demoIMPReset, "Pilot self-service reset with Calder Valley Solicitors", "Priya Raman", s.date(-1, 0), true},
		{ImprovementsRegister, demoIMPReset, "Roll self-service reset out to every customer", "Priya Raman", s.date(1, 10), false},
		{ImprovementsRegister, demoIMPRota, "Publish the paired leave rota and brief the desk", "Priya Raman", s.date(-8, 20), true},
	}
	actions = append(actions, s.auditActions()...)         // demo_audits.go
	actions = append(actions, s.certificationActions()...) // demo_certification.go
	for _, a := range actions {
		reg := s.regs[a.register]
		r, err := s.ws.Record(s.ctx, s.ids[a.register][a.record])
		if err != nil {
			return fmt.Errorf("seed demo actions: %w", err)
		}
		t := NewRecordAction(reg, r)
		t.Title, t.OwnerID = a.title, s.people[a.owner]
		if t.Due, err = time.Parse(DateLayout, a.due); err != nil {
			return fmt.Errorf("seed demo actions: %w", err)
		}
		if a.done {
			t.Status = TaskDone
		}
		if _, err := s.ws.SaveTask(s.ctx, t); err != nil {
			return fmt.Errorf("seed demo actions: %w", err)
		}
	}
	return nil
}
