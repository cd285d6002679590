package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"smsbuilder/data"
	"smsbuilder/data/spreadsheet"
)

// registerFileActions are the buttons a register's toolbar offers for its
// files (import and export); refresh shows the register again after an
// import.
func registerFileActions(e *env, reg data.Register, refresh func()) []fyne.CanvasObject {
	export := widget.NewButton(lang.L("Export…"), func() { exportRegister(e, reg) })
	imp := widget.NewButton(lang.L("Import…"), func() { chooseImport(e, reg, refresh) })
	if e.ws.ReadOnly() {
		imp.Disable()
	}
	return []fyne.CanvasObject{imp, export}
}

// withProgress runs work in the background behind a dialog that says what
// is happening and can cancel it, then calls done on the window's thread.
func withProgress(e *env, title string, work func(ctx context.Context) error, done func(err error)) {
	ctx, cancel := context.WithCancel(e.ctx())
	bar := widget.NewProgressBarInfinite()
	prog := dialog.NewCustomWithoutButtons(title, bar, e.win)
	prog.SetButtons([]fyne.CanvasObject{widget.NewButton(lang.L("Cancel"), cancel)})
	prog.Resize(fyne.NewSize(420, 0))
	prog.Show()
	go func() {
		err := work(ctx)
		cancel()
		fyne.Do(func() {
			bar.Stop()
			prog.Hide()
			done(err)
		})
	}()
}

// exportRegister asks for a file and a format, then writes the register
// to it; the path never lands on a workspace, and replacing a file is
// confirmed first.
func exportRegister(e *env, reg data.Register) {
	labels := map[string]spreadsheet.Format{lang.L("Excel workbook (XLSX)"): spreadsheet.XLSX, lang.L("CSV text"): spreadsheet.CSV}
	format := widget.NewRadioGroup([]string{lang.L("Excel workbook (XLSX)"), lang.L("CSV text")}, nil)
	format.SetSelected(lang.L("Excel workbook (XLSX)"))
	format.Horizontal = true
	chosen := func() spreadsheet.Format { return labels[format.Selected] }
	pathOf := func(folder, name string) (string, error) {
		f := chosen()
		if byName, ok := spreadsheet.FormatOf(name); ok && byName != f {
			name = strings.TrimSuffix(name, filepath.Ext(name))
		}
		path, err := filePath(folder, name, f.Ext())
		if err == nil {
			err = e.ws.CheckOutput(path)
		}
		return path, err
	}
	name := fmt.Sprintf("%s - %s", reg.Title, e.now().Format("2006-01-02"))
	extra := []fyne.CanvasObject{widget.NewForm(widget.NewFormItem(lang.L("Format"), format))}
	askFile(e.win, fmt.Sprintf(lang.L("Export %s"), reg.Title), lang.L("Export"), filepath.Dir(e.ws.Path()), name, extra, pathOf,
		func(string) error { return nil },
		func(path string) {
			write := func(ok bool) {
				if ok {
					writeExport(e, reg, chosen(), path)
				}
			}
			if _, err := os.Lstat(path); err == nil {
				dialog.ShowConfirm(lang.L("Replace the file?"), fmt.Sprintf(lang.L("%s exists already. Replace it?"), filepath.Base(path)), write, e.win)
				return
			}
			write(true)
		})
}

func writeExport(e *env, reg data.Register, f spreadsheet.Format, path string) {
	rows := 0
	withProgress(e, fmt.Sprintf(lang.L("Exporting %s"), reg.Title), func(ctx context.Context) error {
		// checked again: the file may have changed while it was chosen
		if err := e.ws.CheckOutput(path); err != nil {
			return err
		}
		s, err := data.LoadRegisterSnapshot(ctx, e.ws, reg.Key)
		if err != nil {
			return err
		}
		t := s.ExportTable()
		rows = len(t.Rows)
		return data.WriteFileAtomic(path, func(w io.Writer) error {
			return spreadsheet.Write(w, f, t, s.Register.Title, spreadsheet.ExcelDateFormat(s.Dates))
		})
	}, func(err error) {
		if errors.Is(err, context.Canceled) {
			e.showErr(data.Errorf(data.EInvalid, "The export was cancelled; no file was written."))
			return
		}
		if err != nil {
			e.showErr(err)
			return
		}
		dialog.ShowInformation(lang.L("Register exported"), fmt.Sprintf(lang.L("%s saved to"), reg.Count(rows))+"\n"+path, e.win)
	})
}

