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

// tasksScreen lists the work to do: mine or everyone's, overdue first.
type tasksScreen struct {
	env    *env
	people map[int64]data.Person
	tasks  []data.Task
	// sources names the records tasks came from, read once per load
	sources map[int64]data.RecordRef
	shown   []data.Task

	mine     *widget.RadioGroup
	openOnly *widget.Check
	search   *textField
	table    *rowTable
	selected int
	edit     *widget.Button
	done     *widget.Button
	remove   *widget.Button
	source   *widget.Button
	undo     *widget.Button
	status   *widget.Label
	deletion *undoableDelete
	summary  *widget.Label // how many tasks, how many overdue: recounted on every load
	detail   rowDetail     // the selected task in full (layout.go)
}

func taskColumns() []string {
	return []string{lang.L("Task"), lang.L("Owner"), lang.L("Due"), lang.L("Status"), lang.L("From")}
}

func newTasksScreen(e *env) *tasksScreen {
	s := &tasksScreen{env: e, selected: -1}
	s.mine = widget.NewRadioGroup([]string{lang.L("Mine"), lang.L("Everyone's")}, func(string) { s.filter() })
	s.mine.Horizontal = true
	s.mine.Selected = lang.L("Everyone's")
	s.openOnly = widget.NewCheck(lang.L("Open only"), func(bool) { s.filter() })
	s.openOnly.Checked = true
	s.search = newField()
	s.search.PlaceHolder = lang.L("Search tasks")
	s.search.OnChanged = func(string) { s.filter() }
	s.table = newRowTable(
		func() (int, int) { return len(s.shown), len(taskColumns()) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			t := s.shown[id.Row]
			l.SetText(s.cell(t, id.Col))
			if id.Col == 2 && t.Overdue(s.env.now()) {
				l.Importance = widget.DangerImportance
			} else {
				l.Importance = widget.MediumImportance
			}
			l.Refresh()
		})
	s.table.ShowHeaderColumn = false
	s.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 {
			o.(*widget.Label).SetText(taskColumns()[id.Col])
		}
	}
	s.table.OnSelected = func(id widget.TableCellID) { s.selected = id.Row; s.updateButtons() }
	s.summary = widget.NewLabel("")
	s.detail = newRowDetail()
	s.edit = widget.NewButtonWithIcon(lang.L("Edit…"), theme.DocumentCreateIcon(), s.onEdit)
	s.done = widget.NewButtonWithIcon(lang.L("Mark done"), theme.ConfirmIcon(), s.onToggleDone)
	s.remove = widget.NewButtonWithIcon(lang.L("Delete…"), theme.DeleteIcon(), s.onDelete)
	s.source = widget.NewButtonWithIcon(lang.L("Open source"), theme.NavigateNextIcon(), s.onSource)
	s.table.onRows(s.edit, s.remove) // row_actions.go
	s.status = widget.NewLabel("")
	s.deletion = newUndoableDelete(s.status, s.load)
	s.undo = s.deletion.button
	s.load()
	return s
}

func (s *tasksScreen) cell(t data.Task, col int) string {
	switch col {
	case 0:
		return t.Title
	case 1:
		if p, ok := s.people[t.OwnerID]; ok {
			return p.Name
		}
		return lang.L("unassigned")
	case 2:
		if t.Unreadable.Has("Due") {
			return lang.L("unreadable")
		}
		if t.Due.IsZero() {
			return ""
		}
		d := s.env.date(t.Due)
		if t.Overdue(s.env.now()) {
			d += " " + lang.L("overdue")
		}
		return d
	case 3:
		if t.Status == data.TaskDone {
			return lang.L("Done")
		}
		return lang.L("Open")
	}
	if id, ok := data.SourceRecordID(t); ok {
		if ref, ok := s.sources[id]; ok {
			return ref.Text()
		}
		return lang.L("A record since deleted")
	}
	return taskSource(s.env.cat, t)
}

// taskSource names where a task came from in plain words.
func taskSource(cat *data.Catalogue, t data.Task) string {
	switch t.SourceKind {
	case data.SourceStep:
		id, _, _ := strings.Cut(t.SourceRef, "#")
		if st, ok := cat.Step(id); ok {
			return lang.L("Roadmap:") + " " + st.Title
		}
	case data.SourceQuestion:
		if q, ok := cat.Question(t.SourceRef); ok {
			// The question's id (q-9.3-1) means nothing to a reader; the
			// task's title already quotes the question.
			return lang.L("Gap assessment, clause") + " " + q.Clause
		}
	case data.SourceRecord:
		// the title names the record ("Review RSK-3 …")
		return lang.L("A register's review or treatment")
	}
	return lang.L("Added by hand")
}

