package reports

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"smsbuilder/data"
)

// MarkdownRun is a stretch of a block's inline text in one style. The PDF
// and the screen both draw a block from these runs, each in its own styles,
// so that they cannot read the same Markdown differently.
type MarkdownRun struct {
	Text                       string
	Bold, Italic, Code, Strike bool
	HTML                       bool   // raw HTML, shown as written
	Image                      bool   // an image, as "[image: its alt text]"
	Prompt                     bool   // what the author must tailor, as its text
	Link                       string // the address the run opens, or ""
	LinkID                     int    // the runs of one link share a number above 0
}

// MarkdownInlines is the inline content of block n of src, as runs.
func MarkdownInlines(n ast.Node, src []byte) []MarkdownRun {
	w := inlineWalker{src: src}
	w.walk(n, MarkdownRun{})
	return w.out
}

// MarkdownRunsText is the text of runs on one line, as headings and
// image descriptions use it.
func MarkdownRunsText(runs []MarkdownRun) string {
	var b strings.Builder
	for _, r := range runs {
		b.WriteString(r.Text)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

type inlineWalker struct {
	src   []byte
	out   []MarkdownRun
	links int
}

// add appends text in the style of st.
func (w *inlineWalker) add(text string, st MarkdownRun) {
	if text != "" {
		st.Text = text
		w.out = append(w.out, st)
	}
}

func (w *inlineWalker) walk(parent ast.Node, st MarkdownRun) {
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.Text:
			v := n.Segment.Value(w.src)
			if n.IsRaw() {
				w.add(string(v), st)
			} else {
				w.add(unescape(v), st)
			}
			if n.HardLineBreak() {
				w.add("\n", st)
			} else if n.SoftLineBreak() {
				w.add(" ", st)
			}
		case *ast.String:
			if n.IsCode() || n.IsRaw() {
				w.add(string(n.Value), st)
			} else {
				w.add(unescape(n.Value), st)
			}
		case *ast.CodeSpan:
			var b strings.Builder
			for c := n.FirstChild(); c != nil; c = c.NextSibling() {
				switch c := c.(type) {
				case *ast.Text:
					v := c.Segment.Value(w.src)
					if t, ok := bytes.CutSuffix(v, []byte("\n")); ok {
						v = append(t[:len(t):len(t)], ' ')
					}
					b.Write(v)
				case *ast.String:
					b.Write(c.Value)
				}
			}
			code := st
			code.Code = true
			w.add(b.String(), code)
		case *ast.Emphasis:
			e := st
			if n.Level >= 2 {
				e.Bold = true
			} else {
				e.Italic = true
			}
			w.walk(n, e)
		case *ast.Link:
			w.walk(n, w.link(st, safeURL(string(n.Destination))))
		case *ast.AutoLink:
			u := string(n.URL(w.src))
			if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(u), "mailto:") {
				u = "mailto:" + u
			}
			l := w.link(st, safeURL(u))
			l.Text = string(n.Label(w.src))
			w.out = append(w.out, l)
		case *ast.Image:
			alt := inlineWalker{src: w.src}
			alt.walk(n, MarkdownRun{})
			img := st
			img.Image = true
			w.add("[image: "+MarkdownRunsText(alt.out)+"]", img)
		case *ast.RawHTML:
			var b strings.Builder
			for i := 0; i < n.Segments.Len(); i++ {
				seg := n.Segments.At(i)
				b.Write(seg.Value(w.src))
			}
			html := st
			html.HTML = true
			w.add(b.String(), html)
		case *east.Strikethrough:
			s := st
			s.Strike = true
			w.walk(n, s)
		case *Prompt:
			p := st
			p.Prompt = true
			w.add(data.PromptText(n.Label), p)
		default:
			w.walk(n, st)
		}
	}
}

// link is st opening address, as a link of its own; an address print would
// not open leaves st as it is.
func (w *inlineWalker) link(st MarkdownRun, address string) MarkdownRun {
	if address == "" {
		return st
	}
	w.links++
	st.Link, st.LinkID = address, w.links
	return st
}
