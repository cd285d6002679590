package app

import (
	"fmt"
	"slices"
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

// roadmapScreen walks the organisation through the implementation steps:
// status, owner, due date and checklist per step, progress per phase.
type roadmapScreen struct {
	env      *env
	steps    []data.Step
	progress map[string]data.StepProgress
	people   []data.Person
	tasks    []data.Task
	plan     data.Plan

	list     *widget.List
	selected int
	detail   *fyne.Container
	target   *dateField
	// targetNote says why the stored target date shows as it was stored.
	targetNote *widget.Label
	overall    *widget.ProgressBar
	overallOf  *widget.Label // the steps done, beside the bar (layout.go textBeside)
	phases     *fyne.Container
	edit       stepEdit // the form of the step on show
}

// stepEdit is the form of one step with the values it was shown with, so
// that leaving can tell whether anything was changed since.
type stepEdit struct {
	title   string
	form    fyne.CanvasObject
	initial []string
	save    func() error
}

// unsaved names the step on show when its form differs from what was loaded.
func (s *roadmapScreen) unsaved() string {
	if s.edit.form == nil || s.env.ws.ReadOnly() || slices.Equal(formValues(s.edit.form), s.edit.initial) {
		return ""
	}
	return fmt.Sprintf(lang.L("The roadmap step “%s” has changes that are not saved."), s.edit.title)
}

func (s *roadmapScreen) saveChanges() error {
	if s.edit.save == nil {
		return nil
	}
	return s.edit.save()
}

func newRoadmapScreen(e *env) *roadmapScreen {
	s := &roadmapScreen{env: e, steps: e.cat.Steps(), selected: -1}
	s.target = newDateField(time.Time{}, true)
	s.target.OnSubmitted = func(string) { s.onPropose() }
	s.targetNote = wrapLabel("")
	s.targetNote.Importance = widget.DangerImportance
	s.targetNote.Hide()
	s.overall = widget.NewProgressBar()
	s.overallOf = widget.NewLabel("")
	s.phases = container.NewGridWithRows(1)
	s.detail = container.NewStack()
	s.list = widget.NewList(
		func() int { return len(s.steps) },
		func() fyne.CanvasObject {
			title := widget.NewLabel("step")
			title.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, widget.NewIcon(theme.RadioButtonIcon()), widget.NewLabel("2027-12-31"), title)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			st := s.steps[i]
			p := s.progress[st.ID]
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(fmt.Sprintf("%d. %s", i+1, st.Title))
			icon := statusIcon(p.Status)
			if p.Unreadable.Has("Status") {
				icon = theme.WarningIcon()
			}
			box.Objects[1].(*widget.Icon).SetResource(icon)
			due := ""
			if !p.Due.IsZero() {
				due = s.env.date(p.Due)
			}
			box.Objects[2].(*widget.Label).SetText(orUnreadable(p.Unreadable, "Due", due))
		})
	s.list.OnSelected = func(i widget.ListItemID) {
		if i == s.selected {
			return
		}
		// Another step replaces the form: what was typed in it is asked about.
		prev := s.selected
		s.env.leave(s, func() { s.selected = i; s.showDetail() }, func() { s.list.Select(prev) })
	}
	s.load()
	return s
}

func statusIcon(st data.StepStatus) fyne.Resource {
	switch st {
	case data.StepDone:
		return theme.ConfirmIcon()
	case data.StepInProgress:
		return theme.MediaPlayIcon()
	case data.StepNotApplicable:
		return theme.ContentRemoveIcon()
	}
	return theme.RadioButtonIcon()
}

