package app

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// At the smallest supported screen, 1024×700, no screen makes the window
// grow: a screen wider or taller than the window would be clipped by the
// screen's edge or push the window off it.
func TestEveryScreenFitsASmallScreen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "layout.smsdb")
	u := newTestUI(t, path)
	want := fyne.NewSize(1024, 700)
	u.win.Resize(want)
	for _, d := range u.defs {
		t.Run(d.id, func(t *testing.T) {
			u.show(d.id)
			if got := u.win.Content().MinSize(); got.Width > want.Width || got.Height > want.Height {
				t.Errorf("%s needs %v, more than the %v window", d.title, got, want)
			}
			if got := u.win.Canvas().Size(); got != want {
				t.Errorf("window is %v on %s, want it to stay %v", got, d.title, want)
			}
		})
	}
	t.Run("long notices", func(t *testing.T) {
		long := strings.Repeat("A notice naming a long task title. ", 12)
		u.show(screenTasks)
		u.screen.(*tasksScreen).status.SetText(long)
		if got := u.win.Content().MinSize(); got.Width > want.Width {
			t.Errorf("a long notice on Tasks needs %v, more than the %v window", got, want)
		}
		u.show(screenPeople)
		u.screen.(*peopleScreen).status.SetText(long)
		if got := u.win.Content().MinSize(); got.Width > want.Width {
			t.Errorf("a long notice on People needs %v, more than the %v window", got, want)
		}
	})
	t.Run("document editor", func(t *testing.T) {
		u.show(screenDocuments)
		s := u.screen.(*documentsScreen)
		for _, r := range s.rows[:3] { // the first ones show each state: approved, draft, in review
			s.showEditor(r.doc.ID)
			if got := u.win.Content().MinSize(); got.Width > want.Width || got.Height > want.Height {
				t.Errorf("the editor of %s needs %v, more than the %v window", r.doc.Number, got, want)
			}
		}
	})
}

// A table cuts long titles short to fit; selecting the row shows it in full.
func TestSelectedRowIsShownInFullUnderTheTable(t *testing.T) {
	u := newTestUI(t, filepath.Join(t.TempDir(), "detail.smsdb"))
	dismissDialogs(u.win)
	u.show(screenTasks)
	s := u.screen.(*tasksScreen)
	if s.detail.Visible() {
		t.Errorf("the detail line shows %q with no row selected", s.detail.Text)
	}
	s.table.Select(widget.TableCellID{Row: 0, Col: 0})
	if want := s.shown[0].Title; !s.detail.Visible() || !strings.Contains(s.detail.Text, want) {
		t.Errorf("detail line = %q (visible %v), want the full title %q", s.detail.Text, s.detail.Visible(), want)
	}
}

// On a wide window a table's columns widen with it instead of leaving
// empty space beside cut titles; on a narrow one they narrow, to a floor.
func TestTableColumnsStretchOnAWideWindow(t *testing.T) {
	test.NewTempApp(t)
	tests := []struct {
		width    float32
		min, max float32 // of the scale
	}{
		{1600, 1.01, 10},
		{350, 1, 1.1}, // about the columns' own widths
		{300, 0.6, 0.99},
		{100, minColumnScale, minColumnScale},
	}
	for _, tt := range tests {
		table := widget.NewTable(func() (int, int) { return 1, 2 }, func() fyne.CanvasObject { return widget.NewLabel("") }, func(widget.TableCellID, fyne.CanvasObject) {})
		c := stretchColumns(table, []float32{200, 100}).(*fyne.Container)
		c.Layout.Layout(c.Objects, fyne.NewSize(tt.width, 400))
		got := c.Layout.(*stretchLayout).scale
		if got < tt.min || got > tt.max {
			t.Errorf("at %.0f px the columns scale by %.2f, want %.2f to %.2f", tt.width, got, tt.min, tt.max)
		}
	}
}

// The roadmap opens on the current step and the gap list on question 1, and
// both are in view once the window has its size.
func TestTheSelectedItemIsInViewWhenAScreenOpens(t *testing.T) {
	u := newTestUI(t, filepath.Join(t.TempDir(), "inview.smsdb"))
	dismissDialogs(u.win)
	u.win.Resize(fyne.NewSize(1024, 700))
	tests := []struct {
		screen string
		list   func() (*widget.List, int)
	}{
		{screenRoadmap, func() (*widget.List, int) { s := u.screen.(*roadmapScreen); return s.list, s.selected }},
		{screenGap, func() (*widget.List, int) { s := u.screen.(*gapScreen); return &s.list.List, s.index }},
	}
	for _, tt := range tests {
		u.show(tt.screen)
		u.win.Content().Refresh()
		l, i := tt.list()
		if i < 0 {
			t.Fatalf("%s: nothing selected", tt.screen)
		}
		row := l.MinSize().Height                   // the list's minimum is one row
		top := float32(i) * (row + theme.Padding()) // rows are a padding apart
		bottom := top + row
		off := l.GetScrollOffset()
		if top < off-0.5 || bottom > off+l.Size().Height+0.5 {
			t.Errorf("%s: item %d spans %.0f–%.0f px, the list shows %.0f–%.0f", tt.screen, i, top, bottom, off, off+l.Size().Height)
		}
	}
}

// A notice wrapped over several lines beside the buttons leaves them at
// their own height, as after approving a document at 1024 wide.
func TestButtonsKeepTheirHeightBesideALongNotice(t *testing.T) {
	test.NewTempApp(t)
	notice := widget.NewLabel("This is now version 1.0, approved by the person working.")
	b := widget.NewButton("New minor version", nil)
	bar := toolbar(notice, b)
	w := test.NewTempWindow(t, bar)
	w.Resize(fyne.NewSize(b.MinSize().Width+80, 200))
	if got, want := b.Size().Height, b.MinSize().Height; got != want {
		t.Errorf("button height beside a wrapped notice = %v, want %v", got, want)
	}
}
