package app

import (
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"smsbuilder/reports"
)

// maxIndentDepth is how many levels of lists and quotes move text further
// right on screen. Deeper levels line up with the last one, so that nesting
// never pushes text out of a narrow preview; print keeps more (reports
// flattens beyond 20), and the markers still tell the levels apart.
const maxIndentDepth = 6

// maxLinkRunes is the longest link text drawn as a clickable link: a link
// is drawn whole on one line, so a longer one is drawn as wrapped text in
// the link colour instead of running past the edge.
const maxLinkRunes = 48

// previewBytes is how much text a view draws at most; see markdownView.left.
const previewBytes = 50_000

// markdownView draws Markdown with Fyne widgets from the same parse tree the
// PDF prints from (reports.ParseMarkdown): headings, paragraphs, lists,
// quotes, code, rules and tables. Every text wraps and nothing asks for a
// width of its own, so no content can make the window wider.
type markdownView struct {
	box *fyne.Container
	src []byte
	// left is how many more bytes of text the view draws: laying text out
	// costs about half a second per 50 KB on a slow machine, so a longer
	// body is shown up to there, with a note, instead of freezing the
	// window.
	left int
}

func newMarkdownView(src string) *markdownView {
	v := &markdownView{box: container.New(flowLayout{})}
	v.SetMarkdown(src)
	return v
}

// SetMarkdown replaces what the view shows with src drawn afresh.
func (v *markdownView) SetMarkdown(src string) {
	source, root := reports.ParseMarkdown(src)
	v.src, v.left = source, previewBytes
	v.box.Objects = v.blocks(root, 0)
	if v.left <= 0 {
		note := widget.NewLabel(lang.L("The preview stops here to stay quick; the printed document has the whole text."))
		note.Wrapping = fyne.TextWrapWord
		note.Importance = widget.WarningImportance
		v.box.Add(note)
	}
	v.box.Refresh()
}

func (v *markdownView) blocks(parent ast.Node, depth int) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	for n := parent.FirstChild(); n != nil && v.left > 0; n = n.NextSibling() {
		if o := v.block(n, depth); o != nil {
			out = append(out, o)
		}
	}
	return out
}

func (v *markdownView) block(n ast.Node, depth int) fyne.CanvasObject {
	switch n := n.(type) {
	case *ast.Heading:
		st := widget.RichTextStyleStrong
		switch n.Level {
		case 1:
			st = widget.RichTextStyleHeading
		case 2:
			st = widget.RichTextStyleSubHeading
		}
		return v.text(v.inlines(n, st), fyne.TextAlignLeading)
	case *ast.Paragraph, *ast.TextBlock:
		return v.text(v.inlines(n, widget.RichTextStyleInline), fyne.TextAlignLeading)
	case *ast.List:
		return v.list(n, depth)
	case *ast.Blockquote:
		content := container.New(flowLayout{}, v.blocks(n, depth+1)...)
		if depth >= maxIndentDepth {
			return content
		}
		l := &indentLayout{indent: 3 * theme.Padding(), bar: theme.Padding() / 2}
		return container.New(l, widget.NewSeparator(), content)
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		return v.code(reports.MarkdownLines(n, v.src))
	case *ast.HTMLBlock:
		lines := reports.MarkdownLines(n, v.src)
		if n.HasClosure() {
			lines = append(lines, string(n.ClosureLine.Value(v.src)))
		}
		return v.code(lines)
	case *ast.ThematicBreak:
		return widget.NewSeparator()
	case *east.Table:
		return v.table(n)
	}
	if n.HasChildren() {
		return container.New(flowLayout{}, v.blocks(n, depth)...)
	}
	if l := reports.MarkdownLines(n, v.src); len(l) > 0 {
		return v.text([]widget.RichTextSegment{segment(v.take(strings.Join(l, "\n")), widget.RichTextStyleInline)}, fyne.TextAlignLeading)
	}
	return nil
}

// text is one wrapped block of inline segments.
func (v *markdownView) text(segs []widget.RichTextSegment, align fyne.TextAlign) *widget.RichText {
	if len(segs) > 0 {
		// The alignment of a row is read from a segment that ends it.
		if t, ok := segs[len(segs)-1].(*widget.TextSegment); ok {
			t.Style.Inline = false
			t.Style.Alignment = align
		}
	}
	rt := widget.NewRichText(segs...)
	rt.Wrapping = fyne.TextWrapWord
	return rt
}

func (v *markdownView) code(lines []string) fyne.CanvasObject {
	rt := v.text([]widget.RichTextSegment{segment(v.take(strings.Join(lines, "\n")), widget.RichTextStyleCodeBlock)}, fyne.TextAlignLeading)
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	bg.CornerRadius = theme.InputRadiusSize()
	return container.New(backdropLayout{}, bg, rt)
}

// indented puts content right of marker, both starting at the top.
func (v *markdownView) indented(marker, content fyne.CanvasObject, depth int) fyne.CanvasObject {
	indent := marker.MinSize().Width + theme.Padding()
	if depth >= maxIndentDepth {
		indent = 0
		marker.Hide()
	}
	return container.New(&indentLayout{indent: indent}, marker, content)
}