func (s *tasksScreen) load() {
	people, err := s.env.ws.People(s.env.ctx())
	if err != nil {
		s.env.showErr(err)
	}
	s.people = map[int64]data.Person{}
	for _, p := range people {
		s.people[p.ID] = p
	}
	if s.tasks, err = s.env.ws.Tasks(s.env.ctx()); err != nil {
		s.env.showErr(err)
	}
	s.loadSources()
	s.refreshSummary()
	s.filter()
}

func (s *tasksScreen) refreshSummary() {
	overdue, open := data.CountOverdue(s.tasks, s.env.now()), 0
	for _, t := range s.tasks {
		if t.Status == data.TaskOpen {
			open++
		}
	}
	// "Open only" is on by default: a total of all tasks beside the open
	// ones listed read as a miscount.
	s.summary.SetText(fmt.Sprintf(lang.L("%d open of %d tasks, %d overdue."), open, len(s.tasks), overdue))
	s.summary.Importance = widget.MediumImportance
	if overdue > 0 {
		s.summary.Importance = widget.DangerImportance
	}
	s.summary.Refresh()
}

// me is the person working, when their name matches a person in the workspace.
func (s *tasksScreen) me() int64 {
	for id, p := range s.people {
		if strings.EqualFold(p.Name, s.env.actor()) {
			return id
		}
	}
	return -1
}

func (s *tasksScreen) filter() {
	q := strings.ToLower(strings.TrimSpace(s.search.Text))
	me := s.me()
	s.shown = s.shown[:0]
	for _, t := range s.tasks {
		if s.mine.Selected == lang.L("Mine") && t.OwnerID != me {
			continue
		}
		if s.openOnly.Checked && t.Status != data.TaskOpen {
			continue
		}
		if q != "" && !strings.Contains(strings.ToLower(t.Title+" "+t.Description+" "+s.cell(t, 1)+" "+s.cell(t, 4)), q) {
			continue
		}
		s.shown = append(s.shown, t)
	}
	data.SortTasks(s.shown, s.env.now())
	s.selected = -1
	s.table.UnselectAll()
	s.table.Refresh()
	s.updateButtons()
}

func (s *tasksScreen) updateButtons() {
	t, ok := s.current()
	for _, b := range []*widget.Button{s.edit, s.done, s.remove} {
		if !ok || s.env.ws.ReadOnly() {
			b.Disable()
		} else {
			b.Enable()
		}
	}
	if _, found := s.sourceRef(t); ok && found {
		s.source.Enable()
	} else {
		s.source.Disable()
	}
	if ok {
		s.detail.show(t.Title, s.cell(t, 1), s.cell(t, 2), s.cell(t, 4))
	} else {
		s.detail.show()
	}
	if ok && t.Status == data.TaskDone {
		s.done.SetText(lang.L("Reopen"))
	} else {
		s.done.SetText(lang.L("Mark done"))
	}
}

func (s *tasksScreen) current() (data.Task, bool) {
	if s.selected < 0 || s.selected >= len(s.shown) {
		return data.Task{}, false
	}
	return s.shown[s.selected], true
}

func (s *tasksScreen) onToggleDone() {
	t, ok := s.current()
	if !ok {
		return
	}
	if t.Status == data.TaskDone {
		t.Status = data.TaskOpen
	} else {
		t.Status = data.TaskDone
	}
	if _, err := s.env.ws.SaveTask(s.env.ctx(), t); err != nil {
		conflictOr(s.env.win, err, "", s.load, s.env.showErr)
		return
	}
	s.status.SetText(fmt.Sprintf(lang.L("%q is now %s."), t.Title, strings.ToLower(s.cell(t, 3))))
	s.load()
}

func (s *tasksScreen) onDelete() {
	t, ok := s.current()
	if !ok {
		return
	}
	s.deletion.ask(s.env, lang.L("Delete task"), fmt.Sprintf(lang.L("Delete %q? You can undo this until you leave the screen."), t.Title), t.Title,
		func() error { return s.env.ws.DeleteTask(s.env.ctx(), t) },
		func() (string, error) {
			_, err := s.env.ws.RestoreTask(s.env.ctx(), t)
			return "", err
		})
}

