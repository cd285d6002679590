package app

import (
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"smsbuilder/data"
)

// docRow is one line of the document library: the document and its newest
// version, and the approved one when there is one.
type docRow struct {
	doc      data.Document
	latest   data.Version
	approved *data.Version
	prompts  int // prompts the newest text still holds for the author
	// alsoServes names the clauses of the organisation's other standards
	// the document serves too, "" when none.
	alsoServes string
}

// documentsScreen is the library of controlled documents. Opening one shows
// its editor in place.
type documentsScreen struct {
	env    *env
	rows   []docRow
	shown  []docRow
	people map[int64]data.Person

	search       *textField
	statusFilter *widget.Select
	clauseFilter *widget.Select
	table        *rowTable
	selected     int
	open         *widget.Button
	root         *fyne.Container
	editor       *documentEditor // the one open, nil while the library shows
	detail       rowDetail       // the selected document in full (layout.go)
}

func documentColumns() []string {
	return []string{lang.L("Number"), lang.L("Title"), lang.L("Clauses"), lang.L("Owner"), lang.L("Status"), lang.L("Prompts"), lang.L("Version"), lang.L("Next review")}
}

func newDocumentsScreen(e *env) *documentsScreen {
	s := &documentsScreen{env: e, selected: -1}
	s.search = newField()
	s.search.PlaceHolder = lang.L("Search number, title or text")
	s.search.OnChanged = func(string) { s.filter() }
	statuses := []string{lang.L("All statuses")}
	for _, st := range []data.DocStatus{data.DocDraft, data.DocInReview, data.DocApproved, data.DocWithdrawn} {
		statuses = append(statuses, st.Label())
	}
	s.statusFilter = widget.NewSelect(statuses, func(string) { s.filter() })
	s.statusFilter.Selected = statuses[0]
	clauses := []string{lang.L("All clauses")}
	for _, c := range e.cat.Children("") {
		clauses = append(clauses, c.Number+" "+c.Title)
	}
	s.clauseFilter = widget.NewSelect(clauses, func(string) { s.filter() })
	s.clauseFilter.Selected = clauses[0]
	s.table = newRowTable(
		func() (int, int) { return len(s.shown), len(documentColumns()) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.SetText(s.cell(s.shown[id.Row], id.Col))
			l.Importance = widget.MediumImportance
			if id.Col == 7 && s.reviewLate(s.shown[id.Row]) {
				l.Importance = widget.DangerImportance
			}
			if id.Col == 5 && s.shown[id.Row].prompts > 0 {
				l.Importance = widget.WarningImportance
			}
			l.Refresh()
		})
	s.table.ShowHeaderColumn = false
	s.table.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Col >= 0 {
			o.(*widget.Label).SetText(documentColumns()[id.Col])
		}
	}
	s.detail = newRowDetail()
	s.table.OnSelected = func(id widget.TableCellID) {
		s.selected = id.Row
		s.open.Enable()
		if id.Row < len(s.shown) {
			r := s.shown[id.Row]
			also := ""
			if r.alsoServes != "" {
				also = fmt.Sprintf(lang.L("Also serves %s"), r.alsoServes)
			}
			s.detail.show(s.cell(r, 0)+" "+s.cell(r, 1), s.cell(r, 2), s.cell(r, 3), s.cell(r, 4), also)
		}
	}
	s.open = widget.NewButtonWithIcon(lang.L("Open"), theme.DocumentIcon(), s.onOpen)
	s.open.Disable()
	s.table.onRows(s.open, nil) // row_actions.go
	s.root = container.NewStack()
	s.load()
	return s
}

func (s *documentsScreen) load() {
	ctx := s.env.ctx()
	docs, err := s.env.ws.Documents(ctx)
	if err != nil {
		s.env.showErr(err)
	}
	people, err := s.env.ws.People(ctx)
	if err != nil {
		s.env.showErr(err)
	}
	org, err := s.env.ws.Organisation(ctx)
	if err != nil {
		s.env.showErr(err)
	}
	s.people = map[int64]data.Person{}
	for _, p := range people {
		s.people[p.ID] = p
	}
	s.rows = s.rows[:0]
	for _, d := range docs {
		versions, err := s.env.ws.Versions(ctx, d.ID)
		if err != nil || len(versions) == 0 {
			s.env.showErr(err)
			continue
		}
		row := docRow{doc: d, latest: versions[0], prompts: len(data.Prompts(versions[0].Body)),
			alsoServes: s.env.cat.AlsoServesText(org, d.Clauses)}
		for _, v := range versions {
			if v.Status == data.DocApproved {
				v := v
				row.approved = &v
				break
			}
		}
		s.rows = append(s.rows, row)
	}
	s.filter()
}