// chooseImport asks for a CSV or XLSX file, reads it, and starts the
// import's steps: columns, words, preview.
func chooseImport(e *env, reg data.Register, refresh func()) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			e.showErr(err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		imp := &registerImport{env: e, register: reg, path: path, refresh: refresh}
		withProgress(e, fmt.Sprintf(lang.L("Reading %s"), filepath.Base(path)), imp.load, func(err error) {
			if errors.Is(err, context.Canceled) {
				return // the person stopped it: nothing to say
			}
			if err != nil {
				e.showErr(err)
				return
			}
			imp.showColumns()
		})
	}, e.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".csv", ".xlsx", ".txt", ".tsv"}))
	if l, err := storage.ListerForURI(storage.NewFileURI(filepath.Dir(e.ws.Path()))); err == nil {
		d.SetLocation(l)
	}
	d.Show()
}

// registerImport is one import of a file into a register, from the
// choice of columns to the records saved.
type registerImport struct {
	env      *env
	register data.Register
	path     string
	refresh  func()
	table    data.Table
	snapshot data.RegisterSnapshot
	options  data.ImportOptions
	plan     data.ImportPlan
}

func (m *registerImport) load(ctx context.Context) error {
	t, err := spreadsheet.ReadFile(m.path)
	if err != nil {
		return err
	}
	s, err := data.LoadRegisterSnapshot(ctx, m.env.ws, m.register.Key)
	if err != nil {
		return err
	}
	check, err := data.SaveCheck(ctx, m.env.ws, m.env.cat, m.register.Key)
	if err != nil {
		return err
	}
	m.table, m.snapshot, m.options = t, s, data.ImportOptions{Check: check}
	m.plan, err = data.PlanImport(s, t, m.options)
	return err
}

// Choices of the column step beside the fields.
func importTargets(reg data.Register) (labels []string, targets map[string]string) {
	targets = map[string]string{}
	add := func(label, target string) {
		labels = append(labels, label)
		targets[label] = target
	}
	add(lang.L("Ignore"), data.MapIgnore)
	add(lang.L("Reference (updates that record)"), data.MapReference)
	for _, f := range reg.Fields {
		add(f.Label, f.Key)
	}
	for _, t := range data.CustomFieldTypes() {
		add(fmt.Sprintf(lang.L("New field: %s"), strings.ToLower(t.Label())), data.MapNew+":"+string(t))
	}
	return labels, targets
}

// sample is the first value column i holds, to show what it is.
func (m *registerImport) sample(i int) string {
	for _, r := range m.table.Rows {
		if v := strings.TrimSpace(r.Text(i)); v != "" {
			if len([]rune(v)) > 40 {
				v = string([]rune(v)[:40]) + "…"
			}
			return v
		}
	}
	return ""
}

