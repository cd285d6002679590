package app

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"
)

func TestAnObjectivesFormChartsItsResultsAgainstTarget(t *testing.T) {
	u := newRegisterUI(t)
	o := saveRecord(t, u.ws, "objectives", "title", "First-call resolution", "target", "70", "unit", "%", "direction", "at_least")
	for _, m := range []struct{ period, date, actual string }{
		{"September 2026", "2026-09-30", "64"},
		{"October 2026", "2026-10-31", "71"},
		{"November 2026", "2026-11-30", "73.5"},
	} {
		saveRecord(t, u.ws, "measurements", "objective", fmt.Sprint(o.ID), "period", m.period, "date", m.date, "actual", m.actual)
	}
	unmeasured := saveRecord(t, u.ws, "objectives", "title", "Customer satisfaction", "target", "4", "direction", "at_least")

	v := openRegister(t, u, "objectives")
	v.table.Select(widget.TableCellID{Row: 0, Col: 0})
	if r, _ := v.current(); r.ID != o.ID {
		v.table.Select(widget.TableCellID{Row: 1, Col: 0})
	}
	v.onEdit()
	got := overlayTexts(u.win)
	for _, want := range []string{"Results against target", "Met the target 2 times of 3; the latest 73.5 % in November 2026, met."} {
		if !strings.Contains(got, want) {
			t.Errorf("the objective's form lacks %q; it shows:\n%s", want, got)
		}
	}
	dismissDialogs(u.win)

	for row := range 2 {
		v.table.Select(widget.TableCellID{Row: row, Col: 0})
		if r, _ := v.current(); r.ID == unmeasured.ID {
			v.onEdit()
		}
	}
	if got := overlayTexts(u.win); strings.Contains(got, "Results against target") {
		t.Errorf("an objective never measured shows a chart:\n%s", got)
	}
}
