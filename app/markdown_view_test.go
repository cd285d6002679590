package app

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// shownTexts is the text of every rich text under o, one per widget.
func shownTexts(o fyne.CanvasObject) []string {
	var out []string
	walk(o, func(c fyne.CanvasObject) {
		if rt, ok := c.(*widget.RichText); ok {
			out = append(out, rt.String())
		}
	})
	return out
}

// tableCells is the text of the cells of the first table under o, row by
// row.
func tableCells(o fyne.CanvasObject) [][]string {
	var cells [][]string
	walk(o, func(c fyne.CanvasObject) {
		box, ok := c.(*fyne.Container)
		if !ok || cells != nil {
			return
		}
		l, ok := box.Layout.(*tableLayout)
		if !ok {
			return
		}
		for r := 0; r < l.rows; r++ {
			var row []string
			for col := 0; col < l.cols; col++ {
				row = append(row, strings.Join(shownTexts(l.cell(box.Objects, r, col)), ""))
			}
			cells = append(cells, row)
		}
	})
	return cells
}

// styledSegments is every text segment under o drawn in bold, italic or
// monospace, by its text.
func styledSegments(o fyne.CanvasObject) map[string]fyne.TextStyle {
	out := map[string]fyne.TextStyle{}
	walk(o, func(c fyne.CanvasObject) {
		if rt, ok := c.(*widget.RichText); ok {
			for _, s := range rt.Segments {
				if t, ok := s.(*widget.TextSegment); ok {
					out[strings.TrimSpace(t.Text)] = t.Style.TextStyle
				}
			}
		}
	})
	return out
}

