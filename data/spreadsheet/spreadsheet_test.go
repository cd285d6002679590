package spreadsheet_test

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"smsbuilder/data"
	"smsbuilder/data/spreadsheet"
	"smsbuilder/data/sqlite"
)

func ctx() context.Context { return data.WithActor(context.Background(), "Alex") }

func newWorkspace(t testing.TB) data.Workspace {
	t.Helper()
	ws, err := sqlite.New().Create(ctx(), filepath.Join(t.TempDir(), "w"+data.WorkspaceExt))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ws.Close() })
	return ws
}

func save(t testing.TB, ws data.Workspace, register string, kv ...string) data.Record {
	t.Helper()
	r := data.Record{Register: register}
	for i := 0; i < len(kv); i += 2 {
		r.Set(kv[i], kv[i+1])
	}
	saved, err := ws.SaveRecord(ctx(), r)
	if err != nil {
		t.Fatalf("save %v: %v", kv, data.ErrorMessage(err))
	}
	return saved
}

func id(r data.Record) string { return data.FormatIDs([]int64{r.ID}) }

// northwind is a workspace with a few linked records of three registers,
// their text including what a spreadsheet would take for a formula.
func northwind(t testing.TB) data.Workspace {
	t.Helper()
	ws := newWorkspace(t)
	priya, err := ws.SavePerson(ctx(), data.Person{Name: "Priya Shah", Email: "priya@northwind.example"})
	if err != nil {
		t.Fatal(err)
	}
	cloud := save(t, ws, "services", "title", "Cloud Hosting", "status", "live", "owner", data.FormatIDs([]int64{priya.ID}), "review_date", "2027-01-31",
		"description", "Virtual servers and storage.\nBacked up nightly.")
	backup := save(t, ws, "services", "title", "Backup and Recovery", "status", "live", "depends_on", id(cloud))
	save(t, ws, "suppliers", "title", "Azure", "kind", "external", "services", data.FormatIDs([]int64{cloud.ID, backup.ID}),
		"start", "2025-04-01", "end", "2028-03-31", "rating", "4", "contract", "=HYPERLINK(\"http://x.example\")")
	save(t, ws, "risks", "title", "Backups fail silently", "kind", "risk", "likelihood", "2", "impact", "5",
		"services", id(backup), "owner", data.FormatIDs([]int64{priya.ID}), "review_date", "2026-12-01", "treatment", "reduce",
		"actions", "-check the logs daily\n+test a restore monthly")
	save(t, ws, "risks", "title", "@mention bots flood the desk", "kind", "opportunity", "likelihood", "3", "impact", "1")
	save(t, ws, "risks", "title", "'=already quoted", "kind", "risk", "likelihood", "1", "impact", "1")
	return ws
}

