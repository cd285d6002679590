package reports

import (
	"fmt"
	"math"

	"smsbuilder/data"
)

// Objective charts: one small chart per measured objective, side by side,
// so that a reader sees at a glance which objectives hold their target.
const (
	objChartH      = 30.0 // the plot, in millimetres
	objChartGap    = 6.0
	objChartMinW   = 70.0
	objChartLabelW = 11.0 // the values up the side
	objChartText   = 7.0
)

// objectiveCharts prints, for every objective with measurements, its
// actual results against the target they had, oldest on the left.
func objectiveCharts(d *doc, src Source) {
	var objectives, measurements []data.Record
	for _, rr := range src.Registers {
		switch rr.Register.Key {
		case data.ObjectivesRegister:
			objectives = rr.Records
		case data.MeasurementsRegister:
			measurements = rr.Records
		}
	}
	trends := data.ObjectiveTrends(objectives, measurements)
	if len(trends) == 0 {
		return
	}
	objReg, _ := data.FindRegister(data.ObjectivesRegister)
	perRow := max(1, int((d.w+objChartGap)/(objChartMinW+objChartGap)))
	w := (d.w - float64(perRow-1)*objChartGap) / float64(perRow)
	lh := ptToMM(sizeSmall) * 1.35
	h := 2*lh + objChartH + lh + 2
	for start := 0; start < len(trends); start += perRow {
		d.need(h)
		d.startBlock(kindOther, 0)
		d.place(h)
		if !d.dry {
			for i, t := range trends[start:min(start+perRow, len(trends))] {
				objectiveChart(d, objReg, t, d.x+float64(i)*(w+objChartGap), d.y, w, lh)
			}
		}
		d.y += h
		d.gap(gapBlock / 2)
	}
	d.paragraph("Each chart: the line is the actual result of each period, the dashed line the target it had then; "+
		"a green dot met its target, a red one missed it.", stMuted)
}

// objectiveChart draws one objective's chart in the box at x, y of width w.
func objectiveChart(d *doc, reg data.Register, t data.ObjectiveTrend, x, y, w, lh float64) {
	o := t.Objective
	d.setFont(faceBold, sizeSmall)
	d.textColour(colText)
	d.text(x, d.baseline(y, lh, sizeSmall), d.fit(faceBold, sizeSmall, reg.Reference(o.Number)+" "+o.Get("title"), w))
	unit := o.Get("unit")
	aim := "at least"
	if o.Get("direction") == "at_most" {
		aim = "at most"
	}
	sub := fmt.Sprintf("Target %s %s%s", aim, data.FormatNumber(mustNum(o, "target")), unitSuffix(unit))
	if t.Judged > 0 {
		sub += fmt.Sprintf("; met %d of %d", t.Met, t.Judged)
	}
	d.setFont(faceRegular, objChartText)
	d.textColour(colMuted)
	d.text(x, d.baseline(y+lh, lh, objChartText), d.fit(faceRegular, objChartText, sub, w))

	top := y + 2*lh
	px, pw := x+objChartLabelW, w-objChartLabelW
	lo, hi := t.Range()
	pad := (hi - lo) * 0.12
	if pad == 0 {
		pad = math.Max(math.Abs(hi)*0.05, 1)
	}
	yOf := func(v float64) float64 { return top + objChartH - (v-lo+pad)/(hi-lo+2*pad)*objChartH }
	n := len(t.Results)
	xOf := func(i int) float64 {
		if n == 1 {
			return px + pw/2
		}
		return px + 2 + float64(i)*(pw-4)/float64(n-1)
	}
	d.fillColour(colZebra)
	d.drawColour(colRule, 0.2)
	d.rect(px, top, pw, objChartH, "FD")
	d.setFont(faceRegular, objChartText)
	d.textColour(colMuted)
	// the lowest and highest values, where they sit
	for _, v := range []float64{lo, hi} {
		s := data.FormatNumber(roundTo(v, 3))
		d.text(px-1-d.width(faceRegular, objChartText, s), yOf(v)+ptToMM(objChartText)*0.35, s)
	}
	// the target, dashed, as it stood at each result
	d.drawColour(colMuted, 0.35)
	d.dash(true)
	for i := 1; i < n; i++ {
		a, b := t.Results[i-1], t.Results[i]
		if a.HasTarget && b.HasTarget {
			d.line(xOf(i-1), yOf(a.Target), xOf(i), yOf(b.Target))
		}
	}
	if n == 1 && t.Results[0].HasTarget {
		d.line(px, yOf(t.Results[0].Target), px+pw, yOf(t.Results[0].Target))
	}
	d.dash(false)
	d.drawColour(colAccent, 0.5)
	for i := 1; i < n; i++ {
		d.line(xOf(i-1), yOf(t.Results[i-1].Actual), xOf(i), yOf(t.Results[i].Actual))
	}
	for i, r := range t.Results {
		c := colMuted
		if r.HasTarget {
			c = colAlert
			if r.Met {
				c = colRecord
			}
		}
		d.fillColour(c)
		d.drawColour(c, 0.1)
		d.circle(xOf(i), yOf(r.Actual), 0.8)
	}
	// the first and last periods along the foot
	d.setFont(faceRegular, objChartText)
	d.textColour(colMuted)
	foot := top + objChartH + ptToMM(objChartText) + 0.8
	first, last := periodLabel(t.Results[0]), periodLabel(t.Results[n-1])
	d.text(px, foot, d.fit(faceRegular, objChartText, first, pw/2-1))
	if n > 1 {
		last = d.fit(faceRegular, objChartText, last, pw/2-1)
		d.text(px+pw-d.width(faceRegular, objChartText, last), foot, last)
	}
}

func mustNum(r data.Record, key string) float64 {
	n, _ := r.Num(key)
	return n
}

func unitSuffix(unit string) string {
	switch unit {
	case "":
		return ""
	case "%":
		return " %"
	}
	return " " + unit
}

func periodLabel(r data.ObjectiveResult) string {
	if r.Period != "" {
		return r.Period
	}
	return r.Date.Format("Jan 2006")
}

// roundTo rounds v to the significant digits given, for an axis label.
func roundTo(v float64, digits int) float64 {
	if v == 0 {
		return 0
	}
	scale := math.Pow(10, float64(digits)-math.Ceil(math.Log10(math.Abs(v))))
	return math.Round(v*scale) / scale
}
