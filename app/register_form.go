package app

import (
	"fmt"
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"smsbuilder/data"
)

// registerForm is the add and edit form of a record, one field of the
// form for each field of the register, in the declaration's order.
type registerForm struct {
	env      *env
	names    *recordNames
	reg      data.Register
	rec      data.Record
	inputs   []recordInput
	derived  map[string]*widget.Label
	problems fieldProblems
	first    fyne.Focusable
	saved    func(data.Record) // what follows a save, of this form or of a linked record's opened from it
	dialog   *dialog.CustomDialog
}

// recordInput is the form's widget for one field and how it reads back
// as the field's canonical value.
type recordInput struct {
	field data.Field
	obj   fyne.CanvasObject
	read  func() (string, error)
}

func newRegisterForm(e *env, names *recordNames, reg data.Register, rec data.Record) *registerForm {
	f := &registerForm{env: e, names: names, reg: reg, rec: rec.Clone(), derived: map[string]*widget.Label{}, problems: fieldProblems{}}
	for _, field := range reg.Fields {
		if field.Hidden {
			continue // the register's own dialog fills it; value() keeps it as it is
		}
		in := f.input(field, rec.Get(field.Key))
		f.inputs = append(f.inputs, in)
		if fo, ok := in.obj.(fyne.Focusable); ok && f.first == nil {
			f.first = fo
		}
	}
	for _, d := range reg.Derived {
		l := widget.NewLabel("")
		f.derived[d.Key] = l
	}
	f.showDerived()
	return f
}

// input makes the widget of field, showing value.
func (f *registerForm) input(field data.Field, value string) recordInput {
	in := recordInput{field: field}
	switch field.Type {
	case data.FieldLongText:
		e := newParagraphField()
		e.SetText(value)
		e.OnChanged = func(string) { f.showDerived() }
		in.obj, in.read = e, func() (string, error) { return field.Parse(e.Text, f.env.dates) }
	case data.FieldDate:
		var d time.Time
		if t, err := time.Parse(data.DateLayout, value); err == nil {
			d = t
		}
		e := newDateField(d, !field.Required)
		in.obj, in.read = e, func() (string, error) {
			t, err := e.date()
			if err != nil || t.IsZero() {
				return "", err
			}
			return t.Format(data.DateLayout), nil
		}
	case data.FieldChoice:
		none := lang.L("(none)")
		options := []string{}
		if !field.Required {
			options = append(options, none)
		}
		keys := map[string]string{}
		for _, c := range field.Choices {
			options = append(options, c.Label)
			keys[c.Label] = c.Key
		}
		s := widget.NewSelect(options, func(string) { f.showDerived() })
		if c, ok := field.Choice(value); ok {
			s.Selected = c.Label
		}
		in.obj, in.read = s, func() (string, error) { return keys[s.Selected], nil }
	case data.FieldPerson:
		s := widget.NewSelect(personNames(f.names.people), nil)
		s.PlaceHolder = lang.L("(unassigned)")
		for _, id := range data.ParseIDs(value) {
			if p, ok := f.names.byID[id]; ok {
				s.Selected = p.Name
			}
		}
		in.obj, in.read = s, func() (string, error) {
			if id := personID(f.names.people, s.Selected); id != 0 {
				return fmt.Sprint(id), nil
			}
			return "", nil
		}
	case data.FieldYesNo:
		c := widget.NewCheck(lang.L("Yes"), nil)
		c.Checked = value == "yes"
		in.obj, in.read = c, func() (string, error) {
			switch {
			case c.Checked:
				return "yes", nil
			case value == "":
				return "", nil // left unanswered, not answered no
			}
			return "no", nil
		}
	case data.FieldLink:
		p := newLinkPicker(f.env, f.names, field, data.ParseIDs(value))
		in.obj, in.read = p, func() (string, error) { return data.FormatIDs(p.ids), nil }
	default: // text and number
		e := newField()
		e.SetText(value)
		e.OnChanged = func(string) { f.showDerived() }
		in.obj, in.read = e, func() (string, error) { return field.Parse(e.Text, f.env.dates) }
	}
	return in
}

