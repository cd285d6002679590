package reports

import (
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"

	"smsbuilder/data"
)

// The words a reference to a document prints. A reference to a document
// the pack prints links to it and gives its page; one to a document the
// pack leaves out says why, so that no reader looks for it in vain.
const (
	refPageWord      = "page"
	refThisDocument  = "this document"
	refNotInPrefix   = "not in this " // + the pack's word: "not in this manual"
	refNotInRegister = "not in this workspace"
	relatedHeading   = "related documents" // the section printed as a list, compared without case
)

// refEntry is a document of the register as references name it.
type refEntry struct {
	title  string
	reason string // why the pack leaves it out: "draft", "in review", "withdrawn"; "" for none
}

// refRegister is what a pack knows to resolve references: every document
// of the workspace's register and which of them the pack prints. It is
// made while the pack is prepared and never changes.
type refRegister struct {
	scope    string // how the text names the pack: "manual" or "pack"
	titled   bool   // a reference to a document left out names its title
	docs     map[string]refEntry
	printed  map[string]bool
	prefixes []string // what the register's numbers start with before their digits ("SMS-DOC-")
}

// newRefRegister reads the register of src; the pack's spec adds what it
// prints with print.
func newRefRegister(src Source, scope string, titled bool) *refRegister {
	reg := &refRegister{scope: scope, titled: titled, docs: map[string]refEntry{}, printed: map[string]bool{}}
	seen := map[string]bool{}
	for _, rec := range src.Documents {
		n := strings.TrimSpace(rec.Document.Number)
		if n == "" {
			continue
		}
		s := stateOf(rec)
		e := refEntry{title: strings.TrimSpace(rec.Document.Title)}
		switch {
		case s.withdrawn():
			e.reason = "withdrawn"
		case s.approved == nil && s.pending != nil && s.pending.Status == data.DocInReview:
			e.reason = "in review"
		case s.approved == nil:
			e.reason = "draft"
		}
		reg.docs[n] = e
		if p := strings.TrimRight(n, "0123456789"); p != n && p != "" && !seen[p] {
			seen[p] = true
			reg.prefixes = append(reg.prefixes, p)
		}
	}
	return reg
}

// print records that the pack prints the document numbered n.
func (reg *refRegister) print(n string) { reg.printed[n] = true }

// known reports whether tok names a document: one of the register, or a
// number of the register's form that it does not hold.
func (reg *refRegister) known(tok string) bool {
	if _, ok := reg.docs[tok]; ok {
		return true
	}
	for _, p := range reg.prefixes {
		if rest, ok := strings.CutPrefix(tok, p); ok && rest != "" && strings.Trim(rest, "0123456789") == "" {
			return true
		}
	}
	return false
}

// absence is the note a reference to a document the pack does not print
// carries, without brackets: "not in this manual: draft".
func (reg *refRegister) absence(n string) string {
	e, ok := reg.docs[n]
	if !ok {
		return strings.ReplaceAll(refNotInRegister, " ", "\u00A0")
	}
	note := refNotInPrefix + reg.scope
	if e.reason != "" {
		note += ": " + e.reason
	}
	// the note breaks from the line as a whole, never inside
	return strings.ReplaceAll(note, " ", "\u00A0")
}

// refPass is what one pass of the layout knows of references: the pages
// the previous pass found, and in a printing pass the links it made.
type refPass struct {
	reg   *refRegister
	pages map[string]int // number → the footer's page number of its first page; absent until known
	links map[string]int // number → gofpdf link, printing passes only
	// drawn is the record of the links printed, for tests
	drawn []drawnRef
}

// drawnRef is a reference printed as a link.
type drawnRef struct {
	number string
	target int // the page it says
	text   string
}

// refPages reads, from a table of contents, the footer page on which every
// document of the pack starts.
func refPages(reg *refRegister, toc []heading) map[string]int {
	pages := map[string]int{}
	if reg == nil {
		return pages
	}
	for _, h := range toc {
		if h.level == 0 && reg.printed[h.number] {
			pages[h.number] = h.page - 1 // printed numbers start after the cover
		}
	}
	return pages
}

func samePageMap(a, b map[string]int) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// link is the gofpdf link to the first page of document n, made the first
// time it is asked for; 0 when nothing is drawn.
func (d *doc) refLink(n string) int {
	if d.refs == nil || d.pdf == nil {
		return 0
	}
	if d.refs.links == nil {
		d.refs.links = map[string]int{}
	}
	id, ok := d.refs.links[n]
	if !ok {
		id = d.pdf.AddLink()
		d.refs.links[n] = id
	}
	return id
}

