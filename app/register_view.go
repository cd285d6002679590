package app

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"smsbuilder/data"
)

// registerPageSize is how many records the table reads from storage at a
// time: a screenful many times over, so that scrolling reads seldom, and
// few enough that 10,000 records never sit in memory at once.
const registerPageSize = 200

// registerPagesKept bounds the pages held while scrolling back and forth.
const registerPagesKept = 4

// detailLinks is how many linking records the line under the table names.
const detailLinks = 3

// searchDelay lets a person finish a word before the register is read
// again.
const searchDelay = 250 * time.Millisecond

// registerView is one register on its tab: a table read page by page from
// storage, searched, filtered and sorted there, with its form. Everything
// it shows comes from the register's declaration.
type registerView struct {
	env  *env
	reg  data.Register
	cols []data.Field
	// rebuilt shows the register again with its new declaration, after a
	// field was added.
	rebuilt func(data.Register)

	names   *recordNames
	query   data.RecordQuery
	total   int // records that match the search and filters
	all     int // records in the register
	pages   map[int][]data.Record
	recent  []int // pages, the most recently read last
	delay   time.Duration
	pending *time.Timer

	search   *textField
	filters  []*registerFilter
	count    *widget.Label
	order    *widget.Button // the column sorted by, which may be out of view
	table    *rowTable
	selected int
	add      *widget.Button
	edit     *widget.Button
	remove   *widget.Button
	addField *widget.Button
	status   *widget.Label
	deletion *undoableDelete
	detail   rowDetail
	body     *fyne.Container // the table, or the empty state
	finder   *fyne.Container // the search and filters
	// steps is the nonconformities' next step of the record selected;
	// nil for any other register.
	steps *ncWorkflow
	own   registerCommands // what this register does beside the others
}

// registerFilter narrows the list to one value of a choice or person
// field.
type registerFilter struct {
	field  data.Field
	choose *widget.Select
	values map[string]string // option shown → canonical value
}

func newRegisterView(e *env, reg data.Register) *registerView {
	v := &registerView{env: e, reg: reg, cols: reg.ShownColumns(), selected: -1, delay: searchDelay,
		query: data.RecordQuery{Register: reg.Key, Filters: map[string][]string{}}}
	v.names = newRecordNames(e)
	v.search = newField()
	v.search.PlaceHolder = fmt.Sprintf(lang.L("Search %s"), reg.Plural())
	v.search.OnChanged = func(string) { v.searchSoon() }
	v.search.OnSubmitted = func(string) { v.searchNow() }
	for _, f := range filterFields(reg, v.cols) {
		v.filters = append(v.filters, v.newFilter(f))
	}
	v.count = widget.NewLabel("")
	v.order = widget.NewButton("", v.onShowOrder)
	v.order.Importance = widget.LowImportance
	v.table = newRowTable(
		func() (int, int) { return v.total, len(v.cols) + 1 },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) { o.(*widget.Label).SetText(v.cell(id.Row, id.Col)) })
	v.table.ShowHeaderColumn = false
	v.table.CreateHeader = func() fyne.CanvasObject { return widget.NewButton("", nil) }
	v.table.UpdateHeader = v.updateHeader
	v.table.OnSelected = func(id widget.TableCellID) {
		v.selected = id.Row
		v.updateButtons()
	}
	v.add = widget.NewButtonWithIcon(fmt.Sprintf(lang.L("Add %s…"), reg.One), theme.ContentAddIcon(), v.onAdd)
	v.add.Importance = widget.HighImportance
	v.edit = widget.NewButtonWithIcon(lang.L("Edit…"), theme.DocumentCreateIcon(), v.onEdit)
	v.remove = widget.NewButtonWithIcon(lang.L("Delete…"), theme.DeleteIcon(), v.onDelete)
	v.addField = widget.NewButtonWithIcon(lang.L("Add field…"), theme.ContentAddIcon(), v.onAddField)
	if e.ws.ReadOnly() {
		v.add.Disable()
		v.addField.Disable()
	}
	v.table.onRows(v.edit, v.remove) // row_actions.go
	if reg.Key == data.NonconformitiesRegister {
		v.steps = newNCWorkflow(e, v.names, reg, v.stepDone) // nonconformity_workflow.go
	}
	v.status = widget.NewLabel("")
	v.deletion = newUndoableDelete(v.status, v.reload)
	v.detail = newRowDetail()
	v.body = container.NewStack()
	v.own = ownCommands(v) // register_commands.go
	v.reload()
	return v
}

