package app

import "fyne.io/fyne/v2/widget"

// roomyLength is length as the table should see it: no rows until the
// table has room for one below its header. Fyne's table, laid out with no
// height for its rows (a tab not yet shown, a window not yet sized),
// counts every row as visible and makes a separator line for each, which
// it keeps for good: 10,000 lines, and about 5 MB, for a register of
// 10,000 records.
func (t *rowTable) roomyLength(length func() (int, int)) func() (int, int) {
	return func() (int, int) {
		rows, cols := length()
		if t.Size().Height <= t.headerHeight() {
			return 0, cols
		}
		return rows, cols
	}
}

// headerHeight is the height of the header row, or 0 without one.
func (t *rowTable) headerHeight() float32 {
	if !t.ShowHeaderRow {
		return 0
	}
	if t.header == 0 {
		if t.CreateHeader != nil {
			t.header = t.CreateHeader().MinSize().Height
		} else {
			t.header = widget.NewLabel("").MinSize().Height // Fyne's own header
		}
	}
	return t.header
}
