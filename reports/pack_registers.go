package reports

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"smsbuilder/data"
)

const (
	registersTitle     = "Registers of the service management system"
	registersDocNumber = "SMS-PK-05"
	// registerPackID prints the one register Options.Register names.
	registerPackID = "register"
)

// RegisterRecords is one register with its records, in the register's
// own order.
type RegisterRecords struct {
	Register data.Register
	Records  []data.Record
}

// loadRegisters reads every register with all its records.
func loadRegisters(ctx context.Context, rs data.RegisterService, whole func(data.Register) bool) ([]RegisterRecords, error) {
	regs, err := rs.Registers(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]RegisterRecords, 0, len(regs))
	for _, reg := range regs {
		page, err := rs.Records(ctx, data.RecordQuery{Register: reg.Key})
		if err != nil {
			return nil, fmt.Errorf("records of %s: %w", reg.Key, err)
		}
		recs := page.Records
		if !whole(reg) {
			recs = nil // a new slice, so that the page's records can go
			for _, r := range page.Records {
				if len(r.Unreadable) > 0 {
					recs = append(recs, r)
				}
			}
		}
		out = append(out, RegisterRecords{Register: reg, Records: recs})
	}
	return out, nil
}

// printedRegisters tells which registers pack id prints, or reads to
// print something else: none for the packs of documents, the gap
// assessment and the roadmap; all for the others. Even one register reads
// others (the improvements print beside the measurements of the
// objectives they serve), and a pack added later may too.
func printedRegisters(id string) func(data.Register) bool {
	switch id {
	case "scope", "gap", "roadmap", "manual", documentPackID:
		return func(data.Register) bool { return false }
	}
	return func(data.Register) bool { return true }
}

// registersPack is every register, one section each, on landscape pages:
// the records an auditor samples, as the workspace holds them today.
func registersPack(env packEnv) (*packSpec, error) {
	if len(env.src.Registers) == 0 {
		return nil, data.Errorf(data.EInvalid, "This workspace keeps no registers yet.")
	}
	spec := &packSpec{
		title:     registersTitle,
		subtitle:  "The records the service management system keeps, register by register, as they stand on " + env.date,
		docNumber: registersDocNumber,
		version:   "1.0",
		landscape: true,
	}
	total := 0
	for _, rr := range env.src.Registers {
		total += len(rr.Records)
	}
	spec.control = []ControlRow{{Number: registersDocNumber, Title: registersTitle, Version: spec.version,
		Status: env.status, Date: env.date, Owner: namesWithRole(env.src.People, data.RoleSMSOwner),
		Approver: namesWithRole(env.src.People, data.RoleTopManagement)}}
	spec.controlIntro = "This pack was printed from the SMS Builder workspace of " + packOrg(env) + " on " + env.date +
		". It holds " + data.CountText(len(env.src.Registers), "register", "registers") + " with " + data.CountText(total, "record", "records") +
		" in all. A register is a record, not a controlled document: it changes as the work goes on, and this copy shows it as it stood when printed."
	names := recordNames(env.src)
	for _, rr := range env.src.Registers {
		rr := rr
		spec.sections = append(spec.sections, section{number: rr.Register.Prefix, title: rr.Register.Title,
			render: func(d *doc) error { return registerSection(d, rr, names, env) }})
	}
	return spec, nil
}

// registerPack is one register, chosen by Options.Register: on landscape
// pages when its columns would crowd a portrait one.
func registerPack(env packEnv) (*packSpec, error) {
	key := strings.TrimSpace(env.opts.Register)
	if key == "" {
		return nil, data.Errorf(data.EInvalid, "Choose the register to print by its key, such as risks.")
	}
	var rr RegisterRecords
	found := false
	for _, r := range env.src.Registers {
		if r.Register.Key == key {
			rr, found = r, true
		}
	}
	if !found {
		return nil, data.Errorf(data.ENotFound, "There is no register called %q; the registers are: %s.", key, registerKeys(env.src.Registers))
	}
	reg := rr.Register
	number := "SMS-REG-" + reg.Prefix
	spec := &packSpec{
		title:     reg.Title,
		subtitle:  strings.TrimSpace("A register of the service management system for ISO/IEC 20000-1:2018 "+clauseList(reg.Clauses)) + ", as it stands on " + env.date,
		docNumber: number,
		version:   "1.0",
		landscape: len(reg.Columns()) > portraitColumns,
	}
	spec.control = []ControlRow{{Number: number, Title: reg.Title, Version: spec.version, Status: env.status, Date: env.date,
		Owner: namesWithRole(env.src.People, data.RoleSMSOwner), Approver: namesWithRole(env.src.People, data.RoleTopManagement)}}
	spec.controlAsList = true
	spec.controlIntro = "This copy was printed from the SMS Builder workspace of " + packOrg(env) + " on " + env.date +
		". It holds " + reg.Count(len(rr.Records)) +
		". A register is a record, not a controlled document: this copy shows it as it stood when printed."
	names := recordNames(env.src)
	spec.sections = []section{{number: reg.Prefix, title: reg.Title, render: func(d *doc) error { return registerSection(d, rr, names, env) }}}
	return spec, nil
}

