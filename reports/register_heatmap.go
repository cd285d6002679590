package reports

import (
	"strconv"

	"smsbuilder/data"
)

// Heat map measurements in millimetres and points.
const (
	heatCellW    = 23.0
	heatCellH    = 9.0
	heatLabelW   = 30.0
	heatAxisH    = 12.0
	heatTextSize = 7.6
)

// Score bands of the heat map, as a risk register's reader expects them:
// green is accepted as it is, amber is watched, red needs treatment. The
// threshold of 12 is the one the risks register's help states.
const (
	colHeatLow  colour = 0xD5EDDA
	colHeatMid  colour = 0xFCE8B2
	colHeatHigh colour = 0xF4C7C3
)

func heatColour(score int) colour {
	switch {
	case score >= 12:
		return colHeatHigh
	case score >= 5:
		return colHeatMid
	}
	return colHeatLow
}

// riskHeatMap prints how many risks sit at each likelihood and impact: a
// five by five grid, impact up the side and likelihood along the foot,
// each cell tinted by its score. Opportunities are left out: their scale
// reads the other way.
func riskHeatMap(d *doc, rr RegisterRecords) {
	reg := rr.Register
	likelihood, okL := reg.Field("likelihood")
	impact, okI := reg.Field("impact")
	if !okL || !okI || len(likelihood.Choices) != 5 || len(impact.Choices) != 5 {
		return
	}
	var counts [5][5]int
	n := 0
	for _, r := range rr.Records {
		if r.Get("kind") == "opportunity" {
			continue
		}
		l, i := likelihood.Rank(r.Get("likelihood")), impact.Rank(r.Get("impact"))
		if l == 0 || i == 0 {
			continue
		}
		counts[i-1][l-1]++
		n++
	}
	if n == 0 {
		return
	}
	lh := ptToMM(sizeBody) * 1.4
	h := lh + 5*heatCellH + heatAxisH
	d.need(h)
	d.startBlock(kindOther, 0)
	d.place(h)
	if !d.dry {
		top := d.y
		d.setFont(faceBold, sizeSmall)
		d.textColour(colText)
		d.text(d.x, d.baseline(top, lh, sizeSmall), "Risks by likelihood and impact ("+data.CountText(n, "risk", "risks")+")")
		gridTop := top + lh
		x0 := d.x + heatLabelW
		for row := 0; row < 5; row++ {
			imp := 4 - row // highest impact at the top
			y := gridTop + float64(row)*heatCellH
			d.setFont(faceRegular, heatTextSize)
			d.textColour(colMuted)
			d.text(d.x, d.baseline(y, heatCellH, heatTextSize), impact.Choices[imp].Label)
			for col := 0; col < 5; col++ {
				x := x0 + float64(col)*heatCellW
				d.fillColour(heatColour((imp + 1) * (col + 1)))
				d.drawColour(colRule, 0.2)
				d.rect(x, y, heatCellW, heatCellH, "FD")
				if c := counts[imp][col]; c > 0 {
					s := strconv.Itoa(c)
					d.setFont(faceBold, sizeSmall)
					d.textColour(colText)
					d.text(x+(heatCellW-d.width(faceBold, sizeSmall, s))/2, d.baseline(y, heatCellH, sizeSmall), s)
				}
			}
		}
		axisTop := gridTop + 5*heatCellH
		d.setFont(faceRegular, heatTextSize)
		d.textColour(colMuted)
		for col := 0; col < 5; col++ {
			label := d.fit(faceRegular, heatTextSize, likelihood.Choices[col].Label, heatCellW-1)
			x := x0 + float64(col)*heatCellW + (heatCellW-d.width(faceRegular, heatTextSize, label))/2
			d.text(x, axisTop+4, label)
		}
		d.text(x0, axisTop+9, "Likelihood \u2192   (impact up the side; red: score 12 or more, to be treated)")
	}
	d.y += h
	d.gap(gapBlock)
}
