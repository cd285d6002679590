package app

import (
	"bytes"
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
	v.inline(n, base, "", &out)
	return out
}

func (v *markdownView) inline(parent ast.Node, st widget.RichTextStyle, link string, out *[]widget.RichTextSegment) {
	add := func(s string, st widget.RichTextStyle) {
		if s = v.take(s); s == "" {
			return
		}
		if link != "" {
			st.ColorName = theme.ColorNameHyperlink
		}
		// Neighbours in one style make one segment: fewer widgets to lay
		// out, and words wrap across what were text nodes.
		if len(*out) > 0 {
			if last, ok := (*out)[len(*out)-1].(*widget.TextSegment); ok && last.Style == st {
				last.Text += s
				return
			}
		}
		*out = append(*out, segment(s, st))
	}
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Text:
			raw := n.Segment.Value(v.src)
			if n.IsRaw() {
				add(string(raw), st)
			} else {
				add(reports.MarkdownText(raw), st)
			}
			if n.HardLineBreak() {
				add("\n", st)
			} else if n.SoftLineBreak() {
				add(" ", st)
			}
		case *ast.String:
			if n.IsCode() || n.IsRaw() {
				add(string(n.Value), st)
			} else {
				add(reports.MarkdownText(n.Value), st)
			}
		case *ast.CodeSpan:
			var b strings.Builder
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				switch c := c.(type) {
				case *ast.Text:
					raw := c.Segment.Value(v.src)
					if t, ok := bytes.CutSuffix(raw, []byte("\n")); ok {
						raw = append(t[:len(t):len(t)], ' ')
					}
					b.Write(raw)
				case *ast.String:
					b.Write(c.Value)
				}
			}
			code := st
			code.TextStyle.Monospace = true
			add(b.String(), code)
		case *ast.Emphasis:
			e := st
			if n.Level >= 2 {
				e.TextStyle.Bold = true
			} else {
				e.TextStyle.Italic = true
			}
			v.inline(n, e, link, out)
		case *ast.Link:
			v.link(n, st, reports.MarkdownLink(string(n.Destination)), out)
		case *ast.AutoLink:
			u := string(n.URL(v.src))
			if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(u), "mailto:") {
				u = "mailto:" + u
			}
			v.linkText(string(n.Label(v.src)), st, reports.MarkdownLink(u), out)
		case *ast.Image:
			var alt []widget.RichTextSegment
			v.inline(n, st, "", &alt)
			it := st
			it.TextStyle.Italic = true
			add("[image: "+plainSegments(alt)+"]", it)
		case *ast.RawHTML:
			var b strings.Builder
			for i := 0; i < n.Segments.Len(); i++ {
				seg := n.Segments.At(i)
				b.Write(seg.Value(v.src))
			}
			code := st
			code.TextStyle.Monospace = true
			add(b.String(), code)
		default:
			v.inline(n, st, link, out)
		}
	}
}

// link draws a link's text: a clickable link when it is a web or mail
// address short enough for one line, else text in the link colour.
func (v *markdownView) link(n ast.Node, st widget.RichTextStyle, link string, out *[]widget.RichTextSegment) {
	var label []widget.RichTextSegment
	v.inline(n, st, link, &label)
	if link == "" {
		*out = append(*out, label...)
		return
	}
	v.linkText(plainSegments(label), st, link, out)
}

func (v *markdownView) linkText(label string, st widget.RichTextStyle, link string, out *[]widget.RichTextSegment) {
	if link == "" {
		*out = append(*out, segment(label, st))
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

// plainSegments is the text of segments on one line.
func plainSegments(segs []widget.RichTextSegment) string {
	var b strings.Builder
	for _, s := range segs {
		b.WriteString(s.Textual())
	}
	return strings.Join(strings.Fields(b.String()), " ")
}
