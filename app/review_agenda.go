package app

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"smsbuilder/data"
)

// agendaItems is how many records an input lists on screen before it
// says how many more the minutes print.
const agendaItems = 6

// reviewAgenda is a management review worked through in the meeting: one
// section per required input, each with the figures the workspace gives
// for it and a field for the decision, then the attendees, the
// conclusions and the actions. Marking it held freezes the figures into
// the record; once the minutes are approved it only shows them.
type reviewAgenda struct {
	env         *env
	names       *recordNames
	reg         data.Register
	rec         data.Record
	saved       func(data.Record)
	figures     map[string]data.ReviewFigures
	period      string
	frozen      bool
	attendees   *textField
	conclusions *textField
	decisions   map[string]*textField
	dlg         *dialog.CustomDialog
}

// openReviewAgenda shows the agenda of review r as stored; saved follows
// each save.
func openReviewAgenda(e *env, names *recordNames, reg data.Register, r data.Record, saved func(data.Record)) {
	a := &reviewAgenda{env: e, names: names, reg: reg, rec: r, saved: saved, decisions: map[string]*textField{}}
	if err := a.loadFigures(); err != nil {
		e.showErr(err)
		return
	}
	a.show()
}

// loadFigures reads what each input shows: frozen on the day for a held
// review, from the workspace now for a planned one.
func (a *reviewAgenda) loadFigures() error {
	a.figures = map[string]data.ReviewFigures{}
	snap, ok, err := data.SnapshotOf(a.rec)
	if err != nil {
		return err
	}
	list := snap.Inputs
	a.frozen, a.period = ok, snap.Period
	if !ok {
		src, err := data.LoadReviewSource(a.env.ctx(), a.env.ws, a.rec, a.env.now(), a.env.dates)
		if err != nil {
			return err
		}
		list, a.period = src.Figures(), src.PeriodText()
	}
	for _, f := range list {
		a.figures[f.Input] = f
	}
	return nil
}

func (a *reviewAgenda) status() string { return a.rec.Get("status") }

func (a *reviewAgenda) heldOn() time.Time {
	t, _ := a.rec.Date("held_on")
	return t
}

// show opens the agenda as a record's form is opened: Save or Ctrl+S
// stores the decisions, Cancel or Escape asks before dropping what was
// typed, and a review changed meanwhile offers to reload.
func (a *reviewAgenda) show() {
	title := fmt.Sprintf(lang.L("Agenda of %s"), a.names.ref(a.reg, a.rec).Text())
	body := scrollUpTo(a.content(), formHeight(a.env.win))
	width := min(920, a.env.win.Canvas().Size().Width-40)
	if a.readOnly() {
		a.dlg = showRecordDialog(a.env.win, title, lang.L("Close"), body, width, false, nil, func() error { return nil }, nil)
		return
	}
	a.dlg = showRecordDialog(a.env.win, title, lang.L("Save"), body, width, true, nil, a.onSave, a.reopen)
}

func (a *reviewAgenda) readOnly() bool {
	return a.status() == data.ReviewApproved || a.env.ws.ReadOnly()
}

// reopen shows the agenda again from the review as stored now.
func (a *reviewAgenda) reopen() {
	if r, err := a.env.ws.Record(a.env.ctx(), a.rec.ID); err == nil {
		openReviewAgenda(a.env, a.names, a.reg, r, a.saved)
	}
}

func (a *reviewAgenda) content() fyne.CanvasObject {
	readOnly := a.readOnly()
	field := func(key string) *textField {
		e := newParagraphField()
		e.SetText(a.rec.Get(key))
		return e
	}
	// approved minutes read as text: a disabled field greys them out
	shown := func(e *textField) fyne.CanvasObject {
		if !readOnly {
			return e
		}
		if strings.TrimSpace(e.Text) == "" {
			l := wrapLabel(lang.L("Nothing recorded."))
			l.TextStyle = fyne.TextStyle{Italic: true}
			return l
		}
		return wrapLabel(e.Text)
	}
	note := fmt.Sprintf(lang.L("The figures are the workspace's as of today, for the period %s. Marking the review held freezes them into the minutes."), a.period)
	switch {
	case a.status() == data.ReviewApproved:
		note = fmt.Sprintf(lang.L("The minutes are approved. The figures are those the review saw on the day it was held, %s, for the period %s."), a.names.env.date(a.heldOn()), a.period)
	case a.frozen:
		note = fmt.Sprintf(lang.L("Held on %s. The figures, for the period %s, were frozen that day; the decisions can be written up until top management approves the minutes."), a.names.env.date(a.heldOn()), a.period)
	case a.status() != data.ReviewPlanned:
		note = lang.L("This review was marked held without its agenda, so no figures were frozen; those below are today's.")
	}
	box := container.NewVBox(wrapLabel(note))
	if a.status() == data.ReviewPlanned && !readOnly {
		hold := widget.NewButtonWithIcon(lang.L("Mark held today…"), theme.ConfirmIcon(), a.onHold)
		hold.Importance = widget.HighImportance
		box.Objects[0] = container.NewBorder(nil, nil, nil, container.NewVBox(hold), wrapLabel(note))
	}
	a.attendees = field("attendees")
	a.attendees.PlaceHolder = lang.L("Who took part, by name and role")
	box.Add(a.section(lang.L("Attendees"), nil, shown(a.attendees)))
	for i, in := range data.ReviewInputs() {
		d := field(in.DecisionField())
		d.PlaceHolder = lang.L("What the review concluded and decided on this input")
		a.decisions[in.Key] = d
		box.Add(a.section(fmt.Sprintf("%d. %s", i+1, in.Title), a.figureLines(in), shown(d)))
	}
	a.conclusions = field("conclusions")
	a.conclusions.PlaceHolder = lang.L("On the suitability, adequacy and effectiveness of the SMS")
	box.Add(a.section(lang.L("Conclusions"), nil, shown(a.conclusions)))
	box.Add(widget.NewSeparator())
	box.Add(newRecordActions(a.env, a.names, a.reg, a.rec).content())
	return box
}