// refTarget makes the top of the current page the target of the links to
// document n, which a section of that number starts.
func (d *doc) refTarget(n string) {
	if d.refs == nil || !d.refs.reg.printed[n] {
		return
	}
	if id := d.refLink(n); id != 0 {
		d.pdf.SetLink(id, 0, d.page)
	}
}

// linkTo draws the link area of a reference.
func (d *doc) linkTo(x, y, w, h float64, p piece) {
	if d.pdf == nil || p.link == 0 || w <= 0 {
		return
	}
	d.tracef("goto %.2f %.2f %.2f %.2f %d\n", x, y, w, h, p.link)
	d.pdf.Link(x, y, w, h, p.link)
}

// linkedWidth is the width of the words from the first of pieces on that
// share its link, and the spaces between them: one link area a line.
func linkedWidth(pieces []piece) float64 {
	w, words := 0.0, 0.0
	for _, p := range pieces {
		if p.link != pieces[0].link {
			break
		}
		w += p.w
		if !p.glue {
			words = w
		}
	}
	return words
}

// linked is a span of text that links to document n, recorded when it is
// to be printed.
func (d *doc) linked(n, text string, st style) span {
	id := d.refLink(n)
	if id != 0 {
		d.refs.drawn = append(d.refs.drawn, drawnRef{number: n, target: d.refs.pages[n], text: text})
	}
	return span{text: text, st: st, link: id}
}

// refToken finds the next document number in s from byte i: its start and
// end, or -1. A number is a run of letters, digits and "-._/" that the
// register knows, less any trailing punctuation.
func (reg *refRegister) refToken(s string, i int) (start, end int) {
	isPart := func(c byte) bool {
		return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' || c == '/'
	}
	for i < len(s) {
		if !isPart(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isPart(s[j]) {
			j++
		}
		k := j
		for k > i && strings.IndexByte("-_./", s[k-1]) >= 0 {
			k--
		}
		if k > i && reg.known(s[i:k]) {
			return i, k
		}
		i = j
	}
	return -1, -1
}

// refSpans is a reference to document n in style st, as it prints in
// running text: a link with the page, or the number with why it is absent.
// A number the text already puts in brackets takes the note inside them.
func (d *doc) refSpans(n string, st style, bracketed bool) []span {
	reg := d.refs.reg
	switch {
	case n == d.section:
		return []span{{text: n, st: st}}
	case reg.printed[n]:
		return []span{d.linked(n, n+",\u00A0"+refPageWord+"\u00A0"+d.refPage(n), st)}
	}
	note := reg.absence(n)
	if e, ok := reg.docs[n]; ok && reg.titled && e.title != "" {
		note = e.title + "; " + note
	}
	if bracketed {
		return []span{{text: n, st: st}, {text: ", " + note, st: st}}
	}
	return []span{{text: n, st: st}, {text: " (" + note + ")", st: st}}
}

// refPage is the page document n starts on, as the previous pass found it;
// before any pass has, a stand-in of likely width.
func (d *doc) refPage(n string) string {
	if p, ok := d.refs.pages[n]; ok {
		return strconv.Itoa(p)
	}
	return "00"
}

// refer resolves the references in spans of running text (see refSpans).
// Code and links are left as they are.
func (d *doc) refer(spans []span) []span {
	if d.refs == nil {
		return spans
	}
	var out []span
	for i, sp := range spans {
		if sp.url != "" || sp.st&stMono != 0 {
			if out != nil {
				out = append(out, sp)
			}
			continue
		}
		text, at := sp.text, 0
		for {
			s, e := d.refs.reg.refToken(text, at)
			if s < 0 {
				break
			}
			if out == nil {
				out = append(make([]span, 0, len(spans)+4), spans[:i]...)
			}
			if s > 0 {
				out = append(out, span{text: text[:s], st: sp.st})
			}
			bracketed := s > 0 && text[s-1] == '(' && e < len(text) && text[e] == ')'
			out = append(out, d.refSpans(text[s:e], sp.st, bracketed)...)
			text, at = text[e:], 0
		}
		if out != nil && text != "" {
			out = append(out, span{text: text, st: sp.st})
		}
	}
	if out == nil {
		return spans
	}
	return out
}

// ---- Related documents ----

// relatedList is a "Related documents" section of a text: the blocks that
// follow its heading and the documents they name, in order.
type relatedList struct {
	first   ast.Node
	entries []relatedEntry
}

type relatedEntry struct {
	number string
	title  string // as the stored text gives it, for a number the register lacks
}

// relatedSections finds the "Related documents" sections among the top
// blocks of a text and maps each of their blocks to the list, so that the
// renderer prints the list in place of the first and skips the rest. A
// section that names no document prints as written.
func (r *mdRenderer) relatedSections(root ast.Node) map[ast.Node]*relatedList {
	if r.d.refs == nil {
		return nil
	}
	var out map[ast.Node]*relatedList
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		h, ok := n.(*ast.Heading)
		if !ok || !strings.EqualFold(plainText(r.inlines(h, 0)), relatedHeading) {
			continue
		}
		l := &relatedList{first: h.NextSibling()}
		var blocks []ast.Node
		for b := h.NextSibling(); b != nil; b = b.NextSibling() {
			if _, ok := b.(*ast.Heading); ok {
				break
			}
			blocks = append(blocks, b)
			_ = ast.Walk(b, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
				switch c.(type) {
				case *ast.Paragraph, *ast.TextBlock:
					if entering {
						l.entries = append(l.entries, r.d.refs.reg.relatedEntries(plainText(r.inlines(c, 0)))...)
					}
					return ast.WalkSkipChildren, nil
				}
				return ast.WalkContinue, nil
			})
		}
		if len(l.entries) == 0 {
			continue
		}
		if out == nil {
			out = map[ast.Node]*relatedList{}
		}
		for _, b := range blocks {
			out[b] = l
		}
	}
	return out
}