func export(t testing.TB, ws data.Workspace, register string, f spreadsheet.Format) []byte {
	t.Helper()
	s, err := data.LoadRegisterSnapshot(ctx(), ws, register)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := spreadsheet.Write(&b, f, s.ExportTable(), s.Register.Title, spreadsheet.ExcelDateFormat(s.Dates)); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func plan(t testing.TB, ws data.Workspace, register string, file []byte, opt data.ImportOptions) data.ImportPlan {
	t.Helper()
	tab, err := spreadsheet.Read(file)
	if err != nil {
		t.Fatal(data.ErrorMessage(err))
	}
	s, err := data.LoadRegisterSnapshot(ctx(), ws, register)
	if err != nil {
		t.Fatal(err)
	}
	p, err := data.PlanImport(s, tab, opt)
	if err != nil {
		t.Fatal(data.ErrorMessage(err))
	}
	return p
}

func records(t testing.TB, ws data.Workspace, register string) []data.Record {
	t.Helper()
	page, err := ws.Records(ctx(), data.RecordQuery{Register: register})
	if err != nil {
		t.Fatal(err)
	}
	return page.Records
}

func TestReadCSVDialects(t *testing.T) {
	tests := []struct {
		name  string
		file  []byte
		want  string // header | first row
		lines string
	}{
		{"comma", []byte("Risk,Owner\nFire,Priya\n"), "Risk/Owner | Fire/Priya", "2"},
		{"semicolon", []byte("Risk;Owner;Score\r\nFire, flood;Priya;12,5\r\n"), "Risk/Owner/Score | Fire, flood/Priya/12,5", "2"},
		{"tab", []byte("Risk\tOwner\nFire; smoke\tPriya\n"), "Risk/Owner | Fire; smoke/Priya", "2"},
		{"UTF-8 with BOM", []byte("\xEF\xBB\xBFRisk,Owner\nFire,Zoë\n"), "Risk/Owner | Fire/Zoë", "2"},
		// é is the single byte E9 in Windows-1252
		{"Windows-1252", []byte("Risk;Owner\nS\xe9curit\xe9;Ren\xe9e\n"), "Risk/Owner | Sécurité/Renée", "2"},
		{"quoted line breaks and blank lines", []byte("\nRisk,Notes\n\"Fire\",\"one\ntwo\"\n\nFlood,\"say \"\"hi\"\"\"\n"), "Risk/Notes | Fire/one\ntwo", "3 5"},
		{"UTF-16 from Excel's Unicode text", utf16le("Risk\tOwner\r\nFire\tRenée\r\n"), "Risk/Owner | Fire/Renée", "2"},
		{"formula prefix taken off", []byte("Risk,Notes\n'=1+2,'-5\n"), "Risk/Notes | =1+2/-5", "2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tab, err := spreadsheet.Read(tt.file)
			if err != nil {
				t.Fatal(data.ErrorMessage(err))
			}
			var header, first, lines []string
			for _, c := range tab.Columns {
				header = append(header, c.Header)
			}
			for _, c := range tab.Rows[0].Cells {
				first = append(first, c.Text)
			}
			for _, r := range tab.Rows {
				if !r.Blank() {
					lines = append(lines, strconv.Itoa(r.Line))
				}
			}
			if got := strings.Join(header, "/") + " | " + strings.Join(first, "/"); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
			if got := strings.Join(lines, " "); got != tt.lines {
				t.Errorf("lines %q, want %q", got, tt.lines)
			}
		})
	}
}

func utf16le(s string) []byte {
	out := []byte{0xFF, 0xFE}
	for _, r := range s {
		out = append(out, byte(r), byte(r>>8))
	}
	return out
}

func TestReadRefusesWhatIsNoSpreadsheet(t *testing.T) {
	for name, file := range map[string][]byte{
		"old Excel":   {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0},
		"binary":      {0x13, 0x00, 0x42},
		"empty":       {},
		"broken zip":  []byte("PK\x03\x04garbage"),
		"blank lines": []byte("\n\n ,\n"),
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := spreadsheet.Read(file); err == nil || data.ErrorCode(err) != data.EInvalid {
				t.Errorf("Read = %v, want a plain refusal", err)
			}
		})
	}
}

// TestExportReimportsUnchanged: an export imported onto the workspace it
// came from matches every record and changes none.
func TestExportReimportsUnchanged(t *testing.T) {
	ws := northwind(t)
	for _, f := range spreadsheet.Formats() {
		for _, register := range []string{"risks", "services", "suppliers"} {
			t.Run(string(f)+"/"+register, func(t *testing.T) {
				before := records(t, ws, register)
				p := plan(t, ws, register, export(t, ws, register, f), data.ImportOptions{})
				for _, r := range p.Rows {
					if r.Bad() || r.Action != data.ImportUnchanged {
						t.Errorf("line %d: action %v, problems %v; want unchanged", r.Line, r.Action, r.Problems)
					}
				}
				sum, err := data.ApplyImport(ctx(), ws, p, false)
				if err != nil {
					t.Fatal(data.ErrorMessage(err))
				}
				if sum.Created != 0 || sum.Updated != 0 || sum.Unchanged != len(before) {
					t.Errorf("summary %+v, want %d unchanged", sum, len(before))
				}
				after := records(t, ws, register)
				for i := range after {
					if after[i].Revision != before[i].Revision {
						t.Errorf("%s changed revision", data.FormatIDs([]int64{after[i].ID}))
					}
				}
			})
		}
	}
}

