package reports

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/util"

	"smsbuilder/data"
)

// newMarkdown is the Markdown dialect of documents: CommonMark with GitHub
// tables, strikethrough and bare links.
func newMarkdown() goldmark.Markdown {
	return goldmark.New(goldmark.WithExtensions(extension.Table, extension.Strikethrough, extension.Linkify, promptExtension{}))
}

// markdownTemplate fills the placeholders of a Markdown template and prints
// it. A placeholder the values do not know is an error naming it: nothing
// is dropped silently.
func (d *doc) markdownTemplate(tmpl string, values data.Placeholders) error {
	src, err := values.FillStrict(tmpl)
	if err != nil {
		return fmt.Errorf("fill template: %w", err)
	}
	d.markdown(src)
	return nil
}

// markdown prints Markdown source in the current block. Headings are
// numbered within the current section and, like every heading, become
// bookmarks under it; level 1 headings also enter the table of contents.
func (d *doc) markdown(src string) {
	d.markdownWith(src, mdOptions{numbered: true, toc: true})
}

// mdOptions change how markdownWith prints a text.
type mdOptions struct {
	numbered bool // headings outside lists and quotes are numbered within the section (see headingNumbers)
	toc      bool // level 1 headings enter the table of contents
	// title, when set, is the title the section heading already printed:
	// a first heading of level 1 that says the same is left out. The
	// headings are then raised so that the highest of the rest prints at
	// level 1, as a document's "## Purpose" under its "# Title" should.
	title string
}

// markdownWith prints Markdown source in the current block as opts say.
func (d *doc) markdownWith(src string, opts mdOptions) {
	if d.failed() {
		return
	}
	md := d.md
	if md == nil {
		md = newMarkdown()
		d.md = md
	}
	p, ok := d.parsed[src]
	if !ok {
		p = parseMarkdown(md, src)
		if d.parsed != nil {
			d.parsed[src] = p
		}
	}
	r := &mdRenderer{d: d, src: p.src, base: paraStyle{size: sizeBody}, numbered: opts.numbered, toc: opts.toc}
	if t := strings.TrimSpace(opts.title); t != "" {
		if h, ok := p.root.FirstChild().(*ast.Heading); ok && h.Level == 1 &&
			strings.EqualFold(plainText(r.inlines(h, 0)), strings.Join(strings.Fields(t), " ")) {
			r.skip = h
		}
		top := 0
		_ = ast.Walk(p.root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if h, ok := n.(*ast.Heading); ok && entering && n != r.skip && (top == 0 || h.Level < top) {
				top = h.Level
			}
			return ast.WalkContinue, nil
		})
		r.shift = max(top-1, 0)
	}
	r.relatedAt = r.relatedSections(p.root)
	r.blocks(p.root)
}

// parsedMarkdown is a parsed document, kept so that the passes of one
// build parse each text once.
type parsedMarkdown struct {
	src  []byte
	root ast.Node
}

type mdRenderer struct {
	d         *doc
	src       []byte
	base      paraStyle
	listDepth int
	numbered  bool     // headings outside lists and quotes are numbered
	toc       bool     // level 1 headings enter the table of contents
	skip      ast.Node // a title heading left out
	shift     int      // headings print this many levels higher
	// relatedAt maps the blocks of Related documents sections to the list
	// printed in their place (see references.go)
	relatedAt map[ast.Node]*relatedList
}

func (r *mdRenderer) blocks(parent ast.Node) {
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		if r.d.failed() {
			return
		}
		r.block(n)
	}
}

