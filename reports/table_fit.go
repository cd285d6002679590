package reports

import "strings"

// tableHeight is the height t takes when it fits on one page, measured as
// table lays it out.
func (d *doc) tableHeight(t table) float64 {
	if t.size == 0 {
		t.size = sizeTable
	}
	n := t.columns()
	if n == 0 || d.tooWide(n) {
		return 0
	}
	widths := d.columnWidths(&t, n, d.w)
	lh := ptToMM(t.size) * 1.32
	rowH := func(row []cell, st style) float64 {
		most := 1
		for c := 0; c < n; c++ {
			cl := t.cellAt(row, c)
			spans := make([]span, len(cl))
			for i, s := range cl {
				s.st |= st
				spans[i] = s
			}
			most = max(most, len(d.wrap(spans, t.size, widths[c]-2*cellPadX)))
		}
		return float64(most)*lh + 2*cellPadY
	}
	h := 0.0
	if t.header != nil {
		h += rowH(t.header, stBold|stWhite)
	}
	for _, r := range t.rows {
		h += rowH(r, 0)
	}
	return h
}

// keepTogether starts a new page unless h more millimetres, and the gap
// asked for before them, fit on this one. Blocks taller than a page are
// left to break where they must.
func (d *doc) keepTogether(h float64) {
	if d.atTop() || h > d.bottom()-d.g.top || d.y+d.pending+h <= d.bottom()+0.01 {
		return
	}
	d.addPage()
	d.pending = 0
}

// fitColumns shares the block width between the columns of t. A column of
// weight 0 is as wide as its widest line (header included), so that short
// values such as dates and names never wrap, but at most limit of the
// width; the other columns share what is left in proportion to their weights.
// proseColumnWidth is the least room a column of prose keeps per unit of
// its weight when short columns crowd a table.
const proseColumnWidth = 28.0

func (d *doc) fitColumns(t table, weights []float64, limit float64) []float64 {
	size := t.size
	if size == 0 {
		size = sizeTable
	}
	out := make([]float64, len(weights))
	// word is, per column, its widest word: what it may shrink to without
	// breaking a word in two
	word := make([]float64, len(weights))
	rest, sum := d.w, 0.0
	for c, wt := range weights {
		if wt > 0 {
			sum += wt
			continue
		}
		w := 0.0
		measure := func(cl cell, st style) {
			// the spans of a cell run on along a line until a line break
			line := 0.0
			for _, sp := range cl {
				for i, part := range strings.Split(sp.text, "\n") {
					if i > 0 {
						line = 0
					}
					f, sz := (sp.st | st).face(), (sp.st | st).size(size)
					line += d.width(f, sz, part)
					w = max(w, line)
					for _, wd := range strings.Fields(part) {
						word[c] = max(word[c], d.width(f, sz, wd)+2*cellPadX+0.3)
					}
				}
			}
		}
		measure(t.cellAt(t.header, c), stBold)
		for _, row := range t.rows {
			measure(t.cellAt(row, c), 0)
		}
		out[c] = min(w+2*cellPadX+0.3, d.w*limit)
		rest -= out[c]
	}
	// Many columns of longish short values can take the whole width; the
	// columns with weights, which hold the prose, keep a minimum share, and
	// the others give up what they have beyond their widest word, in
	// proportion, and wrap between words: a reference stays on one line.
	if need := sum * proseColumnWidth; sum > 0 && rest < need {
		excess, floor := 0.0, 0.0
		least := make([]float64, len(weights))
		for c, wt := range weights {
			if wt == 0 {
				least[c] = min(out[c], max(word[c], minColumnWidth))
				excess += out[c] - least[c]
				floor += least[c]
			}
		}
		if excess > 0 {
			scale := max(min((d.w-need-floor)/excess, 1), 0)
			rest = d.w
			for c, wt := range weights {
				if wt == 0 {
					out[c] = least[c] + (out[c]-least[c])*scale
					rest -= out[c]
				}
			}
		}
	}
	for c, wt := range weights {
		if wt > 0 {
			out[c] = max(rest, 0) * wt / sum
		}
	}
	return out
}
