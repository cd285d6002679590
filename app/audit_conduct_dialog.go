package app

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"smsbuilder/data"
)

// auditConductDialog is an audit's checklist: for each clause of its
// scope what to look at (the organisation's documents and registers for
// it) and the auditor's grade, notes and evidence seen, saved as the
// audit's findings. Opening it again shows the findings saved.
type auditConductDialog struct {
	env     *env
	names   *recordNames
	reg     data.Register
	audit   data.Record
	changed func()
	items   []data.ChecklistItem
	rows    []checklistRow
}

// checklistRow is the widgets of one item.
type checklistRow struct {
	grade    *widget.Select
	notes    *textField
	evidence *textField
}

// noGrade is the grade chooser's first option: the clause is not yet
// audited.
func noGrade() string { return lang.L("Not yet audited") }

func showAuditConduct(e *env, names *recordNames, reg data.Register, audit data.Record, changed func()) {
	d := &auditConductDialog{env: e, names: names, reg: reg, audit: audit, changed: changed}
	if err := d.read(); err != nil {
		e.showErr(err)
		return
	}
	title := fmt.Sprintf(lang.L("Conduct %s"), names.ref(reg, audit).Text())
	body := scrollUpTo(d.content(), formHeight(e.win))
	showRecordDialog(e.win, title, lang.L("Save findings"), body, 760, true, nil, d.onSave, nil)
}

// read builds the checklist from the scope, the documents, the registers
// and the findings stored now.
func (d *auditConductDialog) read() error {
	ctx := d.env.ctx()
	docs, err := d.env.ws.Documents(ctx)
	if err != nil {
		return err
	}
	findings, err := d.env.ws.Records(ctx, data.RecordQuery{Register: data.FindingsRegister})
	if err != nil {
		return err
	}
	regs, err := d.env.ws.Registers(ctx)
	if err != nil {
		return err
	}
	var counts []data.RegisterCount
	for _, reg := range regs {
		if reg.Key == data.TasksRegister {
			continue
		}
		page, err := d.env.ws.Records(ctx, data.RecordQuery{Register: reg.Key, Limit: 1})
		if err != nil {
			return err
		}
		counts = append(counts, data.RegisterCount{Register: reg, Records: page.Total})
	}
	d.items, err = data.BuildChecklist(d.env.cat, data.ChecklistInput{Audit: d.audit, Documents: docs, Registers: counts, Findings: findings.Records})
	return err
}

