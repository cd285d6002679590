package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"smsbuilder/data"
)

// taskForm is the form of the add and edit task dialog.
type taskForm struct {
	task        data.Task
	title       *textField
	due         *dateField
	description *textField
	owner       *widget.Select
	people      []data.Person
	problems    fieldProblems
}

func newTaskForm(t data.Task, e *env, byID map[int64]data.Person) *taskForm {
	f := &taskForm{task: t, problems: fieldProblems{}}
	for _, p := range byID {
		f.people = append(f.people, p)
	}
	data.SortPeople(f.people)
	f.title = newField()
	f.title.SetText(t.Title)
	f.description = newParagraphField()
	f.description.SetText(t.Description)
	f.due = newDateField(t.Due, true)
	if u, ok := t.Unreadable.Of("Due"); ok {
		f.due.SetText(u.Raw) // kept in sight until the user corrects it
	}
	f.owner = widget.NewSelect(personNames(f.people), nil)
	f.owner.PlaceHolder = lang.L("(unassigned)")
	if p, ok := byID[t.OwnerID]; ok {
		f.owner.SetSelected(p.Name)
	}
	return f
}

func personNames(people []data.Person) []string {
	names := []string{lang.L("(unassigned)")}
	for _, p := range people {
		names = append(names, p.Name)
	}
	return names
}

// personID finds the person chosen in a select, or 0.
func personID(people []data.Person, name string) int64 {
	for _, p := range people {
		if p.Name == name {
			return p.ID
		}
	}
	return 0
}

func (f *taskForm) value() (data.Task, error) {
	t := f.task
	t.Title = strings.TrimSpace(f.title.Text)
	t.Description = strings.TrimSpace(f.description.Text)
	t.OwnerID = personID(f.people, f.owner.Selected)
	due, err := f.due.date()
	if err != nil {
		return t, &data.Error{Code: data.EInvalid, Message: "The task was not saved.", Fields: []data.FieldError{{Field: "Due", Message: data.ErrorMessage(err)}}}
	}
	t.Due = due
	return t, nil
}

func (f *taskForm) content() fyne.CanvasObject {
	defer f.problems.flag(f.task.Unreadable)
	return widget.NewForm(
		widget.NewFormItem(lang.L("Title *"), f.problems.wrap("Title", f.title)),
		widget.NewFormItem(lang.L("Owner"), f.problems.wrap("OwnerID", f.owner)),
		widget.NewFormItem(lang.L("Due"), f.problems.wrap("Due", f.due)),
		widget.NewFormItem(lang.L("Details"), f.problems.wrap("Description", f.description)),
	)
}