// value is the record as the form has it, or the fields it cannot read,
// each with its reason.
func (f *registerForm) value() (data.Record, error) {
	r := f.rec.Clone()
	var bad []data.FieldError
	for _, in := range f.inputs {
		v, err := in.read()
		if err != nil {
			bad = append(bad, data.FieldError{Field: in.field.Key, Message: data.ErrorMessage(err)})
			continue
		}
		r.Set(in.field.Key, v)
	}
	if len(bad) > 0 {
		return r, &data.Error{Code: data.EInvalid, Message: fmt.Sprintf(lang.L("The %s was not saved: please correct the marked fields."), f.reg.One), Fields: bad}
	}
	return r, nil
}

// showDerived works out the derived values, such as a risk score, from
// what the form holds now.
func (f *registerForm) showDerived() {
	if len(f.derived) == 0 {
		return
	}
	r := f.rec.Clone()
	for _, in := range f.inputs {
		if v, err := in.read(); err == nil {
			r.Set(in.field.Key, v)
		}
	}
	f.reg.Derive(&r)
	for _, d := range f.reg.Derived {
		field, _ := f.reg.Field(d.Key)
		text := f.names.display(field, r.Get(d.Key))
		if text == "" {
			text = "—"
		}
		f.derived[d.Key].SetText(text)
	}
}

// content is the form, and for a stored record the records that link to
// it, each opening its own form.
func (f *registerForm) content() fyne.CanvasObject {
	defer f.problems.flag(f.rec.Unreadable)
	form := widget.NewForm()
	for _, in := range f.inputs {
		label := in.field.Label
		if in.field.Required {
			label += " *"
		}
		item := widget.NewFormItem(label, f.problems.wrap(in.field.Key, in.obj))
		item.HintText = in.field.Help
		form.AppendItem(item)
	}
	for _, d := range f.reg.Derived {
		item := widget.NewFormItem(d.Label, f.derived[d.Key])
		item.HintText = d.Help
		form.AppendItem(item)
	}
	parts := []fyne.CanvasObject{form}
	if f.reg.Key == data.ReviewsRegister && f.rec.ID != 0 {
		// first, where it is seen: holding the review is what its form is opened for
		parts = []fyne.CanvasObject{reviewCommands(f), widget.NewSeparator(), form} // review_approval.go
	}
	if more := recordInsights(f.env, f.reg, f.rec); more != nil { // record_insights.go
		parts = append(parts, widget.NewSeparator(), more)
	}
	if f.reg.Actions != "" {
		parts = append(parts, widget.NewSeparator())
		if f.rec.ID != 0 {
			parts = append(parts, newRecordActions(f.env, f.names, f.reg, f.rec).content())
		} else {
			parts = append(parts, wrapLabel(fmt.Sprintf(lang.L("%s can be added once the record is saved."), f.reg.Actions)))
		}
	}
	if f.rec.ID != 0 && f.reg.Key == data.ObjectivesRegister {
		if chart := objectiveResults(f.env, f.rec); chart != nil {
			parts = append(parts, widget.NewSeparator(), chart)
		}
	}
	if f.rec.ID != 0 {
		if links := f.linkedFrom(); links != nil {
			parts = append(parts, widget.NewSeparator(), links)
		}
	}
	return container.NewVBox(parts...)
}