func TestImportUpdatesByReferenceWithoutDuplicates(t *testing.T) {
	ws := northwind(t)
	tab, err := spreadsheet.Read(export(t, ws, "risks", spreadsheet.CSV))
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, c := range tab.Columns {
		col[c.Header] = i
	}
	for _, r := range tab.Rows {
		if r.Cells[col["Risk or opportunity"]].Text == "Backups fail silently" {
			r.Cells[col["Risk or opportunity"]].Text = "Backups fail without alarm"
		}
	}
	added := tab.Rows[len(tab.Rows)-1]
	added.Cells = append([]data.Cell(nil), added.Cells...)
	added.Cells[col["Reference"]] = data.Cell{}
	added.Cells[col["Risk or opportunity"]] = data.TextCell("New risk")
	added.Line++
	tab.Rows = append(tab.Rows, added)
	var edited bytes.Buffer
	if err := spreadsheet.WriteCSV(&edited, tab); err != nil {
		t.Fatal(err)
	}
	p := plan(t, ws, "risks", edited.Bytes(), data.ImportOptions{})
	sum, err := data.ApplyImport(ctx(), ws, p, false)
	if err != nil {
		t.Fatal(data.ErrorMessage(err))
	}
	if sum.Created != 1 || sum.Updated != 1 || sum.Unchanged != 2 {
		t.Errorf("summary %+v, want 1 created, 1 updated, 2 unchanged", sum)
	}
	var titles []string
	for _, r := range records(t, ws, "risks") {
		titles = append(titles, r.Get("title"))
	}
	got := strings.Join(titles, "; ")
	if strings.Count(got, "Backups fail") != 1 || !strings.Contains(got, "without alarm") || len(titles) != 4 {
		t.Errorf("risks after import: %s; want the edited one once and one new", got)
	}
}

func TestImportSkipsBadRowsOnlyWhenAsked(t *testing.T) {
	ws := northwind(t)
	file := []byte("Risk;Kind;Likelihood;Impact;Owner\nFlood;Risk;Low;High;priya@northwind.example\nFire;Risk;Huge;High;\n;;;;\nTheft;Opportunity;3;3;Priya Shah\n")
	p := plan(t, ws, "risks", file, data.ImportOptions{})
	bad := p.BadRows()
	if len(bad) != 1 || bad[0].Line != 3 || !strings.Contains(bad[0].Problems[0], `"Huge"`) {
		t.Fatalf("bad rows %+v, want line 3 for Huge", bad)
	}
	if _, err := data.ApplyImport(ctx(), ws, p, false); err == nil {
		t.Fatal("imported while a row was bad")
	}
	if n := len(records(t, ws, "risks")); n != 3 {
		t.Fatalf("%d risks after a refused import, want the 3 there were", n)
	}
	sum, err := data.ApplyImport(ctx(), ws, p, true)
	if err != nil || sum.Created != 2 {
		t.Fatalf("skipping bad rows: %+v, %v; want 2 created", sum, err)
	}
	if n := len(records(t, ws, "risks")); n != 5 {
		t.Errorf("%d risks, want 5", n)
	}
}

