package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// fixedWidth gives o width w and all the height it is offered, so that a
// side panel stays narrow without forcing a height on the screen (the
// grid-wrap it replaces asked for 600 px and ran over the table below).
func fixedWidth(w float32, o fyne.CanvasObject) fyne.CanvasObject {
	return container.New(fixedWidthLayout{width: w}, o)
}

type fixedWidthLayout struct{ width float32 }

func (l fixedWidthLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var h float32
	for _, o := range objects {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(l.width, h)
}

func (l fixedWidthLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// keepSelectedInView wraps list so that whenever it is laid out at a new
// size, the item selected() names is scrolled into view. A list selected
// before it has a size scrolls as if it had none: the item ends up just
// above (or, for the first item, under the top of) the visible area.
func keepSelectedInView(list scrollingList, selected func() int) fyne.CanvasObject {
	return container.New(&selectedInViewLayout{list: list, selected: selected}, list)
}

// scrollingList is a widget.List, or a widget that embeds one.
type scrollingList interface {
	fyne.CanvasObject
	ScrollTo(widget.ListItemID)
}

type selectedInViewLayout struct {
	list     scrollingList
	selected func() int
	size     fyne.Size
}

func (l *selectedInViewLayout) MinSize([]fyne.CanvasObject) fyne.Size { return l.list.MinSize() }

func (l *selectedInViewLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	l.list.Move(fyne.NewPos(0, 0))
	l.list.Resize(size)
	if size == l.size {
		return
	}
	l.size = size
	if i := l.selected(); i >= 0 {
		l.list.ScrollTo(i)
	}
}

// rowDetail is a wrapped line under a table: the full text of the selected
// row, whose cells cut long titles and names short to fit the screen.
type rowDetail struct{ *widget.Label }

func newRowDetail() rowDetail {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	return rowDetail{l}
}

// show lists the non-empty parts; none hides the line.
func (d rowDetail) show(parts ...string) {
	var kept []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			kept = append(kept, p)
		}
	}
	if len(kept) == 0 {
		d.SetText("")
		d.Hide()
		return
	}
	d.SetText(strings.Join(kept, " · "))
	d.Show()
}

// textBeside blanks bar's own text and shows text beside it: Fyne draws a
// bar's text in white over the half-transparent primary colour, about 2:1
// in the light theme and unreadable where the bar is empty.
func textBeside(bar *widget.ProgressBar, text *widget.Label) fyne.CanvasObject {
	bar.TextFormatter = func() string { return "" }
	return container.NewBorder(nil, nil, nil, text, bar)
}

// stretchColumns widens table's columns in proportion to widths when the
// table has more room than they need, so that on a wide screen titles and
// names are not cut short beside empty space; with less room it narrows
// all but the first, which names the row, down to minColumnScale, so that
// more columns stay in sight (the row's detail line has the whole text).
func stretchColumns(table columnTable, widths []float32) fyne.CanvasObject {
	return stretchColumnsDownTo(table, widths, minColumnScale)
}

// widenColumns is stretchColumns for a table too wide for any screen, such
// as a register's: its columns widen but never narrow, so that headers
// stay whole and the table scrolls sideways instead.
func widenColumns(table columnTable, widths []float32) fyne.CanvasObject {
	return stretchColumnsDownTo(table, widths, 1)
}

func stretchColumnsDownTo(table columnTable, widths []float32, floor float32) fyne.CanvasObject {
	for i, w := range widths {
		table.SetColumnWidth(i, w)
	}
	return container.New(&stretchLayout{table: table, widths: widths, scale: 1, floor: floor}, table)
}

// columnTable is a widget.Table, or a widget that embeds one.
type columnTable interface {
	fyne.CanvasObject
	SetColumnWidth(int, float32)
}

// minColumnScale is how far columns narrow before the table scrolls sideways.
const minColumnScale = 0.55

type stretchLayout struct {
	table  columnTable
	widths []float32
	scale  float32
	floor  float32 // the least scale
}

func (l *stretchLayout) MinSize([]fyne.CanvasObject) fyne.Size { return l.table.MinSize() }

func (l *stretchLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	var total float32
	for _, w := range l.widths {
		total += w + theme.Padding() // the separator between columns
	}
	// Leave room for the vertical scroll bar.
	room := size.Width - 2*theme.ScrollBarSize()
	scale := max(1, room/total)
	if scale == 1 && len(l.widths) > 1 {
		// Narrower than the columns: the first, which names the row, keeps
		// its width and the others give way.
		first := l.widths[0] + theme.Padding()
		scale = max(l.floor, min(1, (room-first)/(total-first)))
	}
	if scale != l.scale {
		l.scale = scale
		for i, w := range l.widths {
			if i == 0 && scale < 1 {
				l.table.SetColumnWidth(i, w)
				continue
			}
			l.table.SetColumnWidth(i, w*scale)
		}
	}
	l.table.Move(fyne.NewPos(0, 0))
	l.table.Resize(size)
}

// toolbar lays buttons out in a row with notice beside them, wrapped: a
// notice naming a long task title in the row would widen the window.
func toolbar(notice *widget.Label, buttons ...fyne.CanvasObject) fyne.CanvasObject {
	notice.Wrapping = fyne.TextWrapWord
	return container.NewBorder(nil, nil, buttonRow(container.NewHBox(buttons...)), nil, notice)
}

// buttonRow keeps row's buttons at their own height at the top: beside a
// notice wrapped over several lines in a narrow window they grew as tall
// as it.
func buttonRow(row *fyne.Container) fyne.CanvasObject {
	return container.NewVBox(row)
}

// noticeLine holds a notice on a line of its own that takes no room while
// the notice is empty. Beside a register's many buttons a notice was
// squeezed into a column a word wide and pushed the table down; on its
// own line under the table it moves nothing the user is about to click.
type noticeLine struct{ notice *widget.Label }

func newNoticeLine(notice *widget.Label) fyne.CanvasObject {
	notice.Wrapping = fyne.TextWrapWord
	return container.New(noticeLine{notice}, notice)
}

func (l noticeLine) MinSize([]fyne.CanvasObject) fyne.Size {
	if l.notice.Text == "" {
		return fyne.Size{}
	}
	return l.notice.MinSize()
}

func (l noticeLine) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	l.notice.Move(fyne.Position{})
	l.notice.Resize(size)
}