func (s *tasksScreen) onAdd() {
	s.openForm(data.Task{Status: data.TaskOpen, SourceKind: data.SourceManual, OwnerID: s.me()})
}

func (s *tasksScreen) onEdit() {
	if t, ok := s.current(); ok {
		s.openForm(t)
	}
}

// openForm edits a task in a dialog that stays open until the task is valid.
func (s *tasksScreen) openForm(t data.Task) {
	showTaskDialog(s.env, s.people, t, func(v data.Task) {
		s.status.SetText(fmt.Sprintf(lang.L("%q was saved."), v.Title))
		s.load()
	}, func() { s.reloadForm(t.ID) })
}

// showTaskDialog edits task t, saved or added, in a dialog that stays
// open until the task is valid; saved follows a save, and reload shows
// the task as stored after someone else changed it.
func showTaskDialog(e *env, people map[int64]data.Person, t data.Task, saved func(data.Task), reload func()) {
	f := newTaskForm(t, e, people)
	title := lang.L("Add task")
	switch {
	case t.ID != 0:
		title = lang.L("Edit task")
	case t.SourceKind == data.SourceAction:
		title = lang.L("Add action")
	}
	showRecordDialog(e.win, title, lang.L("Save"), f.content(), 560, true, f.problems, func() error {
		v, err := f.value()
		if err == nil {
			v, err = e.ws.SaveTask(e.ctx(), v)
		}
		if err != nil {
			return err
		}
		saved(v)
		return nil
	}, reload, f.title, &f.due.Entry)
	e.win.Canvas().Focus(f.title)
}

// reloadForm shows the tasks as stored now and opens the form again on
// task id, unless it was deleted meanwhile.
func (s *tasksScreen) reloadForm(id int64) {
	s.load()
	for _, t := range s.tasks {
		if t.ID == id {
			s.openForm(t)
			return
		}
	}
	s.status.SetText(lang.L("The task was deleted meanwhile."))
}

func (s *tasksScreen) content() fyne.CanvasObject {
	add := widget.NewButtonWithIcon(lang.L("Add task…"), theme.ContentAddIcon(), s.onAdd)
	add.Importance = widget.HighImportance
	if s.env.ws.ReadOnly() {
		add.Disable()
	}
	top := container.NewVBox(
		heading(lang.L("Tasks")),
		toolbar(s.status, add, s.edit, s.done, s.remove, s.source, s.undo), // layout.go
		container.NewBorder(nil, nil, container.NewHBox(s.mine, s.openOnly), s.summary, s.search),
	)
	if len(s.tasks) == 0 {
		return container.NewBorder(top, nil, nil, nil, wrapLabel(lang.L("No tasks yet. Tasks come from the roadmap's checklists and from the gaps an assessment finds; you can also add your own. Every task has an owner and a due date, and overdue work is shown when the app starts.")))
	}
	return container.NewBorder(top, s.detail, nil, nil, stretchColumns(s.table, tasksColumnWidths()))
}

// tasksColumnWidths are the columns' widths on a small screen; wider ones
// stretch them (layout.go stretchColumns).
func tasksColumnWidths() []float32 { return []float32{355, 170, 215, 90, 260} } // Due fits "30 September 2026 overdue"

// loadSources names the records the tasks came from, in one read.
func (s *tasksScreen) loadSources() {
	s.sources = map[int64]data.RecordRef{}
	var ids []int64
	for _, t := range s.tasks {
		if id, ok := data.SourceRecordID(t); ok {
			ids = append(ids, id)
		}
	}
	refs, err := s.env.ws.RecordRefsOf(s.env.ctx(), ids)
	if err != nil {
		s.env.showErr(err)
	}
	for _, r := range refs {
		s.sources[r.ID] = r
	}
}

// sourceRef is the record task t came from, when it still exists.
func (s *tasksScreen) sourceRef(t data.Task) (data.RecordRef, bool) {
	id, ok := data.SourceRecordID(t)
	if !ok {
		return data.RecordRef{}, false
	}
	ref, ok := s.sources[id]
	return ref, ok
}

// onSource opens the form of the record the selected task came from, over
// the task list, which shows the tasks again once it is saved.
func (s *tasksScreen) onSource() {
	t, ok := s.current()
	if !ok {
		return
	}
	if ref, ok := s.sourceRef(t); ok {
		openRecordByRef(s.env, ref, s.load)
	}
}
