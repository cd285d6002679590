package app

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"smsbuilder/data"
)

// Every register opens in its own order and says so above the table, with
// the arrow its header carries: the column sorted by is often scrolled out
// of view. A header tapped changes both.
func TestEveryRegisterShowsItsOwnOrderFromTheStart(t *testing.T) {
	u := newRegisterUI(t)
	for _, reg := range data.Registers() {
		t.Run(reg.Key, func(t *testing.T) {
			v := openRegister(t, u, reg.Key)
			field, ok := reg.Field(reg.Sort[0].Field)
			if !ok {
				t.Fatalf("%s sorts by %q, which it does not have", reg.Key, reg.Sort[0].Field)
			}
			arrow := sortArrow(reg.Sort[0].Desc)
			if got, want := v.order.Text, "Sorted by "+field.Label+arrow; got != want {
				t.Errorf("above the table: %q, want %q", got, want)
			}
			if got, want := headerText(v, column(t, v, field.Key)), field.Label+arrow; got != want {
				t.Errorf("the header of %s reads %q, want %q", field.Key, got, want)
			}
			v.onSort(0)
			if got, want := v.order.Text, "Sorted by Ref. ▲"; got != want {
				t.Errorf("after sorting by reference: %q, want %q", got, want)
			}
			test.Tap(v.order) // scrolls the sorted column into view; must not fail
		})
	}
}

// headerText is what the header of column col shows.
func headerText(v *registerView, col int) string {
	b := widget.NewButton("", nil)
	v.updateHeader(widget.TableCellID{Row: -1, Col: col}, b)
	return b.Text
}
