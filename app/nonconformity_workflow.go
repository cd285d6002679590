package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"smsbuilder/data"
)

// ncWorkflow is the button beside the line under the nonconformities
// table for the next step of the nonconformity selected: start its corrective action, ask for the
// check that the actions worked, or record that check. Each step asks
// only for what it needs and stores the record at once.
type ncWorkflow struct {
	env   *env
	names *recordNames
	reg   data.Register
	next  *widget.Button
	rec   data.Record
	// done follows a step the record was stored by, with what to tell.
	done func(r data.Record, said string)
}

func newNCWorkflow(e *env, names *recordNames, reg data.Register, done func(data.Record, string)) *ncWorkflow {
	w := &ncWorkflow{env: e, names: names, reg: reg, done: done}
	w.next = widget.NewButtonWithIcon(lang.L("Start corrective action…"), theme.MediaPlayIcon(), w.onNext)
	w.next.Importance = widget.HighImportance
	w.next.Hide()
	return w
}

// show names the next step of r beside the line under the table; the
// button is hidden while nothing is selected, and disabled once r is
// closed.
func (w *ncWorkflow) show(r data.Record, ok bool) {
	w.rec = r
	step := data.NCStepStart
	if ok {
		step = data.NextNCStep(r)
	}
	w.next.SetIcon(theme.MediaPlayIcon())
	switch step {
	case data.NCStepAsk:
		w.next.SetText(lang.L("Ask for effectiveness check…"))
	case data.NCStepRecord:
		w.next.SetText(lang.L("Record effectiveness check…"))
	case data.NCStepNone:
		w.next.SetText(lang.L("Closed"))
		w.next.SetIcon(theme.ConfirmIcon())
	default:
		w.next.SetText(lang.L("Start corrective action…"))
	}
	if ok {
		w.next.Show()
	} else {
		w.next.Hide()
	}
	if step == data.NCStepNone || w.env.ws.ReadOnly() {
		w.next.Disable()
	} else {
		w.next.Enable()
	}
}

func (w *ncWorkflow) onNext() {
	switch data.NextNCStep(w.rec) {
	case data.NCStepStart:
		w.startAction()
	case data.NCStepAsk:
		w.askForCheck()
	case data.NCStepRecord:
		w.recordCheck()
	}
}

func (w *ncWorkflow) name() string { return w.names.ref(w.reg, w.rec).Text() }

// startAction asks for the first corrective action, owned and dated.
func (w *ncWorkflow) startAction() {
	f := newTaskForm(data.NewRecordAction(w.reg, w.rec), w.env, w.names.byID)
	f.due.optional = false
	intro := wrapLabel(fmt.Sprintf(lang.L("%s goes to action in progress. Say what is to be done to remove its cause, who does it and by when; more actions can be added in its form."), w.name()))
	form := f.content()
	if wf, ok := form.(*widget.Form); ok { // a corrective action needs both
		wf.Items[1].Text, wf.Items[2].Text = lang.L("Owner *"), lang.L("Due *")
	}
	body := container.NewVBox(intro, form)
	showFormDialog(w.env.win, lang.L("Start corrective action"), lang.L("Start"), body, 600, true, f.problems, func() error {
		t, err := f.value()
		if err != nil {
			return err
		}
		saved, _, err := data.StartCorrectiveActionWith(w.env.ctx(), w.env.ws, w.reg, w.rec, t)
		if err != nil {
			return err
		}
		w.done(saved, fmt.Sprintf(lang.L("%s is in action; its first action is in Tasks."), w.reg.Reference(saved.Number)))
		return nil
	}, f.title)
	w.env.win.Canvas().Focus(f.title)
}

// askForCheck asks when the check is due and who makes it.
func (w *ncWorkflow) askForCheck() {
	due := newDateField(w.env.now().AddDate(0, 1, 0), false)
	checker := widget.NewSelect(personNames(w.names.people), nil)
	checker.PlaceHolder = lang.L("(unassigned)")
	for _, id := range w.rec.IDs("checked_by") {
		if p, ok := w.names.byID[id]; ok {
			checker.SetSelected(p.Name)
		}
	}
	problems := fieldProblems{}
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Check due *"), problems.wrap("check_due", due)),
		widget.NewFormItem(lang.L("Checked by"), problems.wrap("checked_by", checker)))
	form.Items[1].HintText = lang.L("Best someone who did not carry out the actions; the check is their task.")
	parts := []fyne.CanvasObject{wrapLabel(fmt.Sprintf(lang.L("%s will wait for a check that its corrective actions worked."), w.name()))}
	if warn := w.openActionsWarning(); warn != nil {
		parts = append(parts, warn)
	}
	if w.rec.Get("check_result") != "" {
		parts = append(parts, wrapLabel(lang.L("The last check moves to Earlier checks.")))
	}
	parts = append(parts, form)
	showFormDialog(w.env.win, lang.L("Ask for effectiveness check"), lang.L("Ask"), container.NewVBox(parts...), 560, true, problems, func() error {
		d, err := due.date()
		if err != nil {
			return &data.Error{Code: data.EInvalid, Message: lang.L("Say when the check is due."), Fields: []data.FieldError{{Field: "check_due", Message: data.ErrorMessage(err)}}}
		}
		r := data.AskForCheck(w.rec, d, personID(w.names.people, checker.Selected), w.personName)
		saved, err := w.env.ws.SaveRecord(w.env.ctx(), r)
		if err != nil {
			return err
		}
		followTasks(w.env, saved.ID)
		w.done(saved, fmt.Sprintf(lang.L("%s awaits its effectiveness check, due %s."), w.reg.Reference(saved.Number), w.env.date(d)))
		return nil
	}, &due.Entry)
}

