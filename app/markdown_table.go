package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// tableMinColumn is the narrowest a column is made while others are wider
// than their share; below it a word would break at every letter.
const tableMinColumn = 48

// tableLayout lays out a Markdown table as a grid of wrapped cells: columns
// share the width the table is given, narrow ones keeping their natural
// width and the rest splitting what is left, so a long cell wraps and
// never widens the table. Its objects are the backgrounds of the header
// rows, the cells row by row, then the grid lines.
type tableLayout struct {
	rows, cols int
	header     int       // how many rows are header rows
	natural    []float32 // the widest cell of each column on one line
	line       float32   // thickness of the grid lines

	// The row heights last worked out, for the width they were worked out at.
	heightsAt float32
	heights   []float32
}

// newMarkdownTable draws rows of cells, the first header rows in bold on
// the header colour. Rows shorter than the widest are padded.
func newMarkdownTable(rows [][]*widget.RichText, header int) fyne.CanvasObject {
	cols := 0
	for _, r := range rows {
		cols = max(cols, len(r))
	}
	header = min(header, len(rows))
	l := &tableLayout{rows: len(rows), cols: cols, header: header, natural: make([]float32, cols), line: theme.SeparatorThicknessSize()}
	var objs []fyne.CanvasObject
	for i := 0; i < header; i++ {
		objs = append(objs, canvas.NewRectangle(theme.Color(theme.ColorNameHeaderBackground)))
	}
	for _, r := range rows {
		for c := 0; c < cols; c++ {
			var cell *widget.RichText
			if c < len(r) {
				cell = r[c]
			} else {
				cell = widget.NewRichText()
				cell.Wrapping = fyne.TextWrapWord
			}
			l.natural[c] = max(l.natural[c], naturalWidth(cell))
			objs = append(objs, cell)
		}
	}
	for i := 0; i < l.rows+1+l.cols+1; i++ {
		// Separators take the colour of the theme the user switches to.
		objs = append(objs, widget.NewSeparator())
	}
	return container.New(l, objs...)
}

// cell is the cell in row r and column c among the layout's objects.
func (l *tableLayout) cell(objs []fyne.CanvasObject, r, c int) fyne.CanvasObject {
	return objs[l.header+r*l.cols+c]
}

// naturalWidth is how wide a cell's text is on one line.
func naturalWidth(rt *widget.RichText) float32 {
	w := float32(0)
	for _, s := range rt.Segments {
		switch s := s.(type) {
		case *widget.TextSegment:
			longest := float32(0)
			line := ""
			for _, r := range s.Text + "\n" {
				if r == '\n' {
					longest = max(longest, fyne.MeasureText(line, theme.Size(s.Style.SizeName), s.Style.TextStyle).Width)
					line = ""
					continue
				}
				line += string(r)
			}
			w += longest
		default:
			w += fyne.MeasureText(s.Textual(), theme.TextSize(), fyne.TextStyle{}).Width
		}
	}
	return w + 2*theme.InnerPadding() + 1
}

// columns shares width among the columns.
func (l *tableLayout) columns(width float32) []float32 {
	avail := width - float32(l.cols+1)*l.line
	out := make([]float32, l.cols)
	total := float32(0)
	for _, n := range l.natural {
		total += n
	}
	if total <= avail {
		copy(out, l.natural)
		return out
	}
	// Columns narrower than an equal share of what is left keep their
	// width; the others split the rest equally.
	open := make([]bool, l.cols)
	for i := range open {
		open[i] = true
	}
	left, n := avail, l.cols
	for changed := true; changed && n > 0; {
		changed = false
		share := left / float32(n)
		for i, w := range l.natural {
			if open[i] && w <= share {
				out[i], open[i] = w, false
				left -= w
				n--
				changed = true
			}
		}
	}
	if n > 0 {
		share := max(left/float32(n), tableMinColumn)
		for i := range out {
			if open[i] {
				out[i] = share
			}
		}
	}
	return out
}

// rowHeights wraps every cell at its column's width and measures the rows.
func (l *tableLayout) rowHeights(objs []fyne.CanvasObject, widths []float32, width float32) []float32 {
	if l.heights != nil && l.heightsAt == width {
		return l.heights
	}
	hs := make([]float32, l.rows)
	for r := 0; r < l.rows; r++ {
		for c := 0; c < l.cols; c++ {
			hs[r] = max(hs[r], heightAt(l.cell(objs, r, c), widths[c]))
		}
	}
	l.heights, l.heightsAt = hs, width
	return hs
}

func (l *tableLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	widths := l.columns(size.Width)
	hs := l.rowHeights(objs, widths, size.Width)
	lines := objs[l.header+l.rows*l.cols:]
	tableW := float32(l.cols+1) * l.line
	for _, w := range widths {
		tableW += w
	}
	y := float32(0)
	for r := 0; r < l.rows; r++ {
		lines[r].Move(fyne.NewPos(0, y))
		lines[r].Resize(fyne.NewSize(tableW, l.line))
		y += l.line
		if r < l.header {
			objs[r].Move(fyne.NewPos(0, y))
			objs[r].Resize(fyne.NewSize(tableW, hs[r]))
		}
		x := l.line
		for c := 0; c < l.cols; c++ {
			place(l.cell(objs, r, c), fyne.NewPos(x, y), fyne.NewSize(widths[c], hs[r]))
			x += widths[c] + l.line
		}
		y += hs[r]
	}
	lines[l.rows].Move(fyne.NewPos(0, y))
	lines[l.rows].Resize(fyne.NewSize(tableW, l.line))
	x := float32(0)
	for c := 0; c <= l.cols; c++ {
		v := lines[l.rows+1+c]
		v.Move(fyne.NewPos(x, 0))
		v.Resize(fyne.NewSize(l.line, y+l.line))
		if c < l.cols {
			x += widths[c] + l.line
		}
	}
}

// MinSize asks for the height the rows take at the width last laid out,
// and for no width: a table never makes what holds it wider. Before the
// first layout it asks for the cells' height unwrapped, which costs no
// wrapping at a width the table will not have; the canvas lays it out
// again once the real heights are known.
func (l *tableLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(l.rows+1) * l.line
	if l.heights != nil {
		for _, v := range l.heights {
			h += v
		}
		return fyne.NewSize(0, h)
	}
	for r := 0; r < l.rows; r++ {
		row := float32(0)
		for c := 0; c < l.cols; c++ {
			row = max(row, l.cell(objs, r, c).MinSize().Height)
		}
		h += row
	}
	return fyne.NewSize(0, h)
}
