package app

import (
	"fmt"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"smsbuilder/data"
)

// peopleScreen lists the people who run the SMS and the roles they hold.
type peopleScreen struct {
	env    *env
	people []data.Person // all, as stored
	shown  []data.Person // filtered and sorted

	search                *textField
	table                 *rowTable
	sortCol               int
	sortDesc              bool
	selected              int
	edit, remove, history *widget.Button
	undo                  *widget.Button
	status                *widget.Label
	hats                  *widget.Label // conflicting or missing roles; hidden when none
	deletion              *undoableDelete
	detail                rowDetail // the selected person in full (layout.go)
	// body holds the introduction while there is nobody and the table
	// once there is someone: it changes over when the first person is
	// added or the last deleted
	body      *fyne.Container
	bodyEmpty bool
}

// peopleColumns are the table's column titles, in order.
func peopleColumns() []string {
	return []string{lang.L("Name"), lang.L("SMS roles"), lang.L("Job title"), lang.L("E-mail")}
}

func newPeopleScreen(e *env) *peopleScreen {
	s := &peopleScreen{env: e, selected: -1}
	s.search = newField()
	s.search.PlaceHolder = lang.L("Search people, titles, e-mail or roles")
	s.search.OnChanged = func(string) { s.filter() }
	s.table = newRowTable(
		func() (int, int) { return len(s.shown), len(peopleColumns()) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(personCell(s.shown[id.Row], id.Col))
		})
	s.table.ShowHeaderColumn = false
	s.table.CreateHeader = func() fyne.CanvasObject { return widget.NewButton("", nil) }
	s.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		b := o.(*widget.Button)
		if id.Col < 0 {
			return
		}
		label := peopleColumns()[id.Col]
		if id.Col == s.sortCol {
			if s.sortDesc {
				label += " ▼"
			} else {
				label += " ▲"
			}
		}
		b.SetText(label)
		col := id.Col
		b.OnTapped = func() { s.onSort(col) }
	}
	s.detail = newRowDetail()
	s.table.OnSelected = func(id widget.TableCellID) {
		s.selected = id.Row
		s.updateButtons()
	}
	s.edit = widget.NewButtonWithIcon(lang.L("Edit…"), theme.DocumentCreateIcon(), s.onEdit)
	s.remove = widget.NewButtonWithIcon(lang.L("Delete…"), theme.DeleteIcon(), s.onDelete)
	s.table.onRows(s.edit, s.remove) // row_actions.go
	s.history = widget.NewButtonWithIcon(lang.L("History"), theme.HistoryIcon(), s.onHistory)
	s.status = widget.NewLabel("")
	s.hats = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.hats.Wrapping = fyne.TextWrapWord
	s.deletion = newUndoableDelete(s.status, s.load)
	s.undo = s.deletion.button
	s.load()
	return s
}

func personCell(p data.Person, col int) string {
	switch col {
	case 0:
		return p.Name
	case 1:
		return p.RolesText()
	case 2:
		return p.JobTitle
	}
	return p.Email
}

func (s *peopleScreen) load() {
	people, err := s.env.ws.People(s.env.ctx())
	if err != nil {
		s.env.showErr(err)
	}
	s.people = people
	s.showHats()
	s.filter()
	if s.body != nil && (len(s.people) == 0) != s.bodyEmpty {
		s.bodyEmpty = len(s.people) == 0
		s.body.Objects = []fyne.CanvasObject{s.view()}
		s.body.Refresh()
	}
}

// showHats warns of conflicting or missing roles. It warns and never
// refuses: a firm fills in People one person at a time. With nobody yet,
// the screen's introduction already says which roles are needed.
func (s *peopleScreen) showHats() {
	warnings := data.HatWarnings(s.people)
	if len(s.people) == 0 || len(warnings) == 0 {
		s.hats.SetText("")
		s.hats.Hide()
		return
	}
	s.hats.SetText(lang.L("Check the roles:") + " " + strings.Join(warnings, " "))
	s.hats.Show()
}

// filter applies the search text and the sort order to the table.
func (s *peopleScreen) filter() {
	q := strings.ToLower(strings.TrimSpace(s.search.Text))
	s.shown = s.shown[:0]
	for _, p := range s.people {
		text := strings.ToLower(strings.Join([]string{p.Name, p.JobTitle, p.Email, p.RolesText()}, " "))
		if q == "" || strings.Contains(text, q) {
			s.shown = append(s.shown, p)
		}
	}
	sort.SliceStable(s.shown, func(i, j int) bool {
		a, b := strings.ToLower(personCell(s.shown[i], s.sortCol)), strings.ToLower(personCell(s.shown[j], s.sortCol))
		if s.sortDesc {
			return a > b
		}
		return a < b
	})
	s.selected = -1
	s.table.UnselectAll()
	s.table.Refresh()
	s.updateButtons()
}

