package spreadsheet

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"smsbuilder/data"
)

// ReadXLSX reads the active sheet of an XLSX workbook. Number cells are
// read as they are stored, not as they are shown; a number in a cell
// formatted as a date is read as that date.
func ReadXLSX(r io.Reader) (data.Table, error) {
	f, err := excelize.OpenReader(r)
	if err != nil {
		return data.Table{}, data.Errorf(data.EInvalid, "The file cannot be read as an XLSX workbook: it may be damaged or protected by a password.")
	}
	defer f.Close()
	sheet := f.GetSheetName(f.GetActiveSheetIndex())
	if sheet == "" {
		sheet = f.GetSheetName(0)
	}
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		return data.Table{}, data.Errorf(data.EInvalid, "The sheet %q cannot be read: it may be damaged.", sheet)
	}
	props, _ := f.GetWorkbookProps()
	date1904 := props.Date1904 != nil && *props.Date1904
	dateStyles := map[int]bool{}
	isDate := func(col, row int) bool {
		cell, err := excelize.CoordinatesToCellName(col+1, row+1)
		if err != nil {
			return false
		}
		id, err := f.GetCellStyle(sheet, cell)
		if err != nil || id == 0 {
			return false
		}
		d, seen := dateStyles[id]
		if !seen {
			st, err := f.GetStyle(id)
			d = err == nil && dateStyle(st)
			dateStyles[id] = d
		}
		return d
	}
	out := make([][]data.Cell, len(rows))
	for i, row := range rows {
		cells := make([]data.Cell, len(row))
		for j, v := range row {
			cells[j] = data.TextCell(v)
			n, err := strconv.ParseFloat(v, 64)
			if err != nil || math.IsNaN(n) || math.IsInf(n, 0) || strings.TrimSpace(v) != v {
				continue
			}
			cells[j].Kind = data.CellNumber
			if isDate(j, i) {
				if t, err := excelize.ExcelDateToTime(n, date1904); err == nil {
					cells[j] = data.Cell{Text: dateText(t), Kind: data.CellDate}
				}
			}
		}
		out[i] = cells
	}
	return tableFrom(out)
}

// dateText is a date cell's value: the day, and the time when it has one.
func dateText(t time.Time) string {
	t = t.Round(time.Second)
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 {
		return t.Format(data.DateLayout)
	}
	return t.Format("2006-01-02 15:04")
}

// dateStyle reports whether a cell style shows numbers as dates: one of
// Excel's built-in date formats, or a format of its own with days or
// years in it.
func dateStyle(st *excelize.Style) bool {
	if st.CustomNumFmt != nil {
		return dateFormat(*st.CustomNumFmt)
	}
	switch n := st.NumFmt; {
	case n >= 14 && n <= 17, n == 22, n >= 27 && n <= 31, n >= 34 && n <= 36, n >= 50 && n <= 58:
		return true
	}
	return false
}

// dateFormat reports whether a number format names days or years outside
// its quoted text, escapes and [colour] sections.
func dateFormat(format string) bool {
	var b strings.Builder
	quoted, bracket := false, false
	for i := 0; i < len(format); i++ {
		c := format[i]
		switch {
		case quoted:
			quoted = c != '"'
		case bracket:
			bracket = c != ']'
		case c == '"':
			quoted = true
		case c == '[':
			bracket = true
		case c == '\\' || c == '_' || c == '*':
			i++
		default:
			b.WriteByte(c)
		}
	}
	s := strings.ToLower(b.String())
	return strings.ContainsAny(s, "dy")
}

// ExcelDateFormat is the Excel number format that shows dates as the
// workspace's date format does.
func ExcelDateFormat(f data.DateFormat) string {
	switch f {
	case "2 January 2006":
		return "d mmmm yyyy"
	case "02/01/2006":
		return "dd/mm/yyyy"
	case "01/02/2006":
		return "mm/dd/yyyy"
	}
	return "yyyy-mm-dd"
}

// WriteXLSX writes t as a workbook of one sheet: typed cells, the header
// row bold and frozen, an autofilter over every column, widths that fit
// the values, long text wrapped. Text is always a text cell, never a
// formula, whatever it starts with.
func WriteXLSX(w io.Writer, t data.Table, sheet, dateFormat string) error {
	f := excelize.NewFile()
	defer f.Close()
	sheet = sheetName(sheet)
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	if dateFormat == "" {
		dateFormat = "yyyy-mm-dd"
	}
	top := &excelize.Alignment{Vertical: "top"}
	header, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: top,
		Fill:   excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DCE6F1"}},
		Border: []excelize.Border{{Type: "bottom", Color: "8EA9C8", Style: 1}}})
	if err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	plain, err := f.NewStyle(&excelize.Style{Alignment: top})
	if err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	wrapped, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	if err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	date, err := f.NewStyle(&excelize.Style{Alignment: top, CustomNumFmt: &dateFormat})
	if err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	// set before streaming: set after, it would read the whole sheet again
	if len(t.Columns) > 0 {
		last, _ := excelize.CoordinatesToCellName(len(t.Columns), len(t.Rows)+1)
		if err := f.AutoFilter(sheet, "A1:"+last, nil); err != nil {
			return fmt.Errorf("write xlsx: %w", err)
		}
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	for i, width := range columnWidths(t) {
		if err := sw.SetColWidth(i+1, i+1, width); err != nil {
			return fmt.Errorf("write xlsx: %w", err)
		}
	}
	if len(t.Columns) > 0 {
		if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
			Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}}}); err != nil {
			return fmt.Errorf("write xlsx: %w", err)
		}
	}
	row := make([]any, len(t.Columns))
	for i, c := range t.Columns {
		row[i] = excelize.Cell{StyleID: header, Value: c.Header}
	}
	if err := sw.SetRow("A1", row); err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	for n, r := range t.Rows {
		row = row[:0]
		for i, c := range r.Cells {
			style := plain
			if i < len(t.Columns) && t.Columns[i].Wide {
				style = wrapped
			}
			cell := excelize.Cell{StyleID: style, Value: c.Text}
			switch c.Kind {
			case data.CellNumber:
				if v, err := strconv.ParseFloat(c.Text, 64); err == nil {
					cell.Value = v
				}
			case data.CellDate:
				if v, err := time.Parse(data.DateLayout, c.Text); err == nil {
					cell.StyleID, cell.Value = date, v
				}
			}
			if c.Text == "" {
				cell.Value = nil
			}
			row = append(row, cell)
		}
		name, _ := excelize.CoordinatesToCellName(1, n+2)
		if err := sw.SetRow(name, row); err != nil {
			return fmt.Errorf("write xlsx: %w", err)
		}
	}
	if err := sw.Flush(); err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("write xlsx: %w", err)
	}
	return nil
}

// sheetName is name as Excel allows a sheet to be called: at most 31
// characters, none of []:*?/\.
func sheetName(name string) string {
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '-'
		}
		return r
	}, strings.TrimSpace(name))
	if r := []rune(name); len(r) > 31 {
		name = string(r[:31])
	}
	if strings.Trim(name, "'") == "" {
		return "Register"
	}
	return name
}
