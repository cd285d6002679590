package app

import (
	"fmt"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"smsbuilder/data"
)

// barLayout sizes its only object to a fraction of the width it gets.
type barLayout struct{ fraction float32 }

func (l barLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, size.Height*0.15))
		o.Resize(fyne.NewSize(size.Width*l.fraction, size.Height*0.7))
	}
}

func (l barLayout) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(120, 22) }

// Chart colours: the assessment shown, and the one it is compared with.
func colourNow() color.Color      { return color.NRGBA{R: 0x2E, G: 0x75, B: 0xB6, A: 0xFF} }
func colourBaseline() color.Color { return color.NRGBA{R: 0x9A, G: 0xA5, B: 0xB1, A: 0xFF} }

// scoreChart draws one horizontal bar per top-level clause: the score now,
// and under it the baseline's when there is one; the labels name the two.
func scoreChart(cat *data.Catalogue, now []data.ClauseScore, baseline []data.ClauseScore, nowLabel, baseLabel string) fyne.CanvasObject {
	before := map[string]float64{}
	for _, c := range baseline {
		before[c.Clause] = c.Percent()
	}
	grid := container.NewVBox()
	for _, c := range now {
		title := c.Clause
		if cl, ok := cat.Clause(c.Clause); ok {
			title = cl.Number + " " + cl.Title
		}
		// Above its bars and wrapped: beside them a clause title was cut short.
		label := widget.NewLabel(title)
		label.Wrapping = fyne.TextWrapWord
		bars := container.NewVBox(bar(c.Percent(), colourNow()))
		if baseline != nil {
			bars.Add(bar(before[c.Clause], colourBaseline()))
		}
		grid.Add(container.NewVBox(label, bars))
	}
	if baseline != nil {
		legend := container.NewHBox(swatch(colourNow()), widget.NewLabel(nowLabel), swatch(colourBaseline()), widget.NewLabel(baseLabel))
		grid.Add(legend)
	}
	return grid
}

func bar(percent float64, c color.Color) fyne.CanvasObject {
	text := lang.L("not scored")
	frac := float32(0)
	if percent >= 0 {
		text = fmt.Sprintf("%.0f %%", percent)
		frac = float32(percent / 100)
	}
	track := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	fill := canvas.NewRectangle(c)
	fill.CornerRadius = 3
	value := widget.NewLabel(text)
	return container.NewBorder(nil, nil, nil, container.NewGridWrap(fyne.NewSize(90, 24), value),
		container.NewStack(container.New(barLayout{1}, track), container.New(barLayout{frac}, fill)))
}

func swatch(c color.Color) fyne.CanvasObject {
	r := canvas.NewRectangle(c)
	r.SetMinSize(fyne.NewSize(14, 14))
	return container.NewCenter(r)
}
