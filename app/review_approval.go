package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"smsbuilder/data"
)

// reviewApproval is top management approving the minutes of a held
// review: who approves, and on which day.
type reviewApproval struct {
	env      *env
	names    *recordNames
	reg      data.Register
	rec      data.Record
	saved    func(data.Record)
	top      []data.Person
	approver *widget.Select
	on       *dateField
}

// openReviewApproval asks who in top management approves the minutes of
// review r; saved follows the approval.
func openReviewApproval(e *env, names *recordNames, reg data.Register, r data.Record, saved func(data.Record)) {
	a := &reviewApproval{env: e, names: names, reg: reg, rec: r, saved: saved}
	var options []string
	for _, p := range names.people {
		if p.HasRole(data.RoleTopManagement) {
			a.top = append(a.top, p)
			options = append(options, p.Name)
		}
	}
	if len(a.top) == 0 {
		e.showErr(data.Errorf(data.EInvalid, "Nobody holds the top management role yet. Give it to the managing director under People, then approve the minutes."))
		return
	}
	a.approver = widget.NewSelect(options, nil)
	a.approver.PlaceHolder = lang.L("Choose who approves")
	for _, id := range r.IDs("chair") {
		for _, p := range a.top {
			if p.ID == id {
				a.approver.SetSelected(p.Name)
			}
		}
	}
	a.on = newDateField(e.now(), false)
	ref := names.ref(reg, r).Text()
	form := widget.NewForm(widget.NewFormItem(lang.L("Approved by"), a.approver), widget.NewFormItem(lang.L("Approved on"), a.on))
	body := container.NewVBox(wrapLabel(fmt.Sprintf(lang.L("Approving the minutes of %s records that top management agrees they are a true record of the review. Approved minutes can no longer be edited."), ref)), form)
	showRecordDialog(e.win, fmt.Sprintf(lang.L("Approve the minutes of %s"), ref), lang.L("Approve"), body, 520, true, nil, a.onApprove, nil)
}

func (a *reviewApproval) onApprove() error {
	var who data.Person
	for _, p := range a.top {
		if p.Name == a.approver.Selected {
			who = p
		}
	}
	if who.ID == 0 {
		return data.Errorf(data.EInvalid, "Choose who in top management approves the minutes.")
	}
	on, err := a.on.date()
	if err != nil {
		return err
	}
	r, err := data.ApproveReview(a.rec, who, on)
	if err == nil {
		r, err = a.env.ws.SaveRecord(a.env.ctx(), r)
	}
	if err != nil {
		return err
	}
	followTasks(a.env, r.ID)
	a.saved(r)
	return nil
}

// reviewCommands are the buttons a stored review's form offers for the
// step it is at: hold it from its agenda, or approve its minutes.
func reviewCommands(f *registerForm) fyne.CanvasObject {
	open := func(then func(e *env, names *recordNames, reg data.Register, r data.Record, saved func(data.Record))) func() {
		return func() {
			stored, ok := f.saveFirst()
			if ok {
				then(f.env, f.names, f.reg, stored, f.saved)
			}
		}
	}
	status := f.rec.Get("status")
	label := lang.L("Hold review…")
	if status != data.ReviewPlanned {
		label = lang.L("Open agenda and decisions…")
	}
	agenda := widget.NewButton(label, open(openReviewAgenda))
	approve := widget.NewButton(lang.L("Approve minutes…"), open(openReviewApproval))
	if status != data.ReviewHeld || f.env.ws.ReadOnly() {
		approve.Disable()
	}
	help := lang.L("Hold the review from its agenda: each input's figures, a decision on each, and the actions.")
	switch status {
	case data.ReviewHeld:
		help = lang.L("Held: top management approves the minutes once the decisions are written up.")
	case data.ReviewApproved:
		help = lang.L("The minutes are approved. Print them from Packs.")
	}
	return container.NewVBox(wrapLabel(help), container.NewHBox(agenda, approve))
}
