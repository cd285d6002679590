package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// rowTable is a table with headers whose rows open as a desktop user
// expects: double-click or Enter opens the row, and a right-click offers
// Open and, where the screen deletes, Delete. Both act on the row clicked,
// which becomes the selection first, and do what the screen's own Open and
// Delete buttons do, when those are enabled.
type rowTable struct {
	widget.Table
	open   *widget.Button // opens the selected row
	remove *widget.Button // asks to delete the selected row; nil where rows are not deleted
	header float32        // the header row's height, once measured (see table_rows.go)
}

func newRowTable(length func() (int, int), create func() fyne.CanvasObject, update func(widget.TableCellID, fyne.CanvasObject)) *rowTable {
	t := &rowTable{}
	t.Length, t.CreateCell, t.UpdateCell = t.roomyLength(length), create, update
	t.ShowHeaderRow, t.ShowHeaderColumn = true, true
	t.ExtendBaseWidget(t)
	return t
}

// onRows names the screen's buttons that open and delete the selected
// row; remove may be nil.
func (t *rowTable) onRows(open, remove *widget.Button) {
	t.open, t.remove = open, remove
}

// openRow opens the selected row, as its button would.
func (t *rowTable) openRow() {
	if t.open != nil && !t.open.Disabled() && t.open.OnTapped != nil {
		t.open.OnTapped()
	}
}

// selectAt selects the row under e, as a click does, and reports whether
// there was one.
func (t *rowTable) selectAt(e *fyne.PointEvent) bool {
	t.UnselectAll() // so that a click on the row already selected counts
	hit := false
	selected := t.OnSelected
	t.OnSelected = func(id widget.TableCellID) {
		hit = true
		if selected != nil {
			selected(id)
		}
	}
	t.Table.Tapped(e)
	t.OnSelected = selected
	return hit
}

func (t *rowTable) DoubleTapped(e *fyne.PointEvent) {
	if t.selectAt(e) {
		t.openRow()
	}
}

func (t *rowTable) TappedSecondary(e *fyne.PointEvent) {
	if !t.selectAt(e) || t.open == nil {
		return
	}
	c := fyne.CurrentApp().Driver().CanvasForObject(t)
	if c == nil {
		return
	}
	open := fyne.NewMenuItem(lang.L("Open"), t.openRow)
	open.Disabled = t.open.Disabled()
	items := []*fyne.MenuItem{open}
	if t.remove != nil {
		del := fyne.NewMenuItem(lang.L("Delete…"), t.remove.OnTapped)
		del.Disabled = t.remove.Disabled()
		items = append(items, del)
	}
	widget.ShowPopUpMenuAtPosition(fyne.NewMenu("", items...), c, e.AbsolutePosition)
}

// TypedKey opens the highlighted row on Enter; the arrows move the
// highlight and Space selects it, as in any table.
func (t *rowTable) TypedKey(k *fyne.KeyEvent) {
	if (k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter) && t.open != nil {
		t.Table.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
		t.openRow()
		return
	}
	t.Table.TypedKey(k)
}