func (s *roadmapScreen) load() {
	ctx := s.env.ctx()
	var err error
	if s.progress, err = s.env.ws.StepProgress(ctx); err != nil {
		s.env.showErr(err)
		s.progress = map[string]data.StepProgress{}
	}
	if s.people, err = s.env.ws.People(ctx); err != nil {
		s.env.showErr(err)
	}
	if s.tasks, err = s.env.ws.Tasks(ctx); err != nil {
		s.env.showErr(err)
	}
	if s.plan, err = s.env.ws.Plan(ctx); err != nil {
		s.env.showErr(err)
	}
	if !s.plan.TargetDate.IsZero() {
		s.target.setDate(s.plan.TargetDate)
	}
	if u, ok := s.plan.Unreadable.Of("TargetDate"); ok {
		s.target.SetText(u.Raw) // kept in sight until the user corrects it
		s.targetNote.SetText(u.Message())
		s.targetNote.Show()
	} else {
		s.targetNote.Hide()
	}
	s.refreshProgress()
	s.list.Refresh()
	if s.selected >= 0 {
		s.showDetail()
	}
}

func (s *roadmapScreen) refreshProgress() {
	phases, all := data.SummariseRoadmap(s.env.cat, s.progress)
	if all.Total > 0 {
		s.overall.SetValue(float64(all.Done) / float64(all.Total))
	}
	s.overallOf.SetText(fmt.Sprintf(lang.L("%d of %d steps done"), all.Done, all.Total))
	s.phases.Objects = nil
	for _, ph := range phases {
		b := widget.NewProgressBar()
		if ph.Total > 0 {
			b.SetValue(float64(ph.Done) / float64(ph.Total))
		}
		b.TextFormatter = func() string { return "" } // beside it, as in textBeside (layout.go)
		s.phases.Add(container.NewBorder(nil, nil, widget.NewLabel(fmt.Sprintf("%s %d/%d", ph.Phase.Title, ph.Done, ph.Total)), nil, b))
	}
	s.phases.Refresh()
}

// onPropose schedules due dates back from the target certification date.
func (s *roadmapScreen) onPropose() {
	target, err := s.target.date()
	if err == nil && target.IsZero() {
		err = data.Errorf(data.EInvalid, "%s", lang.L("Choose the date you aim to be certified by, then propose the due dates."))
	}
	if err != nil {
		s.env.showErr(err)
		return
	}
	dialog.ShowConfirm(lang.L("Propose due dates"),
		lang.L("Set every open step's due date by working back from the target date with each step's typical duration? Dates you set by hand are replaced; you can change any of them afterwards."),
		func(yes bool) {
			if !yes {
				return
			}
			ctx := s.env.ctx()
			plan := s.plan
			plan.TargetDate = target
			if _, err := s.env.ws.SavePlan(ctx, plan); err != nil {
				conflictOr(s.env.win, err, "", s.load, s.env.showErr)
				return
			}
			for id, due := range data.ScheduleBack(s.env.cat, target) {
				p := s.progress[id]
				// A status that could not be read is left for the user to
				// choose on the step, not stored as "not started".
				if p.Status.Closed() || p.Unreadable.Has("Status") {
					continue
				}
				p.StepID, p.Due = id, due
				if p.Status == "" {
					p.Status = data.StepNotStarted
				}
				if _, err := s.env.ws.SaveStepProgress(ctx, p); err != nil {
					// The steps saved so far keep their new dates.
					conflictOr(s.env.win, err, "", s.load, s.env.showErr)
					s.load()
					return
				}
			}
			s.load()
		}, s.env.win)
}