// filterFields are the columns the list filters by: those the register
// names, in its order, or every choice and person field; fields users
// added always filter.
func filterFields(reg data.Register, cols []data.Field) []data.Field {
	var out []data.Field
	for _, key := range reg.Filters {
		if i := slices.IndexFunc(cols, func(f data.Field) bool { return f.Key == key }); i >= 0 {
			out = append(out, cols[i])
		}
	}
	for _, f := range cols {
		if (f.Type == data.FieldChoice || f.Type == data.FieldPerson) && (reg.Filters == nil || f.Custom) {
			out = append(out, f)
		}
	}
	return out
}

// newFilter offers All, None and every value of f.
func (v *registerView) newFilter(f data.Field) *registerFilter {
	rf := &registerFilter{field: f, values: map[string]string{}}
	options := []string{lang.L("All"), lang.L("None")}
	rf.values[lang.L("None")] = ""
	if f.Type == data.FieldChoice {
		for _, c := range f.Choices {
			options = append(options, c.Label)
			rf.values[c.Label] = c.Key
		}
	} else {
		for _, p := range v.names.people {
			if _, dup := rf.values[p.Name]; !dup {
				options = append(options, p.Name)
				rf.values[p.Name] = fmt.Sprint(p.ID)
			}
		}
	}
	rf.choose = widget.NewSelect(options, func(chosen string) {
		if value, ok := rf.values[chosen]; ok {
			v.query.Filters[f.Key] = []string{value}
		} else {
			delete(v.query.Filters, f.Key)
		}
		v.reload()
	})
	rf.choose.Selected = lang.L("All")
	return rf
}

// searchSoon reads the register again once typing pauses.
func (v *registerView) searchSoon() {
	if v.pending != nil {
		v.pending.Stop()
	}
	if v.delay <= 0 {
		v.searchNow()
		return
	}
	v.pending = time.AfterFunc(v.delay, func() {
		fyne.Do(func() {
			if canvasOf(v.search) != nil { // still on show: not after another screen or workspace replaced it
				v.searchNow()
			}
		})
	})
}

func (v *registerView) searchNow() {
	if v.pending != nil {
		v.pending.Stop()
		v.pending = nil
	}
	if q := strings.TrimSpace(v.search.Text); q != v.query.Search {
		v.query.Search = q
		v.reload()
	}
}

// reload reads the first page of the register as searched, filtered and
// sorted, and forgets the rest: the table reads them as it scrolls.
func (v *registerView) reload() {
	v.pages, v.recent = map[int][]data.Record{}, nil
	v.total = 0
	if _, err := v.page(0); err != nil {
		v.env.showErr(err)
	}
	v.all = v.total
	if v.narrowed() {
		page, err := v.env.ws.Records(v.env.ctx(), data.RecordQuery{Register: v.reg.Key, Limit: 1})
		if err != nil {
			v.env.showErr(err)
		}
		v.all = page.Total
	}
	v.showCount()
	v.showOrder()
	v.selected = -1
	v.table.UnselectAll()
	v.table.ScrollToTop()
	v.table.Refresh()
	v.showBody()
	v.updateButtons()
}

// narrowed reports whether a search or filter hides records.
func (v *registerView) narrowed() bool {
	return v.query.Search != "" || len(v.query.Filters) > 0
}

func (v *registerView) showCount() {
	if v.narrowed() {
		v.count.SetText(fmt.Sprintf(lang.L("%d of %s"), v.total, v.reg.Count(v.all)))
		return
	}
	v.count.SetText(v.reg.Count(v.total))
}