// TestFormulaTextStaysText: text a spreadsheet would evaluate is marked in
// CSV and a plain text cell in XLSX, and comes back as it was.
func TestFormulaTextStaysText(t *testing.T) {
	ws := northwind(t)
	csv := export(t, ws, "risks", spreadsheet.CSV)
	for _, want := range []string{`'@mention bots`, `"'-check the logs daily`, `''=already quoted`} {
		if !bytes.Contains(csv, []byte(want)) {
			t.Errorf("CSV lacks %s:\n%s", want, csv)
		}
	}
	xlsx := export(t, ws, "suppliers", spreadsheet.XLSX)
	if sheet := zipMember(t, xlsx, "xl/worksheets/sheet1.xml"); strings.Contains(sheet, "<f>") || strings.Contains(sheet, "<f ") {
		t.Errorf("the XLSX holds a formula:\n%s", sheet)
	}
	for _, f := range spreadsheet.Formats() {
		for register, want := range map[string]string{"risks": "'=already quoted", "suppliers": `=HYPERLINK("http://x.example")`} {
			tab, err := spreadsheet.Read(export(t, ws, register, f))
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, r := range tab.Rows {
				for _, c := range r.Cells {
					found = found || c.Text == want
				}
			}
			if !found {
				t.Errorf("%s %s: %q did not come back as it was", f, register, want)
			}
		}
	}
}

func zipMember(t *testing.T, b []byte, name string) string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range z.File {
		if f.Name == name {
			r, _ := f.Open()
			defer r.Close()
			out, _ := io.ReadAll(r)
			return string(out)
		}
	}
	t.Fatalf("no %s in the workbook", name)
	return ""
}

// TestXLSXTypedCells: numbers are numbers, dates are dates in the
// workspace's format, the header is frozen and filtered.
func TestXLSXTypedCells(t *testing.T) {
	ws := northwind(t)
	f, err := excelize.OpenReader(bytes.NewReader(export(t, ws, "suppliers", spreadsheet.XLSX)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := f.GetSheetName(0)
	if sheet != "Suppliers and contracts" {
		t.Errorf("sheet %q", sheet)
	}
	header, _ := f.GetRows(sheet)
	col := func(label string) string {
		for i, h := range header[0] {
			if h == label {
				name, _ := excelize.CoordinatesToCellName(i+1, 2)
				return name
			}
		}
		t.Fatalf("no column %q in %v", label, header[0])
		return ""
	}
	start := col("Contract start")
	if typ, _ := f.GetCellType(sheet, start); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		t.Errorf("contract start is of type %v, want a number formatted as a date", typ)
	}
	raw, _ := f.GetCellValue(sheet, start, excelize.Options{RawCellValue: true})
	shown, _ := f.GetCellValue(sheet, start)
	if raw != "45748" || shown != "1 April 2025" {
		t.Errorf("contract start stored %q shown %q, want 45748 shown 1 April 2025", raw, shown)
	}
	panes, _ := f.GetPanes(sheet)
	if !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("panes %+v, want the header row frozen", panes)
	}
	lastCol, _ := excelize.ColumnNumberToName(len(header[0]))
	filtered := "$A$1:$" + lastCol + "$2"
	names := f.GetDefinedName()
	if len(names) != 1 || names[0].Name != "_xlnm._FilterDatabase" || !strings.HasSuffix(names[0].RefersTo, filtered) {
		t.Errorf("defined names %+v, want an autofilter over %s", names, filtered)
	}
	if xml := zipMember(t, export(t, ws, "suppliers", spreadsheet.XLSX), "xl/worksheets/sheet1.xml"); !strings.Contains(xml, `<autoFilter ref="`+filtered+`"`) {
		t.Errorf("the sheet has no autofilter:\n%s", xml)
	}
	if w, _ := f.GetColWidth(sheet, "B"); w < 12 || w > 40 {
		t.Errorf("title column %v wide", w)
	}
}

