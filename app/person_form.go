package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"smsbuilder/data"
)

// personForm is the form of the add and edit person dialog.
type personForm struct {
	person                data.Person
	name, jobTitle, email *textField
	owner, top, auditor   *widget.Check
	processes             *textField
	problems              fieldProblems
}

func newPersonForm(p data.Person) *personForm {
	f := &personForm{person: p, problems: fieldProblems{}}
	f.name = newField()
	f.name.SetText(p.Name)
	f.jobTitle = newField()
	f.jobTitle.SetText(p.JobTitle)
	f.email = newField()
	f.email.SetText(p.Email)
	f.email.PlaceHolder = lang.L("For example: name@example.com")
	f.owner = widget.NewCheck(data.RoleSMSOwner.Label(), nil)
	f.owner.SetChecked(p.HasRole(data.RoleSMSOwner))
	f.top = widget.NewCheck(data.RoleTopManagement.Label(), nil)
	f.top.SetChecked(p.HasRole(data.RoleTopManagement))
	f.auditor = widget.NewCheck(data.RoleInternalAuditor.Label(), nil)
	f.auditor.SetChecked(p.HasRole(data.RoleInternalAuditor))
	f.processes = newMultiLineField()
	f.processes.SetMinRowsVisible(3)
	f.processes.PlaceHolder = lang.L("Processes this person owns, one per line")
	var owned []string
	for _, r := range p.Roles {
		if r.Kind == data.RoleProcessOwner {
			owned = append(owned, r.Process)
		}
	}
	f.processes.SetText(strings.Join(owned, "\n"))
	return f
}

func (f *personForm) value() data.Person {
	p := f.person
	p.Name = strings.TrimSpace(f.name.Text)
	p.JobTitle = strings.TrimSpace(f.jobTitle.Text)
	p.Email = strings.TrimSpace(f.email.Text)
	p.Roles = nil
	for _, c := range []struct {
		check *widget.Check
		kind  data.RoleKind
	}{{f.owner, data.RoleSMSOwner}, {f.top, data.RoleTopManagement}, {f.auditor, data.RoleInternalAuditor}} {
		if c.check.Checked {
			p.Roles = append(p.Roles, data.Role{Kind: c.kind})
		}
	}
	for _, proc := range lines(f.processes.Text) {
		p.Roles = append(p.Roles, data.Role{Kind: data.RoleProcessOwner, Process: proc})
	}
	return p
}

func (f *personForm) content() fyne.CanvasObject {
	defer f.problems.flag(f.person.Unreadable)
	return widget.NewForm(
		widget.NewFormItem(lang.L("Name *"), f.problems.wrap("Name", f.name)),
		widget.NewFormItem(lang.L("Job title"), f.problems.wrap("JobTitle", f.jobTitle)),
		widget.NewFormItem(lang.L("E-mail"), f.problems.wrap("Email", f.email)),
		widget.NewFormItem(lang.L("SMS roles"), f.problems.wrap("Roles", container.NewVBox(
			container.NewHBox(f.owner, f.top, f.auditor), f.processes))),
	)
}