// page reads page n from storage unless it is held already.
func (v *registerView) page(n int) ([]data.Record, error) {
	if p, ok := v.pages[n]; ok {
		return p, nil
	}
	q := v.query
	q.Offset, q.Limit = n*registerPageSize, registerPageSize
	page, err := v.env.ws.Records(v.env.ctx(), q)
	if err != nil {
		return nil, err
	}
	v.total = page.Total
	v.names.learn(v.reg, page.Records)
	v.pages[n] = page.Records
	v.recent = append(v.recent, n)
	if len(v.recent) > registerPagesKept {
		delete(v.pages, v.recent[0])
		v.recent = v.recent[1:]
	}
	return page.Records, nil
}

// record is row of the table, read from storage when its page is not held.
func (v *registerView) record(row int) (data.Record, bool) {
	if row < 0 || row >= v.total {
		return data.Record{}, false
	}
	p, err := v.page(row / registerPageSize)
	if err != nil {
		return data.Record{}, false
	}
	if i := row % registerPageSize; i < len(p) {
		return p[i], true
	}
	return data.Record{}, false
}

func (v *registerView) cell(row, col int) string {
	r, ok := v.record(row)
	if !ok {
		return ""
	}
	if col == 0 {
		return v.reg.Reference(r.Number)
	}
	f := v.cols[col-1]
	if r.Unreadable.Has(f.Key) {
		return lang.L("unreadable")
	}
	text := v.names.display(f, r.Get(f.Key))
	if f.Type == data.FieldLongText {
		text, _, _ = strings.Cut(text, "\n")
	}
	return text
}

// sortField is the field the list is sorted by, and whether downwards.
func (v *registerView) sortField() (string, bool) {
	sort := v.query.Sort
	if len(sort) == 0 {
		sort = v.reg.Sort
	}
	if len(sort) == 0 {
		return data.SortByReference, false
	}
	return sort[0].Field, sort[0].Desc
}

func (v *registerView) columnKey(col int) string {
	if col == 0 {
		return data.SortByReference
	}
	return v.cols[col-1].Key
}

func (v *registerView) columnTitle(col int) string {
	if col == 0 {
		return lang.L("Ref.")
	}
	return v.cols[col-1].Label
}

func (v *registerView) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	b := o.(*widget.Button)
	if id.Col < 0 {
		return
	}
	label := v.columnTitle(id.Col)
	if key, desc := v.sortField(); key == v.columnKey(id.Col) {
		label += sortArrow(desc)
	}
	b.SetText(label)
	col := id.Col
	b.OnTapped = func() { v.onSort(col) }
}

func sortArrow(desc bool) string {
	if desc {
		return " ▼"
	}
	return " ▲"
}

// sortColumn is the column the list is sorted by.
func (v *registerView) sortColumn() int {
	key, _ := v.sortField()
	for col := 0; col <= len(v.cols); col++ {
		if v.columnKey(col) == key {
			return col
		}
	}
	return 0
}

// showOrder names the column the list is sorted by, with its arrow, above
// the table: that column is often scrolled out of view to the right, and
// its header's arrow with it, so the register's own order went unseen.
func (v *registerView) showOrder() {
	_, desc := v.sortField()
	v.order.SetText(fmt.Sprintf(lang.L("Sorted by %s"), v.columnTitle(v.sortColumn())+sortArrow(desc)))
}

// onShowOrder scrolls the column the list is sorted by into view.
func (v *registerView) onShowOrder() {
	if v.total > 0 {
		v.table.ScrollTo(widget.TableCellID{Row: 0, Col: v.sortColumn()})
	}
}

// onSort sorts by the column; the same column again turns the order round.
func (v *registerView) onSort(col int) {
	key, desc := v.sortField()
	if k := v.columnKey(col); k == key {
		v.query.Sort = []data.SortKey{{Field: k, Desc: !desc}}
	} else {
		v.query.Sort = []data.SortKey{{Field: k}}
	}
	v.reload()
}

