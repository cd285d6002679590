// Package spreadsheet reads and writes the files people keep registers
// in: CSV in the dialects spreadsheet programs save, and XLSX. It turns
// them into data.Table and back; what the columns mean is data's business.
package spreadsheet

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"smsbuilder/data"
)

// Format is a spreadsheet file format.
type Format string

const (
	CSV  Format = "csv"
	XLSX Format = "xlsx"
)

// Formats are the formats offered, the commonest first.
func Formats() []Format { return []Format{XLSX, CSV} }

// ParseFormat reads "csv" or "xlsx" in any case.
func ParseFormat(s string) (Format, bool) {
	for _, f := range Formats() {
		if strings.EqualFold(strings.TrimPrefix(strings.TrimSpace(s), "."), string(f)) {
			return f, true
		}
	}
	return "", false
}

// Ext is the file name extension of the format, ".xlsx".
func (f Format) Ext() string { return "." + string(f) }

// FormatOf is the format a file name's extension names.
func FormatOf(path string) (Format, bool) {
	ext := filepath.Ext(path)
	if ext == "" {
		return "", false
	}
	return ParseFormat(ext)
}

// Magic bytes: XLSX is a zip; the older binary XLS an OLE compound file.
var (
	zipMagic = []byte("PK\x03\x04")
	oleMagic = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
)

// maxFileSize bounds what an import reads into memory: far more than a
// register of 10,000 rows needs.
const maxFileSize = 200 << 20

// ReadFile reads the first sheet of an XLSX file, or a CSV file, into a
// table, telling them apart by their content rather than their name.
func ReadFile(path string) (data.Table, error) {
	f, err := os.Open(path)
	if err != nil {
		return data.Table{}, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxFileSize+1))
	if err != nil {
		return data.Table{}, fmt.Errorf("read %s: %w", path, err)
	}
	if len(b) > maxFileSize {
		return data.Table{}, data.Errorf(data.EInvalid, "%s is larger than 200 MB: split it into smaller files.", path)
	}
	t, err := Read(b)
	if err != nil {
		return data.Table{}, &data.Error{Code: data.ErrorCode(err), Message: filepath.Base(path) + ": " + data.ErrorMessage(err), Err: err}
	}
	return t, nil
}

// Read reads a whole file's bytes as XLSX or CSV.
func Read(b []byte) (data.Table, error) {
	switch {
	case bytes.HasPrefix(b, zipMagic):
		return ReadXLSX(bytes.NewReader(b))
	case bytes.HasPrefix(b, oleMagic):
		return data.Table{}, data.Errorf(data.EInvalid, "This is an older Excel file (XLS). Save it as XLSX or CSV in your spreadsheet program, then import that.")
	}
	return ReadCSV(bytes.NewReader(b))
}

// Write writes t in the format. sheet names the XLSX sheet; dateFormat is
// the Excel number format XLSX dates are shown in ("" for yyyy-mm-dd).
func Write(w io.Writer, f Format, t data.Table, sheet, dateFormat string) error {
	if f == XLSX {
		return WriteXLSX(w, t, sheet, dateFormat)
	}
	return WriteCSV(w, t)
}

// tableFrom makes a table of rows as a file holds them: the first row
// that is not blank is the header, and each later row keeps its line.
func tableFrom(rows [][]data.Cell) (data.Table, error) {
	header := -1
	for i, r := range rows {
		if !(data.Row{Cells: r}).Blank() {
			header = i
			break
		}
	}
	if header < 0 {
		return data.Table{}, data.Errorf(data.EInvalid, "The file has no rows: there is nothing to import.")
	}
	var t data.Table
	width := len(rows[header])
	for width > 0 && strings.TrimSpace(rows[header][width-1].Text) == "" {
		width--
	}
	for i := 0; i < width; i++ {
		h := strings.TrimSpace(rows[header][i].Text)
		if h == "" {
			h = fmt.Sprintf("Column %d", i+1)
		}
		t.Columns = append(t.Columns, data.Column{Header: h})
	}
	for i := header + 1; i < len(rows); i++ {
		t.Rows = append(t.Rows, data.Row{Line: i + 1, Cells: rows[i]})
	}
	return t, nil
}

// formulaStart are the characters that make a spreadsheet program read a
// cell as a formula.
const formulaStart = "=+-@\t\r"

// looksLikeFormula reports whether a spreadsheet program would evaluate s.
func looksLikeFormula(s string) bool {
	return s != "" && strings.ContainsRune(formulaStart, rune(s[0]))
}

// columnWidths are widths in characters that show most values whole.
func columnWidths(t data.Table) []float64 {
	out := make([]float64, len(t.Columns))
	for i, c := range t.Columns {
		longest := len([]rune(c.Header)) + 3 // room for the filter button
		for _, r := range t.Rows {
			if i >= len(r.Cells) {
				continue
			}
			cell := r.Cells[i]
			n := 0
			switch cell.Kind {
			case data.CellDate:
				n = 11
			default:
				for _, line := range strings.Split(cell.Text, "\n") {
					n = max(n, len([]rune(line)))
				}
			}
			longest = max(longest, n)
		}
		limit := 40
		if c.Wide {
			limit = 60
		}
		out[i] = float64(min(max(longest+2, 8), limit))
	}
	return out
}