func (s *documentsScreen) cell(r docRow, col int) string {
	switch col {
	case 0:
		return r.doc.Number
	case 1:
		return r.doc.Title
	case 2:
		return orUnreadable(r.doc.Unreadable, "Clauses", strings.Join(r.doc.Clauses, ", "))
	case 3:
		if p, ok := s.people[r.doc.OwnerID]; ok {
			return p.Name
		}
		return ""
	case 4:
		return orUnreadable(r.latest.Unreadable, "Status", r.latest.Status.Label())
	case 5:
		if r.prompts == 0 {
			return ""
		}
		return strconv.Itoa(r.prompts)
	case 6:
		return r.latest.Number()
	}
	if r.approved == nil {
		return ""
	}
	due := ""
	if !r.approved.ReviewDue.IsZero() {
		due = s.env.date(r.approved.ReviewDue)
	}
	return orUnreadable(r.approved.Unreadable, "ReviewDue", due)
}

// reviewLate reports an approved version whose review date has passed.
func (s *documentsScreen) reviewLate(r docRow) bool {
	return r.approved != nil && !r.approved.ReviewDue.IsZero() && r.approved.ReviewDue.Before(s.env.now())
}

func (s *documentsScreen) filter() {
	q := strings.ToLower(strings.TrimSpace(s.search.Text))
	status := s.statusFilter.Selected
	clause := ""
	if s.clauseFilter.Selected != s.clauseFilter.Options[0] {
		clause, _, _ = strings.Cut(s.clauseFilter.Selected, " ")
	}
	s.shown = s.shown[:0]
	for _, r := range s.rows {
		// A status that could not be read matches no status, only "all".
		if status != s.statusFilter.Options[0] && s.cell(r, 4) != status {
			continue
		}
		if clause != "" && !coversClause(r.doc.Clauses, clause) {
			continue
		}
		if q != "" && !strings.Contains(strings.ToLower(r.doc.Number+" "+r.doc.Title+" "+r.latest.Body), q) {
			continue
		}
		s.shown = append(s.shown, r)
	}
	s.selected = -1
	s.table.UnselectAll()
	s.table.Refresh()
	if s.detail.Label != nil {
		s.detail.show()
	}
	if s.open != nil {
		s.open.Disable()
	}
}

func coversClause(clauses []string, top string) bool {
	for _, c := range clauses {
		if c == top || strings.HasPrefix(c, top+".") {
			return true
		}
	}
	return false
}

// unsaved is what the open editor could not store yet.
func (s *documentsScreen) unsaved() string {
	if s.editor == nil {
		return ""
	}
	return s.editor.unsaved()
}

func (s *documentsScreen) saveChanges() error {
	if s.editor == nil {
		return nil
	}
	return s.editor.saveChanges()
}

func (s *documentsScreen) onOpen() {
	if s.selected < 0 || s.selected >= len(s.shown) {
		return
	}
	s.showEditor(s.shown[s.selected].doc.ID)
}

func (s *documentsScreen) showEditor(id int64) {
	show := func(o fyne.CanvasObject) {
		s.root.Objects = []fyne.CanvasObject{o}
		s.root.Refresh()
	}
	ed, err := newDocumentEditor(s.env, id, func() {
		s.editor = nil
		s.load()
		show(s.library())
		s.env.onSave(nil)
	}, show)
	if err != nil {
		s.env.showErr(err)
		return
	}
	s.editor = ed
	show(ed.content())
}

// onNewFromTemplate creates a document from a template, filled from the
// workspace, and opens it.
func (s *documentsScreen) onNewFromTemplate() {
	existing := map[string]bool{}
	for _, r := range s.rows {
		existing[r.doc.TemplateKey] = true
	}
	var names []string
	byName := map[string]data.Template{}
	for _, t := range s.env.cat.Templates() {
		if existing[t.Key] {
			continue
		}
		name := t.Number + " " + t.Title
		names = append(names, name)
		byName[name] = t
	}
	if len(names) == 0 {
		dialog.ShowInformation(lang.L("Every template is in use"), lang.L("Each template already has its document. Open it to edit, or start a new version."), s.env.win)
		return
	}
	list := widget.NewSelect(names, nil)
	all := widget.NewCheck(fmt.Sprintf(lang.L("Create all %d at once"), len(names)), nil)
	missing := wrapLabel("")
	missing.Importance = widget.WarningImportance
	foretell := func() {
		chosen := []data.Template{byName[list.Selected]}
		if all.Checked {
			chosen = chosen[:0]
			for _, n := range names {
				chosen = append(chosen, byName[n])
			}
		}
		foretellToFill(s.env, chosen, missing)
	}
	list.OnChanged = func(string) { foretell() }
	all.OnChanged = func(bool) { foretell() }
	list.SetSelected(names[0])
	dialog.ShowCustomConfirm(lang.L("New document from a template"), lang.L("Create"), lang.L("Cancel"),
		// Wide enough for the longest template's number and title: the
		// dialog's own width cut them even on a 1920 screen.
		fixedWidth(520, container.NewVBox(wrapLabel(lang.L("The template is filled with your organisation's values: name, scope, services, people. You then adapt it in the editor.")), list, all, missing)), // layout.go
		func(ok bool) {
			if !ok {
				return
			}
			chosen := []data.Template{byName[list.Selected]}
			if all.Checked {
				chosen = chosen[:0]
				for _, n := range names {
					chosen = append(chosen, byName[n])
				}
			}
			var last int64
			var toFill []string
			for _, t := range chosen {
				d, err := createFromTemplate(s.env, t)
				if err != nil {
					s.env.showErr(err)
					return
				}
				last = d.ID
				toFill = addToFill(toFill, draftToFill(s.env, d.ID))
			}
			s.load()
			if len(chosen) == 1 {
				s.showEditor(last)
			}
			showToFill(s.env, toFill)
		}, s.env.win)
}