func (r *mdRenderer) block(n ast.Node) {
	d := r.d
	if r.related(n) {
		return
	}
	switch n := n.(type) {
	case *ast.Heading:
		if ast.Node(n) == r.skip {
			return
		}
		d.keepWithNext(func(c *doc) {
			saved := r.d
			r.d = c
			r.heading(n)
			for sib := n.NextSibling(); sib != nil && !c.failed(); sib = sib.NextSibling() {
				if h, ok := sib.(*ast.Heading); ok && h.Level <= n.Level {
					break
				}
				r.block(sib)
			}
			r.d = saved
		})
		r.heading(n)
	case *ast.Paragraph:
		d.flow(d.refer(r.inlines(n, 0)), r.base)
		d.gap(gapParagraph)
	case *ast.TextBlock: // the text of an item in a tight list
		d.flow(d.refer(r.inlines(n, 0)), r.base)
		if n.NextSibling() != nil {
			d.gap(gapTightItem)
		}
	case *ast.List:
		r.list(n)
	case *ast.Blockquote:
		restore := d.indent(6, true)
		base := r.base
		r.base.colour = colMuted
		r.blocks(n)
		r.base = base
		restore()
		d.gap(gapBlock)
	case *ast.FencedCodeBlock:
		d.codeBlock(MarkdownLines(n, r.src), false)
	case *ast.CodeBlock:
		d.codeBlock(MarkdownLines(n, r.src), false)
	case *ast.HTMLBlock:
		lines := MarkdownLines(n, r.src)
		if n.HasClosure() {
			lines = append(lines, string(n.ClosureLine.Value(r.src)))
		}
		d.codeBlock(lines, true)
	case *ast.ThematicBreak:
		d.rule()
	case *east.Table:
		r.table(n)
	default:
		if n.HasChildren() {
			r.blocks(n)
		} else if l := MarkdownLines(n, r.src); len(l) > 0 {
			d.flow(plainSpans(strings.Join(l, "\n"), 0), r.base)
			d.gap(gapParagraph)
		}
	}
}

// heading prints a Markdown heading.
func (r *mdRenderer) heading(n *ast.Heading) {
	d := r.d
	title := plainText(r.inlines(n, 0))
	level := max(n.Level-r.shift, 1)
	number := ""
	// a heading inside a list or a quote is part of that block, not a
	// section of the text
	if _, top := n.Parent().(*ast.Document); top && r.numbered {
		number = d.numbers.next(level)
	}
	d.heading(level, number, title, level == 1 && r.toc)
}

// bullets by nesting depth.
func bullet(depth int) string {
	switch depth % 3 {
	case 1:
		return "\u25E6" // white bullet
	case 2:
		return "\u25AA" // small black square
	}
	return "\u2022"
}

func (r *mdRenderer) list(l *ast.List) {
	d := r.d
	number := l.Start
	depth := r.listDepth
	r.listDepth++
	defer func() { r.listDepth-- }()
	markerW := 5.5
	if l.IsOrdered() {
		count := 0
		for it := l.FirstChild(); it != nil; it = it.NextSibling() {
			count++
		}
		widest := strconv.Itoa(number+count-1) + "."
		markerW = max(6.5, d.width(faceRegular, r.base.size, widest)+2.2)
	}
	itemGap := gapLooseItem
	if l.IsTight {
		itemGap = gapTightItem
	}
	for it := l.FirstChild(); it != nil; it = it.NextSibling() {
		if d.failed() {
			return
		}
		text := bullet(depth)
		if l.IsOrdered() {
			text = strconv.Itoa(number) + string(l.Marker)
			number++
		}
		restore := d.indent(markerW, false)
		d.marker = &marker{text: text, x: d.x - 1.8, size: r.base.size}
		r.blocks(it)
		if d.marker != nil { // an empty item still shows its marker
			d.flow(nil, r.base)
		}
		restore()
		if it.NextSibling() != nil {
			d.gap(itemGap)
		}
	}
	if depth == 0 {
		d.gap(gapParagraph)
	}
}

func (r *mdRenderer) table(t *east.Table) {
	tb := table{}
	for _, a := range t.Alignments {
		switch a {
		case east.AlignRight:
			tb.align = append(tb.align, 'R')
		case east.AlignCenter:
			tb.align = append(tb.align, 'C')
		default:
			tb.align = append(tb.align, 'L')
		}
	}
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		var cells []cell
		for c := row.FirstChild(); c != nil; c = c.NextSibling() {
			cells = append(cells, cell(r.d.refer(r.inlines(c, 0))))
		}
		if _, ok := row.(*east.TableHeader); ok {
			tb.header = cells
			continue
		}
		tb.rows = append(tb.rows, cells)
	}
	r.d.table(tb)
	r.d.gap(gapBlock)
}

