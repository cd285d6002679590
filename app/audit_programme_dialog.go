package app

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"smsbuilder/data"
)

// auditProgrammeDialog shows the audit programme: the audits of each
// year, which clauses and processes they reach, and what still needs an
// audit, each gap with a button that plans one.
type auditProgrammeDialog struct {
	env     *env
	names   *recordNames
	reg     data.Register
	changed func() // the register's table, after an audit was planned
	p       data.Programme
	tabs    *container.AppTabs
	dlg     *dialog.CustomDialog
}

func showAuditProgramme(e *env, names *recordNames, reg data.Register, changed func()) {
	d := &auditProgrammeDialog{env: e, names: names, reg: reg, changed: changed, tabs: container.NewAppTabs()}
	if err := d.read(); err != nil {
		e.showErr(err)
		return
	}
	d.fill()
	d.dlg = dialog.NewCustom(lang.L("Audit programme"), lang.L("Close"), d.tabs, e.win)
	size := e.win.Canvas().Size()
	d.dlg.Resize(fyne.NewSize(min(900, size.Width-40), max(420, size.Height-80)))
	d.dlg.Show()
}

// read builds the programme from the audits and findings stored now.
func (d *auditProgrammeDialog) read() error {
	ctx := d.env.ctx()
	audits, err := d.env.ws.Records(ctx, data.RecordQuery{Register: data.AuditsRegister})
	if err != nil {
		return err
	}
	findings, err := d.env.ws.Records(ctx, data.RecordQuery{Register: data.FindingsRegister})
	if err != nil {
		return err
	}
	d.p = data.BuildProgramme(d.env.cat, data.ProgrammeInput{Audits: d.reg, Records: audits.Records, Findings: findings.Records, Today: d.env.now()})
	return nil
}

// fill shows the programme in the tabs, keeping the tab on show.
func (d *auditProgrammeDialog) fill() {
	at := max(d.tabs.SelectedIndex(), 0)
	gaps := d.p.Gaps()
	d.tabs.SetItems([]*container.TabItem{
		container.NewTabItem(lang.L("By year"), container.NewVScroll(d.years())),
		container.NewTabItem(lang.L("Clauses 4–10"), container.NewVScroll(d.matrix(lang.L("Clause"), d.p.Clauses))),
		container.NewTabItem(lang.L("Processes"), container.NewVScroll(d.matrix(lang.L("Process"), d.p.Processes))),
		container.NewTabItem(fmt.Sprintf(lang.L("To plan (%d)"), len(gaps)), container.NewVScroll(d.gaps(gaps))),
	})
	d.tabs.SelectIndex(at)
}