// section is a heading, what the input shows, and its field.
func (a *reviewAgenda) section(title string, lines []fyne.CanvasObject, entry fyne.CanvasObject) fyne.CanvasObject {
	head := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	parts := append([]fyne.CanvasObject{widget.NewSeparator(), head}, lines...)
	return container.NewVBox(append(parts, entry)...)
}

// figureLines are an input's facts on one wrapped line and its first
// records, one a line.
func (a *reviewAgenda) figureLines(in data.ReviewInput) []fyne.CanvasObject {
	f, ok := a.figures[in.Key]
	if !ok {
		return []fyne.CanvasObject{wrapLabel(lang.L("No figures for this input."))}
	}
	var facts []string
	for _, fact := range f.Facts {
		facts = append(facts, strings.TrimSpace(fact.Label)+": "+fact.Value)
	}
	out := []fyne.CanvasObject{wrapLabel(strings.Join(facts, " · "))}
	var lines []string
	for _, it := range f.Items[:min(agendaItems, len(f.Items))] {
		lines = append(lines, "• "+it)
	}
	if more := len(f.Items) - agendaItems; more > 0 {
		lines = append(lines, fmt.Sprintf(lang.L("and %d more; the minutes list them all"), more))
	}
	if len(lines) > 0 {
		// one label: a label a line spaces them as far apart as paragraphs
		l := wrapLabel(strings.Join(lines, "\n"))
		l.Importance = widget.LowImportance
		out = append(out, l)
	}
	return out
}

// value is the review with what the agenda's fields hold.
func (a *reviewAgenda) value() data.Record {
	r := a.rec.Clone()
	r.Set("attendees", strings.TrimSpace(a.attendees.Text))
	r.Set("conclusions", strings.TrimSpace(a.conclusions.Text))
	for key, e := range a.decisions {
		r.Set("decision_"+key, strings.TrimSpace(e.Text))
	}
	return r
}

// store saves r and closes the agenda; a refusal is told in words that
// name the fields, none of which is beside it.
func (a *reviewAgenda) store(r data.Record) error {
	stored, err := a.env.ws.SaveRecord(a.env.ctx(), r)
	if err != nil {
		if more := fieldMessages(err); more != "" {
			return data.Errorf(data.ErrorCode(err), "%s %s", data.ErrorMessage(err), more)
		}
		return err
	}
	followTasks(a.env, stored.ID)
	a.saved(stored)
	return nil
}

func (a *reviewAgenda) onSave() error { return a.store(a.value()) }

// onHold asks first, as the figures cannot change afterwards, then
// freezes today's figures into the review.
func (a *reviewAgenda) onHold() {
	ref := a.names.ref(a.reg, a.rec).Text()
	dialog.ShowConfirm(lang.L("Mark the review held?"),
		fmt.Sprintf(lang.L("Mark %s held today?\n\nThe figures each input shows now are frozen into its minutes and cannot be changed afterwards. The decisions can still be written up until the minutes are approved."), ref),
		func(ok bool) {
			if !ok {
				return
			}
			r := a.value()
			src, err := data.LoadReviewSource(a.env.ctx(), a.env.ws, r, a.env.now(), a.env.dates)
			if err == nil {
				r, err = data.HoldReview(r, src, a.env.now())
			}
			if err == nil {
				err = a.store(r)
			}
			if err != nil {
				a.env.showErr(err)
				return
			}
			a.dlg.Hide()
		}, a.env.win)
}

// fieldMessages are the reasons storage gave field by field, for a
// dialog that shows no field beside them.
func fieldMessages(err error) string {
	var e *data.Error
	if !errors.As(err, &e) {
		return ""
	}
	var out []string
	for _, f := range e.Fields {
		out = append(out, f.Message)
	}
	return strings.Join(out, " ")
}