// inlines turns the inline children of n into spans in style st.
func (r *mdRenderer) inlines(n ast.Node, st style) []span {
	runs := MarkdownInlines(n, r.src)
	out := make([]span, 0, len(runs))
	for _, run := range runs {
		s := st
		if run.Bold {
			s |= stBold
		}
		if run.Italic {
			s |= stItalic
		}
		if run.Code {
			s |= stMono
		}
		if run.Strike {
			s |= stStrike
		}
		switch {
		case run.HTML:
			s |= stMono | stMuted
		case run.Image:
			s |= stMuted | stItalic
		case run.Prompt:
			s |= stItalic | stAlert
		}
		out = append(out, span{text: run.Text, st: s, url: run.Link})
	}
	return out
}

// plainText joins the text of spans on one line.
func plainText(spans []span) string {
	var b strings.Builder
	for _, s := range spans {
		b.WriteString(s.text)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// unescape resolves backslash escapes and character references in Markdown
// text, as goldmark's HTML writer does, but into plain text.
func unescape(src []byte) string {
	if bytes.IndexByte(src, '\\') < 0 && bytes.IndexByte(src, '&') < 0 && bytes.IndexByte(src, 0) < 0 {
		return string(src)
	}
	var b strings.Builder
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case c == '\\' && i+1 < len(src) && util.IsPunct(src[i+1]):
			i++
			b.WriteByte(src[i])
		case c == 0:
			b.WriteRune(utf8.RuneError)
		case c == '&':
			if s, n := charRef(src[i:]); n > 0 {
				b.WriteString(s)
				i += n - 1
				continue
			}
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// charRef decodes an HTML character reference at the start of src ("&amp;",
// "&#42;", "&#x2A;") and returns it with the number of bytes it used.
func charRef(src []byte) (string, int) {
	end := bytes.IndexByte(src, ';')
	if end < 2 || end > 40 {
		return "", 0
	}
	body := src[1:end]
	if body[0] == '#' {
		var v uint64
		var err error
		switch {
		case len(body) > 2 && (body[1] == 'x' || body[1] == 'X') && len(body) <= 8:
			v, err = strconv.ParseUint(string(body[2:]), 16, 32)
		case len(body) > 1 && len(body) <= 8:
			v, err = strconv.ParseUint(string(body[1:]), 10, 32)
		default:
			return "", 0
		}
		if err != nil {
			return "", 0
		}
		if v == 0 || v > utf8.MaxRune || (v >= 0xD800 && v <= 0xDFFF) {
			return string(utf8.RuneError), end + 1
		}
		return string(rune(v)), end + 1
	}
	for _, c := range body {
		if !util.IsAlphaNumeric(c) {
			return "", 0
		}
	}
	if e, ok := util.LookUpHTML5EntityByName(string(body)); ok {
		return string(e.Characters), end + 1
	}
	return "", 0
}

// safeURL returns u if it is a web or mail link worth making clickable, with
// anything unusual percent-encoded, and "" otherwise (the text still prints).
func safeURL(u string) string {
	u = strings.TrimSpace(u)
	lower := strings.ToLower(u)
	ok := false
	for _, p := range []string{"https://", "http://", "mailto:", "ftp://"} {
		ok = ok || strings.HasPrefix(lower, p)
	}
	if !ok || len(u) > 2000 {
		return ""
	}
	var b strings.Builder
	for i := 0; i < len(u); i++ {
		c := u[i]
		if c <= ' ' || c >= 0x7F || c == '(' || c == ')' || c == '\\' {
			fmt.Fprintf(&b, "%%%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// escapeMarkdown makes workspace text print literally inside Markdown: every
// ASCII punctuation character is backslash-escaped (CommonMark allows that
// for all of them), lines lose the indentation that would make code blocks,
// single line breaks become hard breaks and blank lines keep paragraphs.
func escapeMarkdown(s string) string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	var paras []string
	for _, p := range strings.Split(s, "\n\n") {
		var lines []string
		for _, l := range strings.Split(p, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				lines = append(lines, escapeInline(l))
			}
		}
		if len(lines) > 0 {
			paras = append(paras, strings.Join(lines, "\\\n"))
		}
	}
	return strings.Join(paras, "\n\n")
}

// escapeInline escapes text for one line of Markdown: a list item, a table
// cell or a heading. Line breaks become spaces.
func escapeInline(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, r := range strings.TrimSpace(s) {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			b.WriteByte(' ')
		case r < 0x80 && util.IsPunct(byte(r)):
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
