package reports

import "math"

// table is a grid of inline text. Columns share the block width in
// proportion to their content; cells wrap; the header row repeats at the top
// of every page the table continues on; rows alternate a light fill.
type table struct {
	header []cell // nil for no header row
	rows   [][]cell
	align  []byte    // per column: 'L', 'C' or 'R'
	fixed  []float64 // optional column widths as fractions of the block
	size   float64
	label  bool // the first column is a label column (key/value tables)
}

type cell []span

// Table spacing in millimetres.
const (
	cellPadX       = 1.8
	cellPadY       = 1.3
	minColumnWidth = 14.0
)

func (t *table) columns() int {
	n := len(t.header)
	for _, r := range t.rows {
		n = max(n, len(r))
	}
	return n
}

func (t *table) cellAt(row []cell, c int) cell {
	if c < len(row) {
		return row[c]
	}
	return nil
}

// widths shares the block width w between n columns: each column gets at
// least its widest word where possible, and the rest goes to the columns
// with the most text, so that short columns stay narrow and long ones wrap.
func (d *doc) columnWidths(t *table, n int, w float64) []float64 {
	out := make([]float64, n)
	if len(t.fixed) == n {
		sum := 0.0
		for _, f := range t.fixed {
			sum += f
		}
		for i, f := range t.fixed {
			out[i] = w * f / sum
		}
		return out
	}
	natural, minimum := make([]float64, n), make([]float64, n)
	measure := func(row []cell, st style) {
		for c := 0; c < n; c++ {
			cl := t.cellAt(row, c)
			spans := make([]span, len(cl))
			for i, s := range cl {
				s.st |= st
				spans[i] = s
			}
			nat, mn := d.naturalWidths(spans, t.size)
			natural[c] = max(natural[c], nat+2*cellPadX)
			minimum[c] = max(minimum[c], min(mn+2*cellPadX, w/2))
		}
	}
	measure(t.header, stBold)
	for _, r := range t.rows {
		measure(r, 0)
	}
	sumNat, sumMin := 0.0, 0.0
	for c := 0; c < n; c++ {
		minimum[c] = max(minimum[c], min(minColumnWidth, w/float64(n)))
		natural[c] = max(natural[c], minimum[c])
		sumNat += natural[c]
		sumMin += minimum[c]
	}
	switch {
	case sumNat <= w:
		// everything fits on one line: spread the spare width evenly
		for c := range out {
			out[c] = natural[c] + (w-sumNat)/float64(n)
		}
	case sumMin <= w:
		// every word fits: give the spare width in proportion to the text left over
		spare, want := w-sumMin, sumNat-sumMin
		for c := range out {
			out[c] = minimum[c] + spare*(natural[c]-minimum[c])/want
		}
	default:
		for c := range out {
			out[c] = w * minimum[c] / sumMin
		}
	}
	return out
}

// tooWide reports whether the table has so many columns that each would be
// too narrow to read; such a table prints as one record per row instead.
func (d *doc) tooWide(n int) bool { return float64(n)*minColumnWidth > d.w }