func (v *registerView) current() (data.Record, bool) {
	if v.selected < 0 {
		return data.Record{}, false
	}
	return v.record(v.selected)
}

func (v *registerView) updateButtons() {
	r, ok := v.current()
	for _, b := range []*widget.Button{v.edit, v.remove} {
		if !ok || v.env.ws.ReadOnly() {
			b.Disable()
		} else {
			b.Enable()
		}
	}
	v.own.selected(ok, !v.env.ws.ReadOnly())
	if v.steps != nil {
		v.steps.show(r, ok)
	}
	if !ok {
		v.detail.show()
		return
	}
	parts := []string{v.reg.Reference(r.Number) + " " + r.Get(v.reg.TitleField)}
	if same := sameCauseText(v.env, v.reg, r); same != "" {
		parts = append(parts, same)
	}
	if links, err := v.env.ws.LinksTo(v.env.ctx(), r.ID); err == nil && len(links) > 0 {
		text := v.names.linksText(links[:min(len(links), detailLinks)])
		if len(links) > detailLinks {
			text += " " + fmt.Sprintf(lang.L("and %d more (the form lists them all)"), len(links)-detailLinks)
		}
		parts = append(parts, lang.L("Linked from:")+" "+text)
	}
	v.detail.show(parts...)
}

func (v *registerView) onAdd() {
	openRecordForm(v.env, v.names, v.reg, data.NewRecord(v.reg), v.saved)
}

func (v *registerView) onEdit() {
	if r, ok := v.current(); ok {
		openRecordForm(v.env, v.names, v.reg, r, v.saved)
	}
}

// saved shows the register again after a form stored a record.
func (v *registerView) saved(r data.Record) {
	v.names.forget()
	v.status.SetText(fmt.Sprintf(lang.L("%s was saved."), v.names.ref(v.reg, r).Text()))
	v.reload()
}

// stepDone shows the register again after a step of a nonconformity's
// workflow stored it, and says what changed.
func (v *registerView) stepDone(r data.Record, said string) {
	v.names.forget()
	v.reload()
	v.status.SetText(said)
	// the record stays selected, with its next step beside it, when its
	// new status keeps it on the first page
	for row, rec := range v.pages[0] {
		if rec.ID == r.ID {
			v.table.Select(widget.TableCellID{Row: row, Col: 0})
		}
	}
}

// onDelete asks first. Storage refuses a record others still link to and
// names them; that message is shown as it is. There is no undo: storage
// cannot yet bring a record back under its own reference.
func (v *registerView) onDelete() {
	r, ok := v.current()
	if !ok {
		return
	}
	name := v.names.ref(v.reg, r).Text()
	v.deletion.ask(v.env, fmt.Sprintf(lang.L("Delete %s"), v.reg.One),
		fmt.Sprintf(lang.L("Delete %s? You can undo this until you leave the screen."), name), name,
		func() error {
			if err := v.env.ws.DeleteRecord(v.env.ctx(), r); err != nil {
				return err
			}
			followTasks(v.env, r.ID)
			v.names.forget()
			return nil
		},
		func() (string, error) {
			back, note, err := v.env.ws.RestoreRecord(v.env.ctx(), r)
			if err != nil {
				return "", err
			}
			followTasks(v.env, back.ID)
			v.names.forget()
			if back.Number != r.Number {
				// another record took its number meanwhile
				note = strings.TrimSpace(fmt.Sprintf(lang.L("It is now %s."), v.reg.Reference(back.Number)) + " " + note)
			}
			return note, nil
		})
}

func (v *registerView) onAddField() {
	showAddFieldDialog(v.env, v.reg, func(reg data.Register) {
		if v.rebuilt != nil {
			v.rebuilt(reg)
		}
	})
}

// onClear shows every record again.
func (v *registerView) onClear() {
	v.search.SetText("")
	v.query.Search = ""
	for _, f := range v.filters {
		f.choose.Selected = lang.L("All")
		f.choose.Refresh()
	}
	v.query.Filters = map[string][]string{}
	v.reload()
}

