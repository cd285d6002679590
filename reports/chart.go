package reports

// Colours the packs on the roadmap and the gap assessment add to the palette.
const (
	colAlert      colour = 0xA93226 // overdue work
	colAccentSoft colour = 0xA9BED3 // the lighter bar of a chart: an earlier result
)

// barChart is a horizontal bar chart drawn with vector primitives: one row
// per item, a label on the left (a bold number and a title that wraps to
// two lines), one bar per series and the value printed after each bar.
type barChart struct {
	rows   []barRow
	series []barSeries // one or two
	// grid draws gridlines at 25, 50, 75 and 100 % with an axis below.
	grid bool
	// track draws a light full-length track behind each bar, for progress.
	track bool
}

// barSeries is one set of bars: the assessment printed or an earlier one.
type barSeries struct {
	label string // for the legend; the legend is left out when every label is empty
	fill  colour
	text  colour // of the value printed after the bar
}

// barRow is one item of the chart.
type barRow struct {
	number, title string
	values        []float64 // per series: 0 to 1, or negative for no value
	texts         []string  // per series: printed after the bar
}

// Chart measurements in millimetres and points.
const (
	chartLabelSize = 8.5
	chartValueSize = 7.6
	chartLabelW    = 0.36 // of the block width
	chartValueW    = 14.0 // room after the longest bar for its value
	chartBarGap    = 0.9  // between the bars of one row
	chartRowGap    = 3.6  // between rows
	chartLegendH   = 8.0
	chartAxisH     = 6.0
	chartSwatch    = 3.2
)

// barHeight is the height of one bar: thinner when two share a row.
func (c *barChart) barHeight() float64 {
	if len(c.series) > 1 {
		return 3.9
	}
	return 5.2
}

func (c *barChart) hasLegend() bool {
	for _, s := range c.series {
		if s.label != "" {
			return true
		}
	}
	return false
}

// rowHeight is the height of a row's bars, or of its label when that is taller.
func (c *barChart) rowHeight(labelH float64) float64 {
	n := float64(len(c.series))
	bars := n*c.barHeight() + (n-1)*chartBarGap
	return max(bars, labelH)
}

// chart prints c in the current block, whole on one page.
func (d *doc) chart(c barChart) {
	if len(c.rows) == 0 || len(c.series) == 0 {
		return
	}
	labelW := d.w * chartLabelW
	x0 := d.x + labelW + 3
	plotW := d.x + d.w - chartValueW - x0
	lh := ptToMM(chartLabelSize) * 1.25
	labels := make([][]textLine, len(c.rows))
	heights := make([]float64, len(c.rows))
	total := 0.0
	if c.hasLegend() {
		total += chartLegendH
	}
	// numbers in a column of their own, titles wrapped beside them
	numW := 0.0
	for _, r := range c.rows {
		if r.number != "" {
			numW = max(numW, d.width(faceBold, chartLabelSize, r.number)+2)
		}
	}
	titleW := labelW - numW
	for i, r := range c.rows {
		lines := d.wrap(plainSpans(r.title, 0), chartLabelSize, titleW)
		if len(lines) > 2 {
			// a third line would crowd the bars: end the second with an ellipsis
			rest := d.fit(faceRegular, chartLabelSize, plainText(lineSpans(lines[1:])), titleW)
			lines = append(lines[:1], d.wrap(plainSpans(rest, 0), chartLabelSize, titleW)[0])
		}
		if len(lines) == 0 {
			lines = []textLine{{}}
		}
		labels[i] = lines
		heights[i] = c.rowHeight(float64(len(lines)) * lh)
		total += heights[i]
		if i > 0 {
			total += chartRowGap
		}
	}
	top := 1.5 // above the first row, under the legend
	total += top
	if c.grid {
		total += chartAxisH
	}
	d.need(total)
	d.startBlock(kindOther, 0)
	d.place(total)
	if !d.dry {
		d.drawChart(c, labels, heights, numW, x0, plotW, lh, top)
	}
	d.y += total
	d.gap(gapBlock)
}

// lineSpans turns printed lines back into spans, for shortening them.
func lineSpans(lines []textLine) []span {
	var out []span
	for i, ln := range lines {
		if i > 0 {
			out = append(out, span{text: " "})
		}
		for _, p := range ln.pieces {
			out = append(out, span{text: p.text, st: p.st})
		}
	}
	return out
}

func (d *doc) drawChart(c barChart, labels [][]textLine, heights []float64, numW, x0, plotW, lh, top float64) {
	y := d.y
	if c.hasLegend() {
		d.legend(c.series, d.x, y)
		y += chartLegendH
	}
	plotTop := y
	plotH := top
	for i, h := range heights {
		plotH += h
		if i > 0 {
			plotH += chartRowGap
		}
	}
	plotBottom := plotTop + plotH
	if c.grid {
		d.setFont(faceRegular, chartValueSize)
		d.textColour(colMuted)
		for _, pct := range []float64{0, 25, 50, 75, 100} {
			x := x0 + plotW*pct/100
			if pct == 0 {
				d.drawColour(colMuted, 0.3)
			} else {
				d.drawColour(colRule, 0.2)
			}
			d.line(x, plotTop, x, plotBottom+1)
			label := percentText(pct)
			d.text(x-d.width(faceRegular, chartValueSize, label)/2, plotBottom+4.2, label)
		}
	}
	y = plotTop + top
	bh := c.barHeight()
	for i, r := range c.rows {
		h := heights[i]
		// the label, centred on the bars
		ly := y + (h-float64(len(labels[i]))*lh)/2
		if r.number != "" {
			d.setFont(faceBold, chartLabelSize)
			d.textColour(colText)
			d.text(d.x, d.baseline(ly, lh, chartLabelSize), r.number)
		}
		for _, ln := range labels[i] {
			d.drawLine(ln, d.x+numW, x0-d.x-3-numW, ly, lh, chartLabelSize, colText, 'L')
			ly += lh
		}
		n := float64(len(c.series))
		by := y + (h-(n*bh+(n-1)*chartBarGap))/2
		for s, ser := range c.series {
			v := -1.0
			if s < len(r.values) {
				v = r.values[s]
			}
			if c.track {
				d.fillColour(colAccentTint)
				d.rect(x0, by, plotW, bh, "F")
			}
			text := ""
			if s < len(r.texts) {
				text = r.texts[s]
			}
			end := x0
			if v >= 0 {
				w := plotW * min(v, 1)
				d.fillColour(ser.fill)
				d.rect(x0, by, w, bh, "F")
				end = x0 + w
			}
			if c.track {
				end = x0 + plotW
			}
			if text != "" {
				f := faceRegular
				if v < 0 {
					f = faceItalic
				}
				d.setFont(f, chartValueSize)
				d.textColour(ser.text)
				d.text(end+1.4, d.baseline(by, bh, chartValueSize), text)
			}
			by += bh + chartBarGap
		}
		y += h + chartRowGap
	}
}

// legend prints a swatch and label per series in one row from x.
func (d *doc) legend(series []barSeries, x, y float64) {
	right := d.x + d.w
	each := (right - x) / float64(len(series))
	for _, s := range series {
		d.fillColour(s.fill)
		d.rect(x, y+1.2, chartSwatch, chartSwatch, "F")
		d.setFont(faceRegular, chartLabelSize)
		d.textColour(colText)
		label := d.fit(faceRegular, chartLabelSize, s.label, each-chartSwatch-4)
		d.text(x+chartSwatch+1.6, d.baseline(y+1.2, chartSwatch, chartLabelSize), label)
		x += each
	}
}
