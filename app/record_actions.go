package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"smsbuilder/data"
)

// recordActions is the part of a stored record's form that lists the
// tasks raised against it, such as a nonconformity's corrective actions,
// and adds new ones; each opens the task's own form.
type recordActions struct {
	env   *env
	names *recordNames
	reg   data.Register
	rec   data.Record
	list  *fyne.Container
}

func newRecordActions(e *env, names *recordNames, reg data.Register, rec data.Record) *recordActions {
	a := &recordActions{env: e, names: names, reg: reg, rec: rec, list: container.NewVBox()}
	a.load()
	return a
}

func (a *recordActions) content() fyne.CanvasObject {
	add := widget.NewButtonWithIcon(lang.L("Add action…"), theme.ContentAddIcon(), func() {
		a.open(data.NewRecordAction(a.reg, a.rec))
	})
	if a.env.ws.ReadOnly() {
		add.Disable()
	}
	head := container.NewBorder(nil, nil, nil, add,
		widget.NewLabelWithStyle(a.reg.Actions+":", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	return container.NewVBox(head, a.list)
}

// load shows the actions as stored now.
func (a *recordActions) load() {
	tasks, err := data.RecordActions(a.env.ctx(), a.env.ws, a.rec.ID)
	if err != nil {
		a.env.showErr(err)
	}
	a.list.RemoveAll()
	if len(tasks) == 0 {
		l := widget.NewLabel(lang.L("None yet. Each action is a task with an owner and a due date, and appears in Tasks."))
		l.Wrapping = fyne.TextWrapWord
		a.list.Add(l)
	}
	for _, t := range tasks {
		task := t
		b := widget.NewButtonWithIcon(a.line(task), actionIcon(task), func() { a.open(task) })
		b.Importance = widget.LowImportance
		b.Alignment = widget.ButtonAlignLeading
		a.list.Add(b)
	}
	a.list.Refresh()
}

// line is one action as the list shows it: what, who, by when, whether done.
func (a *recordActions) line(t data.Task) string {
	parts := []string{t.Title}
	if p, ok := a.names.byID[t.OwnerID]; ok {
		parts = append(parts, p.Name)
	}
	if !t.Due.IsZero() {
		due := fmt.Sprintf(lang.L("due %s"), a.env.date(t.Due))
		if t.Overdue(a.env.now()) {
			due += " " + lang.L("(overdue)")
		}
		parts = append(parts, due)
	}
	if t.Status == data.TaskDone {
		parts = append(parts, lang.L("done"))
	}
	return strings.Join(parts, " — ")
}

func actionIcon(t data.Task) fyne.Resource {
	if t.Status == data.TaskDone {
		return theme.ConfirmIcon()
	}
	return theme.RadioButtonIcon()
}

// open edits action t over the record's form, and lists the actions again
// once it is saved.
func (a *recordActions) open(t data.Task) {
	showTaskDialog(a.env, a.names.byID, t, func(data.Task) { a.load() }, a.load)
}

// openRecordByRef opens the form of the record ref names; saved follows a
// save of it.
func openRecordByRef(e *env, ref data.RecordRef, saved func()) {
	names := newRecordNames(e)
	reg, ok := names.regs[ref.Register]
	if !ok {
		return
	}
	r, err := e.ws.Record(e.ctx(), ref.ID)
	if err != nil {
		e.showErr(err)
		return
	}
	openRecordForm(e, names, reg, r, func(data.Record) { saved() })
}