// showDetail shows the selected step with its form and checklist.
func (s *roadmapScreen) showDetail() {
	st := s.steps[s.selected]
	p := s.progress[st.ID]
	// An unreadable status stays unchosen: saving asks for one rather than
	// storing "not started" nobody picked.
	if p.Status == "" && !p.Unreadable.Has("Status") {
		p.Status = data.StepNotStarted
	}
	p.StepID = st.ID
	problems := fieldProblems{}

	var statuses []string
	for _, x := range data.StepStatuses() {
		statuses = append(statuses, x.Label())
	}
	status := widget.NewSelect(statuses, nil)
	if p.Status != "" {
		status.SetSelected(p.Status.Label())
	}
	reason := newField()
	reason.SetText(p.NAReason)
	reason.PlaceHolder = lang.L("Why the step does not apply")
	owner := widget.NewSelect(personNames(s.people), nil)
	owner.PlaceHolder = lang.L("(unassigned)")
	for _, person := range s.people {
		if person.ID == p.OwnerID {
			owner.SetSelected(person.Name)
		}
	}
	due := newDateField(p.Due, true)
	if u, ok := p.Unreadable.Of("Due"); ok {
		due.SetText(u.Raw) // kept in sight until the user corrects it
	}
	notes := newMultiLineField()
	notes.SetMinRowsVisible(3)
	notes.SetText(p.Notes)
	problem := widget.NewLabel("")
	problem.Importance = widget.DangerImportance
	problem.Wrapping = fyne.TextWrapWord
	problem.Hide()

	save := func() error {
		next := p
		for _, x := range data.StepStatuses() {
			if x.Label() == status.Selected {
				next.Status = x
			}
		}
		next.NAReason = strings.TrimSpace(reason.Text)
		next.OwnerID = personID(s.people, owner.Selected)
		next.Notes = strings.TrimSpace(notes.Text)
		d, err := due.date()
		if err == nil {
			next.Due = d
			err = data.CheckStepStatus(s.env.cat, s.progress, st.ID, next.Status)
		}
		if err == nil {
			_, err = s.env.ws.SaveStepProgress(s.env.ctx(), next)
		}
		if isConflict(err) {
			showConflict(s.env.win, err, lang.L("Reloading discards the changes you made to this step."), s.load)
			return err
		}
		if err != nil {
			problem.SetText(data.ErrorMessage(err))
			problem.Show()
			return err
		}
		s.load()
		return nil
	}
	s.env.onSave(func() { save() })
	due.OnSubmitted = func(string) { save() }
	reason.OnSubmitted = func(string) { save() }
	saveBtn := widget.NewButtonWithIcon(lang.L("Save step"), theme.DocumentSaveIcon(), func() { save() })
	saveBtn.Importance = widget.HighImportance
	if s.env.ws.ReadOnly() {
		saveBtn.Disable()
	}

	form := widget.NewForm(
		widget.NewFormItem(lang.L("Status"), problems.wrap("Status", status)),
		widget.NewFormItem(lang.L("Reason if not applicable"), reason),
		widget.NewFormItem(lang.L("Owner"), owner),
		widget.NewFormItem(lang.L("Due"), problems.wrap("Due", due)),
		widget.NewFormItem(lang.L("Notes"), notes),
	)
	problems.flag(p.Unreadable)
	s.edit = stepEdit{title: st.Title, form: form, initial: formValues(form), save: save}
	what := newMarkdownView(st.WhatToDo).box
	var prereq []string
	for _, id := range st.Prerequisites {
		pre, _ := s.env.cat.Step(id)
		prereq = append(prereq, pre.Title+" ("+strings.ToLower(s.progress[id].Status.Label())+")")
	}
	facts := widget.NewForm(
		widget.NewFormItem(lang.L("Clauses"), wrapLabel(strings.Join(st.Clauses, ", "))),
		widget.NewFormItem(lang.L("Produces"), wrapLabel(producesText(st.Produces))),
		widget.NewFormItem(lang.L("Needs first"), wrapLabel(joinOr(prereq, lang.L("nothing: start any time")))),
		widget.NewFormItem(lang.L("Typical duration"), widget.NewLabel(fmt.Sprintf(lang.L("%d days"), st.DurationDays))),
	)
	body := container.NewVBox(
		heading(st.Title), what, facts, widget.NewSeparator(),
		form, container.NewHBox(saveBtn), problem, widget.NewSeparator(),
		s.checklist(st, p),
	)
	s.detail.Objects = []fyne.CanvasObject{container.NewVScroll(body)}
	s.detail.Refresh()
}