func (s *peopleScreen) onSort(col int) {
	if s.sortCol == col {
		s.sortDesc = !s.sortDesc
	} else {
		s.sortCol, s.sortDesc = col, false
	}
	s.filter()
}

func (s *peopleScreen) updateButtons() {
	if p, ok := s.current(); ok {
		s.detail.show(p.Name, p.JobTitle, p.Email, p.RolesText())
	} else {
		s.detail.show()
	}
	ro := s.env.ws.ReadOnly()
	for _, b := range []*widget.Button{s.edit, s.remove, s.history} {
		if s.selected < 0 || s.selected >= len(s.shown) || (ro && b != s.history) {
			b.Disable()
		} else {
			b.Enable()
		}
	}
}

func (s *peopleScreen) current() (data.Person, bool) {
	if s.selected < 0 || s.selected >= len(s.shown) {
		return data.Person{}, false
	}
	return s.shown[s.selected], true
}

func (s *peopleScreen) onAdd() { s.openForm(data.Person{}) }

func (s *peopleScreen) onEdit() {
	if p, ok := s.current(); ok {
		s.openForm(p)
	}
}

func (s *peopleScreen) onDelete() {
	p, ok := s.current()
	if !ok {
		return
	}
	var links data.Unlinked
	s.deletion.ask(s.env, lang.L("Delete person"),
		fmt.Sprintf(lang.L("Delete %s and the roles they hold? You can undo this until you leave the screen."), p.Name), p.Name,
		func() error {
			var err error
			links, err = s.env.ws.DeletePerson(s.env.ctx(), p)
			return err
		},
		func() (string, error) {
			done, err := s.env.ws.RestorePerson(s.env.ctx(), p, links)
			if err != nil || done.LeftAlone == 0 {
				return "", err
			}
			return fmt.Sprintf(lang.L("%d of the records they were linked to had been given to someone else or deleted since, and stay as they are."), done.LeftAlone), nil
		})
}

func (s *peopleScreen) onHistory() {
	p, ok := s.current()
	if !ok {
		return
	}
	showHistory(s.env, "person", fmt.Sprint(p.ID), p.Name)
}

// openForm edits p in a dialog; a new person when p.ID is 0. The dialog stays
// open with the problem shown beside the field until the person is saved.
func (s *peopleScreen) openForm(p data.Person) {
	f := newPersonForm(p)
	title := lang.L("Add person")
	if p.ID != 0 {
		title = lang.L("Edit person")
	}
	showRecordDialog(s.env.win, title, lang.L("Save"), f.content(), 560, true, f.problems, func() error {
		saved, err := s.env.ws.SavePerson(s.env.ctx(), f.value())
		if err != nil {
			return err
		}
		s.status.SetText(fmt.Sprintf(lang.L("%s was saved."), saved.Name))
		s.load()
		return nil
	}, func() { s.reloadForm(p.ID) }, f.name, f.jobTitle, f.email)
	s.env.win.Canvas().Focus(f.name)
}

// reloadForm shows the people as stored now and opens the form again on
// person id, unless they were deleted meanwhile.
func (s *peopleScreen) reloadForm(id int64) {
	s.load()
	p, err := s.env.ws.Person(s.env.ctx(), id)
	if err != nil {
		s.env.showErr(err)
		return
	}
	s.openForm(p)
}

func (s *peopleScreen) content() fyne.CanvasObject {
	s.bodyEmpty = len(s.people) == 0
	s.body = container.NewStack(s.view())
	return s.body
}

// view is the screen as it is now: the introduction, or the table.
func (s *peopleScreen) view() fyne.CanvasObject {
	add := widget.NewButtonWithIcon(lang.L("Add person…"), theme.ContentAddIcon(), s.onAdd)
	add.Importance = widget.HighImportance
	if s.env.ws.ReadOnly() {
		add.Disable()
	}
	top := container.NewVBox(heading(lang.L("People and SMS roles")), toolbar(s.status, add, s.edit, s.remove, s.history, s.undo), s.hats, s.search) // layout.go
	if len(s.people) == 0 {
		intro := widget.NewLabel(lang.L("No people yet. Add the people who run your service management system: at least an SMS owner, someone from top management and an internal auditor. In a small firm one person often holds several roles; the internal auditor should not audit work they do themselves."))
		intro.Wrapping = fyne.TextWrapWord
		return container.NewBorder(top, nil, nil, nil, container.NewVBox(intro))
	}
	return container.NewBorder(top, s.detail, nil, guidanceWidth(guidancePanel(s.env.cat, "5.3", "")), stretchColumns(s.table, peopleColumnWidths()))
}

// guidanceWidth keeps a side panel readable but narrow.
func guidanceWidth(o fyne.CanvasObject) fyne.CanvasObject {
	return fixedWidth(320, o) // layout.go
}

// peopleColumnWidths are the columns' widths on a small screen; wider ones
// stretch them (layout.go stretchColumns).
func peopleColumnWidths() []float32 { return []float32{170, 380, 200, 280} }