func (d *auditConductDialog) content() fyne.CanvasObject {
	grades := data.FindingGrades()
	options := []string{noGrade()}
	for _, g := range grades {
		options = append(options, g.Label)
	}
	box := container.NewVBox(wrapLabel(lang.L("For each clause in scope, look at the documents and records listed, then grade what you found. Clauses left not yet audited and empty are not saved. " +
		"Once the audit is done, fill in on the audit the day it was held, the summary and the conclusions; the lead auditor approves the report by filling in the day it was approved.")))
	d.rows = make([]checklistRow, len(d.items))
	for i, item := range d.items {
		row := checklistRow{grade: widget.NewSelect(options, nil), notes: newMultiLineField(), evidence: newMultiLineField()}
		// what was found and seen runs to sentences: wrapped, not scrolled sideways
		row.notes.Wrapping, row.evidence.Wrapping = fyne.TextWrapWord, fyne.TextWrapWord
		row.evidence.SetMinRowsVisible(2)
		row.grade.SetSelected(noGrade())
		for _, g := range grades {
			if g.Key == item.Finding.Get("grade") {
				row.grade.SetSelected(g.Label)
			}
		}
		row.notes.SetText(item.Finding.Get("notes"))
		row.notes.PlaceHolder = lang.L("What was found")
		row.evidence.SetText(item.Finding.Get("evidence"))
		row.evidence.PlaceHolder = lang.L("Evidence seen: records, documents, interviews")
		d.rows[i] = row
		index := i
		raise := widget.NewButtonWithIcon(lang.L("Raise nonconformity…"), theme.WarningIcon(), func() { d.onRaise(index) })
		raise.Hide()
		showRaise := func(label string) {
			f := data.Record{Values: map[string]string{}}
			for _, g := range grades {
				if g.Label == label {
					f.Set("grade", g.Key)
				}
			}
			if data.RaisesNonconformity(f) {
				raise.Show()
			} else {
				raise.Hide()
			}
		}
		row.grade.OnChanged = showRaise
		showRaise(row.grade.Selected)

		box.Add(widget.NewSeparator())
		box.Add(widget.NewLabelWithStyle(item.Clause.Number+" "+item.Clause.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		box.Add(wrapLabel(checklistLookAt(item)))
		box.Add(container.NewBorder(nil, nil, widget.NewLabel(lang.L("Grade")), raise, row.grade))
		box.Add(row.notes)
		box.Add(row.evidence)
	}
	return box
}

// checklistLookAt says what the auditor should look at for an item.
func checklistLookAt(item data.ChecklistItem) string {
	var docs, regs []string
	for _, doc := range item.Documents {
		docs = append(docs, doc.Number+" "+doc.Title)
	}
	for _, r := range item.Registers {
		regs = append(regs, r.Text())
	}
	switch {
	case len(docs) == 0 && len(regs) == 0:
		return lang.L("No document or register of the workspace addresses this clause yet: ask how it is met, and look for the evidence.")
	case len(regs) == 0:
		return lang.L("Look at:") + " " + strings.Join(docs, "; ")
	case len(docs) == 0:
		return lang.L("Look at:") + " " + strings.Join(regs, "; ")
	}
	return lang.L("Look at:") + " " + strings.Join(docs, "; ") + "; " + strings.Join(regs, "; ")
}

// collect puts what the rows hold into the items' findings.
func (d *auditConductDialog) collect() {
	for i, row := range d.rows {
		f := &d.items[i].Finding
		f.Set("grade", "")
		for _, g := range data.FindingGrades() {
			if g.Label == row.grade.Selected {
				f.Set("grade", g.Key)
			}
		}
		f.Set("notes", strings.TrimSpace(row.notes.Text))
		f.Set("evidence", strings.TrimSpace(row.evidence.Text))
	}
}

// save stores the findings and reads the checklist back, so that what is
// saved again updates them.
func (d *auditConductDialog) save() error {
	d.collect()
	findings := data.ChecklistFindings(d.items)
	if len(findings) > 0 {
		if _, err := d.env.ws.SaveRecords(d.env.ctx(), data.FindingsRegister, findings); err != nil {
			return err
		}
	}
	if err := d.markInProgress(); err != nil {
		return err
	}
	d.names.forget()
	d.changed()
	return d.read()
}

// markInProgress moves a planned audit on once findings are recorded
// against it: the register then shows it under way.
func (d *auditConductDialog) markInProgress() error {
	now, err := d.env.ws.Record(d.env.ctx(), d.audit.ID)
	if err != nil || now.Get("status") != "planned" || !slices.ContainsFunc(d.items, data.ChecklistItem.Recorded) {
		return err
	}
	now.Set("status", "in_progress")
	d.audit, err = d.env.ws.SaveRecord(d.env.ctx(), now)
	return err
}

func (d *auditConductDialog) onSave() error { return d.save() }

// onRaise saves the findings, then raises the nonconformity of item i's
// finding and opens it.
func (d *auditConductDialog) onRaise(i int) {
	clause := d.items[i].Clause.Number
	if err := d.save(); err != nil {
		d.env.showErr(err)
		return
	}
	for _, item := range d.items {
		if item.Clause.Number == clause && item.Finding.ID != 0 {
			raiseNonconformity(d.env, d.names, item.Finding, d.changed)
			return
		}
	}
}