// showBody shows the table, or what the register is for while it is
// empty, or that nothing matches.
func (v *registerView) showBody() {
	var o fyne.CanvasObject
	switch {
	case v.all == 0:
		add := widget.NewButtonWithIcon(fmt.Sprintf(lang.L("Add %s…"), v.reg.One), theme.ContentAddIcon(), v.onAdd)
		add.Importance = widget.HighImportance
		if v.env.ws.ReadOnly() {
			add.Disable()
		}
		o = container.NewVBox(widget.NewLabelWithStyle(fmt.Sprintf(lang.L("No %s yet."), v.reg.Plural()), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
			wrapLabel(v.reg.Help), container.NewHBox(add))
	case v.total == 0:
		o = container.NewVBox(wrapLabel(fmt.Sprintf(lang.L("No %s match the search or filters."), v.reg.Plural())),
			container.NewHBox(widget.NewButton(lang.L("Show all"), v.onClear)))
	default:
		foot := fyne.CanvasObject(v.detail)
		if v.steps != nil {
			foot = container.NewBorder(nil, nil, nil, v.steps.next, v.detail)
		}
		o = container.NewBorder(nil, foot, nil, nil, widenColumns(v.table, v.columnWidths())) // layout.go
	}
	v.body.Objects = []fyne.CanvasObject{o}
	v.body.Refresh()
	for _, b := range []*widget.Button{v.add, v.edit, v.remove} {
		if v.all == 0 { // the empty state offers the one thing to do
			b.Hide()
		} else {
			b.Show()
		}
	}
	if v.finder != nil {
		if v.all == 0 {
			v.finder.Hide()
		} else {
			v.finder.Show()
		}
	}
}

// columnWidths fit each column's kind of value and its header with the
// sort arrow.
func (v *registerView) columnWidths() []float32 {
	out := make([]float32, len(v.cols)+1)
	// room for a reference of five digits, RSK-99999, as the cell's label
	// draws it, inside its own padding: measured as bare text, RSK-1234
	// was cut short
	ref := widget.NewLabel(v.reg.Reference(99999)).MinSize().Width
	for col := range out {
		w := ref
		if col > 0 {
			w = typeWidth(v.cols[col-1])
		}
		head := fyne.MeasureText(v.columnTitle(col)+" ▼", theme.TextSize(), fyne.TextStyle{}).Width + 4*theme.Padding()
		out[col] = max(w, head)
	}
	return out
}

func typeWidth(f data.Field) float32 {
	switch f.Type {
	case data.FieldText:
		if f.Wide {
			return 280
		}
		return 170
	case data.FieldLongText:
		return 180
	case data.FieldLink:
		return 200
	case data.FieldNumber, data.FieldYesNo:
		return 80
	case data.FieldDate:
		return 130
	case data.FieldPerson:
		return 160
	}
	return 130
}

func (v *registerView) content() fyne.CanvasObject {
	buttons := []fyne.CanvasObject{v.add, v.edit, v.remove, v.deletion.button, v.addField}

	buttons = append(buttons, registerFileActions(v.env, v.reg, v.reload)...) // register_file_actions.go
	var filters []fyne.CanvasObject
	for _, f := range v.filters {
		filters = append(filters, container.NewBorder(nil, nil, widget.NewLabel(f.field.Label), nil, f.choose))
	}
	find := container.NewBorder(nil, nil, nil, container.NewHBox(v.order, v.count), v.search)
	v.finder = container.NewVBox(find)
	if len(v.own.buttons) > 0 {
		v.finder.Objects = append([]fyne.CanvasObject{buttonRow(container.NewHBox(v.own.buttons...))}, v.finder.Objects...)
	}
	if len(filters) > 0 {
		v.finder.Add(container.NewGridWrap(fyne.NewSize(260, v.search.MinSize().Height), filters...))
	}
	v.showBody()
	return container.NewBorder(container.NewVBox(buttonRow(container.NewHBox(buttons...)), v.finder), newNoticeLine(v.status), nil, nil, v.body)
}