// table prints t in the current block.
func (d *doc) table(t table) {
	if t.size == 0 {
		t.size = sizeTable
	}
	n := t.columns()
	if n == 0 {
		return
	}
	if d.tooWide(n) {
		d.tableAsRecords(t, n)
		return
	}
	widths := d.columnWidths(&t, n, d.w)
	lh := ptToMM(t.size) * 1.32
	wrapRow := func(row []cell, st style) ([][]textLine, int) {
		lines := make([][]textLine, n)
		most := 1
		for c := 0; c < n; c++ {
			cl := t.cellAt(row, c)
			spans := make([]span, len(cl))
			for i, s := range cl {
				s.st |= st
				spans[i] = s
			}
			lines[c] = d.wrap(spans, t.size, widths[c]-2*cellPadX)
			most = max(most, len(lines[c]))
		}
		return lines, most
	}
	var headLines [][]textLine
	headN := 0
	if t.header != nil {
		headLines, headN = wrapRow(t.header, stBold|stWhite)
	}
	headH := 0.0
	if headN > 0 {
		headH = float64(headN)*lh + 2*cellPadY
	}
	type bodyRow struct {
		cells []cell
		st    style
	}
	body := make([]bodyRow, 0, len(t.rows)+1)
	if headH > (d.bottom()-d.g.top)/3 {
		// a header this tall cannot repeat on every page: it prints once,
		// as a bold first row that may break across pages
		body = append(body, bodyRow{t.header, stBold})
		headN, headH = 0, 0
	}
	for _, r := range t.rows {
		body = append(body, bodyRow{r, 0})
	}
	x := d.x
	drawSlice := func(lines [][]textLine, from, count int, fill colour, header bool, rowIndex int) {
		h := float64(count)*lh + 2*cellPadY
		top := d.y
		d.decorate(top, h)
		if !d.dry {
			if fill != 0 {
				d.fillColour(fill)
				d.rect(x, top, d.w, h, "F")
			}
			cx := x
			for c := 0; c < n; c++ {
				align := byte('L')
				if c < len(t.align) {
					align = t.align[c]
				}
				base := colText
				if t.label && c == 0 && !header {
					base = colMuted
				}
				for i := from; i < from+count && i < len(lines[c]); i++ {
					ly := top + cellPadY + float64(i-from)*lh
					d.drawLine(lines[c][i], cx+cellPadX, widths[c]-2*cellPadX, ly, lh, t.size, base, align)
				}
				cx += widths[c]
			}
			if !header {
				d.drawColour(colRule, 0.2)
				d.line(x, top+h, x+d.w, top+h)
			}
		}
		if from == 0 {
			d.drawMarker(top+cellPadY, lh)
		}
		d.blockKind, d.blockLevel = kindTableRow, rowIndex
		if header {
			d.blockKind = kindTableHead
		}
		d.place(h)
		d.y += h
	}
	drawHeader := func() {
		if headN > 0 {
			drawSlice(headLines, 0, headN, colAccent, true, -1)
		}
	}
	type wrapped struct {
		lines [][]textLine
		most  int
	}
	rows := make([]wrapped, len(body))
	for ri, br := range body {
		lines, most := wrapRow(br.cells, br.st)
		if t.label {
			lines[0], _ = d.wrapLabel(t.cellAt(br.cells, 0), t.size, widths[0]-2*cellPadX)
			most = max(most, len(lines[0]))
		}
		rows[ri] = wrapped{lines, most}
	}
	rowHeight := func(ri int) float64 { return float64(rows[ri].most)*lh + 2*cellPadY }
	fresh := d.bottom() - d.g.top - headH
	// The header stays with the first two rows (all three of a table of
	// three, so that neither page holds one row alone), or, when they do
	// not fit on a page, with the first line of the first row.
	d.startBlock(kindTableRow, 0)
	keep := headH + lh + 2*cellPadY
	first := min(keepLines, len(rows))
	if len(rows) == keepLines+1 {
		first = len(rows)
	}
	want := headH
	for ri := range first {
		want += rowHeight(ri)
	}
	if first > 0 && want-headH <= fresh {
		keep = want
	}
	d.need(keep)
	drawHeader()
	for ri := range rows {
		if d.failed() {
			return
		}
		lines, most := rows[ri].lines, rows[ri].most
		fill := colour(0)
		if ri%2 == 1 {
			fill = colZebra
		}
		rowH := rowHeight(ri)
		// the last row does not go alone onto a page of its own
		if ri == len(rows)-2 && ri >= keepLines && !d.atTop() {
			pair := rowH + rowHeight(ri+1)
			if d.y+rowH <= d.bottom() && d.y+pair > d.bottom() && pair <= fresh {
				d.addPage()
				drawHeader()
			}
		}
		if d.y+rowH > d.bottom() && (rowH <= fresh || d.y+lh+2*cellPadY > d.bottom()) {
			d.addPage()
			drawHeader()
		}
		for from := 0; from < most; {
			fit := int(math.Floor((d.bottom() - d.y - 2*cellPadY + 1e-6) / lh))
			if fit < 1 {
				d.addPage()
				drawHeader()
				continue
			}
			count := min(fit, most-from)
			drawSlice(lines, from, count, fill, false, ri)
			from += count
			if from < most {
				d.addPage()
				drawHeader()
			}
		}
	}
}

// wrapLabel wraps a label cell in bold.
func (d *doc) wrapLabel(cl cell, size, width float64) ([]textLine, int) {
	spans := make([]span, len(cl))
	for i, s := range cl {
		s.st |= stBold
		spans[i] = s
	}
	lines := d.wrap(spans, size, width)
	return lines, len(lines)
}

// tableAsRecords prints a table with too many columns as one short record
// per row: "Header: value" lines, rows separated by rules.
func (d *doc) tableAsRecords(t table, n int) {
	for ri, row := range t.rows {
		if d.failed() {
			return
		}
		if ri > 0 {
			d.gap(1.2)
			d.need(1)
			if !d.dry {
				d.drawColour(colRule, 0.2)
				d.line(d.x, d.y, d.x+d.w, d.y)
			}
			d.gap(1.2)
		}
		for c := 0; c < n; c++ {
			var spans []span
			if h := t.cellAt(t.header, c); len(h) > 0 {
				for _, s := range h {
					s.st |= stBold
					spans = append(spans, s)
				}
				spans = append(spans, span{text: ": ", st: stBold})
			}
			spans = append(spans, t.cellAt(row, c)...)
			d.flow(spans, paraStyle{size: t.size})
		}
	}
}
