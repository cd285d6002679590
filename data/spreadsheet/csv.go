package spreadsheet

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"smsbuilder/data"
)

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// ReadCSV reads CSV as spreadsheet programs save it: separated by commas,
// semicolons or tabs (whichever makes the most even columns), in UTF-8
// with or without a byte order mark, UTF-16 with one, or Windows-1252.
// A "'" that an export put before formula-looking text is taken off again.
func ReadCSV(r io.Reader) (data.Table, error) {
	raw, err := io.ReadAll(r)
	if err != nil {
		return data.Table{}, fmt.Errorf("read csv: %w", err)
	}
	text, err := decodeText(raw)
	if err != nil {
		return data.Table{}, err
	}
	sep := detectSeparator(text)
	cr := csv.NewReader(strings.NewReader(text))
	cr.Comma = sep
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	var rows [][]data.Cell
	// csv skips blank lines, which a spreadsheet program shows as empty
	// rows: they are put back so that every row keeps its line number
	consumed, counted := 0, 0 // newlines read, up to byte counted
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return data.Table{}, data.Errorf(data.EInvalid, "Line %d cannot be read as CSV: check its quotation marks.", len(rows)+1)
			}
			return data.Table{}, fmt.Errorf("read csv: %w", err)
		}
		if line, _ := cr.FieldPos(0); line > consumed+1 {
			for range line - consumed - 1 {
				rows = append(rows, nil)
			}
		}
		end := int(cr.InputOffset())
		consumed += strings.Count(text[counted:end], "\n")
		counted = end
		cells := make([]data.Cell, len(rec))
		for i, v := range rec {
			cells[i] = data.TextCell(unprotect(v))
		}
		rows = append(rows, cells)
	}
	return tableFrom(rows)
}

// decodeText turns a CSV file's bytes into text.
func decodeText(b []byte) (string, error) {
	switch {
	case bytes.HasPrefix(b, utf8BOM):
		b = b[len(utf8BOM):]
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}), bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		// Excel's "Unicode text" is UTF-16 with a byte order mark
		out, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder().Bytes(b)
		if err != nil {
			return "", data.Errorf(data.EInvalid, "The file is neither a spreadsheet nor readable text.")
		}
		return string(out), nil
	}
	if bytes.IndexByte(b, 0) >= 0 {
		return "", data.Errorf(data.EInvalid, "The file is neither a spreadsheet nor CSV text: save it as CSV or XLSX.")
	}
	if utf8.Valid(b) {
		return string(b), nil
	}
	// not UTF-8: what Excel on Windows saves in Western Europe
	out, err := charmap.Windows1252.NewDecoder().Bytes(b)
	if err != nil {
		return "", data.Errorf(data.EInvalid, "The file's characters cannot be read: save it as CSV UTF-8.")
	}
	return string(out), nil
}

// detectSeparator chooses the separator that splits the first lines into
// the same number of columns, more than one, and the most of them;
// separators that leave quotation marks where CSV allows none lose to
// those that do not.
func detectSeparator(text string) rune {
	for _, lazy := range []bool{false, true} {
		if sep, ok := bestSeparator(text, lazy); ok {
			return sep
		}
	}
	return ','
}

func bestSeparator(text string, lazy bool) (rune, bool) {
	best, bestScore := ',', -1
	for _, sep := range []rune{',', ';', '\t'} {
		cr := csv.NewReader(strings.NewReader(text))
		cr.Comma = sep
		cr.FieldsPerRecord = -1
		cr.LazyQuotes = lazy
		var counts []int
		failed := false
		for len(counts) < 50 {
			rec, err := cr.Read()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				failed = true
				break
			}
			counts = append(counts, len(rec))
		}
		if failed || len(counts) == 0 || counts[0] < 2 {
			continue
		}
		even := 0
		for _, c := range counts {
			if c == counts[0] {
				even++
			}
		}
		// evenness first, then the number of columns
		if score := even*1000 + counts[0]; score > bestScore {
			best, bestScore = sep, score
		}
	}
	return best, bestScore >= 0
}

// protect puts "'" before text a spreadsheet program would evaluate, and
// before text that already starts with "'" and such a character, so that
// unprotect gives back exactly what was written.
func protect(s string) string {
	if looksLikeFormula(s) || (strings.HasPrefix(s, "'") && looksLikeFormula(s[1:])) {
		return "'" + s
	}
	return s
}

func unprotect(s string) string {
	if strings.HasPrefix(s, "'") && (looksLikeFormula(s[1:]) || (strings.HasPrefix(s[1:], "'") && looksLikeFormula(s[2:]))) {
		return s[1:]
	}
	return s
}

// WriteCSV writes t as UTF-8 CSV with a byte order mark and CRLF line
// ends, as spreadsheet programs open it without asking. Numbers are
// written with a decimal point and dates as 2026-03-31. A field holding
// any of the three separators is quoted, so that reading it back finds
// the comma.
func WriteCSV(w io.Writer, t data.Table) error {
	bw := bufio.NewWriter(w)
	bw.Write(utf8BOM)
	for i, c := range t.Columns {
		if i > 0 {
			bw.WriteByte(',')
		}
		writeField(bw, protect(c.Header))
	}
	bw.WriteString("\r\n")
	for _, r := range t.Rows {
		for i, c := range r.Cells {
			if i > 0 {
				bw.WriteByte(',')
			}
			if c.Kind == data.CellText {
				writeField(bw, protect(c.Text))
			} else {
				writeField(bw, c.Text)
			}
		}
		bw.WriteString("\r\n")
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write csv: %w", err)
	}
	return nil
}

func writeField(w *bufio.Writer, s string) {
	if s == "" || !strings.ContainsAny(s, ",;\t\"\r\n") && strings.TrimSpace(s) == s {
		w.WriteString(s)
		return
	}
	w.WriteByte('"')
	w.WriteString(strings.ReplaceAll(s, `"`, `""`))
	w.WriteByte('"')
}
