package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"smsbuilder/data"
)

// linkPicker is a link field of a form: the records chosen, by reference
// and title, and a button that opens the list of the target register's
// records to tick.
type linkPicker struct {
	widget.BaseWidget
	env    *env
	names  *recordNames
	field  data.Field
	ids    []int64
	shown  *widget.Label
	choose *widget.Button
}

func newLinkPicker(e *env, names *recordNames, f data.Field, ids []int64) *linkPicker {
	p := &linkPicker{env: e, names: names, field: f, ids: ids}
	p.shown = wrapLabel("")
	p.choose = widget.NewButtonWithIcon(lang.L("Choose…"), theme.ListIcon(), p.onChoose)
	p.showChosen()
	p.ExtendBaseWidget(p)
	return p
}

func (p *linkPicker) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewBorder(nil, nil, nil, container.NewVBox(p.choose), p.shown))
}

// formValue is what the unsaved-changes guard compares.
func (p *linkPicker) formValue() string { return data.FormatIDs(p.ids) }

func (p *linkPicker) showChosen() {
	if len(p.ids) == 0 {
		p.shown.SetText(lang.L("(none)"))
		return
	}
	parts := make([]string, len(p.ids))
	for i, id := range p.ids {
		parts[i] = p.names.name(p.field, id)
	}
	p.shown.SetText(strings.Join(parts, "\n"))
}

// onChoose lists the target register's records with a filter; a field
// that links to one record keeps one ticked.
func (p *linkPicker) onChoose() {
	refs := p.names.refsOf(p.field.Link)
	chosen := map[int64]bool{}
	for _, id := range p.ids {
		chosen[id] = true
	}
	shown := refs
	var list *widget.List
	list = widget.NewList(func() int { return len(shown) },
		func() fyne.CanvasObject { return widget.NewCheck("", nil) },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			c := o.(*widget.Check)
			ref := shown[i]
			c.OnChanged = nil
			c.Text = ref.Text()
			c.Checked = chosen[ref.ID]
			c.Refresh()
			c.OnChanged = func(on bool) {
				if on && !p.field.Many {
					chosen = map[int64]bool{}
					defer list.Refresh()
				}
				chosen[ref.ID] = on
			}
		})
	filter := newField()
	filter.PlaceHolder = lang.L("Filter by reference or title")
	filter.OnChanged = func(text string) {
		q := strings.ToLower(strings.TrimSpace(text))
		shown = shown[:0:0]
		for _, r := range refs {
			if q == "" || strings.Contains(strings.ToLower(r.Text()), q) {
				shown = append(shown, r)
			}
		}
		list.Refresh()
	}
	hint := lang.L("Tick the records to link.")
	if !p.field.Many {
		hint = lang.L("Tick the record to link.")
	}
	if len(refs) == 0 {
		hint = fmt.Sprintf(lang.L("The register %s has no records yet."), p.names.regs[p.field.Link].Title)
	}
	body := container.NewBorder(container.NewVBox(wrapLabel(hint), filter), nil, nil, nil, list)
	d := dialog.NewCustomConfirm(p.field.Label, lang.L("OK"), lang.L("Cancel"), body, func(ok bool) {
		if !ok {
			return
		}
		var ids []int64
		for _, id := range p.ids { // those kept stay in their order
			if chosen[id] {
				ids = append(ids, id)
				delete(chosen, id)
			}
		}
		for _, r := range refs {
			if chosen[r.ID] {
				ids = append(ids, r.ID)
			}
		}
		p.ids = ids
		p.showChosen()
	}, p.env.win)
	d.Resize(fyne.NewSize(520, formHeight(p.env.win)))
	d.Show()
	p.env.win.Canvas().Focus(filter)
}