// relatedEntries reads the documents a line of a Related documents section
// names, whatever separates them: each number, and the words after it up
// to the next.
func (reg *refRegister) relatedEntries(text string) []relatedEntry {
	var out []relatedEntry
	s, e := reg.refToken(text, 0)
	for s >= 0 {
		ns, ne := reg.refToken(text, e)
		rest := text[e:]
		if ns >= 0 {
			rest = text[e:ns]
		}
		out = append(out, relatedEntry{number: text[s:e], title: strings.Trim(rest, " \t\u00A0·;,.:\u2013\u2014-")})
		s, e = ns, ne
	}
	return out
}

// related prints a Related documents section as one list, one document a
// line: its number and the register's title, then its page or why the pack
// leaves it out. It reports whether n belongs to such a section.
func (r *mdRenderer) related(n ast.Node) bool {
	l, ok := r.relatedAt[n]
	if !ok {
		return false
	}
	if n != l.first {
		return true
	}
	d := r.d
	seen := map[string]bool{}
	const markerW = 5.5
	for i, e := range l.entries {
		if seen[e.number] {
			continue
		}
		seen[e.number] = true
		title := e.title
		if reg, ok := d.refs.reg.docs[e.number]; ok && reg.title != "" {
			title = reg.title
		}
		label := e.number
		if title != "" {
			label += " " + title
		}
		var spans []span
		switch {
		case e.number == d.section:
			spans = []span{{text: label}, {text: " (" + refThisDocument + ")", st: stMuted}}
		case d.refs.reg.printed[e.number]:
			spans = []span{d.linked(e.number, label+", "+refPageWord+"\u00A0"+d.refPage(e.number), 0)}
		default:
			spans = []span{{text: label}, {text: " (" + d.refs.reg.absence(e.number) + ")", st: stMuted}}
		}
		if i > 0 {
			d.gap(gapTightItem)
		}
		restore := d.indent(markerW, false)
		d.marker = &marker{text: bullet(0), x: d.x - 1.8, size: r.base.size}
		d.flow(spans, r.base)
		restore()
	}
	d.gap(gapParagraph)
	return true
}

// references are the references of a printed pack as it resolved them:
// the documents it holds and their pages from its outline, the rest as the
// workspace register has them now. A document whose status changed since
// the pack was printed makes its references read differently.
func (p *printedPack) references(src Source) *refPass {
	reg := newRefRegister(src, "pack", true)
	if p.title == manualTitle {
		reg = newRefRegister(src, "manual", false)
	}
	pages := map[string]int{}
	for _, b := range p.sections {
		n := strings.Fields(b.Title + " x")[0]
		if _, ok := reg.docs[n]; ok {
			reg.print(n)
			pages[n] = b.PageFrom - 1
		}
	}
	return &refPass{reg: reg, pages: pages}
}