// createFromTemplate stores a new draft filled from the workspace. Unknown
// placeholders cannot happen: the catalogue refuses them at start.
func createFromTemplate(e *env, t data.Template) (data.Document, error) {
	values, err := placeholderValues(e)
	if err != nil {
		return data.Document{}, err
	}
	body, _ := values.Fill(t.Body)
	owner := int64(0)
	if people, err := e.ws.People(e.ctx()); err == nil {
		for _, p := range people {
			if p.HasRole(data.RoleSMSOwner) {
				owner = p.ID
				break
			}
		}
	}
	return e.ws.CreateDocument(e.ctx(), data.Document{Number: t.Number, Title: t.Title, TemplateKey: t.Key, Clauses: t.Clauses, OwnerID: owner}, body)
}

func placeholderValues(e *env) (data.Placeholders, error) {
	o, err := e.ws.Organisation(e.ctx())
	if err != nil {
		return nil, err
	}
	people, err := e.ws.People(e.ctx())
	if err != nil {
		return nil, err
	}
	return data.PlaceholderValues(o, people, e.now()), nil
}

// onImport brings a Markdown or text file under control as a new draft.
func (s *documentsScreen) onImport() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			s.env.showErr(err)
			return
		}
		if r == nil {
			return
		}
		defer r.Close()
		b, err := io.ReadAll(io.LimitReader(r, data.MaxBodyBytes+1))
		switch {
		case err != nil:
			s.env.showErr(fmt.Errorf("read %s: %w", r.URI().Name(), err))
			return
		case len(b) > data.MaxBodyBytes:
			s.env.showErr(data.Errorf(data.EInvalid, "%s is too large to import: at most 1 MB of text.", r.URI().Name()))
			return
		case !utf8.Valid(b):
			s.env.showErr(data.Errorf(data.EInvalid, "%s is not a text file in UTF-8; save it as Markdown or plain text first.", r.URI().Name()))
			return
		}
		s.askImportDetails(strings.TrimSuffix(r.URI().Name(), filepath.Ext(r.URI().Name())), string(b))
	}, s.env.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".md", ".markdown", ".txt"}))
	d.Show()
}

func (s *documentsScreen) askImportDetails(name, body string) {
	number := newField()
	number.SetText(fmt.Sprintf("SMS-DOC-%02d", 100+len(s.rows)))
	title := newField()
	title.SetText(name)
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Document number *"), number),
		widget.NewFormItem(lang.L("Title *"), title),
	)
	showFormDialog(s.env.win, lang.L("Import a document"), lang.L("Import"), form, 520, true, nil, func() error {
		doc, err := s.env.ws.CreateDocument(s.env.ctx(), data.Document{Number: strings.TrimSpace(number.Text), Title: strings.TrimSpace(title.Text)}, body)
		if err != nil {
			return err
		}
		s.load()
		s.showEditor(doc.ID)
		return nil
	}, number, title)
}

func (s *documentsScreen) library() fyne.CanvasObject {
	fromTemplate := widget.NewButtonWithIcon(lang.L("New from template…"), theme.ContentAddIcon(), s.onNewFromTemplate)
	fromTemplate.Importance = widget.HighImportance
	importBtn := widget.NewButtonWithIcon(lang.L("Import Markdown…"), theme.FolderOpenIcon(), s.onImport)
	if s.env.ws.ReadOnly() {
		fromTemplate.Disable()
		importBtn.Disable()
	}
	top := container.NewVBox(
		heading(lang.L("Documents")),
		container.NewHBox(fromTemplate, importBtn, s.open),
		container.NewBorder(nil, nil, nil, container.NewHBox(s.statusFilter, s.clauseFilter), s.search),
	)
	if len(s.rows) == 0 {
		return container.NewBorder(top, nil, nil, nil, wrapLabel(fmt.Sprintf(lang.L("No documents yet. SMS Builder has a template for each of the %d documents an auditor expects, filled from your organisation's profile. Create them from templates, adapt them in the editor, send them for review and approve them; approved versions are frozen and print with their revision history."), len(s.env.cat.Templates()))))
	}
	return container.NewBorder(top, s.detail, nil, nil, stretchColumns(s.table, documentsColumnWidths()))
}

func (s *documentsScreen) content() fyne.CanvasObject {
	s.root.Objects = []fyne.CanvasObject{s.library()}
	return s.root
}

// documentsColumnWidths are the columns' widths on a small screen; wider ones
// stretch them (layout.go stretchColumns).
func documentsColumnWidths() []float32 { return []float32{115, 200, 110, 130, 95, 80, 135, 150} } // Version fits "Draft for 1.0", Next review "30 September 2026"