func TestMarkdownViewDrawsWhatPrintDraws(t *testing.T) {
	test.NewTempApp(t)
	src := "# Purpose\n\nWe *mean* it, **really**, with `code` and [a link](https://example.com).\n\n" +
		"| Clause | Owner |\n| --- | ---: |\n| 4.1 Context | {{ org.name }} |\n| 5.1 Leadership | Director |\n\n" +
		"- first\n  - nested\n- second\n\n1. one\n2. two\n\n> quoted\n\n---\n\n```\ncode block\n```\n"
	v := newMarkdownView(src)
	w := test.NewTempWindow(t, container.NewVScroll(v.box))
	w.Resize(fyne.NewSize(600, 800))

	got := tableCells(v.box)
	want := [][]string{{"Clause", "Owner"}, {"4.1 Context", "{{ org.name }}"}, {"5.1 Leadership", "Director"}}
	if len(got) != len(want) {
		t.Fatalf("table cells = %q, want %q", got, want)
	}
	for i := range want {
		if strings.Join(got[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("table row %d = %q, want %q", i, got[i], want[i])
		}
	}
	texts := shownTexts(v.box)
	all := strings.Join(texts, "\n")
	for _, bad := range []string{"| ---", "---:", "**", "`", "](", "# Purpose", "> quoted"} {
		if strings.Contains(all, bad) {
			t.Errorf("the view shows Markdown syntax %q: %q", bad, all)
		}
	}
	for _, w := range []string{"Purpose", "first", "nested", "second", "one", "two", "quoted", "code block", "•", "◦", "1.", "2."} {
		found := false
		for _, s := range texts {
			found = found || s == w
		}
		if !found {
			t.Errorf("no widget shows %q on its own; widgets show %q", w, texts)
		}
	}
	styles := styledSegments(v.box)
	for _, c := range []struct {
		text string
		want fyne.TextStyle
	}{
		{"mean", fyne.TextStyle{Italic: true}},
		{"really", fyne.TextStyle{Bold: true}},
		{"code", fyne.TextStyle{Monospace: true}},
		{"Clause", fyne.TextStyle{Bold: true}},
		{"4.1 Context", fyne.TextStyle{}},
	} {
		if got, ok := styles[c.text]; !ok || got != c.want {
			t.Errorf("style of %q = %+v (shown: %v), want %+v", c.text, got, ok, c.want)
		}
	}
	links := 0
	walk(v.box, func(o fyne.CanvasObject) {
		if h, ok := o.(*widget.Hyperlink); ok && h.Text == "a link" && h.URL.String() == "https://example.com" {
			links++
		}
	})
	if links != 1 {
		t.Errorf("the link is drawn as %d clickable links, want 1", links)
	}
}

func TestMarkdownTableWrapsLongCellsInsteadOfWidening(t *testing.T) {
	test.NewTempApp(t)
	long := strings.Repeat("a long cell that goes on ", 60)
	src := "| A | B | C |\n|---|---|---|\n| " + long + " | short | " + strings.Repeat("x", 400) + " |\n"
	v := newMarkdownView(src)
	for _, width := range []float32{300, 1024} {
		w := test.NewTempWindow(t, container.NewVScroll(v.box))
		w.Resize(fyne.NewSize(width, 600))
		if got := v.box.MinSize().Width; got > width {
			t.Errorf("at %v px the table asks for %v px", width, got)
		}
		if got := w.Canvas().Size().Width; got != width {
			t.Errorf("window width = %v, want %v", got, width)
		}
		var box *fyne.Container
		walk(v.box, func(o fyne.CanvasObject) {
			if c, ok := o.(*fyne.Container); ok {
				if _, ok := c.Layout.(*tableLayout); ok {
					box = c
				}
			}
		})
		first := box.Layout.(*tableLayout).cell(box.Objects, 1, 0) // the long cell
		if right := first.Position().X + first.Size().Width; right > width {
			t.Errorf("at %v px the long cell ends at %v px", width, right)
		}
		if h := first.Size().Height; h < 3*fyne.MeasureText("A", theme.TextSize(), fyne.TextStyle{}).Height {
			t.Errorf("at %v px the long cell is %v px high: it does not wrap", width, h)
		}
	}
}

func TestMarkdownViewFlattensDeepNestingAndKeepsTheText(t *testing.T) {
	test.NewTempApp(t)
	var b strings.Builder
	for i := 0; i < 200; i++ {
		b.WriteString(strings.Repeat("  ", i) + "- level\n")
	}
	b.WriteString(strings.Repeat("> ", 200) + "deep quote\n")
	v := newMarkdownView(b.String())
	w := test.NewTempWindow(t, container.NewVScroll(v.box))
	w.Resize(fyne.NewSize(400, 600))
	if got := v.box.MinSize().Width; got > 400 {
		t.Errorf("deep nesting asks for %v px", got)
	}
	all := strings.Join(shownTexts(v.box), "\n")
	if n := strings.Count(all, "level"); n != 200 {
		t.Errorf("%d of 200 list items shown", n)
	}
	if !strings.Contains(all, "deep quote") {
		t.Error("the deep quote is lost")
	}
}

func TestPreviewHistoryAndGapComparisonDrawTablesWithinTheWindow(t *testing.T) {
	u := newTestUI(t, filepath.Join(t.TempDir(), "md.smsdb"))
	u.win.Resize(fyne.NewSize(1024, 700))
	u.show(screenDocuments)
	s := u.screen.(*documentsScreen)
	// The three demo documents with the widest table rows: every demo
	// document takes seconds to lay out under the test driver.
	var rows []docRow
	for _, r := range s.rows {
		if strings.Contains(r.latest.Body, "| ---") || strings.Contains(r.latest.Body, "|---") {
			rows = append(rows, r)
		}
	}
	widest := func(body string) int {
		w := 0
		for _, l := range strings.Split(body, "\n") {
			if strings.HasPrefix(l, "|") {
				w = max(w, len(l))
			}
		}
		return w
	}
	slices.SortFunc(rows, func(a, b docRow) int { return widest(b.latest.Body) - widest(a.latest.Body) })
	tables := 0
	for _, r := range rows[:min(3, len(rows))] {
		s.showEditor(r.doc.ID)
		ed := s.editor
		tables++
		if cells := tableCells(ed.preview.box); len(cells) < 2 {
			t.Errorf("%s: the preview shows no table", r.doc.Number)
		}
		for _, txt := range shownTexts(ed.preview.box) {
			if strings.Contains(txt, "| ---") || strings.Contains(txt, "|---") {
				t.Errorf("%s: the preview shows table syntax %q", r.doc.Number, txt)
			}
		}
		if got := u.win.Content().MinSize().Width; got > 1024 {
			t.Errorf("%s: the editor asks for %v px at 1024", r.doc.Number, got)
		}
		if got := u.win.Canvas().Size().Width; got != 1024 {
			t.Errorf("%s: the window is %v px wide, want 1024", r.doc.Number, got)
		}
	}
	if tables == 0 {
		t.Fatal("no demo document has a table")
	}

	// The version history of the last document is a table too.
	hist := s.editor.history()
	if cells := tableCells(hist); len(cells) < 2 || cells[0][0] != "Version" {
		t.Errorf("the version history shows %q, want a table of versions", cells)
	}

	u.show(screenGap)
	g := u.screen.(*gapScreen)
	if len(g.compare.Options) < 2 {
		t.Fatalf("the demo has no assessment to compare with: %q", g.compare.Options)
	}
	g.compare.SetSelected(g.compare.Options[len(g.compare.Options)-1])
	if cells := tableCells(g.chart); len(cells) < 2 || cells[0][0] != "Clause" {
		t.Errorf("the comparison shows %q, want a table by clause", cells)
	}
	if got := u.win.Content().MinSize().Width; got > 1024 {
		t.Errorf("the gap comparison asks for %v px at 1024", got)
	}
	if got := u.win.Canvas().Size().Width; got != 1024 {
		t.Errorf("with the comparison the window is %v px wide, want 1024", got)
	}
}

func TestHistoryDialogDrawsEntriesAsMarkdown(t *testing.T) {
	u := newTestUI(t, filepath.Join(t.TempDir(), "hist.smsdb"))
	u.win.Resize(fyne.NewSize(1024, 700))
	people, err := u.Workspace().People(u.ctx())
	if err != nil || len(people) == 0 {
		t.Fatalf("people: %v", err)
	}
	p := people[0]
	p.JobTitle = "**Head** of | ops"
	if _, err := u.Workspace().SavePerson(u.ctx(), p); err != nil {
		t.Fatal(err)
	}
	showHistory(u.env(), "person", fmt.Sprint(p.ID), p.Name)
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no history dialog")
	}
	all := strings.Join(shownTexts(top), "\n")
	if !strings.Contains(all, "**Head** of | ops") {
		t.Errorf("the history does not show the stored value as typed: %q", all)
	}
	bold := false
	for text, st := range styledSegments(top) {
		bold = bold || (st.Bold && strings.Contains(text, "Test Person"))
	}
	if !bold {
		t.Errorf("no entry heading in bold: %q", all)
	}
}

func TestMarkdownViewOfAMegabyteDrawsTheStartAndSaysSo(t *testing.T) {
	test.NewTempApp(t)
	src := strings.Repeat("A paragraph of a very long policy, **again**.\n\n", 1<<20/48) + strings.Repeat("x", 300_000)
	v := newMarkdownView(src)
	texts := shownTexts(v.box)
	drawn := len(strings.Join(texts, ""))
	if drawn > previewBytes+1000 {
		t.Errorf("the view draws %d bytes of a %d byte text, want at most about %d", drawn, len(src), previewBytes)
	}
	var note string
	walk(v.box, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok {
			note = l.Text
		}
	})
	if !strings.Contains(note, "preview stops here") {
		t.Errorf("no note that the preview stops; last label %q", note)
	}
}
