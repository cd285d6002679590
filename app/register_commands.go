package app

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"smsbuilder/data"
	"smsbuilder/reports"
)

// registerCommands are the buttons a register has beyond those every
// register has, such as the audit programme; some act on the record
// selected.
type registerCommands struct {
	buttons  []fyne.CanvasObject
	onRecord []*widget.Button // enabled while a record is selected
	readOnly []bool           // of onRecord: it reads the record only, so works in a read-only workspace too
}

// selected enables the buttons that act on a record while one is, those
// that change something only while the workspace can be written.
func (c registerCommands) selected(ok, writable bool) {
	for i, b := range c.onRecord {
		if ok && (writable || c.readOnly[i]) {
			b.Enable()
		} else {
			b.Disable()
		}
	}
}

// ownCommands are the commands of v's register.
func ownCommands(v *registerView) registerCommands {
	var c registerCommands
	onRecord := func(label string, icon fyne.Resource, reads bool, do func(r data.Record)) {
		b := widget.NewButtonWithIcon(label, icon, func() {
			if r, ok := v.current(); ok {
				do(r)
			}
		})
		b.Disable()
		c.buttons = append(c.buttons, b)
		c.onRecord = append(c.onRecord, b)
		c.readOnly = append(c.readOnly, reads)
	}
	switch v.reg.Key {
	case data.AuditsRegister:
		programme := widget.NewButtonWithIcon(lang.L("Programme…"), theme.GridIcon(), func() { showAuditProgramme(v.env, v.names, v.reg, v.reload) })
		c.buttons = append(c.buttons, programme)
		onRecord(lang.L("Conduct audit…"), theme.ListIcon(), false, func(r data.Record) { showAuditConduct(v.env, v.names, v.reg, r, v.reload) })
		onRecord(lang.L("Print report…"), theme.DocumentPrintIcon(), true, func(r data.Record) {
			printPack(v.env, packAudit, v.reg.Reference(r.Number), reports.Options{Audit: v.reg.Reference(r.Number)})
		})
	case data.ExternalAuditsRegister:
		onRecord(lang.L("Record finding…"), theme.ContentAddIcon(), false, func(r data.Record) { recordExternalFinding(v.env, v.names, r, v.reload) })
	case data.ExternalFindingsRegister:
		onRecord(lang.L("Raise nonconformity…"), theme.WarningIcon(), false, func(r data.Record) { raiseExternalNonconformity(v.env, v.names, r, v.reload) })
	case data.FindingsRegister:
		onRecord(lang.L("Raise nonconformity…"), theme.WarningIcon(), false, func(r data.Record) { raiseNonconformity(v.env, v.names, r, v.reload) })
	}
	return c
}

// raiseNonconformity opens the nonconformity raised from finding: the one
// raised already, or a new one saved from what the finding says.
func raiseNonconformity(e *env, names *recordNames, finding data.Record, done func()) {
	ncs, ok := names.regs[data.NonconformitiesRegister]
	audits, ok2 := names.regs[data.AuditsRegister]
	if !ok || !ok2 {
		return
	}
	if !data.RaisesNonconformity(finding) {
		dialog.ShowInformation(lang.L("Raise nonconformity"),
			lang.L("Only a finding graded as a minor or major nonconformity raises a nonconformity. Grade the finding first."), e.win)
		return
	}
	links, err := e.ws.LinksTo(e.ctx(), finding.ID)
	if err != nil {
		e.showErr(err)
		return
	}
	if i := slices.IndexFunc(links, func(l data.RecordRef) bool { return l.Register == data.NonconformitiesRegister }); i >= 0 {
		openNonconformity(e, names, ncs, links[i].ID, done)
		return
	}
	audit, ok := auditOf(e, finding)
	if !ok {
		return
	}
	nc, err := data.NonconformityFromFinding(e.cat, audits, audit, finding, e.now())
	if err == nil {
		nc, err = e.ws.SaveRecord(e.ctx(), nc)
	}
	if err != nil {
		e.showErr(err)
		return
	}
	showRaised(e, names, ncs, nc, done)
}

// openNonconformity opens the form of the nonconformity id.
func openNonconformity(e *env, names *recordNames, ncs data.Register, id int64, done func()) {
	nc, err := e.ws.Record(e.ctx(), id)
	if err != nil {
		e.showErr(err)
		return
	}
	openRecordForm(e, names, ncs, nc, func(data.Record) { done() })
}

// auditOf reads the audit a finding belongs to; false when it has none or
// it could not be read, which is shown.
func auditOf(e *env, finding data.Record) (data.Record, bool) {
	ids := finding.IDs("audit")
	if len(ids) == 0 {
		return data.Record{}, false
	}
	audit, err := e.ws.Record(e.ctx(), ids[0])
	if err != nil {
		e.showErr(err)
		return data.Record{}, false
	}
	return audit, true
}

// showRaised follows a newly raised nonconformity with its tasks, shows
// the register again and opens the nonconformity's form.
func showRaised(e *env, names *recordNames, ncs data.Register, nc data.Record, done func()) {
	followTasks(e, nc.ID)
	names.forget()
	done()
	openRecordForm(e, names, ncs, nc, func(data.Record) { done() })
}

// recordExternalFinding opens a new finding of audit, its deadlines
// counted from the day the audit was held.
func recordExternalFinding(e *env, names *recordNames, audit data.Record, done func()) {
	findings, ok := names.regs[data.ExternalFindingsRegister]
	if !ok {
		return
	}
	org, err := e.ws.Organisation(e.ctx())
	if err != nil {
		e.showErr(err)
		return
	}
	openRecordForm(e, names, findings, data.NewExternalFinding(audit, org, e.now()), func(data.Record) {
		names.forget()
		done()
	})
}

// raiseExternalNonconformity opens the nonconformity of a certification
// finding: the one it links to already, or a new one saved from what the
// finding says and linked to it.
func raiseExternalNonconformity(e *env, names *recordNames, finding data.Record, done func()) {
	ncs, ok := names.regs[data.NonconformitiesRegister]
	audits, ok2 := names.regs[data.ExternalAuditsRegister]
	if !ok || !ok2 {
		return
	}
	if ids := finding.IDs("nonconformity"); len(ids) > 0 {
		openNonconformity(e, names, ncs, ids[0], done)
		return
	}
	audit, ok := auditOf(e, finding)
	if !ok {
		return
	}
	nc, err := data.NonconformityFromExternalFinding(audits, audit, finding, e.now())
	if err != nil {
		dialog.ShowInformation(lang.L("Raise nonconformity"),
			lang.L("Only a finding graded as a minor or major nonconformity raises a nonconformity. Grade the finding first."), e.win)
		return
	}
	if nc, err = e.ws.SaveRecord(e.ctx(), nc); err != nil {
		e.showErr(err)
		return
	}
	linked := finding.Clone()
	linked.Set("nonconformity", data.FormatIDs([]int64{nc.ID}))
	if _, err := e.ws.SaveRecord(e.ctx(), linked); err != nil {
		e.showErr(err)
		return
	}
	showRaised(e, names, ncs, nc, done)
}