// showColumns is the first step: each column of the file with the field
// it fills, as matched, for the person to correct.
func (m *registerImport) showColumns() {
	labels, targets := importTargets(m.plan.Register)
	grid := container.NewGridWithColumns(3, widget.NewLabelWithStyle(lang.L("Column"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle(lang.L("First value"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle(lang.L("Goes into"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	selects := make([]*widget.Select, len(m.plan.Columns))
	for i, c := range m.plan.Columns {
		sel := widget.NewSelect(labels, nil)
		switch c.Role {
		case data.ColumnField:
			sel.SetSelected(c.Field.Label)
		case data.ColumnReference:
			sel.SetSelected(lang.L("Reference (updates that record)"))
		default:
			sel.SetSelected(lang.L("Ignore"))
		}
		if chosen, ok := m.options.Columns[c.Header]; ok { // back from the preview
			for _, l := range labels {
				if targets[l] == chosen {
					sel.SetSelected(l)
				}
			}
		}
		selects[i] = sel
		head := widget.NewLabel(c.Header)
		head.Truncation = fyne.TextTruncateEllipsis
		sample := widget.NewLabel(m.sample(c.Index))
		sample.Truncation = fyne.TextTruncateEllipsis
		grid.Add(head)
		grid.Add(sample)
		grid.Add(sel)
	}
	intro := widget.NewLabel(fmt.Sprintf(lang.L("%s: %s. Choose the field each column goes into; columns were matched by their names."), filepath.Base(m.path), rowCount(len(m.table.Rows))))
	intro.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(grid)
	scroll.SetMinSize(fyne.NewSize(0, 360))
	matched := false
	showFormDialog(m.env.win, fmt.Sprintf(lang.L("Import into %s"), m.register.Title), lang.L("Next"), container.NewBorder(intro, nil, nil, nil, scroll), 760, true, nil, func() error {
		m.options.Columns = map[string]string{}
		for i, c := range m.plan.Columns {
			m.options.Columns[c.Header] = targets[selects[i].Selected]
		}
		p, err := data.PlanImport(m.snapshot, m.table, m.options)
		if err != nil {
			return err
		}
		m.plan, matched = p, true
		return nil
	}).SetOnClosed(func() {
		if matched {
			m.showValues()
		}
	})
}

// showValues is the second step, when a choice column holds words that
// are not a choice's own label: what each word becomes, to confirm.
func (m *registerImport) showValues() {
	var unsure []data.ValueMatch
	for _, v := range m.plan.Values {
		if !v.Exact {
			unsure = append(unsure, v)
		}
	}
	if len(unsure) == 0 {
		m.showPreview()
		return
	}
	none := lang.L("No choice (the row is bad)")
	grid := container.NewGridWithColumns(3, widget.NewLabelWithStyle(lang.L("Field"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle(lang.L("In the file"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		widget.NewLabelWithStyle(lang.L("Becomes"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	selects := make([]*widget.Select, len(unsure))
	for i, v := range unsure {
		options := []string{none}
		for _, c := range v.Field.Choices {
			options = append(options, c.Label)
		}
		sel := widget.NewSelect(options, nil)
		sel.SetSelected(none)
		if v.Matched {
			sel.SetSelected(v.Choice.Label)
		}
		selects[i] = sel
		grid.Add(widget.NewLabel(v.Field.Label))
		grid.Add(widget.NewLabel(v.Value + " (" + rowCount(v.Rows) + ")"))
		grid.Add(sel)
	}
	intro := widget.NewLabel(lang.L("These words are not choices of the register. Check what each becomes."))
	intro.Wrapping = fyne.TextWrapWord
	scroll := container.NewVScroll(grid)
	scroll.SetMinSize(fyne.NewSize(0, 300))
	confirmed := false
	showFormDialog(m.env.win, lang.L("Confirm the words"), lang.L("Next"), container.NewBorder(intro, nil, nil, nil, scroll), 680, true, nil, func() error {
		if m.options.Values == nil {
			m.options.Values = map[string]map[string]string{}
		}
		for i, v := range unsure {
			key := ""
			for _, c := range v.Field.Choices {
				if c.Label == selects[i].Selected {
					key = c.Key
				}
			}
			if m.options.Values[v.Field.Key] == nil {
				m.options.Values[v.Field.Key] = map[string]string{}
			}
			m.options.Values[v.Field.Key][strings.ToLower(v.Value)] = key
		}
		p, err := data.PlanImport(m.snapshot, m.table, m.options)
		if err != nil {
			return err
		}
		m.plan, confirmed = p, true
		return nil
	}).SetOnClosed(func() {
		if confirmed {
			m.showPreview()
		}
	})
}

// rowCount is "1 row" or "12 rows".
func rowCount(n int) string {
	if n == 1 {
		return lang.L("1 row")
	}
	return fmt.Sprintf(lang.L("%d rows"), n)
}

// previewRows bounds the rows the preview shows; the bad ones are all
// listed beneath it.
const previewRows = 50

// showPreview is the last step: the first rows as they would be saved,
// each bad row with its line and reason, and the choice to import.
func (m *registerImport) showPreview() {
	p := m.plan
	count := p.Count()
	bad := p.BadRows()
	summary := widget.NewLabel(fmt.Sprintf(lang.L("%s: %d new, %d updated, %d unchanged, %d bad."),
		rowCount(count.Created+count.Updated+count.Unchanged+len(bad)), count.Created, count.Updated, count.Unchanged, len(bad)))
	summary.Wrapping = fyne.TextWrapWord
	var cols []data.ColumnMatch
	for _, c := range p.Columns {
		if c.Role == data.ColumnField || c.Role == data.ColumnNewField || c.Role == data.ColumnReference {
			cols = append(cols, c)
		}
	}
	rows := p.Rows[:min(len(p.Rows), previewRows)]
	names := m.snapshot.Names()
	byLine := map[int]data.Row{}
	for _, r := range m.table.Rows {
		byLine[r.Line] = r
	}
	status := func(r data.ImportRow) string {
		switch {
		case r.Bad():
			return lang.L("Bad")
		case r.Action == data.ImportUpdate:
			return lang.L("Update")
		case r.Action == data.ImportUnchanged:
			return lang.L("Unchanged")
		}
		return lang.L("New")
	}
	table := widget.NewTable(
		func() (int, int) { return len(rows) + 1, len(cols) + 2 },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			l.TextStyle = fyne.TextStyle{Bold: id.Row == 0}
			l.Importance = widget.MediumImportance
			if id.Row == 0 {
				l.SetText([]string{lang.L("Line"), lang.L("Status")}[min(id.Col, 1)])
				if c := id.Col - 2; c >= 0 {
					l.SetText(cols[c].Header)
					if cols[c].Role != data.ColumnReference {
						l.SetText(cols[c].Header + " → " + cols[c].Field.Label)
					}
				}
				return
			}
			r := rows[id.Row-1]
			if r.Bad() {
				l.Importance = widget.DangerImportance
			}
			switch id.Col {
			case 0:
				l.SetText(fmt.Sprint(r.Line))
			case 1:
				l.SetText(status(r))
			default:
				// a good row shows what will be saved, Likely for High; a
				// bad one what the file holds, to find it there
				c := cols[id.Col-2]
				text := byLine[r.Line].Text(c.Index)
				if !r.Bad() && c.Role != data.ColumnReference {
					text = c.Field.Display(r.Record.Get(c.Field.Key), m.snapshot.Dates, names)
				}
				l.SetText(strings.ReplaceAll(text, "\n", " "))
			}
		})
	table.SetColumnWidth(0, 60)
	table.SetColumnWidth(1, 100)
	for i := range cols {
		table.SetColumnWidth(i+2, 160)
	}
	tableBox := container.NewStack(table)
	var problems []string
	for _, r := range bad {
		problems = append(problems, fmt.Sprintf(lang.L("Line %d: %s"), r.Line, strings.Join(r.Problems, " ")))
	}
	badList := widget.NewLabel(strings.Join(problems, "\n"))
	badList.Wrapping = fyne.TextWrapWord
	badList.Importance = widget.DangerImportance
	badScroll := container.NewVScroll(badList)
	badScroll.SetMinSize(fyne.NewSize(0, 120))
	top := container.NewVBox(summary)
	if len(p.NewFields) > 0 {
		var names []string
		for _, f := range p.NewFields {
			names = append(names, f.Label)
		}
		top.Add(widget.NewLabel(fmt.Sprintf(lang.L("New fields: %s"), strings.Join(names, ", "))))
	}
	var bottom fyne.CanvasObject
	if len(bad) > 0 {
		bottom = container.NewVBox(widget.NewLabelWithStyle(lang.L("Bad rows"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), badScroll)
	}
	body := container.NewBorder(top, bottom, nil, nil, tableBox)
	d := dialog.NewCustomWithoutButtons(fmt.Sprintf(lang.L("Import into %s"), m.register.Title), body, m.env.win)
	start := func(skipBad bool) func() {
		return func() {
			d.Hide()
			m.apply(skipBad)
		}
	}
	back := false
	d.SetOnClosed(func() {
		if back {
			m.showColumns()
		}
	})
	backButton := widget.NewButtonWithIcon(lang.L("Back"), theme.NavigateBackIcon(), func() {
		back = true
		d.Hide()
	})
	importAll := widget.NewButton(lang.L("Import"), start(false))
	importAll.Importance = widget.HighImportance
	buttons := []fyne.CanvasObject{widget.NewButton(lang.L("Cancel"), d.Hide), backButton, importAll}
	if len(bad) > 0 {
		importAll.Disable()
		skip := widget.NewButton(lang.L("Import skipping bad rows"), start(true))
		skip.Importance = widget.HighImportance
		if len(bad) == len(p.Rows) {
			skip.Disable()
			summary.SetText(summary.Text + " " + lang.L("No row can be imported as it is: go back and choose the columns again, or correct the file."))
		}
		buttons = append(buttons, skip)
	}
	d.SetButtons(buttons)
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// apply saves the plan in the background and says what it did.
func (m *registerImport) apply(skipBad bool) {
	var sum data.SaveSummary
	withProgress(m.env, fmt.Sprintf(lang.L("Importing into %s"), m.register.Title), func(ctx context.Context) error {
		var err error
		sum, err = data.ApplyImport(ctx, m.env.ws, m.plan, skipBad)
		return err
	}, func(err error) {
		switch {
		case errors.Is(err, context.Canceled):
			m.env.showErr(data.Errorf(data.EInvalid, "The import was cancelled; nothing was imported."))
		case err != nil:
			m.env.showErr(err)
		default:
			if m.refresh != nil {
				m.refresh()
			}
			msg := fmt.Sprintf(lang.L("%d created, %d updated, %d unchanged."), sum.Created, sum.Updated, sum.Unchanged)
			if n := len(m.plan.BadRows()); skipBad && n > 0 {
				msg += "\n" + fmt.Sprintf(lang.L("Bad rows skipped: %d."), n)
			}
			dialog.ShowInformation(lang.L("Import done"), msg, m.env.win)
		}
	})
}
