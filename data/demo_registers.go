package data

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
)

// seedDemoRegisters fills every register with Northwind's records, linked
// to one another, dated around now, and then makes the tasks the records
// ask for. The rows name people and linked records by name and title, so
// that they read like the spreadsheets a firm keeps; they are resolved to
// IDs here.
func seedDemoRegisters(ctx context.Context, ws Workspace, now time.Time) error {
	s, err := newDemoRegisters(ctx, ws, now)
	if err != nil {
		return err
	}
	steps := []struct {
		register string
		rows     func() []demoRow
	}{
		{"customers", s.customers},
		{"suppliers", s.suppliers},
		{"services", s.services},
		{"assets", s.assets},
		{"slas", s.slas},
		{"issues", s.issues},
		{"objectives", s.objectives},
		{"parties", s.parties},
		{"risks", s.risks},
		{"measurements", s.measurements},
		{"training", s.training},
		{"communications", s.communications},
		{"audits", s.audits},
		{"findings", s.findings},
		{"nonconformities", s.auditNonconformities},
		{"nonconformities", s.nonconformities},
		{"improvements", s.improvements},
		{"reviews", s.reviews},
		{"bodies", s.bodies},
		{"external_audits", s.externalAudits},
		{"nonconformities", s.certificationNonconformities},
		{"external_findings", s.externalFindings},
	}
	for _, st := range steps {
		if err := s.save(st.register, st.rows()); err != nil {
			return err
		}
	}
	// the links to records saved after, once both sides exist; each link
	// is kept on one side only (a supplier names its services, an item its
	// services), so the two can never disagree
	if err := s.update("services", map[string]demoRow{
		"Cloud Hosting": {"depends_on": demoBackup},
	}); err != nil {
		return err
	}
	if err := s.update("assets", map[string]demoRow{
		"Backup vault – UK West":  {"related": "Hosting cluster – UK South"},
		"Backup software licence": {"related": "Backup vault – UK West"},
		"Leeds firewall pair":     {"related": "Leeds leased line"},
	}); err != nil {
		return err
	}
	if err := s.update("suppliers", map[string]demoRow{
		"Stratus Cloud Services Ltd":     {"services": "Cloud Hosting; Backup and Recovery"},
		"Peak Hardware Distribution Ltd": {"services": "Managed Desktop Support"},
		"Pennine Telecom plc":            {"services": "Managed Desktop Support; Cloud Hosting; Backup and Recovery"},
	}); err != nil {
		return err
	}
	if err := s.recordActions(); err != nil {
		return err
	}
	if err := s.holdDemoReviews(); err != nil {
		return err
	}
	if _, err := SyncRecordTasks(ctx, ws); err != nil {
		return fmt.Errorf("seed demo register tasks: %w", err)
	}
	return nil
}

// demoRow is one record as a person would write it: choices by key,
// people by name, links by the titles of the records, "; " between them.
type demoRow map[string]string

type demoRegisters struct {
	ctx    context.Context
	ws     Workspace
	regs   map[string]Register
	people map[string]int64            // by name
	ids    map[string]map[string]int64 // register, then title
	today  time.Time
}

func newDemoRegisters(ctx context.Context, ws Workspace, now time.Time) (*demoRegisters, error) {
	s := &demoRegisters{ctx: ctx, ws: ws, regs: map[string]Register{}, people: map[string]int64{}, ids: map[string]map[string]int64{},
		today: time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)}
	regs, err := ws.Registers(ctx)
	if err != nil {
		return nil, fmt.Errorf("seed demo registers: %w", err)
	}
	for _, r := range regs {
		s.regs[r.Key] = r
	}
	people, err := ws.People(ctx)
	if err != nil {
		return nil, fmt.Errorf("seed demo registers: %w", err)
	}
	for _, p := range people {
		s.people[p.Name] = p.ID
	}
	return s, nil
}

// date is the day months and days from today.
func (s *demoRegisters) date(months, days int) string {
	return s.today.AddDate(0, months, days).Format(DateLayout)
}

// record fills r from row.
func (s *demoRegisters) record(reg Register, r Record, row demoRow) (Record, error) {
	for key, v := range row {
		f, ok := reg.Field(key)
		if !ok {
			return r, fmt.Errorf("demo %s: no field %s", reg.Key, key)
		}
		switch f.Type {
		case FieldPerson:
			id, ok := s.people[v]
			if !ok {
				return r, fmt.Errorf("demo %s: nobody called %s", reg.Key, v)
			}
			v = FormatIDs([]int64{id})
		case FieldLink:
			var ids []int64
			for _, t := range strings.Split(v, "; ") {
				id, ok := s.ids[f.Link][t]
				if !ok {
					return r, fmt.Errorf("demo %s: no %s called %q", reg.Key, f.Link, t)
				}
				ids = append(ids, id)
			}
			v = FormatIDs(ids)
		}
		r.Set(key, v)
	}
	return r, nil
}

// save adds rows to register, all in one go.
func (s *demoRegisters) save(register string, rows []demoRow) error {
	reg := s.regs[register]
	recs := make([]Record, 0, len(rows))
	for _, row := range rows {
		r, err := s.record(reg, NewRecord(reg), row)
		if err != nil {
			return err
		}
		recs = append(recs, r)
	}
	if _, err := s.ws.SaveRecords(s.ctx, register, recs); err != nil {
		return fmt.Errorf("seed demo %s: %w", register, err)
	}
	refs, err := s.ws.RecordRefs(s.ctx, register)
	if err != nil {
		return fmt.Errorf("seed demo %s: %w", register, err)
	}
	s.ids[register] = map[string]int64{}
	for _, ref := range refs {
		s.ids[register][ref.Title] = ref.ID
	}
	return nil
}

// update sets more values on records saved already, by title.
func (s *demoRegisters) update(register string, rows map[string]demoRow) error {
	reg := s.regs[register]
	var recs []Record
	titles := make([]string, 0, len(rows))
	for t := range rows {
		titles = append(titles, t)
	}
	slices.Sort(titles)
	for _, ref := range titles {
		old, err := s.ws.Record(s.ctx, s.ids[register][ref])
		if err != nil {
			return fmt.Errorf("seed demo %s: %w", register, err)
		}
		r, err := s.record(reg, old.Clone(), rows[ref])
		if err != nil {
			return err
		}
		recs = append(recs, r)
	}
	if _, err := s.ws.SaveRecords(s.ctx, register, recs); err != nil {
		return fmt.Errorf("seed demo %s: %w", register, err)
	}
	return nil
}
