package app

import (
	"fmt"
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"smsbuilder/data"
)

// The objective's form shows its results against target as the printed
// measurements register does, so that whoever edits the target sees what
// it has been measured against.

// Result colours: met, missed, and not judged for want of a target.
func colourMet() color.Color    { return color.NRGBA{R: 0x3D, G: 0x8B, B: 0x5A, A: 0xFF} }
func colourMissed() color.Color { return color.NRGBA{R: 0xC0, G: 0x39, B: 0x2B, A: 0xFF} }

// objectiveResults is the section of an objective's form that charts its
// measurements, or nil when it has none.
func objectiveResults(e *env, objective data.Record) fyne.CanvasObject {
	page, err := e.ws.Records(e.ctx(), data.RecordQuery{
		Register: data.MeasurementsRegister,
		Filters:  map[string][]string{"objective": {fmt.Sprint(objective.ID)}},
	})
	if err != nil {
		e.showErr(err)
		return nil
	}
	trends := data.ObjectiveTrends([]data.Record{objective}, page.Records)
	if len(trends) == 0 {
		return nil
	}
	t := trends[0]
	heading := widget.NewLabelWithStyle(lang.L("Results against target"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	summary := fmt.Sprintf(lang.L("%d results, the latest %s."), len(t.Results), latestText(t))
	if t.Judged > 0 {
		summary = fmt.Sprintf(lang.L("Met the target %d times of %d; the latest %s."), t.Met, t.Judged, latestText(t))
	}
	legend := container.NewHBox(swatch(colourMet()), widget.NewLabel(lang.L("met")), swatch(colourMissed()), widget.NewLabel(lang.L("missed")),
		widget.NewLabel(lang.L("dashed: the target")))
	return container.NewVBox(heading, wrapLabel(summary), newTrendChart(t), legend)
}

// latestText is "94.5 % in November 2026, met".
func latestText(t data.ObjectiveTrend) string {
	r, _ := t.Latest()
	when := r.Period
	if when == "" {
		when = r.Date.Format("Jan 2006")
	}
	value := data.FormatNumber(r.Actual)
	if unit := t.Objective.Get("unit"); unit != "" {
		value += " " + unit
	}
	text := fmt.Sprintf(lang.L("%s in %s"), value, when)
	switch {
	case !r.HasTarget:
		return text
	case r.Met:
		return text + ", " + lang.L("met")
	}
	return text + ", " + lang.L("missed")
}

// trendLayout places a chart's lines and dots in the space it is given:
// the actual result of each period joined by a line, the target it had
// then dashed, and a dot per result coloured met or missed.
type trendLayout struct {
	trend  data.ObjectiveTrend
	lo, hi float64
	// The objects, in the order Layout places them.
	frame   *canvas.Rectangle
	axis    [2]*canvas.Text // lowest and highest value
	foot    [2]*canvas.Text // first and last period
	target  []*canvas.Line  // dashes
	actual  []*canvas.Line
	results []*canvas.Circle
}

const (
	trendAxisW  = float32(56)
	trendFootH  = float32(18)
	trendHeight = float32(150)
	trendDot    = float32(7)
)

func newTrendChart(t data.ObjectiveTrend) fyne.CanvasObject {
	l := &trendLayout{trend: t}
	l.lo, l.hi = t.Range()
	pad := (l.hi - l.lo) * 0.12
	if pad == 0 {
		pad = math.Max(math.Abs(l.hi)*0.05, 1)
	}
	l.lo, l.hi = l.lo-pad, l.hi+pad
	muted := theme.Color(theme.ColorNamePlaceHolder)
	l.frame = canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	l.frame.StrokeColor = theme.Color(theme.ColorNameSeparator)
	l.frame.StrokeWidth = 1
	objs := []fyne.CanvasObject{l.frame}
	lo, hi := t.Range()
	for i, v := range []float64{lo, hi} {
		l.axis[i] = canvas.NewText(data.FormatNumber(v), muted)
		l.axis[i].TextSize = theme.CaptionTextSize()
		l.axis[i].Alignment = fyne.TextAlignTrailing
		objs = append(objs, l.axis[i])
	}
	n := len(t.Results)
	for i, r := range []data.ObjectiveResult{t.Results[0], t.Results[n-1]} {
		text := r.Period
		if text == "" {
			text = r.Date.Format("Jan 2006")
		}
		l.foot[i] = canvas.NewText(text, muted)
		l.foot[i].TextSize = theme.CaptionTextSize()
		objs = append(objs, l.foot[i])
	}
	if n == 1 {
		l.foot[1].Hidden = true
	}
	for i := 1; i < n; i++ {
		a, b := t.Results[i-1], t.Results[i]
		if a.HasTarget && b.HasTarget {
			// A dashed line is a run of short ones; Layout spaces them.
			for range dashCount {
				d := canvas.NewLine(muted)
				d.StrokeWidth = 1.5
				l.target = append(l.target, d)
				objs = append(objs, d)
			}
		}
	}
	if n == 1 && t.Results[0].HasTarget {
		for range dashCount {
			d := canvas.NewLine(muted)
			d.StrokeWidth = 1.5
			l.target = append(l.target, d)
			objs = append(objs, d)
		}
	}
	for i := 1; i < n; i++ {
		line := canvas.NewLine(theme.Color(theme.ColorNamePrimary))
		line.StrokeWidth = 2
		l.actual = append(l.actual, line)
		objs = append(objs, line)
	}
	for _, r := range t.Results {
		c := muted
		if r.HasTarget {
			c = colourMissed()
			if r.Met {
				c = colourMet()
			}
		}
		dot := canvas.NewCircle(c)
		l.results = append(l.results, dot)
		objs = append(objs, dot)
	}
	return container.New(l, objs...)
}

// dashCount is how many dashes make one segment of the target line.
const dashCount = 6

func (l *trendLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(trendAxisW+240, trendHeight+trendFootH)
}

func (l *trendLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	plotX, plotW := trendAxisW, size.Width-trendAxisW
	plotH := size.Height - trendFootH
	l.frame.Move(fyne.NewPos(plotX, 0))
	l.frame.Resize(fyne.NewSize(plotW, plotH))
	yOf := func(v float64) float32 { return plotH - float32((v-l.lo)/(l.hi-l.lo))*plotH }
	n := len(l.trend.Results)
	xOf := func(i int) float32 {
		if n == 1 {
			return plotX + plotW/2
		}
		return plotX + trendDot + float32(i)*(plotW-2*trendDot)/float32(n-1)
	}
	lo, hi := l.trend.Range()
	for i, v := range []float64{lo, hi} {
		t := l.axis[i]
		ts := t.MinSize()
		t.Move(fyne.NewPos(0, yOf(v)-ts.Height/2))
		t.Resize(fyne.NewSize(plotX-6, ts.Height))
	}
	l.foot[0].Move(fyne.NewPos(plotX, plotH+2))
	last := l.foot[1]
	last.Move(fyne.NewPos(plotX+plotW-last.MinSize().Width, plotH+2))

	dashes := l.target
	segment := func(x1, y1, x2, y2 float32) {
		for k := range dashCount {
			d := dashes[k]
			f1 := float32(k) / dashCount
			f2 := f1 + 0.6/dashCount
			d.Position1 = fyne.NewPos(x1+(x2-x1)*f1, y1+(y2-y1)*f1)
			d.Position2 = fyne.NewPos(x1+(x2-x1)*f2, y1+(y2-y1)*f2)
		}
		dashes = dashes[dashCount:]
	}
	rs := l.trend.Results
	if n == 1 && rs[0].HasTarget {
		segment(plotX, yOf(rs[0].Target), plotX+plotW, yOf(rs[0].Target))
	}
	for i := 1; i < n; i++ {
		if rs[i-1].HasTarget && rs[i].HasTarget {
			segment(xOf(i-1), yOf(rs[i-1].Target), xOf(i), yOf(rs[i].Target))
		}
		a := l.actual[i-1]
		a.Position1 = fyne.NewPos(xOf(i-1), yOf(rs[i-1].Actual))
		a.Position2 = fyne.NewPos(xOf(i), yOf(rs[i].Actual))
	}
	for i, dot := range l.results {
		dot.Move(fyne.NewPos(xOf(i)-trendDot/2, yOf(rs[i].Actual)-trendDot/2))
		dot.Resize(fyne.NewSize(trendDot, trendDot))
	}
}