// producesText turns "doc:policy" keys into plain words.
func producesText(keys []string) string {
	var out []string
	for _, k := range keys {
		kind, name, _ := strings.Cut(k, ":")
		label := map[string]string{"doc": lang.L("document"), "register": lang.L("register"), "record": lang.L("record")}[kind]
		out = append(out, strings.ReplaceAll(name, "-", " ")+" ("+label+")")
	}
	return joinOr(out, "—")
}

// checklist shows the step's sub-tasks. They become tasks, with the step's
// owner and due date, so they appear on the task list and the dashboard.
func (s *roadmapScreen) checklist(st data.Step, p data.StepProgress) fyne.CanvasObject {
	box := container.NewVBox(widget.NewLabelWithStyle(lang.L("Checklist"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	byRef := map[string]data.Task{}
	for _, t := range s.tasks {
		if t.SourceKind == data.SourceStep {
			byRef[t.SourceRef] = t
		}
	}
	created := 0
	for i, item := range st.Checklist {
		ref := fmt.Sprintf("%s#%d", st.ID, i+1)
		t, ok := byRef[ref]
		if !ok {
			box.Add(wrapLabel("☐ " + item))
			continue
		}
		created++
		task := t
		// The item beside its box, wrapped: a check's own text is one line
		// and made the step pane wider than a small screen.
		c := widget.NewCheck("", func(on bool) {
			task.Status = data.TaskOpen
			if on {
				task.Status = data.TaskDone
			}
			if _, err := s.env.ws.SaveTask(s.env.ctx(), task); err != nil {
				conflictOr(s.env.win, err, "", s.reloadTasks, s.env.showErr)
			}
			s.reloadTasks()
		})
		c.Checked = t.Status == data.TaskDone
		if s.env.ws.ReadOnly() {
			c.Disable()
		}
		box.Add(container.NewBorder(nil, nil, c, nil, wrapLabel(item)))
	}
	if created < len(st.Checklist) && !s.env.ws.ReadOnly() {
		box.Add(container.NewHBox(widget.NewButtonWithIcon(lang.L("Turn the checklist into tasks"), theme.ContentAddIcon(), func() {
			for i, item := range st.Checklist {
				ref := fmt.Sprintf("%s#%d", st.ID, i+1)
				if _, ok := byRef[ref]; ok {
					continue
				}
				t := data.Task{Title: item, Description: lang.L("Roadmap step:") + " " + st.Title, OwnerID: p.OwnerID, Due: p.Due,
					Status: data.TaskOpen, SourceKind: data.SourceStep, SourceRef: ref}
				if _, err := s.env.ws.SaveTask(s.env.ctx(), t); err != nil {
					s.env.showErr(err)
					return
				}
			}
			s.load()
		})))
	}
	return box
}

func (s *roadmapScreen) reloadTasks() {
	tasks, err := s.env.ws.Tasks(s.env.ctx())
	if err != nil {
		s.env.showErr(err)
		return
	}
	s.tasks = tasks
}

func (s *roadmapScreen) content() fyne.CanvasObject {
	propose := widget.NewButtonWithIcon(lang.L("Propose due dates"), theme.HistoryIcon(), s.onPropose)
	if s.env.ws.ReadOnly() {
		propose.Disable()
	}
	planning := container.NewBorder(nil, nil, widget.NewLabel(lang.L("Target certification date")), propose, s.target)
	top := container.NewVBox(heading(lang.L("Implementation roadmap")), textBeside(s.overall, s.overallOf), s.phases, planning, s.targetNote)
	s.detail.Objects = []fyne.CanvasObject{wrapLabel(lang.L("Choose a step to see what to do, who owns it and when it is due. Steps with a tick are done; a step can be marked done once the steps it needs are done or not applicable."))}
	if next, ok := data.NextStep(s.env.cat, s.progress); ok {
		for i, st := range s.steps {
			if st.ID == next.ID {
				s.list.Select(i)
			}
		}
	}
	split := container.NewHSplit(keepSelectedInView(s.list, func() int { return s.selected }), s.detail) // layout.go
	split.Offset = 0.4
	return container.NewBorder(top, nil, nil, nil, split)
}