// TestReadXLSXOwnSpreadsheet: a workbook someone made themselves, with
// date cells of their own format, a title on a later row and a gap.
func TestReadXLSXOwnSpreadsheet(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	dmy := "dd/mm/yy"
	style, _ := f.NewStyle(&excelize.Style{CustomNumFmt: &dmy})
	builtin, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	f.SetSheetRow("Sheet1", "A2", &[]any{"Risk", "Review", "Next", "Score"})
	f.SetSheetRow("Sheet1", "A3", &[]any{"Fire", 46112, 46113, 12.5})
	f.SetSheetRow("Sheet1", "A5", &[]any{"=Flood", "31/03/2027", "", 3})
	f.SetCellStyle("Sheet1", "B3", "B3", style)
	f.SetCellStyle("Sheet1", "C3", "C3", builtin)
	var b bytes.Buffer
	f.WriteTo(&b)
	tab, err := spreadsheet.Read(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range tab.Rows {
		var cells []string
		for _, c := range r.Cells {
			cells = append(cells, c.Text)
		}
		got = append(got, strconv.Itoa(r.Line)+":"+strings.Join(cells, "/"))
	}
	want := "3:Fire/2026-03-31/2026-04-01/12.5 4: 5:=Flood/31/03/2027//3"
	if strings.Join(got, " ") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, " "), want)
	}
}

// TestExportIntoNewWorkspace: records exported from one workspace import
// into another, links found by the titles beside their references.
func TestExportIntoNewWorkspace(t *testing.T) {
	ws := northwind(t)
	fresh := newWorkspace(t)
	if _, err := fresh.SavePerson(ctx(), data.Person{Name: "Priya Shah"}); err != nil {
		t.Fatal(err)
	}
	save(t, fresh, "services", "title", "Managed Desktop Support", "status", "live")
	for _, register := range []string{"services", "risks"} {
		p := plan(t, fresh, register, export(t, ws, register, spreadsheet.XLSX), data.ImportOptions{})
		if _, err := data.ApplyImport(ctx(), fresh, p, false); err != nil {
			t.Fatalf("%s: %s", register, data.ErrorMessage(err))
		}
	}
	risks := records(t, fresh, "risks")
	refs, _ := fresh.RecordRefs(ctx(), "services")
	var backup int64
	for _, r := range refs {
		if r.Title == "Backup and Recovery" {
			backup = r.ID
		}
	}
	for _, r := range risks {
		if r.Get("title") == "Backups fail silently" && r.Get("services") != data.FormatIDs([]int64{backup}) {
			t.Errorf("the risk links to %q, want Backup and Recovery (%d)", r.Get("services"), backup)
		}
	}
	if len(risks) != 3 {
		t.Errorf("%d risks, want 3", len(risks))
	}
}

// TestImportAddsFieldsOfItsOwn: columns the register lacks become fields
// of the workspace, with the column's words as a choice field's choices.
func TestImportAddsFieldsOfItsOwn(t *testing.T) {
	ws := northwind(t)
	file := []byte("Supplier\tKind\tRegion\tSpend\nTelco\tExternal\tNorth\t1200,50\nParts\tInternal\tSouth\t80\n")
	p := plan(t, ws, "suppliers", file, data.ImportOptions{Columns: map[string]string{"Region": "new:choice", "Spend": "new:number"}})
	if _, err := data.ApplyImport(ctx(), ws, p, false); err != nil {
		t.Fatal(data.ErrorMessage(err))
	}
	regs, _ := ws.Registers(ctx())
	for _, r := range regs {
		if r.Key != "suppliers" {
			continue
		}
		region, ok := r.Field("x_region")
		if !ok || len(region.Choices) != 2 || region.Choices[1].Label != "South" {
			t.Errorf("region field %+v, want a choice of North and South", region)
		}
	}
	found := false
	for _, r := range records(t, ws, "suppliers") {
		if r.Get("title") == "Telco" {
			found = r.Get("x_region") == "North" && r.Get("x_spend") == "1200.5"
		}
	}
	if !found {
		t.Error("Telco was not imported with its region and spend")
	}
	// exported and imported again, the new fields change nothing
	again := plan(t, ws, "suppliers", export(t, ws, "suppliers", spreadsheet.CSV), data.ImportOptions{})
	if c := again.Count(); c.Unchanged != 3 || c.Created+c.Updated != 0 {
		t.Errorf("re-import of the fields of its own: %+v, want 3 unchanged", c)
	}
}