// recordCheck asks what the check found, who made it and when.
func (w *ncWorkflow) recordCheck() {
	result := widget.NewRadioGroup([]string{lang.L("Effective"), lang.L("Not effective")}, nil)
	result.Horizontal = true
	checker := widget.NewSelect(personNames(w.names.people), nil)
	checker.PlaceHolder = lang.L("(unassigned)")
	for _, id := range w.rec.IDs("checked_by") {
		if p, ok := w.names.byID[id]; ok {
			checker.SetSelected(p.Name)
		}
	}
	on := newDateField(w.env.now(), false)
	notes := newParagraphField()
	problems := fieldProblems{}
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Result *"), problems.wrap("check_result", result)),
		widget.NewFormItem(lang.L("Checked by *"), problems.wrap("checked_by", checker)),
		widget.NewFormItem(lang.L("Checked on *"), problems.wrap("checked_on", on)),
		widget.NewFormItem(lang.L("Check notes"), problems.wrap("check_notes", notes)))
	form.Items[0].HintText = lang.L("Effective closes the nonconformity; not effective sends it back to action in progress, and the check is kept.")
	form.Items[3].HintText = lang.L("What the check looked at, and what it found.")
	parts := []fyne.CanvasObject{wrapLabel(fmt.Sprintf(lang.L("Did the corrective actions of %s remove its cause?"), w.name()))}
	if warn := w.openActionsWarning(); warn != nil {
		parts = append(parts, warn)
	}
	parts = append(parts, form)
	showFormDialog(w.env.win, lang.L("Record effectiveness check"), lang.L("Record"), container.NewVBox(parts...), 600, true, problems, func() error {
		c := data.EffectivenessCheck{By: personID(w.names.people, checker.Selected), Notes: notes.Text}
		switch result.Selected {
		case lang.L("Effective"):
			c.Result = data.CheckEffective
		case lang.L("Not effective"):
			c.Result = data.CheckIneffective
		default:
			return &data.Error{Code: data.EInvalid, Message: lang.L("The check was not recorded."),
				Fields: []data.FieldError{{Field: "check_result", Message: lang.L("Say whether the actions worked.")}}}
		}
		d, err := on.date()
		if err != nil {
			return &data.Error{Code: data.EInvalid, Message: lang.L("The check was not recorded."), Fields: []data.FieldError{{Field: "checked_on", Message: data.ErrorMessage(err)}}}
		}
		c.On = d
		saved, err := w.env.ws.SaveRecord(w.env.ctx(), data.RecordCheck(w.rec, c))
		if err != nil {
			return err
		}
		followTasks(w.env, saved.ID)
		// the reference alone: the status line sits beside the buttons, and
		// the row under the table names the record in full
		said := fmt.Sprintf(lang.L("%s is closed: its actions worked."), w.reg.Reference(saved.Number))
		if c.Result == data.CheckIneffective {
			said = fmt.Sprintf(lang.L("%s is back in action: add the next corrective action in its form."), w.reg.Reference(saved.Number))
		}
		w.done(saved, said)
		return nil
	})
}

// openActionsWarning says how many corrective actions are still open, or
// is nil when none is: a check made before they are done checks little.
func (w *ncWorkflow) openActionsWarning() fyne.CanvasObject {
	open := w.openActions()
	if open == 0 {
		return nil
	}
	text := lang.L("1 corrective action is still open: the check should wait until it is done.")
	if open > 1 {
		text = fmt.Sprintf(lang.L("%d corrective actions are still open: the check should wait until they are done."), open)
	}
	warn := wrapLabel(text)
	warn.Importance = widget.WarningImportance
	return warn
}

// openActions counts the corrective actions of the record still open.
func (w *ncWorkflow) openActions() int {
	tasks, err := data.RecordActions(w.env.ctx(), w.env.ws, w.rec.ID)
	if err != nil {
		w.env.showErr(err)
	}
	n := 0
	for _, t := range tasks {
		if t.Status == data.TaskOpen {
			n++
		}
	}
	return n
}

func (w *ncWorkflow) personName(id int64) string { return w.names.byID[id].Name }