func (v *markdownView) list(l *ast.List, depth int) fyne.CanvasObject {
	number := l.Start
	var markers []string
	for it := l.FirstChild(); it != nil; it = it.NextSibling() {
		m := markdownBullet(depth)
		if l.IsOrdered() {
			m = strconv.Itoa(number) + string(l.Marker)
			number++
		}
		markers = append(markers, m)
	}
	// Every marker of a list takes the width of the widest, so that item
	// texts line up.
	widest := float32(0)
	for _, m := range markers {
		widest = max(widest, fyne.MeasureText(m, theme.TextSize(), fyne.TextStyle{}).Width)
	}
	box := container.New(flowLayout{tight: l.IsTight})
	i := 0
	for it := l.FirstChild(); it != nil; it = it.NextSibling() {
		m := v.text([]widget.RichTextSegment{segment(markers[i], widget.RichTextStyleInline)}, fyne.TextAlignTrailing)
		m.Wrapping = fyne.TextWrapOff
		w := widest + 2*theme.InnerPadding()
		marker := container.New(&indentLayout{indent: w}, m, container.NewStack())
		box.Add(v.indented(marker, container.New(flowLayout{tight: l.IsTight}, v.blocks(it, depth+1)...), depth))
		i++
	}
	return box
}

// markdownBullet is the bullet of a list item by nesting depth, as print
// draws it.
func markdownBullet(depth int) string {
	switch depth % 3 {
	case 1:
		return "\u25E6"
	case 2:
		return "\u25AA"
	}
	return "\u2022"
}

func (v *markdownView) table(t *east.Table) fyne.CanvasObject {
	var rows [][]*widget.RichText
	header := 0
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		st := widget.RichTextStyleInline
		if _, ok := row.(*east.TableHeader); ok {
			st = widget.RichTextStyleStrong
			header++
		}
		var cells []*widget.RichText
		col := 0
		for c := row.FirstChild(); c != nil; c = c.NextSibling() {
			align := fyne.TextAlignLeading
			if col < len(t.Alignments) {
				switch t.Alignments[col] {
				case east.AlignRight:
					align = fyne.TextAlignTrailing
				case east.AlignCenter:
					align = fyne.TextAlignCenter
				}
			}
			cells = append(cells, v.text(v.inlines(c, st), align))
			col++
		}
		rows = append(rows, cells)
	}
	return newMarkdownTable(rows, header)
}

// inlines turns the inline children of n into segments in the base style.
func (v *markdownView) inlines(n ast.Node, base widget.RichTextStyle) []widget.RichTextSegment {
	base.Inline = true
	var out []widget.RichTextSegment
	runs := reports.MarkdownInlines(n, v.src)
	for i := 0; i < len(runs); i++ {
		run := runs[i]
		if run.LinkID == 0 {
			v.add(&out, run.Text, runStyle(run, base))
			continue
		}
		// A link is drawn as one piece, whatever styles its text has.
		label := []reports.MarkdownRun{run}
		for i+1 < len(runs) && runs[i+1].LinkID == run.LinkID {
			i++
			label = append(label, runs[i])
		}
		v.linkText(v.take(reports.MarkdownRunsText(label)), runStyle(run, base), run.Link, &out)
	}
	return out
}

// runStyle is base with what run adds to it.
func runStyle(run reports.MarkdownRun, base widget.RichTextStyle) widget.RichTextStyle {
	st := base
	st.TextStyle.Bold = st.TextStyle.Bold || run.Bold
	st.TextStyle.Italic = st.TextStyle.Italic || run.Italic || run.Image
	st.TextStyle.Monospace = st.TextStyle.Monospace || run.Code || run.HTML
	if run.Prompt {
		// Coloured as a warning, so that an untailored default stands out.
		st.TextStyle.Italic, st.TextStyle.Bold = true, true
		st.ColorName = theme.ColorNameWarning
	}
	return st
}

// add appends s in style st to out, as much of it as the view still draws.
func (v *markdownView) add(out *[]widget.RichTextSegment, s string, st widget.RichTextStyle) {
	if s = v.take(s); s == "" {
		return
	}
	// Neighbours in one style make one segment: fewer widgets to lay out,
	// and words wrap across what were text nodes.
	if len(*out) > 0 {
		if last, ok := (*out)[len(*out)-1].(*widget.TextSegment); ok && last.Style == st {
			last.Text += s
			return
		}
	}
	*out = append(*out, segment(s, st))
}

func (v *markdownView) linkText(label string, st widget.RichTextStyle, link string, out *[]widget.RichTextSegment) {
	if label == "" {
		return
	}
	if u, err := url.Parse(link); err == nil && utf8.RuneCountInString(label) <= maxLinkRunes && !strings.Contains(label, "\n") {
		*out = append(*out, &widget.HyperlinkSegment{Text: label, URL: u})
		return
	}
	st.ColorName = theme.ColorNameHyperlink
	*out = append(*out, segment(label, st))
}

// take is as much of s as the view still draws, counting it as drawn.
func (v *markdownView) take(s string) string {
	switch {
	case v.left <= 0:
		return ""
	case len(s) <= v.left:
		v.left -= len(s)
		return s
	}
	cut := v.left
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	v.left = 0
	return s[:cut] + "…"
}

func segment(text string, st widget.RichTextStyle) *widget.TextSegment {
	return &widget.TextSegment{Text: text, Style: st}
}
