package app

import (
	"fmt"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"smsbuilder/data"
)

// showAddFieldDialog asks for a field of the user's own for reg: its
// name, its type and, for a choice, the choices. added gets the register
// with the field, which then shows in its table and form.
func showAddFieldDialog(e *env, reg data.Register, added func(data.Register)) {
	problems := fieldProblems{}
	name := newField()
	name.PlaceHolder = lang.L("For example: Cost centre")
	types := data.CustomFieldTypes()
	labels := make([]string, len(types))
	for i, t := range types {
		labels[i] = t.Label()
	}
	choices := newMultiLineField()
	choices.SetMinRowsVisible(4)
	choices.PlaceHolder = lang.L("One choice per line")
	kind := widget.NewSelect(labels, nil)
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Name *"), problems.wrap("Label", name)),
		widget.NewFormItem(lang.L("Type *"), problems.wrap("Type", kind)),
		widget.NewFormItem(lang.L("Choices"), problems.wrap("Choices", choices)),
	)
	kind.OnChanged = func(string) {
		if kind.SelectedIndex() >= 0 && types[kind.SelectedIndex()] == data.FieldChoice {
			choices.Enable()
		} else {
			choices.Disable() // only a choice field has choices
		}
	}
	kind.SetSelectedIndex(0)
	intro := wrapLabel(fmt.Sprintf(lang.L("The new field appears in the table and the form of %s, and in their files and printouts."), reg.Title))
	showFormDialog(e.win, lang.L("Add field"), lang.L("Add field"), container.NewVBox(intro, form), 520, true, problems, func() error {
		typ := data.FieldType("")
		if i := kind.SelectedIndex(); i >= 0 {
			typ = types[i]
		}
		f, err := data.NewCustomField(reg, name.Text, typ, lines(choices.Text))
		if err != nil {
			return err
		}
		saved, err := e.ws.AddField(e.ctx(), reg.Key, f)
		if err != nil {
			return err
		}
		added(saved)
		return nil
	}, name)
	e.win.Canvas().Focus(name)
}