// linkedFrom lists the records that link to this one, or is nil.
func (f *registerForm) linkedFrom() fyne.CanvasObject {
	links, err := f.env.ws.LinksTo(f.env.ctx(), f.rec.ID)
	if err != nil {
		f.env.showErr(err)
		return nil
	}
	if len(links) == 0 {
		return nil
	}
	box := container.NewVBox(widget.NewLabelWithStyle(lang.L("Linked from:"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	for _, l := range links {
		ref := l
		b := widget.NewButtonWithIcon(f.names.linkText(ref), theme.NavigateNextIcon(), func() { f.openLinked(ref) })
		b.Importance = widget.LowImportance
		b.Alignment = widget.ButtonAlignLeading
		box.Add(b)
	}
	return box
}

// openLinked opens the form of a record that links here, over this one.
func (f *registerForm) openLinked(ref data.RecordRef) {
	reg, ok := f.names.regs[ref.Register]
	if !ok {
		return
	}
	r, err := f.env.ws.Record(f.env.ctx(), ref.ID)
	if err != nil {
		f.env.showErr(err)
		return
	}
	openRecordForm(f.env, f.names, reg, r, f.saved)
}

// openRecordForm edits r in a dialog that stays open, with the reasons
// beside the fields, until storage accepts it; saved follows.
func openRecordForm(e *env, names *recordNames, reg data.Register, r data.Record, saved func(data.Record)) *registerForm {
	f := newRegisterForm(e, names, reg, r)
	f.saved = saved
	title := fmt.Sprintf(lang.L("Add %s"), reg.One)
	if r.ID != 0 {
		title = fmt.Sprintf(lang.L("Edit %s"), names.ref(reg, r).Text())
	}
	body := scrollUpTo(f.content(), formHeight(e.win))
	f.dialog = showRecordDialog(e.win, title, lang.L("Save"), body, 640, true, f.problems, func() error {
		v, err := f.value()
		if err == nil {
			err = f.checkAcrossRecords(v)
		}
		if err == nil {
			v, err = e.ws.SaveRecord(e.ctx(), v)
		}
		if err != nil {
			f.reveal(err, body) // form_reveal.go
			return err
		}
		followTasks(e, v.ID)
		saved(v)
		return nil
	}, func() {
		if r.ID == 0 {
			return
		}
		if now, err := e.ws.Record(e.ctx(), r.ID); err == nil {
			openRecordForm(e, names, reg, now, saved)
		}
	})
	if f.first != nil {
		e.win.Canvas().Focus(f.first)
	}
	return f
}

// checkAcrossRecords runs the register's check against the other records,
// such as an audit's impartiality, once the record's own fields pass.
func (f *registerForm) checkAcrossRecords(r data.Record) error {
	if err := f.reg.Validate(r); err != nil {
		return err
	}
	check, err := data.SaveCheck(f.env.ctx(), f.env.ws, f.env.cat, f.reg.Key)
	if err != nil {
		return err
	}
	return data.CheckBeforeSave(f.reg, check, r)
}

// saveFirst stores what the form holds, when it differs from the record
// it opened with, and closes the form, so that a dialog of the record's
// own starts from the stored record and nothing typed is lost; ok is
// false when storage refused it, and the form then says why.
func (f *registerForm) saveFirst() (data.Record, bool) {
	v, err := f.value()
	if err == nil && !sameRecordValues(v, f.rec) {
		if err = f.checkAcrossRecords(v); err == nil {
			v, err = f.env.ws.SaveRecord(f.env.ctx(), v)
		}
		if err == nil {
			followTasks(f.env, v.ID)
			f.saved(v)
		}
	}
	if err != nil {
		if !f.problems.show(err) {
			f.env.showErr(err)
		}
		return data.Record{}, false
	}
	if f.dialog != nil {
		f.dialog.Hide()
	}
	return v, true
}

func sameRecordValues(a, b data.Record) bool {
	if len(a.Values) != len(b.Values) {
		return false
	}
	for k, v := range a.Values {
		if b.Values[k] != v {
			return false
		}
	}
	return true
}

// followTasks brings the tasks a record asks for (its reviews, its
// treatment) up to date after it changed; the record itself is saved
// already, so a failure here is only reported.
func followTasks(e *env, id int64) {
	if _, err := data.SyncTasksOfRecord(e.ctx(), e.ws, id); err != nil {
		e.showErr(err)
	}
}

// formHeight is how tall a form may grow before it scrolls: the window
// less the dialog's title and buttons.
func formHeight(win fyne.Window) float32 {
	return max(240, win.Canvas().Size().Height-220)
}

// scrollUpTo shows o whole when it fits in height, and scrolls it when
// it does not: a dialog is as tall as its content wants.
func scrollUpTo(o fyne.CanvasObject, height float32) fyne.CanvasObject {
	gutter := canvas.NewRectangle(color.Transparent) // keeps the scroll bar off the fields
	gutter.SetMinSize(fyne.NewSize(2*theme.ScrollBarSize(), 0))
	return container.New(upToLayout{height: height}, container.NewVScroll(container.NewBorder(nil, nil, nil, gutter, o)))
}

type upToLayout struct{ height float32 }

func (l upToLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	s := objects[0].(*container.Scroll).Content.MinSize()
	return fyne.NewSize(s.Width, min(s.Height, l.height))
}

func (l upToLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	objects[0].Move(fyne.NewPos(0, 0))
	objects[0].Resize(size)
}
