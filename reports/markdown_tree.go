package reports

import (
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// ParseMarkdown parses a document's Markdown exactly as packs print it:
// the same dialect and extensions, and nesting beyond what print keeps
// flattened first. The app draws its previews from this tree, so that what
// a person sees on screen is what the PDF prints. The returned source is
// what the tree's segments point into.
func ParseMarkdown(src string) (source []byte, root ast.Node) {
	p := parseMarkdown(newMarkdown(), src)
	return p.src, p.root
}

// MarkdownText is the plain text of a Markdown text node's raw bytes:
// backslash escapes and character references resolved, as print does.
func MarkdownText(raw []byte) string { return unescape(raw) }

// MarkdownLink is the address a link may open, or "" when print would not
// make it clickable either (anything but web and mail links).
func MarkdownLink(u string) string { return safeURL(u) }

// EscapeMarkdownInline makes workspace text show literally on one line of
// Markdown, such as a table cell.
func EscapeMarkdownInline(s string) string { return escapeInline(s) }

// MarkdownLines is the raw text of a code block or HTML block of src, line
// by line, with its indentation.
func MarkdownLines(n ast.Node, src []byte) []string {
	segs := n.Lines()
	if segs == nil {
		return nil
	}
	out := make([]string, 0, segs.Len())
	for i := 0; i < segs.Len(); i++ {
		s := segs.At(i)
		v := string(s.Value(src))
		if s.Padding > 0 {
			v = strings.Repeat(" ", s.Padding) + v
		}
		out = append(out, strings.TrimRight(v, "\r\n"))
	}
	return out
}

func parseMarkdown(md goldmark.Markdown, src string) parsedMarkdown {
	b := []byte(flattenDeep(src))
	return parsedMarkdown{src: b, root: md.Parser().Parse(text.NewReader(b))}
}