// portraitColumns is how many columns a register may have and still print
// upright.
const portraitColumns = 6

func packOrg(env packEnv) string {
	return firstNonEmpty(strings.TrimSpace(env.src.Org.LegalName), env.src.Org.Name(), "the organisation")
}

func registerKeys(regs []RegisterRecords) string {
	keys := make([]string, len(regs))
	for i, r := range regs {
		keys[i] = r.Register.Key
	}
	return strings.Join(keys, ", ")
}

// recordNames turns the IDs of people and linked records into what a
// reader knows them by: a name, a reference.
func recordNames(src Source) func(f data.Field, id int64) string {
	people := map[int64]string{}
	for _, p := range src.People {
		people[p.ID] = p.Name
	}
	refs := map[int64]string{}
	for _, rr := range src.Registers {
		for _, r := range rr.Records {
			refs[r.ID] = rr.Register.Reference(r.Number)
		}
	}
	return func(f data.Field, id int64) string {
		if f.Type == data.FieldPerson {
			if n, ok := people[id]; ok {
				return n
			}
			return notRecorded
		}
		if ref, ok := refs[id]; ok {
			return ref
		}
		return "#" + strconv.FormatInt(id, 10)
	}
}

// registerSection prints a register: what it is for, then its records as
// a table, and what is special to it (the risks' heat map, the
// nonconformities' repeated causes).
func registerSection(d *doc, rr RegisterRecords, names func(data.Field, int64) string, env packEnv) error {
	reg := rr.Register
	intro := reg.Help
	if len(reg.Clauses) > 0 {
		intro += " It serves ISO/IEC 20000-1:2018 " + clauseList(reg.Clauses) + "."
	}
	d.paragraph(strings.TrimSpace(intro), 0)
	if len(rr.Records) == 0 {
		d.paragraph("No "+strings.ToLower(reg.One)+" is recorded yet.", stMuted|stItalic)
		return nil
	}
	switch reg.Key {
	case "risks":
		riskHeatMap(d, rr)
	case "measurements":
		objectiveCharts(d, env.src)
	}
	d.paragraph(reg.Count(len(rr.Records))+" recorded.", stMuted)
	cols := reg.TableColumns()
	if left := len(reg.Columns()) - len(cols); left > 0 {
		d.paragraph("The table shows the fields an auditor samples first; "+data.CountText(left, "other field", "other fields")+
			" of each "+strings.ToLower(reg.One)+" are kept in the workspace and in the register's export.", stMuted)
	}
	t := table{header: []cell{{{text: "Ref"}}}, size: sizeSmall}
	weights := []float64{0}
	for _, f := range cols {
		w := 0.0
		switch {
		case f.Wide:
			w = 2
		case f.Type == data.FieldLongText:
			w = 1.5
		}
		weights = append(weights, w)
		label := f.Label
		if w == 0 {
			// a header of several words stacks them, so that a column of
			// short values stays as narrow as its values
			label = strings.Join(strings.Fields(label), "\n")
		}
		t.header = append(t.header, cell{{text: label}})
	}
	for _, r := range rr.Records {
		if err := d.ctx.Err(); err != nil {
			return err
		}
		row := []cell{{{text: reg.Reference(r.Number), st: stBold}}}
		for _, f := range cols {
			v := f.Display(r.Get(f.Key), env.opts.DateFormat, names)
			if r.Unreadable.Has(f.Key) {
				v = data.UnreadableText
			}
			row = append(row, dashCell(v))
		}
		t.rows = append(t.rows, row)
	}
	if !d.tooWide(len(t.header)) {
		t.fixed = d.fitColumns(t, weights, 0.16)
	}
	d.table(t)
	if reg.Actions != "" {
		recordActionsTable(d, rr, names, env) // register_improve.go
	}
	switch reg.Key {
	case data.NonconformitiesRegister:
		effectivenessChecks(d, rr, names, env)
		repeatedCauses(d, rr)
	case data.ImprovementsRegister:
		improvementEvaluations(d, rr, env)
	}
	return nil
}