func (d *auditProgrammeDialog) years() fyne.CanvasObject {
	covered := func(lines []data.CoverageLine) int {
		n := 0
		for _, l := range lines {
			if l.Coverage == data.Covered {
				n++
			}
		}
		return n
	}
	box := container.NewVBox(wrapLabel(fmt.Sprintf(lang.L("From %s to %s: %d of %d clauses and %d of %d processes covered."),
		d.env.dates.Format(d.p.From), d.env.dates.Format(d.p.To.AddDate(0, 0, -1)),
		covered(d.p.Clauses), len(d.p.Clauses), covered(d.p.Processes), len(d.p.Processes))))
	status, _ := d.reg.Field("status")
	for _, y := range d.p.Years {
		box.Add(widget.NewLabelWithStyle(fmt.Sprintf(lang.L("Year %d: %s – %s"), y.Number, d.env.dates.Format(y.From), d.env.dates.Format(y.To.AddDate(0, 0, -1))),
			fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		if len(y.Audits) == 0 {
			l := widget.NewLabel(lang.L("No audit is planned in this year."))
			l.Importance = widget.DangerImportance
			box.Add(l)
		}
		for _, a := range y.Audits {
			when := d.env.dates.Format(a.Date)
			if a.Held {
				when = fmt.Sprintf(lang.L("held %s"), when)
			}
			scope := a.Record.Get("clauses")
			if a.ScopeProblem != "" {
				scope = a.ScopeProblem
			}
			audit := a.Record
			open := widget.NewButtonWithIcon("", theme.NavigateNextIcon(), func() { d.onOpen(audit) })
			open.Importance = widget.LowImportance
			line := wrapLabel(fmt.Sprintf("%s %s — %s — %s — %s", a.Reference, a.Title, scope, when, status.Display(a.Record.Get("status"), d.env.dates, nil)))
			box.Add(container.NewBorder(nil, nil, nil, open, line))
		}
	}
	for _, a := range d.p.Unplaced {
		box.Add(wrapLabel(fmt.Sprintf(lang.L("%s %s falls outside the programme, on %s."), a.Reference, a.Title, d.env.dates.Format(a.Date))))
	}
	return box
}

// matrix lists clauses or processes with a mark for each year and their
// coverage; what is not covered says so in the danger colour.
func (d *auditProgrammeDialog) matrix(first string, lines []data.CoverageLine) fyne.CanvasObject {
	cols := []fyne.CanvasObject{widget.NewLabelWithStyle(first, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})}
	for _, y := range d.p.Years {
		cols = append(cols, widget.NewLabelWithStyle(fmt.Sprintf(lang.L("Year %d"), y.Number), fyne.TextAlignCenter, fyne.TextStyle{Bold: true}))
	}
	cols = append(cols, widget.NewLabelWithStyle(lang.L("Coverage"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	box := container.NewVBox(programmeRow(cols))
	for _, l := range lines {
		title := l.Clause.Number + " " + l.Clause.Title
		if l.Yearly {
			title += " · " + lang.L("every year")
		}
		row := []fyne.CanvasObject{wrapLabel(title)}
		for i, ok := range l.ByYear {
			mark := widget.NewLabel("–")
			switch {
			case ok:
				mark.SetText("✓")
				mark.Importance = widget.SuccessImportance
			case slices.Contains(l.DueYears, i+1):
				mark.SetText(lang.L("Due"))
				mark.Importance = widget.DangerImportance
			}
			mark.Alignment = fyne.TextAlignCenter
			row = append(row, mark)
		}
		cov := widget.NewLabel(coverageLabel(l.Coverage))
		cov.Wrapping = fyne.TextWrapWord
		if l.Coverage != data.Covered {
			cov.Importance = widget.DangerImportance
			cov.TextStyle.Bold = true
		}
		if len(l.Audits) > 0 {
			cov.SetText(cov.Text + " (" + strings.Join(l.Audits, ", ") + ")")
		}
		row = append(row, cov)
		box.Add(programmeRow(row))
	}
	return box
}

// programmeRow lays a title, the year marks and the coverage side by side.
func programmeRow(cells []fyne.CanvasObject) fyne.CanvasObject {
	title, marks, cov := cells[0], cells[1:len(cells)-1], cells[len(cells)-1]
	var fixed []fyne.CanvasObject
	for _, m := range marks {
		fixed = append(fixed, fixedWidth(64, m))
	}
	fixed = append(fixed, fixedWidth(240, cov))
	return container.NewBorder(nil, nil, nil, container.NewHBox(fixed...), title)
}

func coverageLabel(c data.Coverage) string {
	switch c {
	case data.Covered:
		return lang.L("Covered")
	case data.PartlyCovered:
		return lang.L("Partly covered")
	}
	return lang.L("Not covered")
}

// gaps lists what still needs an audit, each with a button that plans one.
func (d *auditProgrammeDialog) gaps(gaps []data.CoverageLine) fyne.CanvasObject {
	if len(gaps) == 0 {
		return wrapLabel(lang.L("Nothing to plan: every clause and every process is audited within the programme, the yearly ones every year."))
	}
	box := container.NewVBox(wrapLabel(lang.L("These clauses and processes still need an audit. Plan one from here; the audit form opens with the clause filled in.")))
	for _, l := range gaps {
		line := l
		b := widget.NewButtonWithIcon(lang.L("Plan audit…"), theme.ContentAddIcon(), func() { d.onPlan(line) })
		if d.env.ws.ReadOnly() {
			b.Disable()
		}
		text := wrapLabel(line.Clause.Number + " " + line.Clause.Title + ": " + needText(line))
		box.Add(container.NewBorder(nil, nil, nil, b, text))
	}
	return box
}

// needText is what a clause or process still needs, in the GUI's words.
func needText(l data.CoverageLine) string {
	var parts []string
	switch l.Coverage {
	case data.Uncovered:
		parts = append(parts, lang.L("not in the scope of any audit"))
	case data.PartlyCovered:
		parts = append(parts, fmt.Sprintf(lang.L("no audit covers %s"), strings.Join(l.Missing, ", ")))
	}
	if len(l.DueYears) > 0 {
		years := make([]string, len(l.DueYears))
		for i, y := range l.DueYears {
			years[i] = strconv.Itoa(y)
		}
		parts = append(parts, fmt.Sprintf(lang.L("audited every year, but none is planned in year %s"), strings.Join(years, ", ")))
	}
	return strings.Join(parts, "; ")
}

// onOpen edits an audit of the programme; saving it shows the programme
// again.
func (d *auditProgrammeDialog) onOpen(audit data.Record) {
	openRecordForm(d.env, d.names, d.reg, audit, d.saved)
}

// saved shows the programme again after an audit of it was saved.
func (d *auditProgrammeDialog) saved(data.Record) {
	d.changed()
	if err := d.read(); err != nil {
		d.env.showErr(err)
		return
	}
	d.fill()
}

// onPlan opens a new audit of the clause, planned in the first year that
// needs it, led by the internal auditor; saving it shows the programme
// again.
func (d *auditProgrammeDialog) onPlan(l data.CoverageLine) {
	r := data.NewRecord(d.reg)
	title := l.Clause.Title
	scope := []string{l.Clause.Number}
	if l.Coverage == data.PartlyCovered {
		scope = l.Missing
	}
	// the gaps beside it that need the same, such as 8.5.1 to 8.5.3 all
	// due in year 3, make one audit of their parent clause
	var siblings []string
	for _, g := range d.p.Gaps() {
		if g.Clause.Parent == l.Clause.Parent && g.Coverage == data.Covered && l.Coverage == data.Covered && slices.Equal(g.DueYears, l.DueYears) {
			siblings = append(siblings, g.Clause.Number)
		}
	}
	if parent, ok := d.env.cat.Clause(l.Clause.Parent); ok && len(siblings) > 1 {
		title, scope = parent.Title, siblings
	}
	r.Set("title", fmt.Sprintf(lang.L("Audit of %s"), strings.ToLower(title[:1])+title[1:]))
	r.Set("clauses", strings.Join(scope, ", "))
	when := d.env.now().AddDate(0, 1, 0)
	if len(l.DueYears) > 0 {
		y := d.p.Years[l.DueYears[0]-1]
		if y.From.After(when) {
			when = y.From.AddDate(0, 1, 0)
		}
	}
	r.Set("planned", when.Format(data.DateLayout))
	if l.Yearly {
		r.Set("critical", "yes")
	}
	for _, p := range d.names.people {
		if p.HasRole(data.RoleInternalAuditor) {
			r.SetIDs("lead", []int64{p.ID})
			break
		}
	}
	openRecordForm(d.env, d.names, d.reg, r, d.saved)
}
