package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"smsbuilder/data"
)

// heading is a section title inside a screen.
func heading(text string) fyne.CanvasObject {
	return widget.NewRichText(&widget.TextSegment{Text: text, Style: widget.RichTextStyleSubHeading})
}

// guidancePanel shows what a clause asks, in our words, beside the work.
func guidancePanel(cat *data.Catalogue, clause, tip string) fyne.CanvasObject {
	var items []fyne.CanvasObject
	if cl, ok := cat.Clause(clause); ok {
		g := widget.NewLabel(cl.Guidance)
		g.Wrapping = fyne.TextWrapWord
		title := widget.NewLabelWithStyle(lang.L("Clause")+" "+cl.Number+" — "+cl.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		title.Wrapping = fyne.TextWrapWord
		items = append(items, title, g)
		for _, d := range cl.Documents {
			l := widget.NewLabel("• " + documentKindLabel(d.Kind) + ": " + d.Text)
			l.Wrapping = fyne.TextWrapWord
			items = append(items, l)
		}
	}
	if tip != "" {
		t := widget.NewLabel(tip)
		t.Wrapping = fyne.TextWrapWord
		t.Importance = widget.LowImportance
		items = append(items, widget.NewSeparator(), t)
	}
	return container.NewVScroll(widget.NewCard(lang.L("Guidance"), "", container.NewVBox(items...)))
}

func documentKindLabel(kind string) string {
	if kind == data.KindRetain {
		return lang.L("Record")
	}
	return lang.L("Document")
}

// fieldProblems shows, under each field of a form, why its value was refused.
type fieldProblems map[string]*widget.Label

// wrap puts the problem line for the field name under w.
func (p fieldProblems) wrap(name string, w fyne.CanvasObject) fyne.CanvasObject {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	p[name] = l
	return container.NewVBox(w, l)
}

// show puts each field's message from err under it and hides the others;
// false when err names no field of this form.
func (p fieldProblems) show(err error) bool {
	shown := false
	for field, l := range p {
		if msg := data.FieldMessage(err, field); msg != "" {
			l.SetText(msg)
			l.Show()
			shown = true
		} else {
			l.Hide()
		}
	}
	return shown
}
